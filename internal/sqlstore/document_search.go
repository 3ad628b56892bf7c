package sqlstore

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
)

// DocumentIndexer keeps the documents register's full-text index, in each
// database's own way (an FTS5 table on SQLite, a tsvector column on
// PostgreSQL): one entry per published document, holding the fields of
// search.DocumentFields (its number, its summary, the rest) folded and
// exact, in the columns number_f, summary_f, body_f, number_e, summary_e,
// body_e. What goes into an entry is read and analysed here, once.
type DocumentIndexer interface {
	// IndexDocument writes document id's entry, replacing any it had.
	IndexDocument(ctx context.Context, tx *Tx, id int64, f [3]search.Field) error
	// UnindexDocument removes document id's entry; id 0 removes every
	// entry.
	UnindexDocument(ctx context.Context, tx *Tx, id int64) error
	// DocumentIndexJoin joins the documents d of a query to their entries
	// s: "JOIN … s ON …".
	DocumentIndexJoin() string
	// DocumentMatch returns a condition on the documents d of a query,
	// true for those whose entry matches q (not empty), and its argument.
	DocumentMatch(q *search.Query) (cond string, arg any)
}

// indexDocuments brings the index entries of the documents matching cond
// (on documents d) in line with them: published ones are (re)written,
// others dropped. Whether a document is in force is worked out at query
// time (the expiry day, a published replacement), so only the documents
// written need their entries changed.
func (tx *Tx) indexDocuments(ctx context.Context, cond string, args ...any) error {
	type doc struct {
		id, site                                     int64
		status, number, summary, issuer, signer, typ string
		field                                        string
	}
	docs, err := list(ctx, tx.conn, func(row scanner) (*doc, error) {
		var d doc
		err := row.Scan(&d.id, &d.site, &d.status, &d.number, &d.summary, &d.issuer, &d.signer, &d.typ, &d.field)
		return &d, err
	}, `SELECT d.id, d.site_id, d.status, d.number, d.summary, d.issuer, d.signer, COALESCE(t.name, ''), COALESCE(f.name, '')`+documentFrom+` WHERE `+cond, args...)
	if err != nil {
		return err
	}
	for _, d := range docs {
		// The back office's list searches every document, public or not.
		if err := tx.putKey(ctx, documentKeys, d.id, d.site, d.number, d.summary); err != nil {
			return err
		}
		if d.status != congtin.StatusPublished {
			if err := tx.db.d.UnindexDocument(ctx, tx, d.id); err != nil {
				return err
			}
			continue
		}
		texts, err := list(ctx, tx.conn, func(row scanner) (string, error) {
			var s string
			return s, row.Scan(&s)
		}, `SELECT text FROM document_files WHERE document_id = ? ORDER BY position, id`, d.id)
		if err != nil {
			return err
		}
		f := search.DocumentFields(d.number, d.summary, append([]string{d.issuer, d.signer, d.typ, d.field}, texts...)...)
		if err := tx.db.d.IndexDocument(ctx, tx, d.id, f); err != nil {
			return err
		}
	}
	return nil
}

// IndexDocument implements congtin.DocumentTx.
func (tx *Tx) IndexDocument(ctx context.Context, id int64) error {
	return tx.db.wrap("index document", tx.indexDocuments(ctx, `d.id = ?`, id))
}

// ReindexDocuments implements congtin.DocumentStore.
func (db *DB) ReindexDocuments(ctx context.Context) (int, error) {
	tx, err := db.Begin(ctx)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	n, err := tx.ReindexDocuments(ctx)
	if err != nil {
		return 0, err
	}
	return n, tx.Commit()
}

// ReindexDocuments rebuilds the whole documents index inside the
// transaction (a copy's, too) and returns how many documents it holds.
func (tx *Tx) ReindexDocuments(ctx context.Context) (int, error) {
	if err := tx.db.d.UnindexDocument(ctx, tx, 0); err != nil {
		return 0, tx.db.wrap("reindex documents", err)
	}
	if err := tx.indexDocuments(ctx, `d.status = 'published'`); err != nil {
		return 0, tx.db.wrap("reindex documents", err)
	}
	n, err := tx.count(ctx, `SELECT COUNT(*) FROM documents WHERE status = 'published'`)
	return n, tx.db.wrap("reindex documents", err)
}

