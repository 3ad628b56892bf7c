package main_test

import (
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/congtin/congtin"
)

// TestBrowserScheduleAndEnglish, in a real headless Chromium against the
// real binary: an editor fills this week's work schedule in the back
// office (one entry typed with its end before its start is refused) and
// publishes it; a reader sees it grouped by day, goes to the next week and
// back, and opens the print view. Then the editor writes an about page
// with an English version in the rich-text editor and publishes it, and
// the reader switches it to English with the header's language switch.
func TestBrowserScheduleAndEnglish(t *testing.T) {
	browserPath := findBrowser(t)
	requireEditorBundle(t)
	nr := newNewsroom(t)

	nr.begin("1 setup: an editor, the portal")
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "c.db")
	nr.addStaff(db, bientap)
	portal := StartPortal(t, "serve", "-db", db)
	nr.portal = portal
	browserCtx := nr.startBrowser(browserPath)
	ed := nr.tab(nr.person(browserCtx, "editor"), 150*time.Second)
	readerCtx := nr.person(browserCtx, "reader")

	// This week, in Vietnam time, whatever the machine's zone.
	week := congtin.WeekOf(time.Now())
	mon := week.Monday()
	day := func(i int) string { return mon.AddDate(0, 0, i).Format("2006-01-02") }
	label := func(i int) string {
		names := []string{"Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"}
		return names[i] + ", " + mon.AddDate(0, 0, i).Format("02/01/2006")
	}

	nr.begin("2 the editor fills this week's schedule")
	nr.signIn(ed, bientap)
	ed.navigate(portal.URL + "/admin/lich-cong-tac")
	if h := ed.visible(".admin-main h1", "").Text; h != fmt.Sprintf("Lịch công tác tuần %d/%d", week.Num, week.Year) {
		t.Fatalf("the back office opens on %q, want this week", h)
	}
	type entry struct {
		day                        int
		start, end, content, place string
	}
	entries := []entry{
		{0, "14:00", "16:30", "Làm việc với Sở Y tế về phòng, chống dịch", "Phòng họp số 2"},
		{0, "08:00", "11:30", "Họp giao ban lãnh đạo UBND tỉnh", "Phòng họp số 1"},
		{2, "07:30", "", "Kiểm tra công trình trường học vùng cao", "Xã Tân Phú"},
		{4, "14:00", "17:00", "Hội nghị sơ kết cải cách hành chính", "Hội trường UBND tỉnh"},
	}
	fill := func(e entry) {
		// An empty time is set by script: SetValue would write "undefined".
		if _, err := chromedp.Run(ed.ctx, chromedp.Evaluate[string](`document.querySelector("#ket_thuc").value = ""`)); err != nil {
			t.Fatal(err)
		}
		if e.end != "" {
			ed.do(chromedp.SetValue(chromedp.CSS("#ket_thuc"), e.end))
		}
		ed.do(
			chromedp.SetValue(chromedp.CSS("#ngay"), day(e.day)),
			chromedp.SetValue(chromedp.CSS("#bat_dau"), e.start),
			chromedp.SetValue(chromedp.CSS("#noi_dung"), e.content),
			chromedp.SetValue(chromedp.CSS("#thanh_phan"), "Lãnh đạo các sở, ngành liên quan"),
			chromedp.SetValue(chromedp.CSS("#dia_diem"), e.place),
			chromedp.SetValue(chromedp.CSS("#chu_tri"), "Chủ tịch UBND tỉnh"),
		)
	}
	for _, e := range entries {
		fill(e)
		nr.post(ed, ".schedule-form button[type=submit]", `^/admin/lich-cong-tac$`, "Đã thêm lịch: "+e.content)
	}
	// An end before the start: refused, with the reason, and nothing added.
	fill(entry{3, "15:00", "09:00", "Mục lịch giờ sai", "Phòng họp số 3"})
	ed.clickAndWait(".schedule-form button[type=submit]", func(*url.URL) bool { return true })
	want := fmt.Sprintf("Chưa lưu được: Giờ kết thúc phải sau giờ bắt đầu (15:00 %s).", mon.AddDate(0, 0, 3).Format("02/01/2006"))
	ed.visible(".alert", want)
	if rows := ed.elements(".schedule-admin tbody tr"); len(rows) != len(entries) {
		t.Fatalf("after the refused entry the week has %d rows, want %d", len(rows), len(entries))
	}
	// The refused entry is still in the form, unsaved: publishing the week
	// asks first, and goes on when the editor gives the entry up.
	ed.do(chromedp.Click(chromedp.CSS(`.workflow button[value="publish"]`)))
	nr.waitJS(ed, "the unsaved-changes dialog", `!!document.querySelector("dialog.confirm-dialog[open]")`, 5*time.Second)
	ed.visible("dialog.confirm-dialog h2", "Còn thay đổi chưa lưu")
	nr.post(ed, `dialog.confirm-dialog button[value=ok]`, `^/admin/lich-cong-tac$`,
		"Đã chuyển lịch tuần "+week.String()+" sang trạng thái “Đã xuất bản”.")
	ed.screenshot("admin-lich-cong-tac.png")

	nr.begin("3 the reader sees the week by day, the next week and the print view")
	rd := nr.tab(readerCtx, 90*time.Second)
	scheduleJS := `Array.from(document.querySelectorAll("section.schedule-day"), s =>
		s.querySelector("h2").firstChild.textContent.trim() + ": " +
		Array.from(s.querySelectorAll("td.col-content"), td => td.textContent.trim()).join(" | "))`
	wantDays := []string{
		label(0) + ": Họp giao ban lãnh đạo UBND tỉnh | Làm việc với Sở Y tế về phòng, chống dịch",
		label(1) + ": ",
		label(2) + ": Kiểm tra công trình trường học vùng cao",
		label(3) + ": ",
		label(4) + ": Hội nghị sơ kết cải cách hành chính",
	}
	checkWeek := func(what string) {
		t.Helper()
		got, err := chromedp.Run(rd.ctx, chromedp.Evaluate[[]string](scheduleJS))
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, wantDays) {
			t.Fatalf("%s: the week shows\n%q\nwant\n%q", what, got, wantDays)
		}
	}
	rd.navigate(portal.URL + "/lich-cong-tac")
	rd.visible("h1.list-title", fmt.Sprintf("Lịch công tác tuần %d năm %d", week.Num, week.Year))
	checkWeek("this week")
	rd.visible(`.schedule-table td[data-label="Địa điểm"]`, "Phòng họp số 1")
	rd.screenshot("lich-cong-tac.png")
	rd.do(chromedp.EmulateViewport(360, 740, chromedp.EmulateScale(2), chromedp.EmulateMobile))
	rd.checkNoHorizontalScroll(360)
	rd.screenshot("lich-cong-tac-phone.png")
	rd.do(chromedp.EmulateViewport(1280, 900))

	next := rd.clickAndWait("a.week-next", func(u *url.URL) bool { return u.Path == "/lich-cong-tac" })
	if got := next.Query().Get("tuan"); got != week.Next().String() {
		t.Fatalf("Tuần sau went to %s, want tuan=%s", next, week.Next())
	}
	rd.visible(".schedule-empty", "Chưa có lịch công tác được công bố cho tuần này.")
	back := rd.clickAndWait("a.week-prev", func(u *url.URL) bool { return u.Query().Get("tuan") == week.String() })
	if back.Path != "/lich-cong-tac" {
		t.Fatalf("Tuần trước went to %s", back)
	}
	checkWeek("back to this week")

	rd.clickAndWait("a.print-link", func(u *url.URL) bool { return u.Path == "/lich-cong-tac/ban-in" })
	if n := len(rd.elements("nav")); n != 0 {
		t.Errorf("the print view has %d nav elements", n)
	}
	groups := texts(rd.elements("th.print-day"))
	if want := []string{label(0), label(2), label(4)}; !slices.Equal(groups, want) {
		t.Errorf("the print view's days %q, want %q", groups, want)
	}
	if rows := rd.elements(".print-schedule-table tbody tr"); len(rows) != len(entries) {
		t.Errorf("the print view has %d rows, want %d", len(rows), len(entries))
	}
	rd.visible("button[data-print]", "In lịch công tác")
	rd.screenshot("lich-cong-tac-ban-in.png")

	nr.begin("4 the editor writes an about page with an English version")
	ed.navigate(portal.URL + "/admin/gioi-thieu/moi")
	nr.waitJS(ed, "both rich-text editors to start", `document.querySelectorAll('.editor.is-enhanced .editor-content[contenteditable="true"]').length === 2`, 10*time.Second)
	const (
		title   = "Chức năng, nhiệm vụ"
		text    = "Ủy ban nhân dân tỉnh là cơ quan hành chính nhà nước ở địa phương."
		titleEN = "Functions and duties"
		textEN  = "The Provincial People's Committee is the local state administrative body."
	)
	ed.do(chromedp.Focus(chromedp.CSS("#title")))
	nr.typeText(ed, title)
	ed.do(chromedp.Focus(chromedp.CSS(`[data-editor]:has(#body) .editor-content`)), newsroomSettle())
	nr.typeText(ed, text)
	ed.do(chromedp.Focus(chromedp.CSS("#title_en")))
	nr.typeText(ed, titleEN)
	ed.do(chromedp.Focus(chromedp.CSS(`[data-editor]:has(#body_en) .editor-content`)), newsroomSettle())
	nr.typeText(ed, textEN)
	nr.post(ed, `.article-form button[type=submit]`, `^/admin/gioi-thieu/\d+$`, "Đã lưu trang (nháp).")
	nr.post(ed, `.workflow button[value="publish"]`, `^/admin/gioi-thieu/\d+$`, "Đã chuyển trang sang trạng thái “Đã xuất bản”.")

	nr.begin("5 the reader switches the about page to English and back")
	rd.navigate(portal.URL + "/gioi-thieu")
	rd.clickAndWait(`.about-list a[href="/gioi-thieu/chuc-nang-nhiem-vu"]`, pathIs("/gioi-thieu/chuc-nang-nhiem-vu"))
	rd.visible("h1", title)
	rd.visible(".about-page .body p", text)
	lang, err := chromedp.Run(rd.ctx, chromedp.Evaluate[string](`document.documentElement.lang`))
	if err != nil || lang != "vi" {
		t.Fatalf("the Vietnamese page's lang is %q (%v)", lang, err)
	}
	rd.visible("a.lang-switch", "English")
	rd.clickAndWait("a.lang-switch", pathIs("/en/about/functions-and-duties"))
	lang, err = chromedp.Run(rd.ctx, chromedp.Evaluate[string](`document.documentElement.lang`))
	if err != nil || lang != "en" {
		t.Fatalf("after the switch, lang is %q (%v), want en", lang, err)
	}
	rd.visible("h1", titleEN)
	rd.visible(".about-page .body p", textEN)
	rd.visible(".menu a", "Home")
	rd.visible("a.lang-switch", "Tiếng Việt")
	hreflang, err := chromedp.Run(rd.ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('link[rel=alternate][hreflang]'), l => l.hreflang + " " + new URL(l.href).pathname)`))
	if err != nil || !slices.Equal(hreflang, []string{"vi /gioi-thieu/chuc-nang-nhiem-vu", "en /en/about/functions-and-duties"}) {
		t.Errorf("hreflang links %q (%v)", hreflang, err)
	}
	if strings.Contains(rd.visible("body", "").Text, "SỐ LƯỢT TRUY CẬP") {
		t.Error("the English page shows the Vietnamese visit counter")
	}
	rd.screenshot("en-about.png")
	rd.clickAndWait("a.lang-switch", pathIs("/gioi-thieu/chuc-nang-nhiem-vu"))
	rd.visible("h1", title)
	for _, who := range []string{"editor", "reader"} {
		for _, m := range nr.console(who) {
			if m.IsException() {
				t.Errorf("the %s's page threw: %s", who, m.Text)
			} else {
				t.Logf("the %s's console: %s", who, m)
			}
		}
	}
	t.Logf("screenshots saved in %s", nr.shots)
}
