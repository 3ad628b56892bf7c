package postgres

import (
	"context"
	"fmt"
)

// Maintain vacuums and analyses the tables a bulk load fills. Right after
// an import of thousands of articles or a copy-db, PostgreSQL has neither
// statistics nor a visibility map for them yet: list counts then visit
// every row of the table instead of the index alone (15 ms instead of
// 1 ms for one category's count), until autovacuum gets round to it.
func (db *DB) Maintain(ctx context.Context) error {
	if _, err := db.db.ExecContext(ctx, `VACUUM (ANALYZE) articles, search_docs`); err != nil {
		return fmt.Errorf("postgres: maintain: %w", err)
	}
	return nil
}
