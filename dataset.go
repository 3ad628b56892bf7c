package congtin

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// The open-data catalogue ("Dữ liệu mở", Nghị định 47/2020/NĐ-CP and
// 42/2022/NĐ-CP; issue 19): datasets with their resources, files
// uploaded or links to an API. A dataset goes through the shared
// workflow (Nháp → Chờ duyệt → Đã xuất bản), checked by the same
// permission table (Can).
//
// The fields are those DCAT-AP describes a dataset and its
// distributions with, so that a catalogue in DCAT or CKAN's shape can be
// built from them without asking editors for more: title, description,
// publisher, themes, keywords, licence, frequency, temporal and spatial
// coverage, contact point, issued and modified dates; each resource's
// format, media type, size and download or access URL.

// Limits of a dataset's fields.
const (
	MaxDatasetTitleLen       = 500
	MaxDatasetDescriptionLen = 10000
	MaxDatasetKeywords       = 20
	MaxDatasetKeywordLen     = 60
	MaxDatasetSpatialLen     = 300
	MaxDatasetContactLen     = 200
	MaxDatasetResources      = 30
	MaxResourceNameLen       = 300
	MaxResourceDescLen       = 2000
	MaxResourceURLLen        = 2000
	// PreviewRows is how many rows of a table the dataset page shows.
	PreviewRows = 100
)

// File kinds of a dataset's resources beside the register's FileXLSX,
// sniffed from the bytes as the attachments' are.
const (
	FileCSV  = "csv"
	FileJSON = "json"
)

// Formats of a resource: the three file formats taken, and API for a
// link to a service.
const (
	FormatCSV  = "CSV"
	FormatXLSX = "XLSX"
	FormatJSON = "JSON"
	FormatAPI  = "API"
)

// ResourceFormats lists the formats in the order the forms offer them.
var ResourceFormats = []string{FormatCSV, FormatXLSX, FormatJSON, FormatAPI}

// FormatOfKind is the format of an uploaded file of a kind ("" for none).
func FormatOfKind(kind string) string {
	switch kind {
	case FileCSV:
		return FormatCSV
	case FileXLSX:
		return FormatXLSX
	case FileJSON:
		return FormatJSON
	}
	return ""
}

// Licence is an open licence a dataset may be published under.
type Licence struct {
	Code string // stored, and CKAN's license_id later
	Name string
	URL  string
}

// Licences are the licences offered, the default first. Each URL is the
// licence's own page. (Nghị định 47/2020/NĐ-CP asks for open data to be
// free to reuse but publishes no licence text of its own with an
// address; when one exists it is added here.)
var Licences = []Licence{
	{Code: "cc-by-4.0", Name: "Creative Commons Ghi công 4.0 (CC BY 4.0)", URL: "https://creativecommons.org/licenses/by/4.0/"},
	{Code: "cc0-1.0", Name: "Creative Commons CC0 1.0 (dành cho công chúng)", URL: "https://creativecommons.org/publicdomain/zero/1.0/"},
	{Code: "odc-by-1.0", Name: "Open Data Commons Attribution (ODC-By 1.0)", URL: "https://opendatacommons.org/licenses/by/1-0/"},
	{Code: "odbl-1.0", Name: "Open Data Commons Open Database License (ODbL 1.0)", URL: "https://opendatacommons.org/licenses/odbl/1-0/"},
}

// DefaultLicence is the licence of a dataset whose form names none.
const DefaultLicence = "cc-by-4.0"

// LicenceOf returns the licence of a code (nil for none).
func LicenceOf(code string) *Licence {
	for i := range Licences {
		if Licences[i].Code == code {
			return &Licences[i]
		}
	}
	return nil
}

// Frequency is how often a dataset is updated, with its URI in the EU
// vocabulary DCAT-AP uses (dct:accrualPeriodicity).
type Frequency struct {
	Code string
	Name string
	URI  string
}

// frequencyBase is the EU Publications Office's frequency authority
// table.
const frequencyBase = "http://publications.europa.eu/resource/authority/frequency/"

