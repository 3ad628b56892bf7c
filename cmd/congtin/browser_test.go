package main_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestBrowserArticlePage opens an article in a real headless Chromium and
// checks what a reader sees and can do there: the visit counter, the
// dateline, the text, the tools, the related lists, the print view, the
// "Xem tiếp" and "Quay lại" links and the date chooser, with and without
// JavaScript. It saves screenshots for a person to look at.
func TestBrowserArticlePage(t *testing.T) {
	browserPath := findBrowser(t)

	// The data: 20 articles imported with the real command.
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "c.db")
	recs := articleRecords(20)
	out, errOut, err := runCmd(t, "import", "-db", db, writeJSON(t, dir, "a.json", recs))
	if err != nil {
		t.Fatalf("import: %v\n%s", err, errOut)
	}
	paths := strings.Fields(out)
	if len(paths) != 20 {
		t.Fatalf("import printed %d paths, want 20: %q", len(paths), out)
	}
	// Article 11 (the 12th line) has 8 newer and 11 older neighbours.
	const index = 11
	articlePath := paths[index]
	title := recs[index]["title"].(string)
	portal := StartPortal(t, "serve", "-db", db)
	articleURL := portal.URL + articlePath

	shots := screenshotDir(t)
	tabCtx := startBrowser(t, browserPath, 2*time.Minute)
	b := &tab{t: t, ctx: tabCtx, shots: shots}

	// The article page on a desktop screen.
	b.navigate(articleURL)
	b.checkArticle(title)
	b.screenshot("article-desktop.png")

	// The same page on a phone: nothing may stick out sideways.
	b.do(chromedp.EmulateViewport(360, 740, chromedp.EmulateScale(2), chromedp.EmulateMobile))
	b.checkNoHorizontalScroll(360)
	b.visible("h1.title", title)
	b.screenshot("article-phone.png")
	b.do(chromedp.EmulateViewport(1280, 900))

	// "Bản in" opens the print view, and its "Quay lại" comes back.
	b.clickAndWait(".article a.print", func(u *url.URL) bool { return strings.HasPrefix(u.Path, "/ban-in/") })
	b.visible("h1", title)
	if n := len(b.elements("nav")); n != 0 {
		t.Errorf("the print view has %d nav elements, want none", n)
	}
	body := b.visible("body", "").Text
	// The portal was given no address of its own (no -base-url, no
	// canonical host), so its URLs, the source line's too, are the path:
	// never a host taken from the request (issue 16).
	if !strings.Contains(body, "Nguồn: "+articlePath) {
		t.Errorf("the print view does not name its source %q:\n%s", articlePath, body)
	}
	// With JavaScript the print button is shown (the no-JS tab checks the opposite).
	b.visible("button[data-print]", "In bài viết")
	b.screenshot("print.png")
	b.clickAndWait(".print-actions a[data-back]", pathIs(articlePath))
	b.visible("h1.title", title)

	// "Xem tiếp" lists the articles older than the ten shown.
	u := b.clickAndWait(".related.older a.more", func(u *url.URL) bool { return u.Query().Has("truoc") })
	if !strings.Contains(u.String(), "?truoc=") {
		t.Errorf("Xem tiếp went to %s, want ?truoc=", u)
	}
	cards := b.elements(".cards .card")
	if len(cards) < 1 {
		t.Errorf("Xem tiếp lists no articles")
	}
	// Only article 0 (đợt 1) is older than the ten shown (đợt 2 to 11).
	if titles := b.elements(".cards .card .card-title"); len(titles) == 0 || !strings.HasSuffix(titles[0].Text, "đợt 1") {
		t.Errorf("Xem tiếp's first article is %v, want the one of đợt 1", texts(titles))
	}
	b.screenshot("xem-tiep.png")

	// Back to the article; "Quay lại" returns to the category page the
	// reader came from.
	b.navigate(portal.URL + "/van-hoa-xa-hoi")
	b.clickAndWait(fmt.Sprintf(`.cards .card-title a[href=%q]`, articlePath), pathIs(articlePath))
	b.visible("h1.title", title)
	b.clickAndWait(".article a.back", pathIs("/van-hoa-xa-hoi"))
	b.visible("h1.list-title", "Văn hóa - xã hội")

	// The date chooser under "TIN ĐÃ ĐƯA" lists the articles of a day.
	b.navigate(articleURL)
	b.checkDateChooser("theo-ngay.png")

	// Without JavaScript, in a separate browser context: the links and the
	// form work as plain HTML.
	noJS, cancelNoJS := chromedp.NewContext(tabCtx, chromedp.WithNewBrowserContext())
	defer cancelNoJS()
	nb := &tab{t: t, ctx: noJS, shots: shots}
	nb.do(chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
		_, err := cdp.Call(ctx, tgt, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}))
	nb.navigate(articleURL)
	nb.visible("h1.title", title)
	nb.clickAndWait(".article a.print", func(u *url.URL) bool { return strings.HasPrefix(u.Path, "/ban-in/") })
	// site.js shows the print button; without JavaScript it stays hidden.
	// This also proves that scripts are really off in this tab.
	for _, e := range nb.elements("button[data-print]") {
		if e.shown() {
			t.Errorf("without JavaScript the print button is shown: %+v", e)
		}
	}
	nb.clickAndWait(".print-actions a[data-back]", pathIs(articlePath))
	nb.clickAndWait(".article a.back", pathIs("/van-hoa-xa-hoi"))
	nb.visible("h1.list-title", "Văn hóa - xã hội")
	nb.navigate(articleURL)
	nb.checkDateChooser("")

	t.Logf("screenshots saved in %s", shots)
}