// docCond is one condition of a register query, named so that a facet's
// counts can leave its own condition out.
type docCond struct {
	facet string
	sql   string
	args  []any
}

func joinConds(conds []docCond, skip string) (string, []any) {
	var w where
	for _, c := range conds {
		if c.facet == "" || c.facet != skip {
			w.add(c.sql, c.args...)
		}
	}
	return w.String(), w.args
}

// expiredSQL is true for a document no longer in force; its parameters
// are today (YYYY-MM-DD) and now.
const expiredSQL = `((d.expires_on <> '' AND d.expires_on <= ?) OR EXISTS (SELECT 1 FROM document_links l JOIN documents r ON r.id = l.document_id
	WHERE l.target_id = d.id AND l.kind = 'replaces' AND r.status = 'published' AND r.published_at <= ?))`

// FindDocuments implements congtin.DocumentStore. When no public
// document holds every word of the query, the register shows those
// holding most of them, as the articles' search does (Approximate): not
// for a quoted query, nor for one naming a number, which must find that
// document or none (search.NamesNumber); and not when the filters alone
// leave out documents holding every word, which the facets then offer.
func (db *DB) FindDocuments(ctx context.Context, q congtin.DocumentQuery) (*congtin.DocumentResult, error) {
	now := q.Now
	if now.IsZero() {
		now = db.Now()
	}
	today := congtin.Day(now)
	res := &congtin.DocumentResult{Documents: []*congtin.Document{}}
	public := docCond{sql: "d.site_id = ? AND d.status = 'published' AND d.published_at <= ?", args: []any{q.SiteID, now}}
	// A disclosure page's group narrows what is public, for the facets
	// too.
	if len(q.TypeIDs) > 0 {
		public.sql += " AND d.type_id IN (" + placeholders(len(q.TypeIDs)) + ")"
		public.args = append(public.args, anys(q.TypeIDs)...)
	}
	if len(q.FieldIDs) > 0 {
		public.sql += " AND d.field_id IN (" + placeholders(len(q.FieldIDs)) + ")"
		public.args = append(public.args, anys(q.FieldIDs)...)
	}
	var filters []docCond
	if q.TypeID != 0 {
		filters = append(filters, docCond{facet: "type", sql: "d.type_id = ?", args: []any{q.TypeID}})
	}
	if q.FieldID != 0 {
		filters = append(filters, docCond{facet: "field", sql: "d.field_id = ?", args: []any{q.FieldID}})
	}
	if q.Issuer != "" {
		filters = append(filters, docCond{facet: "issuer", sql: "d.issuer = ?", args: []any{clean(q.Issuer)}})
	}
	if q.Year != 0 {
		filters = append(filters, docCond{facet: "year", sql: "substr(d.issued_on, 1, 4) = ?", args: []any{fmt.Sprintf("%04d", q.Year)}})
	}
	switch q.Force {
	case congtin.Expired:
		filters = append(filters, docCond{facet: "force", sql: expiredSQL, args: []any{today, now}})
	case congtin.InForce:
		filters = append(filters, docCond{facet: "force", sql: "NOT " + expiredSQL, args: []any{today, now}})
	}
	// conds are the conditions of the documents of pq's matches.
	conds := func(pq *search.Query) []docCond {
		out := []docCond{public}
		if pq != nil {
			cond, arg := db.d.DocumentMatch(pq)
			out = append(out, docCond{sql: cond, args: []any{arg}})
		}
		return append(out, filters...)
	}
	var pq *search.Query
	if strings.TrimSpace(q.Q) != "" {
		if pq = search.ParseQueryWith(q.Q, spellingsOf(q.Spellings)); pq.Empty() {
			// Only punctuation, symbols or marks: nothing can match, and
			// the page's filters still need their (empty) facets.
			if q.Facets {
				res.Facets = &congtin.DocumentFacets{}
			}
			return res, nil
		}
	}
	cs := conds(pq)
	cond, args := joinConds(cs, "")
	var err error
	if res.Total, err = db.count(ctx, `SELECT COUNT(*) FROM documents d WHERE `+cond, args...); err != nil {
		return nil, db.wrap("count documents", err)
	}
	var levels []int
	if res.Total == 0 && pq != nil && !search.NamesNumber(pq) {
		if levels, err = db.relaxDocuments(ctx, pq, public, len(filters) > 0); err != nil {
			return nil, db.wrap("count documents", err)
		}
	}
	if len(levels) > 0 {
		wide := pq.Relaxed(levels[len(levels)-1])
		wcs := conds(wide)
		wcond, wargs := joinConds(wcs, "")
		if res.Total, err = db.count(ctx, `SELECT COUNT(*) FROM documents d WHERE `+wcond, wargs...); err != nil {
			return nil, db.wrap("count documents", err)
		}
		if res.Approximate = res.Total > 0; res.Approximate {
			pq, cs, cond, args = wide, wcs, wcond, wargs
		} else {
			levels = nil
		}
	}
	n, offset := limit(q.Limit, 20), max(q.Offset, 0)
	if res.Total > 0 && offset < res.Total {
		var ds []*congtin.Document
		if pq == nil {
			ds, err = list(ctx, db.conn, scanDocument, `SELECT `+documentColumns+documentFrom+` WHERE `+cond+
				` ORDER BY d.issued_on DESC, d.id DESC LIMIT ? OFFSET ?`, append(append([]any{now}, args...), n, offset)...)
		} else {
			// The candidates of the levels with more words than the
			// widest first, as the articles' search gathers them.
			var qs []condArgs
			for _, need := range levels[:max(len(levels)-1, 0)] {
				c, a := joinConds(conds(pq.Relaxed(need)), "")
				qs = append(qs, condArgs{c, a})
			}
			ds, err = db.rankDocuments(ctx, pq, append(qs, condArgs{cond, args}), res.Total, offset, n, now)
		}
		if err != nil {
			return nil, db.wrap("find documents", err)
		}
		res.Documents = append(res.Documents, ds...)
		if pq != nil && len(ds) > 0 {
			if res.FileTexts, err = db.documentFileTexts(ctx, ds); err != nil {
				return nil, db.wrap("find documents", err)
			}
		}
	}
	if q.Facets {
		if res.Facets, err = db.documentFacets(ctx, cs, today, now); err != nil {
			return nil, db.wrap("document facets", err)
		}
	}
	return res, nil
}

