package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"

	"github.com/congtin/congtin"
)

var _ congtin.SecretService = (*DB)(nil)

// Secret implements congtin.SecretService: ON CONFLICT DO NOTHING lets
// the first of several processes asking at once store its value, and
// every one of them reads that value.
func (db *DB) Secret(ctx context.Context, name string) ([]byte, error) {
	fresh := make([]byte, 32)
	rand.Read(fresh) // never fails (crypto/rand, Go 1.24+)
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, wrap("secret", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO secrets (name, value, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING`,
		clean(name), hex.EncodeToString(fresh), tx.now); err != nil {
		return nil, wrap("secret", err)
	}
	var v string
	if err := tx.QueryRowContext(ctx, `SELECT value FROM secrets WHERE name = $1`, clean(name)).Scan(&v); err != nil {
		return nil, wrap("secret", err)
	}
	b, err := hex.DecodeString(v)
	if err != nil || len(b) < 32 {
		return nil, fmt.Errorf("postgres: secret %q is damaged", name)
	}
	return b, wrap("secret: commit", tx.Commit())
}
