package postgres

import (
	"context"

	"github.com/congtin/congtin"
)

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
