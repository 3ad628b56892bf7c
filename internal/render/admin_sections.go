package render

import "github.com/congtin/congtin"

// AdminSchedulePage edits one week of the work schedule, or one entry of
// it when Editing is set.
type AdminSchedulePage struct {
	AdminBase
	Week      congtin.Week
	WeekValue string
	Range     string
	State     *congtin.ScheduleWeek
	Entries   []*congtin.ScheduleEntry
	Revisions []*congtin.ScheduleRevision
	Workflow  Workflow
	CanEdit   bool // may add, change and delete entries
	PrevURL   string
	NextURL   string
	PublicURL string
	Form      ScheduleForm
	Editing   *congtin.ScheduleEntry
	// Edit keeps the writer's work on the entry form.
	Edit Editing
}

// ScheduleForm is the entry form's values as typed.
type ScheduleForm struct {
	Date, Start, End                    string // 2026-11-23, 14:00, 16:30
	Content, Participants, Place, Chair string
}

// AdminPagesPage lists the about pages.
type AdminPagesPage struct {
	AdminBase
	Pages []*congtin.Page
}

// PageEditPage is the about page form with its workflow.
type PageEditPage struct {
	AdminBase
	Page        *congtin.Page // nil for a new page
	Input       congtin.PageInput
	Workflow    Workflow
	CanSave     bool
	PublicURL   string
	PublicURLEN string
	// Edit keeps the writer's work (autosave, version, soft lock).
	Edit Editing
}

// PageRevisionsPage lists a page's revisions and shows one.
type PageRevisionsPage struct {
	AdminBase
	Page       *congtin.Page
	Revisions  []*congtin.PageRevision
	Shown      *congtin.PageRevision
	CanRestore bool
}

// UnitsPage manages the organisation chart.
type UnitsPage struct {
	AdminBase
	Units   []UnitOption // every unit, in tree order
	Editing *congtin.Unit
	Input   congtin.UnitInput
	Leaders []congtin.Leader // the form's leader rows, padded with empty ones
}

// UnitOption is a unit in tree order with its depth, for lists and the
// parent chooser.
type UnitOption struct {
	*congtin.Unit
	Depth int
	Label string // the name, indented by depth
}

// AdminLinksPage manages the links.
type AdminLinksPage struct {
	AdminBase
	Links []*congtin.Link
	Input congtin.LinkInput
}

// AdminSpellingsPage is the site's list of abbreviations and equivalent
// spellings: the built-in groups, read only, and the site's own.
type AdminSpellingsPage struct {
	AdminBase
	Builtin [][]string
	Groups  []*congtin.SpellingGroup
	// Input is the new group's text, typed back after a refusal.
	Input string
	// EditID is the group whose edit was refused, EditText its text as
	// typed; the message goes beside that group's field.
	EditID   int64
	EditText string
	// Try is the query of the try box; Tried when one was sent, with
	// how the search reads it.
	Try   string
	Tried bool
	Reads []SpellingRead
	Max   int // groups a site may have
}

// SpellingRead is a run of a tried query and its other spellings.
type SpellingRead struct {
	Typed  string
	Others []string
}
