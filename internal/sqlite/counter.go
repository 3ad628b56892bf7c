package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/congtin/congtin"
)

var _ congtin.CounterService = (*DB)(nil)

// AddCounts implements congtin.CounterService.
func (db *DB) AddCounts(ctx context.Context, b *congtin.CounterBatch) error {
	if b.Empty() {
		return nil
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: add counts: %w", err)
	}
	defer tx.Rollback()
	perArticle := map[int64]int64{}
	for k, n := range b.Views {
		perArticle[k.ArticleID] += n
		if _, err := tx.ExecContext(ctx, `INSERT INTO article_view_days (site_id, day, article_id, views) VALUES (?, ?, ?, ?)
			ON CONFLICT (site_id, day, article_id) DO UPDATE SET views = views + excluded.views`, k.SiteID, k.Day, k.ArticleID, n); err != nil {
			return fmt.Errorf("sqlite: add views by day: %w", err)
		}
	}
	for id, n := range perArticle {
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET views = views + ? WHERE id = ?`, n, id); err != nil {
			return fmt.Errorf("sqlite: add views: %w", err)
		}
	}
	perSite := map[int64]int64{}
	for k, n := range b.Visits {
		perSite[k.SiteID] += n
		if _, err := tx.ExecContext(ctx, `INSERT INTO visit_days (site_id, day, visits) VALUES (?, ?, ?)
			ON CONFLICT (site_id, day) DO UPDATE SET visits = visits + excluded.visits`, k.SiteID, k.Day, n); err != nil {
			return fmt.Errorf("sqlite: add visits by day: %w", err)
		}
	}
	for id, n := range perSite {
		if _, err := tx.ExecContext(ctx, `INSERT INTO visit_totals (site_id, visits) VALUES (?, ?)
			ON CONFLICT (site_id) DO UPDATE SET visits = visits + excluded.visits`, id, n); err != nil {
			return fmt.Errorf("sqlite: add visits: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: add counts: commit: %w", err)
	}
	return nil
}

// ArticleViews implements congtin.CounterService.
func (db *DB) ArticleViews(ctx context.Context, articleID int64) (int64, error) {
	var n int64
	err := db.db.QueryRowContext(ctx, `SELECT views FROM articles WHERE id = ?`, articleID).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy bài viết.")
	} else if err != nil {
		return 0, fmt.Errorf("sqlite: article views: %w", err)
	}
	return n, nil
}

// Visits implements congtin.CounterService.
func (db *DB) Visits(ctx context.Context, siteID int64, day string) (total, today int64, err error) {
	err = db.db.QueryRowContext(ctx, `SELECT
		IFNULL((SELECT visits FROM visit_totals WHERE site_id = ?), 0),
		IFNULL((SELECT visits FROM visit_days WHERE site_id = ? AND day = ?), 0)`, siteID, siteID, day).Scan(&total, &today)
	if err != nil {
		return 0, 0, fmt.Errorf("sqlite: visits: %w", err)
	}
	return total, today, nil
}
