package sqlite

import (
	"context"
	"fmt"
	"time"

	"github.com/congtin/congtin"
)

var _ congtin.ChangeService = (*DB)(nil)

// LastChangeID implements congtin.ChangeService.
func (db *DB) LastChangeID(ctx context.Context) (int64, error) {
	var id int64
	if err := db.db.QueryRowContext(ctx, `SELECT IFNULL(MAX(id), 0) FROM changes`).Scan(&id); err != nil {
		return 0, fmt.Errorf("sqlite: last change: %w", err)
	}
	return id, nil
}

// ChangesAfter implements congtin.ChangeService.
func (db *DB) ChangesAfter(ctx context.Context, afterID int64, limit int) ([]*congtin.Change, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT id, site_id, article_id, old_category_id, new_category_id, old_published_at, new_published_at
		FROM changes WHERE id > ? ORDER BY id LIMIT ?`, afterID, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: changes: %w", err)
	}
	defer rows.Close()
	var out []*congtin.Change
	for rows.Next() {
		c := &congtin.Change{}
		var oldPub, newPub int64
		if err := rows.Scan(&c.ID, &c.SiteID, &c.ArticleID, &c.OldCategoryID, &c.NewCategoryID, &oldPub, &newPub); err != nil {
			return nil, err
		}
		if c.ArticleID != 0 {
			c.OldPublishedAt, c.NewPublishedAt = fromUnix(oldPub), fromUnix(newPub)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// wentLiveQuery runs four times a second in every process: it must stay
// on an index (see TestWentLiveUsesIndex).
const wentLiveQuery = `SELECT site_id, id, category_id, published_at FROM articles
	WHERE status = 'published' AND published_at > ? AND published_at <= ?`

// WentLive implements congtin.ChangeService.
func (db *DB) WentLive(ctx context.Context, since, until time.Time) ([]*congtin.Change, error) {
	rows, err := db.db.QueryContext(ctx, wentLiveQuery, unix(since), unix(until))
	if err != nil {
		return nil, fmt.Errorf("sqlite: went live: %w", err)
	}
	defer rows.Close()
	var out []*congtin.Change
	for rows.Next() {
		c := &congtin.Change{}
		var pub int64
		if err := rows.Scan(&c.SiteID, &c.ArticleID, &c.NewCategoryID, &pub); err != nil {
			return nil, err
		}
		c.OldCategoryID = c.NewCategoryID
		c.OldPublishedAt, c.NewPublishedAt = fromUnix(pub), fromUnix(pub)
		out = append(out, c)
	}
	return out, rows.Err()
}

// PruneChanges implements congtin.ChangeService.
func (db *DB) PruneChanges(ctx context.Context, keep int) error {
	if _, err := db.db.ExecContext(ctx, `DELETE FROM changes WHERE id <= (SELECT IFNULL(MAX(id), 0) FROM changes) - ?`, keep); err != nil {
		return fmt.Errorf("sqlite: prune changes: %w", err)
	}
	return nil
}
