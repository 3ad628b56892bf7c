package render

import (
	"html/template"

	"github.com/congtin/congtin"
)

// The pages of projects and procurement notices (Dự án – Đấu thầu), in
// their own files like the consultations'.
func init() {
	for name, layout := range map[string]string{
		"projects": "layout", "project": "layout", "project_print": "print",
		"procurements": "layout", "procurement": "layout", "procurement_print": "print",
		"admin/projects": "admin", "admin/project_edit": "admin", "admin/procurements": "admin", "admin/procurement_edit": "admin",
		"admin/record_revisions": "admin",
	} {
		pages[name] = layout
	}
}

// projectFuncs are the template functions of money and of the projects'
// and notices' lists.
func projectFuncs() template.FuncMap {
	return template.FuncMap{
		"vnd":         congtin.FormatVND,
		"vndShort":    congtin.FormatVNDShort,
		"stageName":   congtin.ProjectStageName,
		"fundingName": congtin.FundingName,
		"methodName":  congtin.ProcurementMethodName,
		"bidState":    congtin.BidStateName,
	}
}

// Choice is an option of a select: its value, label and whether chosen.
type Choice struct {
	Value, Label string
	Selected     bool
}

// Choices makes the options of a fixed list, naming each with name and
// choosing cur.
func Choices(values []string, name func(string) string, cur string) []Choice {
	out := make([]Choice, len(values))
	for i, v := range values {
		out[i] = Choice{Value: v, Label: name(v), Selected: v == cur}
	}
	return out
}

// AdminProjectsPage is /admin/du-an, and with Procurement set
// /admin/dau-thau.
type AdminProjectsPage struct {
	AdminBase
	Filter       ListFilter
	Projects     []*congtin.Project
	Procurements []*congtin.Procurement
	Writers      []WriterOption
	MineURL      string
	Pager        Pager
	Total        int
}

// ProjectForm is a project's form as typed.
type ProjectForm struct {
	Name, Investor, Location, Investment, StartYear, EndYear, Progress, Description, Documents string
	Funding, Stage                                                                             []Choice
}

// ProjectEditPage is a project's form with its workflow.
type ProjectEditPage struct {
	AdminBase
	Project   *congtin.Project // nil for a new one
	Form      ProjectForm
	Workflow  Workflow
	CanSave   bool
	PublicURL string
	Edit      Editing
}

// ProcurementForm is a notice's form as typed: times as the
// datetime-local inputs show them, the project as its #ID.
type ProcurementForm struct {
	Name, Entity, Project, EstimatedPrice, OpensAt, ClosesAt, Summary, Winner, WinningPrice string
	Method                                                                                  []Choice
}

// ProcurementEditPage is a notice's form with its workflow.
type ProcurementEditPage struct {
	AdminBase
	Procurement *congtin.Procurement // nil for a new one
	Form        ProcurementForm
	Workflow    Workflow
	CanSave     bool
	PublicURL   string
	Edit        Editing
}

// RecordRevisionsPage lists a project's or a notice's revisions and shows
// one.
type RecordRevisionsPage struct {
	AdminBase
	Heading, BackURL, BackLabel, URL string
	Revisions                        []*congtin.ProjectRevision
	Shown                            *congtin.ProjectRevision
}

// PublicFilter is the status and year filter of a public list.
type PublicFilter struct {
	Action, Label string
	Choices       []Choice
	Year          string
}

// ProjectsPage is /du-an: the list filtered by stage and year.
type ProjectsPage struct {
	Base
	Filter   PublicFilter
	Projects []*congtin.Project
	Total    int
	Pager    Pager
	Error    string
	FeedURL  string
}

// ProjectPage is /du-an/{slug}-{id} and its print view.
type ProjectPage struct {
	Base
	Project      *congtin.Project
	Procurements []BidItem
	PrintURL     string
}

// ProjectPrintPage is the print view of a project.
type ProjectPrintPage struct {
	PrintBase
	Page *ProjectPage
}

// BidItem is a notice with where it stands.
type BidItem struct {
	*congtin.Procurement
	State string
}

// ProcurementsPage is /dau-thau: the list filtered by state and year.
type ProcurementsPage struct {
	Base
	Filter  PublicFilter
	Items   []BidItem
	Total   int
	Pager   Pager
	Error   string
	FeedURL string
}

// ProcurementPage is /dau-thau/{slug}-{id} and its print view.
type ProcurementPage struct {
	Base
	BidItem
	PrintURL string
}

// ProcurementPrintPage is the print view of a notice.
type ProcurementPrintPage struct {
	PrintBase
	Page *ProcurementPage
}
