package web_test

import (
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"golang.org/x/text/unicode/norm"
)

// TestOldAddresses: the old addresses an import kept answer with a 301 to
// the article's page however a browser spells them, pass through the page
// cache untouched, and never send a reader to a page that is not public.
func TestOldAddresses(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	t0 := time.Date(2019, 10, 1, 3, 40, 0, 0, time.UTC)
	// Article 1 exists before the import: /archives/1 must not reach it.
	first := e.mustImport(congtin.ArticleImport{Title: "Bài có sẵn", Category: "Tin tức", Body: "<p>x</p>", PublishedAt: "2019-01-01T08:00:00+07:00"})[0].Article
	if first.ID != 1 {
		t.Fatalf("first article has ID %d", first.ID)
	}
	// Pages the cache may already hold under the old addresses' keys.
	for _, p := range []string{"/?p=10", "/?page_id=13"} {
		if r := e.get(p); r.status != http.StatusOK {
			t.Fatalf("GET %s before the import: %d", p, r.status)
		}
	}
	post := func(id int, cat, title, status string, paths ...string) congtin.WPPost {
		return congtin.WPPost{ExternalID: "wp:example:" + strconv.Itoa(id), Category: cat, Title: title, Slug: congtin.Slugify(title),
			Body: "<p>" + title + "</p>", Status: status, PublishedAt: t0, OldPaths: paths}
	}
	res, err := e.db.ImportWordPress(ctx, e.site.ID, &congtin.WordPressImport{
		Categories: []congtin.WPCategory{{Key: "tin", Name: "Tin tức WordPress", Slug: "tin-wp"}, {Key: "trang", Name: "Trang", Slug: "trang", Hidden: true}},
		Posts: []congtin.WPPost{
			post(10, "tin", "Khám bệnh miễn phí", congtin.StatusPublished,
				congtin.OldPath("/2019/10/01/khám-bệnh-miễn-phí/", ""), "/?p=10", "/archives/1"),
			post(11, "tin", "Bản nháp", congtin.StatusDraft, "/2019/10/02/ban-nhap", "/?p=11"),
			post(12, "tin", "Đã gỡ", congtin.StatusPublished, "/2019/10/03/da-go"),
			post(13, "trang", "Liên hệ", congtin.StatusPublished, "/lien-he-cu", "/?page_id=13"),
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	e.sync()
	if err := e.db.SetArticleStatus(ctx, e.site.ID, res.Posts[2].Article.ID, congtin.StatusUnpublished); err != nil {
		t.Fatal(err)
	}
	e.sync()
	pub, page := res.Posts[0].Article, res.Posts[3].Article
	pubURL, pageURL := pub.Path("tin-wp"), page.Path("trang")
	nfd := norm.NFD.String("/2019/10/01/khám-bệnh-miễn-phí/")
	for path, want := range map[string]string{
		"/2019/10/01/kh%C3%A1m-b%E1%BB%87nh-mi%E1%BB%85n-ph%C3%AD/": pubURL, // as WordPress wrote it, upper-case hex
		"/2019/10/01/kh%c3%a1m-b%e1%bb%87nh-mi%e1%bb%85n-ph%c3%ad":  pubURL, // lower-case hex, no slash
		"/2019/10/01/KH%C3%81M-B%E1%BB%86NH-MI%E1%BB%84N-PH%C3%8D/": pubURL, // upper case letters
		nfd:                    pubURL, // decomposed accents
		"/?p=10":               pubURL, // was cached as the home page
		"/?p=010&utm_source=x": pubURL,
		"/archives/1":          pubURL, // not article 1
		"/lien-he-cu/":         pageURL,
		"/lien-he-cu":          pageURL,
		"/?page_id=13":         pageURL,
	} {
		for range 2 { // the second time, the cache has had its chance
			r := e.get(path)
			if r.status != http.StatusMovedPermanently || r.header.Get("Location") != want {
				t.Errorf("GET %s: %d to %q, want 301 to %q", path, r.status, r.header.Get("Location"), want)
			}
		}
	}
	if r := e.get(pubURL); r.status != http.StatusOK || text(find(r.doc, tag("h1"))) != "Khám bệnh miễn phí" {
		t.Fatalf("GET %s: %d", pubURL, r.status)
	}
	// The portal's own addresses keep working as before.
	if r := e.get(first.Path("tin-tuc")); r.status != http.StatusOK {
		t.Fatalf("article 1 at its own address: %d", r.status)
	}
	if r := e.get("/tin-tuc/bai-co-san-1-cu"); r.status != http.StatusNotFound {
		t.Fatalf("an unknown address: %d", r.status)
	}
	if r := e.get("/"); r.status != http.StatusOK {
		t.Fatalf("home: %d", r.status)
	}
	for path, want := range map[string]int{
		"/2019/10/02/ban-nhap": http.StatusNotFound, // a draft is not public
		"/?p=11":               http.StatusNotFound,
		"/2019/10/03/da-go":    http.StatusGone, // taken down
		"/?p=99":               http.StatusOK,   // no such post: the home page
		"/2019/10/04/khong-co": http.StatusNotFound,
	} {
		if r := e.get(path); r.status != want {
			t.Errorf("GET %s: %d, want %d", path, r.status, want)
		}
	}
}
