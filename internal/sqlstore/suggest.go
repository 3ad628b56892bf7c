package sqlstore

import (
	"context"
	"slices"
	"time"

	"github.com/congtin/congtin"
)

// SuggestArticles implements congtin.SearchStore. The search box asks on
// every keystroke, so the lookup must not depend on how many articles
// match: it walks the (site_id, title_f) index of the back office's
// search keys (migration 0017) from the prefix on, in key order, testing
// each row for being public, and stops at limit. A folded key holds only
// [a-z0-9] and spaces, and compares bytewise (BINARY on SQLite, COLLATE
// "C" on PostgreSQL), so every key starting with the prefix lies in
// [prefix, prefix+"~"): no LIKE, whose index use differs between the
// databases, and nothing of the reader's is ever a pattern.
func (db *DB) SuggestArticles(ctx context.Context, siteID int64, prefix string, now time.Time, limit int) ([]*congtin.Article, error) {
	if prefix == "" || limit <= 0 || !db.d.Lookupable(prefix) {
		return nil, nil
	}
	if now.IsZero() {
		now = db.Now()
	}
	idList, err := SearchIDs(ctx, db.conn, `SELECT k.article_id FROM article_keys k JOIN articles a ON a.id = k.article_id
		WHERE k.site_id = ? AND k.title_f >= ? AND k.title_f < ?
		AND a.status = 'published' AND a.published_at <= ?
		ORDER BY k.title_f, k.article_id LIMIT ?`, siteID, prefix, prefix+"~", now, limit)
	if err != nil || len(idList) == 0 {
		return nil, db.wrap("suggest articles", err)
	}
	as, err := list(ctx, db.conn, scanArticle, `SELECT `+listColumns+` FROM articles WHERE id IN (`+placeholders(len(idList))+`)`, ids(idList)...)
	if err != nil {
		return nil, db.wrap("suggest articles", err)
	}
	// Back in the order of the keys.
	slices.SortFunc(as, func(x, y *congtin.Article) int { return slices.Index(idList, x.ID) - slices.Index(idList, y.ID) })
	return as, nil
}
