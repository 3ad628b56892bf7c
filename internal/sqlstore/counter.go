package sqlstore

import (
	"cmp"
	"context"
	"maps"
	"slices"

	"github.com/congtin/congtin"
)

var _ congtin.CounterStore = (*DB)(nil)

// AddCounts implements congtin.CounterStore. Every statement adds to what
// is stored (views = views + n), never writes a value read before, so
// batches from several processes add up exactly. Rows are written in one
// fixed order (by key), so two batches touching the same rows lock them
// in the same order and cannot deadlock. The transaction is its own, not
// WithTx's: counters take no part in the change log's lock (see
// Dialect.BeginWrite), so a busy newsroom never holds up counting.
func (db *DB) AddCounts(ctx context.Context, b *congtin.CounterBatch) error {
	if b.Empty() {
		return nil
	}
	t, err := db.pool.BeginTx(ctx, nil)
	if err != nil {
		return db.wrap("add counts", err)
	}
	defer t.Rollback()
	c := conn{q: t, db: db}

	perArticle := map[int64]int64{}
	views := slices.SortedFunc(maps.Keys(b.Views), func(x, y congtin.ViewKey) int {
		return cmp.Or(cmp.Compare(x.SiteID, y.SiteID), cmp.Compare(x.Day, y.Day), cmp.Compare(x.ArticleID, y.ArticleID))
	})
	for _, k := range views {
		n := b.Views[k]
		perArticle[k.ArticleID] += n
		if _, err := c.Exec(ctx, `INSERT INTO article_view_days (site_id, day, article_id, views) VALUES (?, ?, ?, ?)
			ON CONFLICT (site_id, day, article_id) DO UPDATE SET views = article_view_days.views + excluded.views`,
			k.SiteID, k.Day, k.ArticleID, n); err != nil {
			return db.wrap("add views by day", err)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(perArticle)) {
		if _, err := c.Exec(ctx, `UPDATE articles SET views = views + ? WHERE id = ?`, perArticle[id], id); err != nil {
			return db.wrap("add views", err)
		}
	}

	perSite := map[int64]int64{}
	visits := slices.SortedFunc(maps.Keys(b.Visits), func(x, y congtin.VisitKey) int {
		return cmp.Or(cmp.Compare(x.SiteID, y.SiteID), cmp.Compare(x.Day, y.Day))
	})
	for _, k := range visits {
		n := b.Visits[k]
		perSite[k.SiteID] += n
		if _, err := c.Exec(ctx, `INSERT INTO visit_days (site_id, day, visits) VALUES (?, ?, ?)
			ON CONFLICT (site_id, day) DO UPDATE SET visits = visit_days.visits + excluded.visits`, k.SiteID, k.Day, n); err != nil {
			return db.wrap("add visits by day", err)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(perSite)) {
		if _, err := c.Exec(ctx, `INSERT INTO visit_totals (site_id, visits) VALUES (?, ?)
			ON CONFLICT (site_id) DO UPDATE SET visits = visit_totals.visits + excluded.visits`, id, perSite[id]); err != nil {
			return db.wrap("add visits", err)
		}
	}
	downloads := slices.SortedFunc(maps.Keys(b.Downloads), func(x, y congtin.DownloadKey) int {
		return cmp.Or(cmp.Compare(x.SiteID, y.SiteID), cmp.Compare(x.Day, y.Day), cmp.Compare(x.ResourceID, y.ResourceID))
	})
	for _, k := range downloads {
		if _, err := c.Exec(ctx, `INSERT INTO resource_download_days (site_id, day, resource_id, dataset_id, downloads) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (site_id, day, resource_id) DO UPDATE SET downloads = resource_download_days.downloads + excluded.downloads`,
			k.SiteID, k.Day, k.ResourceID, k.DatasetID, b.Downloads[k]); err != nil {
			return db.wrap("add downloads by day", err)
		}
	}
	return db.wrap("add counts: commit", t.Commit())
}

// ArticleViews implements congtin.CounterStore.
func (db *DB) ArticleViews(ctx context.Context, articleID int64) (int64, error) {
	var n int64
	err := db.QueryRow(ctx, `SELECT views FROM articles WHERE id = ?`, articleID).Scan(&n)
	return n, db.wrap("article views", found(err, congtin.KindArticle))
}

// Visits implements congtin.CounterStore.
func (db *DB) Visits(ctx context.Context, siteID int64, day string) (total, today int64, err error) {
	if !db.d.Lookupable(day) {
		day = "" // matches no day, as any other malformed one
	}
	err = db.QueryRow(ctx, `SELECT
		COALESCE((SELECT visits FROM visit_totals WHERE site_id = ?), 0),
		COALESCE((SELECT visits FROM visit_days WHERE site_id = ? AND day = ?), 0)`, siteID, siteID, day).Scan(&total, &today)
	if err != nil {
		return 0, 0, db.wrap("visits", err)
	}
	return total, today, nil
}

// ResourceDownloads implements congtin.CounterStore.
func (db *DB) ResourceDownloads(ctx context.Context, datasetID int64) (map[int64]int64, error) {
	type count struct{ id, n int64 }
	rows, err := list(ctx, db.conn, func(row scanner) (count, error) {
		var c count
		return c, row.Scan(&c.id, &c.n)
	}, `SELECT resource_id, CAST(SUM(downloads) AS BIGINT) FROM resource_download_days WHERE dataset_id = ? GROUP BY resource_id`, datasetID)
	if err != nil {
		return nil, db.wrap("resource downloads", err)
	}
	out := map[int64]int64{}
	for _, c := range rows {
		out[c.id] = c.n
	}
	return out, nil
}
