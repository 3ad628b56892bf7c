package congtin

import (
	"context"
	"time"
)

// Change is a write that may have made public pages stale. Stores record
// changes in the transaction of the write (with triggers, so no write path
// can forget), and every process reads them to drop its cached pages.
type Change struct {
	ID     int64
	SiteID int64
	// ArticleID is the article that changed; 0 means the whole site (a
	// category, the menu or a setting changed).
	ArticleID int64
	// The article's category and publication time before and after the
	// write: list pages it left and list pages it joined.
	OldCategoryID, NewCategoryID   int64
	OldPublishedAt, NewPublishedAt time.Time
}

// WholeSite reports whether every page of the site may be stale.
func (c *Change) WholeSite() bool { return c.ArticleID == 0 }

// ChangeStore reads the change log, which lets a process learn about
// writes made by any process. The database's triggers write it, in the
// transaction of each write.
type ChangeStore interface {
	// LastChangeID returns the newest change's ID (0 when none): where a
	// process starts reading.
	LastChangeID(ctx context.Context) (int64, error)
	// ChangesAfter returns up to limit changes with IDs above afterID,
	// oldest first.
	ChangesAfter(ctx context.Context, afterID int64, limit int) ([]*Change, error)
	// WentLive returns, as changes without IDs, the articles whose
	// scheduled publication time fell in (since, until]: no write marks
	// that moment, yet pages listing them are stale from then on.
	WentLive(ctx context.Context, since, until time.Time) ([]*Change, error)
	// PruneChanges deletes all but the newest keep changes.
	PruneChanges(ctx context.Context, keep int) error
}
