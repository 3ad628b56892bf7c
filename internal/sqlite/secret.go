package sqlite

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"

	"github.com/congtin/congtin"
)

var _ congtin.SecretService = (*DB)(nil)

// Secret implements congtin.SecretService: the first process to ask
// inserts a random value, and every process reads whichever was stored.
func (db *DB) Secret(ctx context.Context, name string) ([]byte, error) {
	fresh := make([]byte, 32)
	rand.Read(fresh) // never fails (crypto/rand, Go 1.24+)
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO secrets (name, value, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING`,
		name, hex.EncodeToString(fresh), unix(tx.now)); err != nil {
		return nil, fmt.Errorf("sqlite: secret: %w", err)
	}
	var v string
	if err := tx.QueryRowContext(ctx, `SELECT value FROM secrets WHERE name = ?`, name).Scan(&v); err != nil {
		return nil, fmt.Errorf("sqlite: secret: %w", err)
	}
	b, err := hex.DecodeString(v)
	if err != nil || len(b) < 32 {
		return nil, fmt.Errorf("sqlite: secret %q is damaged", name)
	}
	return b, tx.Commit()
}
