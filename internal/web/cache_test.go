package web_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
	"golang.org/x/net/html"
)

// views reads the "Số lượt người xem" number off an article page.
func views(t *testing.T, r *response) int64 {
	t.Helper()
	n := find(r.doc, func(n *html.Node) bool { return attr(n, "data-views") != "" })
	if n == nil {
		t.Fatalf("no view count on the page (status %d)", r.status)
	}
	v, err := strconv.ParseInt(attr(n, "data-views"), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestCachedPagesKeepCountersLive: once an article page is cached, every
// view still counts and each reader sees the exact number, and the visit
// counter moves on cached pages too.
func TestCachedPagesKeepCountersLive(t *testing.T) {
	e := newEnv(t)
	res := fixture(e)
	path := res[11].Article.Path(res[11].Category.Slug)
	hits0, _ := e.server.Cache.Stats()
	for i := 1; i <= 20; i++ {
		if got := views(t, e.get(path)); got != int64(i) {
			t.Fatalf("view %d shows %d", i, got)
		}
	}
	if hits, _ := e.server.Cache.Stats(); hits-hits0 < 19 {
		t.Fatalf("%d cache hits for 20 views of one page", hits-hits0)
	}
	total := func(r *response) string {
		return attr(find(r.doc, func(n *html.Node) bool { return attr(n, "data-total") != "" }), "data-total")
	}
	a, b := total(e.get("/")), total(e.get("/"))
	if a == b {
		t.Fatalf("the visit counter stood still on the cached home page: %s, %s", a, b)
	}
}

// TestEditsReachCachedPages: publishing, editing, unpublishing and
// renaming a category each show at once on pages that were cached.
func TestEditsReachCachedPages(t *testing.T) {
	e := newEnv(t)
	res := fixture(e)
	a := res[11].Article
	path := a.Path(res[11].Category.Slug)
	catPath := "/" + res[11].Category.Slug
	// The home page lists newer articles; it is checked on publish below.
	for _, p := range []string{path, catPath, "/theo-ngay?ngay=2019-10-01"} {
		if r := e.get(p); r.status != 200 || !strings.Contains(r.body, a.Title) {
			t.Fatalf("%s: %d, or the article is not on it", p, r.status)
		}
	}
	// Edit: re-import with a new title.
	rec := congtin.ArticleImport{Title: "Tiêu đề đã sửa về an ninh trật tự", Lead: a.Lead, Body: a.Body, Category: "Văn hóa - xã hội",
		Author: a.Author, PublishedAt: a.PublishedAt.Format(time.RFC3339), ExternalID: "bai-chinh"}
	e.mustImport(rec)
	newPath := strings.Replace(path, "day-manh-cong-tac-chuyen-hoa-dia-ban-trong-diem-ve-an-ninh-trat-tu", "tieu-de-da-sua-ve-an-ninh-trat-tu", 1)
	for _, p := range []string{newPath, catPath, "/theo-ngay?ngay=2019-10-01"} {
		if r := e.get(p); !strings.Contains(r.body, "Tiêu đề đã sửa") {
			t.Errorf("%s after the edit: %d, new title missing", p, r.status)
		}
	}
	// Publish: a new article shows on the cached category and home pages.
	e.get("/")
	e.mustImport(storetest.Rec("Bài mới xuất bản hôm nay", "Văn hóa - xã hội", time.Now().Add(-time.Minute)))
	for _, p := range []string{catPath, "/"} {
		if r := e.get(p); !strings.Contains(r.body, "Bài mới xuất bản hôm nay") {
			t.Errorf("%s: the new article is missing", p)
		}
	}
	// Unpublish.
	if err := e.db.SetArticleStatus(t.Context(), e.site.ID, a.ID, congtin.StatusUnpublished); err != nil {
		t.Fatal(err)
	}
	e.sync()
	if r := e.get(newPath); r.status != http.StatusGone {
		t.Errorf("unpublished article: %d, want 410", r.status)
	}
	for _, p := range []string{catPath, "/", "/theo-ngay?ngay=2019-10-01"} {
		if r := e.get(p); strings.Contains(r.body, "Tiêu đề đã sửa") {
			t.Errorf("%s still lists the unpublished article", p)
		}
	}
	// Category rename: every cached page's menu changes.
	cat := res[0].Category
	if _, err := e.db.UpdateCategory(t.Context(), congtin.SystemActor("test"), e.site.ID, cat.ID, congtin.CategoryInput{Name: "Văn hóa và Đời sống", Slug: cat.Slug}); err != nil {
		t.Fatal(err)
	}
	e.sync()
	for _, p := range []string{res[0].Article.Path(cat.Slug), "/"} {
		if r := e.get(p); !strings.Contains(r.body, "Văn hóa và Đời sống") {
			t.Errorf("%s: the renamed category is not in the menu", p)
		}
	}
}

// TestScheduledArticleAppearsOnCachedPages: no write marks the moment a
// scheduled article goes live, yet cached lists show it from then on.
func TestScheduledArticleAppearsOnCachedPages(t *testing.T) {
	e := newEnv(t)
	fixture(e)
	at := time.Now().Add(1200 * time.Millisecond)
	e.mustImport(storetest.Rec("Thông báo lịch tiếp công dân", "Văn hóa - xã hội", at))
	if r := e.get("/"); strings.Contains(r.body, "Thông báo lịch tiếp công dân") {
		t.Fatal("the scheduled article shows before its time")
	}
	time.Sleep(time.Until(at) + 100*time.Millisecond)
	e.sync()
	if r := e.get("/"); !strings.Contains(r.body, "Thông báo lịch tiếp công dân") {
		t.Fatal("the scheduled article is missing from the cached home page after its time")
	}
}

// TestConditionalAndCompressed: ETag revalidation gives 304 while nothing
// on the page changed, 200 once the counters moved; gzip responses decode
// to the same page.
func TestConditionalAndCompressed(t *testing.T) {
	e := newEnv(t)
	res := fixture(e)
	path := res[11].Article.Path(res[11].Category.Slug)
	c := client(false)
	// A crawler's requests count nothing, so the page stays the same.
	first := e.fetch(c, "GET", path, googlebotUA)
	etag := first.header.Get("ETag")
	if etag == "" || first.header.Get("Last-Modified") == "" {
		t.Fatalf("no validators: %v", first.header)
	}
	if r := e.fetch(c, "GET", path, googlebotUA, "If-None-Match", etag); r.status != http.StatusNotModified || r.body != "" {
		t.Fatalf("revalidation: %d with %d bytes, want 304", r.status, len(r.body))
	}
	if r := e.fetch(c, "GET", path, googlebotUA, "If-None-Match", `W/"other"`); r.status != http.StatusOK {
		t.Fatalf("wrong ETag: %d", r.status)
	}
	// A reader's view moves the count: the old copy is stale.
	if r := e.fetch(c, "GET", path, browserUA, "If-None-Match", etag); r.status != http.StatusOK {
		t.Fatalf("after a counted view: %d, want 200", r.status)
	}

	req, _ := http.NewRequest("GET", e.srv.URL+path, nil)
	req.Header.Set("User-Agent", googlebotUA)
	req.Header.Set("Accept-Encoding", "gzip, deflate, br")
	resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.Header.Get("Content-Encoding") != "gzip" || !strings.Contains(resp.Header.Get("Vary"), "Accept-Encoding") {
		t.Fatalf("not gzipped: %v", resp.Header)
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("gzip body does not decode: %v", err)
	}
	again := e.fetch(c, "GET", path, googlebotUA)
	if string(plain) != again.body {
		t.Fatalf("gzip body (%d bytes) differs from the plain page (%d bytes)", len(plain), len(again.body))
	}
	if len(raw)*2 > len(plain) {
		t.Errorf("gzip %d bytes for a %d-byte page", len(raw), len(plain))
	}
}

// TestSearchPagesFollowPublishing: a cached result page shows an article
// published after it was cached.
func TestSearchPagesFollowPublishing(t *testing.T) {
	e := newEnv(t)
	fixture(e)
	const path = "/tim-kiem?q=lich+tiep+cong+dan"
	if r := e.get(path); r.status != 200 || strings.Contains(r.body, "Lịch tiếp công dân tháng Mười") {
		t.Fatalf("before: %d", r.status)
	}
	e.get(path)
	e.mustImport(storetest.Rec("Lịch tiếp công dân tháng Mười", "Văn hóa - xã hội", time.Now().Add(-time.Hour)))
	if r := e.get(path); !strings.Contains(r.body, "Lịch tiếp công dân tháng Mười") {
		t.Fatal("the cached result page does not show the new article")
	}
}
