package admin_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/congtin/congtin"
)

// xssPayloads is the corpus of TestXSSCorpus: classic script injection,
// event handlers, dangerous URL schemes (with case, entity and control
// character tricks), mutation-XSS shapes, elements that load or restyle
// content, template syntax and breakouts from the raw-text elements the
// pages use (title, textarea), and look-alike encodings that must stay text.
var xssPayloads = []string{
	`<script>alert(1)</script>`,
	`"><script>alert(1)</script>`,
	`'><script>alert(1)</script>`,
	`<img src=x onerror=alert(1)>`,
	`<svg onload=alert(1)>`,
	`<svg><script>alert(1)</script></svg>`,
	`<a href="javascript:alert(1)">bấm vào đây</a>`,
	`<a href="JaVaScRiPt:alert(1)">bấm vào đây</a>`,
	`<a href="java&#x09;script:alert(1)">bấm vào đây</a>`,
	`<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">bấm</a>`,
	`<a href=" &#14; javascript:alert(1)">bấm</a>`,
	`<a href="vbscript:msgbox(1)">bấm</a>`,
	`<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">bấm</a>`,
	`<img src="data:image/svg+xml;utf8,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%20onload%3D%22alert(1)%22%2F%3E">`,
	`<img srcset="javascript:alert(1) 1x, data:image/png;base64,AAAA 2x" src="/a.png">`,
	`<iframe src="javascript:alert(1)"></iframe>`,
	`<iframe srcdoc="<script>alert(1)</script>"></iframe>`,
	`<object data="javascript:alert(1)"></object>`,
	`<embed src="javascript:alert(1)">`,
	`<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
	`<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
	`<style>@import 'https://evil.example/x.css';</style>`,
	`<form action="javascript:alert(1)"><button formaction=javascript:alert(1)>Gửi</button></form>`,
	`<details open ontoggle=alert(1)>`,
	`<body onload=alert(1)>`,
	`<input autofocus onfocus=alert(1)>`,
	`<p style="background:url(javascript:alert(1))">chữ</p>`,
	`<p style="width:expression(alert(1))">chữ</p>`,
	`<base href="https://evil.example/">`,
	`<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`,
	`<link rel=stylesheet href="javascript:alert(1)">`,
	`<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">bấm</text></a></svg>`,
	`<!--<img src="--><img src=x onerror=alert(1)//">`,
	`<scr<script>ipt>alert(1)</scr</script>ipt>`,
	`<template><script>alert(1)</script></template>`,
	`{{.}} {{printf "%s" "x"}} {{template "main" .}}`,
	`${alert(1)} #{alert(1)} <%= 7*7 %>`,
	`</textarea><script>alert(1)</script>`,
	`</title><script>alert(1)</script>`,
	`＜script＞alert(1)＜/script＞`,
	`\u003cscript\u003ealert(1)\u003c/script\u003e`,
	`%3Cscript%3Ealert(1)%3C%2Fscript%3E`,
	`&lt;script&gt;alert(1)&lt;/script&gt;`,
	"Tin \u202e<script>alert('xin chào')</script> nội dung",
}

// xssImageURLs are values for the article's image field that look like
// URLs. The dangerous ones must be refused; a valid https URL with markup in
// it may be accepted but must come out as an attribute value only.
var xssImageURLs = []struct {
	url     string
	refused bool
}{
	{"javascript:alert(1)", true},
	{"JaVaScRiPt:alert(1)", true},
	{" javascript:alert(1)", true},
	{"java\tscript:alert(1)", true},
	{"vbscript:msgbox(1)", true},
	{"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+", true},
	{"//evil.example/x.png", true},
	{"/a.png\"><script>alert(1)</script>", true},
	{`https://example.com/x.png"><script>alert(1)</script>`, false},
	{`https://example.com/x.png' onerror='alert(1)`, false},
}

// ---- DOM helpers (package html walk, never string matching) ----

