package web_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/counters"
	"github.com/congtin/congtin/internal/render"
	"github.com/congtin/congtin/internal/sqlite"
	"github.com/congtin/congtin/internal/static"
	"github.com/congtin/congtin/internal/web"
)

// BenchmarkUncachedArchive renders article pages of a deep archive, each
// once in turn over 20,000 of them, without the page cache: the long tail
// of crawlers and old links. It needs a generated portal (a copy of
// loadbench's: CONGTIN_BENCH_DB=/path/to/congtin.db), which it writes
// views into, and is run by hand:
//
//	CONGTIN_BENCH_DB=/tmp/bench100k.db go test ./internal/web -run X -bench UncachedArchive -cpuprofile cpu.out
func BenchmarkUncachedArchive(b *testing.B) {
	path := os.Getenv("CONGTIN_BENCH_DB")
	if path == "" {
		b.Skip("set CONGTIN_BENCH_DB to a copy of a generated portal (cmd/loadbench's congtin.db)")
	}
	raw := sqlite.NewDB(path)
	if err := raw.Open(); err != nil {
		b.Fatal(err)
	}
	defer raw.Close()
	db := app.New(raw)
	ctx := b.Context()
	site, err := db.DefaultSite(ctx)
	if err != nil {
		b.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	assets, _ := static.New()
	engine, err := render.New(assets.URL)
	if err != nil {
		b.Fatal(err)
	}
	c := counters.New(db, time.Second, log)
	c.Start()
	defer c.Close()
	// As `congtin serve` runs it, the change log watched (the site and its
	// menus kept in memory), but no page cache.
	s := &web.Server{Services: web.NewServices(db), Counter: c, Render: engine, Assets: assets, Log: log, Changes: raw}
	if err := s.SyncChanges(ctx); err != nil {
		b.Fatal(err)
	}
	as, _, err := db.FindArticles(ctx, congtin.ArticleFilter{SiteID: site.ID, Limit: 20000, Offset: 30000})
	if err != nil || len(as) == 0 {
		b.Fatalf("%d articles, %v", len(as), err)
	}
	cats, err := db.FindCategories(ctx, site.ID)
	if err != nil {
		b.Fatal(err)
	}
	slug := map[int64]string{}
	for _, cat := range cats {
		slug[cat.ID] = cat.Slug
	}
	paths := make([]string, len(as))
	for i, a := range as {
		paths[i] = a.Path(slug[a.CategoryID])
	}
	h := s.Handler()
	b.ReportAllocs()
	i := 0
	cpu0 := cpuTime()
	for b.Loop() {
		req := httptest.NewRequest("GET", paths[i%len(paths)], nil)
		req.Header.Set("User-Agent", browserUA)
		req.Header.Set("Accept-Encoding", "gzip")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("%s: %d", paths[i%len(paths)], rec.Code)
		}
		i++
	}
	// The target is CPU, not wall time: this 2-core machine is shared, and
	// the process's CPU time (every goroutine, the GC and SQLite's reads
	// included) is what waiting for a core does not change.
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
