package storetest

import (
	"testing"

	"github.com/congtin/congtin/internal/postgres"
	"github.com/congtin/congtin/internal/sqlite"
)

// MustOpenSQLite opens the SQLite database file at path, creating and
// migrating it when new: a real file with WAL, as in production. It fails
// the test if it cannot, and closes the database when the test ends; a
// test that hands the file over to a running portal may close it sooner.
func MustOpenSQLite(t testing.TB, path string) *sqlite.DB {
	t.Helper()
	return mustOpen(t, sqlite.NewDB(path))
}

// MustOpenPostgres opens (and migrates) the PostgreSQL database at url,
// as MustOpenSQLite does a file.
func MustOpenPostgres(t testing.TB, url string) *postgres.DB {
	t.Helper()
	return mustOpen(t, postgres.NewDB(url))
}

// mustOpen opens db, failing the test if it cannot, and closes it when the
// test ends (closing twice is harmless).
func mustOpen[DB interface {
	Open() error
	Close() error
}](t testing.TB, db DB) DB {
	t.Helper()
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
