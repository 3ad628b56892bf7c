package postgres

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"

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

// indexDoc is an article analysed for the index.
type indexDoc struct {
	id                int64
	title, lead, body string
	f                 [3]search.Field
	pairs             string
}

func (d *indexDoc) analyse() {
	d.f = search.IndexFields(d.title, d.lead, d.body)
	d.pairs = search.Pairs(d.f[0].Fold, d.f[1].Fold, d.f[2].Fold)
}

// writeDocs upserts analysed articles.
func writeDocs(ctx context.Context, tx *sqlstore.Tx, docs []*indexDoc) error {
	cols := make([][]string, 7)
	ids := make([]int64, len(docs))
	for i, d := range docs {
		ids[i] = d.id
		for k, v := range []string{d.f[0].Fold, d.f[1].Fold, d.f[2].Fold, d.f[0].Exact, d.f[1].Exact, d.f[2].Exact, d.pairs} {
			cols[k] = append(cols[k], v)
		}
	}
	_, err := tx.Exec(ctx, upsertDocs, ids, cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], cols[6])
	return err
}

// IndexArticle implements sqlstore.Indexer: the article's index entry is
// brought in line with the article inside the transaction that changed
// it, so search never lags behind a publish, an edit or an unpublish.
// Scheduled articles are indexed at once and filtered by time at query
// time: they turn up by themselves.
func (dialect) IndexArticle(ctx context.Context, tx *sqlstore.Tx, id int64) error {
	d := &indexDoc{id: id}
	var status string
	if err := tx.QueryRow(ctx, `SELECT status, title, lead, body FROM articles WHERE id = ?`, id).Scan(&status, &d.title, &d.lead, &d.body); err != nil {
		return err
	}
	if status != congtin.StatusPublished {
		_, err := tx.Exec(ctx, `DELETE FROM search_docs WHERE article_id = ?`, id)
		return err
	}
	d.analyse()
	return writeDocs(ctx, tx, []*indexDoc{d})
}