func hpParse(t *testing.T, body string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatalf("parse HTML: %v", err)
	}
	return doc
}

func hpWalk(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		hpWalk(c, f)
	}
}

// hpAll returns the elements matching pred, in document order.
func hpAll(doc *html.Node, pred func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	hpWalk(doc, func(n *html.Node) {
		if n.Type == html.ElementNode && pred(n) {
			out = append(out, n)
		}
	})
	return out
}

func hpAttr(n *html.Node, key string) (string, bool) {
	if n == nil {
		return "", false
	}
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hpVal(n *html.Node, key string) string { v, _ := hpAttr(n, key); return v }

// hpText is the text content of n.
func hpText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	hpWalk(n, func(c *html.Node) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	})
	return b.String()
}

func hpTag(tag string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == tag }
}

func hpID(id string) func(*html.Node) bool {
	return func(n *html.Node) bool { return hpVal(n, "id") == id }
}

func hpClass(tag, class string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		return n.Data == tag && strings.Contains(" "+hpVal(n, "class")+" ", " "+class+" ")
	}
}

func hpFirst(doc *html.Node, pred func(*html.Node) bool) *html.Node {
	if ns := hpAll(doc, pred); len(ns) > 0 {
		return ns[0]
	}
	return nil
}

// hpURL normalizes a URL attribute the way a browser reads its scheme:
// ASCII whitespace and control characters anywhere are dropped, case is
// ignored.
func hpURL(v string) string {
	var b strings.Builder
	for _, r := range v {
		if r <= 0x20 || r == 0x7f {
			continue
		}
		b.WriteRune(r)
	}
	return strings.ToLower(b.String())
}

var hpBadSchemes = []string{"javascript:", "vbscript:", "data:"}

var hpURLAttrs = map[string]bool{"href": true, "src": true, "action": true, "formaction": true, "srcset": true,
	"xlink:href": true, "data": true, "poster": true, "background": true, "codebase": true, "cite": true}

