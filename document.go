package congtin

import (
	"context"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The documents register ("Văn bản"): the legal and administrative
// documents an agency issues, each with its number, issuing body, dates,
// links to other documents and attached files. Documents go through the
// same workflow as articles (Nháp → Chờ duyệt → Đã xuất bản), checked by
// the same permission table (Can).

// Kinds of link between documents: the document holding the link
// replaces, amends or guides its target.
const (
	LinkReplaces = "replaces" // thay thế: the target is no longer in force
	LinkAmends   = "amends"   // sửa đổi, bổ sung
	LinkGuides   = "guides"   // hướng dẫn
)

// LinkKinds lists the link kinds in the order forms and pages show them.
var LinkKinds = []string{LinkReplaces, LinkAmends, LinkGuides}

// LinkName returns the Vietnamese name of a link kind, seen from the
// document holding it ("Thay thế") or, with reverse, from its target
// ("Bị thay thế bởi").
func LinkName(kind string, reverse bool) string {
	switch kind {
	case LinkReplaces:
		if reverse {
			return "Bị thay thế bởi"
		}
		return "Thay thế"
	case LinkAmends:
		if reverse {
			return "Được sửa đổi, bổ sung bởi"
		}
		return "Sửa đổi, bổ sung"
	case LinkGuides:
		if reverse {
			return "Được hướng dẫn bởi"
		}
		return "Hướng dẫn"
	}
	return kind
}

// The managed lists of the register.
const (
	ListTypes  = "types"  // loại văn bản
	ListFields = "fields" // lĩnh vực
	// ListThemes is the open-data catalogue's list of themes (chủ đề
	// dữ liệu), managed on the same page as the register's.
	ListThemes = "themes"
)

// DefaultDocumentTypes and DefaultDocumentFields seed every site's lists;
// administrators edit them afterwards.
var (
	DefaultDocumentTypes = []string{"Luật", "Nghị định", "Thông tư", "Quyết định", "Chỉ thị", "Kế hoạch",
		"Công văn", "Thông báo", "Báo cáo", "Nghị quyết", "Hướng dẫn", "Văn bản khác"}
	DefaultDocumentFields = []string{"Hành chính", "Kinh tế - Tài chính", "Nông nghiệp", "Giáo dục", "Y tế",
		"Tài nguyên - Môi trường", "Xây dựng - Giao thông", "Văn hóa - Xã hội", "Nội vụ", "Khác"}
)

// Attachment kinds, sniffed from the file's bytes.
const (
	FilePDF  = "pdf"
	FileDOC  = "doc"
	FileDOCX = "docx"
	FileXLS  = "xls"
	FileXLSX = "xlsx"
	// Scans attached as pictures: their text is read by OCR.
	FileJPEG = "jpg"
	FilePNG  = "png"
	FileTIFF = "tif"
)

// FileIsImage reports a scanned page attached as a picture.
func FileIsImage(kind string) bool {
	return kind == FileJPEG || kind == FilePNG || kind == FileTIFF
}

// FileContentType returns the media type a file of the kind is served as.
func FileContentType(kind string) string {
	switch kind {
	case FilePDF:
		return "application/pdf"
	case FileDOC:
		return "application/msword"
	case FileDOCX:
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case FileXLS:
		return "application/vnd.ms-excel"
	case FileXLSX:
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case FileJPEG:
		return "image/jpeg"
	case FilePNG:
		return "image/png"
	case FileTIFF:
		return "image/tiff"
	case FileCSV:
		return "text/csv" // no charset: a legacy table is served as sent
	case FileJSON:
		return "application/json"
	}
	return "application/octet-stream"
}

// Limits of the register's fields.
const (
	MaxDocNumberLen  = 100
	MaxDocIssuerLen  = 300
	MaxDocSignerLen  = 200
	MaxDocSummaryLen = 2000
	MaxDocLinks      = 50
	MaxDocFiles      = 20
	MaxTermLen       = 100
	// MaxFileText bounds the text kept of one attachment for the index.
	MaxFileText = 1 << 20
)

// Document is one entry of the register.
type Document struct {
	ID          int64     `json:"id"`
	SiteID      int64     `json:"site_id"`
	TypeID      int64     `json:"type_id"`
	TypeName    string    `json:"type"`
	FieldID     int64     `json:"field_id,omitempty"` // 0: none
	FieldName   string    `json:"field,omitempty"`
	Number      string    `json:"number"` // số, ký hiệu: "115/KH-UBND"
	Slug        string    `json:"slug"`   // from the number, for the URL
	Issuer      string    `json:"issuer"` // cơ quan ban hành
	Signer      string    `json:"signer,omitempty"`
	IssuedOn    time.Time `json:"issued_on"`              // ngày ban hành (a day, midnight in Vietnam)
	EffectiveOn time.Time `json:"effective_on,omitempty"` // ngày hiệu lực; zero: not given
	ExpiresOn   time.Time `json:"expires_on,omitempty"`   // ngày hết hiệu lực; zero: none
	Summary     string    `json:"summary"`                // trích yếu, plain text
	Status      string    `json:"status"`
	PublishedAt time.Time `json:"published_at"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
	CreatedBy   int64     `json:"created_by,omitempty"`
	// ReplacedBy is set when a published document replaces this one.
	ReplacedBy int64 `json:"replaced_by,omitempty"`
	// Version counts the document's content writes (see
	// ArticleInput.Version).
	Version int64 `json:"version"`
	// ExternalID is the document's ID in the register it was imported
	// from (congtin import -format documents); InsertDocument writes it.
	ExternalID string `json:"external_id,omitempty"`

	// Filled by FindDocumentByID only.
	Files     []*DocumentFile `json:"files,omitempty"`
	Links     []*DocumentLink `json:"links,omitempty"`     // what this document replaces, amends, guides
	Backlinks []*DocumentLink `json:"backlinks,omitempty"` // documents that replace, amend, guide this one
}

// DocumentFile is an attached file.
type DocumentFile struct {
	ID         int64     `json:"id"`
	DocumentID int64     `json:"document_id"`
	Name       string    `json:"name"` // the uploaded name, cleaned
	Kind       string    `json:"kind"` // FilePDF, ...
	Size       int64     `json:"size"`
	Hash       string    `json:"-"` // SHA-256 of the bytes, hex: the storage key
	Text       string    `json:"-"` // extracted text, for the index
	TextNote   string    `json:"-"` // why there is no text, when there is none
	TextState  string    `json:"-"` // TextPending, TextDone, TextFailed
	TextSource string    `json:"-"` // TextFromPDF, ...; "" when there is no text
	Position   int       `json:"-"` // order on the page
	CreatedAt  time.Time `json:"created_at"`
}

// DocumentLink is a link between two documents of a site, with what a
// page needs to show the other end.
type DocumentLink struct {
	Kind     string `json:"kind"`
	ID       int64  `json:"id"` // the other document
	Number   string `json:"number"`
	Slug     string `json:"slug"`
	TypeName string `json:"type"`
	Summary  string `json:"summary"`
	Public   bool   `json:"-"` // the other document is published
}

// Path returns the link target's public path.
func (l *DocumentLink) Path() string { return DocumentPath(l.Slug, l.ID) }

// DocumentPath is a document's public path: the slug of its number for
// people, the ID so that a corrected number never breaks a link.
func DocumentPath(slug string, id int64) string {
	if slug == "" {
		return "/van-ban/" + strconv.FormatInt(id, 10)
	}
	return "/van-ban/" + slug + "-" + strconv.FormatInt(id, 10)
}

// Path returns the document's canonical public path.
func (d *Document) Path() string { return DocumentPath(d.Slug, d.ID) }

// IsPublic reports whether readers may see the document at now.
func (d *Document) IsPublic(now time.Time) bool {
	return d.Status == StatusPublished && !d.PublishedAt.After(now)
}

// Expired reports whether the document is no longer in force at now:
// its expiry day has come, or a published document replaces it.
func (d *Document) Expired(now time.Time) bool {
	if d.ReplacedBy != 0 {
		return true
	}
	return !d.ExpiresOn.IsZero() && Day(d.ExpiresOn) <= Day(now)
}

// NotYetEffective reports whether the document's effective day is ahead.
func (d *Document) NotYetEffective(now time.Time) bool {
	return !d.EffectiveOn.IsZero() && Day(d.EffectiveOn) > Day(now)
}

// Item returns the document as the workflow sees it (nil for none).
func (d *Document) Item() *Item {
	if d == nil {
		return nil
	}
	return &Item{Ref: Ref{Kind: KindDocument, SiteID: d.SiteID, ID: d.ID}, Title: d.Number, Status: d.Status, CreatedBy: d.CreatedBy, PublishedAt: d.PublishedAt}
}

// CanDocument reports whether the actor may do act on the document (nil
// for actions on none), by the same table as articles: reporters write and
// submit their own drafts, editors publish, return and unpublish,
// administrators manage the lists.
func CanDocument(actor Actor, act string, d *Document) bool {
	return Can(actor, act, d.Item())
}

// DocumentNumberUse is a document holding a number: its ID and external
// ID ("" for one entered in the back office).
type DocumentNumberUse struct {
	ID         int64
	ExternalID string
}

// DocumentTerm is an entry of a managed list (a type or a field).
type DocumentTerm struct {
	ID       int64  `json:"id"`
	SiteID   int64  `json:"site_id"`
	Name     string `json:"name"`
	Position int    `json:"position"`
	Uses     int    `json:"uses"` // documents using it
}

// ValidateTerm checks a list entry's name and position.
func ValidateTerm(name string, position int) error {
	fe := FieldErrors{}
	switch {
	case strings.TrimSpace(name) == "":
		fe["name"] = "Tên không được để trống."
	case !validText(name) || strings.ContainsRune(name, 0) || utf8.RuneCountInString(name) > MaxTermLen:
		fe["name"] = "Tên quá dài (tối đa 100 ký tự) hoặc chứa ký tự không hợp lệ."
	}
	if position < 0 || position > 100000 {
		fe["position"] = "Thứ tự phải từ 0 đến 100000."
	}
	if len(fe) > 0 {
		return &ValidationError{Fields: fe}
	}
	return nil
}

// DocumentLinkInput is a link a form asks for.
type DocumentLinkInput struct {
	Kind     string `json:"kind"`
	TargetID int64  `json:"target_id"`
}

// DocumentFileInput is an attachment already checked and stored (by its
// hash) that a save adds to the document.
type DocumentFileInput struct {
	Name string
	Kind string
	Size int64
	Hash string
	// Text, when a caller has read it already (a test, a copy), is kept
	// as it is; otherwise the file is queued to be read in the background
	// (TextPending).
	Text       string
	TextNote   string
	TextSource string
}

// DocumentInput is what the document form sends.
type DocumentInput struct {
	TypeID      int64
	FieldID     int64 // 0: none
	Number      string
	Issuer      string
	Signer      string
	IssuedOn    time.Time
	EffectiveOn time.Time
	ExpiresOn   time.Time
	Summary     string
	Links       []DocumentLinkInput
	AddFiles    []DocumentFileInput
	RemoveFiles []int64
	// Version is the one the form was loaded from (see
	// ArticleInput.Version).
	Version int64
}

// Earliest day a document may carry: the founding of the state.
var minDocumentDay = time.Date(1945, 9, 2, 0, 0, 0, 0, VietnamZone)

// dashes are the characters typed for a hyphen in a number: a word
// processor's en and em dashes, the minus sign, the non-breaking hyphen.
var dashes = strings.NewReplacer("\u2010", "-", "\u2011", "-", "\u2012", "-", "\u2013", "-", "\u2014", "-", "\u2015", "-", "\u2212", "-", "\uFE63", "-", "\uFF0D", "-")

// NormalizeDocNumber brings a document number to one spelling: NFKC
// (full-width digits and letters become ASCII: "１１５" → "115"), every
// kind of dash a hyphen, spaces collapsed, no space around "/" and "-".
// It returns a Vietnamese message when the number cannot be one: control
// characters, letters of other scripts (a Cyrillic "А" looks like "A" but
// would never be found by a reader typing "A"), symbols, too long.
func NormalizeDocNumber(s string) (string, string) {
	if !utf8.ValidString(s) {
		return "", "Số, ký hiệu chứa ký tự không hợp lệ."
	}
	s = norm.NFKC.String(s)
	s = dashes.Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	s = strings.NewReplacer(" /", "/", "/ ", "/", " -", "-", "- ", "-").Replace(s)
	if s == "" {
		return "", "Số, ký hiệu không được để trống."
	}
	if utf8.RuneCountInString(s) > MaxDocNumberLen {
		return "", "Số, ký hiệu quá dài: tối đa " + itoa(MaxDocNumberLen) + " ký tự."
	}
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'):
		case strings.ContainsRune("/-.() ,&", r):
		case unicode.Is(unicode.Latin, r):
			// Vietnamese letters: Đ in "NĐ-CP", "QĐ-UBND".
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			return "", "Số, ký hiệu chứa ký tự điều khiển hoặc ký tự ẩn; hãy gõ lại."
		case unicode.IsLetter(r):
			return "", "Số, ký hiệu chứa chữ “" + string(r) + "” không thuộc bảng chữ cái Latin (có thể là chữ Kirin hoặc Hy Lạp trông giống chữ Latin); hãy gõ lại bằng bàn phím tiếng Việt."
		default:
			return "", "Số, ký hiệu chỉ gồm chữ, số và các dấu / - . ( ); không được chứa “" + string(r) + "”."
		}
	}
	if digits == 0 && !strings.ContainsAny(s, "/-") {
		return "", "Số, ký hiệu cần có số hoặc ký hiệu, ví dụ 115/KH-UBND."
	}
	return s, ""
}

// Normalize trims the input, brings it to NFC and normalizes the number;
// a number that cannot be normalized is left for Validate to report.
func (in *DocumentInput) Normalize() {
	NFC(&in.Issuer, &in.Signer, &in.Summary)
	for _, p := range []*string{&in.Issuer, &in.Signer, &in.Summary} {
		*p = strings.TrimSpace(*p)
	}
	if n, msg := NormalizeDocNumber(in.Number); msg == "" {
		in.Number = n
	}
}

// Validate checks the input at now; it returns a *ValidationError.
func (in *DocumentInput) Validate(now time.Time) error {
	fe := FieldErrors{}
	if _, msg := NormalizeDocNumber(in.Number); msg != "" {
		fe["number"] = msg
	}
	checkText(fe, "issuer", "Cơ quan ban hành", in.Issuer, MaxDocIssuerLen, true)
	checkText(fe, "signer", "Người ký", in.Signer, MaxDocSignerLen, false)
	checkText(fe, "summary", "Trích yếu", in.Summary, MaxDocSummaryLen, true)
	if in.TypeID <= 0 {
		fe["type_id"] = "Hãy chọn loại văn bản."
	}
	if in.FieldID < 0 {
		fe["field_id"] = "Lĩnh vực không hợp lệ."
	}
	latest := now.In(VietnamZone).AddDate(1, 0, 0)
	day := func(field, label string, t time.Time) bool {
		if t.IsZero() {
			return true
		}
		if t.Before(minDocumentDay) || t.After(latest) {
			fe[field] = label + " phải trong khoảng từ 02/09/1945 đến một năm sau hôm nay."
			return false
		}
		return true
	}
	if in.IssuedOn.IsZero() {
		fe["issued_on"] = "Hãy nhập ngày ban hành."
	} else {
		day("issued_on", "Ngày ban hành", in.IssuedOn)
	}
	if day("effective_on", "Ngày hiệu lực", in.EffectiveOn) && !in.EffectiveOn.IsZero() && !in.IssuedOn.IsZero() && in.EffectiveOn.Before(in.IssuedOn) {
		fe["effective_on"] = "Ngày hiệu lực không được trước ngày ban hành."
	}
	if !in.ExpiresOn.IsZero() && in.ExpiresOn.Before(minDocumentDay) {
		fe["expires_on"] = "Ngày hết hiệu lực không hợp lệ."
	} else if !in.ExpiresOn.IsZero() && !in.IssuedOn.IsZero() && !in.ExpiresOn.After(in.IssuedOn) {
		fe["expires_on"] = "Ngày hết hiệu lực phải sau ngày ban hành."
	} else if !in.ExpiresOn.IsZero() && !in.EffectiveOn.IsZero() && !in.ExpiresOn.After(in.EffectiveOn) {
		fe["expires_on"] = "Ngày hết hiệu lực phải sau ngày hiệu lực."
	}
	if len(in.Links) > MaxDocLinks {
		fe["links"] = "Quá nhiều liên kết: tối đa " + itoa(MaxDocLinks) + "."
	}
	for _, l := range in.Links {
		if l.Kind != LinkReplaces && l.Kind != LinkAmends && l.Kind != LinkGuides || l.TargetID <= 0 {
			fe["links"] = "Liên kết văn bản không hợp lệ."
		}
	}
	for _, f := range in.AddFiles {
		if f.Hash == "" || f.Size <= 0 || FileContentType(f.Kind) == "application/octet-stream" {
			fe["files"] = "Tệp đính kèm không hợp lệ."
		}
	}
	if len(fe) > 0 {
		return &ValidationError{Fields: fe}
	}
	return nil
}

// DocNumberSlug makes the URL slug of a number: "115/KH-UBND" → "115-kh-ubnd".
func DocNumberSlug(number string) string {
	s := Slugify(number)
	if len(s) > 60 {
		s = strings.Trim(s[:60], "-")
	}
	return s
}

// Document statuses in force, for the public filter.
const (
	InForce = "con-hieu-luc"
	Expired = "het-hieu-luc"
)

// DocumentQuery is a reader's search of the register. Zero values mean
// "no condition".
type DocumentQuery struct {
	SiteID  int64
	Q       string // words of the number, summary, issuer, attached text
	TypeID  int64
	FieldID int64
	// TypeIDs and FieldIDs are a group (a disclosure page): documents of
	// one of the types when any is given, and of one of the fields when
	// any is given. The facets count within the group.
	TypeIDs  []int64
	FieldIDs []int64
	Issuer   string
	Year     int    // of the issue date
	Force    string // InForce, Expired or ""
	Offset   int
	Limit    int
	Now      time.Time // what counts as published and in force; zero: the store's clock
	// Facets asks for the counts of each facet value.
	Facets bool
	// Verbatim searches Q exactly as typed, never as Telex or VNI typing
	// (see SearchQuery.Verbatim). Stores ignore it.
	Verbatim bool
	// Spellings: see SearchQuery.Spellings.
	Spellings Spellings
}

// FacetValue is one value of a facet with the number of documents that
// have it, among those matching the other conditions.
type FacetValue struct {
	ID    int64  `json:"id,omitempty"` // type or field ID
	Value string `json:"value"`        // name, issuer, year or status
	Count int    `json:"count"`
}

// DocumentFacets are the counts shown beside the public list.
type DocumentFacets struct {
	Types   []FacetValue `json:"types"`
	Fields  []FacetValue `json:"fields"`
	Issuers []FacetValue `json:"issuers"`
	Years   []FacetValue `json:"years"`
	Force   []FacetValue `json:"force"`
}

// DocumentResult is a page of the public register.
type DocumentResult struct {
	Documents []*Document     `json:"documents"`
	Total     int             `json:"total"`
	Facets    *DocumentFacets `json:"facets,omitempty"`
	// Approximate is set when no public document holds every word of the
	// query and the documents are those holding most of them (never for
	// a quoted query or one naming a number: see search.NamesNumber).
	Approximate bool `json:"approximate"`
	// Searched and Typing: see SearchResult.
	Searched string `json:"searched,omitempty"`
	Typing   string `json:"typing,omitempty"`
	// Suggestion: see SearchResult; it finds more documents.
	Suggestion string `json:"suggestion,omitempty"`
	// FileTexts holds, for a search, the attachments with text of the
	// documents returned, by document ID, each with the first
	// SnippetTextChars of its text (pages separated by form feeds), for
	// the snippets of the results.
	FileTexts map[int64][]*DocumentFile `json:"-"`
}

// SnippetTextChars bounds the characters of an attachment's text read
// for a result's snippet.
const SnippetTextChars = 256 << 10

// AdminDocumentFilter selects documents in the back office. Zero values
// mean "no condition"; the conditions combine.
type AdminDocumentFilter struct {
	SiteID    int64
	Status    string
	CreatedBy int64
	Number    string // exact number, normalized
	// Q searches numbers and summaries as AdminArticleFilter.Q searches
	// articles.
	Q string
	// TypeID and FieldID keep one type, one field.
	TypeID, FieldID int64
	// From and To bound the last change, or with ByIssue the day of
	// issue: [From, To).
	From, To time.Time
	ByIssue  bool
	Offset   int
	Limit    int
	// Spellings: see SearchQuery.Spellings.
	Spellings Spellings
}

// DocumentRevision is a saved version of a document's fields.
type DocumentRevision struct {
	ID          int64     `json:"id"`
	SiteID      int64     `json:"-"`
	DocumentID  int64     `json:"document_id"`
	UserID      int64     `json:"-"`
	UserName    string    `json:"user_name"`
	CreatedAt   time.Time `json:"created_at"`
	TypeName    string    `json:"type"`
	FieldName   string    `json:"field"`
	Number      string    `json:"number"`
	Issuer      string    `json:"issuer"`
	Signer      string    `json:"signer"`
	IssuedOn    string    `json:"issued_on"`
	EffectiveOn string    `json:"effective_on"`
	ExpiresOn   string    `json:"expires_on"`
	Summary     string    `json:"summary"`
	Links       string    `json:"links"` // "Thay thế #12; Hướng dẫn #7"
	Files       string    `json:"files"` // the attachments' names, "; "-separated
	Note        string    `json:"note"`
}

// DocumentService is the newsroom's work on the documents register. Each
// method checks the actor's permission and writes its revision, workflow
// note, audit entry and search index entry in the transaction of the
// change.
type DocumentService interface {
	// SaveDocumentTerm adds (id 0) or renames an entry. EINVALID for a bad
	// or taken name; ENOTFOUND for an unknown id.
	SaveDocumentTerm(ctx context.Context, actor Actor, siteID int64, list string, id int64, name string, position int) (*DocumentTerm, error)
	// DeleteDocumentTerm removes an unused entry; ECONFLICT when documents
	// use it.
	DeleteDocumentTerm(ctx context.Context, actor Actor, siteID int64, list string, id int64) error

	// CreateDocument stores a new draft by the actor. EINVALID names the
	// field (a type, field or linked document not of the site included).
	CreateDocument(ctx context.Context, actor Actor, siteID int64, in DocumentInput) (*Document, error)
	// UpdateDocument saves new fields, adds and removes files, replaces the
	// links, and keeps a revision. EFORBIDDEN when the actor may not edit;
	// ErrEdited when in.Version is not the stored one.
	UpdateDocument(ctx context.Context, actor Actor, siteID, id int64, in DocumentInput) (*Document, error)
	// UpdateDocumentStep saves the form and takes the step s in one
	// transaction (see EditorialService.UpdateArticleStep).
	UpdateDocumentStep(ctx context.Context, actor Actor, siteID, id int64, in DocumentInput, s Step) (*Item, bool, error)
	// TransitionDocument moves a document to the state act leads to.
	// EFORBIDDEN when the actor may not; EINVALID for an unknown act.
	TransitionDocument(ctx context.Context, actor Actor, siteID, id int64, act, comment string) (*Document, error)

	// CorrectDocumentFileText replaces the text read from an attachment
	// of document docID with the editor's (it is what the index holds
	// from then on) and drops any reading still queued. EFORBIDDEN when
	// the actor may not edit the document; EINVALID for an empty or too
	// long text.
	CorrectDocumentFileText(ctx context.Context, actor Actor, siteID, docID, fileID int64, text string) error
	// RereadDocumentFile queues an attachment to be read again (its
	// present text stays in the index until then).
	RereadDocumentFile(ctx context.Context, actor Actor, siteID, docID, fileID int64) error
}

// ParseDay reads a day written YYYY-MM-DD as midnight in Vietnam; "" is
// the zero time.
func ParseDay(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, true
	}
	t, err := time.ParseInLocation(time.DateOnly, s, VietnamZone)
	return t, err == nil
}

// DayString writes a day as YYYY-MM-DD in Vietnam; the zero time is "".
func DayString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return Day(t)
}

// DocumentStore reads the documents register.
type DocumentStore interface {
	// FindDocumentTerms returns a site's list (ListTypes or ListFields) in
	// order, with how many documents use each entry.
	FindDocumentTerms(ctx context.Context, siteID int64, list string) ([]*DocumentTerm, error)
	// FindDocumentByID returns any document of the site with its files
	// and links; NotFound(KindDocument) when there is none.
	FindDocumentByID(ctx context.Context, siteID, id int64) (*Document, error)
	// FindDocumentFile returns an attachment of a document of the site;
	// NotFound(KindDocumentFile) when there is none. Its Text is not read
	// (FindDocumentFileText reads it).
	FindDocumentFile(ctx context.Context, siteID, fileID int64) (*DocumentFile, error)
	// FindDocumentFileText returns an attachment with its whole text.
	FindDocumentFileText(ctx context.Context, siteID, fileID int64) (*DocumentFile, error)
	// FindAdminDocuments lists documents in any state, newest change first.
	FindAdminDocuments(ctx context.Context, f AdminDocumentFilter) ([]*Document, int, error)
	// FindDocuments lists and searches public documents, newest issue
	// first (by relevance when Q is given), with facet counts on request.
	// Any text is a valid query; it never fails on its syntax.
	FindDocuments(ctx context.Context, q DocumentQuery) (*DocumentResult, error)
	// FindDocumentRevisions lists a document's revisions, newest first.
	FindDocumentRevisions(ctx context.Context, siteID, id int64) ([]*DocumentRevision, error)
	// ReindexDocuments rebuilds the documents' search index and returns
	// how many documents it holds.
	ReindexDocuments(ctx context.Context) (int, error)
	// DocumentsByPrefix returns up to limit documents of the site, public
	// at now (the store's clock when zero), in force or not, whose
	// number's or summary's folded words (package search's TitlePrefix
	// form) start with prefix: those by number first, in the order of
	// their folded numbers, the newest first for one number, then those
	// by summary, in the order of their folded summaries. An empty prefix
	// gives none; it never fails on the prefix's content.
	DocumentsByPrefix(ctx context.Context, siteID int64, prefix string, now time.Time, limit int) ([]*Document, error)
}

// DocumentTx writes the documents register. The store keeps the search
// index (published documents, found by their fields, their type's and
// field's names and their files' text) in step with every write, in the
// same transaction.
type DocumentTx interface {
	// FindDocument reads a document of the site with its files and links
	// inside the transaction; NotFound(KindDocument).
	FindDocument(ctx context.Context, siteID, id int64) (*Document, error)
	// InsertDocument stores a new document as it is given, with its links
	// (the Kind and ID of each) and its files, and sets its ID.
	InsertDocument(ctx context.Context, d *Document) error
	// UpdateDocument writes a document's fields (type, field, number, slug,
	// issuer, signer, days, summary) and its change time, replaces its
	// links with d.Links, removes its stored files missing from d.Files
	// and adds the files without an ID after the others.
	UpdateDocument(ctx context.Context, d *Document) error
	// IndexDocument brings a document's index entry in line with its
	// state (after a workflow step).
	IndexDocument(ctx context.Context, id int64) error
	// AddDocumentRevision stores a revision as it is given; it sets r.ID
	// and r.CreatedAt.
	AddDocumentRevision(ctx context.Context, r *DocumentRevision) error
	// FindDocumentFileText is DocumentStore's, inside the transaction.
	FindDocumentFileText(ctx context.Context, siteID, fileID int64) (*DocumentFile, error)
	// SetDocumentFileText writes an attachment's text, note, state and
	// source (f.ID, f.DocumentID, f.SiteID's) and brings its document's
	// index entry in line.
	SetDocumentFileText(ctx context.Context, siteID int64, f *DocumentFile) error
	// FindDocumentIDByExternalID returns the ID of the site's document
	// imported with the external ID; NotFound(KindDocument).
	FindDocumentIDByExternalID(ctx context.Context, siteID int64, externalID string) (int64, error)
	// DocumentsNumbered lists the site's documents, in any state, whose
	// number is number as search.NumberKey folds it, by ID.
	DocumentsNumbered(ctx context.Context, siteID int64, number string) ([]DocumentNumberUse, error)

	// FindDocumentTerm reads an entry of a site's list (ListTypes or
	// ListFields) with its number of documents; NotFound(KindDocumentTerm).
	FindDocumentTerm(ctx context.Context, siteID int64, list string, id int64) (*DocumentTerm, error)
	// DocumentTermNameFree reports whether no entry of the site's list
	// other than self has the name.
	DocumentTermNameFree(ctx context.Context, siteID int64, list, name string, self int64) (bool, error)
	// InsertDocumentTerm stores a new entry of the list and sets its ID.
	InsertDocumentTerm(ctx context.Context, list string, t *DocumentTerm) error
	// UpdateDocumentTerm writes an entry's name and position; the index
	// entries of the documents using it follow.
	UpdateDocumentTerm(ctx context.Context, list string, t *DocumentTerm) error
	// DeleteDocumentTerm deletes an entry of the list.
	DeleteDocumentTerm(ctx context.Context, list string, id int64) error
}
