package main_test

import (
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserStatistics runs `congtin demo` (which makes up two months of
// visits and views), signs an editor in through the sign-in form of a real
// headless Chromium and looks at the statistics page as drawn: the
// totals, the two charts at the width of the page with a bar or a point
// per day, the most-read table, the views per category, and the page on a
// phone. It saves statistics.png for the README.
func TestBrowserStatistics(t *testing.T) {
	browserPath := findBrowser(t)
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "c.db")
	const password = "mat-khau-bien-tap-thong-ke"
	addUser(t, db, "lan", "Nguyễn Thị Lan", "editor", password)
	portal := StartPortal(t, "demo", "-db", db)

	// The export works with the same session as the page.
	session := signIn(t, portal, "lan", password)
	resp, body := adminGet(t, portal, "/admin/thong-ke.csv?kind=days", session)
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(body, "\uFEFFNgày,Lượt truy cập,Lượt xem bài viết\r\n") || strings.Count(body, "\r\n") != 31 {
		t.Fatalf("CSV of the last 30 days: %d %.200q", resp.StatusCode, body)
	}

	b := &tab{t: t, ctx: startBrowser(t, browserPath, 2*time.Minute), shots: screenshotDir(t)}

	b.navigate(portal.URL + "/admin/thong-ke")
	b.do(
		chromedp.WaitVisible(chromedp.CSS("#username")),
		chromedp.SendKeys(chromedp.CSS("#username"), "lan"),
		chromedp.SendKeys(chromedp.CSS("#password"), password),
	)
	// Sign-in sends the editor back to the page asked for.
	b.clickAndWait(".login-box button[type=submit]", pathIs("/admin/thong-ke"))
	b.visible("h1", "Thống kê")
	b.visible(`.admin-nav a[aria-current="page"]`, "Thống kê")
	b.visible(`.presets a[aria-current]`, "30 ngày")

	// The demo's two months give every card a figure.
	for _, id := range []string{"#tong-truy-cap", "#tong-luot-xem", "#trung-binh"} {
		e := b.visible(id, "")
		n, err := strconv.Atoi(strings.ReplaceAll(e.Text, ".", ""))
		if err != nil || n < 1000 {
			t.Errorf("%s shows %q, want a figure in the thousands", id, e.Text)
		}
	}
	// Both charts fill the width of their box, keep their proportions, and
	// draw one value per day.
	charts := b.elements("svg.chart")
	if len(charts) != 2 {
		t.Fatalf("%d charts, want 2", len(charts))
	}
	for i, c := range charts {
		if !c.shown() || c.Width < 900 || c.Height < c.Width*0.25 || c.Height > c.Width*0.4 {
			t.Errorf("chart %d drawn %v×%v", i, c.Width, c.Height)
		}
	}
	if bars := b.elements("#h-truy-cap ~ .chart-scroll svg rect.bar"); len(bars) != 30 {
		t.Errorf("%d bars in the visits chart, want 30", len(bars))
	}
	points, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.querySelector("#h-luot-xem ~ .chart-scroll svg polyline").points.numberOfItems`))
	if err != nil || points != 30 {
		t.Errorf("%d points on the views line, want 30", points)
	}
	// The tallest bar reaches the top gridline's height or close to it:
	// the axis ends at the first round number above the largest value.
	ratio, err := chromedp.Run(b.ctx, chromedp.Evaluate[float64](`(() => {
		const svg = document.querySelector("#h-truy-cap ~ .chart-scroll svg");
		const bars = [...svg.querySelectorAll("rect.bar")].map(r => r.getBBox());
		const lines = [...svg.querySelectorAll(".grid line")].map(l => l.y1.baseVal.value);
		const top = Math.min(...lines), base = svg.querySelector(".x-axis line").y1.baseVal.value;
		return (base - Math.min(...bars.map(r => r.y))) / (base - top);
	})()`))
	if err != nil || ratio < 0.5 || ratio > 1.0001 {
		t.Errorf("the tallest bar is %.2f of the axis", ratio)
	}
	rows := b.elements("#bai-xem-nhieu-bang tbody tr")
	if len(rows) != 10 {
		t.Errorf("%d most-read articles, want 10", len(rows))
	}
	if cats := b.elements("#theo-chuyen-muc-bang tbody tr"); len(cats) < 3 {
		t.Errorf("%d categories with views", len(cats))
	}
	// The day-by-day table is folded away, and opens.
	shown := func() bool {
		v, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`document.querySelector("#so-lieu-ngay").checkVisibility()`))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if shown() {
		t.Errorf("the figures table is shown before it is asked for")
	}
	b.do(chromedp.Click(chromedp.CSS(".stats-data summary")))
	if e := b.visible("#so-lieu-ngay", ""); !shown() || e.Height < 30*20 {
		t.Errorf("the open figures table is %v high", e.Height)
	}
	b.do(chromedp.Click(chromedp.CSS(".stats-data summary")))
	b.screenshot("statistics.png")

	// "7 ngày" narrows the range to a week.
	b.clickAndWait(`.presets a:first-child`, func(u *url.URL) bool { return u.Query().Get("tu") != "" })
	b.visible(`.presets a[aria-current]`, "7 ngày")
	if bars := b.elements("#h-truy-cap ~ .chart-scroll svg rect.bar"); len(bars) != 7 {
		t.Errorf("%d bars for 7 days", len(bars))
	}
	// "12 tháng": a bar a day, the months named under the axis; the days
	// before the demo's two months are drawn as 0.
	b.clickAndWait(`.presets a:last-child`, func(u *url.URL) bool { return u.Query().Get("tu") != "" && u.Query().Get("top") == "7" })
	if bars := b.elements("#h-truy-cap ~ .chart-scroll svg rect.bar"); len(bars) != 365 && len(bars) != 366 {
		t.Errorf("%d bars for 12 months", len(bars))
	}
	months := b.elements("#h-truy-cap ~ .chart-scroll svg .x-axis text")
	var labels []string
	for _, m := range months {
		labels = append(labels, m.Content)
	}
	if len(labels) != 12 || !regexp.MustCompile(`^\d\d/20\d\d$`).MatchString(labels[0]) {
		t.Errorf("month labels %q", labels)
	}
	b.screenshot("statistics-year.png")

	// On a phone the page does not scroll sideways; the charts keep a
	// readable width and scroll in their boxes.
	b.do(chromedp.EmulateViewport(360, 740, chromedp.EmulateScale(2), chromedp.EmulateMobile))
	b.checkNoHorizontalScroll(360)
	if c := b.elements("svg.chart"); len(c) != 2 || c[0].Width != 720 {
		t.Errorf("charts on a phone: %+v", c)
	}
	if boxes := b.elements(".chart-scroll"); len(boxes) != 2 || boxes[0].Width > 340 {
		t.Errorf("chart boxes on a phone: %+v", boxes)
	}
	b.screenshot("statistics-phone.png")
}
