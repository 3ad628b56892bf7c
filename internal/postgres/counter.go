package postgres

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"maps"
	"slices"

	"github.com/congtin/congtin"
)

var _ congtin.CounterService = (*DB)(nil)

// AddCounts implements congtin.CounterService. Every statement adds to
// what is stored (views = views + n), never writes a value read before, so
// batches from several processes add up exactly. Rows are written in one
// fixed order (by key), so two batches touching the same rows lock them in
// the same order and cannot deadlock.
func (db *DB) AddCounts(ctx context.Context, b *congtin.CounterBatch) error {
	if b.Empty() {
		return nil
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return wrap("add counts", err)
	}
	defer tx.Rollback()
	perArticle := map[int64]int64{}
	views := slices.SortedFunc(maps.Keys(b.Views), func(x, y congtin.ViewKey) int {
		return cmp.Or(cmp.Compare(x.SiteID, y.SiteID), cmp.Compare(x.Day, y.Day), cmp.Compare(x.ArticleID, y.ArticleID))
	})
	for _, k := range views {
		n := b.Views[k]
		perArticle[k.ArticleID] += n
		if _, err := tx.ExecContext(ctx, `INSERT INTO article_view_days (site_id, day, article_id, views) VALUES ($1, $2, $3, $4)
			ON CONFLICT (site_id, day, article_id) DO UPDATE SET views = article_view_days.views + excluded.views`, k.SiteID, k.Day, k.ArticleID, n); err != nil {
			return wrap("add views by day", err)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(perArticle)) {
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET views = views + $1 WHERE id = $2`, perArticle[id], id); err != nil {
			return wrap("add views", err)
		}
	}
	perSite := map[int64]int64{}
	visits := slices.SortedFunc(maps.Keys(b.Visits), func(x, y congtin.VisitKey) int {
		return cmp.Or(cmp.Compare(x.SiteID, y.SiteID), cmp.Compare(x.Day, y.Day))
	})
	for _, k := range visits {
		n := b.Visits[k]
		perSite[k.SiteID] += n
		if _, err := tx.ExecContext(ctx, `INSERT INTO visit_days (site_id, day, visits) VALUES ($1, $2, $3)
			ON CONFLICT (site_id, day) DO UPDATE SET visits = visit_days.visits + excluded.visits`, k.SiteID, k.Day, n); err != nil {
			return wrap("add visits by day", err)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(perSite)) {
		if _, err := tx.ExecContext(ctx, `INSERT INTO visit_totals (site_id, visits) VALUES ($1, $2)
			ON CONFLICT (site_id) DO UPDATE SET visits = visit_totals.visits + excluded.visits`, id, perSite[id]); err != nil {
			return wrap("add visits", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return wrap("add counts: commit", err)
	}
	return nil
}

// ArticleViews implements congtin.CounterService.
func (db *DB) ArticleViews(ctx context.Context, articleID int64) (int64, error) {
	var n int64
	err := db.db.QueryRowContext(ctx, `SELECT views FROM articles WHERE id = $1`, articleID).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy bài viết.")
	} else if err != nil {
		return 0, wrap("article views", err)
	}
	return n, nil
}

// Visits implements congtin.CounterService.
func (db *DB) Visits(ctx context.Context, siteID int64, day string) (total, today int64, err error) {
	if !storable(day) {
		day = "" // matches no day, as any other malformed one
	}
	err = db.db.QueryRowContext(ctx, `SELECT
		COALESCE((SELECT visits FROM visit_totals WHERE site_id = $1), 0),
		COALESCE((SELECT visits FROM visit_days WHERE site_id = $1 AND day = $2), 0)`, siteID, day).Scan(&total, &today)
	if err != nil {
		return 0, 0, wrap("visits", err)
	}
	return total, today, nil
}
