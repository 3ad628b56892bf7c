package main_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The back office never loses a word (issue 23): the browser tests of
// the autosave, the expired session, the edit conflicts, the soft lock,
// the workflow buttons that save, and the confirmation before taking an
// article down. Each signs its people in, in browser contexts of their
// own, on a portal with one imported article.

func init() {
	adminA11yPages = append(adminA11yPages,
		adminPage{name: "sign-in after the session ended", path: "/admin/dang-nhap?het-han=giu&next=/admin/bai-viet/moi", signedOut: true},
		adminPage{name: "new document", path: "/admin/van-ban/moi"},
		adminPage{name: "new about page", path: "/admin/gioi-thieu/moi"},
		adminPage{name: "schedule entry edit", find: firstLink(`/admin/lich-cong-tac/muc/\d+`, "/admin/lich-cong-tac")},
	)
}

// Another editor, for the conflicts.
var bientap2 = staff{"bientap2", "editor", "Phạm Thẩm Định"}

// noLostWork is a portal for the tests of this file: its database file,
// with staff and one imported, published article.
type noLostWork struct {
	*newsroom
	dbPath  string
	browser context.Context
	axe     string
}

func startNoLostWork(t *testing.T) *noLostWork {
	browserPath := findBrowser(t)
	requireEditorBundle(t)
	nl := &noLostWork{newsroom: newNewsroom(t), axe: axeSource(t)}
	nl.begin("setup: portal, staff, one article")
	dir := t.TempDir()
	nl.dbPath = filepath.Join(dir, "c.db")
	db := "sqlite:" + nl.dbPath
	if _, errOut, err := runCmd(t, "import", "-db", db, writeJSON(t, dir, "a.json", articleRecords(1))); err != nil {
		t.Fatalf("import: %v\n%s", err, errOut)
	}
	nl.addStaff(db, phongvien, bientap, bientap2)
	nl.portal = StartPortal(t, "serve", "-db", db)
	nl.browser = nl.startBrowser(browserPath)
	return nl
}

// exec runs a statement on the portal's database file, as an operator
// would with the sqlite3 shell, while the portal runs.
func (nl *noLostWork) exec(query string, args ...any) {
	nl.t.Helper()
	db, err := sql.Open("sqlite", "file:"+nl.dbPath+"?_pragma=busy_timeout(10000)")
	if err != nil {
		nl.t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(query, args...); err != nil {
		nl.t.Fatalf("%s: %s: %v", nl.step, query, err)
	}
}

// expireSessions ends every session now, for real: their end time in the
// database passes, as it does after 12 hours.
func (nl *noLostWork) expireSessions() {
	nl.exec(`UPDATE sessions SET expires_at = ?`, time.Now().Add(-time.Minute).Unix())
}

// value reads a form field's value.
func (nl *noLostWork) value(b *tab, sel string) string {
	nl.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Value(chromedp.CSS(sel)))
	if err != nil {
		nl.t.Fatalf("%s: read %s: %v", nl.step, sel, err)
	}
	return v
}

