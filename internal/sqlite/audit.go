package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/congtin/congtin"
)

var _ congtin.AuditService = (*DB)(nil)

// AddAudit implements congtin.AuditService.
func (db *DB) AddAudit(ctx context.Context, e *congtin.AuditEntry) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := addAudit(ctx, tx, e); err != nil {
		return err
	}
	return tx.Commit()
}

// addAudit writes an entry inside the transaction of the change it records.
func addAudit(ctx context.Context, tx *Tx, e *congtin.AuditEntry) error {
	e.CreatedAt = tx.now
	res, err := tx.ExecContext(ctx, `INSERT INTO audit_log (site_id, user_id, username, ip, action, object_type, object_id, detail, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, e.SiteID, e.UserID, e.Username, e.IP, e.Action, e.ObjectType, e.ObjectID, e.Detail, unix(tx.now))
	if err != nil {
		return fmt.Errorf("sqlite: audit: %w", err)
	}
	e.ID, _ = res.LastInsertId()
	return nil
}

// FindAudit implements congtin.AuditService.
func (db *DB) FindAudit(ctx context.Context, f congtin.AuditFilter) ([]*congtin.AuditEntry, int, error) {
	where, args := []string{"site_id = ?"}, []any{f.SiteID}
	if f.Username != "" {
		where, args = append(where, "username = ?"), append(args, f.Username)
	}
	if f.Action != "" {
		// A prefix match: "article" finds article.publish and the rest.
		where, args = append(where, "(action = ? OR substr(action, 1, ?) = ?)"), append(args, f.Action, len(f.Action)+1, f.Action+".")
	}
	if f.ObjectType != "" {
		where, args = append(where, "object_type = ?"), append(args, f.ObjectType)
	}
	if f.ObjectID != 0 {
		where, args = append(where, "object_id = ?"), append(args, f.ObjectID)
	}
	if !f.From.IsZero() {
		where, args = append(where, "created_at >= ?"), append(args, unix(f.From))
	}
	if !f.To.IsZero() {
		where, args = append(where, "created_at < ?"), append(args, unix(f.To))
	}
	cond := strings.Join(where, " AND ")
	var total int
	if err := db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_log WHERE `+cond, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("sqlite: count audit: %w", err)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	rows, err := db.db.QueryContext(ctx, `SELECT id, site_id, user_id, username, ip, action, object_type, object_id, detail, created_at
		FROM audit_log WHERE `+cond+` ORDER BY id DESC LIMIT ? OFFSET ?`, append(args, limit, max(f.Offset, 0))...)
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: find audit: %w", err)
	}
	defer rows.Close()
	var out []*congtin.AuditEntry
	for rows.Next() {
		var e congtin.AuditEntry
		var at int64
		if err := rows.Scan(&e.ID, &e.SiteID, &e.UserID, &e.Username, &e.IP, &e.Action, &e.ObjectType, &e.ObjectID, &e.Detail, &at); err != nil {
			return nil, 0, err
		}
		e.CreatedAt = fromUnix(at)
		out = append(out, &e)
	}
	return out, total, rows.Err()
}
