package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
	"github.com/congtin/congtin/internal/sqlstore"
)

// The article index (migration 0020) is an FTS5 table, search_terms,
// keyed by the article's ID (its rowid), of the folded title, lead and
// body (positions kept, for phrases) after tags (search_tags.go) that let
// FTS5 narrow a search to a site, categories and months itself; and
// a table, search_text, of the marked text (search.Mark) the shared
// ranking reads for the candidates.

// UnindexArticles implements sqlstore.Indexer.
func (*dialect) UnindexArticles(ctx context.Context, tx *sqlstore.Tx, id int64) error {
	stmts := []string{`DELETE FROM search_terms WHERE rowid = ?`, `DELETE FROM search_text WHERE id = ?`}
	args := []any{id}
	if id == 0 {
		stmts, args = []string{`INSERT INTO search_terms (search_terms) VALUES ('delete-all')`, `DELETE FROM search_text`}, nil
	}
	for _, q := range stmts {
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
		terms := articleTags(d) + " " + f[0].Fold + " _ " + f[1].Fold + " _ " + f[2].Fold + " _ " + search.Pairs(f[0].Fold, f[1].Fold)
		if _, err := tx.Exec(ctx, `INSERT INTO search_terms (rowid, terms) VALUES (?, ?)`, d.ID, terms); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO search_text (id, text) VALUES (?, ?)`, d.ID, d.Marked); err != nil {
			return err
		}
	}
	return nil
}

// IndexesMarkedText implements sqlstore.MarkIndexer: search_text holds
// each article's marked text.
func (*dialect) IndexesMarkedText() {}

// IndexEmpty implements sqlstore.Indexer.
func (*dialect) IndexEmpty(ctx context.Context, db *sqlstore.DB) (bool, error) {
	var indexed bool
	err := db.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM search_text)`).Scan(&indexed)
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

// ftsSearch is one search over the index.
type ftsSearch struct {
	db      sqlstore.Querier // the read-only, memory-mapped pool
	sq      congtin.SearchQuery
	exprs   map[sqlstore.Match]string // each with the tags' condition
	tags    string                    // site and categories, without months
	cond    string                    // the public articles' condition
	args    []any
	periods []string // the tags of sq's date range; nil: every month
	words   int      // the articles holding every word, as Count counted them (capped); -1: not counted
}

// ArticleSearch implements sqlstore.Indexer.
func (d *dialect) ArticleSearch(db *sqlstore.DB, sq congtin.SearchQuery, q *search.Query) sqlstore.ArticleSearch {
	// Every word, or for a relaxed query every word of one of its sets;
	// a run with other spellings as an OR of them.
	words := q.MatchExpr(ftsSyntax)
	// Each pair of neighbouring words standing together in the title
	// or the lead, by the pairs' own tokens: the articles where the words
	// are written as the reader wrote them.
	pairs := words
	if p := q.PairFolds(); p != nil {
		tokens := make([]string, len(p))
		for i, pair := range p {
			tokens[i] = ftsTerm(pair)
		}
		pairs = strings.Join(tokens, " AND ")
	}
	s := &ftsSearch{db: db.On(d.search), sq: sq, words: -1}
	s.tags = filterTags(sq)
	if !sq.From.IsZero() || !sq.To.IsZero() {
		s.periods = periodTags(sq.From, sq.To, sq.Now)
	}
	s.exprs = map[sqlstore.Match]string{
		sqlstore.MatchWords:  words,
		sqlstore.MatchPairs:  pairs,
		sqlstore.MatchPhrase: ftsTerm(strings.Join(q.Folds(), " ")),
	}
	s.cond, s.args = sqlstore.PublicArticles(sq)
	return s
}

// match is the full match expression of m over the given months' tags
// (nil: no month condition).
func (s *ftsSearch) match(m sqlstore.Match, periods []string) string {
	e := s.tags + " AND (" + s.exprs[m] + ")"
	if len(periods) > 0 {
		e += " AND (" + strings.Join(periods, " OR ") + ")"
	}
	return e
}

// from is the FROM and WHERE of a search, the index driving: CROSS JOIN
// keeps the full-text match as the outer loop, walked in the index's
// order (the articles' IDs) and stopped by LIMIT, and each match's
// article is checked by its primary key (the exact bounds of a date
// range, which the months' tags only approximate, and the time of
// publication against now). The arguments: the expression first.
func (s *ftsSearch) from(m sqlstore.Match, periods []string, join string) (string, []any) {
	return ` FROM search_terms f CROSS JOIN articles a ON a.id = f.rowid` + join + ` WHERE search_terms MATCH ? AND ` + s.cond,
		append([]any{s.match(m, periods)}, s.args...)
}

// Count implements sqlstore.ArticleSearch. The tags hold a match to its
// site and categories exactly, and the index holds published articles
// only; so unless a date range bounds the search (the months' tags are
// coarser than its days) or the site has an article scheduled after now,
// the index alone counts, without reading an article row per match.
func (s *ftsSearch) Count(ctx context.Context, m sqlstore.Match, limit int) (n int, err error) {
	if m == sqlstore.MatchWords {
		defer func() {
			if err == nil {
				s.words = n
			}
		}()
	}
	if s.periods == nil {
		var scheduled bool
		if err := s.db.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM articles WHERE site_id = ? AND status = 'published' AND published_at > ?)`,
			s.sq.SiteID, s.sq.Now).Scan(&scheduled); err != nil {
			return 0, err
		}
		if !scheduled {
			err = s.db.QueryRow(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM search_terms WHERE search_terms MATCH ? LIMIT ?)`,
				s.match(m, nil), limit).Scan(&n)
			return n, err
		}
	}
	from, args := s.from(m, s.periods, "")
	err = s.db.QueryRow(ctx, `SELECT COUNT(*) FROM (SELECT 1`+from+` LIMIT ?)`, append(args, limit)...).Scan(&n)
	return n, err
}

