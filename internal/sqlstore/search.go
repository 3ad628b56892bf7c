package sqlstore

import (
	"context"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
)

var _ congtin.SearchStore = (*DB)(nil)

// Match says which articles a search's words find.
type Match int

// The matches a search asks the index for.
const (
	// MatchWords: every word, anywhere in the article.
	MatchWords Match = iota
	// MatchPairs: every pair of neighbouring words standing together
	// somewhere. A short posting list per pair, and exactly the articles
	// where the words are written as the reader wrote them.
	MatchPairs
	// MatchPhrase: the words together, in order, in one field (a quoted
	// query).
	MatchPhrase
)

// ArticleSearch is the full-text half of one search, in the dialect's
// SQL: it counts the matches, pages through them newest first, and loads
// candidates with their indexed text for the shared ranking.
type ArticleSearch interface {
	// Count counts the matches, up to limit.
	Count(ctx context.Context, m Match, limit int) (int, error)
	// Newest returns a page of the matches' IDs, newest first.
	Newest(ctx context.Context, m Match, limit, offset int) ([]int64, error)
	// Candidates loads up to n matches into docs, the newest first, so
	// the cost stays bounded for a word found in half the archive.
	Candidates(ctx context.Context, m Match, n int, docs map[int64]*search.Doc) error
}

// PublicArticles is the condition, and its arguments, on the articles
// (aliased a) that a search may find: the site's, published by q.Now, in
// q's categories and date range.
func PublicArticles(q congtin.SearchQuery) (string, []any) {
	var w where
	w.add("a.site_id = ?", q.SiteID)
	w.add("a.status = 'published'")
	w.add("a.published_at <= ?", q.Now)
	if len(q.CategoryIDs) > 0 {
		w.add("a.category_id IN ("+placeholders(len(q.CategoryIDs))+")", ids(q.CategoryIDs)...)
	}
	if !q.From.IsZero() {
		w.add("a.published_at >= ?", q.From)
	}
	if !q.To.IsZero() {
		w.add("a.published_at < ?", q.To)
	}
	return w.String(), w.args
}

// Filtered reports whether a search narrows the articles (a category, a
// date range): the articles' own index then drives the query, not the
// full-text index.
func Filtered(q congtin.SearchQuery) bool {
	return len(q.CategoryIDs) > 0 || !q.From.IsZero() || !q.To.IsZero()
}

// ExactColumns are the index's exact-form columns (aliased s) a search
// reads to rank: accent-free queries score on the folded text only, and
// leave the exact columns, half of what is read, where they are.
func ExactColumns(pq *search.Query) string {
	if !pq.Accented {
		return "'', '', ''"
	}
	return "s.title_e, s.lead_e, s.body_e"
}

