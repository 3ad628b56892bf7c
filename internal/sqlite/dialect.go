package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/sqlstore"
	sqlite3 "modernc.org/sqlite"
	sqlite3lib "modernc.org/sqlite/lib"
)

// dialect is SQLite's part of the store (sqlstore.Dialect).
type dialect struct {
	// search is a read-only pool that maps the file into memory, for
	// searches; the store's own pool otherwise.
	search *sql.DB
}

var _ sqlstore.Dialect = (*dialect)(nil)

func (*dialect) Name() string { return "sqlite" }

// PrepareReads asks the store to keep its reads prepared: the pure-Go
// SQLite has no statement cache of its own (sqlstore/stmts.go).
func (*dialect) PrepareReads() bool { return true }

// Bind keeps the ? placeholders: SQLite's own.
func (*dialect) Bind(q string) string { return q }

// Time stores a time as Unix seconds.
func (*dialect) Time(t time.Time) any { return t.Unix() }

// Err: SQLite has one writer, so a unique key taken between a check and
// a write, which the service layer's checks exclude, can only be another
// process's; it is a conflict to retry.
func (*dialect) Err(err error) error {
	var se *sqlite3.Error
	if errors.As(err, &se) && (se.Code() == sqlite3lib.SQLITE_CONSTRAINT_UNIQUE || se.Code() == sqlite3lib.SQLITE_CONSTRAINT_PRIMARYKEY) {
		return congtin.ErrConflict
	}
	return nil
}

// BeginWrite does nothing: the pool's transactions take SQLite's write
// lock at BEGIN (_txlock=immediate), so writers queue on the busy timeout.
func (*dialect) BeginWrite(context.Context, *sql.Tx) error { return nil }

func (*dialect) Migrations() fs.FS { return migrationFS }

func (*dialect) BeginMigration(context.Context, *sql.Tx) error { return nil }

// Lookupable: SQLite compares any bytes.
func (*dialect) Lookupable(string) bool { return true }
