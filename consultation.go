package congtin

import (
	"context"
	"strconv"
	"strings"
	"time"
)

// Public consultation on draft documents ("Lấy ý kiến dự thảo", Nghị định
// 42/2022/NĐ-CP; issue 18): an agency publishes a draft for a period in
// which organisations and citizens comment on it, and later the document
// issued from it. A consultation goes through the shared workflow (Nháp →
// Chờ duyệt → Đã xuất bản), checked by the same permission table (Can).
//
// Comments on it, their moderation and the drafting body's report on them
// are in consultation_comment.go.

// Limits of a consultation's fields.
const (
	MaxConsultNumberLen  = 100
	MaxConsultTitleLen   = 500
	MaxConsultDrafterLen = 300
	MaxConsultSummaryLen = 2000
	MaxConsultContactLen = 1000
	// MaxConsultDays bounds a period: the law asks for 30 to 60 days;
	// a year leaves room for any agency's practice.
	MaxConsultDays = 366
)

// Phases of a published consultation, as the public list groups them.
const (
	ConsultOpen     = "open"     // đang lấy ý kiến
	ConsultUpcoming = "upcoming" // published, the period not begun
	ConsultClosed   = "closed"   // đã hết hạn
	ConsultResult   = "result"   // đã có kết quả: the document is issued
)

// Consultation is a draft put out for comment.
type Consultation struct {
	ID      int64  `json:"id"`
	SiteID  int64  `json:"site_id"`
	Number  string `json:"number"`  // the draft's number, "Dự thảo 2" or "…/2026/NĐ-CP (dự thảo)"
	Title   string `json:"title"`   // the draft's title
	Slug    string `json:"slug"`    // from the title, for the URL
	Drafter string `json:"drafter"` // cơ quan chủ trì soạn thảo
	Summary string `json:"summary"` // plain text
	Body    string `json:"body"`    // the draft's text, sanitized HTML
	// OpensAt and ClosesAt bound the period; comments are taken from
	// OpensAt up to, not including, ClosesAt.
	OpensAt  time.Time `json:"opens_at"`
	ClosesAt time.Time `json:"closes_at"`
	Contact  string    `json:"contact"` // of the drafting unit, plain text
	// DocumentID is the document of the register issued from the draft,
	// 0 until then. DocumentNumber and DocumentSlug name it, and
	// DocumentPublic says whether readers may follow the link.
	DocumentID     int64  `json:"document_id,omitempty"`
	DocumentNumber string `json:"document_number,omitempty"`
	DocumentSlug   string `json:"-"`
	DocumentPublic bool   `json:"-"`
	// Report is the drafting body's report on the comments (báo cáo
	// tổng hợp, tiếp thu, giải trình), sanitized HTML, published after
	// the close at ReportAt (zero: none yet); ReportFile is its signed
	// file (nil for none; its ID is 0, it is served by the
	// consultation's report address).
	Report      string        `json:"report,omitempty"`
	ReportAt    time.Time     `json:"report_at,omitzero"`
	ReportFile  *DocumentFile `json:"report_file,omitempty"`
	Status      string        `json:"status"`
	PublishedAt time.Time     `json:"published_at"`
	CreatedAt   time.Time     `json:"created_at"`
	UpdatedAt   time.Time     `json:"updated_at"`
	CreatedBy   int64         `json:"created_by,omitempty"`
	Version     int64         `json:"version"`
	// Files are the draft's attachments, in order (their DocumentID is
	// the consultation's ID), without their text.
	Files []*DocumentFile `json:"files,omitempty"`
}

// ConsultationPath is a consultation's public path: the slug for people,
// the ID so that a corrected title never breaks a link.
func ConsultationPath(slug string, id int64) string {
	if slug == "" {
		return "/lay-y-kien/" + strconv.FormatInt(id, 10)
	}
	return "/lay-y-kien/" + slug + "-" + strconv.FormatInt(id, 10)
}

// Path returns the consultation's canonical public path.
func (c *Consultation) Path() string { return ConsultationPath(c.Slug, c.ID) }

// DocumentPath returns the public path of the document issued from the
// draft ("" for none).
func (c *Consultation) DocumentPath() string {
	if c.DocumentID == 0 {
		return ""
	}
	return DocumentPath(c.DocumentSlug, c.DocumentID)
}

// IsPublic reports whether readers may see the consultation at now.
func (c *Consultation) IsPublic(now time.Time) bool {
	return c.Status == StatusPublished && !c.PublishedAt.After(now)
}