// findBrowser returns the path of a Chromium or Chrome binary. Without one
// the test skips, unless CONGTIN_REQUIRE_BROWSER is set (as in CI), where a
// missing browser must fail rather than skip silently.
func findBrowser(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CONGTIN_REQUIRE_BROWSER") != "" {
		t.Fatal("no chromium, chromium-browser or google-chrome in PATH, and CONGTIN_REQUIRE_BROWSER is set")
	}
	t.Skip("no chromium, chromium-browser or google-chrome in PATH: skipping the browser test (set CONGTIN_REQUIRE_BROWSER=1 to fail instead)")
	return ""
}

// tab is one browser tab under test.
type tab struct {
	t     *testing.T
	ctx   context.Context
	shots string // the folder for screenshots
}

// do runs actions and stops the test on an error.
func (b *tab) do(actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatal(err)
	}
}

// evaluate runs the JavaScript expression js in the tab and returns its
// value, stopping the test on an error.
func evaluate[T any](b *tab, js string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		b.t.Fatal(err)
	}
	return v
}

// navigate loads url and waits for the page to load.
func (b *tab) navigate(url string) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, chromedp.Navigate(url)); err != nil {
		b.t.Fatalf("navigate to %s: %v", url, err)
	}
}

// element is what the page shows of one element.
type element struct {
	Text       string  `json:"text"`    // innerText: the text as shown, trimmed
	Content    string  `json:"content"` // textContent, whitespace collapsed
	Width      float64 `json:"width"`
	Height     float64 `json:"height"`
	Visibility string  `json:"visibility"`
	Display    string  `json:"display"`
	Opacity    string  `json:"opacity"`
	FontWeight string  `json:"fontWeight"`
	TextAlign  string  `json:"textAlign"`
}

// shown reports whether the element takes room on the page and is not
// hidden by style.
func (e element) shown() bool {
	return e.Width > 0 && e.Height > 0 && e.Visibility == "visible" && e.Display != "none" && e.Opacity != "0"
}

// elementsJS describes every element that matches a selector.
const elementsJS = `(sel => Array.from(document.querySelectorAll(sel), el => {
	const r = el.getBoundingClientRect(), cs = getComputedStyle(el);
	return {
		text: (el.innerText || "").trim(),
		content: el.textContent.replace(/\s+/g, " ").trim(),
		width: r.width, height: r.height,
		visibility: cs.visibility, display: cs.display, opacity: cs.opacity,
		fontWeight: cs.fontWeight, textAlign: cs.textAlign,
	};
}))(%s)`

// elements describes the elements that match the CSS selector sel.
func (b *tab) elements(sel string) []element {
	b.t.Helper()
	q, _ := json.Marshal(sel)
	els, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]element](fmt.Sprintf(elementsJS, q)))
	if err != nil {
		b.t.Fatalf("query %s: %v", sel, err)
	}
	return els
}

// visible checks that an element matching sel whose text is text (any
// element if text is empty) is on the page and visible, and returns it.
func (b *tab) visible(sel, text string) element {
	b.t.Helper()
	els := b.elements(sel)
	for _, e := range els {
		if text != "" && e.Content != text {
			continue
		}
		switch {
		case !e.shown():
			b.t.Errorf("%s %q is not visible: %+v", sel, text, e)
		case text != "" && e.Text != text:
			b.t.Errorf("%s shows %q, want %q", sel, e.Text, text)
		}
		return e
	}
	b.t.Errorf("no %s with text %q; found %q", sel, text, texts(els))
	return element{}
}

