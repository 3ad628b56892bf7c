package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"path"
	"sort"
)

// Migrate applies each of the dialect's migrations not yet recorded, in
// file-name order, each in its own transaction; then builds the search
// index once when a database has published articles but no index (one
// from before the index, or restored without it), and the back office's
// search keys of rows that have none (fillKeys).
func (db *DB) Migrate(ctx context.Context) error {
	m := db.d.Migrations()
	names, err := fs.Glob(m, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		if err := db.migrateFile(ctx, m, name); err != nil {
			return fmt.Errorf("%s: migration %s: %w", db.d.Name(), name, err)
		}
	}
	empty, err := db.d.IndexEmpty(ctx, db)
	if err != nil {
		return db.wrap("check search index", err)
	}
	published, err := db.exists(ctx, `SELECT 1 FROM articles WHERE status = 'published'`)
	if err != nil {
		return db.wrap("check search index", err)
	}
	if empty && published {
		if _, err := db.Reindex(ctx); err != nil {
			return err
		}
	}
	return db.fillKeys(ctx)
}

// afterMigration holds, by migration file name, the Go step a migration
// needs to fill derived data for what is already stored (text folding,
// addresses found in HTML: the store's code, the same for both
// databases). It runs in the migration's transaction, after its SQL, so
// the migration is recorded with its data or not at all.
var afterMigration = map[string]func(ctx context.Context, tx *sql.Tx, bind func(string) string) error{
	"0015_media.sql":                 backfillMedia,
	"0019_register_suggest.sql":      backfillQuestionTitles,
	"0028_consultation_comments.sql": backfillConsultationMedia,
	"0033_disclosures.sql":           backfillDisclosures,
}

// migrateFile applies one migration. The migrations table is created in
// the migration's transaction, after BeginMigration: two processes that
// start at once could otherwise both try to create it.
func (db *DB) migrateFile(ctx context.Context, m fs.FS, name string) error {
	tx, err := db.pool.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := db.d.BeginMigration(ctx, tx); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY)`); err != nil {
		return err
	}
	var done bool
	if err := tx.QueryRowContext(ctx, db.bind(`SELECT EXISTS (SELECT 1 FROM migrations WHERE name = ?)`), name).Scan(&done); err != nil {
		return err
	} else if done {
		return nil
	}
	body, err := fs.ReadFile(m, name)
	if err != nil {
		return err
	}
	// Without arguments both drivers run the text as a script, so a file
	// may hold several statements.
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return err
	}
	if after := afterMigration[path.Base(name)]; after != nil {
		if err := after(ctx, tx, db.bind); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, db.bind(`INSERT INTO migrations (name) VALUES (?)`), name); err != nil {
		return err
	}
	return tx.Commit()
}
