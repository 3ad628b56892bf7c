package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
	"github.com/congtin/congtin/internal/sqlstore"
)

// The search table holds one row per public article: its folded and exact
// token strings (search.IndexFields), a tsvector that PostgreSQL computes
// from the folded ones (the doc column), and a tsvector of the syllable
// pairs (search.Pairs). Tokens are [a-z0-9]+ and pairs [a-z0-9_]+ by
// construction; the pairs reach PostgreSQL through a text-to-tsvector cast,
// which splits at spaces only (to_tsvector would split "an_ninh" in two).

// upsertDocs writes analysed articles into the search table, from one
// array per column: one statement, whatever the number of articles.
const upsertDocs = `INSERT INTO search_docs (article_id, title_f, lead_f, body_f, title_e, lead_e, body_e, pairs)
	SELECT id, tf, lf, bf, te, le, be, p::tsvector
	FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS d (id, tf, lf, bf, te, le, be, p)
	ON CONFLICT (article_id) DO UPDATE SET title_f = excluded.title_f, lead_f = excluded.lead_f, body_f = excluded.body_f,
		title_e = excluded.title_e, lead_e = excluded.lead_e, body_e = excluded.body_e, pairs = excluded.pairs`

// UnindexArticles implements sqlstore.Indexer. Emptying the table locks
// it EXCLUSIVE: searches go on with the old index until the rebuild
// commits, and every writer of the index (an edit, an import, another
// rebuild) waits for the new one, the single writer SQLite has anyway.
func (dialect) UnindexArticles(ctx context.Context, tx *sqlstore.Tx, id int64) error {
	if id != 0 {
		_, err := tx.Exec(ctx, `DELETE FROM search_docs WHERE article_id = ?`, id)
		return err
	}
	if _, err := tx.Exec(ctx, `LOCK TABLE search_docs IN EXCLUSIVE MODE`); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `DELETE FROM search_docs`)
	return err
}

// IndexesPairs implements sqlstore.PairIndexer: the pairs have a
// tsvector of their own (migration 0003).
func (dialect) IndexesPairs() {}

// WriteArticleIndex implements sqlstore.Indexer: one statement, from one
// array per column, whatever the number of articles.
func (dialect) WriteArticleIndex(ctx context.Context, tx *sqlstore.Tx, docs []*sqlstore.IndexDoc) error {
	cols := make([][]string, 7)
	ids := make([]int64, len(docs))
	for i, d := range docs {
		ids[i] = d.ID
		f := d.Fields
		for k, v := range []string{f[0].Fold, f[1].Fold, f[2].Fold, f[0].Exact, f[1].Exact, f[2].Exact, d.Pairs} {
			cols[k] = append(cols[k], v)
		}
	}
	_, err := tx.Exec(ctx, upsertDocs, ids, cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], cols[6])
	return err
}

