package main_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"golang.org/x/text/unicode/norm"
)

func init() {
	// The lists with a search and filters applied, and the documents'.
	adminA11yPages = append(adminA11yPages,
		adminPage{name: "articles searched and filtered", path: "/admin/bai-viet?q=chuyen+hoa&trang-thai=published&theo=xuat-ban&tu=2019-01-01&den=2030-12-31"},
		adminPage{name: "articles with bad filters", path: "/admin/bai-viet?trang-thai=x&tu=hôm-qua&nguoi-viet=abc&chuyen-muc=999999"},
		adminPage{name: "documents searched", path: "/admin/van-ban?q=ubnd&theo=ban-hanh&tu=2000-01-01"},
	)
}

// TestBrowserListSearchAndBulkPublish: list search and bulk publish work,
// in Chromium. A reporter writes three drafts and sends two of them for
// review at once from the list, which shows only their own; an editor
// finds the articles by typing without diacritics (and in decomposed
// Unicode), narrows the list to those waiting for review, checks every
// row and publishes them in one action; the report says what was
// published and what was left as it was, the filters stay in the URL, and
// the public site shows the articles. Unpublishing from the list asks
// first: declined, nothing changes; accepted, the article is taken down.
func TestBrowserListSearchAndBulkPublish(t *testing.T) {
	browserPath := findBrowser(t)
	requireEditorBundle(t)
	nr := newNewsroom(t)

	nr.begin("1 setup: a published article, a reporter and an editor")
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "c.db")
	recs := articleRecords(1)
	recs[0]["title"] = "Mở rộng đường ven biển qua xã Hòa Phước"
	recs[0]["published_at"] = time.Now().Add(-time.Hour).Format(time.RFC3339)
	if _, errOut, err := runCmd(t, "import", "-db", db, writeJSON(t, dir, "a.json", recs)); err != nil {
		t.Fatalf("%s: import: %v\n%s", nr.step, err, errOut)
	}
	nr.addStaff(db, phongvien, bientap)
	nr.portal = StartPortal(t, "serve", "-db", db)
	browserCtx := nr.startBrowser(browserPath)
	reporterCtx := nr.person(browserCtx, "reporter")
	editorCtx := nr.person(browserCtx, "editor")

	nr.begin("2 the reporter writes three drafts")
	rb := nr.tab(reporterCtx, 90*time.Second)
	nr.signIn(rb, phongvien)
	rb.navigate(nr.portal.URL + "/admin/bai-viet")
	cat := evaluate[string](rb, `[...document.querySelectorAll('#chuyen-muc option')].find(o => o.textContent.trim() === "Văn hóa - xã hội").value`)
	titles := []string{"Khởi công đường giao thông nông thôn xã Hòa Tiến", "Nâng cấp đường Hồ Chí Minh đoạn qua huyện", "Lễ hội pháo hoa quốc tế khai mạc"}
	for _, title := range titles {
		status, err := chromedp.Run(rb.ctx, chromedp.Evaluate[int](fmt.Sprintf(`fetch("/admin/bai-viet/moi", {method: "POST", body: new URLSearchParams({title: %q, lead: "Tin từ cơ sở.", body: "<p>Nội dung.</p>", category_id: %q})}).then(r => r.status)`, title, cat), chromedp.EvalAwaitPromise))
		if err != nil || status != http.StatusOK {
			t.Fatalf("%s: creating %q answers %d (%v)", nr.step, title, status, err)
		}
	}

	nr.begin("3 the reporter's list shows their own; they send two for review at once")
	rb.navigate(nr.portal.URL + "/admin/bai-viet")
	if got := listTitles(rb); !sameSet(got, titles) {
		t.Fatalf("%s: the reporter's list shows %q, want their three drafts only", nr.step, got)
	}
	if n := len(rb.elements("#nguoi-viet")); n != 0 {
		t.Errorf("%s: a reporter is offered a writer filter", nr.step)
	}
	checkRow(rb, titles[0])
	checkRow(rb, titles[1])
	rb.do(chromedp.SetValue(chromedp.CSS("#hanh-dong"), "submit"))
	submitAndWait(rb, `.bulk-bar button[type=submit]`)
	rb.visible(".bulk-report p", "Đã gửi duyệt 2 bài.")
	if got := rowStatus(rb, titles[0]); got != "Chờ duyệt" {
		t.Errorf("%s: %q is %q after the bulk submission, want Chờ duyệt", nr.step, titles[0], got)
	}
	if got := rowStatus(rb, titles[2]); got != "Nháp" {
		t.Errorf("%s: the unchecked %q is %q, want Nháp", nr.step, titles[2], got)
	}
	rb.screenshot("lists-reporter-bulk-submit.png")

	nr.begin("4 the editor searches without diacritics and filters by state")
	eb := nr.tab(editorCtx, 2*time.Minute)
	nr.signIn(eb, bientap)
	eb.navigate(nr.portal.URL + "/admin/bai-viet")
	eb.do(chromedp.SendKeys(chromedp.CSS("#q"), "duong"))
	u := eb.clickAndWait(`.list-filters button[type=submit]`, pathIs("/admin/bai-viet"))
	if u.Query().Get("q") != "duong" {
		t.Errorf("%s: the search is not in the URL: %s", nr.step, u)
	}
	want := []string{titles[0], titles[1], recs[0]["title"].(string)}
	if got := listTitles(eb); !sameSet(got, want) {
		t.Fatalf("%s: searching “duong” lists %q, want %q", nr.step, got, want)
	}
	// Decomposed Unicode, as some keyboards send it, finds the same.
	eb.navigate(nr.portal.URL + "/admin/bai-viet?q=" + url.QueryEscape(norm.NFD.String("ĐƯỜNG hồ chí minh")))
	if got := listTitles(eb); !sameSet(got, titles[1:2]) {
		t.Errorf("%s: an NFD search lists %q, want %q", nr.step, got, titles[1:2])
	}
	if w := eb.elements(".list-grid td:nth-child(4)"); len(w) != 1 || w[0].Text != phongvien.display {
		t.Errorf("%s: the writer column shows %q, want %q", nr.step, texts(w), phongvien.display)
	}
	eb.navigate(nr.portal.URL + "/admin/bai-viet")
	eb.do(chromedp.SendKeys(chromedp.CSS("#q"), "đường"), chromedp.SetValue(chromedp.CSS("#trang-thai"), "submitted"))
	u = eb.clickAndWait(`.list-filters button[type=submit]`, pathIs("/admin/bai-viet"))
	if q := u.Query(); q.Get("q") != "đường" || q.Get("trang-thai") != "submitted" {
		t.Errorf("%s: the filters are not in the URL: %s", nr.step, u)
	}
	if got := listTitles(eb); !sameSet(got, titles[:2]) {
		t.Fatalf("%s: “đường” waiting for review lists %q, want %q", nr.step, got, titles[:2])
	}
	eb.visible("#list-total", "Tìm thấy 2 bài viết.")
	eb.screenshot("lists-editor-search.png")

	nr.begin("5 the editor checks every row and publishes them at once")
	eb.navigate(nr.portal.URL + "/admin/bai-viet?q=duong")
	eb.do(chromedp.Click(chromedp.CSS("#chon-tat-ca")))
	if n := len(eb.elements("tbody input[name=id]:checked")); n != 3 {
		t.Fatalf("%s: “Chọn tất cả” checked %d rows, want 3", nr.step, n)
	}
	eb.do(chromedp.SetValue(chromedp.CSS("#hanh-dong"), "publish"))
	u = submitAndWait(eb, `.bulk-bar button[type=submit]`)
	if u.Query().Get("q") != "duong" {
		t.Errorf("%s: after the bulk action the list lost its search: %s", nr.step, u)
	}
	eb.visible(".bulk-report > p", "Đã xuất bản 2 bài.")
	eb.visible(".bulk-report .notice p", "1 bài giữ nguyên:")
	if li := eb.elements(".bulk-report .notice li"); len(li) != 1 || !strings.Contains(li[0].Text, recs[0]["title"].(string)) || !strings.Contains(li[0].Text, "đã được xuất bản từ trước") {
		t.Errorf("%s: the report's unchanged item says %q", nr.step, texts(li))
	}
	for _, title := range titles[:2] {
		if got := rowStatus(eb, title); got != "Đã xuất bản" {
			t.Errorf("%s: %q is %q after the bulk publication", nr.step, title, got)
		}
	}
	eb.screenshot("lists-editor-bulk-publish.png")
	// The public site shows them: the search page finds the new titles.
	for _, title := range titles[:2] {
		if code, body := nr.portal.Get("/tim-kiem?q="+url.QueryEscape(title), browserUA); code != http.StatusOK || !strings.Contains(body, title) {
			t.Errorf("%s: the public search for %q answers %d without it", nr.step, title, code)
		}
	}

	nr.begin("6 unpublishing from the list asks first")
	checkRow(eb, titles[1])
	eb.do(chromedp.SetValue(chromedp.CSS("#hanh-dong"), "unpublish"))
	eb.do(chromedp.Evaluate[chromedp.Void](`window.listTestMark = true`), chromedp.Click(chromedp.CSS(`.bulk-bar button[type=submit]`)))
	nr.waitJS(eb, "the confirmation dialog", `!!document.querySelector("dialog.confirm-dialog[open]")`, 5*time.Second)
	eb.visible("dialog.confirm-dialog h2", "Gỡ 1 bài đã chọn khỏi cổng?")
	if f := evaluate[string](eb, `document.activeElement.textContent`); f != "Hủy" {
		t.Errorf("%s: the dialog opens with the focus on %q, want the safe choice Hủy", nr.step, f)
	}
	eb.screenshot("lists-editor-unpublish-dialog.png")
	eb.do(chromedp.Click(chromedp.CSS(`dialog.confirm-dialog button[value=cancel]`)))
	nr.waitJS(eb, "the dialog to close", `!document.querySelector("dialog.confirm-dialog")`, 5*time.Second)
	time.Sleep(300 * time.Millisecond)
	if !evaluate[bool](eb, `window.listTestMark === true`) {
		t.Fatalf("%s: the form was sent although the confirmation was declined", nr.step)
	}
	if got := rowStatus(eb, titles[1]); got != "Đã xuất bản" {
		t.Fatalf("%s: declining the confirmation left %q %q", nr.step, titles[1], got)
	}
	if f := evaluate[string](eb, `document.activeElement.textContent`); f != "Thực hiện" {
		t.Errorf("%s: after Hủy the focus is on %q, want back on Thực hiện", nr.step, f)
	}
	eb.do(chromedp.Click(chromedp.CSS(`.bulk-bar button[type=submit]`)))
	nr.waitJS(eb, "the confirmation dialog", `!!document.querySelector("dialog.confirm-dialog[open]")`, 5*time.Second)
	submitAndWait(eb, `dialog.confirm-dialog button[value=ok]`)
	eb.visible(".bulk-report > p", "Đã gỡ 1 bài khỏi cổng thông tin.")
	if got := rowStatus(eb, titles[1]); got != "Gỡ bài" {
		t.Errorf("%s: %q is %q after the accepted unpublication", nr.step, titles[1], got)
	}
	eb.do(phone.emulate())
	eb.navigate(nr.portal.URL + "/admin/bai-viet?q=duong")
	eb.checkNoHorizontalScroll(360)
	eb.screenshot("lists-editor-phone.png")
	for _, who := range []string{"reporter", "editor"} {
		for _, m := range nr.console(who) {
			t.Errorf("the %s's console: %s %v", who, m.Type, m.Args)
		}
	}
}

