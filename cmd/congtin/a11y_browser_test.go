package main_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"golang.org/x/net/html"
)

// TestBrowserAccessibility checks the public pages against WCAG 2.1 AA in
// a real headless Chromium, on the demo portal: axe-core (from the npm
// registry, installed into web/a11y by scripts/test.sh) on every kind of
// page at a desktop and a phone width, the keyboard path (skip link,
// visible focus, the search box and the menu), reflow on a phone and at
// 200% zoom, and the text-size control.
func TestBrowserAccessibility(t *testing.T) {
	browserPath := findBrowser(t)
	axeJS := axeSource(t)
	site := startA11yPortal(t)

	browserCtx := startBrowser(t, browserPath, 6*time.Minute)
	shots := screenshotDir(t)
	// Each part gets a tab of its own in a fresh browser context, so that
	// what one stores (the text size) cannot change what another sees.
	newTab := func(t *testing.T) *tab {
		ctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithNewBrowserContext())
		t.Cleanup(cancel)
		return &tab{t: t, ctx: ctx, shots: shots}
	}

	t.Run("axe", func(t *testing.T) {
		b := newTab(t)
		// First, that the checks can fail: a page with known faults added
		// must be caught, by axe-core and by the contrast check of what
		// axe-core leaves for review.
		b.do(desktop.emulate())
		b.navigate(site.url + "/")
		b.do(chromedp.Evaluate[chromedp.Void](faultsJS))
		caught := map[string]bool{}
		for _, p := range b.audit(axeJS) {
			caught[strings.TrimSuffix(strings.Fields(p)[0], ":")] = true
		}
		for _, id := range []string{"image-alt", "label", "color-contrast", "landmark-unique", "contrast-review"} {
			if !caught[id] {
				t.Errorf("the audit missed a planted %s fault; it found %v", id, caught)
			}
		}

		total := 0
		for _, vp := range []viewport{desktop, phone} {
			b.do(vp.emulate())
			for _, p := range site.pages {
				b.navigate(site.url + p.path)
				problems := b.audit(axeJS)
				total += len(problems)
				for _, pr := range problems {
					t.Errorf("%s at %s (%s): %s", p.name, vp.name, p.path, pr)
				}
			}
		}
		t.Logf("axe-core: %d violations on %d pages at %s and %s", total, len(site.pages), desktop.name, phone.name)
	})

	t.Run("keyboard", func(t *testing.T) {
		b := newTab(t)
		b.do(desktop.emulate())
		b.navigate(site.url + site.article)
		b.checkKeyboard("skip-link.png")
		// On a phone the menu is a strip that scrolls sideways; tabbing
		// along it must bring each entry into view.
		b.do(phone.emulate())
		b.navigate(site.url + site.article)
		b.checkKeyboard("skip-link-phone.png")
	})

	t.Run("reflow", func(t *testing.T) {
		b := newTab(t)
		paths := []string{"/", site.category, site.article, site.wide, "/kenh-rss", site.search}
		for _, vp := range []viewport{phone, zoom200} {
			b.do(vp.emulate())
			for _, p := range paths {
				b.navigate(site.url + p)
				b.checkReflow(vp.name + " " + p)
			}
		}
		// The wide table scrolls in its own box, which the keyboard can
		// reach, and its columns keep a readable width.
		b.do(phone.emulate())
		b.navigate(site.url + site.wide)
		type tableBox struct {
			Scrolls  bool    `json:"scrolls"`
			TabIndex string  `json:"tabindex"`
			Role     string  `json:"role"`
			Label    string  `json:"label"`
			Narrow   float64 `json:"narrowest"`
		}
		box, err := chromedp.Run(b.ctx, chromedp.Evaluate[tableBox](`(() => {
			const w = document.querySelector(".article .body .table-wrap");
			if (!w) return {};
			return {scrolls: w.scrollWidth > w.clientWidth, tabindex: w.getAttribute("tabindex") || "", role: w.getAttribute("role"),
				label: w.getAttribute("aria-label"), narrowest: Math.min(...Array.from(w.querySelectorAll("td, th"), c => c.getBoundingClientRect().width))};
		})()`))
		if err != nil {
			t.Fatal(err)
		}
		if !box.Scrolls || box.TabIndex != "0" || box.Role != "region" || box.Label != "Bảng 1" || box.Narrow < 48 {
			t.Errorf("at 360px the wide table's box is %+v, want a named region that scrolls, takes the focus, with columns at least 48px wide", box)
		}
		// With the focus in it, the arrow keys scroll it.
		b.do(chromedp.Focus(chromedp.CSS(".article .body .table-wrap")), chromedp.KeyEvent(kb.ArrowRight+kb.ArrowRight+kb.ArrowRight))
		// Keyboard scrolling is animated: wait for it, up to 6 s on a busy
		// machine, pressing again now and then in case a key event landed
		// before the focus did.
		var left float64
		for i := 0; i < 120 && left <= 0; i++ {
			time.Sleep(50 * time.Millisecond)
			if i%30 == 29 {
				b.do(chromedp.Focus(chromedp.CSS(".article .body .table-wrap")), chromedp.KeyEvent(kb.ArrowRight))
			}
			if left, err = chromedp.Run(b.ctx, chromedp.Evaluate[float64](`document.querySelector(".article .body .table-wrap").scrollLeft`)); err != nil {
				t.Fatal(err)
			}
		}
		if left <= 0 {
			t.Errorf("the arrow keys do not scroll the focused table box (scrollLeft %g)", left)
		}
		b.screenshot("a11y-wide-article-phone.png")
		b.do(zoom200.emulate())
		b.navigate(site.url + site.article)
		b.screenshot("a11y-article-zoom200.png")
	})

	t.Run("suggest", func(t *testing.T) {
		b := newTab(t)
		b.do(desktop.emulate())
		b.checkSuggest(site.url, site.article, axeJS)
		b.checkSuggestPhrase(site.url, "tang c", axeJS, "suggest-phrases.png")
		b.do(phone.emulate())
		b.checkSuggestPhrase(site.url, "phat tr", axeJS, "suggest-phrases-phone.png")
	})

	t.Run("register-suggest", func(t *testing.T) {
		b := newTab(t)
		b.do(desktop.emulate())
		b.checkRegisterSuggest(site.url, axeJS, "suggest-register")
	})

	t.Run("text-size", func(t *testing.T) {
		b := newTab(t)
		b.do(desktop.emulate())
		b.checkTextSize(site.url+site.article, site.url+site.category)
	})
}

