package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/congtin/congtin"
)

// TestPreviewDraft: a draft's signed link draws it in the portal's layout
// (header, menu, the category's older articles, the counters) with the
// banner outside the article, and changes nothing: no visit, no view, no
// cookie, nothing kept by the page cache or by browsers, nothing for
// search engines; an edit shows at once. The draft's public address stays
// a 404.
func TestPreviewDraft(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	old := e.mustImport(congtin.ArticleImport{Title: "Tin đã đăng hôm trước", Lead: "Sapo", Body: "<p>Cũ</p>", Category: "Tin tức",
		Author: "PV", PublishedAt: "2026-01-05T08:00:00+07:00"})[0]
	sys := congtin.SystemActor("test")
	draft, err := e.db.CreateArticle(ctx, sys, e.site.ID, congtin.ArticleInput{CategoryID: old.Category.ID, Title: "Dự thảo chưa đăng",
		Lead: "Sapo của dự thảo", Body: "<p>Đoạn văn của dự thảo.</p>", Author: "Phóng viên"})
	if err != nil {
		t.Fatal(err)
	}
	_, link, err := e.db.PreviewLink(ctx, sys, draft.Item().Ref)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.counter.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	before, err := e.counter.VisitStats(ctx, e.site)
	if err != nil {
		t.Fatal(err)
	}
	hits, misses := e.server.Cache.Stats()
	cached := e.server.Cache.Len()

	c := client(true)
	r := e.fetch(c, "GET", link.Path(), browserUA)
	if r.status != http.StatusOK {
		t.Fatalf("preview: %d\n%.600s", r.status, r.body)
	}
	if got := text(find(r.doc, class("title"))); got != draft.Title {
		t.Fatalf("the preview's title is %q", got)
	}
	if got := text(find(r.doc, class("lead"))); got != draft.Lead {
		t.Fatalf("the preview's lead is %q", got)
	}
	// The portal's layout: header, menu, the sidebar's counter, the
	// category's older news.
	if find(r.doc, class("site-header")) == nil || find(r.doc, class("menu")) == nil || find(r.doc, class("counter")) == nil {
		t.Fatal("the preview is not in the portal's layout")
	}
	older := find(r.doc, class("older"))
	if !strings.Contains(text(older), old.Article.Title) {
		t.Fatalf("TIN ĐÃ ĐƯA does not list the category's older article: %q", text(older))
	}
	// Dated as publishing it now would date it.
	if got := text(find(r.doc, class("dateline"))); !strings.Contains(got, time.Now().In(congtin.VietnamZone).Format("02/01/2006")) {
		t.Fatalf("the preview is dated %q, want today", got)
	}
	// The banner, outside the article and outside main.
	banner := find(r.doc, class("preview-banner"))
	if banner == nil || !strings.Contains(text(banner), "Bản xem trước — chưa xuất bản") || !strings.Contains(text(banner), "Trạng thái: Nháp") {
		t.Fatalf("banner: %q", text(banner))
	}
	for p := banner.Parent; p != nil; p = p.Parent {
		if p.Data == "main" || p.Data == "article" {
			t.Fatal("the banner is inside the content")
		}
	}
	// Nothing for search engines, caches, or the reader's cookies.
	if robots := find(r.doc, func(n *html.Node) bool { return n.Data == "meta" && attr(n, "name") == "robots" }); robots == nil ||
		!strings.Contains(attr(robots, "content"), "noindex") {
		t.Fatal("no robots noindex meta")
	}
	if !strings.Contains(r.header.Get("X-Robots-Tag"), "noindex") || r.header.Get("Cache-Control") != "no-store" ||
		r.header.Get("Referrer-Policy") != "no-referrer" || r.header.Get("Set-Cookie") != "" || r.header.Get("ETag") != "" {
		t.Fatalf("headers: %v", r.header)
	}
	if xfo, csp := r.header.Get("X-Frame-Options"), r.header.Get("Content-Security-Policy"); xfo != "SAMEORIGIN" || !strings.Contains(csp, "frame-ancestors 'self'") {
		t.Fatalf("the preview may be framed by other sites: %q, %q", xfo, csp)
	}
	if find(r.doc, func(n *html.Node) bool { return n.Data == "link" && attr(n, "rel") == "canonical" }) != nil ||
		find(r.doc, func(n *html.Node) bool { return n.Data == "meta" && strings.HasPrefix(attr(n, "property"), "og:") }) != nil {
		t.Fatal("the preview announces a canonical address or Open Graph tags")
	}
	if find(r.doc, class("print")) != nil {
		t.Fatal("the preview links to a print view the draft does not have")
	}
	if !strings.HasPrefix(text(find(r.doc, tag("title"))), "[Xem trước] ") {
		t.Fatalf("the window's title %q does not say it is a preview", text(find(r.doc, tag("title"))))
	}

	// An edit shows at once: nothing was kept (no change log read here).
	if _, err := e.db.UpdateArticle(ctx, sys, e.site.ID, draft.ID, congtin.ArticleInput{CategoryID: draft.CategoryID,
		Title: "Dự thảo đã sửa", Lead: draft.Lead, Body: draft.Body}); err != nil {
		t.Fatal(err)
	}
	r = e.fetch(c, "GET", link.Path(), browserUA)
	if got := text(find(r.doc, class("title"))); r.status != http.StatusOK || got != "Dự thảo đã sửa" {
		t.Fatalf("after an edit: %d %q", r.status, got)
	}
	if h, m := e.server.Cache.Stats(); h != hits || m != misses || e.server.Cache.Len() != cached {
		t.Fatalf("the page cache was asked or filled: %d/%d hits/misses → %d/%d, %d → %d entries", hits, misses, h, m, cached, e.server.Cache.Len())
	}
	if r := e.get(draft.Path(old.Category.Slug)); r.status != http.StatusNotFound {
		t.Fatalf("the draft's public address answers %d", r.status)
	}

	// No visit, no view.
	if err := e.counter.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	after, err := e.counter.VisitStats(ctx, e.site)
	if err != nil {
		t.Fatal(err)
	}
	views, err := e.counter.ArticleViews(ctx, e.site.ID, draft.ID)
	if err != nil {
		t.Fatal(err)
	}
	if after.Total != before.Total || views != 0 {
		t.Fatalf("previews counted: visits %d → %d, views %d", before.Total, after.Total, views)
	}

	// A HEAD is answered; a POST is not.
	if r := e.fetch(c, "HEAD", link.Path(), browserUA); r.status != http.StatusOK {
		t.Fatalf("HEAD: %d", r.status)
	}
	if r := e.fetch(c, "POST", link.Path(), browserUA); r.status != http.StatusMethodNotAllowed {
		t.Fatalf("POST: %d", r.status)
	}
}

