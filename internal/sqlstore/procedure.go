package sqlstore

import (
	"context"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
)

var _ congtin.ProcedureStore = (*DB)(nil)
var _ congtin.ProcedureTx = (*Tx)(nil)

const procedureColumns = `id, site_id, code, name, field, levels, agency, duration, fee, online, steps, documents, legal, url, public,
	created_at, updated_at`

func scanProcedure(row scanner) (*congtin.Procedure, error) {
	var p congtin.Procedure
	var levels string
	err := row.Scan(&p.ID, &p.SiteID, &p.Code, &p.Name, &p.Field, &levels, &p.Agency, &p.Duration, &p.Fee, &p.Online,
		&p.Steps, &p.Documents, &p.Legal, &p.URL, &p.Public, at(&p.CreatedAt), at(&p.UpdatedAt))
	if levels != "" {
		p.Levels = strings.Split(levels, ",")
	}
	return &p, err
}

func (c conn) findProcedure(ctx context.Context, siteID, id int64) (*congtin.Procedure, error) {
	p, err := scanProcedure(c.QueryRow(ctx, `SELECT `+procedureColumns+` FROM procedures WHERE id = ? AND site_id = ?`, id, siteID))
	return p, c.db.wrap("find procedure", found(err, congtin.KindProcedure))
}

// FindProcedureByID implements congtin.ProcedureStore.
func (db *DB) FindProcedureByID(ctx context.Context, siteID, id int64) (*congtin.Procedure, error) {
	return db.findProcedure(ctx, siteID, id)
}

// FindProcedure implements congtin.ProcedureTx.
func (tx *Tx) FindProcedure(ctx context.Context, siteID, id int64) (*congtin.Procedure, error) {
	return tx.findProcedure(ctx, siteID, id)
}

// procedureWhere turns a filter into conditions; ok is false for a search
// with no words, which matches nothing.
func procedureWhere(f congtin.ProcedureFilter) (w where, ok bool) {
	w.add("site_id = ?", f.SiteID)
	if f.Public {
		w.add("public = TRUE")
	}
	if f.Field != "" {
		w.add("field = ?", clean(f.Field))
	}
	if f.Level != "" {
		// levels is "tinh,huyen": the commas around it make each code a
		// whole item.
		w.add("(',' || levels || ',') LIKE ?", "%,"+clean(f.Level)+",%")
	}
	if f.Online != "" {
		w.add("online = ?", clean(f.Online))
	}
	if f.Q != "" {
		pq := search.ParseQuery(clean(f.Q))
		if pq.Empty() {
			return w, false
		}
		cond, args := search.LikeMatch(pq, "search_text")
		w.add(cond, args...)
	}
	return w, true
}

// FindProcedures implements congtin.ProcedureStore.
func (db *DB) FindProcedures(ctx context.Context, f congtin.ProcedureFilter) ([]*congtin.Procedure, int, error) {
	w, ok := procedureWhere(f)
	if !ok {
		return nil, 0, nil
	}
	total, err := db.count(ctx, `SELECT COUNT(*) FROM procedures WHERE `+w.String(), w.args...)
	if err != nil {
		return nil, 0, db.wrap("count procedures", err)
	}
	ps, err := list(ctx, db.conn, scanProcedure, `SELECT `+procedureColumns+` FROM procedures WHERE `+w.String()+
		` ORDER BY field, code, id LIMIT ? OFFSET ?`, append(w.args, limit(f.Limit, 50), max(f.Offset, 0))...)
	return ps, total, db.wrap("find procedures", err)
}

// FindProcedureFields implements congtin.ProcedureStore.
func (db *DB) FindProcedureFields(ctx context.Context, siteID int64, public bool) ([]string, error) {
	q := `SELECT DISTINCT field FROM procedures WHERE site_id = ?`
	if public {
		q += ` AND public = TRUE`
	}
	fs, err := list(ctx, db.conn, func(row scanner) (string, error) {
		var s string
		return s, row.Scan(&s)
	}, q+` ORDER BY field`, siteID)
	return fs, db.wrap("procedure fields", err)
}

// ProcedureCodes implements congtin.ProcedureTx.
func (tx *Tx) ProcedureCodes(ctx context.Context, siteID int64) (map[string]congtin.ProcedureKey, error) {
	type row struct {
		code string
		key  congtin.ProcedureKey
	}
	rs, err := list(ctx, tx.conn, func(sc scanner) (row, error) {
		var r row
		return r, sc.Scan(&r.code, &r.key.ID, &r.key.Public)
	}, `SELECT code, id, public FROM procedures WHERE site_id = ?`, siteID)
	out := make(map[string]congtin.ProcedureKey, len(rs))
	for _, r := range rs {
		out[r.code] = r.key
	}
	return out, tx.db.wrap("procedure codes", err)
}

// procedureSearchText is what the list's search matches: the code (its
// digits as a word of their own too), name, field and agency.
func procedureSearchText(p *congtin.Procedure) string {
	return search.FoldedText(search.IndexFields(p.Code+" "+p.Name, p.Field, p.Agency))
}

// InsertProcedure implements congtin.ProcedureTx.
func (tx *Tx) InsertProcedure(ctx context.Context, p *congtin.Procedure) error {
	id, err := tx.insert(ctx, `INSERT INTO procedures (site_id, code, name, field, levels, agency, duration, fee, online, steps, documents,
		legal, url, public, search_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		p.SiteID, p.Code, p.Name, p.Field, strings.Join(p.Levels, ","), p.Agency, p.Duration, p.Fee, p.Online, p.Steps, p.Documents,
		p.Legal, p.URL, p.Public, procedureSearchText(p), tx.now, tx.now)
	if err != nil {
		return tx.db.wrap("insert procedure", err)
	}
	p.ID, p.CreatedAt, p.UpdatedAt = id, tx.now, tx.now
	return nil
}

// UpdateProcedure implements congtin.ProcedureTx.
func (tx *Tx) UpdateProcedure(ctx context.Context, p *congtin.Procedure) error {
	_, err := tx.Exec(ctx, `UPDATE procedures SET code = ?, name = ?, field = ?, levels = ?, agency = ?, duration = ?, fee = ?, online = ?,
		steps = ?, documents = ?, legal = ?, url = ?, public = ?, search_text = ?, updated_at = ? WHERE id = ? AND site_id = ?`,
		p.Code, p.Name, p.Field, strings.Join(p.Levels, ","), p.Agency, p.Duration, p.Fee, p.Online, p.Steps, p.Documents, p.Legal, p.URL,
		p.Public, procedureSearchText(p), tx.now, p.ID, p.SiteID)
	p.UpdatedAt = tx.now
	return tx.db.wrap("update procedure", err)
}

// DeleteProcedure implements congtin.ProcedureTx.
func (tx *Tx) DeleteProcedure(ctx context.Context, siteID, id int64) error {
	_, err := tx.Exec(ctx, `DELETE FROM procedures WHERE id = ? AND site_id = ?`, id, siteID)
	return tx.db.wrap("delete procedure", err)
}
