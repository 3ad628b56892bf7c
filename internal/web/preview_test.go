package web_test

import (
	"encoding/json"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/congtin/congtin"
)

// TestArticlePreviews: Open Graph and Twitter tags, and JSON-LD
// NewsArticle and BreadcrumbList parsed back and compared with the
// article, dates in +07:00.
func TestArticlePreviews(t *testing.T) {
	e := newEnv(t)
	res := fixture(e)
	a, cat := res[11].Article, res[11].Category
	r := e.get(a.Path(cat.Slug))
	meta := func(key, name string) string {
		n := find(r.doc, func(n *html.Node) bool { return n.Data == "meta" && attr(n, key) == name })
		if n == nil {
			t.Fatalf("no meta %s=%q", key, name)
		}
		return attr(n, "content")
	}
	canonical := e.srv.URL + a.Path(cat.Slug)
	if meta("property", "og:title") != a.Title || meta("property", "og:url") != canonical || meta("property", "og:type") != "article" ||
		meta("name", "twitter:card") == "" || meta("property", "og:description") != a.Lead || meta("property", "og:locale") != "vi_VN" {
		t.Fatal("Open Graph or Twitter tags wrong")
	}
	if !strings.HasSuffix(meta("property", "article:published_time"), "+07:00") {
		t.Fatalf("published_time %q", meta("property", "article:published_time"))
	}
	var docs []map[string]any
	for _, n := range findAll(r.doc, func(n *html.Node) bool { return n.Data == "script" && attr(n, "type") == "application/ld+json" }) {
		var v map[string]any
		if err := json.Unmarshal([]byte(text(n)), &v); err != nil {
			t.Fatalf("JSON-LD does not parse: %v\n%s", err, text(n))
		}
		docs = append(docs, v)
	}
	if len(docs) != 2 || docs[0]["@type"] != "NewsArticle" || docs[1]["@type"] != "BreadcrumbList" {
		t.Fatalf("JSON-LD blocks: %v", docs)
	}
	na := docs[0]
	if na["headline"] != a.Title || na["datePublished"] != a.PublishedAt.In(congtin.VietnamZone).Format("2006-01-02T15:04:05-07:00") ||
		!strings.HasSuffix(na["dateModified"].(string), "+07:00") {
		t.Fatalf("NewsArticle: %v", na)
	}
	if author := na["author"].([]any)[0].(map[string]any); author["name"] != "Minh Anh" {
		t.Fatalf("author %v", author)
	}
	if pub := na["publisher"].(map[string]any); pub["name"] == "" || pub["logo"] == nil {
		t.Fatalf("publisher %v", pub)
	}
	items := docs[1]["itemListElement"].([]any)
	last := items[len(items)-1].(map[string]any)
	if len(items) != 3 || items[0].(map[string]any)["name"] != "Trang chủ" || items[1].(map[string]any)["name"] != cat.Name ||
		last["item"] != canonical || last["position"] != float64(3) {
		t.Fatalf("breadcrumbs %v", items)
	}
}

// TestPreviewEscapes: a title that tries to close the JSON-LD block stays
// inside it.
func TestPreviewEscapes(t *testing.T) {
	e := newEnv(t)
	bad := `Tin </script><script>alert(1)</script> "trích" & <b>`
	rec := e.mustImport(congtin.ArticleImport{Title: bad, Lead: "Tóm tắt </script>", Body: "<p>Nội dung</p>", Category: "Tin tức",
		Author: "PV", PublishedAt: "2024-05-01T08:00:00+07:00"})[0]
	r := e.get(rec.Article.Path(rec.Category.Slug))
	if r.status != 200 || strings.Contains(r.body, "<script>alert(1)") {
		t.Fatalf("%d: the title broke out of its element", r.status)
	}
	n := find(r.doc, func(n *html.Node) bool { return n.Data == "script" && attr(n, "type") == "application/ld+json" })
	var v map[string]any
	if err := json.Unmarshal([]byte(text(n)), &v); err != nil || v["headline"] != rec.Article.Title {
		t.Fatalf("JSON-LD %v, headline %q", err, v["headline"])
	}
}
