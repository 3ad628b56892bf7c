package main_test

import (
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserSpellings: an administrator adds a group on the page of
// abbreviations and equivalent spellings with the keyboard, sees a bad
// group refused beside its field with the text kept, tries a query, and
// the public search then finds either spelling. Screenshots at 1280 and
// 360 px; axe-core checks the page with an error and with a try.
func TestBrowserSpellings(t *testing.T) {
	browserPath := findBrowser(t)
	axeJS := axeSource(t)
	nr := newNewsroom(t)
	nr.begin("1 setup")
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "c.db")
	recs := []map[string]any{{"title": "Ra quân kiểm tra hàng giả dịp cuối năm", "lead": "Lực lượng quản lý thị trường tỉnh kiểm tra các chợ.",
		"body": "<p>Đoàn làm việc tại chợ.</p>", "category": "Kinh tế", "author": "Minh Anh",
		"published_at": "2026-01-05T09:00:00+07:00", "external_id": "long"}}
	if _, errOut, err := runCmd(t, "import", "-db", db, writeJSON(t, dir, "a.json", recs)); err != nil {
		t.Fatalf("import: %v\n%s", err, errOut)
	}
	chief := staff{"tongbientap", "admin", "Tổng Biên Tập"}
	nr.addStaff(db, chief)
	nr.portal = StartPortal(t, "serve", "-db", db)
	browserCtx := nr.startBrowser(browserPath)
	b := nr.tab(nr.person(browserCtx, chief.name), 2*time.Minute)
	nr.signIn(b, chief)

	nr.begin("2 the page from the menu")
	b.clickAndWait(`.admin-nav a[href="/admin/cach-viet"]`, func(u *url.URL) bool { return u.Path == "/admin/cach-viet" })
	b.visible("h1", "Từ viết tắt và cách viết tương đương")

	nr.begin("3 a group of one spelling is refused, the text kept")
	b.do(chromedp.Focus(chromedp.CSS("#spellings")))
	nr.typeText(b, "QLTT")
	// The refusal comes back at the same address.
	submitInPlace(nr, b, `.spell-add button[type=submit]`)
	b.visible(".alert", "")
	if v := nr.attr(b, "#spellings", "aria-invalid"); v != "true" {
		t.Errorf("%s: the field is not marked invalid", nr.step)
	}
	if got := evaluate[string](b, `document.querySelector('#spellings').value`); got != "QLTT" {
		t.Errorf("%s: the field holds %q", nr.step, got)
	}
	if p := b.audit(axeJS); len(p) > 0 {
		t.Errorf("%s: axe-core: %s", nr.step, strings.Join(p, "\n"))
	}
	b.screenshot("spellings-refused-1280.png")

	nr.begin("4 the group added")
	b.do(chromedp.Focus(chromedp.CSS("#spellings")))
	evaluate[bool](b, `(t => (t.setSelectionRange(t.value.length, t.value.length), true))(document.querySelector('#spellings'))`)
	nr.typeText(b, "; quản lý thị trường")
	submitInPlace(nr, b, `.spell-add button[type=submit]`)
	b.visible(".flash", "Đã thêm nhóm cách viết.")

	nr.begin("5 the try box")
	b.do(chromedp.Focus(chromedp.CSS("#thu-q")))
	nr.typeText(b, "Đội QLTT và UBND tỉnh")
	b.clickAndWait(`.spell-try button[type=submit]`, func(u *url.URL) bool { return u.Query().Has("thu") })
	res := b.visible(".spell-result", "").Text
	if !strings.Contains(res, "QLTT → “quản lý thị trường”") || !strings.Contains(res, "UBND → “Ủy ban nhân dân”") {
		t.Errorf("%s: the try box says %q", nr.step, res)
	}
	if p := b.audit(axeJS); len(p) > 0 {
		t.Errorf("%s: axe-core: %s", nr.step, strings.Join(p, "\n"))
	}
	b.do(desktop.emulate())
	b.screenshot("spellings-1280.png")
	b.do(phone.emulate())
	b.checkNoHorizontalScroll(360)
	b.screenshot("spellings-360.png")
	b.do(desktop.emulate())

	nr.begin("6 the public search finds the article by QLTT")
	deadline := time.Now().Add(10 * time.Second)
	for {
		b.navigate(nr.portal.URL + "/tim-kiem?q=QLTT")
		if n := len(b.elements(".card-title")); n == 1 && !strings.Contains(b.visible("main", "").Text, "gần đúng") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: the search page: %q", nr.step, b.visible("main", "").Text)
		}
		time.Sleep(200 * time.Millisecond)
	}
	b.screenshot("spellings-search-1280.png")
}

// submitInPlace clicks a form's button and waits for the page it leads
// to, which may be at the same address (a refusal, or post/redirect/get
// back to the form's page).
func submitInPlace(nr *newsroom, b *tab, button string) {
	nr.t.Helper()
	evaluate[bool](b, `window.oldPage = true`)
	b.do(chromedp.Click(chromedp.CSS(button)))
	nr.waitJS(b, "the page after "+button, `!window.oldPage && document.readyState === 'complete'`, 20*time.Second)
}