// Search implements congtin.SearchStore: the dialect finds the matches,
// and the shared ranking (package search) orders them.
func (db *DB) Search(ctx context.Context, sq congtin.SearchQuery) (*congtin.SearchResult, error) {
	q := search.ParseQueryWith(sq.Q, spellingsOf(sq.Spellings))
	res := &congtin.SearchResult{}
	if q.Empty() {
		return res, nil
	}
	if sq.Now.IsZero() {
		sq.Now = db.Now()
	}
	sq.Limit = limit(sq.Limit, 20)
	sq.Offset = max(sq.Offset, 0)
	s := db.d.ArticleSearch(db, sq, q)
	match := MatchWords
	if q.Quoted {
		match = MatchPhrase
	}
	n, err := s.Count(ctx, match, search.CountCap+1)
	if err != nil {
		return nil, db.wrap("search count", err)
	}
	var levels []int
	if n == 0 && match == MatchWords {
		// No article holds every word: settle for those holding most of
		// them. Only then, so a search that finds something is as fast as
		// ever; and one that finds nothing pays one bounded count more.
		if levels = q.RelaxLevels(); len(levels) > 0 {
			wide := q.Relaxed(levels[len(levels)-1])
			ws := db.d.ArticleSearch(db, sq, wide)
			if n, err = ws.Count(ctx, MatchWords, search.CountCap+1); err != nil {
				return nil, db.wrap("search count", err)
			}
			q, s, res.Approximate = wide, ws, n > 0
		}
	}
	res.Total, res.Capped = min(n, search.CountCap), n > search.CountCap
	if res.Total == 0 || sq.Offset >= res.Total || sq.CountOnly {
		return res, nil
	}
	var hits []int64
	var scores map[int64]float64
	if sq.Sort == congtin.SortNewest {
		if hits, err = s.Newest(ctx, match, sq.Limit, sq.Offset); err != nil {
			return nil, db.wrap("search", err)
		}
	} else {
		// Candidates: first those with the words standing together, which
		// rank first anyway; then, when they are too few to fill the page,
		// the best of those with the words anywhere.
		docs := map[int64]*search.Doc{}
		if res.Approximate {
			// Candidates from each level, the most words first: the
			// widest level alone would fill up with its newest articles,
			// which may hold only half the words scattered, and leave out
			// an older one holding all but one. Syllables are not words,
			// so the levels are not ranked in blocks: the shared ranking
			// weighs coverage with phrase and fields, as for a strict query.
			// Once the levels holding more words give a full set, the
			// wider ones, holding fewer, are not loaded.
			for _, need := range levels[:len(levels)-1] {
				if err := db.d.ArticleSearch(db, sq, q.Relaxed(need)).Candidates(ctx, MatchWords, search.Candidates, docs); err != nil {
					return nil, db.wrap("search", err)
				}
				if len(docs) >= search.Candidates {
					break
				}
			}
		}
		pairs := q.PairFolds() != nil && !q.Quoted && q.Need == 0
		first := match
		if pairs {
			first = MatchPairs
		}
		// every: the candidates loaded last were every match, up to the
		// limit (not only those with the words side by side).
		every := false
		if !res.Approximate || len(docs) < search.Candidates {
			if err := s.Candidates(ctx, first, search.Candidates, docs); err != nil {
				return nil, db.wrap("search", err)
			}
			every = !pairs
		}
		if pairs && len(docs) < sq.Offset+sq.Limit {
			if err := s.Candidates(ctx, MatchWords, search.Candidates, docs); err != nil {
				return nil, db.wrap("search", err)
			}
			every = true
		}
		complete := every && len(docs) < search.Candidates
		hits, scores, res.Total, res.Capped = search.Page(q, docs, res.Total, res.Capped, complete, sq.Offset, sq.Limit)
	}
	if len(hits) == 0 {
		return res, nil
	}
	as, err := list(ctx, db.conn, scanArticle, `SELECT `+articleColumns+` FROM articles WHERE id IN (`+placeholders(len(hits))+`)`, ids(hits)...)
	if err != nil {
		return nil, db.wrap("search", err)
	}
	byID := make(map[int64]*congtin.Article, len(as))
	for _, a := range as {
		byID[a.ID] = a
	}
	res.SetHits(hits, byID, scores)
	return res, nil
}

// Reindex implements congtin.SearchStore. The back office's search keys
// are written again with the index: both come from the same analysis.
func (db *DB) Reindex(ctx context.Context) (int, error) {
	tx, err := db.Begin(ctx)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	n, err := tx.reindexArticles(ctx)
	if err != nil {
		return 0, db.wrap("reindex", err)
	}
	if _, err := tx.RewriteKeys(ctx); err != nil {
		return 0, err
	}
	return n, tx.Commit()
}

// ReindexAll rebuilds the articles' and the documents' indexes inside the
// transaction, for a copy that is searchable the moment it commits; it
// returns the articles indexed.
func (tx *Tx) ReindexAll(ctx context.Context) (int, error) {
	n, err := tx.reindexArticles(ctx)
	if err != nil {
		return 0, tx.db.wrap("reindex", err)
	}
	if _, err := tx.ReindexDocuments(ctx); err != nil {
		return 0, err
	}
	if _, err := tx.RewriteKeys(ctx); err != nil {
		return 0, err
	}
	return n, nil
}

// SearchIDs runs a query of article IDs (a page of matches).
func SearchIDs(ctx context.Context, q Querier, query string, args ...any) ([]int64, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// SearchCandidates runs a query of candidates (an article's ID,
// publication time, and its title, lead and body folded then exact) and
// adds them to docs.
func SearchCandidates(ctx context.Context, q Querier, docs map[int64]*search.Doc, query string, args ...any) error {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		d := &search.Doc{}
		if err := rows.Scan(&d.ID, at(&d.PublishedAt), &d.Fields[0].Fold, &d.Fields[1].Fold, &d.Fields[2].Fold,
			&d.Fields[0].Exact, &d.Fields[1].Exact, &d.Fields[2].Exact); err != nil {
			return err
		}
		docs[d.ID] = d
	}
	return rows.Err()
}

// SearchMarkedCandidates runs a query of candidates (an article's ID,
// publication time and marked text, see search.Mark) and adds them to
// docs, still marked: the ranking unmarks them on every core.
func SearchMarkedCandidates(ctx context.Context, q Querier, docs map[int64]*search.Doc, query string, args ...any) error {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		d := &search.Doc{}
		if err := rows.Scan(&d.ID, at(&d.PublishedAt), &d.Marked); err != nil {
			return err
		}
		docs[d.ID] = d
	}
	return rows.Err()
}
