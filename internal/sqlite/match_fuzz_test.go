package sqlite

import (
	"context"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
	"github.com/congtin/congtin/internal/sqlstore"
)

// FuzzFTSMatch runs the FTS5 match expressions the store builds from any
// reader's query (articles' words, pairs and phrase, each relaxed level,
// a date range; the back office's key search; the documents register)
// against the real tables of an in-memory database: a syntax error from
// FTS5 is a failure. The database is opened once per fuzzing process.
func FuzzFTSMatch(f *testing.F) {
	for _, s := range []string{
		`"ủy ban nhân dân" tỉnh`,
		`UBND huyện NEAR(xã phường) title:covid*`,
		`bảo hiểm y tế học sinh sinh viên năm học 2024 2025 đóng mức`,
		`"an toàn" "giao thông"`,
		`AND OR NOT`,
	} {
		f.Add(s)
	}
	db := NewDB(":memory:")
	if err := db.Open(); err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { db.Close() })
	d := &dialect{search: db.db}
	ctx := context.Background()
	now := time.Date(2025, 3, 1, 0, 0, 0, 0, congtin.VietnamZone)
	f.Fuzz(func(t *testing.T, s string) {
		q := search.ParseQuery(s)
		if q.Empty() {
			return // every caller stops here: nothing to match
		}
		queries := []*search.Query{q}
		for _, need := range q.RelaxLevels() {
			queries = append(queries, q.Relaxed(need))
		}
		for _, q := range queries {
			for _, sq := range []congtin.SearchQuery{
				{SiteID: 1, Now: now},
				{SiteID: 1, Now: now, CategoryIDs: []int64{2, 3}, From: now.AddDate(0, -3, 0), To: now},
			} {
				as := d.ArticleSearch(db.DB, sq, q)
				for _, m := range []sqlstore.Match{sqlstore.MatchWords, sqlstore.MatchPairs, sqlstore.MatchPhrase} {
					if _, err := as.Count(ctx, m, 10); err != nil {
						t.Fatalf("ParseQuery(%q) (need %d), match %d: %v", s, q.Need, m, err)
					}
				}
			}
			sub, arg := d.KeyMatch("article_keys", "article_id", q)
			if _, err := db.db.ExecContext(ctx, sub, arg); err != nil {
				t.Fatalf("ParseQuery(%q) (need %d): key match %q: %v", s, q.Need, arg, err)
			}
			cond, arg := d.DocumentMatch(q)
			if _, err := db.db.ExecContext(ctx, "SELECT d.id FROM documents d WHERE "+cond, arg); err != nil {
				t.Fatalf("ParseQuery(%q) (need %d): document match %q: %v", s, q.Need, arg, err)
			}
		}
	})
}
