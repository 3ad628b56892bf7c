package congtin

import "context"

// MaxBulk is the most items one bulk action of the back office's lists
// takes: a few pages' worth of checked rows.
const MaxBulk = 100

// What a bulk action did to one item.
const (
	// BulkDone: the step was taken, or the article moved.
	BulkDone = "done"
	// BulkScheduled: published with a publication time still ahead.
	BulkScheduled = "scheduled"
	// BulkUnchanged: the item already was what the action asks (published,
	// taken down, in that category); nothing was written.
	BulkUnchanged = "unchanged"
	// BulkRefused: the actor may not act on the item in its state, or it
	// is gone; nothing was written.
	BulkRefused = "refused"
	// BulkFailed: the database failed; nothing was written for the item,
	// and the items after it were not tried.
	BulkFailed = "failed"
)

// BulkResult is what a bulk action did to one item.
type BulkResult struct {
	Ref Ref
	// Title names the item in the report; "" for an item the actor may
	// not see (a reporter naming another writer's article), which is
	// reported as not found.
	Title   string
	Outcome string
	// Message tells why an item was refused or left unchanged, in
	// Vietnamese.
	Message string
	// Item is the item after the step (done or scheduled); nil otherwise.
	Item *Item
}

// BulkService takes one action on items checked in a back-office list.
// Each item goes through the same rules as one by one (the permission
// table, the workflow, the revision, note and audit entry), in a
// transaction of its own: an item that may not be moved is reported and
// left as it was, and does not hold back the others. The results come in
// the order of ids, one for each distinct ID.
type BulkService interface {
	// TransitionMany takes the step act (ActSubmit, ActPublish,
	// ActUnpublish) on each item of the kind, publishing at once (or at
	// the time the writer chose ahead, as one by one). EINVALID, before
	// anything is written, for an unknown act or kind, no items or more
	// than MaxBulk. A database failure stops the run: the error comes
	// back with the results, the items not tried marked BulkFailed.
	TransitionMany(ctx context.Context, actor Actor, kind Kind, siteID int64, ids []int64, act string) ([]*BulkResult, error)
	// MoveArticles moves each article to the category, as an edit with
	// its revision. EINVALID, before anything is written, for a category
	// the site does not have, no items or more than MaxBulk; failures as
	// TransitionMany.
	MoveArticles(ctx context.Context, actor Actor, siteID int64, ids []int64, categoryID int64) ([]*BulkResult, error)
}