// TestPreviewLinkRefused: a forged or altered link gets a Vietnamese 403
// page and an expired one (checked in package app) a 410; neither shows
// the article, and both keep out of caches and search engines.
func TestPreviewLinkRefused(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	res := e.mustImport(congtin.ArticleImport{Title: "Tin đã đăng", Body: "<p>x</p>", Category: "Tin tức", PublishedAt: "2026-01-05T08:00:00+07:00"})
	sys := congtin.SystemActor("test")
	draft, err := e.db.CreateArticle(ctx, sys, e.site.ID, congtin.ArticleInput{CategoryID: res[0].Category.ID, Title: "Bí mật chưa đăng", Body: "<p>y</p>"})
	if err != nil {
		t.Fatal(err)
	}
	_, link, err := e.db.PreviewLink(ctx, sys, draft.Item().Ref)
	if err != nil {
		t.Fatal(err)
	}
	good, _ := url.Parse(link.Path())
	change := func(f func(path string, q url.Values) string) string {
		q := good.Query()
		p := f(good.Path, q)
		return p + "?" + q.Encode()
	}
	for name, path := range map[string]string{
		"a changed signature": change(func(p string, q url.Values) string { q.Set("ky", "A"+q.Get("ky")[1:]); return p }),
		"a later expiry": change(func(p string, q url.Values) string {
			q.Set("han", "9"+q.Get("han")[1:])
			return p
		}),
		"another article": change(func(p string, q url.Values) string {
			return "/xem-truoc/bai-viet/" + strconv.FormatInt(res[0].Article.ID, 10)
		}),
		"another kind":      change(func(p string, q url.Values) string { return strings.Replace(p, "/bai-viet/", "/van-ban/", 1) }),
		"an unknown kind":   change(func(p string, q url.Values) string { return strings.Replace(p, "/bai-viet/", "/hoi-dap/", 1) }),
		"another site":      change(func(p string, q url.Values) string { q.Set("cong", "2"); return p }),
		"no signature":      change(func(p string, q url.Values) string { q.Del("ky"); return p }),
		"no expiry":         change(func(p string, q url.Values) string { q.Del("han"); return p }),
		"a non-numeric ID":  change(func(p string, q url.Values) string { return strings.Replace(p, "/bai-viet/", "/bai-viet/x", 1) }),
		"no query":          good.Path,
		"invalid UTF-8 key": change(func(p string, q url.Values) string { q.Set("ky", "\xff\xfe"); return p }),
	} {
		r := e.get(path)
		if r.status != http.StatusForbidden {
			t.Errorf("%s: %d, want 403", name, r.status)
			continue
		}
		if h1 := text(find(r.doc, tag("h1"))); h1 != "Liên kết xem trước không hợp lệ" || strings.Contains(r.body, draft.Title) {
			t.Errorf("%s: heading %q, or the article shown", name, h1)
		}
		if r.header.Get("Cache-Control") != "no-store" || !strings.Contains(r.header.Get("X-Robots-Tag"), "noindex") {
			t.Errorf("%s: headers %v", name, r.header)
		}
	}
	// The genuine link still works.
	if r := e.get(link.Path()); r.status != http.StatusOK {
		t.Fatalf("the genuine link: %d", r.status)
	}
}
