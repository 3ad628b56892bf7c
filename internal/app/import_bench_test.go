package app_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/corpus"
	"github.com/congtin/congtin/internal/pgtest"
	"github.com/congtin/congtin/internal/storetest"
)

// TestMain stops the throwaway PostgreSQL the benchmark may start.
func TestMain(m *testing.M) { pgtest.Main(m) }

// BenchmarkImportArticles imports 2,000 articles of 800 words (or
// CONGTIN_BENCH_ARTICLES, to profile a larger import) into a new database
// per iteration, in one all-or-nothing transaction, as `congtin import`
// does; it reports articles per second. Issue 15's targets for 100,000:
// under a minute on SQLite (1,667/s), under two on PostgreSQL (834/s).
// The PostgreSQL server is pgtest's (fsync off: it measures the work,
// not the disk).
func BenchmarkImportArticles(b *testing.B) {
	n := 2000
	if s := os.Getenv("CONGTIN_BENCH_ARTICLES"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n < 1 {
			b.Fatalf("CONGTIN_BENCH_ARTICLES=%q: want a positive number", s)
		}
	}
	g := corpus.New(rand.New(rand.NewPCG(7, 12)))
	start := time.Date(2018, 1, 1, 7, 30, 0, 0, congtin.VietnamZone)
	recs := make([]congtin.ArticleImport, n)
	for j := range recs {
		recs[j] = congtin.ArticleImport{Title: g.Title(), Lead: g.Lead(), Body: g.Body(800),
			Category: fmt.Sprintf("Chuyên mục %d", j%5+1) + congtin.CategoryPathSep + fmt.Sprintf("Chuyên đề %d", j%20+1),
			Author:   "Phóng viên", PublishedAt: start.Add(time.Duration(j) * time.Hour).Format(time.RFC3339), ExternalID: fmt.Sprintf("b-%d", j)}
	}
	run := func(b *testing.B, open func(b *testing.B) congtin.Store) {
		var took time.Duration
		for b.Loop() {
			b.StopTimer()
			a := app.New(open(b))
			site, err := a.DefaultSite(b.Context())
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			t := time.Now()
			if _, err := a.ImportArticles(b.Context(), site.ID, recs); err != nil {
				b.Fatal(err)
			}
			took += time.Since(t)
		}
		b.ReportMetric(float64(n*b.N)/took.Seconds(), "articles/s")
	}
	b.Run("sqlite", func(b *testing.B) {
		run(b, func(b *testing.B) congtin.Store {
			return storetest.MustOpenSQLite(b, filepath.Join(b.TempDir(), "congtin.db"))
		})
	})
	b.Run("postgres", func(b *testing.B) {
		run(b, func(b *testing.B) congtin.Store { return storetest.MustOpenPostgres(b, pgtest.URL(b)) })
	})
}
