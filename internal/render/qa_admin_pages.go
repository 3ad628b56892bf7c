package render

import (
	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/diff"
)

// QuestionsPage is the back office's Q&A inbox.
type QuestionsPage struct {
	AdminBase
	Status    string // "" for all
	Q         string
	Questions []*congtin.Question
	Fields    congtin.QAFields
	Counts    map[string]int // questions per state
	Pager     Pager
	Total     int
	CanFields bool // may manage the field list
}

// QuestionEditPage is one question with the answer form and the workflow.
type QuestionEditPage struct {
	AdminBase
	Question  *congtin.Question
	Input     congtin.QuestionEdit
	Fields    congtin.QAFields
	Workflow  Workflow
	CanSave   bool
	PublicURL string
	Answerer  string // who took the question on, when someone has
	// Edit keeps the writer's work (autosave, version, soft lock).
	Edit Editing
}

// QuestionRevisionsPage lists a question's revisions and compares two.
type QuestionRevisionsPage struct {
	AdminBase
	Question  *congtin.Question
	Revisions []*congtin.QuestionRevision
	A, B      *congtin.QuestionRevision
	Title     []diff.Segment
	Body      []diff.Segment
	Answer    []diff.Block
}

// QAFieldsPage manages the list of fields (lĩnh vực).
type QAFieldsPage struct {
	AdminBase
	Fields congtin.QAFields
	Input  congtin.QAFieldInput
}
