package web_test

import (
	"encoding/xml"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/storetest"
)

// Parsed back with namespaces, as a crawler reads them.
type smIndex struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Locs    []string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemap>loc"`
}

type smURLSet struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc     string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 loc"`
		LastMod string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 lastmod"`
		News    *struct {
			Name     string `xml:"http://www.google.com/schemas/sitemap-news/0.9 publication>name"`
			Language string `xml:"http://www.google.com/schemas/sitemap-news/0.9 publication>language"`
			Date     string `xml:"http://www.google.com/schemas/sitemap-news/0.9 publication_date"`
			Title    string `xml:"http://www.google.com/schemas/sitemap-news/0.9 title"`
		} `xml:"http://www.google.com/schemas/sitemap-news/0.9 news"`
	} `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 url"`
}

func TestSitemapsAndRobots(t *testing.T) {
	e := newEnv(t)
	res := fixture(e)
	recent := e.mustImport(storetest.Rec("Thông báo mới về lịch tiếp dân", "Văn hóa - xã hội", time.Now().Add(-time.Hour)))[0]
	get := func(path string, v any) string {
		t.Helper()
		r := e.get(path)
		if r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), "application/xml") {
			t.Fatalf("%s: %d %s", path, r.status, r.header.Get("Content-Type"))
		}
		if err := xml.Unmarshal([]byte(r.body), v); err != nil {
			t.Fatalf("%s does not parse: %v\n%s", path, err, r.body)
		}
		return r.body
	}
	robots := e.get("/robots.txt").body
	if !strings.Contains(robots, "Sitemap: "+e.srv.URL+"/sitemap.xml") || !strings.Contains(robots, "Disallow: /admin/") {
		t.Fatalf("robots.txt:\n%s", robots)
	}
	var idx smIndex
	get("/sitemap.xml", &idx)
	want := []string{"/sitemap/chuyen-muc.xml", "/sitemap/bai-viet/1.xml", "/sitemap/tin-moi.xml", "/sitemap/van-ban.xml", "/sitemap/lay-y-kien.xml", "/sitemap/du-lieu-mo.xml", "/sitemap/du-an.xml", "/sitemap/thu-tuc-hanh-chinh.xml", "/sitemap/hoi-dap.xml", "/sitemap/trang.xml"}
	if len(idx.Locs) != len(want) {
		t.Fatalf("index: %v", idx.Locs)
	}
	for i, w := range want {
		if idx.Locs[i] != e.srv.URL+w {
			t.Fatalf("index entry %d: %s, want %s", i, idx.Locs[i], w)
		}
	}
	var arts smURLSet
	get("/sitemap/bai-viet/1.xml", &arts)
	if len(arts.URLs) != len(res)+1 {
		t.Fatalf("%d article URLs, want %d", len(arts.URLs), len(res)+1)
	}
	first := res[0].Article
	if arts.URLs[0].Loc != e.srv.URL+first.Path(res[0].Category.Slug) || !strings.HasSuffix(arts.URLs[0].LastMod, "+07:00") {
		t.Fatalf("first URL %+v, want the oldest article", arts.URLs[0])
	}
	var news smURLSet
	get("/sitemap/tin-moi.xml", &news)
	if len(news.URLs) != 1 || news.URLs[0].News == nil || news.URLs[0].News.Title != recent.Article.Title ||
		news.URLs[0].News.Language != "vi" || !strings.HasSuffix(news.URLs[0].News.Date, "+07:00") {
		t.Fatalf("news sitemap: %+v", news.URLs)
	}
	var cats smURLSet
	get("/sitemap/chuyen-muc.xml", &cats)
	if len(cats.URLs) < 2 || cats.URLs[0].Loc != e.srv.URL+"/" {
		t.Fatalf("category sitemap: %+v", cats.URLs)
	}
	for _, p := range []string{"/sitemap/bai-viet/2.xml", "/sitemap/bai-viet/0.xml", "/sitemap/bai-viet/abc.xml", "/sitemap/bai-viet/1", "/sitemap/bai-viet/99999999999.xml"} {
		if r := e.get(p); r.status != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", p, r.status)
		}
	}
}
