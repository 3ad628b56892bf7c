package postgres

import (
	"context"
	"database/sql"
	"time"

	"github.com/congtin/congtin"
)

var _ congtin.ChangeService = (*DB)(nil)

// changesLock is the advisory lock key ("congtnc") that orders the change
// log: migrations/0004_changes.sql explains why, and its triggers take the
// same key.
const changesLock int64 = 0x636f6e67746e63

// lockChanges takes the change log's lock for the rest of the transaction.
// Each method that may write a change (an article, category or site
// write) calls it before anything else, so that it never waits for the
// lock while holding a row another writer needs; the triggers would take
// it anyway, later. It makes the newsroom's writes one at a time, as they
// are on SQLite; counters, sessions and the audit log do not take it.
func lockChanges(ctx context.Context, tx *Tx) error {
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, changesLock)
	return err
}

// beginChange begins a transaction that may write a change: an article,
// category or site write.
func (db *DB) beginChange(ctx context.Context) (*Tx, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	if err := lockChanges(ctx, tx); err != nil {
		tx.Rollback()
		return nil, err
	}
	return tx, nil
}

// LastChangeID implements congtin.ChangeService.
func (db *DB) LastChangeID(ctx context.Context) (int64, error) {
	var id int64
	if err := db.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM changes`).Scan(&id); err != nil {
		return 0, wrap("last change", err)
	}
	return id, nil
}

// ChangesAfter implements congtin.ChangeService.
func (db *DB) ChangesAfter(ctx context.Context, afterID int64, limit int) ([]*congtin.Change, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT id, site_id, article_id, old_category_id, new_category_id, old_published_at, new_published_at
		FROM changes WHERE id > $1 ORDER BY id LIMIT $2`, afterID, limit)
	if err != nil {
		return nil, wrap("changes", err)
	}
	defer rows.Close()
	var out []*congtin.Change
	for rows.Next() {
		c := &congtin.Change{}
		var oldPub, newPub sql.NullTime
		if err := rows.Scan(&c.ID, &c.SiteID, &c.ArticleID, &c.OldCategoryID, &c.NewCategoryID, &oldPub, &newPub); err != nil {
			return nil, wrap("changes", err)
		}
		if c.ArticleID != 0 {
			c.OldPublishedAt, c.NewPublishedAt = fromTS(oldPub.Time), fromTS(newPub.Time)
		}
		out = append(out, c)
	}
	return out, wrap("changes", rows.Err())
}

// WentLive implements congtin.ChangeService.
func (db *DB) WentLive(ctx context.Context, since, until time.Time) ([]*congtin.Change, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT site_id, id, category_id, published_at FROM articles
		WHERE status = 'published' AND published_at > $1 AND published_at <= $2`, ts(since), ts(until))
	if err != nil {
		return nil, wrap("went live", err)
	}
	defer rows.Close()
	var out []*congtin.Change
	for rows.Next() {
		c := &congtin.Change{}
		var pub time.Time
		if err := rows.Scan(&c.SiteID, &c.ArticleID, &c.NewCategoryID, &pub); err != nil {
			return nil, wrap("went live", err)
		}
		c.OldCategoryID = c.NewCategoryID
		c.OldPublishedAt, c.NewPublishedAt = fromTS(pub), fromTS(pub)
		out = append(out, c)
	}
	return out, wrap("went live", rows.Err())
}

// PruneChanges implements congtin.ChangeService. As in the SQLite store,
// it keeps the IDs within keep of the newest; IDs a rolled-back
// transaction took are gaps, so that may be fewer than keep rows.
func (db *DB) PruneChanges(ctx context.Context, keep int) error {
	if _, err := db.db.ExecContext(ctx, `DELETE FROM changes WHERE id <= (SELECT COALESCE(MAX(id), 0) FROM changes) - $1`, keep); err != nil {
		return wrap("prune changes", err)
	}
	return nil
}
