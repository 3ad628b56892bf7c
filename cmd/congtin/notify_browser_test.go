package main_test

import (
	"context"
	"fmt"
	"html"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/congtin/congtin/internal/mail/smtptest"
)

// The back-office pages the notifications part adds or changes, for
// TestBrowserAccessibilityBackOffice: the notifications page, the audit
// log (now read by editors, with Vietnamese action names), the audit log
// of one article (the link "Nhật ký của bài này"), and the categories in
// tree order. The header's count and the link dialog are checked by
// TestBrowserNotifications, which has unread notifications to show.
func init() {
	adminA11yPages = append(adminA11yPages,
		adminPage{name: "notifications", path: "/admin/thong-bao"},
		adminPage{name: "audit log", path: "/admin/nhat-ky"},
		adminPage{name: "audit log of an article", find: auditLinkOfFirstArticle},
		adminPage{name: "categories", path: "/admin/chuyen-muc"},
	)
}

// auditLinkOfFirstArticle follows the first article's "Nhật ký của bài
// này" link.
func auditLinkOfFirstArticle(t *testing.T, get func(string) string) string {
	t.Helper()
	edit := firstLink(`/admin/bai-viet/\d+`, "/admin/bai-viet")(t, get)
	m := regexp.MustCompile(`<a href="(/admin/nhat-ky\?[^"]+)">Nhật ký của bài này</a>`).FindStringSubmatch(get(edit))
	if m == nil {
		t.Fatalf("%s has no link “Nhật ký của bài này”", edit)
	}
	return html.UnescapeString(m[1])
}

