package main_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/docfile/docfiletest"
)

func init() {
	adminA11yPages = append(adminA11yPages,
		adminPage{name: "consultations", path: "/admin/lay-y-kien"},
		adminPage{name: "consultations searched", path: "/admin/lay-y-kien?q=nong+nghiep&trang-thai=published"},
		adminPage{name: "new consultation", path: "/admin/lay-y-kien/moi"},
		adminPage{name: "consultation edit", find: firstLink(`/admin/lay-y-kien/\d+`, "/admin/lay-y-kien")},
		adminPage{name: "consultation revisions", find: func(t *testing.T, get func(string) string) string {
			return firstLink(`/admin/lay-y-kien/\d+`, "/admin/lay-y-kien")(t, get) + "/phien-ban"
		}},
		// The demo's consultations 1 (open, with comments) and 3 (its
		// report published).
		adminPage{name: "consultation comments", path: "/admin/lay-y-kien/1/y-kien"},
		adminPage{name: "consultation report", path: "/admin/lay-y-kien/3/bao-cao"},
		adminPage{name: "disclosure pages", path: "/admin/cong-khai"})
}

// TestBrowserConsultation puts a draft out for comment in a real headless
// Chromium: an editor fills the form (the period in Vietnam time, the
// drafting body's contact, the draft as a PDF from disk) and publishes it
// from the workflow panel; a reader finds it on /lay-y-kien under Đang
// lấy ý kiến with the days left, opens it at 1280 and 360 pixels,
// downloads the PDF and opens the print view.
func TestBrowserConsultation(t *testing.T) {
	browserPath := findBrowser(t)
	nr := newNewsroom(t)

	nr.begin("1 setup: users, portal, the draft's file")
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "c.db")
	pdf := docfiletest.PDF("Du thao nghi quyet ho tro nong nghiep", "greenhouse zebrafinch subsidy")
	pdfPath := filepath.Join(dir, "du-thao-nghi-quyet.pdf")
	if err := os.WriteFile(pdfPath, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	nr.addStaff(db, bientap)
	portal := StartPortal(t, "serve", "-db", db)
	nr.portal = portal
	browserCtx := nr.startBrowser(browserPath)

	nr.begin("2 the editor writes the consultation and publishes it")
	eb := nr.tab(nr.person(browserCtx, "editor"), time.Minute)
	nr.signIn(eb, bientap)
	eb.navigate(portal.URL + "/admin/lay-y-kien")
	eb.clickAndWait(`a[href="/admin/lay-y-kien/moi"]`, pathIs("/admin/lay-y-kien/moi"))
	now := time.Now().In(congtin.VietnamZone)
	opens, closes := now.Add(-time.Hour), now.AddDate(0, 0, 20)
	eb.do(
		chromedp.SendKeys(chromedp.CSS("#number"), "Dự thảo lần 1"),
		chromedp.SendKeys(chromedp.CSS("#title"), "Nghị quyết hỗ trợ nông nghiệp công nghệ cao"),
		chromedp.SendKeys(chromedp.CSS("#drafter"), "Sở Nông nghiệp và Môi trường"),
		chromedp.SetValue(chromedp.CSS("#summary"), "Mức hỗ trợ nhà màng, nhà lưới"),
		chromedp.SetValue(chromedp.CSS("#opens_at"), opens.Format("2006-01-02T15:04")),
		chromedp.SetValue(chromedp.CSS("#closes_at"), closes.Format("2006-01-02T15:04")),
		chromedp.SetValue(chromedp.CSS("#contact"), "Phòng Kế hoạch\nĐiện thoại 0263 3822 111"),
		chromedp.SetUploadFiles(chromedp.CSS("#files"), []string{pdfPath}),
	)
	u := nr.post(eb, "#edit-form button[data-save]", `^/admin/lay-y-kien/\d+$`, "Đã lưu dự thảo lấy ý kiến (nháp).")
	id := strings.TrimPrefix(u.Path, "/admin/lay-y-kien/")
	if files := texts(eb.elements("ul.files li")); len(files) != 1 || !strings.Contains(files[0], "du-thao-nghi-quyet.pdf (PDF") {
		t.Fatalf("%s: attachments listed %q", nr.step, files)
	}
	eb.screenshot("consultation-form-1280.png")
	nr.post(eb, `button[value="publish"]`, `^/admin/lay-y-kien/`+id+`$`, "Đã chuyển dự thảo sang trạng thái “Đã xuất bản”.")

	nr.begin("3 a reader finds it with the days left and opens it")
	rb := nr.tab(nr.person(browserCtx, "reader"), time.Minute)
	days := (&congtin.Consultation{ClosesAt: closes}).DaysLeft(time.Now())
	path := "/lay-y-kien/nghi-quyet-ho-tro-nong-nghiep-cong-nghe-cao-" + id
	for _, vp := range []struct {
		name          string
		width, height int
		mobile        bool
	}{{"1280", 1280, 900, false}, {"360", 360, 740, true}} {
		if vp.mobile {
			rb.do(chromedp.EmulateViewport(int64(vp.width), int64(vp.height), chromedp.EmulateScale(2), chromedp.EmulateMobile))
		} else {
			rb.do(chromedp.EmulateViewport(int64(vp.width), int64(vp.height)))
		}
		rb.navigate(portal.URL + "/")
		rb.clickAndWait(`nav a[href="/lay-y-kien"]`, pathIs("/lay-y-kien"))
		rb.visible(`#dang-lay-y-kien ~ ul li.consult-item a`, "Nghị quyết hỗ trợ nông nghiệp công nghệ cao")
		if items := texts(rb.elements(`#dang-lay-y-kien ~ ul li.consult-item`)); len(items) != 1 ||
			!strings.Contains(items[0], "Đang lấy ý kiến còn "+strconv.Itoa(days)+" ngày") {
			t.Errorf("%s at %s: the open group lists %q, want it with %d days left", nr.step, vp.name, items, days)
		}
		rb.checkNoHorizontalScroll(vp.width)
		rb.screenshot("consultations-list-" + vp.name + ".png")
		rb.clickAndWait(`li.consult-item a[href="`+path+`"]`, pathIs(path))
		rb.visible("h1.title", "Nghị quyết hỗ trợ nông nghiệp công nghệ cao")
		rb.visible(".doc-fields td", "Sở Nông nghiệp và Môi trường")
		if !slices.Contains(texts(rb.elements(".doc-fields td")), "Phòng Kế hoạch\nĐiện thoại 0263 3822 111") {
			t.Errorf("%s at %s: the contact is not shown on two lines", nr.step, vp.name)
		}
		rb.visible(".doc-fields td", "Đang lấy ý kiến còn "+strconv.Itoa(days)+" ngày")
		rb.visible(".doc-files a[download]", "du-thao-nghi-quyet.pdf")
		rb.checkNoHorizontalScroll(vp.width)
		rb.screenshot("consultation-page-" + vp.name + ".png")
	}
	// The reader downloads the draft: the link's file is the PDF sent.
	got := evaluate[string](rb, `document.querySelector(".doc-files a[download]").getAttribute("href")`)
	size, err := chromedp.Run(rb.ctx, chromedp.Evaluate[string](fmt.Sprintf(`fetch(%q).then(async r => r.status + " " + r.headers.get("Content-Type") + " " + (await r.arrayBuffer()).byteLength)`, got),
		chromedp.EvalAwaitPromise))
	if want := fmt.Sprintf("200 application/pdf %d", len(pdf)); err != nil || size != want || !strings.HasPrefix(got, "/lay-y-kien/"+id+"/tep/") {
		t.Fatalf("%s: download %s: %q, %v; want %q", nr.step, got, size, err, want)
	}
	rb.do(chromedp.EmulateViewport(1280, 900))
	rb.clickAndWait(`a.print`, pathIs("/ban-in/lay-y-kien/"+id))
	rb.visible("h1", "Nghị quyết hỗ trợ nông nghiệp công nghệ cao")
	rb.screenshot("consultation-print-1280.png")
}