// viewport is a screen the pages are checked on.
type viewport struct {
	name          string
	width, height int64
	scale         float64
	mobile        bool
}

var (
	desktop = viewport{"1280px", 1280, 900, 1, false}
	phone   = viewport{"360px phone", 360, 740, 2, true}
	// A 1280 px window at 200% zoom lays pages out as a 640 px one does,
	// with twice the pixels.
	zoom200 = viewport{"1280px at 200% zoom", 640, 450, 2, false}
)

func (v viewport) emulate() chromedp.Action[chromedp.Void] {
	opts := []chromedp.EmulateViewportOption{chromedp.EmulateScale(v.scale)}
	if v.mobile {
		opts = append(opts, chromedp.EmulateMobile)
	}
	return chromedp.EmulateViewport(v.width, v.height, opts...)
}

// axeSource reads axe-core's script from web/a11y/node_modules. It is not
// committed: scripts/test.sh installs it with npm ci. Without it the test
// fails (never skips), saying how to install it.
func axeSource(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("cannot find the repository (no go.mod above the test's folder)")
		}
		dir = parent
	}
	path := filepath.Join(dir, "web", "a11y", "node_modules", "axe-core", "axe.min.js")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("axe-core is not installed (%v): run web/a11y/install.sh (npm ci in web/a11y), as scripts/test.sh does", err)
	}
	return string(b)
}

// a11ySite is the demo portal under test and the pages to check on it.
type a11ySite struct {
	url      string
	pages    []a11yPage
	category string // a category page with subcategories
	article  string // a demo article with a picture
	wide     string // an article with a wide table, a big picture and a long word
	search   string // a search with results
}

type a11yPage struct{ name, path string }