// documentFileTexts returns the attachments with text of ds, by
// document, each with the start of its text for a snippet.
func (db *DB) documentFileTexts(ctx context.Context, ds []*congtin.Document) (map[int64][]*congtin.DocumentFile, error) {
	args := []any{congtin.SnippetTextChars}
	marks := make([]string, len(ds))
	for i, d := range ds {
		marks[i] = "?"
		args = append(args, d.ID)
	}
	fs, err := list(ctx, db.conn, func(row scanner) (*congtin.DocumentFile, error) {
		var f congtin.DocumentFile
		return &f, row.Scan(&f.ID, &f.DocumentID, &f.Name, &f.Kind, &f.Text)
	}, `SELECT id, document_id, name, kind, substr(text, 1, ?) FROM document_files
		WHERE document_id IN (`+strings.Join(marks, ", ")+`) AND text <> '' ORDER BY document_id, position, id`, args...)
	if err != nil {
		return nil, err
	}
	out := map[int64][]*congtin.DocumentFile{}
	for _, f := range fs {
		out[f.DocumentID] = append(out[f.DocumentID], f)
	}
	return out, nil
}

// relaxDocuments returns the levels at which a search for pq, which found
// nothing, may settle for near matches (search.Query.RelaxLevels), or none
// when pq is not to be relaxed: when filtered, it is relaxed only if no
// public document at all holds every word.
func (db *DB) relaxDocuments(ctx context.Context, pq *search.Query, public docCond, filtered bool) ([]int, error) {
	levels := pq.RelaxLevels()
	if len(levels) == 0 || !filtered {
		return levels, nil
	}
	match, arg := db.d.DocumentMatch(pq)
	n, err := db.count(ctx, `SELECT COUNT(*) FROM documents d WHERE `+public.sql+` AND `+match, append(append([]any{}, public.args...), arg)...)
	if err != nil || n > 0 {
		return nil, err
	}
	return levels, nil
}

// condArgs is a condition on the documents d of a query, and its
// arguments.
type condArgs struct {
	cond string
	args []any
}

