package render

import (
	"github.com/congtin/congtin"
)

// The open-data catalogue's pages (Dữ liệu mở) are registered here
// rather than in the pages table of render.go, so the feature stays in
// its own files.
func init() {
	for name, layout := range map[string]string{
		"datasets": "layout", "dataset": "layout",
		"admin/datasets": "admin", "admin/dataset_edit": "admin", "admin/dataset_revisions": "admin",
	} {
		pages[name] = layout
	}
}

// DatasetsPage is the public catalogue, /du-lieu-mo.
type DatasetsPage struct {
	Base
	Q        string
	Datasets []*congtin.Dataset
	Total    int
	Pager    Pager
	// Facets are the catalogue's facets with links that combine with the
	// search and the other facets chosen; Active the chosen ones.
	Facets []FacetGroup
	Active []ActiveFilter
}

// DatasetPage is a dataset's public page.
type DatasetPage struct {
	Base
	Dataset   *congtin.Dataset
	Licence   *congtin.Licence
	Frequency *congtin.Frequency
	// Paragraphs are the description's, split at blank lines.
	Paragraphs []string
	Resources  []ResourceItem
	// APIExample is a command that fetches the first resource.
	APIExample string
	// Downloads is the total of the resources' downloads.
	Downloads int64
}

// ResourceItem is a resource as the dataset page lists it.
type ResourceItem struct {
	*congtin.Resource
	// URL downloads the file, or leads to the link's address.
	URL  string
	Size string // of a file, readable
	// PreviewID anchors the preview's caption, for its region's label.
	PreviewID string
	// Downloads counts the downloads through the portal's address.
	Downloads int64
}

// AdminDatasetsPage is /admin/du-lieu-mo.
type AdminDatasetsPage struct {
	AdminBase
	Filter  ListFilter
	Rows    []DatasetRow
	Writers []WriterOption
	MineURL string
	Pager   Pager
	Total   int
}

// DatasetRow is a dataset in the back office's list.
type DatasetRow struct {
	*congtin.Dataset
	Writer string
}

// DatasetForm is the form as typed: days as the date inputs show them.
type DatasetForm struct {
	Title, Description, Keywords, Licence, Frequency, Spatial string
	ContactName, ContactEmail                                 string
	TemporalStart, TemporalEnd, Issued, Modified              string
	PublisherID                                               int64
	ThemeIDs                                                  map[int64]bool
	// The link being added, as typed.
	LinkName, LinkURL, LinkFormat string
}

// DatasetEditPage is a dataset's form with its workflow.
type DatasetEditPage struct {
	AdminBase
	Dataset     *congtin.Dataset // nil for a new one
	Form        DatasetForm
	Units       []*congtin.Unit
	Themes      []*congtin.DocumentTerm
	Licences    []congtin.Licence
	Frequencies []congtin.Frequency
	Formats     []string
	Workflow    Workflow
	CanSave     bool
	PublicURL   string
	MaxMB       int64
	// Edit keeps the writer's work (version, soft lock).
	Edit Editing
}

// DatasetRevisionsPage lists a dataset's revisions and shows one.
type DatasetRevisionsPage struct {
	AdminBase
	Dataset   *congtin.Dataset
	Revisions []*congtin.DatasetRevision
	Shown     *congtin.DatasetRevision
}
