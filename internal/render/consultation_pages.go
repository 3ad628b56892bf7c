package render

import (
	"time"

	"github.com/congtin/congtin"
)

// The consultations' pages (Lấy ý kiến dự thảo) are registered here
// rather than in the pages table of render.go, so the feature stays in
// its own files.
func init() {
	for name, layout := range map[string]string{
		"consultations": "layout", "consultation": "layout", "consultation_print": "print",
		"consultation_comment_lookup": "layout", "admin/consultation_comments": "admin", "admin/consultation_report": "admin",
		"admin/consultations": "admin", "admin/consultation_edit": "admin", "admin/consultation_revisions": "admin",
	} {
		pages[name] = layout
	}
}

// AdminConsultationsPage is /admin/lay-y-kien.
type AdminConsultationsPage struct {
	AdminBase
	Filter  ListFilter
	Rows    []ConsultationRow
	Writers []WriterOption
	MineURL string
	Pager   Pager
	Total   int
}

// ConsultationRow is a consultation in the back office's list.
type ConsultationRow struct {
	*congtin.Consultation
	Writer string
	// Comments counts its comments by state; nil for a reporter, who
	// does not moderate them.
	Comments *congtin.CommentCounts
}

// ConsultationForm is the form as typed: times as the datetime-local
// inputs show them, the resulting document as its number or #ID.
type ConsultationForm struct {
	Number, Title, Drafter, Summary, Body, Contact string
	OpensAt, ClosesAt, Document                    string
}

// ConsultationEditPage is a consultation's form with its workflow.
type ConsultationEditPage struct {
	AdminBase
	Consultation *congtin.Consultation // nil for a new one
	Form         ConsultationForm
	Workflow     Workflow
	CanSave      bool
	PublicURL    string
	// MaxMB and Accept describe the attachments taken.
	MaxMB  int64
	Accept string
	// Edit keeps the writer's work (autosave, version, soft lock).
	Edit Editing
}

// ConsultationRevisionsPage lists a consultation's revisions and shows
// one.
type ConsultationRevisionsPage struct {
	AdminBase
	Consultation *congtin.Consultation
	Revisions    []*congtin.ConsultationRevision
	Shown        *congtin.ConsultationRevision
}

// ConsultationItem is a consultation in a public list, with where it
// stands.
type ConsultationItem struct {
	*congtin.Consultation
	Phase    string
	DaysLeft int
}

// ConsultationGroup is one of the public list's groups.
type ConsultationGroup struct {
	ID, Heading string
	Items       []ConsultationItem
	Empty       string
}

// ConsultationsPage is /lay-y-kien.
type ConsultationsPage struct {
	Base
	Q       string
	Groups  []ConsultationGroup
	Total   int // of a search
	Error   string
	FeedURL string
}

// ConsultationPage is /lay-y-kien/{slug}-{id} and its print view.
type ConsultationPage struct {
	Base
	ConsultationItem
	ContactLines []string
	Files        []DocumentFileItem
	PrintURL     string
	BackURL      string
	// ReportFile is the report's file with its address (nil for none).
	ReportFile *DocumentFileItem
	// Comments are the published comments by article of the draft,
	// Published their number.
	Comments  []CommentGroup
	Published int
	// Form is the comment form while the consultation is open (nil
	// otherwise); Notice says why there is none, or that a comment
	// could not be taken.
	Form   *CommentForm
	Notice string
}

// CommentGroup is the published comments on one article of the draft.
type CommentGroup struct {
	ID, Heading string
	Items       []CommentView
}

// CommentView is a published comment with its attachment's address.
type CommentView struct {
	*congtin.ConsultationComment
	File *DocumentFileItem // nil for none
}

// CommentForm is the public comment form: its signed token and trap
// field, and what was typed when it comes back with errors (the file
// must be chosen again: a browser never refills a file input).
type CommentForm struct {
	Action, Token, Honeypot string
	Input                   congtin.CommentInput
	Article                 string // as typed
	Errors                  congtin.FieldErrors
	Error                   string
	MaxMB                   int64
	RetentionDays           int
}

// CommentLookupPage is /lay-y-kien/tra-cuu and /lay-y-kien/da-gui: a
// comment's state by its sender's code.
type CommentLookupPage struct {
	Base
	Sent  bool
	Input string
	Error string
	Found *CommentLookup
}

// CommentLookup is what a sender sees of their comment.
type CommentLookup struct {
	Code              string
	Consultation      string // its number and title
	ConsultationURL   string
	Article           string
	SentAt            time.Time
	State, StateName  string
	Answer            string // plain text, once published
	Open              bool   // the consultation still takes comments
	ConsultationClose time.Time
}

// ConsultationPrintPage is the print view of a consultation.
type ConsultationPrintPage struct {
	PrintBase
	Page *ConsultationPage
}

// AdminCommentsPage is a consultation's comments in the back office: the
// queue by state, each comment with its moderation form.
type AdminCommentsPage struct {
	AdminBase
	Consultation *congtin.Consultation
	Counts       congtin.CommentCounts
	State        string // the tab shown, "" for all
	Open         bool   // still taking comments
	Closed       bool   // the period is over: the report may be published
	Comments     []*congtin.ConsultationComment
	// Forms are the moderation forms by comment, as stored or, for the
	// one refused (Failed), as typed.
	Forms  map[int64]ModerationForm
	Failed int64
}

// ModerationForm is one comment's moderation form.
type ModerationForm struct {
	Status, Reason, Article, Answer string
	Version                         int64
}

// AdminReportPage is the form of a consultation's report.
type AdminReportPage struct {
	AdminBase
	Consultation *congtin.Consultation
	HTML         string
	Closed       bool
	MaxMB        int64
}