// wideArticle is an article whose body would push a careless layout
// sideways: a table of many columns, a picture wider than any screen, a
// long unbroken word and a long link.
var wideArticle = map[string]any{
	"title":    "Bảng tổng hợp kết quả thực hiện các chỉ tiêu kinh tế - xã hội của các huyện, thị xã, thành phố",
	"lead":     "Ủy ban nhân dân tỉnh công bố kết quả thực hiện các chỉ tiêu chủ yếu năm 2019 theo từng địa phương.",
	"category": "Văn hóa - xã hội",
	"author":   "Phòng Tổng hợp",
	"body": `<p>Chi tiết xem tại https://anphu.gov.vn/van-ban/quyet-dinh-so-1234-qd-ubnd-ve-viec-cong-bo-ket-qua-thuc-hien-chi-tieu-kinh-te-xa-hoi-nam-2019.pdf và bảng dưới đây.</p>` +
		`<p>Từdàikhôngcókhoảngtrắngnàođểtrìnhduyệtngắtdòngkhihiểnthịtrênđiệnthoạimànhìnhnhỏhẹp.</p>` +
		`<figure><img src="/static/demo/thanh-pho.svg" alt="Toàn cảnh trung tâm tỉnh" width="2400" height="1350"><figcaption>Toàn cảnh trung tâm tỉnh</figcaption></figure>` +
		`<table><thead><tr><th>Địa phương</th><th>Tăng trưởng GRDP</th><th>Thu ngân sách</th><th>Giải quyết việc làm</th><th>Giảm nghèo</th>` +
		`<th>Bảo hiểm y tế</th><th>Trường đạt chuẩn</th><th>Xã nông thôn mới</th><th>Nước sạch</th><th>Thu gom rác</th></tr></thead>` +
		`<tbody><tr><td>Thành phố An Phú</td><td>8,2%</td><td>1.234 tỷ đồng</td><td>5.678 lao động</td><td>1,2%</td>` +
		`<td>95,1%</td><td>87 trường</td><td>12/12 xã</td><td>99,5%</td><td>98,0%</td></tr>` +
		`<tr><td>Huyện Vĩnh Lợi</td><td>7,1%</td><td>456 tỷ đồng</td><td>2.345 lao động</td><td>2,4%</td>` +
		`<td>92,3%</td><td>41 trường</td><td>9/14 xã</td><td>93,2%</td><td>90,4%</td></tr></tbody></table>` +
		`<p>Đoạn cuối.</p>`,
	"published_at": "2019-10-02T09:15:00+07:00",
	"external_id":  "a11y-wide",
}