// IndexEmpty implements sqlstore.Indexer.
func (dialect) IndexEmpty(ctx context.Context, db *sqlstore.DB) (bool, error) {
	var indexed bool
	err := db.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM search_docs)`).Scan(&indexed)
	return !indexed, err
}

// Queries over the search table. The tokens in them come from
// search.ParseQuery ([a-z0-9]+), and the whole query string is one bound
// argument.
const (
	// matchDoc matches the folded text; to_tsquery analyses each term as
	// to_tsvector analysed the text.
	matchDoc = "s.doc @@ to_tsquery('simple', ?)"
	// matchPairs matches the pairs; the cast keeps "an_ninh" whole, as it
	// was indexed.
	matchPairs = "s.pairs @@ ?::text::tsquery"
)

// phraseQuery returns the tsquery text for the terms standing together in
// one field: FTS5 phrases do not cross columns, and here the field weights
// keep a phrase from running out of the title into the lead.
func phraseQuery(folds []string) string {
	var alts []string
	for _, w := range []string{"A", "B", "C"} {
		parts := make([]string, len(folds))
		for i, f := range folds {
			parts[i] = f + ":" + w
		}
		alts = append(alts, "("+strings.Join(parts, " <-> ")+")")
	}
	return strings.Join(alts, " | ")
}

// tsSyntax writes match expressions for to_tsquery. Folds are
// [a-z0-9]+, so they need no quoting; a phrase is its words in sequence.
var tsSyntax = search.Syntax{
	Word:   func(f string) string { return f },
	Phrase: func(fs []string) string { return "(" + strings.Join(fs, " <-> ") + ")" },
	And:    " & ",
	Or:     " | ",
}

// tsSearch is one search over the search table.
type tsSearch struct {
	db    *sqlstore.DB
	exprs map[sqlstore.Match]string
	cond  string // the public articles' condition
	args  []any
	order string // of the candidates
	exact string
}

// ArticleSearch implements sqlstore.Indexer.
func (dialect) ArticleSearch(db *sqlstore.DB, sq congtin.SearchQuery, q *search.Query) sqlstore.ArticleSearch {
	// Every word, or for a relaxed query every word of one of its sets;
	// a run with other spellings as an OR of them.
	words := q.MatchExpr(tsSyntax)
	pairs := words
	if p := q.PairFolds(); p != nil {
		pairs = strings.Join(p, " & ")
	}
	s := &tsSearch{db: db, exact: sqlstore.ExactColumns(q), exprs: map[sqlstore.Match]string{
		sqlstore.MatchWords: words, sqlstore.MatchPairs: pairs, sqlstore.MatchPhrase: phraseQuery(q.Folds()),
	}}
	s.cond, s.args = sqlstore.PublicArticles(sq)
	// Which candidates when there are more than can be ranked: as the
	// SQLite store picks them, the highest IDs (its index walks backwards
	// by rowid), or with a category or a date range the newest by
	// publication time (there the articles drive).
	s.order = "s.article_id DESC"
	if sqlstore.Filtered(sq) {
		s.order = "a.published_at DESC, a.id DESC"
	}
	return s
}

// from is the FROM and WHERE of the search for m, and its arguments.
func (s *tsSearch) from(m sqlstore.Match) (string, []any) {
	match := matchDoc
	if m == sqlstore.MatchPairs {
		match = matchPairs
	}
	return ` FROM search_docs s JOIN articles a ON a.id = s.article_id WHERE ` + match + ` AND ` + s.cond, append([]any{s.exprs[m]}, s.args...)
}

func (s *tsSearch) Count(ctx context.Context, m sqlstore.Match, limit int) (int, error) {
	from, args := s.from(m)
	var n int
	err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM (SELECT 1`+from+` LIMIT ?) m`, append(args, limit)...).Scan(&n)
	return n, err
}

func (s *tsSearch) Newest(ctx context.Context, m sqlstore.Match, limit, offset int) ([]int64, error) {
	from, args := s.from(m)
	return sqlstore.SearchIDs(ctx, s.db, `SELECT a.id`+from+` ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?`, append(args, limit, offset)...)
}

func (s *tsSearch) Candidates(ctx context.Context, m sqlstore.Match, n int, docs map[int64]*search.Doc) error {
	from, args := s.from(m)
	return sqlstore.SearchCandidates(ctx, s.db, docs, `SELECT s.article_id, a.published_at, s.title_f, s.lead_f, s.body_f, `+s.exact+from+
		` ORDER BY `+s.order+` LIMIT ?`, append(args, n)...)
}

// SearchIndexBytes returns the bytes the search table takes, with its
// indexes and out-of-line storage.
func (db *DB) SearchIndexBytes(ctx context.Context) (int64, error) {
	var n int64
	if err := db.db.QueryRowContext(ctx, `SELECT pg_total_relation_size('search_docs')`).Scan(&n); err != nil {
		return 0, fmt.Errorf("postgres: index size: %w", err)
	}
	return n, nil
}
