package render

import "github.com/congtin/congtin"

// Workflow is the workflow panel of an edit page in the back office, the
// same for every kind of content: the history of the item's steps
// ("Quá trình duyệt") and the steps the actor may take now, with the
// comment. The partials "notes" and "workflow" show it; a page passes
// itself, and its Errors mark the fields.
type Workflow struct {
	// Heading heads the panel ("Duyệt bài"); HeadingID is its anchor.
	Heading, HeadingID string
	// Action is where the steps are posted.
	Action string
	// Week is a schedule week's key, posted back with the step.
	Week string
	// Steps are the actions the actor may take now, in order.
	Steps []string
	// Schedulable offers a publication time with Xuất bản.
	Schedulable bool
	// Labels words a step's button the kind's own way; ActionName
	// otherwise.
	Labels map[string]string
	// Notes is the item's workflow history, oldest first.
	Notes []*congtin.Note
	// AuditURL is the item's audit log, for those who may read it, and
	// AuditLabel its link ("Nhật ký của bài này").
	AuditURL, AuditLabel string
	// Form is the id of the page's edit form when the actor may save it:
	// the steps then submit that form, saved with the step in one
	// transaction, and a schedulable kind's time is the form's own.
	Form string
	// Comment is the comment typed, shown again when a step is refused.
	Comment string
}

// Label is the button text of a step.
func (w Workflow) Label(act string) string {
	if l := w.Labels[act]; l != "" {
		return l
	}
	return ActionName(act)
}

// Can reports whether act is among the steps.
func (w Workflow) Can(act string) bool {
	for _, s := range w.Steps {
		if s == act {
			return true
		}
	}
	return false
}
