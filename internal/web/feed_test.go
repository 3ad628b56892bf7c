package web_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/congtin/congtin"
)

// TestFeeds parses the site's and a category's RSS back with gofeed and
// compares each item with the database.
func TestFeeds(t *testing.T) {
	e := newEnv(t)
	res := fixture(e)
	withImage := congtin.ArticleImport{Title: "Khánh thành cầu mới", Lead: "Sáng nay, cầu mới được khánh thành.", Body: "<p>Nội dung.</p>",
		Category: "Kinh tế", Author: "PV", PublishedAt: time.Now().Add(-time.Hour).Format(time.RFC3339), Image: "/static/demo/bien.svg"}
	pic := e.mustImport(withImage)[0]
	parse := func(path string) *gofeed.Feed {
		t.Helper()
		f := mustFeed(t, e, path)
		if f.Language != "vi" {
			t.Fatalf("%s: language %q, want vi", path, f.Language)
		}
		return f
	}
	site := parse("/rss")
	if len(site.Items) != len(res)+1 {
		t.Fatalf("site feed: %d items, want %d", len(site.Items), len(res)+1)
	}
	top := site.Items[0]
	if top.Title != pic.Article.Title || top.Link != e.srv.URL+pic.Article.Path(pic.Category.Slug) || top.Description != withImage.Lead ||
		len(top.Categories) != 1 || top.Categories[0] != "Kinh tế" || top.PublishedParsed == nil || !top.PublishedParsed.Equal(pic.Article.PublishedAt) {
		t.Fatalf("first item %+v", top)
	}
	if len(top.Enclosures) != 1 || top.Enclosures[0].URL != e.srv.URL+"/static/demo/bien.svg" || top.Enclosures[0].Type != "image/svg+xml" {
		t.Fatalf("enclosure %+v", top.Enclosures)
	}
	if !strings.Contains(e.get("/rss").body, "+0700</pubDate>") {
		t.Fatal("pubDate not in Vietnam time")
	}
	cat := parse("/rss/" + res[0].Category.Slug)
	if len(cat.Items) != len(res) || !strings.Contains(cat.Title, res[0].Category.Name) {
		t.Fatalf("category feed: %q with %d items, want %d", cat.Title, len(cat.Items), len(res))
	}
	for _, it := range cat.Items {
		if it.Title == pic.Article.Title {
			t.Fatal("the category feed holds another category's article")
		}
	}
	for _, p := range []string{"/rss/khong-co-chuyen-muc-nay", "/rss/%ff", "/rss/" + strings.Repeat("a", 600)} {
		if r := e.get(p); r.status != http.StatusNotFound || !strings.Contains(r.body, "Không") {
			t.Errorf("%s: %d", p, r.status)
		}
	}
}
