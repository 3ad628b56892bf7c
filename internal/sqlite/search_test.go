package sqlite_test

import (
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
)

// TestSearchRelevance runs the project's relevance set through the SQLite
// store: FTS5 candidates, the shared Vietnamese ranking.
func TestSearchRelevance(t *testing.T) {
	db := MustOpen(t)
	storetest.RunRelevance(t, db)
}

// TestSearchFollowsChanges: the index follows unpublish, edit and
// re-publish at once, and a reindex rebuilds it.
func TestSearchFollowsChanges(t *testing.T) {
	db := MustOpen(t)
	site := storetest.MustSite(t, db)
	res := storetest.MustImport(t, db, site.ID, storetest.Rec("Khánh thành cầu Nậm Mu", "Tin tức", time.Date(2024, 1, 2, 8, 0, 0, 0, congtin.VietnamZone)))
	id := res[0].Article.ID
	find := func(q string) int {
		t.Helper()
		r, err := db.Search(t.Context(), congtin.SearchQuery{SiteID: site.ID, Q: q})
		if err != nil {
			t.Fatal(err)
		}
		return r.Total
	}
	if find("cau nam mu") != 1 {
		t.Fatal("not found after import")
	}
	if err := db.SetArticleStatus(t.Context(), site.ID, id, congtin.StatusUnpublished); err != nil {
		t.Fatal(err)
	}
	if find("cau nam mu") != 0 {
		t.Fatal("found after unpublish")
	}
	if err := db.SetArticleStatus(t.Context(), site.ID, id, congtin.StatusPublished); err != nil {
		t.Fatal(err)
	}
	if n, err := db.Reindex(t.Context()); err != nil || n != 1 || find("khánh thành") != 1 {
		t.Fatalf("reindex: %d %v", n, err)
	}
}
