package render

import "github.com/congtin/congtin"

// The consultations' pages (Lấy ý kiến dự thảo) are registered here
// rather than in the pages table of render.go, so the feature stays in
// its own files.
func init() {
	for name, layout := range map[string]string{
		"consultations": "layout", "consultation": "layout", "consultation_print": "print",
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
}

// ConsultationPrintPage is the print view of a consultation.
type ConsultationPrintPage struct {
	PrintBase
	Page *ConsultationPage
}
