package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
)

// TestFeedList reads /kenh-rss as a visitor: the whole site's feed and one
// per visible category, nested as in the menu, each with its full address;
// every link answers a valid RSS feed; the footer links to the page, and
// home and category pages announce their feeds in the head.
func TestFeedList(t *testing.T) {
	e := newEnv(t)
	fixture(e) // Văn hóa - xã hội
	e.mustImport(
		storetest.Rec("Mùa lúa mới", "Kinh tế > Nông nghiệp", day0),
		storetest.Rec("Lịch tiếp công dân", "Thông báo", day0),
	)
	hidden, err := e.db.CreateCategory(t.Context(), congtin.SystemActor("test"), e.site.ID, congtin.CategoryInput{Name: "Chuyên mục ẩn", Hidden: true})
	if err != nil {
		t.Fatal(err)
	}
	e.sync()

	r := e.get("/kenh-rss")
	if r.status != http.StatusOK || r.doc == nil {
		t.Fatalf("/kenh-rss: %d %s", r.status, r.header.Get("Content-Type"))
	}
	if h := text(find(r.doc, tag("h1"))); h != "Kênh RSS" {
		t.Errorf("h1 %q, want Kênh RSS", h)
	}
	if title := text(find(r.doc, tag("title"))); !strings.HasPrefix(title, "Kênh RSS - ") {
		t.Errorf("title %q", title)
	}
	list := find(r.doc, class("feed-list"))
	if list == nil {
		t.Fatal("no .feed-list on /kenh-rss")
	}
	// Each entry: a link named after the feed, then its full address.
	type entry struct{ name, href, parent string }
	var entries []entry
	for _, a := range findAll(list, tag("a")) {
		li := a.Parent
		if li.Data != "li" {
			t.Fatalf("a feed link outside a list item: %s", text(a))
		}
		href := attr(a, "href")
		url := find(li, class("feed-url"))
		if url == nil || url.Parent != li || text(url) != e.srv.URL+href {
			t.Errorf("%s: the address shown is %q, want %q", text(a), text(url), e.srv.URL+href)
		}
		parent := ""
		if up := li.Parent.Parent; up != nil && up.Data == "li" {
			parent = text(find(up, tag("a")))
		}
		entries = append(entries, entry{text(a), href, parent})
	}
	want := []entry{
		{"Tin mới của toàn cổng", "/rss", ""},
		{"Văn hóa - xã hội", "/rss/van-hoa-xa-hoi", ""},
		{"Kinh tế", "/rss/kinh-te", ""},
		{"Nông nghiệp", "/rss/nong-nghiep", "Kinh tế"},
		{"Thông báo", "/rss/thong-bao", ""},
	}
	got := map[string]entry{}
	for _, en := range entries {
		got[en.href] = en
	}
	if len(entries) != len(want) {
		t.Errorf("/kenh-rss lists %d feeds, want %d: %+v", len(entries), len(want), entries)
	}
	if len(entries) > 0 && entries[0] != want[0] {
		t.Errorf("the first feed is %+v, want the whole site's", entries[0])
	}
	for _, w := range want {
		if got[w.href] != w {
			t.Errorf("feed %s: got %+v, want %+v", w.href, got[w.href], w)
		}
	}
	if strings.Contains(r.body, hidden.Slug) {
		t.Errorf("the hidden category %s is listed", hidden.Slug)
	}

	// Every link is a feed, and holds what its name says.
	for _, en := range entries {
		f := mustFeed(t, e, en.href)
		if en.href != "/rss" && !strings.Contains(f.Title, en.name) {
			t.Errorf("%s: feed title %q does not name %q", en.href, f.Title, en.name)
		}
		if len(f.Items) == 0 {
			t.Errorf("%s: an empty feed", en.href)
		}
	}
	if f := mustFeed(t, e, "/rss/kinh-te"); len(f.Items) != 1 || f.Items[0].Title != "Mùa lúa mới" {
		t.Errorf("/rss/kinh-te does not hold its child's article: %d items", len(f.Items))
	}

	// The footer of every page links here.
	for _, p := range []string{"/", "/van-hoa-xa-hoi", "/kenh-rss"} {
		footer := find(e.get(p).doc, tag("footer"))
		if a := find(footer, func(n *html.Node) bool { return n.Data == "a" && attr(n, "href") == "/kenh-rss" }); a == nil || text(a) != "Kênh RSS" {
			t.Errorf("%s: no Kênh RSS link in the footer", p)
		}
	}
	// Home and category pages announce their feeds.
	for p, feeds := range map[string][]string{
		"/":                   {"/rss"},
		"/van-hoa-xa-hoi":     {"/rss", "/rss/van-hoa-xa-hoi"},
		"/nong-nghiep":        {"/rss", "/rss/nong-nghiep"},
		"/tim-kiem?q=lua+moi": {"/rss"},
	} {
		head := find(e.get(p).doc, tag("head"))
		var hrefs []string
		for _, l := range findAll(head, func(n *html.Node) bool { return n.Data == "link" && attr(n, "rel") == "alternate" }) {
			if attr(l, "type") != "application/rss+xml" || attr(l, "title") == "" {
				t.Errorf("%s: alternate link %v", p, l.Attr)
			}
			hrefs = append(hrefs, attr(l, "href"))
		}
		if len(hrefs) != len(feeds) {
			t.Errorf("%s announces %q, want %q", p, hrefs, feeds)
			continue
		}
		for i, f := range feeds {
			if hrefs[i] != e.srv.URL+f {
				t.Errorf("%s announces %q, want %q", p, hrefs[i], e.srv.URL+f)
			}
			mustFeed(t, e, strings.TrimPrefix(hrefs[i], e.srv.URL))
		}
	}
}

