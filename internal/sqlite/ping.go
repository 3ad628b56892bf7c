package sqlite

import (
	"context"
	"fmt"
)

// Ping checks that the database answers a query (for /readyz).
func (db *DB) Ping(ctx context.Context) error {
	var one int
	if err := db.db.QueryRowContext(ctx, `SELECT 1`).Scan(&one); err != nil {
		return fmt.Errorf("sqlite: ping: %w", err)
	}
	return nil
}
