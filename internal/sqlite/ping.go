package sqlite

import (
	"context"
	"database/sql"
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

// PoolStats returns the connection pools' statistics by name, for
// /metrics: the main pool and the read-only one searches use.
func (db *DB) PoolStats() map[string]sql.DBStats {
	return map[string]sql.DBStats{"main": db.db.Stats(), "search": db.search.Stats()}
}
