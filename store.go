package congtin

import (
	"context"
	"time"
)

// Store is a database: the reads the portal makes, and the transactions in
// which the service layer writes. Package sqlstore implements it once for
// both databases (packages sqlite and postgres supply their dialects).
//
// A store checks nothing. Who may do what, which input is valid, what the
// workflow allows, what is sanitized and what the audit log says belong to
// the service layer (package app), which runs its checks and its writes in
// one WithTx. Store errors carry codes: NotFound of the kind for a missing
// row, ErrConflict when a concurrent writer got there first.
type Store interface {
	ArticleStore
	CategoryStore
	WorkflowStore
	AuditStore
	SearchStore

	DocumentStore

	ConsultationStore
	DatasetStore
	ProcedureStore
	CommentStore
	DisclosureStore

	ProjectStore
	ProcurementStore

	QuestionStore

	PageStore

	UnitStore

	LinkStore

	SpellingStore

	ScheduleStore

	UserStore

	SiteStore

	MediaStore

	CounterStore

	StatsStore

	JobStore

	ChangeStore

	ImportStore

	DraftStore

	NotificationStore

	PollStore

	// WithTx runs fn in a write transaction, committed when fn returns
	// nil and rolled back otherwise: the service layer's check, write and
	// audit entry stand or fall together.
	WithTx(ctx context.Context, fn func(tx Tx) error) error
	// Now is the store's clock (tests move it).
	Now() time.Time
	// Ping checks that the database answers; Unavailable when it cannot
	// be reached.
	Ping(ctx context.Context) error
}

// Tx is a write transaction. Its parts are small interfaces, one per kind
// of thing written, so that a service function can say what it writes.
type Tx interface {
	// Now is the one time the transaction runs at: whole seconds, UTC.
	Now() time.Time
	ArticleTx
	CategoryTx
	WorkflowTx
	AuditTx

	DocumentTx

	ConsultationTx
	DatasetTx
	ProcedureTx
	CommentTx
	DisclosureTx

	ProjectTx
	ProcurementTx

	QuestionTx

	PageTx

	UnitTx

	LinkTx

	SpellingTx

	ScheduleTx

	UserTx

	SiteTx

	MediaTx

	ImportTx

	DraftTx

	NotificationTx

	JobTx

	PollTx
}

// ArticleStore reads articles, public or not, and their revisions.
type ArticleStore interface {
	// FindArticleByID returns any article of the site, public or not;
	// NotFound(KindArticle) if the site has none with the ID.
	FindArticleByID(ctx context.Context, siteID, id int64) (*Article, error)
	// FindArticles returns public articles matching the filter and the
	// total number of matches (ignoring Offset and Limit).
	FindArticles(ctx context.Context, f ArticleFilter) ([]*Article, int, error)
	// FindAdminArticles lists articles in any state, newest change first.
	FindAdminArticles(ctx context.Context, f AdminArticleFilter) ([]*Article, int, error)
	// FindRevisions lists an article's revisions, newest first, without
	// bodies.
	FindRevisions(ctx context.Context, siteID, articleID int64) ([]*Revision, error)
	// FindRevision returns one revision with its body; NotFound(KindRevision).
	FindRevision(ctx context.Context, siteID, id int64) (*Revision, error)
}

