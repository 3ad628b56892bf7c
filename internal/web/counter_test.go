package web_test

import (
	"context"
	"errors"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"golang.org/x/net/html"
)

func (e *env) views(path string) int64 {
	e.t.Helper()
	// A crawler's fetch shows the exact count without adding to it.
	r := e.fetch(client(false), "GET", path, googlebotUA)
	v, err := strconv.ParseInt(attr(find(r.doc, func(n *html.Node) bool { return attr(n, "data-views") != "" }), "data-views"), 10, 64)
	if err != nil {
		e.t.Fatalf("no view count on %s: %v", path, err)
	}
	return v
}

func (e *env) visits() int64 {
	e.t.Helper()
	r := e.fetch(client(false), "GET", "/", googlebotUA)
	v, err := strconv.ParseInt(attr(find(r.doc, class("odometer")), "data-total"), 10, 64)
	if err != nil {
		e.t.Fatalf("no visit total: %v", err)
	}
	return v
}

func TestViewCounting(t *testing.T) {
	e := newEnv(t)
	res := fixture(e)
	path := res[11].Article.Path("van-hoa-xa-hoi")
	start := e.views(path)

	// 100 readers, some at the same time, while batches are flushed.
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 25 {
				if r := e.fetch(client(w%2 == 0), "GET", path, browserUA); r.status != 200 {
					t.Errorf("status %d", r.status)
				}
			}
		}()
	}
	wg.Wait()
	if got := e.views(path); got != start+100 {
		t.Fatalf("after 100 browser GETs: %d, want %d", got, start+100)
	}
	// The page shows the count including the current view.
	r := e.get(path)
	if got := attr(find(r.doc, func(n *html.Node) bool { return attr(n, "data-views") != "" }), "data-views"); got != strconv.FormatInt(start+101, 10) {
		t.Fatalf("shown %s, want %d", got, start+101)
	}

	// Crawlers, HEAD requests, prefetches and scripts count nothing.
	c := client(false)
	for range 100 {
		e.fetch(c, "GET", path, googlebotUA)
	}
	for _, ua := range []string{"Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", "SomeCrawler/1.0", "my-spider", "curl/8.5.0", ""} {
		e.fetch(c, "GET", path, ua)
	}
	e.fetch(c, "HEAD", path, browserUA)
	e.fetch(c, "GET", path, browserUA, "Sec-Purpose", "prefetch")
	e.fetch(c, "GET", path, browserUA, "Purpose", "prefetch")
	e.fetch(c, "GET", path, browserUA, "X-Moz", "prefetch")
	if got := e.views(path); got != start+101 {
		t.Fatalf("after bots and prefetches: %d, want %d", got, start+101)
	}

	// Everything reaches the database once the counter closes.
	if err := e.counter.Close(); err != nil {
		t.Fatal(err)
	}
	stored, err := e.db.ArticleViews(t.Context(), res[11].Article.ID)
	if err != nil || stored != start+101 {
		t.Fatalf("stored %d, %v; want %d", stored, err, start+101)
	}
}

func TestVisitCounting(t *testing.T) {
	e := newEnv(t)
	res := fixture(e)
	start := e.visits()

	// Five visitors without cookies: five visits.
	for range 5 {
		e.fetch(client(false), "GET", "/", browserUA)
	}
	if got := e.visits(); got != start+5 {
		t.Fatalf("5 cookie-less visitors: %d, want %d", got, start+5)
	}
	// One visitor browsing several pages with cookies: one visit.
	c := client(true)
	for _, p := range []string{"/", "/van-hoa-xa-hoi", res[3].Article.Path("van-hoa-xa-hoi"), "/theo-ngay?ngay=2019-10-01", "/"} {
		if r := e.fetch(c, "GET", p, browserUA); r.status != 200 {
			t.Fatalf("%s: %d", p, r.status)
		}
	}
	if got := e.visits(); got != start+6 {
		t.Fatalf("one visitor with cookies: %d, want %d", got, start+6)
	}
	// Bots are not visits; the visitor shows as active and today.
	for range 10 {
		e.fetch(client(false), "GET", "/", googlebotUA)
	}
	r := e.fetch(client(false), "GET", "/", googlebotUA)
	if got := attr(find(r.doc, class("odometer")), "data-total"); got != strconv.FormatInt(start+6, 10) {
		t.Fatalf("after bots: %s, want %d", got, start+6)
	}
	if today := attr(find(r.doc, func(n *html.Node) bool { return attr(n, "data-today") != "" }), "data-today"); today != "6" {
		t.Errorf("today %s, want 6", today)
	}
	if active := attr(find(r.doc, func(n *html.Node) bool { return attr(n, "data-active") != "" }), "data-active"); active != "6" {
		t.Errorf("active %s, want 6", active)
	}
}

// downStore fails the article lists while down, as a store does when its
// database cannot be reached.
type downStore struct {
	*app.App
	down atomic.Bool
}

func (s *downStore) FindArticles(ctx context.Context, f congtin.ArticleFilter) ([]*congtin.Article, int, error) {
	if s.down.Load() {
		return nil, 0, congtin.Unavailable(errors.New("connection refused"))
	}
	return s.App.FindArticles(ctx, f)
}

// TestErrorPageCountsNoView: a reader who gets the 503 page instead of the
// article has not read it, and the view count says so; the cached page
// keeps being served, and counted, while the lists cannot be read.
func TestErrorPageCountsNoView(t *testing.T) {
	e := newEnv(t)
	ds := &downStore{App: e.db}
	e.server.Articles = ds
	res := fixture(e)
	a := res[3].Article
	path := a.Path("van-hoa-xa-hoi")
	count := func() int64 {
		t.Helper()
		n, err := e.counter.ArticleViews(t.Context(), e.site.ID, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	start := count()
	ds.down.Store(true)
	for range 3 {
		if r := e.get(path); r.status != 503 || r.header.Get("Retry-After") == "" {
			t.Fatalf("uncached page with the lists down: %d, Retry-After %q", r.status, r.header.Get("Retry-After"))
		}
	}
	if got := count(); got != start {
		t.Fatalf("%d views after three error pages, want %d", got, start)
	}
	ds.down.Store(false)
	if r := e.get(path); r.status != 200 {
		t.Fatalf("status %d", r.status)
	}
	ds.down.Store(true)
	if r := e.get(path); r.status != 200 {
		t.Fatalf("cached page with the lists down: %d", r.status)
	}
	if got := count(); got != start+2 {
		t.Fatalf("%d views after two pages served, want %d", got, start+2)
	}
}