// texts returns the texts of els.
func texts(els []element) []string {
	var s []string
	for _, e := range els {
		s = append(s, e.Text)
	}
	return s
}

// pathIs matches a URL whose path is path.
func pathIs(path string) func(*url.URL) bool {
	return func(u *url.URL) bool { return u.Path == path }
}

// clickAndWait clicks the element sel and waits until the tab has left the
// page for a loaded one whose URL satisfies arrived. It watches the page's
// own URL and readyState, which works alike for links, forms and
// history.back().
func (b *tab) clickAndWait(sel string, arrived func(*url.URL) bool) *url.URL {
	b.t.Helper()
	before := evaluate[string](b, `location.href`)
	b.do(chromedp.Click(chromedp.CSS(sel)))
	deadline := time.Now().Add(20 * time.Second)
	last := before
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(b.ctx, 2*time.Second)
		state, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[location.href, document.readyState]`))
		cancel()
		if err == nil && len(state) == 2 {
			last = state[0]
			if u, perr := url.Parse(last); perr == nil && last != before && state[1] == "complete" && arrived(u) {
				return u
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	b.t.Fatalf("after clicking %s on %s: at %s, not the expected page", sel, before, last)
	return nil
}

// screenshot saves a PNG of the whole page into the screenshot folder. An
// empty name saves nothing.
func (b *tab) screenshot(name string) {
	b.t.Helper()
	if name == "" {
		return
	}
	// Quality 100 makes chromedp ask for a PNG; below it gives a JPEG.
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(b.shots, name), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

var (
	datelineRE  = regexp.MustCompile(`Thứ .*, \d\d/\d\d/2019, 10:40`)
	viewsTextRE = regexp.MustCompile(`^Số lượt người xem: ([\d.]+)$`)
	linkDateRE  = regexp.MustCompile(`\(\d\d/\d\d/\d{4}\)$`)
)

// checkArticle checks what the article page shows, element by element.
func (b *tab) checkArticle(title string) {
	t := b.t
	b.do(chromedp.WaitVisible(chromedp.CSS(".article h1.title")))

	// The visit counter in the sidebar.
	b.visible("#so-luot-truy-cap", "SỐ LƯỢT TRUY CẬP")
	digits := b.elements(".odometer .digit")
	if len(digits) < 7 {
		t.Errorf("the odometer has %d digit boxes, want at least 7", len(digits))
	}
	for i, d := range digits {
		if !d.shown() || d.Text == "" {
			t.Errorf("odometer digit %d is not visible: %+v", i, d)
		}
	}
	b.visible(".counter-stats dt", "Đang truy cập")
	b.visible(".counter-stats dt", "Hôm nay")

	// The article.
	dateline := b.visible(".article .dateline", "").Text
	if !strings.Contains(dateline, "Văn hóa - xã hội") {
		t.Errorf("dateline %q does not name the category", dateline)
	}
	if !datelineRE.MatchString(dateline) || !strings.Contains(dateline, "Thứ Bảy, 12/10/2019, 10:40") {
		t.Errorf("dateline %q, want Thứ Bảy, 12/10/2019, 10:40", dateline)
	}
	b.visible(".article h1", title)
	lead := b.visible(".article .lead", "")
	if w, err := strconv.Atoi(lead.FontWeight); err != nil || w < 600 {
		t.Errorf(".lead has font-weight %q, want bold (>= 600)", lead.FontWeight)
	}
	if body := b.visible(".article .body", ""); !strings.Contains(body.Text, "Đoạn một.") {
		t.Errorf(".body shows %q", body.Text)
	}
	if author := b.visible(".article .author", "Minh Anh"); author.TextAlign != "right" {
		t.Errorf(".author has text-align %q, want right", author.TextAlign)
	}
	views := b.visible(".article .views", "").Text
	if m := viewsTextRE.FindStringSubmatch(views); m == nil {
		t.Errorf(".views shows %q", views)
	} else if n, _ := strconv.Atoi(strings.ReplaceAll(m[1], ".", "")); n < 1 {
		t.Errorf(".views shows %q, want at least 1 (this visit)", views)
	}
	b.visible(".article a", "Bản in")
	b.visible(".article a", "Quay lại")

	// The related lists.
	b.visible("#tin-moi-hon", "TIN MỚI HƠN")
	b.checkLinkList(".related.newer .link-list li", 5)
	b.visible("#tin-da-dua", "TIN ĐÃ ĐƯA")
	b.checkLinkList(".related.older .link-list li", 10)
	b.visible(".related a", "Xem tiếp")
	b.visible(`input[type=date]#xem-theo-ngay`, "")
	b.visible(`label[for="xem-theo-ngay"]`, "Xem theo ngày")
}

