package sqlite

import (
	"context"
	"fmt"

	"github.com/congtin/congtin"
)

var _ congtin.StatsService = (*DB)(nil)

// The daily tables are keyed (site_id, day, …) with days as YYYY-MM-DD
// text, so a range of days is a range scan of the primary key, and text
// comparison orders the days as the calendar does.

// DailyVisits implements congtin.StatsService.
func (db *DB) DailyVisits(ctx context.Context, siteID int64, r congtin.DayRange) ([]congtin.DayCount, error) {
	return db.daily(ctx, "daily visits", `SELECT day, visits FROM visit_days
		WHERE site_id = ? AND day >= ? AND day <= ?`, siteID, r)
}

// DailyViews implements congtin.StatsService.
func (db *DB) DailyViews(ctx context.Context, siteID int64, r congtin.DayRange) ([]congtin.DayCount, error) {
	return db.daily(ctx, "daily views", `SELECT day, SUM(views) FROM article_view_days
		WHERE site_id = ? AND day >= ? AND day <= ? GROUP BY day`, siteID, r)
}

// daily runs a query of (day, count) rows and fills the days without a
// row with 0.
func (db *DB) daily(ctx context.Context, op, query string, siteID int64, r congtin.DayRange) ([]congtin.DayCount, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	rows, err := db.db.QueryContext(ctx, query, siteID, r.From, r.To)
	if err != nil {
		return nil, fmt.Errorf("sqlite: %s: %w", op, err)
	}
	defer rows.Close()
	byDay := map[string]int64{}
	for rows.Next() {
		var day string
		var n int64
		if err := rows.Scan(&day, &n); err != nil {
			return nil, fmt.Errorf("sqlite: %s: %w", op, err)
		}
		byDay[day] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: %s: %w", op, err)
	}
	return r.Series(byDay), nil
}

// TopArticles implements congtin.StatsService. The views are summed per
// article first and limited, and only then joined to the articles, so the
// join costs one lookup per row returned. The join is a LEFT JOIN: the
// daily rows of a deleted article are still views.
func (db *DB) TopArticles(ctx context.Context, siteID int64, r congtin.DayRange, limit int) ([]*congtin.ArticleViews, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = -1 // SQLite's "no limit"
	}
	rows, err := db.db.QueryContext(ctx, `SELECT v.article_id, v.n, a.id IS NOT NULL, IFNULL(a.title, ''), IFNULL(a.status, ''),
			IFNULL(c.id, 0), IFNULL(c.name, '')
		FROM (SELECT article_id, SUM(views) AS n FROM article_view_days
			WHERE site_id = ? AND day >= ? AND day <= ?
			GROUP BY article_id ORDER BY n DESC, article_id LIMIT ?) v
		LEFT JOIN articles a ON a.id = v.article_id AND a.site_id = ?
		LEFT JOIN categories c ON c.id = a.category_id
		ORDER BY v.n DESC, v.article_id`, siteID, r.From, r.To, limit, siteID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: top articles: %w", err)
	}
	defer rows.Close()
	out := []*congtin.ArticleViews{}
	for rows.Next() {
		var a congtin.ArticleViews
		if err := rows.Scan(&a.ArticleID, &a.Views, &a.Exists, &a.Title, &a.Status, &a.CategoryID, &a.CategoryName); err != nil {
			return nil, fmt.Errorf("sqlite: top articles: %w", err)
		}
		out = append(out, &a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: top articles: %w", err)
	}
	return out, nil
}

// ViewsByCategory implements congtin.StatsService.
func (db *DB) ViewsByCategory(ctx context.Context, siteID int64, r congtin.DayRange) ([]*congtin.CategoryViews, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	rows, err := db.db.QueryContext(ctx, `SELECT IFNULL(c.id, 0) AS cid, IFNULL(c.name, ''), SUM(v.n) AS total
		FROM (SELECT article_id, SUM(views) AS n FROM article_view_days
			WHERE site_id = ? AND day >= ? AND day <= ? GROUP BY article_id) v
		LEFT JOIN articles a ON a.id = v.article_id AND a.site_id = ?
		LEFT JOIN categories c ON c.id = a.category_id
		GROUP BY cid ORDER BY total DESC, cid`, siteID, r.From, r.To, siteID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: views by category: %w", err)
	}
	defer rows.Close()
	out := []*congtin.CategoryViews{}
	for rows.Next() {
		var c congtin.CategoryViews
		if err := rows.Scan(&c.CategoryID, &c.Name, &c.Views); err != nil {
			return nil, fmt.Errorf("sqlite: views by category: %w", err)
		}
		if c.CategoryID == 0 {
			c.Name = congtin.UnknownCategory
		}
		out = append(out, &c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: views by category: %w", err)
	}
	return out, nil
}