// Frequencies are the update frequencies offered.
var Frequencies = []Frequency{
	{Code: "CONT", Name: "Liên tục", URI: frequencyBase + "CONT"},
	{Code: "DAILY", Name: "Hằng ngày", URI: frequencyBase + "DAILY"},
	{Code: "WEEKLY", Name: "Hằng tuần", URI: frequencyBase + "WEEKLY"},
	{Code: "MONTHLY", Name: "Hằng tháng", URI: frequencyBase + "MONTHLY"},
	{Code: "QUARTERLY", Name: "Hằng quý", URI: frequencyBase + "QUARTERLY"},
	{Code: "ANNUAL_2", Name: "Sáu tháng một lần", URI: frequencyBase + "ANNUAL_2"},
	{Code: "ANNUAL", Name: "Hằng năm", URI: frequencyBase + "ANNUAL"},
	{Code: "IRREG", Name: "Không định kỳ", URI: frequencyBase + "IRREG"},
	{Code: "NEVER", Name: "Không cập nhật", URI: frequencyBase + "NEVER"},
	{Code: "UNKNOWN", Name: "Chưa xác định", URI: frequencyBase + "UNKNOWN"},
}

// FrequencyOf returns the frequency of a code (nil for none).
func FrequencyOf(code string) *Frequency {
	for i := range Frequencies {
		if Frequencies[i].Code == code {
			return &Frequencies[i]
		}
	}
	return nil
}

// DefaultDatasetThemes seed every site's list of themes (ListThemes);
// administrators edit it afterwards.
var DefaultDatasetThemes = []string{"Kinh tế - Tài chính", "Nông nghiệp", "Giáo dục", "Y tế", "Dân số - Xã hội",
	"Tài nguyên - Môi trường", "Giao thông - Xây dựng", "Hành chính công", "Văn hóa - Du lịch", "Khoa học - Công nghệ"}

// Dataset is a dataset of the open-data catalogue.
type Dataset struct {
	ID     int64  `json:"id"`
	SiteID int64  `json:"site_id"`
	Title  string `json:"title"`
	Slug   string `json:"slug"`
	// Description is plain text, paragraphs separated by blank lines:
	// DCAT's dct:description and CKAN's notes are literals that
	// harvesters show as they are, so markup would be shown as tags.
	Description string `json:"description"`
	// PublisherID is a unit of the about section's organisation chart
	// (0: none); PublisherName its name, read with it.
	PublisherID   int64  `json:"publisher_id,omitempty"`
	PublisherName string `json:"publisher_name,omitempty"`
	// Themes are entries of the site's list ListThemes, in the list's
	// order.
	Themes    []*DocumentTerm `json:"themes,omitempty"`
	Keywords  []string        `json:"keywords,omitempty"`
	Licence   string          `json:"licence"`   // a code of Licences
	Frequency string          `json:"frequency"` // a code of Frequencies, "" for none
	// TemporalStart and TemporalEnd bound the period the data covers
	// (days; zero: open).
	TemporalStart time.Time `json:"temporal_start,omitzero"`
	TemporalEnd   time.Time `json:"temporal_end,omitzero"`
	Spatial       string    `json:"spatial,omitempty"` // "Tỉnh Lâm Đồng"
	ContactName   string    `json:"contact_name,omitempty"`
	ContactEmail  string    `json:"contact_email,omitempty"`
	// Issued and Modified are the data's own dates (dct:issued,
	// dct:modified) as the editor gives them; zero: the publication
	// and last change of the record stand in (IssuedOn, ModifiedOn).
	Issued      time.Time   `json:"issued,omitzero"`
	Modified    time.Time   `json:"modified,omitzero"`
	Status      string      `json:"status"`
	PublishedAt time.Time   `json:"published_at"`
	CreatedAt   time.Time   `json:"created_at"`
	UpdatedAt   time.Time   `json:"updated_at"`
	CreatedBy   int64       `json:"created_by,omitempty"`
	Version     int64       `json:"version"`
	Resources   []*Resource `json:"resources,omitempty"`
}

// DatasetPath is a dataset's public path: the slug for people, the ID so
// that a corrected title never breaks a link.
func DatasetPath(slug string, id int64) string {
	if slug == "" {
		return "/du-lieu-mo/" + strconv.FormatInt(id, 10)
	}
	return "/du-lieu-mo/" + slug + "-" + strconv.FormatInt(id, 10)
}