// startA11yPortal serves the demo portal plus wideArticle, and finds the
// pages to check by reading the portal as a visitor would.
func startA11yPortal(t *testing.T) *a11ySite {
	t.Helper()
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "c.db")
	p := StartPortal(t, "demo", "-db", db)
	out, errOut, err := runCmd(t, "import", "-db", db, writeJSON(t, dir, "wide.json", []map[string]any{wideArticle}))
	if err != nil {
		t.Fatalf("import: %v\n%s", err, errOut)
	}
	s := &a11ySite{url: p.URL, wide: strings.TrimSpace(out)}

	get := func(path string, want int) *html.Node {
		t.Helper()
		// Retried for a moment: the portal takes up to a quarter of a
		// second to notice the import.
		for i := 0; ; i++ {
			status, body := p.Get(path, browserUA)
			if status == want {
				return parseHTML(t, body)
			}
			if i == 20 {
				t.Fatalf("GET %s: %d, want %d", path, status, want)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	get(s.wide, http.StatusOK)
	home := get("/", http.StatusOK)
	// The lead story of the demo has a picture.
	if a := findElement(home, func(n *html.Node) bool {
		return n.Data == "a" && attrOf(n.Parent, "class") == "" && n.Parent.Data == "h3" && attrOf(n.Parent.Parent, "class") == "lead-story"
	}); a != nil {
		s.article = attrOf(a, "href")
	} else {
		t.Fatal("the demo home page has no lead story")
	}
	// A top-level category with subcategories, from the side menu.
	if ul := findElement(home, func(n *html.Node) bool {
		return n.Data == "ul" && n.Parent != nil && n.Parent.Data == "li" && strings.Contains(attrOf(n.Parent.Parent.Parent, "class"), "side-menu")
	}); ul != nil {
		s.category = attrOf(findElement(ul.Parent, isElement("a", "")), "href")
	} else {
		t.Fatal("the demo portal has no category with subcategories")
	}
	art := get(s.article, http.StatusOK)
	printPath := attrOf(findElement(art, isElement("a", "print")), "href")
	day := attrOf(findElement(art, isElement("time", "")), "datetime")
	if printPath == "" || len(day) < 10 {
		t.Fatalf("the article page %s has no print link (%q) or no date (%q)", s.article, printPath, day)
	}
	datePath := "/theo-ngay?ngay=" + day[:10]
	if findElement(get(datePath, http.StatusOK), isElement("li", "card")) == nil {
		t.Fatalf("%s lists nothing", datePath)
	}
	s.search = "/tim-kiem?q=" + url.QueryEscape("thể thao")
	if findElement(get(s.search, http.StatusOK), isElement("li", "card")) == nil {
		t.Fatalf("%s finds nothing", s.search)
	}
	noHits := "/tim-kiem?q=" + url.QueryEscape("khôngcókếtquảnào")
	if findElement(get(noHits, http.StatusOK), isElement("li", "card")) != nil {
		t.Fatalf("%s finds something", noHits)
	}
	// A document that a newer one replaced, with its attachment and the
	// related documents, and a published question whose answer links to
	// a document: the demo has both, found as a visitor finds them.
	links := func(n *html.Node, match func(*html.Node) bool) []string {
		var out []string
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode && n.Data == "a" && n.Parent != nil && match(n.Parent) {
				out = append(out, attrOf(n, "href"))
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(n)
		return out
	}
	var docPath, qaPath string
	for _, href := range links(get("/van-ban?hieu-luc=het-hieu-luc", http.StatusOK), isElement("td", "num")) {
		doc := get(href, http.StatusOK)
		if findElement(doc, isElement("p", "expired")) != nil && findElement(doc, isElement("section", "doc-files")) != nil &&
			findElement(doc, isElement("section", "doc-related")) != nil {
			docPath = href
			break
		}
	}
	for _, href := range links(get("/hoi-dap", http.StatusOK), isElement("h2", "card-title")) {
		answer := findElement(get(href, http.StatusOK), isElement("section", "qa-answer"))
		if answer != nil && findElement(answer, func(n *html.Node) bool { return n.Data == "a" && strings.HasPrefix(attrOf(n, "href"), "/van-ban/") }) != nil {
			qaPath = href
			break
		}
	}
	// The demo's draft open for comment, the first of /lay-y-kien.
	consultPath := ""
	if hrefs := links(get("/lay-y-kien", http.StatusOK), isElement("li", "consult-item")); len(hrefs) == 3 {
		consultPath = hrefs[0]
	} else {
		t.Fatalf("/lay-y-kien lists %d consultations, want the demo's 3", len(hrefs))
	}
	consultPrint := ""
	for _, href := range links(get(consultPath, http.StatusOK), isElement("div", "tools")) {
		if strings.HasPrefix(href, "/ban-in/") {
			consultPrint = href
		}
	}
	if consultPrint == "" {
		t.Fatalf("%s has no print link", consultPath)
	}
	// The demo's open dataset with a table's preview, the first of
	// /du-lieu-mo.
	datasetPath := ""
	if hrefs := links(get("/du-lieu-mo", http.StatusOK), isElement("li", "dataset-item")); len(hrefs) > 0 {
		datasetPath = hrefs[0]
	} else {
		t.Fatal("/du-lieu-mo lists no dataset")
	}
	// The demo's first administrative procedure, and its print view.
	procPath := ""
	if hrefs := links(get("/thu-tuc-hanh-chinh", http.StatusOK), isElement("td", "proc-name")); len(hrefs) > 0 {
		procPath = hrefs[0]
	} else {
		t.Fatal("/thu-tuc-hanh-chinh lists no procedure")
	}
	procPrint := "/ban-in/thu-tuc-hanh-chinh/" + procPath[strings.LastIndexByte(procPath, '-')+1:]
	if docPath == "" || qaPath == "" {
		t.Fatalf("the demo has no replaced document with a file and related documents (%q) or no answer linking to a document (%q)", docPath, qaPath)
	}
	get("/khong-co-trang-nay", http.StatusNotFound)
	get("/admin/dang-nhap", http.StatusOK)
	s.pages = []a11yPage{
		{"home", "/"},
		{"category", s.category},
		{"article", s.article},
		{"article with a wide table", s.wide},
		{"print", printPath},
		{"date", datePath},
		{"search", s.search},
		{"search without results", noHits},
		{"search form", "/tim-kiem"},
		{"feeds", "/kenh-rss"},
		{"documents register", "/van-ban"},
		{"documents search", "/van-ban?q=ke+hoach"},
		{"documents search, near matches", "/van-ban?q=" + url.QueryEscape("phòng chống dịch sốt xuất huyết Tân Châu")},
		{"document no longer in force", docPath},
		{"consultations", "/lay-y-kien"},
		{"consultations search", "/lay-y-kien?q=" + url.QueryEscape("cụm công nghiệp")},
		{"consultation open for comment", consultPath},
		{"consultation print", consultPrint},
		{"consultation concluded, with its report", "/lay-y-kien/ke-hoach-chuyen-doi-so-cua-tinh-3"},
		{"comment lookup", "/lay-y-kien/tra-cuu"},
		{"disclosure pages", "/cong-khai"},
		{"disclosure page by year and quarter", "/cong-khai/chien-luoc-quy-hoach-ke-hoach"},
		{"spokesperson and press releases", "/phat-ngon"},
		{"open data", "/du-lieu-mo"},
		{"open data by format and search", "/du-lieu-mo?dinh-dang=CSV&q=" + url.QueryEscape("dân số")},
		{"open dataset with a preview", datasetPath},
		// The demo's first project (ongoing, with notices of it) and the
		// notice with its result.
		{"projects", "/du-an"},
		{"projects filtered", "/du-an?trang-thai=ongoing&nam=2026"},
		{"project", "/du-an/duong-ven-bien-doan-cat-tien-de-gi-1"},
		{"project print", "/ban-in/du-an/1"},
		{"procurement notices", "/dau-thau"},
		{"procurement notice with its result", "/dau-thau/goi-thau-so-08-mua-sam-thiet-bi-phong-hoc-bo-mon-3"},
		{"procurement print", "/ban-in/dau-thau/3"},
		{"administrative procedures", "/thu-tuc-hanh-chinh"},
		{"procedures searched and filtered", "/thu-tuc-hanh-chinh?q=" + url.QueryEscape("chuyen truong") + "&cap=tinh&muc-do=toan-trinh"},
		{"administrative procedure", procPath},
		{"administrative procedure print", procPrint},
		{"Q&A", "/hoi-dap"},
		{"Q&A search, near matches", "/hoi-dap?q=" + url.QueryEscape("đổi nơi khám chữa bệnh BHYT Tân Châu")},
		{"Q&A form", "/hoi-dap/gui-cau-hoi"},
		{"Q&A lookup", "/hoi-dap/tra-cuu"},
		{"Q&A question and answer", qaPath},
		{"polls", "/tham-do"},
		// The demo's polls: the closed one with its results (1), the open
		// one with its form, the home page's box shows it too (2).
		{"poll with results", "/tham-do/1"},
		{"poll with its form", "/tham-do/2"},
		{"work schedule", "/lich-cong-tac"},
		{"work schedule print", "/lich-cong-tac/ban-in"},
		{"about", "/gioi-thieu"},
		{"organisation chart", "/gioi-thieu/co-cau-to-chuc"},
		{"links", "/lien-ket"},
		{"English home", "/en/"},
		{"back-office sign-in", "/admin/dang-nhap"},
		{"404", "/khong-co-trang-nay"},
	}
	return s
}

// axeViolation is one rule axe-core found broken, with the elements.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  string `json:"target"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

func (v axeViolation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s", v.ID, v.Impact, v.Help)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n\t%s: %s", n.Target, strings.ReplaceAll(n.Summary, "\n", " "))
	}
	return b.String()
}

// axeTags are the axe-core rules run: WCAG 2.0 and 2.1, levels A and AA,
// and axe-core's best practices, which check what WCAG leaves to judgement
// but a screen reader user notices: landmarks with unique names, content
// inside landmarks, headings in order, one h1.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"}

// axeRunJS runs axe-core on the page and returns the violations, and the
// targets of the colour-contrast checks it could not decide (text over a
// gradient, or partly covered) for contrastJS.
const axeRunJS = `axe.run(document, {
	runOnly: {type: "tag", values: %s},
	resultTypes: ["violations", "incomplete"],
}).then(r => ({
	violations: r.violations.map(v => ({
		id: v.id, impact: v.impact || "", help: v.help,
		nodes: v.nodes.map(n => ({target: n.target.map(String).join(" "), summary: n.failureSummary || ""})),
	})),
	review: r.incomplete.filter(v => v.id === "color-contrast").flatMap(v => v.nodes.map(n => n.target.map(String).join(" "))),
	other: r.incomplete.filter(v => v.id !== "color-contrast").map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).join(", ")),
}))`

// contrastJS works out the contrast of text that axe-core could not
// decide: it composes the backgrounds behind the element (translucent
// layers over a solid colour or over each stop of a gradient) and
// returns, for each target, the lowest contrast against any of them and
// the ratio WCAG asks for (3 for large text, 4.5 otherwise).
const contrastJS = `(targets => {
	const parse = c => {
		const m = /rgba?\(([^)]+)\)/.exec(c);
		if (!m) return null;
		const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
		return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
	};
	const over = (top, under) => ({
		r: top.r * top.a + under.r * (1 - top.a),
		g: top.g * top.a + under.g * (1 - top.a),
		b: top.b * top.a + under.b * (1 - top.a), a: 1,
	});
	const lum = c => {
		const ch = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
		return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b);
	};
	const ratio = (x, y) => { const a = lum(x), b = lum(y); return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); };
	return targets.map(sel => {
		const el = document.querySelector(sel);
		if (!el) return {target: sel, error: "not on the page"};
		const layers = [];
		let bases = null;
		for (let e = el; e && !bases; e = e.parentElement) {
			const cs = getComputedStyle(e);
			if (cs.backgroundImage !== "none") {
				if (!/^(linear|radial)-gradient/.test(cs.backgroundImage)) return {target: sel, error: "text over an image: " + cs.backgroundImage};
				const stops = Array.from(cs.backgroundImage.matchAll(/rgba?\([^)]+\)/g), m => parse(m[0]));
				if (stops.some(c => c.a < 1)) return {target: sel, error: "a translucent gradient: " + cs.backgroundImage};
				bases = stops;
				break;
			}
			const bg = parse(cs.backgroundColor);
			if (bg && bg.a >= 1) bases = [bg];
			else if (bg && bg.a > 0) layers.push(bg);
		}
		if (!bases) bases = [{r: 255, g: 255, b: 255, a: 1}];
		const cs = getComputedStyle(el);
		const size = parseFloat(cs.fontSize), bold = parseInt(cs.fontWeight, 10) >= 700;
		const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
		let worst = Infinity;
		for (let bg of bases) {
			for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
			worst = Math.min(worst, ratio(over(parse(cs.color), bg), bg));
		}
		return {target: sel, ratio: worst, need: need};
	});
})(%s)`

// faultsJS plants faults in a page: a picture without alt text, pale
// text, a field without a label, a second landmark of an existing name,
// and dark text over a red gradient.
const faultsJS = `document.querySelector("main").insertAdjacentHTML("beforeend",
	'<img src="/static/emblem.svg" width="20" height="20">' +
	'<p style="color:#aaa">Chữ mờ trên nền trắng</p>' +
	'<input type="text" name="khong-nhan">' +
	'<nav aria-label="Menu chính"><a href="/">Trang chủ</a></nav>' +
	'<p id="chu-toi" style="background:linear-gradient(#a3101f, #7d0c17); color:#3a0a0f">Chữ tối trên nền đỏ</p>')`

// audit injects axe-core into the page and returns every problem found,
// each starting with its rule: axe-core's violations, then the
// colour-contrast checks axe-core left for review that fail contrastJS.
func (b *tab) audit(src string) []string {
	b.t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](src+"\n;typeof axe === 'object'")); err != nil {
		b.t.Fatalf("inject axe-core: %v", err)
	}
	tags, _ := json.Marshal(axeTags)
	type result struct {
		Violations []axeViolation `json:"violations"`
		Review     []string       `json:"review"`
		Other      []string       `json:"other"`
	}
	res, err := chromedp.Run(b.ctx, chromedp.Evaluate[result](fmt.Sprintf(axeRunJS, tags), chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("axe.run: %v", err)
	}
	var problems []string
	for _, v := range res.Violations {
		problems = append(problems, v.String())
	}
	for _, o := range res.Other {
		b.t.Logf("axe-core leaves for review: %s", o)
	}
	if len(res.Review) == 0 {
		return problems
	}
	type contrast struct {
		Target string  `json:"target"`
		Ratio  float64 `json:"ratio"`
		Need   float64 `json:"need"`
		Error  string  `json:"error"`
	}
	targets, _ := json.Marshal(res.Review)
	cs, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]contrast](fmt.Sprintf(contrastJS, targets)))
	if err != nil {
		b.t.Fatalf("contrast check: %v", err)
	}
	for _, c := range cs {
		switch {
		case c.Error != "":
			problems = append(problems, fmt.Sprintf("contrast-review: %s: cannot be checked: %s", c.Target, c.Error))
		case c.Ratio < c.Need:
			problems = append(problems, fmt.Sprintf("contrast-review: %s: contrast %.2f:1, needs %.1f:1", c.Target, c.Ratio, c.Need))
		}
	}
	return problems
}

