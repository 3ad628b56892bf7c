package main_test

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func init() {
	adminA11yPages = append(adminA11yPages,
		adminPage{name: "procedures", path: "/admin/thu-tuc-hanh-chinh"},
		adminPage{name: "new procedure", path: "/admin/thu-tuc-hanh-chinh/moi"},
		adminPage{name: "procedures import", path: "/admin/thu-tuc-hanh-chinh/nhap"},
		adminPage{name: "procedure edit", find: firstLink(`/admin/thu-tuc-hanh-chinh/\d+`, "/admin/thu-tuc-hanh-chinh")})
}

// TestBrowserProcedures imports administrative procedures in a real
// headless Chromium: an editor uploads the UTF-8 (BOM) and the
// Windows-1258 CSV fixtures on the back office's import page and reads
// the report; a reader at 1280 and 360 pixels searches the list without
// diacritics ("dang ky khai sinh"), finds the procedure, opens it and
// finds the link to file online, the page never wider than the screen;
// axe-core finds nothing wrong on the list, the procedure and the import
// page, a refused file's included, at both widths.
func TestBrowserProcedures(t *testing.T) {
	browserPath := findBrowser(t)
	axeJS := axeSource(t)
	nr := newNewsroom(t)

	nr.begin("1 setup: users, portal")
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "c.db")
	fixtures, err := filepath.Abs("../../internal/importer/testdata")
	if err != nil {
		t.Fatal(err)
	}
	nr.addStaff(db, bientap)
	portal := StartPortal(t, "serve", "-db", db)
	nr.portal = portal
	browserCtx := nr.startBrowser(browserPath)

	nr.begin("2 the editor imports the two CSV files")
	eb := nr.tab(nr.person(browserCtx, "editor"), 2*time.Minute)
	nr.signIn(eb, bientap)
	eb.navigate(portal.URL + "/admin/thu-tuc-hanh-chinh")
	eb.clickAndWait(`a[href="/admin/thu-tuc-hanh-chinh/nhap"]`, pathIs("/admin/thu-tuc-hanh-chinh/nhap"))
	eb.do(chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{filepath.Join(fixtures, "procedures-bom.csv")}))
	nr.post(eb, "form[enctype] button[type=submit]", `^/admin/thu-tuc-hanh-chinh$`,
		"Đã nhập 3 thủ tục (3 mới, 0 cập nhật). 3 dòng ghi mức độ cũ đã được chuyển theo Nghị định 42/2022/NĐ-CP: mức độ 4 → Toàn trình, mức độ 3 → Một phần, mức độ 2 trở xuống → Không.")
	eb.navigate(portal.URL + "/admin/thu-tuc-hanh-chinh/nhap")
	eb.do(chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{filepath.Join(fixtures, "procedures-cp1258.csv")}))
	nr.post(eb, "form[enctype] button[type=submit]", `^/admin/thu-tuc-hanh-chinh$`, "Đã nhập 2 thủ tục (2 mới, 0 cập nhật).")
	if rows := texts(eb.elements("table.grid tbody tr")); len(rows) != 5 || !strings.Contains(strings.Join(rows, "\n"), "Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt") {
		t.Fatalf("%s: the list after the imports: %q", nr.step, rows)
	}

	nr.begin("3 a reader searches without diacritics and opens the procedure")
	rb := nr.tab(nr.person(browserCtx, "reader"), 2*time.Minute)
	for _, vp := range []viewport{desktop, phone} {
		rb.do(vp.emulate())
		rb.navigate(portal.URL + "/")
		if vp.mobile {
			rb.navigate(portal.URL + "/thu-tuc-hanh-chinh")
		} else {
			rb.clickAndWait(`nav a[href="/thu-tuc-hanh-chinh"]`, pathIs("/thu-tuc-hanh-chinh"))
		}
		rb.checkNoHorizontalScroll(int(vp.width))
		rb.do(chromedp.SendKeys(chromedp.CSS("#q-thu-tuc"), "dang ky khai sinh"))
		rb.clickAndWait(".doc-search-row button", func(u *url.URL) bool {
			return u.Path == "/thu-tuc-hanh-chinh" && u.Query().Get("q") == "dang ky khai sinh"
		})
		rb.visible("p.doc-total", "1 thủ tục")
		rb.visible(".proc-table td a", "Thủ tục đăng ký khai sinh")
		rb.visible(".proc-table .badge", "Toàn trình")
		rb.checkNoHorizontalScroll(int(vp.width))
		rb.screenshot(fmt.Sprintf("procedures-%d.png", vp.width))
		rb.clickAndWait(".proc-table td a", func(u *url.URL) bool { return strings.HasPrefix(u.Path, "/thu-tuc-hanh-chinh/1-001193-") })
		rb.visible("h1.title", "Thủ tục đăng ký khai sinh")
		apply := evaluate[string](rb, `document.querySelector(".proc-apply a").getAttribute("href")`)
		if apply != "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193" {
			t.Fatalf("%s at %s: apply link %q", nr.step, vp.name, apply)
		}
		rb.checkNoHorizontalScroll(int(vp.width))
		rb.navigate(portal.URL + "/thu-tuc-hanh-chinh?q=" + "cap+giay+phep+xay+dung")
		rb.visible(".proc-table td a", "Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt")
	}

	nr.begin("4 axe-core on the list, the procedure and the import page, a refused file's included")
	bad := filepath.Join(dir, "sai.csv")
	if err := os.WriteFile(bad, []byte("Mã thủ tục,Tên thủ tục,Lĩnh vực,Cấp thực hiện\n1.1,,Hộ tịch,Cấp xã\n1.2,B,Hộ tịch,Trung ương\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, vp := range []viewport{desktop, phone} {
		eb.do(vp.emulate())
		eb.navigate(portal.URL + "/admin/thu-tuc-hanh-chinh/nhap")
		eb.do(chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{bad}))
		// The refused file's page is at the form's own address.
		eb.do(chromedp.Click(chromedp.CSS("form[enctype] button[type=submit]")), chromedp.WaitVisible(chromedp.CSS(".import-problems")))
		if got := texts(eb.elements(".import-problems li")); len(got) != 2 || got[0] != "Dòng 2: Tên thủ tục không được để trống." {
			t.Fatalf("%s at %s: the refused file's lines %q", nr.step, vp.name, got)
		}
		for _, pr := range eb.audit(axeJS) {
			t.Errorf("refused import at %s: %s", vp.name, pr)
		}
	}
	for _, vp := range []viewport{desktop, phone} {
		for _, p := range []struct {
			b    *tab
			path string
		}{{rb, "/thu-tuc-hanh-chinh"}, {rb, "/thu-tuc-hanh-chinh?cap=xa&muc-do=toan-trinh&q=ho+tich"}, {rb, "/thu-tuc-hanh-chinh?q=khong+co+gi"},
			{eb, "/admin/thu-tuc-hanh-chinh"}, {eb, "/admin/thu-tuc-hanh-chinh/nhap"}, {eb, "/admin/thu-tuc-hanh-chinh/moi"}} {
			p.b.do(vp.emulate())
			p.b.navigate(portal.URL + p.path)
			for _, pr := range p.b.audit(axeJS) {
				t.Errorf("%s at %s: %s", p.path, vp.name, pr)
			}
		}
	}
}
