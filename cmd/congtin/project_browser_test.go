package main_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/congtin/congtin"
)

func init() {
	// The demo's projects (1: ongoing, with its notices) and notices (3:
	// with its result).
	adminA11yPages = append(adminA11yPages,
		adminPage{name: "projects", path: "/admin/du-an"},
		adminPage{name: "new project", path: "/admin/du-an/moi"},
		adminPage{name: "project edit", path: "/admin/du-an/1"},
		adminPage{name: "project revisions", path: "/admin/du-an/1/phien-ban?xem=1"},
		adminPage{name: "procurement notices", path: "/admin/dau-thau"},
		adminPage{name: "new procurement notice", path: "/admin/dau-thau/moi"},
		adminPage{name: "procurement notice with its result", path: "/admin/dau-thau/3"})
}

// TestBrowserProject publishes a project and a notice of it in a real
// headless Chromium: an editor types the investment the Vietnamese way
// ("12,35 tỷ"), is refused a notice closing before it opens, then links
// the notice to the project by its #ID; a reader finds both through the
// menu at 1280 and 360 pixels, the amounts written in full.
func TestBrowserProject(t *testing.T) {
	browserPath := findBrowser(t)
	nr := newNewsroom(t)

	nr.begin("1 setup")
	db := "sqlite:" + filepath.Join(t.TempDir(), "p.db")
	nr.addStaff(db, bientap)
	portal := StartPortal(t, "serve", "-db", db)
	nr.portal = portal
	browserCtx := nr.startBrowser(browserPath)

	nr.begin("2 the editor writes the project and publishes it")
	eb := nr.tab(nr.person(browserCtx, "editor"), time.Minute)
	nr.signIn(eb, bientap)
	eb.navigate(portal.URL + "/admin/du-an")
	eb.clickAndWait(`a[href="/admin/du-an/moi"]`, pathIs("/admin/du-an/moi"))
	eb.do(
		chromedp.SendKeys(chromedp.CSS("#name"), "Đường liên xã Phước Hòa – Phước Thắng"),
		chromedp.SendKeys(chromedp.CSS("#investor"), "Ban Quản lý dự án đầu tư xây dựng huyện"),
		chromedp.SendKeys(chromedp.CSS("#location"), "Huyện Tuy Phước"),
		chromedp.SendKeys(chromedp.CSS("#investment"), "12,35 tỷ"),
		chromedp.SetValue(chromedp.CSS("#funding"), congtin.FundLocal),
		chromedp.SetValue(chromedp.CSS("#start_year"), "2025"),
		chromedp.SetValue(chromedp.CSS("#end_year"), "2027"),
		chromedp.SetValue(chromedp.CSS("#progress"), "40"),
		chromedp.SetValue(chromedp.CSS("#stage"), congtin.ProjectOngoing),
	)
	u := nr.post(eb, "#edit-form button[data-save]", `^/admin/du-an/\d+$`, "Đã lưu dự án.")
	pid := strings.TrimPrefix(u.Path, "/admin/du-an/")
	if v := evaluate[string](eb, `document.querySelector("#investment").value`); v != "12.350.000.000" {
		t.Fatalf("%s: the form shows the investment as %q", nr.step, v)
	}
	nr.post(eb, `button[value="publish"]`, `^/admin/du-an/`+pid+`$`, "Đã chuyển dự án sang trạng thái “Đã xuất bản”.")

	nr.begin("3 the notice: a closing before the opening is refused, then it is published")
	eb.navigate(portal.URL + "/admin/dau-thau/moi")
	now := time.Now().In(congtin.VietnamZone)
	eb.do(
		chromedp.SendKeys(chromedp.CSS("#name"), "Gói thầu số 05: Thi công nền, mặt đường"),
		chromedp.SendKeys(chromedp.CSS("#entity"), "Ban Quản lý dự án đầu tư xây dựng huyện"),
		chromedp.SendKeys(chromedp.CSS("#project"), "#"+pid),
		chromedp.SendKeys(chromedp.CSS("#estimated_price"), "8.500.000.000"),
		chromedp.SetValue(chromedp.CSS("#opens_at"), now.Format("2006-01-02T15:04")),
		chromedp.SetValue(chromedp.CSS("#closes_at"), now.Add(-24*time.Hour).Format("2006-01-02T15:04")),
	)
	// The refused form comes back at the same address, so the wait is
	// for its message.
	eb.do(chromedp.Click(chromedp.CSS("#edit-form button[data-save]")))
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		ctx, cancel := context.WithTimeout(eb.ctx, 2*time.Second)
		shown, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.readyState == "complete" && !!document.querySelector(".field-error")`))
		cancel()
		if err == nil && shown {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: the refused form came back without a message", nr.step)
		}
	}
	eb.visible(".field-error", "Thời điểm đóng thầu phải sau thời điểm mở thầu.")
	eb.do(chromedp.SetValue(chromedp.CSS("#closes_at"), now.AddDate(0, 0, 20).Format("2006-01-02T15:04")))
	u = nr.post(eb, "#edit-form button[data-save]", `^/admin/dau-thau/\d+$`, "Đã lưu thông báo mời thầu.")
	bid := strings.TrimPrefix(u.Path, "/admin/dau-thau/")
	eb.screenshot("procurement-form-1280.png")
	nr.post(eb, `button[value="publish"]`, `^/admin/dau-thau/`+bid+`$`, "Đã chuyển thông báo mời thầu sang trạng thái “Đã xuất bản”.")

	nr.begin("4 a reader finds them at 1280 and 360 pixels")
	rb := nr.tab(nr.person(browserCtx, "reader"), time.Minute)
	projectPath := "/du-an/duong-lien-xa-phuoc-hoa-phuoc-thang-" + pid
	bidPath := "/dau-thau/goi-thau-so-05-thi-cong-nen-mat-duong-" + bid
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
		rb.clickAndWait(`nav a[href="/du-an"]`, pathIs("/du-an"))
		rb.visible(`li.consult-item .meta`, "Ban Quản lý dự án đầu tư xây dựng huyện · 12,35 tỷ đồng · Ngân sách địa phương")
		rb.checkNoHorizontalScroll(vp.width)
		rb.screenshot("projects-list-" + vp.name + ".png")
		rb.clickAndWait(`li.consult-item a[href="`+projectPath+`"]`, pathIs(projectPath))
		rb.visible("h1.title", "Đường liên xã Phước Hòa – Phước Thắng")
		rb.visible(".doc-fields td", "12.350.000.000 đồng (12,35 tỷ đồng)")
		rb.visible(".doc-fields td", "Ngân sách địa phương")
		rb.checkNoHorizontalScroll(vp.width)
		rb.screenshot("project-page-" + vp.name + ".png")
		rb.clickAndWait(`a[href="`+bidPath+`"]`, pathIs(bidPath))
		rb.visible(".doc-fields td", "8.500.000.000 đồng (8,5 tỷ đồng)")
		rb.visible(".doc-fields td", "Đang mời thầu")
		rb.checkNoHorizontalScroll(vp.width)
		rb.screenshot("procurement-page-" + vp.name + ".png")
	}
	// The documentation's screenshot: the project's page as a reader's
	// window shows it.
	rb.do(chromedp.EmulateViewport(1280, 900))
	rb.navigate(portal.URL + projectPath)
	png, err := chromedp.Run(rb.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(rb.shots, "screenshot-du-an.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