// focused describes the element that has the focus.
type focused struct {
	Tag     string  `json:"tag"`
	ID      string  `json:"id"`
	Class   string  `json:"class"`
	Text    string  `json:"text"`
	InMenu  bool    `json:"inMenu"`
	Outline string  `json:"outline"`
	Width   float64 `json:"outlineWidth"`
	Top     float64 `json:"top"`
	Bottom  float64 `json:"bottom"`
	Left    float64 `json:"left"`
	Right   float64 `json:"right"`
	ViewW   float64 `json:"viewW"`
	ViewH   float64 `json:"viewH"`
	Hash    string  `json:"hash"`
}

const focusedJS = `(() => {
	const el = document.activeElement, cs = getComputedStyle(el), r = el.getBoundingClientRect();
	return {
		tag: el.tagName.toLowerCase(), id: el.id, class: el.className, text: (el.innerText || el.value || "").trim(),
		inMenu: !!el.closest("nav.menu"),
		outline: cs.outlineStyle, outlineWidth: parseFloat(cs.outlineWidth) || 0,
		top: r.top, bottom: r.bottom, left: r.left, right: r.right,
		viewW: document.documentElement.clientWidth, viewH: innerHeight, hash: location.hash,
	};
})()`

func (b *tab) focused() focused {
	b.t.Helper()
	return evaluate[focused](b, focusedJS)
}

