package postgres

import "context"

// Ping checks that the database answers a query (for /readyz); an
// unreachable server is congtin.Unavailable.
func (db *DB) Ping(ctx context.Context) error {
	var one int
	return wrap("ping", db.db.QueryRowContext(ctx, `SELECT 1`).Scan(&one))
}
