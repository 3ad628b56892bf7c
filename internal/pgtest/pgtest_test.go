package pgtest_test

import (
	"context"
	"database/sql"
	"net/url"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

func open(t *testing.T, u string) *sql.DB {
	t.Helper()
	db, err := sql.Open("pgx", u)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestURL: each call gives a database of its own, empty and in UTF-8.
func TestURL(t *testing.T) {
	u1, u2 := pgtest.URL(t), pgtest.URL(t)
	if u1 == u2 {
		t.Fatalf("two tests share %s", u1)
	}
	db := open(t, u1)
	var enc string
	if err := db.QueryRow(`SHOW server_encoding`).Scan(&enc); err != nil || enc != "UTF8" {
		t.Fatalf("server_encoding %q, %v", enc, err)
	}
	var tables int
	if err := db.QueryRow(`SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'`).Scan(&tables); err != nil || tables != 0 {
		t.Fatalf("%d tables in a new database, %v", tables, err)
	}
}

// TestServerRestart: a server of the test's own stops (nothing answers on
// its port), starts again on the same port, and keeps what was committed.
func TestServerRestart(t *testing.T) {
	srv := pgtest.NewServer(t)
	u := srv.URL(t)
	db := open(t, u)
	if _, err := db.Exec(`CREATE TABLE kept (v TEXT); INSERT INTO kept VALUES ('Cổng thông tin')`); err != nil {
		t.Fatal(err)
	}
	shared, err := url.Parse(pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	own, _ := url.Parse(u)
	if own.Host == shared.Host {
		t.Fatalf("NewServer gave the shared server %s", own.Host)
	}

	srv.Stop()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := open(t, u).PingContext(ctx); err == nil {
		t.Fatal("the stopped server still answers")
	}
	// The shared server is not touched.
	if err := open(t, shared.String()).PingContext(ctx); err != nil {
		t.Fatalf("the shared server: %v", err)
	}

	srv.Start()
	var v string
	// The pool's connection died with the server: database/sql finds it
	// bad and opens a new one on the same URL.
	if err := db.QueryRowContext(ctx, `SELECT v FROM kept`).Scan(&v); err != nil {
		t.Fatalf("after the restart: %v", err)
	}
	if v != "Cổng thông tin" {
		t.Fatalf("after the restart: %q", v)
	}
	if u2 := srv.URL(t); u2 == u {
		t.Fatalf("URL gave the same database twice: %s", u2)
	}
}
