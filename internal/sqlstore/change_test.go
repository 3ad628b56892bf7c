package sqlstore_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/sqlite"
	"github.com/congtin/congtin/internal/sqlstore"
)

// TestWentLiveUsesIndex: the change watcher's query must not scan the
// articles table, which holds every body (SQLite's plan).
func TestWentLiveUsesIndex(t *testing.T) {
	db := sqlite.NewDB(filepath.Join(t.TempDir(), "c.db"))
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Pool().Query(`EXPLAIN QUERY PLAN `+sqlstore.WentLiveQuery, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if p := strings.Join(plan, "; "); !strings.Contains(p, "USING INDEX articles_status_pub") {
		t.Fatalf("plan: %s", p)
	}
}
