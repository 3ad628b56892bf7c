package postgres

import "context"

// The change log is read by package sqlstore; what is PostgreSQL's own is
// the lock that orders it.

// changesLock is the advisory lock key ("congtnc") that orders the change
// log: migrations/0004_changes.sql explains why, and its triggers take the
// same key.
const changesLock int64 = 0x636f6e67746e63

// lockChanges takes the change log's lock for the rest of the transaction.
// Each method that may write a change (an article, category or site
// write) calls it before anything else, so that it never waits for the
// lock while holding a row another writer needs; the triggers would take
// it anyway, later. It makes the newsroom's writes one at a time, as they
// are on SQLite; counters, sessions and the audit log do not take it.
// (The shared store's transactions take it in dialect.BeginWrite.)
func lockChanges(ctx context.Context, tx *Tx) error {
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, changesLock)
	return err
}

// beginChange begins a transaction that may write a change: an article,
// category or site write.
func (db *DB) beginChange(ctx context.Context) (*Tx, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	if err := lockChanges(ctx, tx); err != nil {
		tx.Rollback()
		return nil, err
	}
	return tx, nil
}
