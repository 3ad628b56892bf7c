package postgres

import (
	"context"
	"database/sql"
)

// Ping checks that the database answers a query (for /readyz); an
// unreachable server is congtin.Unavailable.
func (db *DB) Ping(ctx context.Context) error {
	var one int
	return wrap("ping", db.db.QueryRowContext(ctx, `SELECT 1`).Scan(&one))
}

// PoolStats returns the connection pool's statistics, for /metrics.
func (db *DB) PoolStats() map[string]sql.DBStats {
	return map[string]sql.DBStats{"main": db.db.Stats()}
}
