package sqlite

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
	"github.com/congtin/congtin/internal/sqlstore"
)

// IndexArticle implements sqlstore.Indexer: the article's index entry is
// brought in line with the article inside the transaction that changed
// it, so search never lags behind a publish, an edit or an unpublish.
// Scheduled articles are indexed at once and filtered by time at query
// time: they turn up by themselves.
func (*dialect) IndexArticle(ctx context.Context, tx *sqlstore.Tx, id int64) error {
	var status, title, lead, body string
	if err := tx.QueryRow(ctx, `SELECT status, title, lead, body FROM articles WHERE id = ?`, id).Scan(&status, &title, &lead, &body); err != nil {
		return err
	}
	for _, q := range []string{`DELETE FROM search_index WHERE rowid = ?`, `DELETE FROM search_pairs WHERE rowid = ?`} {
		if _, err := tx.Exec(ctx, q, id); err != nil {
			return err
		}
	}
	if status != congtin.StatusPublished {
		return nil
	}
	f := search.IndexFields(title, lead, body)
	return writeIndex(ctx, tx, id, f, search.Pairs(f[0].Fold, f[1].Fold, f[2].Fold))
}

// writeIndex inserts an article's analysed text into both index tables.
func writeIndex(ctx context.Context, tx *sqlstore.Tx, id int64, f [3]search.Field, pairs string) error {
	if _, err := tx.Exec(ctx, `INSERT INTO search_index (rowid, title_f, lead_f, body_f, title_e, lead_e, body_e) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		id, f[0].Fold, f[1].Fold, f[2].Fold, f[0].Exact, f[1].Exact, f[2].Exact); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `INSERT INTO search_pairs (rowid, pairs) VALUES (?, ?)`, id, pairs)
	return err
}

// IndexEmpty implements sqlstore.Indexer. EXISTS, not COUNT: counting an
// FTS5 table reads all of it, seconds at start-up for a large archive.
func (*dialect) IndexEmpty(ctx context.Context, db *sqlstore.DB) (bool, error) {
	var indexed bool
	err := db.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM search_index)`).Scan(&indexed)
	return !indexed, err
}

// ReindexArticles implements sqlstore.Indexer. The Vietnamese analysis of
// each chunk of articles runs on every core while SQLite, which writes on
// one, inserts the chunk before it.
func (*dialect) ReindexArticles(ctx context.Context, tx *sqlstore.Tx) (int, error) {
	for _, q := range []string{`DELETE FROM search_index`, `DELETE FROM search_pairs`} {
		if _, err := tx.Exec(ctx, q); err != nil {
			return 0, err
		}
	}
	type doc struct {
		id                int64
		title, lead, body string
		f                 [3]search.Field
		pairs             string
	}
	const chunk = 256
	var last int64
	total := 0
	for {
		rows, err := tx.Query(ctx, `SELECT id, title, lead, body FROM articles WHERE status = 'published' AND id > ? ORDER BY id LIMIT ?`, last, chunk)
		if err != nil {
			return 0, err
		}
		var docs []*doc
		for rows.Next() {
			d := &doc{}
			if err := rows.Scan(&d.id, &d.title, &d.lead, &d.body); err != nil {
				rows.Close()
				return 0, err
			}
			docs = append(docs, d)
		}
		rows.Close()
		if len(docs) == 0 {
			break
		}
		last = docs[len(docs)-1].id
		var wg sync.WaitGroup
		workers := runtime.GOMAXPROCS(0)
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for k := w; k < len(docs); k += workers {
					d := docs[k]
					d.f = search.IndexFields(d.title, d.lead, d.body)
					d.pairs = search.Pairs(d.f[0].Fold, d.f[1].Fold, d.f[2].Fold)
				}
			}()
		}
		wg.Wait()
		for _, d := range docs {
			if err := writeIndex(ctx, tx, d.id, d.f, d.pairs); err != nil {
				return 0, err
			}
		}
		total += len(docs)
	}
	return total, nil
}

// ftsTerm quotes a token for an FTS5 query. Tokens are [a-z0-9]+ by
// construction, so nothing a reader types reaches FTS5's syntax.
func ftsTerm(t string) string { return `"` + t + `"` }

