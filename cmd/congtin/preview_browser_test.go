package main_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

func init() {
	// The preview pages of an article, an about page and a document (their
	// frames show the public site's page, which TestBrowserPreview checks
	// with axe-core itself) and the article list filtered by Hẹn giờ.
	adminA11yPages = append(adminA11yPages,
		adminPage{name: "article preview", find: func(t *testing.T, get func(string) string) string {
			return firstLink(`/admin/bai-viet/\d+`, "/admin/bai-viet")(t, get) + "/xem-truoc"
		}},
		adminPage{name: "about page preview", find: func(t *testing.T, get func(string) string) string {
			return firstLink(`/admin/gioi-thieu/\d+`, "/admin/gioi-thieu")(t, get) + "/xem-truoc"
		}},
		adminPage{name: "document preview", find: func(t *testing.T, get func(string) string) string {
			return firstLink(`/admin/van-ban/\d+`, "/admin/van-ban")(t, get) + "/xem-truoc"
		}},
		adminPage{name: "scheduled articles", path: "/admin/bai-viet?trang-thai=scheduled"},
	)
}

// frameJS describes the page inside the preview frame number %d: its
// width as the page sees it, whether it scrolls sideways, what it shows.
const frameJS = `(() => {
	const f = document.querySelectorAll(".preview-frames iframe")[%d];
	const d = f.contentDocument, w = f.contentWindow;
	const box = f.parentElement.getBoundingClientRect(), fr = f.getBoundingClientRect();
	const text = sel => { const e = d.querySelector(sel); return e ? e.textContent.replace(/\s+/g, " ").trim() : ""; };
	return {
		ready: !!d && d.readyState === "complete" && !!d.querySelector("h1"),
		innerWidth: w ? w.innerWidth : 0,
		scrollWidth: d ? d.documentElement.scrollWidth : 0,
		title: text("h1.title"), banner: text(".preview-banner"), header: !!(d && d.querySelector(".site-header .brand")),
		fits: fr.width <= box.width + 1 && fr.width > 0,
		shown: box.width > 0,
	};
})()`

type frameState struct {
	Ready       bool   `json:"ready"`
	InnerWidth  int    `json:"innerWidth"`
	ScrollWidth int    `json:"scrollWidth"`
	Title       string `json:"title"`
	Banner      string `json:"banner"`
	Header      bool   `json:"header"`
	Fits        bool   `json:"fits"`
	Shown       bool   `json:"shown"`
}

// scripts turns the page's JavaScript on or off.
func scripts(on bool) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !on})
		return err
	})
}

