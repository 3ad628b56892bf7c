package render

import (
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
)

// QAItem is a published question as public pages show it. It has no
// field for the asker's name, e-mail, phone or address: the public pages
// cannot show what their data does not hold.
type QAItem struct {
	ID         int64
	URL        string
	Title      string
	Question   string // plain text, shown with its line breaks
	Excerpt    string // the question's beginning, for lists
	Answer     string // sanitized HTML
	Field      *congtin.QAField
	FieldURL   string
	AskedAt    time.Time
	AnsweredAt time.Time
	Snippet    []search.Segment // in search results: the words found
}

// QAListPage is /hoi-dap: published questions, by field or by search.
type QAListPage struct {
	Base
	Fields    congtin.QAFields
	FieldSlug string
	Q         string
	Items     []QAItem
	Total     int
	Message   string // help, or "nothing found"
	Error     string // a bad filter
	Pager     Pager
	// Approximate, when set, says above the questions that none holds
	// every word of the query and these hold most of them.
	Approximate string

	// Searched and VerbatimURL: as SearchPage's.
	Searched    string
	VerbatimURL string
	// Suggestion, when set, is what the reader probably meant.
	Suggestion *Suggestion
}

// QAPage is one question with its answer.
type QAPage struct {
	Base
	Item     QAItem
	PrintURL string
	BackURL  string
	Related  []QAItem // other answered questions of the field
}

// QAPrintPage is the print view of a question and its answer.
type QAPrintPage struct {
	PrintBase
	Item QAItem
}

// QAFormPage is the form a citizen sends a question with. It shows back
// what the sender typed, to the sender only (it is never cached).
type QAFormPage struct {
	Base
	Fields        congtin.QAFields
	Input         congtin.QuestionInput
	Token         string // the signed form token
	Honeypot      string // the trap field's name
	Errors        congtin.FieldErrors
	Error         string
	RetentionDays int
}

// QALookupPage is the asker's lookup by code, and the thank-you page
// after sending (Sent), which shows the new code.
type QALookupPage struct {
	Base
	Sent  bool
	Input string // what was typed in the code box
	Error string
	Found *QALookup
}

// QALookup is what a lookup shows of a question: its own text, state and,
// once published, its answer; no personal data.
type QALookup struct {
	Code      string // formatted for reading: ABCDE-FGHJK
	Title     string
	AskedAt   time.Time
	State     string
	StateName string
	Item      *QAItem // when published
}