// SearchArticles implements sqlstore.Indexer.
func (d *dialect) SearchArticles(ctx context.Context, db *sqlstore.DB, sq congtin.SearchQuery, q *search.Query) (*sqlstore.Hits, error) {
	res := &sqlstore.Hits{}
	sdb := db.On(d.search)
	folds := q.Folds()
	terms := make([]string, len(folds))
	for i, f := range folds {
		terms[i] = ftsTerm(f)
	}
	andExpr := "{title_f lead_f body_f} : (" + strings.Join(terms, " AND ") + ")"
	// Several syllables: every neighbouring pair must stand together
	// somewhere. A short posting list per pair, and exactly the articles
	// where the words are written as the reader wrote them.
	pairExpr := andExpr
	if len(folds) > 1 {
		pairs := make([]string, len(folds)-1)
		for i := range pairs {
			pairs[i] = ftsTerm(folds[i] + "_" + folds[i+1])
		}
		pairExpr = strings.Join(pairs, " AND ")
	}
	phraseExpr := "{title_f lead_f body_f} : \"" + strings.Join(folds, " ") + "\""
	match := andExpr
	if q.Quoted {
		match = phraseExpr
	}

	// Two ways to find matches. Without filters, the index drives: FTS5
	// walks its lists newest first and stops early. With a category or a
	// date range, or sorted by date, the articles drive: their index walks
	// the filtered articles newest first and each is checked against the
	// set of matching IDs, which SQLite builds once; so a rare category
	// does not mean scanning every match of a common word.
	filtered := len(sq.CategoryIDs) > 0 || !sq.From.IsZero() || !sq.To.IsZero()
	where := []string{"a.site_id = ?", "a.status = 'published'", "a.published_at <= ?"}
	args := []any{sq.SiteID, sq.Now}
	if len(sq.CategoryIDs) > 0 {
		where = append(where, "a.category_id IN ("+placeholders(len(sq.CategoryIDs))+")")
		for _, id := range sq.CategoryIDs {
			args = append(args, id)
		}
	}
	if !sq.From.IsZero() {
		where, args = append(where, "a.published_at >= ?"), append(args, sq.From)
	}
	if !sq.To.IsZero() {
		where, args = append(where, "a.published_at < ?"), append(args, sq.To)
	}
	cond := strings.Join(where, " AND ")
	// byArticles: the articles' own order, matches as a set ("+a.id" keeps
	// SQLite from driving the loop by the set instead).
	byArticles := func(table string) string {
		return ` FROM articles a WHERE ` + cond + ` AND +a.id IN (SELECT rowid FROM ` + table + ` WHERE ` + table + ` MATCH ?)`
	}
	// byIndex: the index's order. CROSS JOIN keeps the full-text match as
	// the outer loop: the planner would otherwise scan articles and run
	// the match once per row.
	byIndex := ` FROM search_index s CROSS JOIN articles a ON a.id = s.rowid WHERE search_index MATCH ? AND ` + cond
	withExpr := func(expr string, rest ...any) []any {
		return append(append([]any{expr}, args...), rest...)
	}
	exprLast := func(expr string, rest ...any) []any {
		return append(append(append([]any{}, args...), expr), rest...)
	}

	countQ, countArgs := `SELECT COUNT(*) FROM (SELECT 1`+byIndex+` LIMIT ?)`, withExpr(match, search.CountCap+1)
	if filtered {
		countQ, countArgs = `SELECT COUNT(*) FROM (SELECT 1`+byArticles("search_index")+` LIMIT ?)`, exprLast(match, search.CountCap+1)
	}
	if err := sdb.QueryRow(ctx, countQ, countArgs...).Scan(&res.Total); err != nil {
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
		rows, err := sdb.Query(ctx, `SELECT a.id`+byArticles("search_index")+` ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?`,
			exprLast(match, limit, sq.Offset)...)
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
	} else {
		// Accent-free queries score on the folded text only: the exact
		// columns, half of what is read, are left on disk.
		exactCols := "s.title_e, s.lead_e, s.body_e"
		if !q.Accented {
			exactCols = "'', '', ''"
		}
		docs := map[int64]*search.Doc{}
		load := func(expr string, pairs bool, n int) error {
			// Newest matches first (FTS5 walks its lists backwards by rowid
			// without scoring every match), so the cost stays bounded for a
			// word in half the archive; the ranking below orders them.
			var query string
			var qargs []any
			cols := `SELECT s.rowid, a.published_at, s.title_f, s.lead_f, s.body_f, ` + exactCols
			switch {
			case filtered:
				table := "search_index"
				if pairs {
					table = "search_pairs"
				}
				query = cols + ` FROM articles a CROSS JOIN search_index s ON s.rowid = a.id WHERE ` + cond +
					` AND +a.id IN (SELECT rowid FROM ` + table + ` WHERE ` + table + ` MATCH ?) ORDER BY a.published_at DESC, a.id DESC LIMIT ?`
				qargs = exprLast(expr, n)
			case pairs:
				// The pairs table's own rowid orders the walk: FTS5 then
				// reads its list backwards. Articles are checked before the
				// stored text is touched.
				query = cols + ` FROM search_pairs p CROSS JOIN articles a ON a.id = p.rowid CROSS JOIN search_index s ON s.rowid = p.rowid
					WHERE search_pairs MATCH ? AND ` + cond + ` ORDER BY p.rowid DESC LIMIT ?`
				qargs = withExpr(expr, n)
			default:
				query = cols + byIndex + ` ORDER BY s.rowid DESC LIMIT ?`
				qargs = withExpr(expr, n)
			}
			rows, err := sdb.Query(ctx, query, qargs...)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				d := &search.Doc{}
				var pub int64
				if err := rows.Scan(&d.ID, &pub, &d.Fields[0].Fold, &d.Fields[1].Fold, &d.Fields[2].Fold,
					&d.Fields[0].Exact, &d.Fields[1].Exact, &d.Fields[2].Exact); err != nil {
					return err
				}
				d.PublishedAt = time.Unix(pub, 0).UTC()
				docs[d.ID] = d
			}
			return rows.Err()
		}
		// Candidates: first those with the words standing together, which
		// rank first anyway; then, when they are too few to fill the page,
		// the best of those with the words anywhere.
		usePairs := !q.Quoted && len(folds) > 1
		first := match
		if usePairs {
			first = pairExpr
		}
		if err := load(first, usePairs, search.Candidates); err != nil {
			return nil, err
		}
		if usePairs && len(docs) < sq.Offset+limit {
			if err := load(andExpr, false, search.Candidates); err != nil {
				return nil, err
			}
		}
		res.IDs, res.Scores, res.Total, res.Capped = search.Page(q, docs, res.Total, res.Capped, sq.Offset, limit)
	}
	return res, nil
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