// rankDocuments orders the newest matches of each query (search.Candidates
// of each) with the article search's ranking and returns the page's
// documents.
func (db *DB) rankDocuments(ctx context.Context, pq *search.Query, queries []condArgs, total, offset, n int, now time.Time) ([]*congtin.Document, error) {
	exact := "s.number_e, s.summary_e, s.body_e"
	if !pq.Accented {
		exact = "'', '', ''"
	}
	docs := map[int64]*search.Doc{}
	for _, cq := range queries {
		cond, args := cq.cond, cq.args
		cands, err := list(ctx, db.conn, func(row scanner) (*search.Doc, error) {
			d := &search.Doc{}
			var issued string
			err := row.Scan(&d.ID, &issued, &d.Fields[0].Fold, &d.Fields[1].Fold, &d.Fields[2].Fold, &d.Fields[0].Exact, &d.Fields[1].Exact, &d.Fields[2].Exact)
			d.PublishedAt, _ = congtin.ParseDay(issued)
			return d, err
		}, `SELECT d.id, d.issued_on, s.number_f, s.summary_f, s.body_f, `+exact+` FROM documents d `+db.d.DocumentIndexJoin()+
			` WHERE `+cond+` ORDER BY d.issued_on DESC, d.id DESC LIMIT ?`, append(append([]any{}, args...), search.Candidates)...)
		if err != nil {
			return nil, err
		}
		for _, d := range cands {
			docs[d.ID] = d
		}
	}
	page, _, _, _ := search.Page(pq, docs, total, false, len(docs) < search.Candidates, offset, n)
	if len(page) == 0 {
		return nil, nil
	}
	ds, err := list(ctx, db.conn, scanDocument, `SELECT `+documentColumns+documentFrom+` WHERE d.id IN (`+placeholders(len(page))+`)`,
		append([]any{now}, ids(page)...)...)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]*congtin.Document, len(ds))
	for _, d := range ds {
		byID[d.ID] = d
	}
	var out []*congtin.Document
	for _, id := range page {
		if d := byID[id]; d != nil {
			out = append(out, d)
		}
	}
	return out, nil
}

// documentFacets counts, for each facet, the documents of each value among
// those matching every other condition.
func (db *DB) documentFacets(ctx context.Context, conds []docCond, today string, now time.Time) (*congtin.DocumentFacets, error) {
	f := &congtin.DocumentFacets{}
	queries := []struct {
		facet string
		sql   func(cond string) string
		pre   []any
		out   *[]congtin.FacetValue
	}{
		{facet: "type", out: &f.Types, sql: func(c string) string {
			return `SELECT t.id, t.name, COUNT(*) FROM documents d JOIN document_types t ON t.id = d.type_id WHERE ` + c + ` GROUP BY t.id, t.name, t.position ORDER BY t.position, t.name`
		}},
		{facet: "field", out: &f.Fields, sql: func(c string) string {
			return `SELECT t.id, t.name, COUNT(*) FROM documents d JOIN document_fields t ON t.id = d.field_id WHERE ` + c + ` GROUP BY t.id, t.name, t.position ORDER BY t.position, t.name`
		}},
		{facet: "issuer", out: &f.Issuers, sql: func(c string) string {
			return `SELECT 0, d.issuer, COUNT(*) FROM documents d WHERE ` + c + ` GROUP BY d.issuer ORDER BY COUNT(*) DESC, d.issuer LIMIT 50`
		}},
		{facet: "year", out: &f.Years, sql: func(c string) string {
			return `SELECT 0, substr(d.issued_on, 1, 4), COUNT(*) FROM documents d WHERE ` + c + ` GROUP BY substr(d.issued_on, 1, 4) ORDER BY 2 DESC`
		}},
		{facet: "force", out: &f.Force, pre: []any{today, now}, sql: func(c string) string {
			return `SELECT 0, CASE WHEN ` + expiredSQL + ` THEN '` + congtin.Expired + `' ELSE '` + congtin.InForce + `' END AS st, COUNT(*)
				FROM documents d WHERE ` + c + ` GROUP BY st ORDER BY st`
		}},
	}
	for _, fq := range queries {
		cond, args := joinConds(conds, fq.facet)
		vs, err := list(ctx, db.conn, func(row scanner) (congtin.FacetValue, error) {
			var v congtin.FacetValue
			err := row.Scan(&v.ID, &v.Value, &v.Count)
			return v, err
		}, fq.sql(cond), append(append([]any{}, fq.pre...), args...)...)
		if err != nil {
			return nil, err
		}
		*fq.out = vs
	}
	return f, nil
}
