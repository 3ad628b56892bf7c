package sqlstore

import (
	"context"

	"github.com/congtin/congtin"
)

var _ congtin.AuditStore = (*DB)(nil)
var _ congtin.AuditTx = (*Tx)(nil)

// AddAudit implements congtin.AuditStore.
func (db *DB) AddAudit(ctx context.Context, e *congtin.AuditEntry) error {
	return db.WithTx(ctx, func(tx congtin.Tx) error { return tx.AddAudit(ctx, e) })
}

// AddAudit implements congtin.AuditTx. Names and addresses may come
// straight from a request (a failed sign-in): whatever bytes they carry,
// the entry is written, with what cannot be stored replaced.
func (tx *Tx) AddAudit(ctx context.Context, e *congtin.AuditEntry) error {
	id, err := tx.insert(ctx, `INSERT INTO audit_log (site_id, user_id, username, ip, action, object_type, object_id, detail, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, e.SiteID, e.UserID, clean(e.Username), clean(e.IP), e.Action, e.ObjectType, e.ObjectID, clean(e.Detail), tx.now)
	e.ID, e.CreatedAt = id, tx.now
	return tx.db.wrap("audit", err)
}

// FindAudit implements congtin.AuditStore.
func (db *DB) FindAudit(ctx context.Context, f congtin.AuditFilter) ([]*congtin.AuditEntry, int, error) {
	var w where
	w.add("site_id = ?", f.SiteID)
	if f.Username != "" {
		w.add("username = ?", clean(f.Username))
	}
	if f.Action != "" {
		// A prefix match: "article" finds article.publish and the rest.
		w.add("(action = ? OR substr(action, 1, ?) = ?)", clean(f.Action), len(f.Action)+1, clean(f.Action)+".")
	}
	if f.ObjectType != "" {
		w.add("object_type = ?", clean(f.ObjectType))
	}
	if f.ObjectID != 0 {
		w.add("object_id = ?", f.ObjectID)
	}
	if f.ItemKey != "" {
		// A week's entries begin with it: "2026-W48: …", "2026-W48, 08:00 …".
		w.add("substr(detail, 1, ?) = ?", len([]rune(f.ItemKey)), clean(f.ItemKey))
	}
	if !f.From.IsZero() {
		w.add("created_at >= ?", f.From)
	}
	if !f.To.IsZero() {
		w.add("created_at < ?", f.To)
	}
	total, err := db.count(ctx, `SELECT COUNT(*) FROM audit_log WHERE `+w.String(), w.args...)
	if err != nil {
		return nil, 0, db.wrap("count audit", err)
	}
	es, err := list(ctx, db.conn, func(row scanner) (*congtin.AuditEntry, error) {
		var e congtin.AuditEntry
		err := row.Scan(&e.ID, &e.SiteID, &e.UserID, &e.Username, &e.IP, &e.Action, &e.ObjectType, &e.ObjectID, &e.Detail, at(&e.CreatedAt))
		return &e, err
	}, `SELECT id, site_id, user_id, username, ip, action, object_type, object_id, detail, created_at
		FROM audit_log WHERE `+w.String()+` ORDER BY id DESC LIMIT ? OFFSET ?`, append(w.args, limit(f.Limit, 50), max(f.Offset, 0))...)
	return es, total, db.wrap("find audit", err)
}
