package sqlstore

import (
	"context"

	"github.com/congtin/congtin"
)

var _ congtin.StatsStore = (*DB)(nil)

// The daily tables are keyed (site_id, day, …) with days as YYYY-MM-DD
// text (in the "C" collation on PostgreSQL), so a range of days is a range
// scan of the primary key, and text order is the calendar's.

// DailyVisits implements congtin.StatsStore.
func (db *DB) DailyVisits(ctx context.Context, siteID int64, r congtin.DayRange) ([]congtin.DayCount, error) {
	return db.daily(ctx, "daily visits", `SELECT day, visits FROM visit_days
		WHERE site_id = ? AND day >= ? AND day <= ?`, siteID, r)
}

// DailyViews implements congtin.StatsStore.
func (db *DB) DailyViews(ctx context.Context, siteID int64, r congtin.DayRange) ([]congtin.DayCount, error) {
	return db.daily(ctx, "daily views", `SELECT day, CAST(SUM(views) AS BIGINT) FROM article_view_days
		WHERE site_id = ? AND day >= ? AND day <= ? GROUP BY day`, siteID, r)
}

// daily runs a query of (day, count) rows and fills the days without a
// row with 0.
func (db *DB) daily(ctx context.Context, op, query string, siteID int64, r congtin.DayRange) ([]congtin.DayCount, error) {
	counts, err := list(ctx, db.conn, func(row scanner) (congtin.DayCount, error) {
		var c congtin.DayCount
		err := row.Scan(&c.Day, &c.Count)
		return c, err
	}, query, siteID, r.From, r.To)
	if err != nil {
		return nil, db.wrap(op, err)
	}
	byDay := make(map[string]int64, len(counts))
	for _, c := range counts {
		byDay[c.Day] = c.Count
	}
	return r.Series(byDay), nil
}

// TopArticles implements congtin.StatsStore. The views are summed per
// article first and limited, and only then joined to the articles, so the
// join costs one lookup per row returned. The join is a LEFT JOIN: the
// daily rows of a deleted article are still views.
func (db *DB) TopArticles(ctx context.Context, siteID int64, r congtin.DayRange, limit int) ([]*congtin.ArticleViews, error) {
	n := int64(limit)
	if n <= 0 {
		n = noLimit
	}
	out, err := list(ctx, db.conn, func(row scanner) (*congtin.ArticleViews, error) {
		var a congtin.ArticleViews
		err := row.Scan(&a.ArticleID, &a.Views, &a.Exists, &a.Title, &a.Status, &a.CategoryID, &a.CategoryName)
		return &a, err
	}, `SELECT v.article_id, v.n, a.id IS NOT NULL, COALESCE(a.title, ''), COALESCE(a.status, ''),
			COALESCE(c.id, 0), COALESCE(c.name, '')
		FROM (SELECT article_id, CAST(SUM(views) AS BIGINT) AS n FROM article_view_days
			WHERE site_id = ? AND day >= ? AND day <= ?
			GROUP BY article_id ORDER BY n DESC, article_id LIMIT ?) v
		LEFT JOIN articles a ON a.id = v.article_id AND a.site_id = ?
		LEFT JOIN categories c ON c.id = a.category_id
		ORDER BY v.n DESC, v.article_id`, siteID, r.From, r.To, n, siteID)
	if err != nil {
		return nil, db.wrap("top articles", err)
	}
	if out == nil {
		out = []*congtin.ArticleViews{}
	}
	return out, nil
}

// ViewsByCategory implements congtin.StatsStore. The views of deleted
// articles come as category 0 without a name.
func (db *DB) ViewsByCategory(ctx context.Context, siteID int64, r congtin.DayRange) ([]*congtin.CategoryViews, error) {
	out, err := list(ctx, db.conn, func(row scanner) (*congtin.CategoryViews, error) {
		var c congtin.CategoryViews
		err := row.Scan(&c.CategoryID, &c.Name, &c.Views)
		return &c, err
	}, `SELECT COALESCE(c.id, 0) AS cid, COALESCE(c.name, ''), CAST(SUM(v.n) AS BIGINT) AS total
		FROM (SELECT article_id, SUM(views) AS n FROM article_view_days
			WHERE site_id = ? AND day >= ? AND day <= ? GROUP BY article_id) v
		LEFT JOIN articles a ON a.id = v.article_id AND a.site_id = ?
		LEFT JOIN categories c ON c.id = a.category_id
		GROUP BY c.id, c.name ORDER BY total DESC, cid`, siteID, r.From, r.To, siteID)
	if err != nil {
		return nil, db.wrap("views by category", err)
	}
	if out == nil {
		out = []*congtin.CategoryViews{}
	}
	return out, nil
}

// TopResources implements congtin.StatsStore.
func (db *DB) TopResources(ctx context.Context, siteID int64, r congtin.DayRange, limit int) ([]*congtin.ResourceDownloads, error) {
	n := int64(limit)
	if n <= 0 {
		n = noLimit
	}
	out, err := list(ctx, db.conn, func(row scanner) (*congtin.ResourceDownloads, error) {
		var x congtin.ResourceDownloads
		err := row.Scan(&x.ResourceID, &x.DatasetID, &x.Downloads, &x.ResourceName, &x.DatasetTitle, &x.DatasetSlug)
		return &x, err
	}, `SELECT v.resource_id, v.dataset_id, v.n, COALESCE(res.name, ''), COALESCE(d.title, ''), COALESCE(d.slug, '')
		FROM (SELECT resource_id, dataset_id, CAST(SUM(downloads) AS BIGINT) AS n FROM resource_download_days
			WHERE site_id = ? AND day >= ? AND day <= ?
			GROUP BY resource_id, dataset_id ORDER BY n DESC, resource_id LIMIT ?) v
		LEFT JOIN dataset_resources res ON res.id = v.resource_id
		LEFT JOIN datasets d ON d.id = v.dataset_id AND d.site_id = ?
		ORDER BY v.n DESC, v.resource_id`, siteID, r.From, r.To, n, siteID)
	if err != nil {
		return nil, db.wrap("top resources", err)
	}
	return out, nil
}
