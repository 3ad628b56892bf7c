package sqlstore

import (
	"context"
	"time"
)

// PublishedTexts implements congtin.SearchStore. One query, on the
// (site_id, status, published_at) index of the lists; the title and lead
// come before the body in the row, so the bodies are not read.
func (db *DB) PublishedTexts(ctx context.Context, siteID int64, now time.Time, fn func(title, lead string) error) error {
	if now.IsZero() {
		now = db.Now()
	}
	rows, err := db.Query(ctx, `SELECT title, lead FROM articles
		WHERE site_id = ? AND status = 'published' AND published_at <= ?`, siteID, now)
	if err != nil {
		return db.wrap("published texts", err)
	}
	defer rows.Close()
	var title, lead string
	for rows.Next() {
		if err := rows.Scan(&title, &lead); err != nil {
			return db.wrap("published texts", err)
		}
		if err := fn(title, lead); err != nil {
			return err
		}
	}
	return db.wrap("published texts", rows.Err())
}