// onScreen reports whether the focused element is inside the viewport.
func (f focused) onScreen() bool {
	return f.Bottom > 0 && f.Top < f.ViewH && f.Right > 0 && f.Left < f.ViewW && f.Right > f.Left && f.Bottom > f.Top
}

// checkKeyboard walks the page from its top with the keyboard: the first
// Tab reaches the skip link, shown; Enter on it moves the focus to the
// main content; tabbing from the top reaches the search box and every
// menu entry, each drawn with a visible focus outline and on screen.
func (b *tab) checkKeyboard(shot string) {
	t := b.t
	b.do(chromedp.KeyEvent(kb.Tab))
	f := b.focused()
	if f.Class != "skip-link" || f.Text != "Chuyển đến nội dung chính" {
		t.Fatalf("the first Tab focuses %+v, want the skip link", f)
	}
	if !f.onScreen() || f.Outline == "none" || f.Width < 2 {
		t.Errorf("the focused skip link is not visible, or has no focus outline: %+v", f)
	}
	b.screenshot(shot)
	b.do(chromedp.KeyEvent(kb.Enter))
	if f := b.focused(); f.ID != "noi-dung" || f.Tag != "main" || f.Hash != "#noi-dung" {
		t.Errorf("Enter on the skip link focuses %+v, want main#noi-dung", f)
	}
	// The next Tab goes on from the main content: into the article.
	b.do(chromedp.KeyEvent(kb.Tab))
	if f := b.focused(); f.InMenu || f.ID == "tu-khoa" || f.Class == "skip-link" {
		t.Errorf("Tab after the skip link focuses %+v, an element before the content", f)
	}

	menu, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("nav.menu a"), a => a.textContent.trim())`))
	if err != nil || len(menu) < 2 {
		t.Fatalf("the menu has %q (%v)", menu, err)
	}
	b.do(chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0); document.activeElement.blur(); document.body.focus()`))
	b.do(chromedp.Reload())
	var search bool
	seen := map[string]bool{}
	for i := 0; i < 40 && len(seen) < len(menu); i++ {
		b.do(chromedp.KeyEvent(kb.Tab))
		f := b.focused()
		if f.Outline == "none" || f.Width < 2 {
			t.Errorf("Tab %d: %s %q has no visible focus outline (%s %gpx)", i+1, f.Tag, f.Text, f.Outline, f.Width)
		}
		if !f.onScreen() {
			t.Errorf("Tab %d: %s %q is focused off screen: %+v", i+1, f.Tag, f.Text, f)
		}
		if f.ID == "tu-khoa" {
			search = true
		}
		if f.InMenu {
			seen[f.Text] = true
		}
	}
	if !search {
		t.Error("tabbing from the top never reaches the search box")
	}
	for _, m := range menu {
		if !seen[m] {
			t.Errorf("tabbing from the top never reaches the menu entry %q (reached %v)", m, seen)
		}
	}
}

