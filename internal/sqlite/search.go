package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
	"github.com/congtin/congtin/internal/sqlstore"
)

// The article index is two FTS5 tables keyed by the article's id (their
// rowid): search_index holds the folded tokens of title, lead and body
// (matched) and their exact forms (stored for ranking), search_pairs the
// pairs of neighbouring syllables.

// UnindexArticles implements sqlstore.Indexer.
func (*dialect) UnindexArticles(ctx context.Context, tx *sqlstore.Tx, id int64) error {
	for _, table := range []string{"search_index", "search_pairs"} {
		q, args := `DELETE FROM `+table+` WHERE rowid = ?`, []any{id}
		if id == 0 {
			q, args = `DELETE FROM `+table, nil
		}
		if _, err := tx.Exec(ctx, q, args...); err != nil {
			return err
		}
	}
	return nil
}

// WriteArticleIndex implements sqlstore.Indexer. SQLite runs in this
// process: a row per statement costs no round trip.
func (*dialect) WriteArticleIndex(ctx context.Context, tx *sqlstore.Tx, docs []*sqlstore.IndexDoc) error {
	for _, d := range docs {
		f := d.Fields
		if _, err := tx.Exec(ctx, `INSERT INTO search_index (rowid, title_f, lead_f, body_f, title_e, lead_e, body_e) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			d.ID, f[0].Fold, f[1].Fold, f[2].Fold, f[0].Exact, f[1].Exact, f[2].Exact); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO search_pairs (rowid, pairs) VALUES (?, ?)`, d.ID, d.Pairs); err != nil {
			return err
		}
	}
	return nil
}

// IndexEmpty implements sqlstore.Indexer. EXISTS, not COUNT: counting an
// FTS5 table reads all of it, seconds at start-up for a large archive.
func (*dialect) IndexEmpty(ctx context.Context, db *sqlstore.DB) (bool, error) {
	var indexed bool
	err := db.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM search_index)`).Scan(&indexed)
	return !indexed, err
}

// ftsTerm quotes a token for an FTS5 query. Tokens are [a-z0-9_]+ by
// construction, so nothing a reader types reaches FTS5's syntax.
func ftsTerm(t string) string { return `"` + t + `"` }

// ftsSyntax writes match expressions for FTS5. Folds are [a-z0-9]+, so
// quoting each is enough; a phrase of several is one quoted string.
var ftsSyntax = search.Syntax{
	Word:   ftsTerm,
	Phrase: func(fs []string) string { return ftsTerm(strings.Join(fs, " ")) },
	And:    " AND ",
	Or:     " OR ",
}

// ftsSearch is one search over the FTS5 tables.
type ftsSearch struct {
	db       sqlstore.Querier // the read-only, memory-mapped pool
	exprs    map[sqlstore.Match]string
	cond     string // the public articles' condition
	args     []any
	filtered bool
	exact    string
}

// ArticleSearch implements sqlstore.Indexer.
func (d *dialect) ArticleSearch(db *sqlstore.DB, sq congtin.SearchQuery, q *search.Query) sqlstore.ArticleSearch {
	quote := func(ts []string) []string {
		out := make([]string, len(ts))
		for i, t := range ts {
			out[i] = ftsTerm(t)
		}
		return out
	}
	// Every word, or for a relaxed query every word of one of its sets;
	// a run with other spellings as an OR of them.
	words := "{title_f lead_f body_f} : (" + q.MatchExpr(ftsSyntax) + ")"
	pairs := words
	if p := q.PairFolds(); p != nil {
		pairs = strings.Join(quote(p), " AND ")
	}
	s := &ftsSearch{db: db.On(d.search), filtered: sqlstore.Filtered(sq), exact: sqlstore.ExactColumns(q), exprs: map[sqlstore.Match]string{
		sqlstore.MatchWords:  words,
		sqlstore.MatchPairs:  pairs,
		sqlstore.MatchPhrase: "{title_f lead_f body_f} : \"" + strings.Join(q.Folds(), " ") + "\"",
	}}
	s.cond, s.args = sqlstore.PublicArticles(sq)
	return s
}

// Two ways to find matches. Without filters, the index drives: FTS5 walks
// its lists newest first and stops early. With a category or a date
// range, or sorted by date, the articles drive: their index walks the
// filtered articles newest first and each is checked against the set of
// matching IDs, which SQLite builds once; so a rare category does not mean
// scanning every match of a common word.

// byArticles is a search in the articles' own order, matches as a set
// ("+a.id" keeps SQLite from driving the loop by the set instead), with
// join joined to the articles, and its arguments: the expression last.
func (s *ftsSearch) byArticles(m sqlstore.Match, join string) (string, []any) {
	table := "search_index"
	if m == sqlstore.MatchPairs {
		table = "search_pairs"
	}
	return ` FROM articles a` + join + ` WHERE ` + s.cond + ` AND +a.id IN (SELECT rowid FROM ` + table + ` WHERE ` + table + ` MATCH ?)`,
		append(append([]any{}, s.args...), s.exprs[m])
}

// byIndex is a search in the index's order, and its arguments: the
// expression first. CROSS JOIN keeps the full-text match as the outer
// loop: the planner would otherwise scan articles and run the match once
// per row. Pairs have their own table, whose rowid orders the walk: FTS5
// then reads its list backwards, and articles are checked before the
// stored text is touched.
func (s *ftsSearch) byIndex(m sqlstore.Match) (string, []any) {
	args := append([]any{s.exprs[m]}, s.args...)
	if m == sqlstore.MatchPairs {
		return ` FROM search_pairs p CROSS JOIN articles a ON a.id = p.rowid CROSS JOIN search_index s ON s.rowid = p.rowid
			WHERE search_pairs MATCH ? AND ` + s.cond, args
	}
	return ` FROM search_index s CROSS JOIN articles a ON a.id = s.rowid WHERE search_index MATCH ? AND ` + s.cond, args
}

func (s *ftsSearch) Count(ctx context.Context, m sqlstore.Match, limit int) (int, error) {
	from, args := s.byIndex(m)
	if s.filtered {
		from, args = s.byArticles(m, "")
	}
	var n int
	err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM (SELECT 1`+from+` LIMIT ?)`, append(args, limit)...).Scan(&n)
	return n, err
}

