package postgres_test

import (
	"database/sql"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/pgtest"
	"github.com/congtin/congtin/internal/storetest"
)

// TestMaintainAfterBulkLoad: after Maintain the articles have statistics,
// so the planner knows how many there are.
func TestMaintainAfterBulkLoad(t *testing.T) {
	url := pgtest.URL(t)
	db := storetest.MustOpenPostgres(t, url)
	site := storetest.MustSite(t, app.New(db))
	storetest.MustImport(t, app.New(db), site.ID, storetest.Rec("Bài một", "Tin tức", time.Now().Add(-time.Hour)),
		storetest.Rec("Bài hai", "Tin tức", time.Now().Add(-2*time.Hour)))
	if err := db.Maintain(t.Context()); err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var analysed int
	if err := raw.QueryRow(`SELECT COUNT(*) FROM pg_stat_user_tables WHERE relname = 'articles' AND last_vacuum IS NOT NULL AND last_analyze IS NOT NULL`).Scan(&analysed); err != nil {
		t.Fatal(err)
	}
	if analysed != 1 {
		t.Fatal("articles were not vacuumed and analysed")
	}
}

// TestPing: /readyz's check answers nil while the server is up, and an
// unavailable error once the store is closed.
func TestPing(t *testing.T) {
	db := storetest.MustOpenPostgres(t, pgtest.URL(t))
	if err := db.Ping(t.Context()); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if err := db.Ping(t.Context()); err == nil {
		t.Fatal("ping of a closed store succeeded")
	}
}