// checkReflow checks that the page does not scroll sideways, naming the
// elements that stick out when it does.
func (b *tab) checkReflow(what string) {
	b.t.Helper()
	o := evaluate[overflow](b, overflowJS)
	cw := evaluate[int](b, `document.documentElement.clientWidth`)
	if o.ScrollWidth > cw {
		b.t.Errorf("%s: the page is %dpx wide in a %dpx viewport and scrolls sideways; too wide: %s",
			what, o.ScrollWidth, cw, strings.Join(o.Culprits, "; "))
	}
}

var pxRE = regexp.MustCompile(`^([\d.]+)px$`)

// fontSize returns the computed font size of the first element matching
// sel, in CSS pixels.
func (b *tab) fontSize(sel string) float64 {
	b.t.Helper()
	q, _ := json.Marshal(sel)
	s := evaluate[string](b, `getComputedStyle(document.querySelector(`+string(q)+`)).fontSize`)
	m := pxRE.FindStringSubmatch(s)
	if m == nil {
		b.t.Fatalf("%s has font-size %q", sel, s)
	}
	v, _ := strconv.ParseFloat(m[1], 64)
	return v
}

// checkTextSize uses the A− A A+ control of the article page with the
// mouse and the keyboard, and checks that the choice outlives a reload and
// reaches other articles, and that it stays in the browser.
func (b *tab) checkTextSize(articleURL, otherURL string) {
	t := b.t
	b.navigate(articleURL)
	const body = ".article .body"
	// Each button's name says what it does, after its visible text (WCAG
	// 2.5.3: the name holds the label a voice-control user reads out).
	for _, c := range []struct{ sel, text, label string }{
		{`button[data-text-size="-1"]`, "A−", "A− Giảm cỡ chữ"},
		{`button[data-text-size="0"]`, "A", "A Cỡ chữ mặc định"},
		{`button[data-text-size="1"]`, "A+", "A+ Tăng cỡ chữ"},
	} {
		b.visible(c.sel, c.text)
		q, _ := json.Marshal(c.sel)
		label, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector(`+string(q)+`).getAttribute("aria-label")`))
		if err != nil || label != c.label {
			t.Errorf("%s has aria-label %q (%v), want %q", c.sel, label, err, c.label)
		}
	}
	b.visible(".text-size #co-chu", "Cỡ chữ:")
	if t.Failed() {
		// Clicking a button that is not there would wait until the
		// browser's deadline.
		t.FailNow()
	}
	def := b.fontSize(body)
	b.do(chromedp.Click(chromedp.CSS(`button[data-text-size="1"]`)))
	one := b.fontSize(body)
	b.do(chromedp.Click(chromedp.CSS(`button[data-text-size="1"]`)))
	two := b.fontSize(body)
	if !(def < one && one < two) {
		t.Errorf("A+ twice: body font size %g → %g → %g px, want it to grow each time", def, one, two)
	}
	b.screenshot("a11y-text-size-larger.png")

	b.do(chromedp.Reload())
	if got := b.fontSize(body); got != two {
		t.Errorf("after a reload the body font size is %g px, want %g (the reader's choice)", got, two)
	}
	b.navigate(otherURL)
	b.navigate(articleURL)
	if got := b.fontSize(body); got != two {
		t.Errorf("on coming back the body font size is %g px, want %g", got, two)
	}
	// Stored in the browser only: no cookie, so every reader gets the
	// same cached page.
	cookies, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.cookie`))
	if err != nil || cookies != "" {
		t.Errorf("the page set cookies %q (%v)", cookies, err)
	}

	b.do(chromedp.Click(chromedp.CSS(`button[data-text-size="0"]`)))
	if got := b.fontSize(body); got != def {
		t.Errorf("A: body font size %g px, want the default %g", got, def)
	}
	// With the keyboard: A− from its focus, Enter and Space.
	b.do(chromedp.Focus(chromedp.CSS(`button[data-text-size="-1"]`)), chromedp.KeyEvent(kb.Enter))
	smaller := b.fontSize(body)
	if smaller >= def {
		t.Errorf("Enter on A−: body font size %g px, want less than %g", smaller, def)
	}
	b.do(chromedp.Focus(chromedp.CSS(`button[data-text-size="1"]`)), chromedp.KeyEvent(" "))
	if got := b.fontSize(body); got != def {
		t.Errorf("Space on A+ after A−: body font size %g px, want the default %g", got, def)
	}
	// The steps stop at the smallest and the largest size.
	for range 10 {
		b.do(chromedp.Click(chromedp.CSS(`button[data-text-size="1"]`)))
	}
	if max := b.fontSize(body); max > def*1.5+0.5 || max < def*1.5-0.5 {
		t.Errorf("after many A+ the body font size is %g px, want 150%% of %g", max, def)
	}
	for range 10 {
		b.do(chromedp.Click(chromedp.CSS(`button[data-text-size="-1"]`)))
	}
	if min := b.fontSize(body); min > def*0.875+0.5 || min < def*0.875-0.5 {
		t.Errorf("after many A− the body font size is %g px, want 87.5%% of %g", min, def)
	}
}