// TestBrowserPreview: a reporter writes a draft and clicks "Lưu và xem
// trước"; the preview page frames the draft in the portal's own layout at
// 1280 px and at 390 px, side by side or one at a time; a reader who is
// not signed in opens the signed link at both widths (screenshots), which
// axe-core finds clean; a forged link is refused. An editor then
// schedules the article: the back office shows it as Hẹn giờ, with the
// time, in its status, its history and the list's filter.
func TestBrowserPreview(t *testing.T) {
	browserPath := findBrowser(t)
	requireEditorBundle(t)
	axeJS := axeSource(t)
	nr := newNewsroom(t)

	nr.begin("1 setup")
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "c.db")
	if _, errOut, err := runCmd(t, "import", "-db", db, writeJSON(t, dir, "a.json", articleRecords(3))); err != nil {
		t.Fatalf("%s: import: %v\n%s", nr.step, err, errOut)
	}
	nr.addStaff(db, phongvien, bientap)
	nr.portal = StartPortal(t, "serve", "-db", db)
	browserCtx := nr.startBrowser(browserPath)
	reporterCtx := nr.person(browserCtx, "reporter")
	editorCtx := nr.person(browserCtx, "editor")
	readerCtx := nr.person(browserCtx, "reader")

	const (
		title    = "Khai mạc Hội chợ nông sản an toàn năm 2027"
		lead     = "Hội chợ quy tụ hơn 200 gian hàng của các hợp tác xã trong tỉnh."
		para     = "Hội chợ diễn ra trong năm ngày tại Quảng trường trung tâm thành phố."
		category = "Văn hóa - xã hội"
	)

	nr.begin("2 reporter writes a draft and clicks Lưu và xem trước")
	rb := nr.tab(reporterCtx, 90*time.Second)
	rb.do(desktop.emulate())
	nr.signIn(rb, phongvien)
	rb.navigate(nr.portal.URL + "/admin/bai-viet/moi")
	nr.waitJS(rb, "the rich-text editor to start", `!!document.querySelector('.editor.is-enhanced .editor-content[contenteditable="true"]')`, 10*time.Second)
	rb.do(chromedp.Focus(chromedp.CSS("#title")))
	nr.typeText(rb, title)
	rb.do(chromedp.Focus(chromedp.CSS("#lead")))
	nr.typeText(rb, lead)
	rb.do(chromedp.Focus(chromedp.CSS(".editor-content")), newsroomSettle())
	nr.typeText(rb, para)
	catValue := evaluate[string](rb, fmt.Sprintf(
		`(Array.from(document.querySelectorAll('#category_id option')).find(o => o.textContent.trim() === %q) || {value: ""}).value`, category))
	if catValue == "" {
		t.Fatalf("%s: no category %q", nr.step, category)
	}
	rb.do(chromedp.SetValue(chromedp.CSS("#category_id"), catValue))
	u := nr.post(rb, `form.article-form button[name=sau][value=xem-truoc]`, `^/admin/bai-viet/\d+/xem-truoc$`, "Đã lưu bài viết (nháp).")
	editPath := strings.TrimSuffix(u.Path, "/xem-truoc")

	nr.begin("3 the preview page frames the draft at 1280 and 390 px")
	frame := func(i int) frameState {
		t.Helper()
		var st frameState
		for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			if st = evaluate[frameState](rb, fmt.Sprintf(frameJS, i)); st.Ready || !st.Shown {
				break
			}
		}
		return st
	}
	for i, want := range []int{1280, 390} {
		st := frame(i)
		if !st.Ready || st.InnerWidth != want || st.Title != title || !st.Header ||
			!strings.Contains(st.Banner, "Bản xem trước — chưa xuất bản") {
			t.Errorf("%s: frame %d (%d px): %+v", nr.step, i, want, st)
		}
		if st.ScrollWidth > want {
			t.Errorf("%s: the page in the %d px frame is %d px wide: it scrolls sideways", nr.step, want, st.ScrollWidth)
		}
		if !st.Fits {
			t.Errorf("%s: the %d px frame does not fit its box on the page", nr.step, want)
		}
	}
	rb.visible(".preview-switch button[aria-pressed=true]", "Cả hai")
	if v := evaluate[string](rb, `document.getElementById("preview-link").value`); !strings.HasPrefix(v, nr.portal.URL+"/xem-truoc/bai-viet/") {
		t.Errorf("%s: the link to copy is %q", nr.step, v)
	}
	link := evaluate[string](rb, `document.getElementById("preview-link").value`)
	rb.do(chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`), newsroomSettle())
	rb.screenshot("preview-admin-both.png")
	rb.do(chromedp.Click(chromedp.CSS(`.preview-switch button[data-preview-mode=phone]`)), newsroomSettle())
	rb.visible(".preview-switch button[aria-pressed=true]", "Điện thoại (390 px)")
	if st := frame(0); st.Shown {
		t.Errorf("%s: the phone view still shows the computer's frame", nr.step)
	}
	if st := frame(1); !st.Shown || !st.Fits || st.InnerWidth != 390 {
		t.Errorf("%s: the phone view: %+v", nr.step, st)
	}
	rb.screenshot("preview-admin-phone.png")
	rb.do(chromedp.Click(chromedp.CSS(`.preview-switch button[data-preview-mode=desktop]`)), newsroomSettle())
	if st := frame(0); !st.Shown || !st.Fits || st.InnerWidth != 1280 {
		t.Errorf("%s: the computer view: %+v", nr.step, st)
	}
	rb.screenshot("preview-admin-desktop.png")
	if problems := rb.audit(axeJS); len(problems) > 0 {
		t.Errorf("%s: axe-core on the preview page: %s", nr.step, strings.Join(problems, "\n"))
	}
	// On a phone the frames stack and shrink to the screen.
	rb.do(phone.emulate())
	rb.do(chromedp.Click(chromedp.CSS(`.preview-switch button[data-preview-mode=both]`)), newsroomSettle())
	for i, want := range []int{1280, 390} {
		if st := frame(i); !st.Shown || !st.Fits || st.InnerWidth != want {
			t.Errorf("%s: at 360 px, the %d px frame: %+v", nr.step, want, st)
		}
	}
	rb.checkNoHorizontalScroll(360)
	rb.screenshot("preview-admin-360.png")
	rb.do(desktop.emulate())
	// Without JavaScript: both frames at their own size, each scrolling
	// in its box; no switch and no copy button that would do nothing.
	rb.do(scripts(false))
	rb.navigate(nr.portal.URL + u.Path)
	for i, want := range []int{1280, 390} {
		if st := frame(i); !st.Ready || st.InnerWidth != want || st.Title != title {
			t.Errorf("%s: without JavaScript, the %d px frame: %+v", nr.step, want, st)
		}
	}
	for _, sel := range []string{".preview-switch", "[data-copy-link]"} {
		for _, el := range rb.elements(sel) {
			if el.shown() {
				t.Errorf("%s: without JavaScript, %s is shown", nr.step, sel)
			}
		}
	}
	rb.screenshot("preview-admin-nojs.png")
	rb.do(scripts(true))

	nr.begin("4 a reader opens the signed link at 1280 and 390 px")
	pb := nr.tab(readerCtx, 60*time.Second)
	for _, vp := range []viewport{desktop, phone390} {
		pb.do(vp.emulate())
		pb.navigate(link)
		pb.visible(".article h1.title", title)
		pb.visible(".article .lead", lead)
		if banner := pb.visible(".preview-banner", "").Text; !strings.Contains(banner, "Bản xem trước — chưa xuất bản") || !strings.Contains(banner, "Nháp") {
			t.Errorf("%s at %s: the banner says %q", nr.step, vp.name, banner)
		}
		pb.visible(".site-header .brand", "")
		if vp.width == 390 {
			pb.checkNoHorizontalScroll(390)
		}
		if robots := evaluate[string](pb, `(document.querySelector('meta[name=robots]') || {content: ""}).content`); !strings.Contains(robots, "noindex") {
			t.Errorf("%s at %s: robots meta %q", nr.step, vp.name, robots)
		}
		pb.screenshot("preview-draft-" + fmt.Sprint(vp.width) + ".png")
		for _, p := range pb.audit(axeJS) {
			t.Errorf("%s at %s: axe-core: %s", nr.step, vp.name, p)
		}
	}
	// The draft itself is nowhere on the public site.
	if code, html := nr.portal.Get("/van-hoa-xa-hoi", browserUA); code != http.StatusOK || strings.Contains(html, title) {
		t.Errorf("%s: the category lists the draft (%d)", nr.step, code)
	}

	nr.begin("5 a forged link is refused")
	lu, _ := url.Parse(link)
	q := lu.Query()
	q.Set("han", fmt.Sprint(time.Now().Add(30*24*time.Hour).Unix()))
	lu.RawQuery = q.Encode()
	pb.do(desktop.emulate())
	pb.navigate(lu.String())
	pb.visible("h1", "Liên kết xem trước không hợp lệ")
	if got := evaluate[string](pb, `document.body.innerText`); strings.Contains(got, title) {
		t.Errorf("%s: the refused page shows the draft", nr.step)
	}
	pb.screenshot("preview-forged.png")

	nr.begin("6 the editor schedules it: Hẹn giờ in the status, the history and the list")
	eb := nr.tab(editorCtx, 60*time.Second)
	eb.do(desktop.emulate())
	nr.signIn(eb, bientap)
	eb.navigate(nr.portal.URL + editPath)
	at := time.Now().In(time.FixedZone("ICT", 7*3600)).Add(24 * time.Hour).Truncate(time.Minute)
	// Xuất bản saves the form with the step: the time is the form's own
	// "Thời gian xuất bản".
	eb.do(chromedp.SetValue(chromedp.CSS("#published_at"), at.Format("2006-01-02T15:04")))
	nr.post(eb, `.workflow button[name=action][value=publish]`, "^"+editPath+"$", "Đã lưu thay đổi. Đã hẹn giờ xuất bản lúc "+at.Format("15:04:05 02/01/2006")+".")
	eb.visible(".article-meta .status", "Hẹn giờ")
	eb.visible(".article-meta .scheduled-at", "lúc "+at.Format("02/01/2006 15:04"))
	if notes := eb.visible(".notes", "").Text; !strings.Contains(notes, "Hẹn giờ xuất bản lúc "+at.Format("02/01/2006 15:04")) {
		t.Errorf("%s: the history says %q", nr.step, notes)
	}
	eb.screenshot("scheduled-edit.png")
	for _, p := range eb.audit(axeJS) {
		t.Errorf("%s: axe-core on the scheduled article's edit page: %s", nr.step, p)
	}
	eb.navigate(nr.portal.URL + "/admin/bai-viet?trang-thai=scheduled")
	eb.visible(".grid td a", title)
	eb.visible(".grid .status", "Hẹn giờ")
	eb.screenshot("scheduled-list.png")
	for _, p := range eb.audit(axeJS) {
		t.Errorf("%s: axe-core on the list of scheduled articles: %s", nr.step, p)
	}
	eb.navigate(nr.portal.URL + "/admin/")
	eb.visible(`.counts a[href="/admin/bai-viet?trang-thai=scheduled"]`, "Hẹn giờ 1")
	eb.screenshot("scheduled-dashboard.png")
	for _, p := range eb.audit(axeJS) {
		t.Errorf("%s: axe-core on the dashboard: %s", nr.step, p)
	}
	// The reader's link shows the scheduled article as such.
	pb.navigate(link)
	if banner := pb.visible(".preview-banner", "").Text; !strings.Contains(banner, "Hẹn giờ xuất bản lúc "+at.Format("15:04 02/01/2006")) {
		t.Errorf("%s: the banner says %q", nr.step, banner)
	}

	for _, who := range []string{"reporter", "editor", "reader"} {
		for _, m := range nr.console(who) {
			if m.IsException() {
				t.Errorf("the %s's page threw: %s", who, m.Text)
			} else {
				t.Logf("the %s's console: %s", who, m)
			}
		}
	}
	t.Logf("screenshots saved in %s; the test took %.1fs", nr.shots, time.Since(nr.start).Seconds())
}
