package postgres

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
)

// reindexDocumentsWhere brings the index entries of the documents matching
// cond (on documents d) in line with them, inside the transaction that
// changed them: published ones are (re)written, others dropped.
func reindexDocumentsWhere(ctx context.Context, tx *Tx, cond string, args ...any) error {
	rows, err := rb(tx).QueryContext(ctx, `SELECT d.id, d.status, d.number, d.summary, d.issuer, d.signer, COALESCE(t.name, ''), COALESCE(f.name, '')
		FROM documents d LEFT JOIN document_types t ON t.id = d.type_id LEFT JOIN document_fields f ON f.id = d.field_id WHERE `+cond, args...)
	if err != nil {
		return wrap("index documents", err)
	}
	type doc struct {
		id                                           int64
		status, number, summary, issuer, signer, typ string
		field                                        string
	}
	var docs []doc
	for rows.Next() {
		var d doc
		if err := rows.Scan(&d.id, &d.status, &d.number, &d.summary, &d.issuer, &d.signer, &d.typ, &d.field); err != nil {
			rows.Close()
			return err
		}
		docs = append(docs, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, d := range docs {
		if _, err := rb(tx).ExecContext(ctx, `DELETE FROM document_search WHERE document_id = ?`, d.id); err != nil {
			return wrap("index documents", err)
		}
		if d.status != congtin.StatusPublished {
			continue
		}
		rest := []string{d.issuer, d.signer, d.typ, d.field}
		frows, err := rb(tx).QueryContext(ctx, `SELECT text FROM document_files WHERE document_id = ? ORDER BY position, id`, d.id)
		if err != nil {
			return err
		}
		for frows.Next() {
			var text string
			if err := frows.Scan(&text); err != nil {
				frows.Close()
				return err
			}
			rest = append(rest, text)
		}
		frows.Close()
		f := search.DocumentFields(d.number, d.summary, rest...)
		if _, err := rb(tx).ExecContext(ctx, `INSERT INTO document_search (document_id, number_f, summary_f, body_f, number_e, summary_e, body_e) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			d.id, f[0].Fold, f[1].Fold, f[2].Fold, f[0].Exact, f[1].Exact, f[2].Exact); err != nil {
			return wrap("index documents", err)
		}
	}
	return nil
}

// ReindexDocuments implements congtin.DocumentService.
func (db *DB) ReindexDocuments(ctx context.Context) (int, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, wrap("begin", err)
	}
	defer tx.Rollback()
	n, err := reindexDocumentsTx(ctx, tx)
	if err != nil {
		return 0, err
	}
	return n, wrap("commit", tx.Commit())
}

// reindexDocumentsTx rebuilds the whole index: for ReindexDocuments and
// for copy-db.
func reindexDocumentsTx(ctx context.Context, tx *Tx) (int, error) {
	if _, err := rb(tx).ExecContext(ctx, `DELETE FROM document_search`); err != nil {
		return 0, wrap("reindex documents", err)
	}
	if err := reindexDocumentsWhere(ctx, tx, `d.status = 'published'`); err != nil {
		return 0, err
	}
	var n int
	err := rb(tx).QueryRowContext(ctx, `SELECT COUNT(*) FROM documents WHERE status = 'published'`).Scan(&n)
	return n, err
}

// docCond is one condition of a register query, named so that a facet's
// counts can leave its own condition out.
type docCond struct {
	facet string
	sql   string
	args  []any
}

func joinConds(conds []docCond, skip string) (string, []any) {
	var parts []string
	var args []any
	for _, c := range conds {
		if c.facet != "" && c.facet == skip {
			continue
		}
		parts = append(parts, c.sql)
		args = append(args, c.args...)
	}
	return strings.Join(parts, " AND "), args
}

// expiredSQL is true for a document no longer in force; its parameters
// are today (YYYY-MM-DD) and now.
const expiredSQL = `((d.expires_on <> '' AND d.expires_on <= ?) OR EXISTS (SELECT 1 FROM document_links l JOIN documents r ON r.id = l.document_id
	WHERE l.target_id = d.id AND l.kind = 'replaces' AND r.status = 'published' AND r.published_at <= ?))`

// FindDocuments implements congtin.DocumentService.
func (db *DB) FindDocuments(ctx context.Context, q congtin.DocumentQuery) (*congtin.DocumentResult, error) {
	now := q.Now
	if now.IsZero() {
		now = db.Now()
	}
	today := congtin.Day(now)
	res := &congtin.DocumentResult{Documents: []*congtin.Document{}}
	conds := []docCond{{sql: "d.site_id = ? AND d.status = 'published' AND d.published_at <= ?", args: []any{q.SiteID, ts(now)}}}
	pq := search.ParseQuery(q.Q)
	if strings.TrimSpace(q.Q) != "" {
		if pq.Empty() {
			return res, nil
		}
		// Tokens are [a-z0-9]+ by construction: nothing a reader types
		// reaches tsquery's syntax.
		match := strings.Join(pq.Folds(), " & ")
		if pq.Quoted {
			match = phraseQuery(pq.Folds())
		}
		conds = append(conds, docCond{sql: "d.id IN (SELECT document_id FROM document_search WHERE doc @@ to_tsquery('simple', ?))", args: []any{match}})
	}
	if q.TypeID != 0 {
		conds = append(conds, docCond{facet: "type", sql: "d.type_id = ?", args: []any{q.TypeID}})
	}
	if q.FieldID != 0 {
		conds = append(conds, docCond{facet: "field", sql: "d.field_id = ?", args: []any{q.FieldID}})
	}
	if q.Issuer != "" {
		conds = append(conds, docCond{facet: "issuer", sql: "d.issuer = ?", args: []any{q.Issuer}})
	}
	if q.Year != 0 {
		conds = append(conds, docCond{facet: "year", sql: "substr(d.issued_on, 1, 4) = ?", args: []any{fmt.Sprintf("%04d", q.Year)}})
	}
	switch q.Force {
	case congtin.Expired:
		conds = append(conds, docCond{facet: "force", sql: expiredSQL, args: []any{today, ts(now)}})
	case congtin.InForce:
		conds = append(conds, docCond{facet: "force", sql: "NOT " + expiredSQL, args: []any{today, ts(now)}})
	}
	cond, args := joinConds(conds, "")
	if err := rb(db.db).QueryRowContext(ctx, `SELECT COUNT(*) FROM documents d WHERE `+cond, args...).Scan(&res.Total); err != nil {
		return nil, wrap("count documents", err)
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	if res.Total > 0 && q.Offset < res.Total {
		var query string
		var qargs []any
		if pq.Empty() {
			query = `SELECT ` + documentColumns + documentFrom + ` WHERE ` + cond + ` ORDER BY d.issued_on DESC, d.id DESC LIMIT ? OFFSET ?`
			qargs = append(append([]any{ts(now)}, args...), limit, max(q.Offset, 0))
		} else {
			ids, err := db.rankDocuments(ctx, pq, cond, args, res.Total, q.Offset, limit)
			if err != nil {
				return nil, err
			}
			in := make([]string, len(ids))
			qargs = []any{ts(now)}
			order := "CASE d.id"
			for i, id := range ids {
				in[i] = strconv.FormatInt(id, 10)
				order += " WHEN " + in[i] + " THEN " + strconv.Itoa(i)
			}
			query = `SELECT ` + documentColumns + documentFrom + ` WHERE d.id IN (` + strings.Join(in, ",") + `) ORDER BY ` + order + ` END`
			if len(ids) == 0 {
				query = `SELECT ` + documentColumns + documentFrom + ` WHERE false`
			}
		}
		rows, err := rb(db.db).QueryContext(ctx, query, qargs...)
		if err != nil {
			return nil, wrap("find documents", err)
		}
		for rows.Next() {
			d, err := scanDocument(rows)
			if err != nil {
				rows.Close()
				return nil, err
			}
			res.Documents = append(res.Documents, d)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	if q.Facets {
		f, err := db.documentFacets(ctx, conds, today, now)
		if err != nil {
			return nil, err
		}
		res.Facets = f
	}
	return res, nil
}

// rankDocuments orders the newest matches (search.Candidates of them) with
// the article search's ranking and returns the page's IDs.
func (db *DB) rankDocuments(ctx context.Context, pq *search.Query, cond string, args []any, total, offset, limit int) ([]int64, error) {
	exact := "s.number_e, s.summary_e, s.body_e"
	if !pq.Accented {
		exact = "'', '', ''"
	}
	rows, err := rb(db.db).QueryContext(ctx, `SELECT d.id, d.issued_on, s.number_f, s.summary_f, s.body_f, `+exact+`
		FROM documents d JOIN document_search s ON s.document_id = d.id WHERE `+cond+` ORDER BY d.issued_on DESC, d.id DESC LIMIT ?`,
		append(append([]any{}, args...), search.Candidates)...)
	if err != nil {
		return nil, wrap("rank documents", err)
	}
	defer rows.Close()
	docs := map[int64]*search.Doc{}
	for rows.Next() {
		d := &search.Doc{}
		var issued string
		if err := rows.Scan(&d.ID, &issued, &d.Fields[0].Fold, &d.Fields[1].Fold, &d.Fields[2].Fold, &d.Fields[0].Exact, &d.Fields[1].Exact, &d.Fields[2].Exact); err != nil {
			return nil, err
		}
		d.PublishedAt, _ = congtin.ParseDay(issued)
		docs[d.ID] = d
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	ids, _, _, _ := search.Page(pq, docs, total, false, offset, limit)
	return ids, nil
}

// documentFacets counts, for each facet, the documents of each value among
// those matching every other condition.
func (db *DB) documentFacets(ctx context.Context, conds []docCond, today string, now any) (*congtin.DocumentFacets, error) {
	f := &congtin.DocumentFacets{}
	type facetQuery struct {
		facet string
		sql   func(cond string) string
		pre   []any
		out   *[]congtin.FacetValue
	}
	queries := []facetQuery{
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
		rows, err := rb(db.db).QueryContext(ctx, fq.sql(cond), append(append([]any{}, fq.pre...), args...)...)
		if err != nil {
			return nil, wrap("document facets", err)
		}
		for rows.Next() {
			var v congtin.FacetValue
			if err := rows.Scan(&v.ID, &v.Value, &v.Count); err != nil {
				rows.Close()
				return nil, err
			}
			*fq.out = append(*fq.out, v)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return f, nil
}
