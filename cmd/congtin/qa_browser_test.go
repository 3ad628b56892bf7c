package main_test

import (
	"context"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/storetest"
)

// TestBrowserQuestion: a citizen sends a question with the form in a real
// headless Chromium, as a person does (typing, choosing a field, taking
// longer than the form's minimum time), gets a lookup code, and looks the
// question up; once an editor has published the answer, the lookup shows
// it, and the question's page shows the markup the citizen typed as text
// without running any of it. Screenshots of the list, the form and the
// question's page at 1280 and 360 px are saved for a person to look at.
func TestBrowserQuestion(t *testing.T) {
	browserPath := findBrowser(t)
	path := filepath.Join(t.TempDir(), "c.db")
	editor, fieldID := qaBrowserSetup(t, path)
	portal := StartPortal(t, "serve", "-db", "sqlite:"+path)
	shots := screenshotDir(t)

	tabCtx := startBrowser(t, browserPath, 2*time.Minute)
	b := &tab{t: t, ctx: tabCtx, shots: shots}
	b.navigate(portal.URL + "/")
	// Any alert, confirm or prompt would mean the citizen's markup ran.
	var mu sync.Mutex
	var dialogs []string
	go func() {
		for ev, err := range chromedp.Events(tabCtx, page.JavascriptDialogOpening) {
			if err != nil {
				return
			}
			mu.Lock()
			dialogs = append(dialogs, string(ev.Type)+": "+ev.Message)
			mu.Unlock()
			_, _ = chromedp.Call(tabCtx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()

	const (
		name  = `Đặng <b>Thị</b> Hồng Nhung<script>alert("ten")</script>`
		email = "dang.nhung.5820@example.vn"
		title = `Hồ sơ <i>xin</i> cấp phép xây dựng nhà ở riêng lẻ`
		body  = "Gia đình tôi muốn xây nhà hai tầng trên đất ở tại phường.\n<img src=x onerror=alert(\"anh\")>\nXin hỏi hồ sơ xin cấp phép gồm những gì và bao lâu thì có kết quả?"
	)
	// From the section's page to the form, with the mouse.
	b.navigate(portal.URL + "/hoi-dap")
	b.clickAndWait(`.qa-actions a[href="/hoi-dap/gui-cau-hoi"]`, pathIs("/hoi-dap/gui-cau-hoi"))
	opened := time.Now()
	// The trap field is off the screen, and out of assistive technology's
	// reach.
	if off, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`(() => {
		const i = document.querySelector('.qa-hp input[name=website]'), r = i.getBoundingClientRect();
		return r.right <= 0 && i.closest('[aria-hidden=true]') !== null && i.tabIndex === -1;
	})()`)); err != nil || !off {
		t.Errorf("the trap field is within reach of a person: %v", err)
	}
	qaType(b, "#qa-name", name)
	qaType(b, "#qa-email", email)
	b.do(chromedp.SetValue(chromedp.CSS("#qa-field"), strconv.FormatInt(fieldID, 10)))
	qaType(b, "#qa-title", title)
	qaType(b, "#qa-body", body)
	b.screenshot("hoi-dap-form-filled.png")
	// A person reads over the question before sending it: the form refuses
	// anything sent within 3 s of drawing it.
	if wait := 4*time.Second - time.Since(opened); wait > 0 {
		time.Sleep(wait)
	}
	u := b.clickAndWait(`.qa-form button[type=submit]`, pathIs("/hoi-dap/da-gui"))
	code := b.visible(".qa-code", "").Text
	if !regexp.MustCompile(`^[23456789A-HJ-NP-Z]{5}-[23456789A-HJ-NP-Z]{5}$`).MatchString(code) || u.Query().Get("ma") != code {
		t.Fatalf("the thank-you page shows the code %q (URL %s)", code, u)
	}
	b.visible(".qa-thanks", "Cảm ơn bạn đã gửi câu hỏi. Cơ quan đã tiếp nhận và sẽ trả lời sớm.")
	b.visible(".qa-state", "Đã tiếp nhận")
	b.screenshot("hoi-dap-da-gui.png")

	// The editor answers and publishes.
	qaBrowserPublish(t, path, editor)

	// The citizen looks the code up, typed in lower case without the hyphen.
	b.navigate(portal.URL + "/hoi-dap/tra-cuu")
	qaType(b, "#qa-ma", strings.ToLower(strings.ReplaceAll(code, "-", "")))
	b.clickAndWait(`.qa-lookup button[type=submit]`, pathIs("/hoi-dap/tra-cuu"))
	b.visible(".qa-state", "Đã trả lời")
	if ans := b.visible(".qa-answer .body", "").Text; !strings.Contains(ans, "Bộ phận một cửa") {
		t.Errorf("the lookup shows the answer %q", ans)
	}
	qpath := b.elements(`.qa-answer a[href^="/hoi-dap/"]`)
	if len(qpath) != 1 {
		t.Fatalf("the lookup links to the question %d times", len(qpath))
	}
	b.clickAndWait(`.qa-answer a[href^="/hoi-dap/"]`, func(u *url.URL) bool { return regexp.MustCompile(`^/hoi-dap/\d+$`).MatchString(u.Path) })
	b.visible("h1.title", title)
	if q := b.visible(".qa-question .qa-text", "").Text; q != body {
		t.Errorf("the question is shown as %q, want the typed text %q", q, body)
	}
	if n, _ := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.querySelectorAll('main img, main b, main i').length`)); n != 0 {
		t.Errorf("the citizen's markup became %d elements", n)
	}
	if page := b.visible("body", "").Text; strings.Contains(page, "Nhung") || strings.Contains(page, "5820") {
		t.Errorf("the question's page shows the asker's name or e-mail")
	}
	b.screenshot("hoi-dap-cau-hoi.png")

	// The section at 1280 and 360 px; nothing scrolls sideways on a phone.
	for _, p := range []struct{ path, name string }{
		{"/hoi-dap", "hoi-dap"}, {"/hoi-dap/gui-cau-hoi", "hoi-dap-form"}, {qpathOf(b), "hoi-dap-cau-hoi"},
	} {
		b.do(chromedp.EmulateViewport(1280, 900))
		b.navigate(portal.URL + p.path)
		b.screenshot(p.name + "-1280.png")
		b.do(chromedp.EmulateViewport(360, 740, chromedp.EmulateScale(2), chromedp.EmulateMobile))
		b.navigate(portal.URL + p.path)
		b.checkNoHorizontalScroll(360)
		b.screenshot(p.name + "-360.png")
	}
	mu.Lock()
	defer mu.Unlock()
	if len(dialogs) > 0 {
		t.Fatalf("the citizen's markup ran: %v", dialogs)
	}
	t.Logf("screenshots saved in %s", shots)
}

// qpathOf is the path of the page the tab shows.
func qpathOf(b *tab) string {
	u, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`location.pathname`))
	if err != nil {
		b.t.Fatal(err)
	}
	return u
}

// qaType focuses a field and types text into it as a keyboard (or an
// input method, for the Vietnamese letters) would.
func qaType(b *tab, sel, text string) {
	b.t.Helper()
	b.do(chromedp.Focus(chromedp.CSS(sel)))
	for _, word := range newsroomWordRE.FindAllString(newsroomNFC(text), -1) {
		b.do(chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
			_, err := cdp.Call(ctx, tgt, input.InsertText, input.InsertTextParams{Text: word})
			return err
		}))
	}
}

// qaBrowserSetup prepares the database: two fields and an editor.
func qaBrowserSetup(t *testing.T, path string) (congtin.Actor, int64) {
	t.Helper()
	raw := storetest.MustOpenSQLite(t, path)
	db := app.New(raw)
	defer raw.Close()
	site := storetest.MustSite(t, db)
	ed := storetest.MustUser(t, db, site.ID, "bientap", congtin.RoleEditor)
	var id int64
	for _, n := range []string{"Đất đai", "Xây dựng"} {
		f, err := db.CreateQAField(context.Background(), congtin.SystemActor("storetest"), site.ID, congtin.QAFieldInput{Name: n})
		if err != nil {
			t.Fatal(err)
		}
		id = f.ID
	}
	return ed, id
}

// qaBrowserPublish answers the one question and publishes it, as the
// back office would, on the running portal's database.
func qaBrowserPublish(t *testing.T, path string, ed congtin.Actor) {
	t.Helper()
	raw := storetest.MustOpenSQLite(t, path)
	db := app.New(raw)
	defer raw.Close()
	ctx := context.Background()
	site := storetest.MustSite(t, db)
	qs, n, err := db.FindQuestions(ctx, congtin.QuestionFilter{SiteID: site.ID})
	if err != nil || n != 1 {
		t.Fatalf("questions: %d, %v", n, err)
	}
	q := qs[0]
	if _, err := db.UpdateQuestion(ctx, ed, site.ID, q.ID, congtin.QuestionEdit{FieldID: q.FieldID, Title: q.Title, Body: q.Body,
		Answer: "<p>Hồ sơ gồm đơn đề nghị cấp giấy phép xây dựng, bản sao giấy tờ về quyền sử dụng đất và hai bộ bản vẽ thiết kế.</p><p>Nộp tại <strong>Bộ phận một cửa</strong> của Ủy ban nhân dân cấp huyện; thời hạn giải quyết 15 ngày.</p>"}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.TransitionQuestion(ctx, ed, site.ID, q.ID, congtin.ActPublish, ""); err != nil {
		t.Fatal(err)
	}
}