// submitAndWait clicks the submit button sel and waits for the page the
// form leads to, which may have the same URL (a bulk action goes back to
// the list it was taken from).
func submitAndWait(b *tab, sel string) *url.URL {
	b.t.Helper()
	b.do(chromedp.Evaluate[chromedp.Void](`window.listTestMark = true`), chromedp.Click(chromedp.CSS(sel)))
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		ctx, cancel := context.WithTimeout(b.ctx, 2*time.Second)
		state, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[location.href, String(!window.listTestMark && document.readyState === "complete")]`))
		cancel()
		if err == nil && len(state) == 2 && state[1] == "true" {
			u, _ := url.Parse(state[0])
			return u
		}
	}
	b.t.Fatalf("after clicking %s: no new page", sel)
	return nil
}

// listTitles returns the titles in the articles list.
func listTitles(b *tab) []string {
	b.t.Helper()
	return texts(b.elements(".list-grid tbody td a[id^=tieu-de-]"))
}

// rowXPath is the list's row of the article titled title.
func rowXPath(title string) string {
	return fmt.Sprintf(`//table[contains(@class,"list-grid")]//tr[.//a[normalize-space(.)=%q]]`, title)
}

// checkRow checks the row of the article titled title.
func checkRow(b *tab, title string) {
	b.t.Helper()
	if !evaluate[bool](b, fmt.Sprintf(`(box => !!box && (box.click(), box.checked))(document.evaluate(%q, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue)`,
		rowXPath(title)+`//input[@type="checkbox"]`)) {
		b.t.Fatalf("could not check the row of %q", title)
	}
}

// rowStatus is the state the list shows for the article titled title.
func rowStatus(b *tab, title string) string {
	b.t.Helper()
	return evaluate[string](b, fmt.Sprintf(`(document.evaluate(%q, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue || {innerText: "(no row)"}).innerText.trim()`,
		rowXPath(title)+`//span[contains(@class,"status")]`))
}

// sameSet reports whether a and b hold the same strings, in any order.
func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}