// Phase says where the consultation stands at now: a result once its
// report is out or the document issued from it is public, otherwise by
// its period.
func (c *Consultation) Phase(now time.Time) string {
	switch {
	case !c.ReportAt.IsZero() || c.DocumentID != 0 && c.DocumentPublic:
		return ConsultResult
	case now.Before(c.OpensAt):
		return ConsultUpcoming
	case now.Before(c.ClosesAt):
		return ConsultOpen
	}
	return ConsultClosed
}

// DaysLeft is the number of calendar days (in Vietnam) from now to the
// close, counting the closing day: 1 on the last day. 0 once closed.
func (c *Consultation) DaysLeft(now time.Time) int {
	if !now.Before(c.ClosesAt) {
		return 0
	}
	y, m, d := now.In(VietnamZone).Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, VietnamZone)
	// A period closing at midnight ends with the day before.
	last := c.ClosesAt.Add(-time.Second).In(VietnamZone)
	y, m, d = last.Date()
	lastDay := time.Date(y, m, d, 0, 0, 0, 0, VietnamZone)
	return int(lastDay.Sub(today).Hours()/24) + 1
}

// Item returns the consultation as the workflow sees it (nil for none).
func (c *Consultation) Item() *Item {
	if c == nil {
		return nil
	}
	return &Item{Ref: Ref{Kind: KindConsultation, SiteID: c.SiteID, ID: c.ID}, Title: c.Title, Status: c.Status,
		CreatedBy: c.CreatedBy, PublishedAt: c.PublishedAt}
}

// ConsultationInput is what the back office's form sends.
type ConsultationInput struct {
	Number   string
	Title    string
	Drafter  string
	Summary  string
	Body     string // HTML from the editor; the service sanitizes it
	OpensAt  time.Time
	ClosesAt time.Time
	Contact  string
	// DocumentID: the document issued from the draft, 0 for none yet.
	DocumentID int64
	// AddFiles are attachments checked and stored already (as the
	// documents register's); RemoveFiles the IDs of those to drop.
	AddFiles    []DocumentFileInput
	RemoveFiles []int64
	// Version is the one the form was loaded from (see
	// ArticleInput.Version).
	Version int64
}

// Normalize brings the texts to NFC and trims the one-line fields.
func (in *ConsultationInput) Normalize() {
	NFC(&in.Number, &in.Title, &in.Drafter, &in.Summary, &in.Body, &in.Contact)
	in.Number = strings.Join(strings.Fields(in.Number), " ")
	in.Title = strings.Join(strings.Fields(in.Title), " ")
	in.Drafter = strings.Join(strings.Fields(in.Drafter), " ")
	in.Summary = strings.TrimSpace(in.Summary)
	in.Contact = strings.TrimSpace(in.Contact)
}

