package sqlite_test

import (
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/sqlite"
	"github.com/congtin/congtin/internal/storetest"
)

// MustOpenDB opens a fresh database in a temporary file: a real SQLite file
// with WAL, as in production.
func MustOpenDB(t *testing.T) *sqlite.DB {
	t.Helper()
	return storetest.MustOpenSQLite(t, filepath.Join(t.TempDir(), "congtin.db"))
}

// MustOpen is the service layer over a fresh database.
func MustOpen(t *testing.T) *app.App { return app.New(MustOpenDB(t)) }

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) congtin.Service { return MustOpen(t) })
}

func TestReopenKeepsDataAndMigratesOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.db")
	db := sqlite.NewDB(path)
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	site := storetest.MustSite(t, app.New(db))
	storetest.MustImport(t, app.New(db), site.ID, storetest.Rec("Một bài", "Tin tức", site0()))
	db.Close()
	db = sqlite.NewDB(path)
	if err := db.Open(); err != nil {
		t.Fatalf("second open (migrations must not re-run): %v", err)
	}
	defer db.Close()
	_, n, err := db.FindArticles(t.Context(), congtin.ArticleFilter{SiteID: site.ID})
	if err != nil || n != 1 {
		t.Fatalf("after reopen: %d, %v", n, err)
	}
	if ok, err := db.IntegrityCheck(t.Context()); err != nil || ok != "ok" {
		t.Fatalf("integrity: %q %v", ok, err)
	}
}

func site0() time.Time { return time.Date(2020, 1, 1, 8, 0, 0, 0, congtin.VietnamZone) }

// TestMediaMigration: migration 0015 fills the image library's derived
// data for a database that had content before it.
func TestMediaMigration(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.db")
	storetest.MediaMigration(t, func(t *testing.T) (congtin.Service, *sql.DB) {
		db := storetest.MustOpenSQLite(t, path)
		return app.New(db), db.Pool()
	})
}