// Candidates implements sqlstore.ArticleSearch. MatchPairs finds the
// articles whose title or lead holds the words as typed, by the pairs'
// own tokens, however old; and those whose body holds them as a phrase,
// by positions, when few enough articles hold every word. FTS5 checks a
// phrase article by article, through every article holding all of its
// words, until it finds one: over a thousand (counted, capped, by
// Count), a rare phrase of common syllables ("phát triển kinh tế" in an
// archive of generated text) had it read the positions of most of
// 100,000 articles, 70 ms. Such bodies then rank among the newest
// articles holding every word (MatchWords), which the search loads when
// the titles and leads are too few.
func (s *ftsSearch) Candidates(ctx context.Context, m sqlstore.Match, n int, docs map[int64]*search.Doc) error {
	if err := s.candidates(ctx, m, n, docs); err != nil {
		return err
	}
	if m == sqlstore.MatchPairs && s.words >= 0 && s.words <= search.CountCap {
		return s.candidates(ctx, sqlstore.MatchPhrase, n, docs)
	}
	return nil
}

// candidates loads up to n of m's matches, the newest first: in a
// category or a date range, by their time of publication, as PostgreSQL
// does, when at most a thousand articles hold every word (they are all
// read and sorted, a couple of milliseconds); otherwise by the index's
// own order, the articles' IDs, which stops after n but follows
// publication only roughly (an archive imported out of order).
func (s *ftsSearch) candidates(ctx context.Context, m sqlstore.Match, n int, docs map[int64]*search.Doc) error {
	from, args := s.from(m, s.periods, ` CROSS JOIN search_text t ON t.id = f.rowid`)
	order := ` ORDER BY f.rowid DESC`
	if sqlstore.Filtered(s.sq) && s.words >= 0 && s.words <= search.CountCap {
		order = ` ORDER BY a.published_at DESC, a.id DESC`
	}
	return sqlstore.SearchMarkedCandidates(ctx, s.db, docs,
		`SELECT f.rowid, a.published_at, t.text`+from+order+` LIMIT ?`, append(args, n)...)
}