// Path returns the dataset's canonical public path.
func (d *Dataset) Path() string { return DatasetPath(d.Slug, d.ID) }

// IsPublic reports whether readers may see the dataset at now.
func (d *Dataset) IsPublic(now time.Time) bool {
	return d.Status == StatusPublished && !d.PublishedAt.After(now)
}

// IssuedOn is the data's issue date, the publication when none is given.
func (d *Dataset) IssuedOn() time.Time {
	if d.Issued.IsZero() {
		return d.PublishedAt
	}
	return d.Issued
}

// ModifiedOn is the data's last change, the record's when none is given.
func (d *Dataset) ModifiedOn() time.Time {
	if d.Modified.IsZero() {
		return d.UpdatedAt
	}
	return d.Modified
}

// LicenceInfo returns the dataset's licence (the default for an unknown
// code).
func (d *Dataset) LicenceInfo() *Licence {
	if l := LicenceOf(d.Licence); l != nil {
		return l
	}
	return LicenceOf(DefaultLicence)
}

// FrequencyInfo returns the dataset's frequency (nil for none).
func (d *Dataset) FrequencyInfo() *Frequency { return FrequencyOf(d.Frequency) }

// Item returns the dataset as the workflow sees it (nil for none).
func (d *Dataset) Item() *Item {
	if d == nil {
		return nil
	}
	return &Item{Ref: Ref{Kind: KindDataset, SiteID: d.SiteID, ID: d.ID}, Title: d.Title, Status: d.Status,
		CreatedBy: d.CreatedBy, PublishedAt: d.PublishedAt}
}