// ArticleTx writes articles. The store keeps the search index in step
// with every write, in the same transaction.
type ArticleTx interface {
	// FindArticle reads an article inside the transaction.
	FindArticle(ctx context.Context, siteID, id int64) (*Article, error)
	// InsertArticle stores a new article as it is given and sets its ID;
	// it leaves a as a read would give it back (times to the second, in
	// UTC; the first version), so that an import need not read it.
	InsertArticle(ctx context.Context, a *Article) error
	// UpdateArticle writes an article's content (category, title, slug,
	// lead, body, author, image, featured, publication time) and its
	// change time and version, and leaves a as a read would give it back.
	UpdateArticle(ctx context.Context, a *Article) error
	// AddRevision copies the article's stored content into a new
	// revision, r giving who made it and why; it sets r.ID.
	AddRevision(ctx context.Context, r *Revision) error
	// FindRevision reads a revision inside the transaction.
	FindRevision(ctx context.Context, siteID, id int64) (*Revision, error)
	// IndexLater holds back the search index's writes (and the back
	// office's search keys) of the articles this transaction inserts or
	// updates until IndexPending, which writes
	// them all at once, in the index's bulk mode: a large import spends
	// less on them than on the articles themselves. The transaction must
	// call IndexPending before it commits.
	IndexLater()
	IndexPending(ctx context.Context) error
}

// CategoryStore reads categories.
type CategoryStore interface {
	// FindCategories lists the site's categories in menu order.
	FindCategories(ctx context.Context, siteID int64) ([]*Category, error)
	// FindCategoryRedirect returns the category an old slug now names;
	// NotFound(KindCategory) when none.
	FindCategoryRedirect(ctx context.Context, siteID int64, oldSlug string) (*Category, error)
}

// CategoryTx writes categories and the redirects from their old slugs.
type CategoryTx interface {
	// FindCategory reads a category of the site; NotFound(KindCategory).
	FindCategory(ctx context.Context, siteID, id int64) (*Category, error)
	// CategorySlugFree reports whether no category of the site other
	// than self, and no redirect to another, uses slug.
	CategorySlugFree(ctx context.Context, siteID int64, slug string, self int64) (bool, error)
	// CategoryNameFree reports whether no other category under the same
	// parent has the name.
	CategoryNameFree(ctx context.Context, siteID, parentID int64, name string, self int64) (bool, error)
	// CategoryInUse counts a category's articles and sub-categories.
	CategoryInUse(ctx context.Context, id int64) (int, error)
	// InsertCategory stores a new category and sets its ID.
	InsertCategory(ctx context.Context, c *Category) error
	// UpdateCategory writes a category's parent, name, slug, position
	// and visibility.
	UpdateCategory(ctx context.Context, c *Category) error
	// DeleteCategory deletes a category and the redirects to it.
	DeleteCategory(ctx context.Context, id int64) error
	// RedirectCategorySlug makes oldSlug lead to the category, and stops
	// newSlug leading anywhere else.
	RedirectCategorySlug(ctx context.Context, siteID int64, oldSlug, newSlug string, id int64) error
}

// WorkflowStore reads the workflow's history.
type WorkflowStore interface {
	// FindNotes returns an item's workflow notes, oldest first.
	FindNotes(ctx context.Context, item Ref) ([]*Note, error)
}

// WorkflowTx moves items of any kind along the workflow.
type WorkflowTx interface {
	// FindItem reads an item's workflow state inside the transaction;
	// NotFound of its kind when there is none.
	FindItem(ctx context.Context, item Ref) (*Item, error)
	// UpdateItem writes an item's state, publication time and writer
	// (the one who took a question on), its change time, and, for kinds
	// that keep it (a schedule week), the last step's comment.
	UpdateItem(ctx context.Context, it *Item, comment string) error
	// AddNote appends a note to the item's workflow history; it sets
	// n.ID and n.CreatedAt.
	AddNote(ctx context.Context, n *Note) error
}

// AuditStore reads the audit log.
type AuditStore interface {
	// FindAudit lists entries, newest first, with the total count.
	FindAudit(ctx context.Context, f AuditFilter) ([]*AuditEntry, int, error)
	// AddAudit appends an entry in a transaction of its own, for events
	// that change nothing else (sign-ins, failed sign-ins).
	AddAudit(ctx context.Context, e *AuditEntry) error
}

// AuditTx writes the audit log inside the transaction of the change it
// records.
type AuditTx interface {
	// AddAudit appends an entry; it sets e.ID and e.CreatedAt.
	AddAudit(ctx context.Context, e *AuditEntry) error
}
