package sqlite

import (
	"context"
	"fmt"

	"github.com/congtin/congtin"
)

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
