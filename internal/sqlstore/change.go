package sqlstore

import (
	"context"
	"time"

	"github.com/congtin/congtin"
)

var _ congtin.ChangeStore = (*DB)(nil)

// The change log is written by the databases' triggers (migrations/
// 0004_changes.sql of each dialect), in the transaction of each write;
// the store only reads it, and prunes it.

// LastChangeID implements congtin.ChangeStore.
func (db *DB) LastChangeID(ctx context.Context) (int64, error) {
	var id int64
	if err := db.QueryRow(ctx, `SELECT COALESCE(MAX(id), 0) FROM changes`).Scan(&id); err != nil {
		return 0, db.wrap("last change", err)
	}
	return id, nil
}

// ChangesAfter implements congtin.ChangeStore. A whole-site change has no
// times (SQLite stores 0 for them, PostgreSQL NULL): they stay zero.
func (db *DB) ChangesAfter(ctx context.Context, afterID int64, limit int) ([]*congtin.Change, error) {
	cs, err := list(ctx, db.conn, func(row scanner) (*congtin.Change, error) {
		c := &congtin.Change{}
		var oldPub, newPub time.Time
		if err := row.Scan(&c.ID, &c.SiteID, &c.ArticleID, &c.OldCategoryID, &c.NewCategoryID, at(&oldPub), at(&newPub)); err != nil {
			return nil, err
		}
		if c.ArticleID != 0 {
			c.OldPublishedAt, c.NewPublishedAt = oldPub, newPub
		}
		return c, nil
	}, `SELECT id, site_id, article_id, old_category_id, new_category_id, old_published_at, new_published_at
		FROM changes WHERE id > ? ORDER BY id LIMIT ?`, afterID, limit)
	return cs, db.wrap("changes", err)
}

// wentLiveQuery runs four times a second in every process: it must stay
// on an index (see TestWentLiveUsesIndex).
const wentLiveQuery = `SELECT site_id, id, category_id, published_at FROM articles
	WHERE status = 'published' AND published_at > ? AND published_at <= ?`

// WentLive implements congtin.ChangeStore.
func (db *DB) WentLive(ctx context.Context, since, until time.Time) ([]*congtin.Change, error) {
	cs, err := list(ctx, db.conn, func(row scanner) (*congtin.Change, error) {
		c := &congtin.Change{}
		var pub time.Time
		if err := row.Scan(&c.SiteID, &c.ArticleID, &c.NewCategoryID, at(&pub)); err != nil {
			return nil, err
		}
		c.OldCategoryID = c.NewCategoryID
		c.OldPublishedAt, c.NewPublishedAt = pub, pub
		return c, nil
	}, wentLiveQuery, since, until)
	return cs, db.wrap("went live", err)
}

// PruneChanges implements congtin.ChangeStore. It keeps the IDs within
// keep of the newest; IDs a rolled-back transaction took (PostgreSQL) are
// gaps, so that may be fewer than keep rows.
func (db *DB) PruneChanges(ctx context.Context, keep int) error {
	_, err := db.Exec(ctx, `DELETE FROM changes WHERE id <= (SELECT COALESCE(MAX(id), 0) FROM changes) - ?`, keep)
	return db.wrap("prune changes", err)
}
