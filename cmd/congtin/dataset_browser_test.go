package main_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func init() {
	adminA11yPages = append(adminA11yPages,
		adminPage{name: "datasets", path: "/admin/du-lieu-mo"},
		adminPage{name: "new dataset", path: "/admin/du-lieu-mo/moi"},
		adminPage{name: "dataset edit", find: firstLink(`/admin/du-lieu-mo/\d+`, "/admin/du-lieu-mo")},
		adminPage{name: "dataset revisions", find: func(t *testing.T, get func(string) string) string {
			return firstLink(`/admin/du-lieu-mo/\d+`, "/admin/du-lieu-mo")(t, get) + "/phien-ban"
		}})
}

// TestBrowserDataset publishes a dataset in a real headless Chromium: an
// editor fills the form, uploads a CSV saved in Windows-1258 (the
// tabular package's fixture, made by iconv) and adds an API link, then
// publishes it from the workflow panel; a reader opens it from the menu
// at 1280 and 360 pixels and reads the table's preview converted to
// Unicode ("Hà Nội", "Đắk Lắk") in its own scrolling region, the page
// never wider than the screen; axe-core finds nothing wrong on the
// catalogue, the dataset's page and the back office's form at both
// widths.
func TestBrowserDataset(t *testing.T) {
	browserPath := findBrowser(t)
	axeJS := axeSource(t)
	nr := newNewsroom(t)

	nr.begin("1 setup: users, portal, the legacy CSV")
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "c.db")
	csv, err := os.ReadFile("../../internal/tabular/testdata/provinces-cp1258.csv")
	if err != nil {
		t.Fatal(err)
	}
	csvPath := filepath.Join(dir, "dan-so-cac-tinh.csv")
	if err := os.WriteFile(csvPath, csv, 0o644); err != nil {
		t.Fatal(err)
	}
	nr.addStaff(db, bientap)
	portal := StartPortal(t, "serve", "-db", db)
	nr.portal = portal
	browserCtx := nr.startBrowser(browserPath)

	nr.begin("2 the editor describes the dataset, uploads the table and publishes it")
	eb := nr.tab(nr.person(browserCtx, "editor"), 2*time.Minute)
	nr.signIn(eb, bientap)
	eb.navigate(portal.URL + "/admin/du-lieu-mo")
	eb.clickAndWait(`a[href="/admin/du-lieu-mo/moi"]`, pathIs("/admin/du-lieu-mo/moi"))
	eb.do(
		chromedp.SendKeys(chromedp.CSS("#title"), "Dân số các tỉnh năm 2025"),
		chromedp.SetValue(chromedp.CSS("#description"), "Dân số trung bình theo tỉnh.\n\nSố liệu sơ bộ."),
		chromedp.SendKeys(chromedp.CSS("#keywords"), "dân số, tỉnh"),
		chromedp.SetValue(chromedp.CSS("#temporal_start"), "2025-01-01"),
		chromedp.SetValue(chromedp.CSS("#temporal_end"), "2025-12-31"),
		chromedp.SetUploadFiles(chromedp.CSS("#files"), []string{csvPath}),
		chromedp.SendKeys(chromedp.CSS("#link_name"), "API tra cứu dân số"),
		chromedp.SendKeys(chromedp.CSS("#link_url"), "https://api.example.gov.vn/dan-so"),
	)
	u := nr.post(eb, "#edit-form button[data-save]", `^/admin/du-lieu-mo/\d+$`, "Đã lưu tập dữ liệu (nháp).")
	id := strings.TrimPrefix(u.Path, "/admin/du-lieu-mo/")
	if items := texts(eb.elements("ul.files li")); len(items) != 2 || !strings.Contains(items[0], "dan-so-cac-tinh.csv (CSV") ||
		!strings.Contains(items[1], "https://api.example.gov.vn/dan-so") {
		t.Fatalf("%s: resources listed %q", nr.step, items)
	}
	editPath := u.Path
	nr.post(eb, `button[value="publish"]`, `^/admin/du-lieu-mo/`+id+`$`, "Đã chuyển tập dữ liệu sang trạng thái “Đã xuất bản”.")

	nr.begin("3 a reader opens it from the menu and reads the preview")
	rb := nr.tab(nr.person(browserCtx, "reader"), 2*time.Minute)
	path := "/du-lieu-mo/dan-so-cac-tinh-nam-2025-" + id
	for _, vp := range []viewport{desktop, phone} {
		rb.do(vp.emulate())
		rb.navigate(portal.URL + "/")
		if vp.mobile {
			// The menu folds behind its button on a phone.
			rb.navigate(portal.URL + "/du-lieu-mo")
		} else {
			rb.clickAndWait(`nav a[href="/du-lieu-mo"]`, pathIs("/du-lieu-mo"))
		}
		rb.visible(`li.dataset-item a`, "Dân số các tỉnh năm 2025")
		rb.checkNoHorizontalScroll(int(vp.width))
		rb.clickAndWait(`li.dataset-item a[href="`+path+`"]`, pathIs(path))
		rb.visible("h1.title", "Dân số các tỉnh năm 2025")
		rb.visible(".data-table caption", "5 dòng đầu của “dan-so-cac-tinh.csv”")
		cells := texts(rb.elements(".data-table td"))
		for _, want := range []string{"Hà Nội", "Đắk Lắk", "Thừa Thiên Huế"} {
			if !slices.Contains(cells, want) {
				t.Errorf("%s at %s: the preview lacks %q: %q", nr.step, vp.name, want, cells)
			}
		}
		rb.visible(".data-preview p.meta", "Bảng mã của tệp: Windows-1258 (đã chuyển sang Unicode).")
		rb.checkNoHorizontalScroll(int(vp.width))
		rb.screenshot(fmt.Sprintf("dataset-page-%d.png", vp.width))
	}
	// The download is the file as sent.
	got := evaluate[string](rb, `document.querySelector(".dataset-resources a[download]").getAttribute("href")`)
	size, err := chromedp.Run(rb.ctx, chromedp.Evaluate[string](fmt.Sprintf(`fetch(%q).then(async r => r.status + " " + r.headers.get("Content-Type") + " " + (await r.arrayBuffer()).byteLength)`, got),
		chromedp.EvalAwaitPromise))
	if want := fmt.Sprintf("200 text/csv %d", len(csv)); err != nil || size != want {
		t.Fatalf("%s: download %s: %q, %v; want %q", nr.step, got, size, err, want)
	}

	nr.begin("4 axe-core on the catalogue, the dataset and the form")
	for _, vp := range []viewport{desktop, phone} {
		for _, p := range []struct {
			b    *tab
			path string
		}{{rb, "/du-lieu-mo"}, {rb, "/du-lieu-mo?dinh-dang=CSV&q=dan+so"}, {rb, path}, {eb, "/admin/du-lieu-mo"}, {eb, editPath},
			{eb, "/admin/du-lieu-mo/moi"}, {eb, editPath + "/phien-ban"}} {
			p.b.do(vp.emulate())
			p.b.navigate(portal.URL + p.path)
			for _, pr := range p.b.audit(axeJS) {
				t.Errorf("%s at %s: %s", p.path, vp.name, pr)
			}
		}
	}
}