// IndexEmpty implements sqlstore.Indexer.
func (dialect) IndexEmpty(ctx context.Context, db *sqlstore.DB) (bool, error) {
	var indexed bool
	err := db.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM search_docs)`).Scan(&indexed)
	return !indexed, err
}

// ReindexArticles implements sqlstore.Indexer. The Vietnamese analysis of
// each chunk of articles runs on every core; each chunk is written in one
// statement.
func (dialect) ReindexArticles(ctx context.Context, tx *sqlstore.Tx) (int, error) {
	// EXCLUSIVE lets searches go on with the old index until the commit,
	// and makes every writer of the index (an edit, an import, another
	// reindex) wait for the new one: the single writer SQLite has anyway.
	if _, err := tx.Exec(ctx, `LOCK TABLE search_docs IN EXCLUSIVE MODE`); err != nil {
		return 0, err
	}
	if _, err := tx.Exec(ctx, `DELETE FROM search_docs`); err != nil {
		return 0, err
	}
	const chunk = 256
	var last int64
	total := 0
	for {
		rows, err := tx.Query(ctx, `SELECT id, title, lead, body FROM articles WHERE status = 'published' AND id > ? ORDER BY id LIMIT ?`, last, chunk)
		if err != nil {
			return 0, err
		}
		var docs []*indexDoc
		for rows.Next() {
			d := &indexDoc{}
			if err := rows.Scan(&d.id, &d.title, &d.lead, &d.body); err != nil {
				rows.Close()
				return 0, err
			}
			docs = append(docs, d)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return 0, err
		}
		if len(docs) == 0 {
			break
		}
		last = docs[len(docs)-1].id
		var wg sync.WaitGroup
		workers := runtime.GOMAXPROCS(0)
		for w := range workers {
			wg.Go(func() {
				for k := w; k < len(docs); k += workers {
					docs[k].analyse()
				}
			})
		}
		wg.Wait()
		if err := writeDocs(ctx, tx, docs); err != nil {
			return 0, err
		}
		total += len(docs)
	}
	return total, nil
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

// SearchArticles implements sqlstore.Indexer.
func (dialect) SearchArticles(ctx context.Context, db *sqlstore.DB, sq congtin.SearchQuery, q *search.Query) (*sqlstore.Hits, error) {
	res := &sqlstore.Hits{}
	folds := q.Folds()
	andExpr := strings.Join(folds, " & ")
	// Several syllables: every neighbouring pair must stand together
	// somewhere. A short posting list per pair, and exactly the articles
	// where the words are written as the reader wrote them.
	pairExpr := andExpr
	if len(folds) > 1 {
		pairs := make([]string, len(folds)-1)
		for i := range pairs {
			pairs[i] = folds[i] + "_" + folds[i+1]
		}
		pairExpr = strings.Join(pairs, " & ")
	}
	match := andExpr
	if q.Quoted {
		match = phraseQuery(folds)
	}

	// from returns the FROM and WHERE of a search whose text condition is
	// cond with expr, and its arguments.
	from := func(cond, expr string) (string, []any) {
		conds := []string{cond, "a.site_id = ?", "a.status = 'published'", "a.published_at <= ?"}
		args := []any{expr, sq.SiteID, sq.Now}
		if len(sq.CategoryIDs) > 0 {
			conds, args = append(conds, "a.category_id = ANY(?)"), append(args, sq.CategoryIDs)
		}
		if !sq.From.IsZero() {
			conds, args = append(conds, "a.published_at >= ?"), append(args, sq.From)
		}
		if !sq.To.IsZero() {
			conds, args = append(conds, "a.published_at < ?"), append(args, sq.To)
		}
		return ` FROM search_docs s JOIN articles a ON a.id = s.article_id WHERE ` + strings.Join(conds, " AND "), args
	}

	src, args := from(matchDoc, match)
	if err := db.QueryRow(ctx, `SELECT COUNT(*) FROM (SELECT 1`+src+` LIMIT ?) m`, append(args, search.CountCap+1)...).Scan(&res.Total); err != nil {
		return nil, err
	}
	if res.Total > search.CountCap {
		res.Total, res.Capped = search.CountCap, true
	}
	limit := sq.Limit
	if res.Total == 0 || sq.Offset >= res.Total {
		return res, nil
	}

	if sq.Sort == congtin.SortNewest {
		rows, err := db.Query(ctx, `SELECT a.id`+src+` ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?`, append(args, limit, sq.Offset)...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			res.IDs = append(res.IDs, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	} else {
		// Accent-free queries score on the folded text only: the exact
		// columns, half of what is read, stay where they are.
		exactCols := "s.title_e, s.lead_e, s.body_e"
		if !q.Accented {
			exactCols = "'', '', ''"
		}
		// Which candidates when there are more than can be ranked: as
		// the SQLite store picks them, the highest IDs (its index walks
		// backwards by rowid), or with a category or a date range the
		// newest by publication time (there the articles drive).
		order := "s.article_id DESC"
		if len(sq.CategoryIDs) > 0 || !sq.From.IsZero() || !sq.To.IsZero() {
			order = "a.published_at DESC, a.id DESC"
		}
		docs := map[int64]*search.Doc{}
		load := func(cond, expr string, n int) error {
			src, args := from(cond, expr)
			rows, err := db.Query(ctx, `SELECT s.article_id, a.published_at, s.title_f, s.lead_f, s.body_f, `+exactCols+
				src+` ORDER BY `+order+` LIMIT ?`, append(args, n)...)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				d := &search.Doc{}
				if err := rows.Scan(&d.ID, &d.PublishedAt, &d.Fields[0].Fold, &d.Fields[1].Fold, &d.Fields[2].Fold,
					&d.Fields[0].Exact, &d.Fields[1].Exact, &d.Fields[2].Exact); err != nil {
					return err
				}
				d.PublishedAt = d.PublishedAt.UTC()
				docs[d.ID] = d
			}
			return rows.Err()
		}
		// Candidates: first those with the words standing together, which
		// rank first anyway; then, when they are too few to fill the page,
		// the best of those with the words anywhere.
		usePairs := !q.Quoted && len(folds) > 1
		var err error
		if usePairs {
			err = load(matchPairs, pairExpr, search.Candidates)
		} else {
			err = load(matchDoc, match, search.Candidates)
		}
		if err != nil {
			return nil, err
		}
		if usePairs && len(docs) < sq.Offset+limit {
			if err := load(matchDoc, andExpr, search.Candidates); err != nil {
				return nil, err
			}
		}
		res.IDs, res.Scores, res.Total, res.Capped = search.Page(q, docs, res.Total, res.Capped, sq.Offset, limit)
	}
	return res, nil
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
