package postgres

import (
	"context"
	"runtime"
	"strings"
	"sync"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
)

var _ congtin.SearchService = (*DB)(nil)

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
func writeDocs(ctx context.Context, tx *Tx, docs []*indexDoc) error {
	cols := make([][]string, 7)
	ids := make([]int64, len(docs))
	for i, d := range docs {
		ids[i] = d.id
		for k, v := range []string{d.f[0].Fold, d.f[1].Fold, d.f[2].Fold, d.f[0].Exact, d.f[1].Exact, d.f[2].Exact, d.pairs} {
			cols[k] = append(cols[k], v)
		}
	}
	_, err := tx.ExecContext(ctx, upsertDocs, ids, cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], cols[6])
	return err
}

// indexArticle brings the article's index entry in line with the article,
// inside the transaction that changed it, so search never lags behind a
// publish, an edit or an unpublish. Scheduled articles are indexed at once
// and filtered by time at query time: they turn up by themselves. Every
// caller has just written the article's row, whose lock orders two
// transactions indexing the same article.
func indexArticle(ctx context.Context, tx *Tx, id int64) error {
	d := &indexDoc{id: id}
	var status string
	if err := tx.QueryRowContext(ctx, `SELECT status, title, lead, body FROM articles WHERE id = $1`, id).Scan(&status, &d.title, &d.lead, &d.body); err != nil {
		return wrap("index", err)
	}
	if status != congtin.StatusPublished {
		_, err := tx.ExecContext(ctx, `DELETE FROM search_docs WHERE article_id = $1`, id)
		return wrap("index", err)
	}
	d.analyse()
	return wrap("index", writeDocs(ctx, tx, []*indexDoc{d}))
}

// Reindex implements congtin.SearchService. The Vietnamese analysis of
// each chunk of articles runs on every core; each chunk is written in one
// statement.
func (db *DB) Reindex(ctx context.Context) (int, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, wrap("reindex", err)
	}
	defer tx.Rollback()
	n, err := reindexTx(ctx, tx)
	if err != nil {
		return 0, wrap("reindex", err)
	}
	return n, wrap("reindex: commit", tx.Commit())
}

// reindexTx rebuilds the index inside tx: for Reindex, and for copy-db,
// whose copy is searchable the moment it commits.
func reindexTx(ctx context.Context, tx *Tx) (int, error) {
	// EXCLUSIVE lets searches go on with the old index until the commit,
	// and makes every writer of the index (an edit, an import, another
	// reindex) wait for the new one: the single writer SQLite has anyway.
	if _, err := tx.ExecContext(ctx, `LOCK TABLE search_docs IN EXCLUSIVE MODE`); err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM search_docs`); err != nil {
		return 0, err
	}
	const chunk = 256
	var last int64
	total := 0
	for {
		rows, err := tx.QueryContext(ctx, `SELECT id, title, lead, body FROM articles WHERE status = 'published' AND id > $1 ORDER BY id LIMIT $2`, last, chunk)
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

// Search implements congtin.SearchService.
func (db *DB) Search(ctx context.Context, sq congtin.SearchQuery) (*congtin.SearchResult, error) {
	q := search.ParseQuery(sq.Q)
	res := &congtin.SearchResult{}
	if q.Empty() {
		return res, nil
	}
	now := sq.Now
	if now.IsZero() {
		now = db.Now()
	}
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
	from := func(cond, expr string) (string, *where) {
		w := &where{}
		w.add(cond, expr)
		w.add("a.site_id = ?", sq.SiteID)
		w.add("a.status = 'published'")
		w.add("a.published_at <= ?", ts(now))
		if len(sq.CategoryIDs) > 0 {
			w.add("a.category_id = ANY(?)", sq.CategoryIDs)
		}
		if !sq.From.IsZero() {
			w.add("a.published_at >= ?", ts(sq.From))
		}
		if !sq.To.IsZero() {
			w.add("a.published_at < ?", ts(sq.To))
		}
		return ` FROM search_docs s JOIN articles a ON a.id = s.article_id WHERE ` + w.String(), w
	}

	src, w := from(matchDoc, match)
	if err := db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1`+src+` LIMIT `+w.next(0)+`) m`, append(w.args, search.CountCap+1)...).Scan(&res.Total); err != nil {
		return nil, wrap("search count", err)
	}
	if res.Total > search.CountCap {
		res.Total, res.Capped = search.CountCap, true
	}
	limit := sq.Limit
	if limit <= 0 {
		limit = 20
	}
	if res.Total == 0 || sq.Offset >= res.Total {
		return res, nil
	}

	var ids []int64
	scores := map[int64]float64{}
	if sq.Sort == congtin.SortNewest {
		rows, err := db.db.QueryContext(ctx, `SELECT a.id`+src+` ORDER BY a.published_at DESC, a.id DESC LIMIT `+w.next(0)+` OFFSET `+w.next(1),
			append(w.args, limit, max(sq.Offset, 0))...)
		if err != nil {
			return nil, wrap("search", err)
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, wrap("search", err)
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, wrap("search", err)
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
			src, w := from(cond, expr)
			rows, err := db.db.QueryContext(ctx, `SELECT s.article_id, a.published_at, s.title_f, s.lead_f, s.body_f, `+exactCols+
				src+` ORDER BY `+order+` LIMIT `+w.next(0), append(w.args, n)...)
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
				d.PublishedAt = fromTS(d.PublishedAt)
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
			return nil, wrap("search", err)
		}
		if usePairs && len(docs) < sq.Offset+limit {
			if err := load(matchDoc, andExpr, search.Candidates); err != nil {
				return nil, wrap("search", err)
			}
		}
		ids, scores, res.Total, res.Capped = search.Page(q, docs, res.Total, res.Capped, sq.Offset, limit)
	}
	if len(ids) == 0 {
		return res, nil
	}
	byID := map[int64]*congtin.Article{}
	rows, err := db.db.QueryContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = ANY($1)`, ids)
	if err != nil {
		return nil, wrap("search", err)
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, wrap("search", err)
		}
		byID[a.ID] = a
	}
	res.SetHits(ids, byID, scores)
	return res, wrap("search", rows.Err())
}

// SearchIndexBytes returns the bytes the search table takes, with its
// indexes and out-of-line storage.
func (db *DB) SearchIndexBytes(ctx context.Context) (int64, error) {
	var n int64
	if err := db.db.QueryRowContext(ctx, `SELECT pg_total_relation_size('search_docs')`).Scan(&n); err != nil {
		return 0, wrap("index size", err)
	}
	return n, nil
}
