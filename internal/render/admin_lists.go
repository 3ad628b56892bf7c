package render

import (
	"strings"

	"github.com/congtin/congtin"
)

// The back office's lists of articles and documents: a search and
// filters kept in the URL, columns for the writer (and an article's
// category), checkboxes for a bulk action, and the report of the last
// bulk action. The partials are in templates/admin/partials/lists.html.

// ListFilter is a list's filter form as typed (the URL's values).
type ListFilter struct {
	// Path is the list without filters; Mine names the actor's own
	// ("Bài của tôi").
	Path, Mine string
	Q          string
	Status     string // a workflow state, "scheduled", or "" for all
	// Category (articles) or Type and Field (documents): an ID, 0 for
	// all.
	Category, Type, Field int64
	Writer                int64 // 0: everyone's
	// By is the date the range bounds: "cap-nhat" (the last change),
	// "xuat-ban" (publication) or "ban-hanh" (a document's issue).
	By       string
	From, To string // YYYY-MM-DD
	// Statuses and Dates are the choices of the state and of the date
	// the range bounds.
	Statuses, Dates []ListOption
}

// ListOption is a choice of a list's select.
type ListOption struct {
	Value, Label string
}

// Active reports whether any filter narrows the list.
func (f ListFilter) Active() bool {
	return f.Q != "" || f.Status != "" || f.Category != 0 || f.Type != 0 || f.Field != 0 || f.Writer != 0 || f.From != "" || f.To != ""
}

// ArticlesPage lists articles in the back office.
type ArticlesPage struct {
	AdminBase
	Filter ListFilter
	Rows   []ArticleRow
	// Cats are the categories in tree order, for the filter and the
	// move; Writers the site's staff, for an editor's writer filter (nil
	// for a reporter, who sees their own only).
	Cats    []CategoryOption
	Writers []WriterOption
	// MineURL lists the actor's own articles.
	MineURL string
	Bulk    BulkForm
	Report  *BulkReport
	Pager   Pager
	Total   int
}

// ArticleRow is an article in the list, with its columns' names.
type ArticleRow struct {
	*congtin.Article
	Category string
	Writer   string
}

// AdminDocumentsPage lists documents in the back office.
type AdminDocumentsPage struct {
	AdminBase
	Filter  ListFilter
	Rows    []DocumentRow
	Types   []*congtin.DocumentTerm
	Fields  []*congtin.DocumentTerm
	Writers []WriterOption
	MineURL string
	Bulk    BulkForm
	Report  *BulkReport
	Pager   Pager
	Total   int
}

// DocumentRow is a document in the list.
type DocumentRow struct {
	*congtin.Document
	Writer string
}

// CategoryOption is a category in a select, in tree order.
type CategoryOption struct {
	ID    int64
	Name  string
	Depth int // 0 for a top-level category
}

// Label is the option's text, indented by its depth so that the tree
// shows in a plain select (and is read out as "— — Tên").
func (o CategoryOption) Label() string { return strings.Repeat("— ", o.Depth) + o.Name }

// CategoryTree returns the categories in tree order: each category
// followed by the ones below it, siblings in menu order (the order cs
// has). A category whose parent is missing, or in a cycle, comes at the
// top level, so none is left out.
func CategoryTree(cs congtin.Categories) []CategoryOption {
	byParent := map[int64][]*congtin.Category{}
	ids := map[int64]bool{}
	for _, c := range cs {
		ids[c.ID] = true
	}
	for _, c := range cs {
		p := c.ParentID
		if !ids[p] || p == c.ID {
			p = 0
		}
		byParent[p] = append(byParent[p], c)
	}
	out := make([]CategoryOption, 0, len(cs))
	seen := map[int64]bool{}
	var walk func(parent int64, depth int)
	walk = func(parent int64, depth int) {
		for _, c := range byParent[parent] {
			if seen[c.ID] {
				continue
			}
			seen[c.ID] = true
			out = append(out, CategoryOption{ID: c.ID, Name: c.Name, Depth: depth})
			walk(c.ID, depth+1)
		}
	}
	walk(0, 0)
	for _, c := range cs { // categories only in a cycle of parents
		if !seen[c.ID] {
			seen[c.ID] = true
			out = append(out, CategoryOption{ID: c.ID, Name: c.Name})
			walk(c.ID, 1)
		}
	}
	return out
}

// WriterOption is a person in the writer filter.
type WriterOption struct {
	ID   int64
	Name string
}

// BulkForm is what a list's bulk action form needs.
type BulkForm struct {
	// Action is where it posts; Back the list to come back to (this
	// page, its filters and page number).
	Action, Back string
	// Actions are the actions the actor may choose (none: no checkboxes).
	Actions []BulkAction
	// Noun names an item ("bài", "văn bản"), in the confirmation.
	Noun string
	// Cats are the categories an article can be moved to; nil for a
	// kind that has none.
	Cats []CategoryOption
}

// BulkAction is an action of the bulk form's select.
type BulkAction struct {
	Value, Label string
	// Confirm: the action takes items off the public site and is asked
	// for again before it runs.
	Confirm bool
}

// BulkReport tells what the last bulk action did: a summary and, for the
// items it left as they were, which and why.
type BulkReport struct {
	Done   string
	Groups []BulkGroup
}

// BulkGroup is a kind of outcome in a report: a heading ("2 bài không
// thực hiện được:") and the items, at most a few named.
type BulkGroup struct {
	Heading string
	Refused bool // nothing was done to them for a reason to look at
	Items   []BulkItem
	More    int // items not named
}

// BulkItem is an item in a report or a confirmation.
type BulkItem struct {
	ID      int64
	Title   string
	URL     string
	Message string
}

// BulkConfirmPage asks before a bulk action that takes items off the
// public site, when the browser could not ask (JavaScript off).
type BulkConfirmPage struct {
	AdminBase
	Question string // "Gỡ 3 bài khỏi cổng thông tin?"
	Button   string
	Bulk     BulkForm
	Act      string
	Items    []BulkItem
}
