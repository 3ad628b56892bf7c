package congtin

import "time"

// StatusScheduled is no stored state: it is how the back office shows an
// article published with its time still ahead (Hẹn giờ), which readers
// cannot see yet, and a value of the article lists' status filter. The
// article's stored state is StatusPublished; the time alone makes it go
// out.
const StatusScheduled = "scheduled"

// State is the article's state as the back office shows it at now:
// StatusScheduled for one published with its time ahead, its stored
// Status otherwise.
func (a *Article) State(now time.Time) string {
	if a.Status == StatusPublished && a.PublishedAt.After(now) {
		return StatusScheduled
	}
	return a.Status
}

// State is the item's state as the back office shows it at now, as
// Article.State.
func (it *Item) State(now time.Time) string {
	if it.Status == StatusPublished && it.PublishedAt.After(now) {
		return StatusScheduled
	}
	return it.Status
}

// ValidArticleState reports whether s is a state the article lists can
// be filtered by: a workflow state, or StatusScheduled.
func ValidArticleState(s string) bool { return s == StatusScheduled || ValidStatus(s) }

// Scheduled reports whether the note is of a publication that scheduled
// its item: it gave a time ahead of the step itself.
func (n *Note) Scheduled() bool {
	return n.Action == ActPublish && n.PublishedAt.After(n.CreatedAt)
}