// Newest pages through the matches by publication time. The index walks
// article IDs, which follow publication only roughly (an article is
// written, then published; an archive is imported in any order), so the
// matches are taken a period at a time, newest first, by the months'
// tags: every match of a period is read and sorted, and the walk stops
// once the page is filled. Periods start at a month and double, so that a
// word found in every month reads about one month's matches for the
// first page, and a rare one a handful of periods back to the oldest
// article.
func (s *ftsSearch) Newest(ctx context.Context, m sqlstore.Match, limit, offset int) ([]int64, error) {
	need := offset + limit
	hi := s.sq.Now
	if !s.sq.To.IsZero() && s.sq.To.Before(hi) {
		hi = s.sq.To
	}
	// The newest and oldest public articles bound the walk: a site's
	// clock runs on past its last article, and a range may start before
	// its first. Two lookups in the articles' index.
	var newest, oldest *int64
	// (Each in its own subquery: SQLite reads a single MIN or MAX off
	// the index's end, not both.)
	if err := s.db.QueryRow(ctx, `SELECT (SELECT MAX(published_at) FROM articles WHERE site_id = ? AND status = 'published' AND published_at <= ?),
		(SELECT MIN(published_at) FROM articles WHERE site_id = ? AND status = 'published')`,
		s.sq.SiteID, hi, s.sq.SiteID).Scan(&newest, &oldest); err != nil {
		return nil, err
	}
	if newest == nil {
		return nil, nil
	}
	hi = time.Unix(*newest, 0)
	lo := s.sq.From
	if lo.IsZero() || lo.Before(time.Unix(*oldest, 0)) {
		lo = time.Unix(*oldest, 0)
	}
	type hit struct{ id, at int64 }
	var hits []hit
	end := monthOf(hi).AddDate(0, 1, 0) // exclusive
	first := monthOf(lo)
	for span := 1; len(hits) < need && end.After(first); {
		start := end.AddDate(0, -span, 0)
		if start.Before(first) {
			start = first
		}
		from, args := s.from(m, periodTags(start, end, time.Time{}), "")
		rows, err := s.db.Query(ctx, `SELECT a.id, a.published_at`+from, args...)
		if err != nil {
			return nil, err
		}
		var batch []hit
		for rows.Next() {
			var h hit
			if err := rows.Scan(&h.id, &h.at); err != nil {
				rows.Close()
				return nil, err
			}
			batch = append(batch, h)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		slices.SortFunc(batch, func(x, y hit) int {
			if x.at != y.at {
				return int(y.at - x.at)
			}
			return int(y.id - x.id)
		})
		hits = append(hits, batch...)
		end = start
		// The next period: long enough for what is missing at the rate
		// this one found, and twice this one when it found nothing.
		if len(batch) == 0 {
			span *= 2
		} else {
			perMonth := max(len(batch)/span, 1)
			span = min(max((need-len(hits))/perMonth+1, 1), span*4)
		}
	}
	var ids []int64
	for i := offset; i < min(need, len(hits)); i++ {
		ids = append(ids, hits[i].id)
	}
	return ids, nil
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

// BeginBulkIndex implements sqlstore.BulkIndexer. Written a chunk at a
// time, FTS5 merges its segments as they pile up (automerge), rewriting
// the index several times over: a third of a reindex at 100,000
// articles. With merging off it merges once, at the end ('optimize'),
// and the index ends as one segment. The articles are read through a
// memory map and a larger page cache for the while (the write pool keeps
// neither, so that the process's memory stays its own); all three
// settings are put back before the transaction commits.
func (*dialect) BeginBulkIndex(ctx context.Context, tx *sqlstore.Tx) (func() error, error) {
	var automerge int64 = 4 // FTS5's default
	if err := tx.QueryRow(ctx, `SELECT v FROM search_terms_config WHERE k = 'automerge'`).Scan(&automerge); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	var crisis int64 = 16 // FTS5's default
	if err := tx.QueryRow(ctx, `SELECT v FROM search_terms_config WHERE k = 'crisismerge'`).Scan(&crisis); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	for _, q := range []string{
		`INSERT INTO search_terms (search_terms, rank) VALUES ('automerge', 0)`,
		// Merging is forced past this many segments of a level.
		`INSERT INTO search_terms (search_terms, rank) VALUES ('crisismerge', 64)`,
		`PRAGMA mmap_size = 2147418112`,
		`PRAGMA cache_size = -65536`,
	} {
		if _, err := tx.Exec(ctx, q); err != nil {
			return nil, err
		}
	}
	return func() error {
		for _, q := range []string{
			`INSERT INTO search_terms (search_terms) VALUES ('optimize')`,
			fmt.Sprintf(`INSERT INTO search_terms (search_terms, rank) VALUES ('automerge', %d)`, automerge),
			fmt.Sprintf(`INSERT INTO search_terms (search_terms, rank) VALUES ('crisismerge', %d)`, crisis),
			`PRAGMA mmap_size = 0`,
			`PRAGMA cache_size = -2048`,
		} {
			if _, err := tx.Exec(ctx, q); err != nil {
				return err
			}
		}
		return nil
	}, nil
}
