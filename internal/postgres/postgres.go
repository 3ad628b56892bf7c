// Package postgres implements the congtin store interfaces on PostgreSQL
// (15 or newer), through database/sql and the pgx driver's stdlib adapter.
// It behaves like package sqlite, which the shared storetest suite checks:
// the same error codes, the same orders, the same times (whole seconds,
// returned in UTC) and the same search results.
//
// Unlike SQLite, PostgreSQL lets several processes write at once. Where the
// SQLite store relies on its single writer (read, check, then write), this
// one locks what it read: the article row (FOR UPDATE) before a workflow
// step, the change log's lock (an advisory lock every newsroom write
// takes first, so imports and category changes, which read before they
// write, go one at a time), the search table before a reindex; counters
// only ever add, in a fixed order of rows.
package postgres

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/congtin/congtin/internal/sqlstore"
	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// DB is a congtin store on a PostgreSQL database: the shared SQL of
// package sqlstore with PostgreSQL's dialect, and what only PostgreSQL
// does (maintenance, copies).
type DB struct {
	*sqlstore.DB
	db  *sql.DB
	url string
}

// NewDB returns a DB for the database at url (postgres://user@host/name,
// or any connection string pgx accepts; a password may also come from
// PGPASSWORD or ~/.pgpass). Call Open before use.
func NewDB(url string) *DB {
	return &DB{url: url}
}

// Open connects, checks the database holds UTF-8, and applies pending
// migrations. It does not retry: a server that is not there is an error
// for the caller (or the service manager) to act on.
func (db *DB) Open() (err error) {
	if db.url == "" {
		return fmt.Errorf("postgres: URL required")
	}
	if db.db, err = sql.Open("pgx", db.url); err != nil {
		return fmt.Errorf("postgres: open: %w", err)
	}
	// database/sql keeps only two idle connections by default: under load
	// every request would open a new one (a server process each). The cap
	// leaves room on a default server (max_connections 100) for a few
	// portal processes plus the command-line tools.
	db.db.SetMaxOpenConns(20)
	db.db.SetMaxIdleConns(20)
	db.db.SetConnMaxIdleTime(5 * time.Minute)
	ctx := context.Background()
	if err := db.db.PingContext(ctx); err != nil {
		db.db.Close()
		return fmt.Errorf("postgres: connect: %w", err)
	}
	// Vietnamese text needs UTF-8; a SQL_ASCII database would store the
	// bytes but compare and check them as nothing in particular.
	var enc string
	if err := db.db.QueryRowContext(ctx, `SHOW server_encoding`).Scan(&enc); err != nil {
		db.db.Close()
		return fmt.Errorf("postgres: server encoding: %w", err)
	}
	if enc != "UTF8" {
		db.db.Close()
		return fmt.Errorf("postgres: the database's encoding is %s; congtin needs UTF8 (CREATE DATABASE … ENCODING 'UTF8' TEMPLATE template0)", enc)
	}
	now := time.Now
	if db.DB != nil {
		now = db.DB.Now // reopened: the clock stays
	}
	db.DB = sqlstore.New(db.db, dialect{})
	db.SetNow(now)
	if err := db.Migrate(ctx); err != nil {
		db.db.Close()
		return err
	}
	return nil
}

// Close closes the connection pool.
func (db *DB) Close() error {
	if db.db == nil {
		return nil
	}
	return db.db.Close()
}

// migrateLock is the advisory lock key ("congtin" in ASCII) that
// serializes migrations when several processes start at once.
const migrateLock int64 = 0x636f6e6774696e

// SQLSTATE codes the store acts on.
const (
	uniqueViolation      = "23505"
	foreignKeyViolation  = "23503"
	deadlockDetected     = "40P01"
	serializationFailure = "40001"
	// A string PostgreSQL cannot hold: invalid UTF-8, or a NUL byte.
	characterNotInRepertoire = "22021"
	untranslatableCharacter  = "22P05"
)

// pgCode returns the SQLSTATE of a PostgreSQL error in err's chain, or "".
func pgCode(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}

// unreachable reports whether err says the server cannot be reached or
// has dropped the connection, rather than refused the statement: a failed
// dial, a connection cut (the pool's next try on a fresh connection may
// well succeed), or the server shutting down, starting up or full.
func unreachable(err error) bool {
	var ce *pgconn.ConnectError
	var ne net.Error
	switch {
	case errors.Is(err, driver.ErrBadConn), errors.As(err, &ce), errors.As(err, &ne),
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return true
	}
	code := pgCode(err)
	return strings.HasPrefix(code, "08") || // connection exception
		code == "57P01" || code == "57P02" || code == "57P03" || // admin or crash shutdown, cannot connect now
		code == "53300" // too many connections
}

// storable reports whether PostgreSQL can hold s as text. A lookup by a
// key that is not (a URL path or a form field may carry any bytes) can
// match nothing, and answers so without asking, as SQLite would.
func storable(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsRune(s, 0)
}

// PoolStats returns the connection pool's statistics, for /metrics.
func (db *DB) PoolStats() map[string]sql.DBStats {
	return map[string]sql.DBStats{"main": db.db.Stats()}
}