// checkLinkList checks that sel matches want visible items, each ending in
// its date.
func (b *tab) checkLinkList(sel string, want int) {
	items := b.elements(sel)
	if len(items) != want {
		b.t.Errorf("%s: %d items, want %d: %q", sel, len(items), want, texts(items))
	}
	for _, it := range items {
		if !it.shown() || !linkDateRE.MatchString(it.Text) {
			b.t.Errorf("%s: item %q is not visible or does not end in (dd/mm/yyyy): %+v", sel, it.Text, it)
		}
	}
}

// overflowJS measures the page's width and names the innermost elements
// whose box, or whose content spilling out of a box that does not clip it,
// reaches past the right edge of the viewport.
const overflowJS = `(() => {
	const vw = document.documentElement.clientWidth;
	const reach = el => {
		const r = el.getBoundingClientRect();
		const spills = getComputedStyle(el).overflowX === "visible";
		return spills ? Math.max(r.right, r.left + el.scrollWidth) : r.right;
	};
	const past = el => reach(el) > vw + 0.5;
	const name = el => {
		let parts = [];
		for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
			let s = e.tagName.toLowerCase();
			if (e.id) s += "#" + e.id;
			if (e.classList.length) s += "." + Array.from(e.classList).join(".");
			parts.unshift(s);
		}
		return parts.join(" > ");
	};
	const culprits = [];
	for (const el of document.body.querySelectorAll("*")) {
		if (past(el) && !Array.from(el.children).some(past)) {
			culprits.push(name(el) + " (reaches " + Math.round(reach(el)) + "px)");
		}
	}
	return {scrollWidth: document.documentElement.scrollWidth, culprits: culprits.slice(0, 10)};
})()`

// overflow is what overflowJS finds.
type overflow struct {
	ScrollWidth int      `json:"scrollWidth"`
	Culprits    []string `json:"culprits"`
}

// checkNoHorizontalScroll checks that the page is no wider than width.
func (b *tab) checkNoHorizontalScroll(width int) {
	b.t.Helper()
	if o := evaluate[overflow](b, overflowJS); o.ScrollWidth > width {
		b.t.Errorf("at %dpx the page is %dpx wide and scrolls sideways; too wide: %s",
			width, o.ScrollWidth, strings.Join(o.Culprits, "; "))
	}
}

// checkDateChooser picks 2019-10-05 in the article's date chooser, submits
// it and checks the list of that day. It saves a screenshot as shot.
func (b *tab) checkDateChooser(shot string) {
	t := b.t
	b.do(chromedp.SetValue(chromedp.CSS("#xem-theo-ngay"), "2019-10-05"))
	u := b.clickAndWait(".related.older form.date-form button[type=submit]", pathIs("/theo-ngay"))
	if got := u.Query().Get("ngay"); got != "2019-10-05" {
		t.Errorf("the date chooser went to %s, want ngay=2019-10-05", u)
	}
	cards := b.elements(".cards .card")
	titles := b.elements(".cards .card .card-title")
	if len(cards) != 1 || len(titles) != 1 || !strings.Contains(titles[0].Text, "đợt 5") {
		t.Errorf("%s lists %d articles %q, want only the one of đợt 5", u, len(cards), texts(titles))
	}
	for _, c := range cards {
		if !c.shown() {
			t.Errorf("%s: a card is not visible: %+v", u, c)
		}
	}
	b.screenshot(shot)
}

// screenshotDir is where browser tests save their screenshots:
// $CONGTIN_SCREENSHOTS, or a temporary folder.
func screenshotDir(t *testing.T) string {
	t.Helper()
	shots := os.Getenv("CONGTIN_SCREENSHOTS")
	if shots == "" {
		return t.TempDir()
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	return shots
}

// startBrowser starts a headless Chromium for a test, bounded by timeout,
// and returns the context of its first tab; the browser is closed when the
// test ends, after the test's own deferred calls. The flags keep it off
// this machine's closed network.
func startBrowser(t *testing.T, browserPath string, timeout time.Duration) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(browserPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		// A page restored from the back/forward cache gets no new DOM
		// document in chromedp, whose queries then wait forever; load the
		// page again instead, as a browser without that cache does.
		chromedp.Flag("disable-back-forward-cache", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
		// The portal does not count views from "HeadlessChrome", which is a
		// robot's user agent; these tests play readers.
		chromedp.UserAgent(browserUA),
	)
	tabCtx, cancelTab := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancelTab(); cancelAlloc(); cancel() })
	if err := chromedp.Do(tabCtx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	return tabCtx
}
