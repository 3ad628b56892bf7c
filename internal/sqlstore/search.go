package sqlstore

import (
	"context"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
)

var _ congtin.SearchStore = (*DB)(nil)

// Hits is a page of search results as the dialect finds them: the IDs of
// the articles in order, their scores, and how many match in all.
type Hits struct {
	IDs    []int64
	Scores map[int64]float64
	Total  int
	Capped bool // more than Total match
}

// Search implements congtin.SearchStore: the dialect finds and ranks the
// matches, and the page's articles are read here.
func (db *DB) Search(ctx context.Context, sq congtin.SearchQuery) (*congtin.SearchResult, error) {
	q := search.ParseQuery(sq.Q)
	res := &congtin.SearchResult{}
	if q.Empty() {
		return res, nil
	}
	if sq.Now.IsZero() {
		sq.Now = db.Now()
	}
	sq.Limit = limit(sq.Limit, 20)
	sq.Offset = max(sq.Offset, 0)
	h, err := db.d.SearchArticles(ctx, db, sq, q)
	if err != nil {
		return nil, db.wrap("search", err)
	}
	res.Total, res.Capped = h.Total, h.Capped
	if len(h.IDs) == 0 {
		return res, nil
	}
	as, err := list(ctx, db.conn, scanArticle, `SELECT `+articleColumns+` FROM articles WHERE id IN (`+placeholders(len(h.IDs))+`)`, ids(h.IDs)...)
	if err != nil {
		return nil, db.wrap("search", err)
	}
	byID := make(map[int64]*congtin.Article, len(as))
	for _, a := range as {
		byID[a.ID] = a
	}
	res.SetHits(h.IDs, byID, h.Scores)
	return res, nil
}

// Reindex implements congtin.SearchStore.
func (db *DB) Reindex(ctx context.Context) (int, error) {
	tx, err := db.Begin(ctx)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	n, err := db.d.ReindexArticles(ctx, tx)
	if err != nil {
		return 0, db.wrap("reindex", err)
	}
	return n, tx.Commit()
}

// ReindexAll rebuilds the articles' and the documents' indexes inside the
// transaction, for a copy that is searchable the moment it commits; it
// returns the articles indexed.
func (tx *Tx) ReindexAll(ctx context.Context) (int, error) {
	n, err := tx.db.d.ReindexArticles(ctx, tx)
	if err != nil {
		return 0, tx.db.wrap("reindex", err)
	}
	if _, err := tx.ReindexDocuments(ctx); err != nil {
		return 0, err
	}
	return n, nil
}