// hpUnsafe lists what is dangerous in a parsed page: inline or foreign
// scripts, event handler attributes, script-capable URL schemes, elements
// that load or restyle content, and CSS that can run or fetch something.
func hpUnsafe(doc *html.Node) []string {
	var bad []string
	hpWalk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		desc := func(format string, args ...any) {
			bad = append(bad, fmt.Sprintf("<%s> ", n.Data)+fmt.Sprintf(format, args...))
		}
		switch n.Data {
		case "script":
			src, ok := hpAttr(n, "src")
			switch {
			case !ok && hpVal(n, "type") == "application/ld+json":
				// A JSON-LD data block is never executed; it must still be
				// well-formed JSON that no payload escaped from.
				if body := hpText(n); !json.Valid([]byte(body)) || strings.ContainsAny(body, "<>") {
					desc("JSON-LD block broken open: %q", body)
				}
			case !ok:
				desc("inline script %q", hpText(n))
			case !strings.HasPrefix(src, "/static/"):
				desc("script from %q", src)
			}
		case "iframe", "frame", "frameset", "object", "embed", "applet", "base", "style", "svg", "math":
			desc("element not allowed")
		case "meta":
			if _, ok := hpAttr(n, "http-equiv"); ok {
				desc("meta http-equiv")
			}
		case "link":
			if rel := strings.ToLower(hpVal(n, "rel")); rel == "import" {
				desc("link rel=import")
			}
		}
		for _, a := range n.Attr {
			key := strings.ToLower(a.Key)
			if a.Namespace != "" {
				key = a.Namespace + ":" + key
			}
			if strings.HasPrefix(strings.ToLower(a.Key), "on") {
				desc("event handler %s=%q", key, a.Val)
			}
			if hpURLAttrs[key] || hpURLAttrs[strings.ToLower(a.Key)] {
				vals := []string{a.Val}
				if a.Key == "srcset" {
					for _, c := range strings.Split(a.Val, ",") {
						vals = append(vals, strings.Fields(c + " x")[0])
					}
				}
				for _, v := range vals {
					u := hpURL(v)
					for _, s := range hpBadSchemes {
						if strings.HasPrefix(u, s) {
							desc("%s=%q", key, a.Val)
						}
					}
				}
			}
			if key == "style" {
				css := strings.ReplaceAll(hpURL(a.Val), `\`, "")
				if strings.Contains(css, "url(") || strings.Contains(css, "expression") || strings.Contains(css, "javascript:") {
					desc("style=%q", a.Val)
				}
			}
			if key == "srcdoc" {
				desc("srcdoc=%q", a.Val)
			}
		}
	})
	return bad
}

// xssPage fetches a page, checks that it is an HTML page with the expected
// status and nothing dangerous in its DOM, and returns the parsed document.
func xssPage(t *testing.T, c *client, status int, p string, counter *int) *html.Node {
	t.Helper()
	r := c.get(p)
	return xssCheck(t, "GET "+p, r, status, counter)
}

func xssCheck(t *testing.T, what string, r *resp, status int, counter *int) *html.Node {
	t.Helper()
	if r.status != status {
		t.Fatalf("%s: status %d, want %d: %.500s", what, r.status, status, r.body)
	}
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Fatalf("%s: content type %q", what, ct)
	}
	doc := hpParse(t, r.body)
	for _, b := range hpUnsafe(doc) {
		t.Errorf("%s: %s", what, b)
	}
	*counter++
	return doc
}

// xssHasText reports whether some element matching pred has exactly text.
func xssHasText(doc *html.Node, pred func(*html.Node) bool, text string) bool {
	for _, n := range hpAll(doc, pred) {
		if strings.TrimSpace(hpText(n)) == text {
			return true
		}
	}
	return false
}

func xssContainsText(doc *html.Node, pred func(*html.Node) bool, text string) bool {
	for _, n := range hpAll(doc, pred) {
		if strings.Contains(hpText(n), text) {
			return true
		}
	}
	return false
}

func xssHasValue(doc *html.Node, pred func(*html.Node) bool, attr, val string) bool {
	for _, n := range hpAll(doc, pred) {
		if hpVal(n, attr) == val {
			return true
		}
	}
	return false
}

func xssLocationID(t *testing.T, r *resp) int64 {
	t.Helper()
	loc := r.header.Get("Location")
	p := strings.TrimPrefix(strings.SplitN(loc, "?", 2)[0], "/admin/bai-viet/")
	id, err := strconv.ParseInt(p, 10, 64)
	if err != nil {
		t.Fatalf("location %q", loc)
	}
	return id
}

// TestHPUnsafeCatches: the DOM check itself finds each kind of danger, so a
// clean result below means something.
func TestHPUnsafeCatches(t *testing.T) {
	for _, page := range []string{
		`<script>alert(1)</script>`,
		`<script src="https://evil.example/x.js"></script>`,
		`<img src=x onerror=alert(1)>`,
		`<a href="java&#x09;script:alert(1)">x</a>`,
		`<a href=" &#14; JavaScript:alert(1)">x</a>`,
		`<a href="data:text/html,x">x</a>`,
		`<img srcset="/a.png 1x, javascript:alert(1) 2x">`,
		`<form><button formaction="vbscript:x">x</button></form>`,
		`<svg><a xlink:href="javascript:alert(1)">x</a></svg>`,
		`<iframe></iframe>`, `<object></object>`, `<embed>`, `<base href="/">`,
		`<meta http-equiv="refresh" content="0">`, `<style>p{}</style>`,
		`<p style="background:url(x)">x</p>`, `<p style="width:expr\ession(1)">x</p>`,
	} {
		if len(hpUnsafe(hpParse(t, "<!doctype html><title>t</title><body>"+page))) == 0 {
			t.Errorf("not caught: %s", page)
		}
	}
	if bad := hpUnsafe(hpParse(t, `<!doctype html><title>&lt;script&gt;</title><script src="/static/a.js"></script><textarea>&lt;script&gt;</textarea><a href="tel:javascript:1">x</a><p style="text-align:center">x</p>`)); len(bad) > 0 {
		t.Errorf("false positives: %v", bad)
	}
}

// TestXSSCorpus puts every payload into every field a user can write that
// reaches a page, publishes the article, and walks the DOM of every public
// and back-office page that shows those fields.
func TestXSSCorpus(t *testing.T) {
	if len(xssPayloads) < 25 {
		t.Fatalf("only %d payloads", len(xssPayloads))
	}
	e := newEnv(t)
	ctx := t.Context()
	qtv, btv := e.as("qtv"), e.as("btv")
	pub := e.client("")
	pages, fields := 0, map[string]bool{}
	mark := func(names ...string) {
		for _, n := range names {
			fields[n] = true
		}
	}

	for i, p := range xssPayloads {
		ok := t.Run(strconv.Itoa(i), func(t *testing.T) {
			e.clock.Add(time.Minute)
			// Site settings: every text field.
			settings := url.Values{"name": {p}, "tagline": {p}, "agency": {p}, "address": {p}, "phone": {p}, "email": {p}, "counter_offset": {"0"}}
			if r := qtv.post("/admin/cai-dat", settings); r.status != http.StatusSeeOther {
				t.Fatalf("settings: %d %.300s", r.status, r.body)
			}
			mark("site.name", "site.tagline", "site.agency", "site.address", "site.phone", "site.email")
			// A category named with the payload.
			catSlug := fmt.Sprintf("xss-cm-%d", i)
			if r := qtv.post("/admin/chuyen-muc", url.Values{"name": {p}, "slug": {catSlug}}); r.status != http.StatusSeeOther {
				t.Fatalf("category: %d %.300s", r.status, r.body)
			}
			mark("category.name")
			var cat *congtin.Category
			cats, _ := e.db.FindCategories(ctx, e.site.ID)
			for _, c := range cats {
				if c.Slug == catSlug {
					cat = c
				}
			}
			if cat == nil || cat.Name != p {
				t.Fatalf("category not stored as typed: %+v", cat)
			}
			// A reporter whose display name is the payload.
			uname := fmt.Sprintf("xss%d", i)
			if r := qtv.post("/admin/nguoi-dung", url.Values{"username": {uname}, "display_name": {p}, "password": {password}, "role": {"reporter"}}); r.status != http.StatusSeeOther {
				t.Fatalf("add user: %d %.300s", r.status, r.body)
			}
			mark("user.display_name")
			pv := e.as(uname)

			// The article, written by that reporter through the form.
			form := url.Values{"title": {p}, "lead": {p}, "body": {p}, "author": {p}, "slug": {fmt.Sprintf("xss-bai-%d", i)},
				"category_id": {strconv.FormatInt(cat.ID, 10)}, "featured": {"1"}}
			r := pv.post("/admin/bai-viet/moi", form)
			if r.status != http.StatusSeeOther {
				t.Fatalf("create: %d %.500s", r.status, r.body)
			}
			mark("article.title", "article.lead", "article.body", "article.author")
			id := xssLocationID(t, r)
			edit := fmt.Sprintf("/admin/bai-viet/%d", id)

			// The slug refuses the payload; the refusal page is safe and
			// shows the text back.
			bad := xssClone(form)
			bad.Set("slug", p)
			r = pv.post(edit, bad)
			doc := xssCheck(t, "slug refused", r, http.StatusBadRequest, &pages)
			if !strings.Contains(hpText(doc), "Đường dẫn chỉ gồm") || !xssHasValue(doc, hpID("slug"), "value", p) {
				t.Errorf("slug refusal: no message or input lost")
			}
			mark("article.slug")
			// So does the image field.
			bad = xssClone(form)
			bad.Set("image", p)
			r = pv.post(edit, bad)
			doc = xssCheck(t, "image refused", r, http.StatusBadRequest, &pages)
			if !strings.Contains(hpText(doc), "Ảnh đại diện phải là") || !xssHasValue(doc, hpID("image"), "value", p) {
				t.Errorf("image refusal: no message or input lost")
			}
			mark("article.image")

			// Two more revisions, so the comparison page shows the payload
			// as removed and added text.
			form.Set("title", p+" (bản sửa)")
			form.Set("lead", "Sapo mới "+p)
			form.Set("body", "<p>Đoạn mới</p>"+p)
			if r := pv.post(edit, form); r.status != http.StatusSeeOther {
				t.Fatalf("edit 1: %d %.300s", r.status, r.body)
			}
			form.Set("title", p)
			form.Set("lead", p)
			form.Set("body", p+"<p>Đoạn cuối</p>")
			if r := pv.post(edit, form); r.status != http.StatusSeeOther {
				t.Fatalf("edit 2: %d %.300s", r.status, r.body)
			}
			mark("revision.diff")

			// Workflow: submitted, returned with the payload as comment,
			// submitted again, published.
			step := func(c *client, action, comment string) {
				t.Helper()
				r := c.post(edit+"/chuyen", url.Values{"action": {action}, "comment": {comment}})
				if r.status != http.StatusSeeOther {
					t.Fatalf("%s: %d %.300s", action, r.status, r.body)
				}
			}
			step(pv, "submit", "")
			step(btv, "return", p)
			step(pv, "submit", "")
			step(btv, "publish", "")
			mark("workflow.comment")

			// An image whose file name is the payload.
			r = upload(pv, "/admin/media", p+".png", pngBytes(t, 8+i, 6))
			if r.status != http.StatusCreated {
				t.Fatalf("upload: %d %s", r.status, r.body)
			}
			mark("media.filename")
			// Its description and caption are the payload too (refused
			// when it is more than one line or no text a store can hold:
			// the refusal page is safe and keeps what was typed).
			var up struct {
				ID int64 `json:"id"`
			}
			if err := json.Unmarshal([]byte(r.body), &up); err != nil || up.ID == 0 {
				t.Fatalf("upload answer %s: %v", r.body, err)
			}
			mediaPage := fmt.Sprintf("/admin/media/%d", up.ID)
			altSaved := false
			if r := pv.post(mediaPage, url.Values{"alt": {p}, "caption": {p}}); r.status == http.StatusBadRequest {
				doc := xssCheck(t, "media text refused", r, http.StatusBadRequest, &pages)
				if !xssHasValue(doc, hpID("alt"), "value", strings.ToValidUTF8(strings.TrimSpace(p), "\uFFFD")) && !strings.Contains(hpText(doc), "Mô tả ảnh") {
					t.Errorf("media text refusal: no message or input lost")
				}
			} else if r.status != http.StatusSeeOther {
				t.Fatalf("media text: %d %.300s", r.status, r.body)
			} else {
				altSaved = true
			}
			mark("media.alt")

			a, err := e.db.FindArticleByID(ctx, e.site.ID, id)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != p || a.Status != congtin.StatusPublished {
				t.Fatalf("stored title %q, status %s", a.Title, a.Status)
			}

			// Public pages.
			doc = xssPage(t, pub, http.StatusOK, a.Path(cat.Slug), &pages)
			if !xssHasText(doc, hpClass("h1", "title"), p) || !xssHasText(doc, hpClass("p", "lead"), p) || !xssHasText(doc, hpClass("p", "author"), p) {
				t.Errorf("article page: title/lead/author not shown as text")
			}
			if !xssHasText(doc, hpClass("span", "brand-name"), p) || !xssHasText(doc, hpClass("p", "agency"), p) || !xssHasText(doc, hpClass("span", "tagline"), p) {
				t.Errorf("article page: site name/agency/tagline not shown as text")
			}
			if !xssHasText(doc, hpClass("a", "cat"), p) {
				t.Errorf("article page: category name not shown as text")
			}
			doc = xssPage(t, pub, http.StatusOK, "/ban-in/"+strconv.FormatInt(id, 10), &pages)
			if !xssHasText(doc, hpTag("h1"), p) {
				t.Errorf("print page: title not shown as text")
			}
			doc = xssPage(t, pub, http.StatusOK, "/"+cat.Slug, &pages)
			if !xssHasText(doc, hpTag("a"), p) {
				t.Errorf("category page: title not shown as link text")
			}
			xssPage(t, pub, http.StatusOK, "/", &pages)
			doc = xssPage(t, pub, http.StatusOK, "/theo-ngay?ngay="+e.clock.Now().In(congtin.VietnamZone).Format(time.DateOnly), &pages)
			if !xssHasText(doc, hpTag("a"), p) {
				t.Errorf("date page: title not shown as link text")
			}

			// Back office, as the editor, the reporter and the admin.
			doc = xssPage(t, btv, http.StatusOK, edit, &pages)
			if !xssHasValue(doc, hpID("title"), "value", p) || !xssHasText(doc, hpID("lead"), p) || !xssHasValue(doc, hpID("author"), "value", p) {
				t.Errorf("edit page: title/lead/author not kept as typed")
			}
			if !xssHasText(doc, hpClass("q", "comment"), p) {
				t.Errorf("edit page: the return comment is not shown as text")
			}
			if !xssHasText(doc, hpClass("span", "site-name"), p) {
				t.Errorf("edit page: the site name is not shown as text")
			}
			doc = xssPage(t, pv, http.StatusOK, edit, &pages) // read-only preview for the reporter
			if !xssHasText(doc, hpTag("h2"), p) {
				t.Errorf("preview: title not shown as text")
			}
			for _, c := range []*client{btv, pv} {
				doc = xssPage(t, c, http.StatusOK, "/admin/bai-viet", &pages)
				if !xssHasText(doc, hpTag("a"), p) {
					t.Errorf("articles list: title not shown as text")
				}
				xssPage(t, c, http.StatusOK, "/admin/", &pages)
			}
			doc = xssPage(t, btv, http.StatusOK, edit+"/phien-ban", &pages)
			if !xssHasText(doc, hpTag("h1"), "Phiên bản: "+p) || !xssHasText(doc, hpTag("td"), p) {
				t.Errorf("revisions: title or editor's name not shown as text")
			}
			if len(hpAll(doc, hpTag("ins"))) == 0 || len(hpAll(doc, hpTag("del"))) == 0 {
				t.Errorf("revisions: no diff shown")
			}
			doc = xssPage(t, btv, http.StatusOK, "/admin/media", &pages)
			if !xssHasText(doc, hpTag("a"), path.Base(p+".png")) {
				t.Errorf("media library: file name not shown as text %q", path.Base(p+".png"))
			}
			doc = xssPage(t, btv, http.StatusOK, mediaPage, &pages)
			if !xssHasText(doc, hpTag("h1"), "Ảnh: "+path.Base(p+".png")) {
				t.Errorf("media page: file name not shown as text")
			}
			if altSaved && (!xssHasValue(doc, hpID("alt"), "value", strings.TrimSpace(p)) || !xssHasText(doc, hpID("caption"), strings.TrimSpace(p))) {
				t.Errorf("media page: description or caption not kept as typed")
			}
			xssPage(t, btv, http.StatusOK, "/admin/media?q="+url.QueryEscape(p), &pages)
			doc = xssPage(t, qtv, http.StatusOK, "/admin/chuyen-muc", &pages)
			if !xssHasValue(doc, func(n *html.Node) bool { return n.Data == "input" && hpVal(n, "name") == "name" }, "value", p) {
				t.Errorf("categories: name not kept as typed")
			}
			doc = xssPage(t, qtv, http.StatusOK, "/admin/nguoi-dung", &pages)
			if !xssHasText(doc, hpTag("td"), p) {
				t.Errorf("users: display name not shown as text")
			}
			doc = xssPage(t, qtv, http.StatusOK, "/admin/cai-dat", &pages)
			for _, f := range []string{"name", "tagline", "agency", "address", "phone", "email"} {
				if !xssHasValue(doc, hpID(f), "value", p) {
					t.Errorf("settings: %s not kept as typed", f)
				}
			}
			doc = xssPage(t, qtv, http.StatusOK, "/admin/nhat-ky", &pages)
			if !xssContainsText(doc, hpTag("td"), p) {
				t.Errorf("audit log: the payload is not shown as text")
			}
			xssPage(t, qtv, http.StatusOK, "/admin/nhat-ky?action=article.return", &pages)

			// Query strings a page echoes: the confirmation after a
			// redirect, the audit filter, the page to return to after
			// signing in.
			// An unsigned confirmation is not shown at all (flash.go).
			doc = xssPage(t, btv, http.StatusOK, "/admin/?ok="+url.QueryEscape(p), &pages)
			if xssHasText(doc, hpClass("p", "flash"), p) {
				t.Errorf("flash: an unsigned confirmation is shown")
			}
			doc = xssPage(t, qtv, http.StatusOK, "/admin/nhat-ky?user="+url.QueryEscape(p), &pages)
			if !xssHasValue(doc, hpID("user"), "value", p) {
				t.Errorf("audit filter: the user typed is not kept")
			}
			doc = xssPage(t, e.client(""), http.StatusOK, "/admin/dang-nhap?next="+url.QueryEscape("/admin/"+p), &pages)
			next := hpVal(hpFirst(doc, func(n *html.Node) bool { return hpVal(n, "name") == "next" }), "value")
			if next != "/admin/"+p && !(next == "/admin/" && strings.ContainsAny(p, "\\\r\n")) {
				t.Errorf("login: next %q", next)
			}
		})
		if !ok {
			break
		}
	}

	// URL-shaped values in the image field, on a published article the
	// editor changes.
	t.Run("image-urls", func(t *testing.T) {
		a := e.article("pv1", congtin.StatusPublished)
		for _, tt := range xssImageURLs {
			form := url.Values{"title": {"Ảnh đại diện thử"}, "body": {"<p>x</p>"}, "image": {tt.url}, "slug": {"anh-dai-dien-thu"},
				"category_id": {strconv.FormatInt(e.cat.ID, 10)}, "featured": {"1"}}
			r := btv.post(fmt.Sprintf("/admin/bai-viet/%d", a.ID), form)
			if tt.refused {
				doc := xssCheck(t, "image "+tt.url, r, http.StatusBadRequest, &pages)
				if !strings.Contains(hpText(doc), "Ảnh đại diện phải là") {
					t.Errorf("image %q: no message", tt.url)
				}
				if !xssHasValue(doc, hpID("image"), "value", strings.TrimSpace(tt.url)) {
					t.Errorf("image %q: input not kept", tt.url)
				}
				continue
			}
			if r.status != http.StatusSeeOther {
				t.Fatalf("image %q: %d %.300s", tt.url, r.status, r.body)
			}
			b, _ := e.db.FindArticleByID(ctx, e.site.ID, a.ID)
			for _, pg := range []string{b.Path(e.cat.Slug), "/", "/" + e.cat.Slug} {
				doc := xssPage(t, pub, http.StatusOK, pg, &pages)
				seen := false
				for _, img := range hpAll(doc, hpTag("img")) {
					if src := hpVal(img, "src"); strings.Contains(src, "example.com/x.png") {
						seen = true
						if strings.ContainsAny(src, "\"'<> ") {
							t.Errorf("%s: image URL not encoded: %q", pg, src)
						}
					}
				}
				if pg != "/" && !seen {
					t.Errorf("%s: the image is not shown", pg)
				}
			}
		}
	})
	t.Logf("%d payloads × %d fields (%v); %d HTML pages walked", len(xssPayloads), len(fields), xssKeys(fields), pages)
}

func xssClone(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

func xssKeys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
