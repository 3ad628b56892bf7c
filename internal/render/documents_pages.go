package render

import (
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
)

// The documents register's pages are registered here rather than in the
// pages table of render.go, so the feature stays in its own files.
func init() {
	for name, layout := range map[string]string{
		"documents": "layout", "document": "layout", "document_print": "print",
		"admin/documents": "admin", "admin/document_edit": "admin", "admin/document_lists": "admin", "admin/document_file_text": "admin",
	} {
		pages[name] = layout
	}
}

// DocumentsPage is /van-ban: the register with its search and facets.
type DocumentsPage struct {
	Base
	Q         string
	Documents []DocumentItem
	Total     int
	Facets    []FacetGroup
	Active    []ActiveFilter // the filters applied, each with a link that drops it
	Message   string
	Error     string
	Pager     Pager
	FeedURL   string

	// Approximate, when set, says above the documents that none holds
	// every word of the query and these hold most of them.
	Approximate string

	// Searched and VerbatimURL: as SearchPage's.
	Searched    string
	VerbatimURL string
	// Suggestion, when set, is what the reader probably meant.
	Suggestion *Suggestion
}

// DocumentItem is a document in a list.
type DocumentItem struct {
	*congtin.Document
	URL     string
	Expired bool
	NotYet  bool // in force from a day still ahead
	// In a search, the words found in an attachment's text: the file's
	// name and, for a PDF of several pages, the page (from 1).
	Snippet     []search.Segment
	SnippetFile string
	SnippetPage int
}

// FacetGroup is one facet with its values as links.
type FacetGroup struct {
	Label  string
	Values []FacetLink
}

// FacetLink is a facet value, its count and the list filtered by it.
type FacetLink struct {
	Label   string
	Count   int
	URL     string
	Current bool
}

// ActiveFilter is an applied filter and the URL without it.
type ActiveFilter struct {
	Label     string
	RemoveURL string
}

// DocumentPage is /van-ban/{slug}-{id}.
type DocumentPage struct {
	Base
	Doc            *congtin.Document
	Expired        bool
	NotYet         bool // its effective day is ahead
	ReplacedBy     *congtin.DocumentLink
	Links          []DocumentLinkGroup
	Files          []DocumentFileItem
	PrintURL       string
	BackURL        string
	ExpiredMessage string
}

// DocumentLinkGroup is the related documents of one kind and direction.
type DocumentLinkGroup struct {
	Label string
	Links []*congtin.DocumentLink
}

// DocumentFileItem is an attachment with its download URL.
type DocumentFileItem struct {
	*congtin.DocumentFile
	URL      string
	TypeName string // "PDF", "Word", "Excel"
	Size     string // "1,2 MB"
}

// DocumentPrintPage is the print view of a document.
type DocumentPrintPage struct {
	PrintBase
	Page *DocumentPage
}

// AdminDocumentEditPage is the document form with its workflow.
type AdminDocumentEditPage struct {
	AdminBase
	Doc       *congtin.Document // nil for a new document
	Form      DocumentForm
	Types     []*congtin.DocumentTerm
	Fields    []*congtin.DocumentTerm
	Workflow  Workflow
	Revisions []*congtin.DocumentRevision
	CanSave   bool
	PublicURL string
	MaxMB     int64
	Accept    string
	// Edit keeps the writer's work (autosave, version, soft lock).
	Edit Editing
}

// AdminDocumentFileTextPage shows the text read from an attachment, for
// an editor to check and correct, or to have it read again.
type AdminDocumentFileTextPage struct {
	AdminBase
	Doc  *congtin.Document
	File *congtin.DocumentFile
	// Text is the file's text as the form shows it: pages marked by
	// PageMark lines instead of form feeds.
	Text    string
	Pages   int
	CanEdit bool
	Err     string
}

// DocumentForm is what the form shows: the values as typed.
type DocumentForm struct {
	TypeID      int64
	FieldID     int64
	Number      string
	Issuer      string
	Signer      string
	IssuedOn    string
	EffectiveOn string
	ExpiresOn   string
	Summary     string
	Links       map[string]string // kind → one reference a line
}

// AdminDocumentListsPage manages the types and fields lists.
type AdminDocumentListsPage struct {
	AdminBase
	Groups []TermGroup
}

// TermGroup is one managed list.
type TermGroup struct {
	List  string // congtin.ListTypes or ListFields
	Label string
	Terms []*congtin.DocumentTerm
}

// documentFuncs are the template functions of the register's pages.
func documentFuncs() map[string]any {
	return map[string]any{
		"linkName":   func(kind string) string { return congtin.LinkName(kind, false) },
		"upper":      strings.ToUpper,
		"fileSize":   FileSize,
		"textState":  congtin.TextStateName,
		"textSource": congtin.TextSourceName,
	}
}

// FileSize formats a byte count the Vietnamese way: "820 KB", "1,2 MB".
func FileSize(n int64) string {
	switch {
	case n < 1000:
		return strconv.FormatInt(n, 10) + " byte"
	case n < 1000*1000:
		return strconv.FormatInt((n+512)/1024, 10) + " KB"
	}
	mb := float64(n) / (1 << 20)
	return strings.Replace(strconv.FormatFloat(mb, 'f', 1, 64), ".", ",", 1) + " MB"
}

// The disclosure pages, views of the register.
func init() {
	pages["disclosures"], pages["disclosure"], pages["spokesperson"] = "layout", "layout", "layout"
	pages["admin/disclosures"] = "admin"
}

// DisclosuresPage is /cong-khai: the site's disclosure pages.
type DisclosuresPage struct {
	Base
	Groups []*congtin.Disclosure
}

// DisclosurePage is a disclosure page: a group of the register, its
// documents of one year by quarter, newest first.
type DisclosurePage struct {
	Base
	Group    *congtin.Disclosure
	Years    []YearLink
	Year     int
	Quarters []QuarterGroup
	Total    int // of the year
	// More says the year has more documents than the page lists; the
	// register's own search shows them all (MoreURL).
	More    bool
	MoreURL string
}

// YearLink is a year with documents, as a link.
type YearLink struct {
	Year    int
	Count   int
	URL     string
	Current bool
}

// QuarterGroup is one quarter's documents.
type QuarterGroup struct {
	ID, Heading string
	Documents   []DocumentItem
}

// AdminDisclosuresPage is /admin/cong-khai: the groups' forms and a new
// one.
type AdminDisclosuresPage struct {
	AdminBase
	Forms []DisclosureForm
	New   DisclosureForm
}

// DisclosureForm is one group's form as stored or typed, with the lists
// to tick from and, for the one refused, its errors.
type DisclosureForm struct {
	ID                    int64
	Name, Intro, Position string
	Path                  string
	Types, Fields         map[int64]bool
	TypeTerms, FieldTerms []*congtin.DocumentTerm
	Errors                congtin.FieldErrors
}

// SpokespersonPage is /phat-ngon.
type SpokespersonPage struct {
	Base
	People []Spokesperson
	// Releases are the newest press releases, ReleasesURL their
	// category and FeedURL its RSS ("" when the site has none).
	Releases             []NavLinkDated
	ReleasesURL, FeedURL string
}

// NavLinkDated is a link to an article with its publication time.
type NavLinkDated struct {
	Title, URL  string
	PublishedAt time.Time
}

// Spokesperson is a spokesperson with their unit and contacts (their own,
// or their unit's).
type Spokesperson struct {
	congtin.Leader
	Unit string
}