// TestBrowserNotifications follows an article between a reporter and an
// editor in Chromium, for what they are told and the editor's comforts:
//   - the reporter asks for e-mails; writes with a live word count, a
//     link put in with Ctrl+K (the dialog refuses a javascript: address,
//     axe-core clean while open) and saves with Ctrl+S; on a phone the
//     save button stays on screen;
//   - the editor's header counts the submission; the notifications page
//     opens the article and marks it read;
//   - the editor returns it with a comment: the reporter's header counts
//     it, the page shows the comment, and an e-mail reaches a local SMTP
//     server (started by the test) after the step;
//   - the reporter sends it again, then withdraws it (Rút lại): back to
//     Nháp, and the editor's notice of it is gone;
//   - sent again and published: the reporter is told, by e-mail too;
//   - the editor opens the article's own audit log, in Vietnamese; the
//     reporter has none.
func TestBrowserNotifications(t *testing.T) {
	browserPath := findBrowser(t)
	axeJS := axeSource(t)
	requireEditorBundle(t)
	nr := newNewsroom(t)

	nr.begin("1 setup: portal with e-mail through a local SMTP server")
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "c.db")
	if _, errOut, err := runCmd(t, "import", "-db", db, writeJSON(t, dir, "a.json", articleRecords(1))); err != nil {
		t.Fatalf("%s: import: %v\n%s", nr.step, err, errOut)
	}
	nr.addStaff(db, phongvien, bientap)
	sink := smtptest.Start(t, smtptest.Options{})
	portal := StartPortal(t, "serve", "-db", db, "-smtp-host", sink.Host, "-smtp-port", strconv.Itoa(sink.Port),
		"-smtp-tls", "none", "-smtp-from", "thongbao@anphu.gov.vn")
	nr.portal = portal
	browserCtx := nr.startBrowser(browserPath)
	reporterCtx := nr.person(browserCtx, "reporter")
	editorCtx := nr.person(browserCtx, "editor")

	const (
		title     = "Sở Y tế tổng kết công tác năm 2026"
		lead      = "Sáng nay, Sở Y tế tổ chức hội nghị tổng kết."
		paragraph = "Hội nghị đánh giá kết quả năm 2026."
		linkText  = "Cổng Chính phủ"
		linkURL   = "https://chinhphu.vn"
		comment   = "Đề nghị ghi rõ nguồn số liệu"
		address   = "phongvien@anphu.gov.vn"
		category  = "Văn hóa - xã hội"
	)

	// 2. The reporter asks for e-mails.
	nr.begin("2 reporter asks for e-mails on the notifications page")
	rb := nr.tab(reporterCtx, 60*time.Second)
	nr.signIn(rb, phongvien)
	if n := len(rb.elements(`a[href="/admin/nhat-ky"]`)); n != 0 {
		t.Errorf("%s: a reporter's menu links to the audit log", nr.step)
	}
	rb.navigate(portal.URL + "/admin/thong-bao")
	rb.visible(".notices .empty", "")
	rb.do(chromedp.SendKeys(chromedp.CSS("#email"), address), chromedp.Click(chromedp.CSS(`input[name=email_on]`)))
	nr.post(rb, `form[action="/admin/thong-bao/e-mail"] button[type=submit]`, `^/admin/thong-bao$`, "Đã lưu: thông báo sẽ được gửi đến e-mail của bạn.")

	// 3. The reporter writes with the word count, Ctrl+K and Ctrl+S.
	nr.begin("3 reporter writes: word count, Ctrl+K link dialog, Ctrl+S")
	rb.navigate(portal.URL + "/admin/bai-viet/moi")
	nr.waitJS(rb, "the rich-text editor to start", `!!document.querySelector('.editor.is-enhanced .editor-content[contenteditable="true"]')`, 10*time.Second)
	rb.do(chromedp.Focus(chromedp.CSS("#title")))
	nr.typeText(rb, title)
	rb.do(chromedp.Focus(chromedp.CSS("#lead")))
	nr.typeText(rb, lead)
	catValue := evaluate[string](rb, fmt.Sprintf(
		`(Array.from(document.querySelectorAll('#category_id option')).find(o => o.textContent.trim() === %q) || {value: ""}).value`, category))
	if catValue == "" {
		t.Fatalf("%s: no option %q in #category_id", nr.step, category)
	}
	rb.do(chromedp.SetValue(chromedp.CSS("#category_id"), catValue))
	rb.do(chromedp.Focus(chromedp.CSS(".editor-content")), newsroomSettle())
	nr.waitJS(rb, "the count of an empty text", `document.querySelector('.editor-count').textContent === '0 từ · 0 ký tự'`, 3*time.Second)
	nr.typeText(rb, paragraph)
	want := countLabel(paragraph)
	nr.waitJS(rb, "the live count "+want, fmt.Sprintf(`document.querySelector('.editor-count').textContent === %q`, want), 3*time.Second)
	if d := nr.attr(rb, ".editor-content", "aria-describedby"); !strings.Contains(d, nr.attr(rb, ".editor-count", "id")) {
		t.Errorf("%s: the text area's aria-describedby %q does not name the count", nr.step, d)
	}
	// Ctrl+K with nothing selected, in a new paragraph: the dialog, focus
	// on the address.
	rb.do(newsroomEnter(), newsroomSettle())
	typed := evaluate[string](rb, `document.querySelector('.editor-content').textContent`)
	rb.do(ctrlKey("k"))
	nr.waitJS(rb, "the link dialog to open", `!!document.querySelector('dialog.editor-dialog[open]')`, 3*time.Second)
	if id := evaluate[string](rb, `document.activeElement.id`); !strings.HasPrefix(id, "editor-link-url-") {
		t.Errorf("%s: with the link dialog open the focus is on #%s, want the address field", nr.step, id)
	}
	if now := evaluate[string](rb, `document.querySelector('.editor-content').textContent`); now != typed {
		t.Errorf("%s: Ctrl+K typed a “k” into the text", nr.step)
	}
	nr.typeText(rb, "javascript:alert(1)")
	rb.do(chromedp.Click(chromedp.CSS("dialog[open] .editor-dialog-ok")))
	rb.visible("dialog[open] .editor-dialog-error", "Địa chỉ liên kết không hợp lệ. Chỉ nhận địa chỉ http://, https://, e-mail (mailto:) hoặc đường dẫn trong cổng bắt đầu bằng /.")
	if v := nr.attr(rb, "dialog[open] input[name=url]", "aria-invalid"); v != "true" {
		t.Errorf("%s: the refused address has aria-invalid=%q, want true", nr.step, v)
	}
	if !evaluate[bool](rb, `!!document.querySelector('dialog.editor-dialog[open]')`) {
		t.Fatalf("%s: the dialog closed on a refused address", nr.step)
	}
	// Ctrl+S in the dialog does not save the form behind it.
	rb.do(ctrlKey("s"), chromedp.Evaluate[chromedp.Void](`new Promise(r => setTimeout(r, 700))`, chromedp.EvalAwaitPromise))
	if at := evaluate[string](rb, `location.pathname`); at != "/admin/bai-viet/moi" || !evaluate[bool](rb, `!!document.querySelector('dialog.editor-dialog[open]')`) {
		t.Errorf("%s: Ctrl+S with the link dialog open went to %s, or closed the dialog", nr.step, at)
	}
	for _, vp := range []viewport{desktop, phone} {
		rb.do(vp.emulate())
		for _, p := range rb.audit(axeJS) {
			t.Errorf("%s: the article form with the link dialog open, at %s: %s", nr.step, vp.name, p)
		}
	}
	rb.do(desktop.emulate())
	rb.screenshot("notify-link-dialog.png")
	rb.do(chromedp.SetValue(chromedp.CSS("dialog[open] input[name=url]"), linkURL),
		chromedp.SendKeys(chromedp.CSS("dialog[open] input[name=text]"), linkText),
		chromedp.Click(chromedp.CSS("dialog[open] .editor-dialog-ok")))
	nr.waitJS(rb, "the dialog to close", `!document.querySelector('dialog.editor-dialog[open]')`, 3*time.Second)
	nr.waitBody(rb, `href="`+linkURL+`"`, 3*time.Second)
	if body := nr.body(rb); !strings.Contains(body, ">"+linkText+"</a>") {
		t.Errorf("%s: the link's text is not %q: %s", nr.step, linkText, body)
	}
	if !evaluate[bool](rb, `document.activeElement.classList.contains('editor-content')`) {
		t.Errorf("%s: after the dialog the focus is not back in the text", nr.step)
	}
	nr.waitJS(rb, "the count with the link", fmt.Sprintf(`document.querySelector('.editor-count').textContent === %q`, countLabel(paragraph, linkText)), 3*time.Second)

	// On a phone the save button stays at the bottom of the screen while
	// the top of the form is written.
	rb.do(phone.emulate(), chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`), newsroomSettle())
	type box struct {
		Top, Bottom, Inner float64
		Position           string
	}
	bar := evaluate[box](rb, `(() => { const b = document.querySelector('form.article-form .save-bar'), r = b.getBoundingClientRect();
		return {Top: r.top, Bottom: r.bottom, Inner: innerHeight, Position: getComputedStyle(b).position} })()`)
	if bar.Position != "sticky" || bar.Top < 0 || bar.Bottom > bar.Inner+1 {
		t.Errorf("%s: at %s the save bar is %+v, want sticky and on screen at the top of the form", nr.step, phone.name, bar)
	}
	if png, err := chromedp.Run(rb.ctx, chromedp.CaptureScreenshot()); err != nil {
		t.Errorf("%s: screenshot: %v", nr.step, err)
	} else if err := os.WriteFile(filepath.Join(nr.shots, "notify-save-bar-phone.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	rb.do(desktop.emulate())

	// Ctrl+S in the title field saves the form.
	rb.do(chromedp.Focus(chromedp.CSS("#title")))
	u := nr.keyAndWait(rb, ctrlKey("s"), `^/admin/bai-viet/\d+$`, "Đã lưu bài viết (nháp).")
	id := strings.TrimPrefix(u.Path, "/admin/bai-viet/")
	articleAdmin := portal.URL + "/admin/bai-viet/" + id
	if body := nr.body(rb); !strings.Contains(body, `href="`+linkURL+`"`) {
		t.Errorf("%s: after Ctrl+S the saved text lost its link: %s", nr.step, body)
	}
	nr.post(rb, `.workflow button[name=action][value=submit]`, "^/admin/bai-viet/"+id+"$", "Đã chuyển bài sang trạng thái “Chờ duyệt”.")

	// 4. The editor is told of the submission.
	nr.begin("4 editor sees the submission in the header and on the notifications page")
	eb := nr.tab(editorCtx, 60*time.Second)
	nr.signIn(eb, bientap)
	eb.visible(".notify-link .badge", "")
	if got := eb.visible(".notify-link", "").Content; got != "Thông báo 1 chưa đọc" {
		t.Errorf("%s: the header's link reads %q, want “Thông báo 1 chưa đọc”", nr.step, got)
	}
	for _, p := range eb.audit(axeJS) {
		t.Errorf("%s: the dashboard with a notification count: %s", nr.step, p)
	}
	eb.navigate(portal.URL + "/admin/thong-bao")
	wantSubmit := "Chưa đọc: " + phongvien.display + " đã gửi duyệt bài viết “" + title + "”."
	if got := eb.visible(".notice-item.unread .notice-text", "").Content; got != wantSubmit {
		t.Errorf("%s: the notice reads %q, want %q", nr.step, got, wantSubmit)
	}
	for _, vp := range []viewport{desktop, phone} {
		eb.do(vp.emulate())
		for _, p := range eb.audit(axeJS) {
			t.Errorf("%s: the notifications page with an unread notice, at %s: %s", nr.step, vp.name, p)
		}
	}
	eb.do(desktop.emulate())
	eb.screenshot("notify-editor-notifications.png")
	eb.clickAndWait(".notice-item.unread button.button-link", pathIs("/admin/bai-viet/"+id))
	eb.visible(".article-meta .status", "Chờ duyệt")
	if n := len(eb.elements(".notify-link .badge")); n != 0 {
		t.Errorf("%s: the notice opened, the header still counts %q", nr.step, eb.visible(".notify-link", "").Content)
	}

	// 5. The editor returns it with a comment; the reporter is told, and
	// e-mailed.
	nr.begin("5 editor returns it with a comment; the reporter is told and e-mailed")
	eb.do(chromedp.SendKeys(chromedp.CSS("#comment"), newsroomNFC(comment)))
	nr.post(eb, `.workflow button[name=action][value=return]`, "^/admin/bai-viet/"+id+"$", "Đã chuyển bài sang trạng thái “Trả lại”.")
	msgs := sink.Wait(t, 1, 30*time.Second)
	m := msgs[0]
	if len(m.To) != 1 || m.To[0] != address || !strings.Contains(m.Subject, "Trả lại") || !strings.Contains(m.Subject, title) ||
		!strings.Contains(m.Body, comment) || !strings.Contains(m.Body, "Lê Biên Tập đã trả lại bài viết") {
		t.Errorf("%s: the e-mail is to %v, subject %q, body:\n%s", nr.step, m.To, m.Subject, m.Body)
	}
	rb.navigate(portal.URL + "/admin/")
	if got := rb.visible(".notify-link", "").Content; got != "Thông báo 1 chưa đọc" {
		t.Errorf("%s: the reporter's header reads %q, want “Thông báo 1 chưa đọc”", nr.step, got)
	}
	rb.navigate(portal.URL + "/admin/thong-bao?chua-doc=1")
	rb.visible(".notice-item.unread .notice-comment q.comment", comment)
	rb.screenshot("notify-reporter-notifications.png")
	rb.clickAndWait(".notice-item.unread button.button-link", pathIs("/admin/bai-viet/"+id))
	rb.visible(".article-meta .status", "Trả lại")

	// 6. Sent again, then withdrawn before any editor acts.
	nr.begin("6 reporter sends it again, then withdraws it")
	nr.post(rb, `.workflow button[name=action][value=submit]`, "^/admin/bai-viet/"+id+"$", "Đã chuyển bài sang trạng thái “Chờ duyệt”.")
	eb.navigate(portal.URL + "/admin/")
	if got := eb.visible(".notify-link", "").Content; got != "Thông báo 1 chưa đọc" {
		t.Errorf("%s: after the second submission the editor's header reads %q", nr.step, got)
	}
	nr.post(rb, `.workflow button[name=action][value=withdraw]`, "^/admin/bai-viet/"+id+"$", "Đã rút lại bài; trạng thái trở về “Nháp” để bạn sửa tiếp.")
	rb.visible(".article-meta .status", "Nháp")
	if n := len(rb.elements(`.workflow button[value=withdraw]`)); n != 0 {
		t.Errorf("%s: a draft still offers Rút lại", nr.step)
	}
	eb.navigate(portal.URL + "/admin/")
	if n := len(eb.elements(".notify-link .badge")); n != 0 {
		t.Errorf("%s: the submission withdrawn, the editor's header still counts %q", nr.step, eb.visible(".notify-link", "").Content)
	}

	// 7. Sent again and published: the reporter is told, and e-mailed.
	nr.begin("7 sent again and published: the reporter is told")
	nr.post(rb, `.workflow button[name=action][value=submit]`, "^/admin/bai-viet/"+id+"$", "Đã chuyển bài sang trạng thái “Chờ duyệt”.")
	eb.navigate(articleAdmin)
	if n := len(eb.elements(`.workflow button[value=withdraw]`)); n != 0 {
		t.Errorf("%s: the editor is offered to withdraw the reporter's submission", nr.step)
	}
	nr.post(eb, `.workflow button[name=action][value=publish]`, "^/admin/bai-viet/"+id+"$", "")
	eb.visible(".article-meta .status", "Đã xuất bản")
	msgs = sink.Wait(t, 2, 30*time.Second)
	if m := msgs[1]; !strings.HasPrefix(m.Subject, "Đã xuất bản") || !strings.Contains(m.Body, "Lê Biên Tập đã xuất bản bài viết “"+title+"”.") {
		t.Errorf("%s: the second e-mail has subject %q, body:\n%s", nr.step, m.Subject, m.Body)
	}
	rb.navigate(portal.URL + "/admin/thong-bao")
	if got := rb.elements(".notice-item .notice-text"); len(got) < 2 || got[0].Content != "Chưa đọc: Lê Biên Tập đã xuất bản bài viết “"+title+"”." {
		t.Errorf("%s: the reporter's notices are %q, want the publication first", nr.step, texts(got))
	}
	nr.post(rb, `form[action="/admin/thong-bao/da-doc"] button[type=submit]`, `^/admin/thong-bao$`, "Đã đánh dấu 1 thông báo là đã đọc.")
	if n := len(rb.elements(".notify-link .badge")); n != 0 {
		t.Errorf("%s: all read, the header still counts %q", nr.step, rb.visible(".notify-link", "").Content)
	}

	// 8. The article's own audit log, for the editor.
	nr.begin("8 editor opens the article's audit log")
	eb.navigate(articleAdmin)
	if l := eb.visible(`.audit-link a[href^="/admin/nhat-ky?"]`, "").Text; l != "Nhật ký của bài này" {
		t.Errorf("%s: the link to the article's log reads %q", nr.step, l)
	}
	eb.clickAndWait(`.audit-link a[href^="/admin/nhat-ky?"]`, pathIs("/admin/nhat-ky"))
	eb.visible(".notice", "Đang xem nhật ký của bài viết #"+id+". Mở bài viết #"+id+" · Xem toàn bộ nhật ký")
	actions := texts(eb.elements("table.grid tbody tr td:nth-child(4)"))
	for _, want := range []string{"Tạo bài viết", "Gửi duyệt bài viết", "Trả lại bài viết", "Rút lại bài viết", "Xuất bản bài viết"} {
		if !contains(actions, want) {
			t.Errorf("%s: the article's log has no %q: %q", nr.step, want, actions)
		}
	}
	for _, a := range actions {
		if strings.Contains(a, ".") || strings.Contains(a, "login") {
			t.Errorf("%s: an action shown as a code, or another item's: %q", nr.step, a)
		}
	}
	for _, p := range eb.audit(axeJS) {
		t.Errorf("%s: the article's audit log: %s", nr.step, p)
	}
	eb.screenshot("notify-audit-of-article.png")
	rb.navigate(portal.URL + "/admin/nhat-ky")
	if h := rb.visible(".admin-main h1", "").Text; h == "Nhật ký hoạt động" {
		t.Errorf("%s: a reporter reads the audit log", nr.step)
	}

	for _, who := range []string{"reporter", "editor"} {
		for _, m := range nr.console(who) {
			// The reporter's refused audit log is the one error expected.
			if (m.IsException() || m.Type == chromedp.ConsoleError) && !(who == "reporter" && strings.Contains(m.Text, "403")) {
				t.Errorf("the %s's console: %s", who, m.Text)
			}
		}
	}
}

// countLabel is the editor's count of paragraphs: words between spaces,
// characters with the spaces but not the breaks between paragraphs.
func countLabel(paragraphs ...string) string {
	words, chars := 0, 0
	for _, p := range paragraphs {
		words += len(strings.Fields(p))
		chars += utf8.RuneCountInString(newsroomNFC(p))
	}
	return fmt.Sprintf("%d từ · %d ký tự", words, chars)
}

// ctrlKey presses Ctrl and a letter, as a shortcut: key down and up,
// with no character typed.
func ctrlKey(letter string) chromedp.Action[chromedp.Void] {
	up := strings.ToUpper(letter)
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeRawKeyDown, input.DispatchKeyEventTypeKeyUp} {
			if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, input.DispatchKeyEventParams{
				Type: typ, Modifiers: 2, Key: letter, Code: "Key" + up,
				WindowsVirtualKeyCode: int64(up[0]), NativeVirtualKeyCode: int64(up[0]),
			}); err != nil {
				return err
			}
		}
		return nil
	})
}

// keyAndWait presses keys that leave the page (Ctrl+S) and checks the
// next one as post does.
func (nr *newsroom) keyAndWait(b *tab, key chromedp.Action[chromedp.Void], pathRE, flash string) *url.URL {
	nr.t.Helper()
	before := evaluate[string](b, `location.href`)
	b.do(key)
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		ctx, cancel := context.WithTimeout(b.ctx, 2*time.Second)
		state, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[location.href, document.readyState]`))
		cancel()
		if err != nil || len(state) != 2 || state[0] == before || state[1] != "complete" {
			continue
		}
		u, _ := url.Parse(state[0])
		if !regexp.MustCompile(pathRE).MatchString(u.Path) {
			nr.t.Fatalf("%s: after the key the browser is at %s, want %s", nr.step, u, pathRE)
		}
		if got := b.elements(".flash"); flash != "" && (len(got) != 1 || got[0].Text != flash) {
			nr.t.Fatalf("%s: after the key the confirmation is %q, want %q", nr.step, texts(got), flash)
		}
		return u
	}
	nr.t.Fatalf("%s: the key left %s for no other page", nr.step, before)
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