func (s *ftsSearch) Newest(ctx context.Context, m sqlstore.Match, limit, offset int) ([]int64, error) {
	from, args := s.byArticles(m, "")
	return sqlstore.SearchIDs(ctx, s.db, `SELECT a.id`+from+` ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?`, append(args, limit, offset)...)
}

func (s *ftsSearch) Candidates(ctx context.Context, m sqlstore.Match, n int, docs map[int64]*search.Doc) error {
	cols := `SELECT s.rowid, a.published_at, s.title_f, s.lead_f, s.body_f, ` + s.exact
	var q string
	var args []any
	switch {
	case s.filtered:
		from, fargs := s.byArticles(m, ` CROSS JOIN search_index s ON s.rowid = a.id`)
		q, args = cols+from+` ORDER BY a.published_at DESC, a.id DESC LIMIT ?`, fargs
	case m == sqlstore.MatchPairs:
		from, fargs := s.byIndex(m)
		q, args = cols+from+` ORDER BY p.rowid DESC LIMIT ?`, fargs
	default:
		from, fargs := s.byIndex(m)
		q, args = cols+from+` ORDER BY s.rowid DESC LIMIT ?`, fargs
	}
	return sqlstore.SearchCandidates(ctx, s.db, docs, q, append(args, n)...)
}

// SearchIndexBytes returns the bytes the search index's tables take.
func (db *DB) SearchIndexBytes(ctx context.Context) (int64, error) {
	var n int64
	err := db.db.QueryRowContext(ctx, `SELECT IFNULL(SUM(pgsize), 0) FROM dbstat WHERE name LIKE 'search_%'`).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("sqlite: index size: %w", err)
	}
	return n, nil
}