// Validate checks the fields that need no database: the texts, and a
// period that closes after it opens and lasts at most MaxConsultDays.
func (in *ConsultationInput) Validate() error {
	fe := FieldErrors{}
	checkText(fe, "number", "Số hiệu dự thảo", in.Number, MaxConsultNumberLen, true)
	checkText(fe, "title", "Tên dự thảo", in.Title, MaxConsultTitleLen, true)
	checkText(fe, "drafter", "Cơ quan chủ trì soạn thảo", in.Drafter, MaxConsultDrafterLen, true)
	checkText(fe, "summary", "Tóm tắt", in.Summary, MaxConsultSummaryLen, false)
	checkText(fe, "contact", "Thông tin liên hệ", in.Contact, MaxConsultContactLen, false)
	if !validText(in.Body) {
		fe["body"] = "Nội dung dự thảo chứa ký tự không hợp lệ."
	} else if len(in.Body) > MaxBodyBytes {
		fe["body"] = "Nội dung dự thảo quá dài."
	}
	switch {
	case in.OpensAt.IsZero():
		fe["opens_at"] = "Hãy nhập thời điểm bắt đầu lấy ý kiến."
	case in.OpensAt.Before(minDocumentDay):
		fe["opens_at"] = "Thời điểm bắt đầu lấy ý kiến không hợp lệ."
	}
	switch {
	case in.ClosesAt.IsZero():
		fe["closes_at"] = "Hãy nhập thời điểm kết thúc lấy ý kiến."
	case in.OpensAt.IsZero():
	case !in.ClosesAt.After(in.OpensAt):
		fe["closes_at"] = "Thời điểm kết thúc phải sau thời điểm bắt đầu lấy ý kiến."
	case in.ClosesAt.Sub(in.OpensAt) > MaxConsultDays*24*time.Hour:
		fe["closes_at"] = "Thời gian lấy ý kiến dài quá " + itoa(MaxConsultDays) + " ngày."
	}
	if in.DocumentID < 0 {
		fe["document_id"] = "Văn bản được ban hành không hợp lệ."
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

// ConsultationRevision is a stored version of a consultation's content.
type ConsultationRevision struct {
	ID             int64
	SiteID         int64
	ConsultationID int64
	UserID         int64
	UserName       string
	CreatedAt      time.Time
	Note           string
	Number         string
	Title          string
	Drafter        string
	Summary        string
	Body           string
	OpensAt        time.Time
	ClosesAt       time.Time
	Contact        string
	DocumentID     int64
	Files          string // the attachments' names, "; " between them
}

// ConsultationFilter selects consultations. Zero values mean "no
// condition"; the conditions combine.
type ConsultationFilter struct {
	SiteID int64
	// Public keeps the published ones that readers may see at Now, and
	// Phase those of one phase (ConsultOpen, ConsultClosed, ConsultResult:
	// a report out or a public document; ConsultClosed includes those
	// whose document is not public yet).
	Public bool
	Phase  string
	Now    time.Time // zero: the store's clock
	// The back office's conditions.
	Status    string
	CreatedBy int64
	// Q matches the folded words of the number, title, drafter and
	// summary, and of the attachments' text (any state).
	Q      string
	Offset int
	Limit  int
}

// ConsultationStore reads consultations.
type ConsultationStore interface {
	// FindConsultationByID returns any consultation of the site, public
	// or not, with its resulting document's number;
	// NotFound(KindConsultation) if there is none.
	FindConsultationByID(ctx context.Context, siteID, id int64) (*Consultation, error)
	// FindConsultations lists consultations matching f and their total.
	// Public lists order the open ones by the nearest close, the others
	// by the latest close; the back office's by the latest change.
	FindConsultations(ctx context.Context, f ConsultationFilter) ([]*Consultation, int, error)
	// FindConsultationRevisions lists the revisions, newest first.
	FindConsultationRevisions(ctx context.Context, siteID, id int64) ([]*ConsultationRevision, error)
	// FindConsultationFile reads an attachment of the site without its
	// text; NotFound(KindDocumentFile) when there is none.
	FindConsultationFile(ctx context.Context, siteID, fileID int64) (*DocumentFile, error)
}

// ConsultationTx writes consultations.
type ConsultationTx interface {
	// FindConsultation reads one in the transaction; NotFound as
	// FindConsultationByID.
	FindConsultation(ctx context.Context, siteID, id int64) (*Consultation, error)
	// InsertConsultation stores c and sets its ID.
	InsertConsultation(ctx context.Context, c *Consultation) error
	// UpdateConsultation writes c's content and bumps its version.
	UpdateConsultation(ctx context.Context, c *Consultation) error
	// AddConsultationRevision stores r and sets its ID and time.
	AddConsultationRevision(ctx context.Context, r *ConsultationRevision) error
	// FindConsultationFileText reads an attachment with its text;
	// NotFound(KindDocumentFile) when the site has none with the ID.
	FindConsultationFileText(ctx context.Context, siteID, fileID int64) (*DocumentFile, error)
	// SetConsultationFileText writes the text read from an attachment
	// and what the lists' search matches of it.
	SetConsultationFileText(ctx context.Context, siteID int64, f *DocumentFile) error
}

// ConsultationService is what the back office does with consultations.
type ConsultationService interface {
	// CreateConsultation stores a new draft by the actor. EFORBIDDEN for
	// a role that may not write; EINVALID names the field (the resulting
	// document not of the site included).
	CreateConsultation(ctx context.Context, actor Actor, siteID int64, in ConsultationInput) (*Consultation, error)
	// UpdateConsultation saves new content and keeps a revision.
	// EFORBIDDEN when the actor may not edit it in its state; ErrEdited
	// when in.Version is not the stored one.
	UpdateConsultation(ctx context.Context, actor Actor, siteID, id int64, in ConsultationInput) (*Consultation, error)
	// UpdateConsultationStep saves the form and takes the step s in one
	// transaction (see EditorialService.UpdateArticleStep).
	UpdateConsultationStep(ctx context.Context, actor Actor, siteID, id int64, in ConsultationInput, s Step) (*Item, bool, error)
	// TransitionConsultation moves a consultation to the state act leads
	// to. EFORBIDDEN when the actor may not; EINVALID for an unknown act.
	TransitionConsultation(ctx context.Context, actor Actor, siteID, id int64, act, comment string) (*Consultation, error)
}
