package sqlite_test

import (
	"testing"

	"github.com/congtin/congtin/internal/storetest"
)

// TestSearchRelevance runs the project's relevance set through the SQLite
// store: FTS5 candidates, the shared Vietnamese ranking.
func TestSearchRelevance(t *testing.T) {
	db := MustOpen(t)
	storetest.RunRelevance(t, db)
}
