package sqlstore_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/sqlite"
	"github.com/congtin/congtin/internal/storetest"
)

// TestConsultationMediaBackfill: a database written before migration 0028
// has consultations whose drafts show images of the library; the
// migration records those uses, so the library no longer takes the
// images for unused.
func TestConsultationMediaBackfill(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.db")
	db := sqlite.NewDB(path)
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	svc := app.New(db)
	site := storetest.MustSite(t, svc)
	actor := congtin.Actor{User: &congtin.User{Username: "seed", SuperAdmin: true}}
	hash := strings.Repeat("ab", 32)
	in := storetest.ConsultationInput(time.Date(2026, 3, 2, 9, 0, 0, 0, congtin.VietnamZone))
	in.Body = `<p>Dự thảo</p><img src="/media/ab/` + hash + `-640.jpg" alt="Sơ đồ">`
	k, err := svc.CreateConsultation(t.Context(), actor, site.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	// Back to 0027: no comments table, no report file columns, no uses
	// of consultations recorded.
	for _, q := range []string{
		`DELETE FROM media_uses`,
		`DROP TABLE consultation_comments`,
		`ALTER TABLE consultations DROP COLUMN report_file_name`,
		`ALTER TABLE consultations DROP COLUMN report_file_kind`,
		`ALTER TABLE consultations DROP COLUMN report_file_size`,
		`ALTER TABLE consultations DROP COLUMN report_file_hash`,
		`DELETE FROM migrations WHERE name = 'migrations/0028_consultation_comments.sql'`,
	} {
		if _, err := db.Pool().Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	db = sqlite.NewDB(path)
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var kind string
	var id int64
	if err := db.Pool().QueryRow(`SELECT kind, item_id FROM media_uses WHERE hash = ?`, hash).Scan(&kind, &id); err != nil || kind != "consultation" || id != k.ID {
		t.Fatalf("use after the migration: %q %d, %v", kind, id, err)
	}
}