// TestFeedListCached: the page is kept like the other pages, and a
// category change reaches it.
func TestFeedListCached(t *testing.T) {
	e := newEnv(t)
	res := fixture(e)
	first := e.get("/kenh-rss")
	hits0, _ := e.server.Cache.Stats()
	second := e.get("/kenh-rss")
	if hits, _ := e.server.Cache.Stats(); hits != hits0+1 {
		t.Errorf("the second request was not served from the cache (hits %d → %d)", hits0, hits)
	}
	if second.status != http.StatusOK || text(find(second.doc, class("feed-list"))) != text(find(first.doc, class("feed-list"))) {
		t.Errorf("the cached page differs: %d", second.status)
	}
	cat := res[0].Category
	if _, err := e.db.UpdateCategory(t.Context(), congtin.SystemActor("test"), e.site.ID, cat.ID, congtin.CategoryInput{Name: "Văn hóa và Đời sống", Slug: cat.Slug}); err != nil {
		t.Fatal(err)
	}
	e.sync()
	if r := e.get("/kenh-rss"); !strings.Contains(text(find(r.doc, class("feed-list"))), "Văn hóa và Đời sống") {
		t.Error("the renamed category's feed keeps its old name on /kenh-rss")
	}
	// Only GET and HEAD; the trailing slash goes to the page.
	if r := e.fetch(client(false), "HEAD", "/kenh-rss", browserUA); r.status != http.StatusOK {
		t.Errorf("HEAD /kenh-rss: %d", r.status)
	}
	if r := e.fetch(client(false), "POST", "/kenh-rss", browserUA); r.status != http.StatusMethodNotAllowed {
		t.Errorf("POST /kenh-rss: %d, want 405", r.status)
	}
	if r := e.get("/kenh-rss/"); r.status != http.StatusMovedPermanently || r.header.Get("Location") != "/kenh-rss" {
		t.Errorf("/kenh-rss/: %d to %q", r.status, r.header.Get("Location"))
	}
	// A category cannot take the page's address.
	if _, err := e.db.CreateCategory(t.Context(), congtin.SystemActor("test"), e.site.ID, congtin.CategoryInput{Name: "Kênh RSS"}); congtin.ErrorCode(err) != congtin.EINVALID {
		t.Errorf("a category named Kênh RSS: %v, want EINVALID", err)
	}
}

// mustFeed fetches path and parses it as RSS 2.0.
func mustFeed(t *testing.T, e *env, path string) *gofeed.Feed {
	t.Helper()
	r := e.get(path)
	if r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), "application/rss+xml") {
		t.Fatalf("%s: %d %s", path, r.status, r.header.Get("Content-Type"))
	}
	f, err := gofeed.NewParser().ParseString(r.body)
	if err != nil {
		t.Fatalf("%s does not parse: %v", path, err)
	}
	if f.FeedType != "rss" || f.FeedVersion != "2.0" {
		t.Fatalf("%s: %s %s", path, f.FeedType, f.FeedVersion)
	}
	return f
}