// setValue replaces a text field's value as someone typing would: the
// field is emptied, then the text typed.
func (nl *noLostWork) setValue(b *tab, sel, text string) {
	nl.t.Helper()
	b.do(chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(el => { el.focus(); el.select(); })(document.querySelector(%q))`, sel)))
	nl.typeText(b, text)
	if got := nl.value(b, sel); got != newsroomNFC(text) {
		nl.t.Fatalf("%s: %s holds %q after typing %q", nl.step, sel, got, text)
	}
}

// typeAtEnd types a new paragraph at the end of the rich-text editor.
func (nl *noLostWork) typeAtEnd(b *tab, text string) {
	nl.t.Helper()
	nl.waitJS(b, "the rich-text editor", `!!document.querySelector('.editor.is-enhanced .editor-content[contenteditable="true"]')`, 10*time.Second)
	b.do(
		chromedp.Evaluate[chromedp.Void](`(el => { el.focus(); const s = getSelection(); s.selectAllChildren(el); s.collapseToEnd(); })(document.querySelector('.editor-content'))`),
		newsroomSettle(), newsroomEnter(),
	)
	nl.typeText(b, text)
	nl.waitBody(b, newsroomNFC(text), 3*time.Second)
}

// signInHere fills the sign-in form the tab shows and sends it; the next
// page's path must match pathRE.
func (nl *noLostWork) signInHere(b *tab, as staff, pathRE string) *url.URL {
	nl.t.Helper()
	b.do(
		chromedp.SendKeys(chromedp.CSS("#username"), as.name),
		chromedp.SendKeys(chromedp.CSS("#password"), newsroomNFC(staffPassword)),
	)
	return nl.send(b, `.login-box button[type=submit]`, pathRE, "")
}

// articleID is the edit page's article.
func (nl *noLostWork) articleOf(b *tab) string {
	nl.t.Helper()
	p := evaluate[string](b, `location.pathname`)
	m := regexp.MustCompile(`^/admin/bai-viet/(\d+)$`).FindStringSubmatch(p)
	if m == nil {
		nl.t.Fatalf("%s: not on an article's edit page: %s", nl.step, p)
	}
	return m[1]
}

// importedArticle is the edit page of the imported article.
func (nl *noLostWork) importedArticle(b *tab) string {
	nl.t.Helper()
	b.navigate(nl.portal.URL + "/admin/bai-viet")
	href := evaluate[string](b, `(document.querySelector('table a[href^="/admin/bai-viet/"]') || {}).getAttribute?.('href') || ""`)
	if href == "" {
		nl.t.Fatalf("%s: no article in the list", nl.step)
	}
	return nl.portal.URL + href
}

// audit runs axe-core on the page as it is and fails on any violation.
func (nl *noLostWork) audit(b *tab, what string) {
	nl.t.Helper()
	for _, p := range b.audit(nl.axe) {
		nl.t.Errorf("%s: axe-core on %s: %s", nl.step, what, p)
	}
}

// dialogs answers the tab's JavaScript dialogs (beforeunload) with
// accept, and tells of each.
func dialogs(ctx context.Context, accept bool) <-chan string {
	seen := make(chan string, 8)
	events := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range events {
			if err != nil {
				return
			}
			select {
			case seen <- string(ev.Type):
			default:
			}
			_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: accept})
		}
	}()
	return seen
}

// TestBrowserExpiredSessionKeepsText: a reporter writes a new article; the
// session ends while she types (its end passes in the database). The
// autosave says so, with a link to sign in again, and keeps a copy in the
// browser; Lưu lands on the sign-in page, which says why, and after
// signing in the form is back with everything typed, and saves. Then the
// browser loses its cookie altogether (signed out elsewhere, cookies
// cleared): Lưu again keeps the text, carried by the sign-in page.
func TestBrowserExpiredSessionKeepsText(t *testing.T) {
	nl := startNoLostWork(t)
	const (
		title = "Xã tổ chức ngày hội đại đoàn kết toàn dân tộc"
		lead  = "Sáng nay, Ủy ban Mặt trận Tổ quốc xã tổ chức ngày hội đại đoàn kết ở thôn Bình An."
		para  = "Ngày hội có nhiều hoạt động văn hóa, thể thao sôi nổi."
		lead2 = "Chiều nay, ngày hội khép lại với phần trao thưởng cho các đội thi."
	)
	nl.begin("1 the reporter writes a new article")
	rb := nl.tab(nl.person(nl.browser, "reporter"), 3*time.Minute)
	nl.signIn(rb, phongvien)
	rb.navigate(nl.portal.URL + "/admin/bai-viet/moi")
	nl.typeAtEnd(rb, para)
	rb.do(chromedp.Focus(chromedp.CSS("#title")))
	nl.typeText(rb, title)
	rb.do(chromedp.Focus(chromedp.CSS("#lead")))
	nl.typeText(rb, lead)
	cat := evaluate[string](rb, `Array.from(document.querySelectorAll('#category_id option')).find(o => o.value !== '').value`)
	rb.do(chromedp.SetValue(chromedp.CSS("#category_id"), cat))

	nl.begin("2 the session ends while she types: the page says so")
	nl.expireSessions()
	nl.waitJS(rb, "the notice that the session has ended", `document.querySelector('[data-session-notice]').textContent.includes('Phiên đăng nhập đã hết hạn')`, 25*time.Second)
	if href := nl.attr(rb, "[data-session-notice] a", "href"); !strings.HasPrefix(href, "/admin/dang-nhap?next=") || nl.attr(rb, "[data-session-notice] a", "target") != "_blank" {
		t.Errorf("%s: the notice's link is %q, want the sign-in page in another tab", nl.step, href)
	}
	kept := evaluate[string](rb, `Object.keys(localStorage).filter(k => k.startsWith('congtin-ban-nhap:')).map(k => localStorage.getItem(k)).join('')`)
	if !strings.Contains(kept, url.QueryEscape(newsroomNFC(title))[:20]) && !strings.Contains(kept, "title=") {
		t.Errorf("%s: no copy of the form in the browser's storage: %q", nl.step, kept)
	}
	rb.screenshot("nolostwork-session-ended.png")
	nl.audit(rb, "the form with the session's notice")

	nl.begin("3 Lưu asks to sign in again, and says why")
	u := nl.send(rb, "form.article-form [data-save]", `^/admin/dang-nhap$`, "")
	if u.Query().Get("het-han") != "giu" {
		t.Errorf("%s: the sign-in page is %s, want het-han=giu", nl.step, u)
	}
	notice := rb.visible(".login-box .notice", "").Text
	if !strings.Contains(notice, "Phiên đăng nhập đã hết hạn khi bạn lưu") || !strings.Contains(notice, "giữ lại") {
		t.Errorf("%s: the sign-in page says %q", nl.step, notice)
	}
	rb.screenshot("nolostwork-signin-kept.png")
	nl.audit(rb, "the sign-in page after the session ended")

	nl.begin("4 after signing in, the form is back with the text")
	u = nl.signInHere(rb, phongvien, `^/admin/bai-viet/moi$`)
	if u.Query().Get("khoi-phuc") == "" {
		t.Errorf("%s: signed in to %s, want the form restored (khoi-phuc)", nl.step, u)
	}
	if got := nl.value(rb, "#title"); got != newsroomNFC(title) {
		t.Errorf("%s: the title is %q, want %q", nl.step, got, title)
	}
	if got := nl.value(rb, "#lead"); got != newsroomNFC(lead) {
		t.Errorf("%s: the lead is %q, want %q", nl.step, got, lead)
	}
	if got := nl.body(rb); !strings.Contains(got, newsroomNFC(para)) {
		t.Errorf("%s: the body is %q, want the paragraph %q", nl.step, got, para)
	}
	if f := rb.visible(".flash", "").Text; !strings.Contains(f, "Đã khôi phục nội dung chưa lưu") {
		t.Errorf("%s: the page says %q", nl.step, f)
	}
	rb.screenshot("nolostwork-restored.png")
	u = nl.send(rb, "form.article-form [data-save]", `^/admin/bai-viet/\d+$`, "Đã lưu bài viết (nháp).")
	id := strings.TrimPrefix(u.Path, "/admin/bai-viet/")
	if got := nl.value(rb, "#title"); got != newsroomNFC(title) {
		t.Errorf("%s: saved, the title is %q", nl.step, got)
	}
	if evaluate[bool](rb, `Object.keys(localStorage).some(k => k.startsWith('congtin-ban-nhap:'))`) {
		t.Errorf("%s: the browser still keeps a copy of the saved form", nl.step)
	}

	nl.begin("5 the cookie is gone: the sign-in page carries the text")
	nl.setValue(rb, "#lead", lead2)
	if _, err := chromedp.Run(rb.ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, network.ClearBrowserCookies, cdp.Empty{})
		return err
	})); err != nil {
		t.Fatal(err)
	}
	nl.send(rb, "form.article-form [data-save]", `^/admin/bai-viet/`+id+`$`, "")
	if n := len(rb.elements(`.login-box input[type=hidden][name="giu.lead"]`)); n != 1 {
		t.Fatalf("%s: the sign-in page carries %d lead fields, want 1", nl.step, n)
	}
	rb.visible(".login-box .notice", "")
	nl.signInHere(rb, phongvien, `^/admin/bai-viet/`+id+`$`)
	if got := nl.value(rb, "#lead"); got != newsroomNFC(lead2) {
		t.Errorf("%s: the lead is %q, want %q", nl.step, got, lead2)
	}
	nl.send(rb, "form.article-form [data-save]", `^/admin/bai-viet/`+id+`$`, "Đã lưu bài viết.")
	if got := nl.value(rb, "#lead"); got != newsroomNFC(lead2) {
		t.Errorf("%s: saved, the lead is %q, want %q", nl.step, got, lead2)
	}
	nl.checkConsole(t, "reporter")
}

// TestBrowserEditConflict: two editors open the same article in two
// browsers. The second sees that the first is editing it, and the first
// learns of the second by the heartbeat. The first saves a new title; the
// second, who added a paragraph on the old version, gets the conflict
// (both versions, the word diff, who saved and when), not an overwrite;
// the second merges the title by hand and saves; the article has both.
func TestBrowserEditConflict(t *testing.T) {
	nl := startNoLostWork(t)
	const (
		titleA = "Đẩy mạnh công tác chuyển hóa địa bàn trọng điểm năm 2027"
		paraB  = "Ban Chỉ đạo giao Công an tỉnh theo dõi, đôn đốc thực hiện."
	)
	nl.begin("1 both editors open the article")
	ab := nl.tab(nl.person(nl.browser, "editor A"), 3*time.Minute)
	bb := nl.tab(nl.person(nl.browser, "editor B"), 3*time.Minute)
	nl.signIn(ab, bientap)
	nl.signIn(bb, bientap2)
	edit := nl.importedArticle(ab)
	ab.navigate(edit)
	nl.waitJS(ab, "A's first heartbeat", `performance.getEntriesByType('resource').some(e => e.name.includes('/admin/dang-sua/'))`, 10*time.Second)
	time.Sleep(300 * time.Millisecond)
	bb.navigate(edit)
	if lock := bb.visible("[data-lock-notice]", "").Text; !strings.Contains(lock, "Đang được sửa bởi "+bientap.display) {
		t.Errorf("%s: B's page says %q, want that %s is editing", nl.step, lock, bientap.display)
	}
	oldTitle := nl.value(bb, "#title")
	nl.waitJS(ab, "A learns that B has the article open", fmt.Sprintf(`document.querySelector('[data-lock-notice]').textContent.includes(%q)`, bientap2.display), 40*time.Second)
	ab.screenshot("nolostwork-lock.png")

	nl.begin("2 A saves a new title")
	nl.setValue(ab, "#title", titleA)
	nl.send(ab, "form.article-form [data-save]", `^/admin/bai-viet/\d+$`, "Đã lưu bài viết.")

	nl.begin("3 B adds a paragraph to the old version: a conflict, not an overwrite")
	nl.typeAtEnd(bb, paraB)
	nl.send(bb, "form.article-form [data-save]", `^/admin/bai-viet/\d+$`, "")
	if a := bb.visible(".alert", "").Text; !strings.Contains(a, "vừa được người khác lưu") {
		t.Fatalf("%s: B's page says %q, want the conflict", nl.step, a)
	}
	head := bb.visible(".conflict h2", "").Text
	if !strings.Contains(head, bientap.display) {
		t.Errorf("%s: the conflict's heading is %q, want who saved (%s)", nl.step, head, bientap.display)
	}
	if ins := evaluate[string](bb, `Array.from(document.querySelectorAll('.conflict ins'), e => e.textContent).join(' ')`); !strings.Contains(ins, "2027") {
		t.Errorf("%s: the conflict's insertions are %q, want A's title words", nl.step, ins)
	}
	if del := evaluate[string](bb, `Array.from(document.querySelectorAll('.conflict del'), e => e.textContent).join(' ')`); !strings.Contains(del, "Công an tỉnh") {
		t.Errorf("%s: the conflict's deletions are %q, want B's paragraph", nl.step, del)
	}
	if got := nl.value(bb, "#title"); got != oldTitle {
		t.Errorf("%s: B's form holds the title %q, want B's own %q", nl.step, got, oldTitle)
	}
	if got := nl.body(bb); !strings.Contains(got, newsroomNFC(paraB)) {
		t.Errorf("%s: B's form lost the paragraph: %q", nl.step, got)
	}
	bb.screenshot("nolostwork-conflict-1280.png")
	nl.audit(bb, "the conflict view at 1280 px")
	bb.do(phone390.emulate())
	bb.screenshot("nolostwork-conflict-390.png")
	nl.audit(bb, "the conflict view at 390 px")
	bb.do(desktop.emulate())

	nl.begin("4 B merges A's title by hand and saves")
	nl.setValue(bb, "#title", titleA)
	nl.send(bb, "form.article-form [data-save]", `^/admin/bai-viet/\d+$`, "Đã lưu bài viết.")
	if got := nl.value(bb, "#title"); got != newsroomNFC(titleA) {
		t.Errorf("%s: the title is %q, want A's %q", nl.step, got, titleA)
	}
	if got := nl.body(bb); !strings.Contains(got, newsroomNFC(paraB)) {
		t.Errorf("%s: the body lost B's paragraph: %q", nl.step, got)
	}
	nl.begin("5 A reloads: the article has both changes")
	ab.navigate(edit)
	if got := nl.value(ab, "#title"); got != newsroomNFC(titleA) {
		t.Errorf("%s: the title is %q", nl.step, got)
	}
	if got := nl.body(ab); !strings.Contains(got, newsroomNFC(paraB)) {
		t.Errorf("%s: A does not see B's paragraph: %q", nl.step, got)
	}
	nl.checkConsole(t, "editor A", "editor B")
}

// phone390 is a phone 390 px wide.
var phone390 = viewport{"390px phone", 390, 844, 2, true}

// TestBrowserStepSavesFirst: a reporter changes the title of her draft
// and, without Lưu, sends it for approval: the new title is what is sent.
// An editor changes the lead and returns the article without a comment:
// refused, and nothing is saved, but the form keeps the lead; with a
// comment it goes through. Publishing with the time field empty publishes
// now; Gỡ bài asks first, in a dialog.
func TestBrowserStepSavesFirst(t *testing.T) {
	nl := startNoLostWork(t)
	const (
		title  = "Hội nghị sơ kết công tác cải cách hành chính"
		title2 = "Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm"
		lead   = "Hội nghị đánh giá kết quả và đề ra nhiệm vụ sáu tháng cuối năm."
		note   = "Đề nghị bổ sung số liệu"
	)
	nl.begin("1 the reporter's draft")
	rb := nl.tab(nl.person(nl.browser, "reporter"), 2*time.Minute)
	nl.signIn(rb, phongvien)
	rb.navigate(nl.portal.URL + "/admin/bai-viet/moi")
	rb.do(chromedp.Focus(chromedp.CSS("#title")))
	nl.typeText(rb, title)
	cat := evaluate[string](rb, `Array.from(document.querySelectorAll('#category_id option')).find(o => o.value !== '').value`)
	rb.do(chromedp.SetValue(chromedp.CSS("#category_id"), cat))
	nl.send(rb, "form.article-form [data-save]", `^/admin/bai-viet/\d+$`, "Đã lưu bài viết (nháp).")
	id := nl.articleOf(rb)

	nl.begin("2 a new title on screen, then Gửi duyệt: the new title is sent")
	nl.setValue(rb, "#title", title2)
	nl.send(rb, `.workflow button[name=action][value=submit]`, "^/admin/bai-viet/"+id+"$", "Đã lưu thay đổi. Đã chuyển bài sang trạng thái “Chờ duyệt”.")
	rb.visible(".article-meta .status", "Chờ duyệt")
	rb.visible("h2", newsroomNFC(title2))

	nl.begin("3 the editor returns it without a comment: refused, nothing saved, the lead kept")
	eb := nl.tab(nl.person(nl.browser, "editor"), 2*time.Minute)
	nl.signIn(eb, bientap)
	eb.navigate(nl.portal.URL + "/admin/bai-viet/" + id)
	nl.setValue(eb, "#lead", lead)
	nl.send(eb, `.workflow button[name=action][value=return]`, "^/admin/bai-viet/"+id+"$", "")
	eb.visible(".alert", "")
	if got := nl.value(eb, "#lead"); got != newsroomNFC(lead) {
		t.Errorf("%s: the refused form holds the lead %q, want %q", nl.step, got, lead)
	}
	if e := eb.visible(".workflow .field-error", "").Text; !strings.Contains(e, "Hãy ghi ý kiến") {
		t.Errorf("%s: the comment's message is %q", nl.step, e)
	}
	rb.navigate(nl.portal.URL + "/admin/bai-viet/" + id)
	rb.visible(".article-meta .status", "Chờ duyệt")
	if strings.Contains(evaluate[string](rb, `document.body.innerText`), newsroomNFC(lead)) {
		t.Errorf("%s: the refused step saved the lead", nl.step)
	}

	nl.begin("4 with a comment the step goes through, with the lead")
	eb.do(chromedp.Focus(chromedp.CSS("#comment")))
	nl.typeText(eb, note)
	nl.send(eb, `.workflow button[name=action][value=return]`, "^/admin/bai-viet/"+id+"$", "Đã lưu thay đổi. Đã chuyển bài sang trạng thái “Trả lại”.")
	eb.visible(".notes q.comment", newsroomNFC(note))
	if got := nl.value(eb, "#lead"); got != newsroomNFC(lead) {
		t.Errorf("%s: the lead is %q", nl.step, got)
	}

	nl.begin("5 Xuất bản with the time field empty publishes now")
	if got := nl.value(eb, "#published_at"); got != "" {
		t.Errorf("%s: a draft's time field shows %q, want empty (at publication)", nl.step, got)
	}
	nl.send(eb, `.workflow button[name=action][value=publish]`, "^/admin/bai-viet/"+id+"$", "Đã chuyển bài sang trạng thái “Đã xuất bản”.")
	if href := nl.attr(eb, ".article-meta a[target=_blank]", "href"); href == "" {
		t.Errorf("%s: the published article has no public link: it was not published now", nl.step)
	}

	nl.begin("6 Gỡ bài asks first")
	b := eb.elements(`.workflow button[value=unpublish]`)
	if len(b) != 1 {
		t.Fatalf("%s: %d Gỡ bài buttons", nl.step, len(b))
	}
	eb.do(chromedp.Click(chromedp.CSS(`.workflow button[value=unpublish]`)))
	nl.waitJS(eb, "the confirmation dialog", `!!document.querySelector('dialog.confirm-dialog[open]')`, 5*time.Second)
	if txt := eb.visible("dialog.confirm-dialog p", "").Text; !strings.Contains(txt, "không còn hiển thị trên cổng") {
		t.Errorf("%s: the dialog says %q", nl.step, txt)
	}
	if f := evaluate[string](eb, `document.activeElement.textContent`); f != "Hủy" {
		t.Errorf("%s: the dialog's focus is on %q, want Hủy", nl.step, f)
	}
	eb.screenshot("nolostwork-unpublish-dialog.png")
	nl.audit(eb, "the unpublish dialog")
	eb.do(chromedp.Click(chromedp.CSS(`dialog.confirm-dialog button[value=cancel]`)))
	nl.waitJS(eb, "the dialog to close", `!document.querySelector('dialog.confirm-dialog')`, 5*time.Second)
	eb.visible(".article-meta .status", "Đã xuất bản")
	eb.do(chromedp.Click(chromedp.CSS(`.workflow button[value=unpublish]`)))
	nl.waitJS(eb, "the confirmation dialog", `!!document.querySelector('dialog.confirm-dialog[open]')`, 5*time.Second)
	nl.send(eb, `dialog.confirm-dialog button[value=ok]`, "^/admin/bai-viet/"+id+"$", "Đã chuyển bài sang trạng thái “Gỡ bài”.")
	eb.visible(".article-meta .status", "Gỡ bài")
	nl.checkConsole(t, "reporter", "editor")
}

// TestBrowserCrashedTabAutosave: a reporter adds a paragraph to an
// article; leaving the page now asks first; the autosave runs; the tab
// crashes. Opening the article again offers the unsaved text, which comes
// back and saves.
func TestBrowserCrashedTabAutosave(t *testing.T) {
	nl := startNoLostWork(t)
	const para = "Đến nay, 12 địa bàn đã được chuyển hóa, vượt kế hoạch đề ra."
	nl.begin("1 the editor adds a paragraph")
	person := nl.person(nl.browser, "editor")
	eb := nl.tab(person, 2*time.Minute)
	nl.signIn(eb, bientap)
	edit := nl.importedArticle(eb)
	eb.navigate(edit)
	seen := dialogs(eb.ctx, false)
	nl.typeAtEnd(eb, para)

	nl.begin("2 leaving the page asks first")
	b := eb.elements(".autosave-status")
	if len(b) != 1 {
		t.Errorf("%s: %d autosave status lines, want 1", nl.step, len(b))
	}
	eb.do(chromedp.Evaluate[chromedp.Void](`setTimeout(() => { location.href = '/admin/' }, 0)`))
	select {
	case typ := <-seen:
		if typ != string(page.DialogTypeBeforeunload) {
			t.Errorf("%s: leaving opened a %s dialog, want beforeunload", nl.step, typ)
		}
	case <-time.After(5 * time.Second):
		t.Errorf("%s: leaving with unsaved changes did not ask first", nl.step)
	}
	time.Sleep(300 * time.Millisecond)
	if p := evaluate[string](eb, `location.pathname`); !strings.HasPrefix(p, "/admin/bai-viet/") {
		t.Fatalf("%s: declining to leave, the tab is at %s", nl.step, p)
	}

	nl.begin("3 the autosave runs, then the tab crashes")
	nl.waitJS(eb, "the autosave", `document.querySelector('.autosave-status').textContent.includes('Đã lưu tạm')`, 25*time.Second)
	eb.screenshot("nolostwork-autosaved.png")
	crash, cancel := context.WithTimeout(eb.ctx, 3*time.Second)
	_, _ = chromedp.Run(crash, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.Crash, cdp.Empty{})
		return err
	}))
	cancel()

	nl.begin("4 the article again, in a new tab: the text comes back")
	tabCtx, closeTab := chromedp.NewContext(person)
	defer closeTab()
	nb := nl.tab(tabCtx, time.Minute)
	nb.navigate(edit)
	notice := nb.visible(".draft-notice", "").Text
	if !strings.Contains(notice, "Có nội dung chưa lưu từ") {
		t.Fatalf("%s: the page offers %q", nl.step, notice)
	}
	nb.screenshot("nolostwork-draft-offered.png")
	nl.audit(nb, "the edit page offering a draft")
	if strings.Contains(nl.body(nb), newsroomNFC(para)) {
		t.Errorf("%s: the paragraph is in the form before it is restored", nl.step)
	}
	nl.send(nb, ".draft-notice a.button", `^/admin/bai-viet/\d+$`, "")
	if got := nl.body(nb); !strings.Contains(got, newsroomNFC(para)) {
		t.Fatalf("%s: restored, the body is %q", nl.step, got)
	}
	nl.send(nb, "form.article-form [data-save]", `^/admin/bai-viet/\d+$`, "Đã lưu bài viết.")
	if got := nl.body(nb); !strings.Contains(got, newsroomNFC(para)) {
		t.Errorf("%s: saved, the body is %q", nl.step, got)
	}
	if n := len(nb.elements(".draft-notice")); n != 0 {
		t.Errorf("%s: after the save the page still offers a draft", nl.step)
	}
}

// send clicks a button that submits a form and waits for the page that
// answers, which may have the same address (a form shown again); then as
// newsroom.post: its path must match pathRE and, when flash is not empty,
// the page confirm with flash.
func (nl *noLostWork) send(b *tab, button, pathRE, flash string) *url.URL {
	nl.t.Helper()
	b.do(chromedp.Evaluate[chromedp.Void](`window.__before = 1`))
	b.do(chromedp.Click(chromedp.CSS(button)))
	var href string
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		ctx, cancel := context.WithTimeout(b.ctx, 2*time.Second)
		state, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[location.href, document.readyState, String(window.__before === undefined)]`))
		cancel()
		if err == nil && len(state) == 3 && state[1] == "complete" && state[2] == "true" {
			href = state[0]
			break
		}
		if time.Now().After(deadline) {
			nl.t.Fatalf("%s: after clicking %s no new page came (%v, %v)", nl.step, button, state, err)
		}
	}
	u, err := url.Parse(href)
	if err != nil {
		nl.t.Fatal(err)
	}
	nl.landed(b, button, u, pathRE, flash)
	return u
}

// checkConsole fails on any script error of the people's pages.
func (nl *noLostWork) checkConsole(t *testing.T, who ...string) {
	for _, w := range who {
		for _, m := range nl.console(w) {
			// A refused form (400), a conflict (409) and an ended session
			// (401) are answers the pages expect; the browser logs them.
			if m.IsException() || m.Type == chromedp.ConsoleError && !strings.HasPrefix(m.Text, "Failed to load resource") {
				t.Errorf("the %s's page logged: %s", w, m.Text)
			}
		}
	}
}