// Resource is a distribution of a dataset: an uploaded file (Hash set)
// or a link to where the data is served (URL set).
type Resource struct {
	ID          int64  `json:"id"`
	DatasetID   int64  `json:"dataset_id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Format      string `json:"format"`     // FormatCSV …
	MediaType   string `json:"media_type"` // "text/csv"; "" for a link of unknown type
	// An uploaded file: its kind (FileCSV, FileXLSX, FileJSON), size,
	// SHA-256 (its key in the file store) and the name it was sent with.
	Kind     string `json:"kind,omitempty"`
	Size     int64  `json:"size,omitempty"`
	Hash     string `json:"hash,omitempty"`
	FileName string `json:"file_name,omitempty"`
	// URL is a link's access URL (http or https only).
	URL      string `json:"url,omitempty"`
	Position int    `json:"position"`
	// Preview holds the first rows of a table, read once at upload
	// (nil for a link, JSON, or a file that could not be read).
	Preview   *DataPreview `json:"-"`
	CreatedAt time.Time    `json:"created_at"`
}

// IsFile reports an uploaded file, as opposed to a link.
func (r *Resource) IsFile() bool { return r.Hash != "" }

// DownloadPath is the public path of an uploaded resource's file.
func (r *Resource) DownloadPath() string {
	return "/du-lieu-mo/" + strconv.FormatInt(r.DatasetID, 10) + "/tai-nguyen/" + strconv.FormatInt(r.ID, 10)
}

// File returns an uploaded resource as the attachments' file code sees
// it, to store and serve it alike.
func (r *Resource) File() *DocumentFile {
	return &DocumentFile{ID: r.ID, DocumentID: r.DatasetID, Name: r.FileName, Kind: r.Kind, Size: r.Size, Hash: r.Hash}
}

// DataPreview is what the dataset page shows of a table: its header and
// first rows, and how its text was read.
type DataPreview struct {
	Header []string   `json:"header"`
	Rows   [][]string `json:"rows"`
	// Encoding names the encoding the text was found in ("UTF-8",
	// "Windows-1258", "TCVN3"); empty for a spreadsheet.
	Encoding string `json:"encoding,omitempty"`
	// More: the table goes on after the rows shown.
	More bool `json:"more,omitempty"`
	// Sheet names the spreadsheet's sheet shown.
	Sheet string `json:"sheet,omitempty"`
}

// ResourceInput is a resource the form adds: an uploaded file checked and
// stored already (Hash set), or a link (URL).
type ResourceInput struct {
	Name        string
	Description string
	// Format is the link's (ResourceFormats); a file's is its kind's.
	Format   string
	URL      string
	Kind     string
	Size     int64
	Hash     string
	FileName string
	Preview  *DataPreview
}

// DatasetInput is what the back office's form sends.
type DatasetInput struct {
	Title       string
	Description string
	PublisherID int64
	ThemeIDs    []int64
	// Keywords as typed: separated by commas, semicolons or new lines.
	Keywords      string
	Licence       string
	Frequency     string
	TemporalStart time.Time
	TemporalEnd   time.Time
	Spatial       string
	ContactName   string
	ContactEmail  string
	Issued        time.Time
	Modified      time.Time
	// AddResources are added after the kept ones; RemoveResources the
	// IDs of those to drop.
	AddResources    []ResourceInput
	RemoveResources []int64
	// Version is the one the form was loaded from (see
	// ArticleInput.Version).
	Version int64
}

// SplitKeywords splits typed keywords, trims and deduplicates them
// (letter case aside), keeping the first spelling.
func SplitKeywords(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, k := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '\n' || r == '\r' }) {
		k = strings.Join(strings.Fields(k), " ")
		if k == "" || seen[strings.ToLower(k)] {
			continue
		}
		seen[strings.ToLower(k)] = true
		out = append(out, k)
	}
	return out
}

// Normalize brings the texts to NFC, trims the one-line fields, fills the
// default licence and settles each resource's format and media type.
func (in *DatasetInput) Normalize() {
	NFC(&in.Title, &in.Description, &in.Keywords, &in.Spatial, &in.ContactName, &in.ContactEmail)
	in.Title = strings.Join(strings.Fields(in.Title), " ")
	in.Description = strings.TrimSpace(strings.ReplaceAll(in.Description, "\r\n", "\n"))
	in.Spatial = strings.Join(strings.Fields(in.Spatial), " ")
	in.ContactName = strings.Join(strings.Fields(in.ContactName), " ")
	in.ContactEmail = strings.TrimSpace(in.ContactEmail)
	if in.Licence == "" {
		in.Licence = DefaultLicence
	}
	for i := range in.AddResources {
		r := &in.AddResources[i]
		NFC(&r.Name, &r.Description)
		r.Name = strings.Join(strings.Fields(r.Name), " ")
		r.Description = strings.TrimSpace(r.Description)
		r.URL = strings.TrimSpace(r.URL)
		if r.Hash != "" {
			r.Format = FormatOfKind(r.Kind)
		}
		if r.Name == "" {
			r.Name = r.FileName
		}
	}
}

// Validate checks the fields that need no database.
func (in *DatasetInput) Validate() error {
	fe := FieldErrors{}
	checkText(fe, "title", "Tên tập dữ liệu", in.Title, MaxDatasetTitleLen, true)
	checkText(fe, "description", "Mô tả", in.Description, MaxDatasetDescriptionLen, true)
	checkText(fe, "spatial", "Phạm vi không gian", in.Spatial, MaxDatasetSpatialLen, false)
	checkText(fe, "contact_name", "Đầu mối liên hệ", in.ContactName, MaxDatasetContactLen, false)
	checkText(fe, "keywords", "Từ khóa", in.Keywords, MaxDatasetKeywords*(MaxDatasetKeywordLen+2), false)
	if _, ok := fe["keywords"]; !ok {
		ks := SplitKeywords(in.Keywords)
		if len(ks) > MaxDatasetKeywords {
			fe["keywords"] = "Nhiều nhất " + itoa(MaxDatasetKeywords) + " từ khóa."
		}
		for _, k := range ks {
			if utf8.RuneCountInString(k) > MaxDatasetKeywordLen {
				fe["keywords"] = "Từ khóa “" + k + "” quá dài: tối đa " + itoa(MaxDatasetKeywordLen) + " ký tự."
			}
		}
	}
	if in.ContactEmail != "" && !ValidEmail(in.ContactEmail) {
		fe["contact_email"] = "Địa chỉ thư điện tử liên hệ không hợp lệ."
	}
	if LicenceOf(in.Licence) == nil {
		fe["licence"] = "Hãy chọn một giấy phép trong danh sách."
	}
	if in.Frequency != "" && FrequencyOf(in.Frequency) == nil {
		fe["frequency"] = "Hãy chọn tần suất cập nhật trong danh sách."
	}
	if in.PublisherID < 0 {
		fe["publisher_id"] = "Đơn vị công bố không hợp lệ."
	}
	for _, d := range []struct {
		field string
		t     time.Time
	}{{"temporal_start", in.TemporalStart}, {"temporal_end", in.TemporalEnd}, {"issued", in.Issued}, {"modified", in.Modified}} {
		if !d.t.IsZero() && (d.t.Before(minDocumentDay) || d.t.Year() > 9999) {
			fe[d.field] = "Ngày không hợp lệ."
		}
	}
	if !in.TemporalStart.IsZero() && !in.TemporalEnd.IsZero() && in.TemporalEnd.Before(in.TemporalStart) {
		fe["temporal_end"] = "Ngày kết thúc của khoảng thời gian phải từ ngày bắt đầu trở đi."
	}
	for _, r := range in.AddResources {
		if msg := r.check(); msg != "" {
			fe["resources"] = msg
		}
	}
	if len(fe) > 0 {
		return &ValidationError{Fields: fe}
	}
	return nil
}

// check returns what is wrong with a resource to add ("" for nothing).
func (r *ResourceInput) check() string {
	switch {
	case !validText(r.Name) || !validText(r.Description) || !validText(r.URL):
		return "Tài nguyên chứa ký tự không hợp lệ."
	case utf8.RuneCountInString(r.Name) > MaxResourceNameLen:
		return "Tên tài nguyên quá dài: tối đa " + itoa(MaxResourceNameLen) + " ký tự."
	case utf8.RuneCountInString(r.Description) > MaxResourceDescLen:
		return "Mô tả tài nguyên quá dài: tối đa " + itoa(MaxResourceDescLen) + " ký tự."
	case r.Hash != "":
		if r.Size <= 0 || FormatOfKind(r.Kind) == "" {
			return "Tệp dữ liệu không hợp lệ."
		}
		return ""
	case r.Name == "":
		return "Hãy đặt tên cho liên kết dữ liệu."
	}
	if !ValidFormat(r.Format) {
		return "Hãy chọn định dạng của liên kết “" + r.Name + "”: CSV, XLSX, JSON hoặc API."
	}
	return CheckAccessURL(r.URL)
}

// ValidFormat reports one of ResourceFormats.
func ValidFormat(f string) bool {
	for _, x := range ResourceFormats {
		if f == x {
			return true
		}
	}
	return false
}

// CheckAccessURL returns why a link cannot be a resource's access URL
// ("" when it can): only absolute http and https addresses are taken, so
// a link never runs a script (javascript:) or opens a local file.
func CheckAccessURL(s string) string {
	if s == "" {
		return "Hãy nhập địa chỉ (URL) của liên kết dữ liệu."
	}
	if len(s) > MaxResourceURLLen {
		return "Địa chỉ liên kết dữ liệu quá dài."
	}
	u, err := url.Parse(s)
	if err != nil || strings.ContainsAny(s, " \t\n\r") {
		return "Địa chỉ liên kết dữ liệu không hợp lệ."
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "Địa chỉ liên kết dữ liệu phải bắt đầu bằng http:// hoặc https://; không nhận địa chỉ dạng “" + u.Scheme + ":”."
	}
	if u.Host == "" {
		return "Địa chỉ liên kết dữ liệu thiếu tên máy chủ."
	}
	return ""
}

// ResourceMediaType is the media type a resource is served as.
func ResourceMediaType(format, kind string) string {
	switch {
	case kind != "":
		return FileContentType(kind)
	case format == FormatCSV:
		return "text/csv"
	case format == FormatXLSX:
		return FileContentType(FileXLSX)
	case format == FormatJSON:
		return "application/json"
	}
	return ""
}

// DatasetRevision is a stored version of a dataset's content.
type DatasetRevision struct {
	ID          int64
	SiteID      int64
	DatasetID   int64
	UserID      int64
	UserName    string
	CreatedAt   time.Time
	Note        string
	Title       string
	Description string
	// Meta spells out the other fields, one "name: value" a line, for a
	// readable comparison.
	Meta string
	// Resources names the resources, "; " between them.
	Resources string
}

// DatasetFilter selects datasets. Zero values mean "no condition"; the
// conditions combine.
type DatasetFilter struct {
	SiteID int64
	// Public keeps the published ones readers may see at Now.
	Public bool
	Now    time.Time // zero: the store's clock
	// The catalogue's facets.
	ThemeID     int64
	PublisherID int64
	Format      string
	Licence     string
	// The back office's conditions.
	Status    string
	CreatedBy int64
	// Q matches the folded words of the title, description, keywords,
	// spatial coverage and resources' names.
	Q      string
	Offset int
	Limit  int
}

// Facet is a value of a catalogue's facet with its number of datasets.
type Facet struct {
	ID    int64  // a theme's or publisher's
	Value string // a format's or licence's code
	Name  string
	Count int
}

// DatasetFacets counts the datasets a filter selects by each value of
// the catalogue's facets.
type DatasetFacets struct {
	Themes, Publishers, Formats, Licences []Facet
}

// DatasetStore reads datasets.
type DatasetStore interface {
	// FindDatasetByID returns any dataset of the site, public or not, with
	// its resources; NotFound(KindDataset) if there is none.
	FindDatasetByID(ctx context.Context, siteID, id int64) (*Dataset, error)
	// FindDatasets lists datasets matching f (without resources' previews)
	// and their total. Public lists order by the latest change, the back
	// office's too.
	FindDatasets(ctx context.Context, f DatasetFilter) ([]*Dataset, int, error)
	// FindDatasetFacets counts the datasets f selects by theme, publisher,
	// format and licence (f's own Offset and Limit ignored).
	FindDatasetFacets(ctx context.Context, f DatasetFilter) (*DatasetFacets, error)
	// FindDatasetRevisions lists the revisions, newest first.
	FindDatasetRevisions(ctx context.Context, siteID, id int64) ([]*DatasetRevision, error)
	// FindResource reads a resource of a dataset of the site;
	// NotFound(KindResource) when there is none.
	FindResource(ctx context.Context, siteID, datasetID, id int64) (*Resource, error)
}

// DatasetTx writes datasets.
type DatasetTx interface {
	// FindDataset reads one in the transaction; NotFound as
	// FindDatasetByID.
	FindDataset(ctx context.Context, siteID, id int64) (*Dataset, error)
	// InsertDataset stores d with its themes and resources and sets the
	// IDs.
	InsertDataset(ctx context.Context, d *Dataset) error
	// UpdateDataset writes d's content, themes and resources (those
	// without an ID added, the others kept, the stored ones d no longer
	// lists removed) and bumps its version.
	UpdateDataset(ctx context.Context, d *Dataset) error
	// AddDatasetRevision stores r and sets its ID and time.
	AddDatasetRevision(ctx context.Context, r *DatasetRevision) error
}

// DatasetService is what the back office does with datasets.
type DatasetService interface {
	// CreateDataset stores a new draft by the actor. EFORBIDDEN for a role
	// that may not write; EINVALID names the field (a publisher or theme
	// not of the site included).
	CreateDataset(ctx context.Context, actor Actor, siteID int64, in DatasetInput) (*Dataset, error)
	// UpdateDataset saves new content and keeps a revision. EFORBIDDEN
	// when the actor may not edit it in its state; ErrEdited when
	// in.Version is not the stored one.
	UpdateDataset(ctx context.Context, actor Actor, siteID, id int64, in DatasetInput) (*Dataset, error)
	// UpdateDatasetStep saves the form and takes the step s in one
	// transaction (see EditorialService.UpdateArticleStep).
	UpdateDatasetStep(ctx context.Context, actor Actor, siteID, id int64, in DatasetInput, s Step) (*Item, bool, error)
	// TransitionDataset moves a dataset to the state act leads to.
	// EFORBIDDEN when the actor may not; EINVALID for an unknown act.
	TransitionDataset(ctx context.Context, actor Actor, siteID, id int64, act, comment string) (*Dataset, error)
}
