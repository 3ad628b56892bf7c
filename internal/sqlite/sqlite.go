// Package sqlite implements the congtin store interfaces on an embedded
// SQLite file, through the pure-Go modernc.org/sqlite driver so that the
// binary needs no C toolchain.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"net/url"
	"runtime"
	"strings"
	"time"

	"github.com/congtin/congtin/internal/sqlstore"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// DB is a congtin store on one SQLite file: the shared SQL of package
// sqlstore with SQLite's dialect, and what only SQLite does (backups,
// integrity checks, copies).
type DB struct {
	*sqlstore.DB
	db     *sql.DB
	search *sql.DB // read-only: for searches
	path   string
	// SearchMmap is how many bytes of the file the search connections
	// read through a memory map (set before Open; 0: none). A map keeps
	// searches' reads off the read syscall, two to three times faster,
	// but every page a search touches then counts in the process's
	// resident memory (a few searches of a 100,000-article portal mapped
	// 135 MB), so it is for servers with memory to spare.
	SearchMmap int64
}

// NewDB returns a DB for the file at path (":memory:" for a private
// in-memory database). Call Open before use.
func NewDB(path string) *DB {
	return &DB{path: path}
}

// Open opens the file, creating it if needed, sets the connection pragmas
// and applies pending migrations.
func (db *DB) Open() (err error) {
	if db.path == "" {
		return fmt.Errorf("sqlite: path required")
	}
	// Pragmas go in the DSN so that every pooled connection gets them:
	// WAL lets readers go on while the one writer writes, busy_timeout
	// makes a second writer wait instead of failing, foreign keys are off
	// by default in SQLite.
	dsn := func(extra ...string) string {
		q := url.Values{}
		for _, p := range append([]string{"journal_mode(WAL)", "busy_timeout(10000)", "foreign_keys(ON)", "synchronous(NORMAL)"}, extra...) {
			q.Add("_pragma", p)
		}
		q.Set("_txlock", "immediate")
		if db.path == ":memory:" {
			return "file::memory:?" + q.Encode()
		}
		return "file:" + db.path + "?" + q.Encode()
	}
	// Pages and writes: a small page cache per connection (the kernel's
	// page cache holds the file; rendered pages are cached above us), and
	// no memory map, so the process's resident memory stays its own.
	if db.db, err = sql.Open("sqlite", dsn("cache_size(-2048)")); err != nil {
		return fmt.Errorf("sqlite: open: %w", err)
	}
	// Searches read large stretches of the index (token columns spill onto
	// overflow pages): they have their own read-only connections, which
	// may map the file (SearchMmap).
	db.search = db.db
	if db.path == ":memory:" {
		// Every connection to :memory: is its own database.
		db.db.SetMaxOpenConns(1)
	} else {
		// More connections than this only queue inside SQLite on a small
		// machine, and would grow memory with concurrent requests.
		db.db.SetMaxOpenConns(8)
		db.db.SetMaxIdleConns(8)
		if db.search, err = sql.Open("sqlite", dsn(fmt.Sprintf("mmap_size(%d)", min(db.SearchMmap, 2147418112)), "cache_size(-2048)", "query_only(1)")); err != nil {
			db.db.Close()
			return fmt.Errorf("sqlite: open: %w", err)
		}
		db.search.SetMaxOpenConns(max(2, runtime.GOMAXPROCS(0)))
		db.search.SetMaxIdleConns(max(2, runtime.GOMAXPROCS(0)))
	}
	if err := db.db.Ping(); err != nil {
		db.db.Close()
		return fmt.Errorf("sqlite: open %s: %w", db.path, err)
	}
	now := time.Now
	if db.DB != nil {
		now = db.DB.Now // reopened: the clock stays
	}
	db.DB = sqlstore.New(db.db, &dialect{search: db.search})
	db.SetNow(now)
	if err := db.Migrate(context.Background()); err != nil {
		db.Close()
		return err
	}
	return nil
}

// Close closes the database.
func (db *DB) Close() error {
	if db.db == nil {
		return nil
	}
	if db.search != nil && db.search != db.db {
		db.search.Close()
	}
	return db.db.Close()
}

// IntegrityCheck runs PRAGMA integrity_check and returns its verdict.
func (db *DB) IntegrityCheck(ctx context.Context) (string, error) {
	var s string
	err := db.db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&s)
	return s, err
}

// placeholders returns n comma-separated placeholders, for IN (…).
func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?,", n), ",") }

// PoolStats returns the connection pools' statistics by name, for
// /metrics: the main pool and the read-only one searches use.
func (db *DB) PoolStats() map[string]sql.DBStats {
	return map[string]sql.DBStats{"main": db.db.Stats(), "search": db.search.Stats()}
}
