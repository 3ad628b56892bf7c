package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Backup writes a consistent copy of the live database to path with
// VACUUM INTO: readers and writers go on meanwhile, the copy is one
// transaction's snapshot, compacted. path must not exist.
func (db *DB) Backup(ctx context.Context, path string) error {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("backup: %s already exists; choose a new file", path)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("backup: %w", err)
	}
	if _, err := db.db.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		os.Remove(path) // a partial file is no backup
		return fmt.Errorf("backup to %s: %w", path, err)
	}
	return nil
}

// Restore puts the backup at from in place of the database file at to,
// which no process may be using. The backup is checked first (SQLite's
// integrity check and congtin's migrations table), copied beside the
// target and renamed over it, so the target is never half written.
func Restore(ctx context.Context, from, to string) error {
	if _, err := os.Stat(from); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	src, err := sql.Open("sqlite", "file:"+from+"?mode=ro")
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	var check string
	var migrations int
	err = src.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&check)
	if err == nil {
		err = src.QueryRowContext(ctx, `SELECT COUNT(*) FROM migrations`).Scan(&migrations)
	}
	if err == nil && (check != "ok" || migrations == 0) {
		err = fmt.Errorf("integrity check %q, %d migrations", check, migrations)
	}
	if err != nil {
		src.Close()
		return fmt.Errorf("restore: %s is not a sound congtin backup: %w", from, err)
	}
	tmp := filepath.Join(filepath.Dir(to), "."+filepath.Base(to)+".restoring")
	os.Remove(tmp)
	// VACUUM INTO again: a clean single file, whatever journal the backup
	// carries.
	_, err = src.ExecContext(ctx, `VACUUM INTO ?`, tmp)
	src.Close()
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("restore: %w", err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(to + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			os.Remove(tmp)
			return fmt.Errorf("restore: %w", err)
		}
	}
	if err := os.Rename(tmp, to); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("restore: %w", err)
	}
	return nil
}
