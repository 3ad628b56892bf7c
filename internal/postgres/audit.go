package postgres

import (
	"context"

	"github.com/congtin/congtin"
)

var _ congtin.AuditService = (*DB)(nil)

// AddAudit implements congtin.AuditService.
func (db *DB) AddAudit(ctx context.Context, e *congtin.AuditEntry) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return wrap("audit", err)
	}
	defer tx.Rollback()
	if err := addAudit(ctx, tx, e); err != nil {
		return err
	}
	return wrap("audit: commit", tx.Commit())
}

// addAudit writes an entry inside the transaction of the change it records.
// The free-text fields are cleaned: a failed sign-in with a name of stray
// bytes is still recorded.
func addAudit(ctx context.Context, tx *Tx, e *congtin.AuditEntry) error {
	e.CreatedAt = tx.now
	err := tx.QueryRowContext(ctx, `INSERT INTO audit_log (site_id, user_id, username, ip, action, object_type, object_id, detail, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`, e.SiteID, e.UserID, clean(e.Username), clean(e.IP), clean(e.Action),
		clean(e.ObjectType), e.ObjectID, clean(e.Detail), tx.now).Scan(&e.ID)
	return wrap("audit", err)
}

// FindAudit implements congtin.AuditService.
func (db *DB) FindAudit(ctx context.Context, f congtin.AuditFilter) ([]*congtin.AuditEntry, int, error) {
	var w where
	w.add("site_id = ?", f.SiteID)
	if f.Username != "" {
		w.add("username = ?", clean(f.Username))
	}
	if f.Action != "" {
		// A prefix match: "article" finds article.publish and the rest.
		w.add("(action = ? OR left(action, ?) = ?)", clean(f.Action), len(f.Action)+1, clean(f.Action)+".")
	}
	if f.ObjectType != "" {
		w.add("object_type = ?", clean(f.ObjectType))
	}
	if f.ObjectID != 0 {
		w.add("object_id = ?", f.ObjectID)
	}
	if !f.From.IsZero() {
		w.add("created_at >= ?", ts(f.From))
	}
	if !f.To.IsZero() {
		w.add("created_at < ?", ts(f.To))
	}
	var total int
	if err := db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_log WHERE `+w.String(), w.args...).Scan(&total); err != nil {
		return nil, 0, wrap("count audit", err)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	rows, err := db.db.QueryContext(ctx, `SELECT id, site_id, user_id, username, ip, action, object_type, object_id, detail, created_at
		FROM audit_log WHERE `+w.String()+` ORDER BY id DESC LIMIT `+w.next(0)+` OFFSET `+w.next(1), append(w.args, limit, max(f.Offset, 0))...)
	if err != nil {
		return nil, 0, wrap("find audit", err)
	}
	defer rows.Close()
	var out []*congtin.AuditEntry
	for rows.Next() {
		var e congtin.AuditEntry
		if err := rows.Scan(&e.ID, &e.SiteID, &e.UserID, &e.Username, &e.IP, &e.Action, &e.ObjectType, &e.ObjectID, &e.Detail, &e.CreatedAt); err != nil {
			return nil, 0, wrap("find audit", err)
		}
		e.CreatedAt = fromTS(e.CreatedAt)
		out = append(out, &e)
	}
	return out, total, wrap("find audit", rows.Err())
}
