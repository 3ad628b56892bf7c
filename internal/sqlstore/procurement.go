package sqlstore

import (
	"context"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
)

var _ congtin.ProcurementStore = (*DB)(nil)
var _ congtin.ProcurementTx = (*Tx)(nil)

// procurementColumns reads a notice (b) with its project (j); its one
// parameter is now, for whether the project is public.
const procurementColumns = `b.id, b.site_id, b.name, b.slug, b.entity, COALESCE(b.project_id, 0), COALESCE(j.name, ''), COALESCE(j.slug, ''),
	COALESCE(j.status = 'published' AND j.published_at <= ?, FALSE), b.method, b.estimated_price, b.opens_at, b.closes_at, b.summary,
	b.winner, b.winning_price, b.status, b.published_at, b.created_at, b.updated_at, b.created_by, b.version`

const procurementFrom = ` FROM procurements b LEFT JOIN projects j ON j.id = b.project_id`

func scanProcurement(row scanner) (*congtin.Procurement, error) {
	var p congtin.Procurement
	err := row.Scan(&p.ID, &p.SiteID, &p.Name, &p.Slug, &p.Entity, &p.ProjectID, &p.ProjectName, &p.ProjectSlug, &p.ProjectPublic,
		&p.Method, &p.EstimatedPrice, at(&p.OpensAt), at(&p.ClosesAt), &p.Summary, &p.Winner, &p.WinningPrice,
		&p.Status, at(&p.PublishedAt), at(&p.CreatedAt), at(&p.UpdatedAt), &p.CreatedBy, &p.Version)
	return &p, err
}

func (c conn) findProcurement(ctx context.Context, siteID, id int64, now time.Time) (*congtin.Procurement, error) {
	p, err := scanProcurement(c.QueryRow(ctx, `SELECT `+procurementColumns+procurementFrom+` WHERE b.id = ? AND b.site_id = ?`, now, id, siteID))
	if err != nil {
		return nil, c.db.wrap("find procurement", found(err, congtin.KindProcurement))
	}
	return p, nil
}

// FindProcurementByID implements congtin.ProcurementStore.
func (db *DB) FindProcurementByID(ctx context.Context, siteID, id int64) (*congtin.Procurement, error) {
	return db.findProcurement(ctx, siteID, id, db.Now())
}

// FindProcurement implements congtin.ProcurementTx.
func (tx *Tx) FindProcurement(ctx context.Context, siteID, id int64) (*congtin.Procurement, error) {
	return tx.findProcurement(ctx, siteID, id, tx.now)
}

// FindProcurements implements congtin.ProcurementStore.
func (db *DB) FindProcurements(ctx context.Context, f congtin.ProcurementFilter) ([]*congtin.Procurement, int, error) {
	now := f.Now
	if now.IsZero() {
		now = db.Now()
	}
	var w where
	w.add("b.site_id = ?", f.SiteID)
	order := "b.updated_at DESC, b.id DESC"
	if f.Public {
		w.add("b.status = 'published' AND b.published_at <= ?", now)
		order = "b.closes_at DESC, b.id DESC"
	}
	switch f.State {
	case congtin.BidOpen:
		w.add("b.winner = '' AND b.closes_at > ?", now)
		order = "b.closes_at, b.id"
	case congtin.BidClosed:
		w.add("b.winner = '' AND b.closes_at <= ?", now)
	case congtin.BidResult:
		w.add("b.winner <> ''")
	}
	if f.Year != 0 {
		// The year in Vietnam time, as the pages show the closing.
		from := time.Date(f.Year, 1, 1, 0, 0, 0, 0, congtin.VietnamZone)
		w.add("b.closes_at >= ? AND b.closes_at < ?", from, from.AddDate(1, 0, 0))
	}
	if f.ProjectID != 0 {
		w.add("b.project_id = ?", f.ProjectID)
	}
	if !adminConditions(&w, "b", f.Status, f.CreatedBy, f.Q) {
		return nil, 0, nil
	}
	total, err := db.count(ctx, `SELECT COUNT(*) FROM procurements b WHERE `+w.String(), w.args...)
	if err != nil {
		return nil, 0, db.wrap("count procurements", err)
	}
	ps, err := list(ctx, db.conn, scanProcurement, `SELECT `+procurementColumns+procurementFrom+` WHERE `+w.String()+` ORDER BY `+order+` LIMIT ? OFFSET ?`,
		append(append([]any{now}, w.args...), limit(f.Limit, 50), max(f.Offset, 0))...)
	return ps, total, db.wrap("find procurements", err)
}

// InsertProcurement implements congtin.ProcurementTx.
func (tx *Tx) InsertProcurement(ctx context.Context, p *congtin.Procurement) error {
	id, err := tx.insert(ctx, `INSERT INTO procurements (site_id, name, slug, entity, project_id, method, estimated_price, opens_at, closes_at,
		summary, winner, winning_price, status, published_at, created_at, updated_at, created_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		p.SiteID, p.Name, p.Slug, p.Entity, nullID(p.ProjectID), p.Method, p.EstimatedPrice, p.OpensAt, p.ClosesAt,
		p.Summary, p.Winner, p.WinningPrice, p.Status, p.PublishedAt, p.CreatedAt, p.UpdatedAt, p.CreatedBy)
	if err != nil {
		return tx.db.wrap("insert procurement", err)
	}
	p.ID = id
	return tx.indexProcurement(ctx, p)
}

// UpdateProcurement implements congtin.ProcurementTx.
func (tx *Tx) UpdateProcurement(ctx context.Context, p *congtin.Procurement) error {
	if _, err := tx.Exec(ctx, `UPDATE procurements SET name = ?, slug = ?, entity = ?, project_id = ?, method = ?, estimated_price = ?,
		opens_at = ?, closes_at = ?, summary = ?, winner = ?, winning_price = ?, updated_at = ?, version = version + 1 WHERE id = ? AND site_id = ?`,
		p.Name, p.Slug, p.Entity, nullID(p.ProjectID), p.Method, p.EstimatedPrice, p.OpensAt, p.ClosesAt, p.Summary, p.Winner, p.WinningPrice,
		tx.now, p.ID, p.SiteID); err != nil {
		return tx.db.wrap("update procurement", err)
	}
	p.UpdatedAt = tx.now
	p.Version++
	return tx.indexProcurement(ctx, p)
}

// indexProcurement rewrites the folded words the back office's search
// matches: the name, the entity and the winner.
func (tx *Tx) indexProcurement(ctx context.Context, p *congtin.Procurement) error {
	folded := search.FoldedText(search.IndexFields(p.Name, p.Entity, p.Winner))
	_, err := tx.Exec(ctx, `UPDATE procurements SET search_text = ? WHERE id = ?`, folded, p.ID)
	return tx.db.wrap("index procurement", err)
}
