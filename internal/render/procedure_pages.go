package render

import (
	"github.com/congtin/congtin"
)

// The administrative procedures' pages (Thủ tục hành chính), registered
// here so the feature stays in its own files.
func init() {
	for name, layout := range map[string]string{
		"procedures": "layout", "procedure": "layout", "procedure_print": "print",
		"admin/procedures": "admin", "admin/procedure_edit": "admin", "admin/procedure_import": "admin",
	} {
		pages[name] = layout
	}
}

// ProceduresPage is the public list, /thu-tuc-hanh-chinh.
type ProceduresPage struct {
	Base
	Q                    string
	Field, Level, Online string // the filters chosen
	Fields               []string
	Levels, OnlineLevels []congtin.Choice
	Procedures           []*congtin.Procedure
	Total                int
	Pager                Pager
	Filtered             bool
}

// ProcedurePage is a procedure's public page and its print view's
// content.
type ProcedurePage struct {
	Base
	Procedure *congtin.Procedure
	// The multi-line texts, one item a line.
	Fee, Steps, Documents, Legal []string
	PrintURL, BackURL            string
}

// ProcedurePrintPage is a procedure's print view.
type ProcedurePrintPage struct {
	PrintBase
	Page *ProcedurePage
}

// AdminProceduresPage is /admin/thu-tuc-hanh-chinh.
type AdminProceduresPage struct {
	AdminBase
	Q          string
	Procedures []*congtin.Procedure
	Total      int
	Pager      Pager
}

// ProcedureForm is the form as typed.
type ProcedureForm struct {
	Code, Name, Field, Agency, Duration, Fee, Online string
	Steps, Documents, Legal, URL                     string
	Levels                                           map[string]bool
	Public                                           bool
}

// AdminProcedureEditPage is a procedure's form.
type AdminProcedureEditPage struct {
	AdminBase
	ID           int64 // 0 for a new one
	Form         ProcedureForm
	Levels       []congtin.Choice
	OnlineLevels []congtin.Choice
	PublicURL    string
}

// AdminProcedureImportPage is the CSV upload and its report.
type AdminProcedureImportPage struct {
	AdminBase
	// Problems are the bad lines of a refused file.
	Problems []congtin.RowProblem
	MaxMB    int
}
