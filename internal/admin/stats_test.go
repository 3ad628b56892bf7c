package admin_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/congtin/congtin"
)

// statsFixture is a portal with known daily counts. The clock says
// Monday 2 March 2026, 9:00 in Vietnam, so the default range is
// 1 February – 2 March 2026.
type statsFixture struct {
	*env
	a, b, c, d *congtin.Article
	kt, sk, vh int64 // category IDs: Kinh tế, +Sự kiện, Văn hóa
}

const ghostID = 424242 // an article deleted after it was read

func newStatsFixture(t *testing.T) *statsFixture {
	t.Helper()
	e := newEnv(t)
	ctx := t.Context()
	at := time.Date(2026, 1, 20, 9, 0, 0, 0, congtin.VietnamZone)
	rec := func(title, cat string, i int) congtin.ArticleImport {
		return congtin.ArticleImport{Title: title, Lead: "Tóm tắt", Body: "<p>Nội dung</p>", Category: cat, PublishedAt: at.Add(time.Duration(i) * time.Hour).Format(time.RFC3339)}
	}
	res, err := e.db.ImportArticles(ctx, e.site.ID, []congtin.ArticleImport{
		rec("Khai mạc hội chợ xuân", "Kinh tế", 0),
		rec(`=HYPERLINK("http://evil.example","bấm")`, "Văn hóa", 1),
		rec("@Lễ hội đền Hùng", "+Sự kiện", 2),
		rec("Bài đã gỡ", "Kinh tế", 3),
	})
	if err != nil {
		t.Fatal(err)
	}
	f := &statsFixture{env: e, a: res[0].Article, b: res[1].Article, c: res[2].Article, d: res[3].Article,
		kt: res[0].Category.ID, vh: res[1].Category.ID, sk: res[2].Category.ID}
	if err := e.db.SetArticleStatus(ctx, e.site.ID, f.d.ID, congtin.StatusUnpublished); err != nil {
		t.Fatal(err)
	}
	other, err := e.db.ImportArticles(ctx, e.site2.ID, []congtin.ArticleImport{rec("Bài của Sở", "Tin y tế", 0)})
	if err != nil {
		t.Fatal(err)
	}
	views := map[congtin.ViewKey]int64{}
	view := func(site, id int64, day string, n int64) {
		views[congtin.ViewKey{SiteID: site, ArticleID: id, Day: day}] = n
	}
	view(e.site.ID, f.a.ID, "2026-03-02", 40)
	view(e.site.ID, f.a.ID, "2026-03-01", 10)
	view(e.site.ID, f.a.ID, "2026-02-20", 5)
	view(e.site.ID, f.a.ID, "2026-01-31", 1000) // a day before the default range
	view(e.site.ID, f.b.ID, "2026-03-02", 5)
	view(e.site.ID, f.b.ID, "2026-02-25", 30)
	view(e.site.ID, f.c.ID, "2026-02-10", 50)
	view(e.site.ID, f.d.ID, "2026-02-28", 20)
	view(e.site.ID, ghostID, "2026-02-27", 7)
	view(e.site2.ID, other[0].Article.ID, "2026-03-02", 9999)
	err = e.db.AddCounts(ctx, &congtin.CounterBatch{Views: views, Visits: map[congtin.VisitKey]int64{
		{SiteID: e.site.ID, Day: "2026-03-02"}:  120,
		{SiteID: e.site.ID, Day: "2026-02-28"}:  80,
		{SiteID: e.site.ID, Day: "2026-02-01"}:  15,
		{SiteID: e.site.ID, Day: "2026-01-31"}:  5000,
		{SiteID: e.site2.ID, Day: "2026-03-02"}: 7777,
	}})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// statsPage fetches the page and fails unless it answers 200.
func statsPage(t *testing.T, c *client, path string) *html.Node {
	t.Helper()
	r := c.get(path)
	if r.status != http.StatusOK {
		t.Fatalf("GET %s: %d %.400s", path, r.status, r.body)
	}
	return hpParse(t, r.body)
}

// byID is the text of the element with the id, on one line.
func byID(t *testing.T, doc *html.Node, id string) string {
	t.Helper()
	n := hpFirst(doc, hpID(id))
	if n == nil {
		t.Fatalf("no element #%s", id)
	}
	return strings.Join(strings.Fields(hpText(n)), " ")
}

// tableRows returns the cells of the body rows of the table with the id.
func tableRows(t *testing.T, doc *html.Node, id string) [][]string {
	t.Helper()
	table := hpFirst(doc, hpID(id))
	if table == nil {
		t.Fatalf("no table #%s", id)
	}
	var rows [][]string
	for _, tr := range hpAll(hpFirst(table, hpTag("tbody")), hpTag("tr")) {
		var cells []string
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (c.Data == "td" || c.Data == "th") {
				cells = append(cells, strings.Join(strings.Fields(hpText(c)), " "))
			}
		}
		rows = append(rows, cells)
	}
	return rows
}

func wantRows(t *testing.T, got [][]string, want ...string) {
	t.Helper()
	var g []string
	for _, r := range got {
		g = append(g, strings.Join(r, " | "))
	}
	if strings.Join(g, "\n") != strings.Join(want, "\n") {
		t.Fatalf("rows:\n%s\nwant:\n%s", strings.Join(g, "\n"), strings.Join(want, "\n"))
	}
}

func TestStatsPage(t *testing.T) {
	f := newStatsFixture(t)
	c := f.as("btv")
	doc := statsPage(t, c, "/admin/thong-ke")

	// The menu leads here, marked as the current page.
	nav := hpFirst(doc, func(n *html.Node) bool { return n.Data == "a" && hpVal(n, "href") == "/admin/thong-ke" })
	if nav == nil || hpVal(nav, "aria-current") != "page" || hpText(nav) != "Thống kê" {
		t.Fatalf("menu entry: %v", nav)
	}
	// Default range: the last 30 days, Vietnam time.
	if from, to := hpVal(hpFirst(doc, hpID("tu")), "value"), hpVal(hpFirst(doc, hpID("den")), "value"); from != "2026-02-01" || to != "2026-03-02" {
		t.Fatalf("default range %s – %s", from, to)
	}
	for id, want := range map[string]string{
		"tong-truy-cap":  "215",
		"tong-luot-xem":  "167",
		"trung-binh":     "7",
		"ngay-dong-nhat": "120 ngày 02/03/2026",
	} {
		if got := byID(t, doc, id); got != want {
			t.Errorf("#%s = %q, want %q", id, got, want)
		}
	}
	// The two charts, described for screen readers.
	svgs := hpAll(doc, hpTag("svg"))
	if len(svgs) != 2 {
		t.Fatalf("%d charts, want 2", len(svgs))
	}
	for i, want := range []string{"Lượt truy cập theo ngày", "Lượt xem bài viết theo ngày"} {
		s := svgs[i]
		if hpVal(s, "role") != "img" {
			t.Errorf("chart %d: role %q", i, hpVal(s, "role"))
		}
		ids := strings.Fields(hpVal(s, "aria-labelledby"))
		if len(ids) != 2 || byID(t, doc, ids[0]) != want || !strings.Contains(byID(t, doc, ids[1]), "tổng") {
			t.Errorf("chart %d: labelled by %v", i, ids)
		}
	}
	if bars := hpAll(svgs[0], hpClass("rect", "bar")); len(bars) != 30 {
		t.Errorf("%d bars in the visits chart, want 30", len(bars))
	}
	if !strings.Contains(byID(t, doc, "bieu-do-luot-xem-desc"), "Cao nhất 50 lượt xem vào Thứ Ba, 10/02/2026") {
		t.Errorf("views chart description: %q", byID(t, doc, "bieu-do-luot-xem-desc"))
	}
	// The figures as a table: every day, with 0 where nothing was counted.
	days := tableRows(t, doc, "so-lieu-ngay")
	if len(days) != 30 {
		t.Fatalf("%d days in the table, want 30", len(days))
	}
	wantRows(t, [][]string{days[0], days[9], days[26], days[27], days[28], days[29]},
		"Chủ Nhật, 01/02/2026 | 15 | 0",
		"Thứ Ba, 10/02/2026 | 0 | 50",
		"Thứ Sáu, 27/02/2026 | 0 | 7",
		"Thứ Bảy, 28/02/2026 | 80 | 20",
		"Chủ Nhật, 01/03/2026 | 0 | 10",
		"Thứ Hai, 02/03/2026 | 120 | 45")

	// Most read over 7 days by default: the unpublished article is marked,
	// the deleted one named by its number.
	if cap := strings.Join(strings.Fields(hpText(hpFirst(doc, hpTag("caption")))), " "); !strings.Contains(cap, "01/02/2026") {
		t.Errorf("days table caption %q", cap)
	}
	wantRows(t, tableRows(t, doc, "bai-xem-nhieu-bang"),
		"1 | Khai mạc hội chợ xuân | Kinh tế | 50",
		`2 | =HYPERLINK("http://evil.example","bấm") | Văn hóa | 35`,
		"3 | Bài đã gỡ Gỡ bài | Kinh tế | 20",
		"4 | Bài #424242 (đã xoá) | Không rõ chuyên mục | 7")
	if link := hpFirst(hpFirst(doc, hpID("bai-xem-nhieu-bang")), hpTag("a")); hpVal(link, "href") != fmt.Sprintf("/admin/bai-viet/%d", f.a.ID) {
		t.Errorf("first article links to %q", hpVal(link, "href"))
	}
	wantRows(t, tableRows(t, doc, "theo-chuyen-muc-bang"),
		"Kinh tế | 75 | 44,9%",
		"+Sự kiện | 50 | 29,9%",
		"Văn hóa | 35 | 21,0%",
		"Không rõ chuyên mục | 7 | 4,2%")

	// The other periods of the most-read table, from the tabs' links.
	tabs := hpAll(hpFirst(doc, hpClass("nav", "tabs")), hpTag("a"))
	if len(tabs) != 3 || hpVal(tabs[1], "aria-current") != "page" {
		t.Fatalf("tabs: %d, the second current: %q", len(tabs), hpVal(tabs[1], "aria-current"))
	}
	day := statsPage(t, c, hpVal(tabs[0], "href"))
	wantRows(t, tableRows(t, day, "bai-xem-nhieu-bang"),
		"1 | Khai mạc hội chợ xuân | Kinh tế | 40",
		`2 | =HYPERLINK("http://evil.example","bấm") | Văn hóa | 5`)
	month := statsPage(t, c, hpVal(tabs[2], "href"))
	wantRows(t, tableRows(t, month, "bai-xem-nhieu-bang"),
		"1 | Khai mạc hội chợ xuân | Kinh tế | 55",
		"2 | @Lễ hội đền Hùng | +Sự kiện | 50",
		`3 | =HYPERLINK("http://evil.example","bấm") | Văn hóa | 35`,
		"4 | Bài đã gỡ Gỡ bài | Kinh tế | 20",
		"5 | Bài #424242 (đã xoá) | Không rõ chuyên mục | 7")

	// A chosen range, both ends included; the most-read periods end with it.
	doc = statsPage(t, c, "/admin/thong-ke?tu=2026-01-31&den=2026-02-01&top=ngay")
	if got := byID(t, doc, "tong-truy-cap") + " " + byID(t, doc, "tong-luot-xem"); got != "5.015 1.000" {
		t.Errorf("31/01–01/02: totals %q, want 5.015 1.000", got)
	}
	wantRows(t, tableRows(t, doc, "bai-xem-nhieu-bang"), "Chưa có lượt xem nào trong thời gian này.")
	wantRows(t, tableRows(t, doc, "theo-chuyen-muc-bang"), "Kinh tế | 1.000 | 100,0%")
	// A preset is marked when it is the range shown.
	doc = statsPage(t, c, "/admin/thong-ke?tu=2026-02-24&den=2026-03-02")
	presets := hpAll(hpFirst(doc, hpClass("span", "presets")), hpTag("a"))
	if len(presets) != 3 || hpVal(presets[0], "aria-current") != "true" || hpVal(presets[1], "aria-current") != "" {
		t.Fatalf("presets: %d", len(presets))
	}
	if u, _ := url.Parse(hpVal(presets[2], "href")); u.Query().Get("tu") != "2025-03-03" || u.Query().Get("den") != "2026-03-02" {
		t.Fatalf("12 tháng links to %s", hpVal(presets[2], "href"))
	}

	// The same page for the other site shows only its own figures.
	c2 := f.client("so.example").login("qt2")
	doc = statsPage(t, c2, "/admin/thong-ke")
	if got := byID(t, doc, "tong-truy-cap") + " " + byID(t, doc, "tong-luot-xem"); got != "7.777 9.999" {
		t.Fatalf("other site's totals %q", got)
	}
}

func TestStatsCSV(t *testing.T) {
	f := newStatsFixture(t)
	c := f.as("qtv")
	get := func(query string) *resp {
		t.Helper()
		r := c.get("/admin/thong-ke.csv?" + query)
		if r.status != http.StatusOK {
			t.Fatalf("%s: %d %.300s", query, r.status, r.body)
		}
		if ct := r.header.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
			t.Errorf("%s: Content-Type %q", query, ct)
		}
		return r
	}
	r := get("tu=2026-02-27&den=2026-03-02&kind=days")
	if cd := r.header.Get("Content-Disposition"); cd != `attachment; filename="thong-ke-theo-ngay-2026-02-27-2026-03-02.csv"` {
		t.Errorf("Content-Disposition %q", cd)
	}
	want := "\uFEFFNgày,Lượt truy cập,Lượt xem bài viết\r\n" +
		"2026-02-27,0,7\r\n" +
		"2026-02-28,80,20\r\n" +
		"2026-03-01,0,10\r\n" +
		"2026-03-02,120,45\r\n"
	if r.body != want {
		t.Errorf("days CSV:\n%q\nwant\n%q", r.body, want)
	}

	// Every article of the default range; cells a spreadsheet would run
	// as formulas start with an apostrophe.
	r = get("kind=articles")
	if cd := r.header.Get("Content-Disposition"); cd != `attachment; filename="thong-ke-bai-viet-2026-02-01-2026-03-02.csv"` {
		t.Errorf("Content-Disposition %q", cd)
	}
	want = "\uFEFFHạng,Mã bài,Tiêu đề,Chuyên mục,Trạng thái,Lượt xem\r\n" +
		fmt.Sprintf("1,%d,Khai mạc hội chợ xuân,Kinh tế,Đã xuất bản,55\r\n", f.a.ID) +
		fmt.Sprintf("2,%d,'@Lễ hội đền Hùng,'+Sự kiện,Đã xuất bản,50\r\n", f.c.ID) +
		fmt.Sprintf("3,%d,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"bấm\"\")\",Văn hóa,Đã xuất bản,35\r\n", f.b.ID) +
		fmt.Sprintf("4,%d,Bài đã gỡ,Kinh tế,Gỡ bài,20\r\n", f.d.ID) +
		"5,424242,Bài #424242 (đã xoá),Không rõ chuyên mục,Đã xoá,7\r\n"
	if r.body != want {
		t.Errorf("articles CSV:\n%s\nwant\n%s", r.body, want)
	}

	r = get("tu=2026-02-01&den=2026-03-02&kind=categories")
	want = "\uFEFFMã chuyên mục,Chuyên mục,Lượt xem\r\n" +
		fmt.Sprintf("%d,Kinh tế,75\r\n%d,'+Sự kiện,50\r\n%d,Văn hóa,35\r\n", f.kt, f.sk, f.vh) +
		",Không rõ chuyên mục,7\r\n"
	if r.body != want {
		t.Errorf("categories CSV:\n%s\nwant\n%s", r.body, want)
	}

	// The page's download links give the same files.
	doc := statsPage(t, c, "/admin/thong-ke?tu=2026-02-27&den=2026-03-02")
	var links []string
	for _, a := range hpAll(hpFirst(doc, hpClass("p", "stats-summary")), hpTag("a")) {
		links = append(links, hpVal(a, "href"))
	}
	if len(links) != 4 {
		t.Fatalf("download links %v", links)
	}
	if got := get(strings.TrimPrefix(links[3], "/admin/thong-ke.csv?")); !strings.HasPrefix(got.body, "\uFEFFHạng,Mã tập dữ liệu,Tập dữ liệu,Mã tài nguyên,Tài nguyên,Lượt tải\r\n") {
		t.Errorf("the open-data downloads link gives %q", got.body)
	}
	if got := get(strings.TrimPrefix(links[0], "/admin/thong-ke.csv?")); !strings.HasPrefix(got.body, "\uFEFFNgày,") || !strings.Contains(got.body, "2026-03-02,120,45") {
		t.Errorf("the days link gives %q", got.body)
	}
	if got := get(strings.TrimPrefix(links[2], "/admin/thong-ke.csv?")); !strings.Contains(got.body, "Kinh tế,70\r\n,Không rõ chuyên mục,7\r\n") {
		t.Errorf("the categories link gives %q", got.body)
	}
}

func TestStatsPermissions(t *testing.T) {
	f := newStatsFixture(t)
	for _, path := range []string{"/admin/thong-ke", "/admin/thong-ke.csv?kind=days"} {
		// Signed out: to the sign-in page, coming back here after.
		r := f.client("").get(path)
		if loc := r.header.Get("Location"); r.status != http.StatusSeeOther || !strings.HasPrefix(loc, "/admin/dang-nhap?next=") {
			t.Errorf("%s signed out: %d %q", path, r.status, loc)
		}
		// Reporters may not read the figures.
		r = f.as("pv1").get(path)
		badPage(t, path+" as a reporter", r, http.StatusForbidden, "không có quyền")
		if strings.Contains(r.body, "Khai mạc hội chợ xuân") || strings.Contains(r.body, "215") {
			t.Errorf("%s as a reporter: figures shown", path)
		}
		// An administrator of another site sees nothing of this one.
		r = f.client("").login("qt2").get(path)
		if r.status != http.StatusForbidden {
			t.Errorf("%s as another site's admin: %d", path, r.status)
		}
		for _, who := range []string{"btv", "qtv", "super"} {
			if r := f.as(who).get(path); r.status != http.StatusOK {
				t.Errorf("%s as %s: %d", path, who, r.status)
			}
		}
	}
	// The menu shows the entry to editors, not to reporters.
	for who, want := range map[string]bool{"pv1": false, "btv": true, "qtv": true} {
		doc := hpParse(t, f.as(who).get("/admin/").body)
		has := hpFirst(doc, func(n *html.Node) bool { return n.Data == "a" && hpVal(n, "href") == "/admin/thong-ke" }) != nil
		if has != want {
			t.Errorf("menu of %s has Thống kê: %v", who, has)
		}
	}
}

func TestStatsBadInput(t *testing.T) {
	f := newStatsFixture(t)
	c := f.as("btv")
	for _, tc := range []struct {
		query, phrase string
	}{
		{"tu=2026-03-02&den=2026-02-01", "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc."},
		{"tu=2026-02-30&den=2026-03-02", "Ngày bắt đầu không hợp lệ"},
		{"tu=01/02/2026&den=02/03/2026", "Ngày bắt đầu không hợp lệ"},
		{"tu=2026-02-01&den=hôm-nay", "Ngày kết thúc không hợp lệ"},
		{"tu=2023-01-01&den=2026-03-02", "Khoảng thời gian quá dài: tối đa 731 ngày (2 năm)."},
		{"tu=1990-01-01&den=1990-01-05", "Ngày bắt đầu phải trong khoảng từ 01/01/2000"},
		{"tu=2026-02-01", "Hãy chọn ngày kết thúc."},
		{"den=2026-02-01", "Hãy chọn ngày bắt đầu."},
		{"tu=2026-02-01&den=2026-03-02&top=365", "Khoảng thời gian của bảng bài xem nhiều không hợp lệ."},
		{"tu=%FF%FE&den=2026-03-02", "Ngày bắt đầu không hợp lệ"},
		{"tu=" + strings.Repeat("9", 5000) + "&den=2026-03-02", "Ngày bắt đầu không hợp lệ"},
		{"tu=2026-02-01'%20OR%201=1--&den=2026-03-02", "Ngày bắt đầu không hợp lệ"},
	} {
		r := c.get("/admin/thong-ke?" + tc.query)
		doc := badPage(t, tc.query, r, http.StatusBadRequest, tc.phrase)
		if n := len(hpAll(doc, hpTag("svg"))); n != 0 {
			t.Errorf("%s: %d charts drawn for a bad range", tc.query, n)
		}
		// The form is there to correct the range, the bad field marked.
		if hpFirst(doc, hpID("tu")) == nil || hpFirst(doc, func(n *html.Node) bool { return hpVal(n, "aria-invalid") == "true" }) == nil && !strings.Contains(tc.query, "top=") {
			t.Errorf("%s: no form with the bad field marked", tc.query)
		}
		if v := hpVal(hpFirst(doc, hpID("tu")), "value"); len([]rune(v)) > 40 {
			t.Errorf("%s: the form echoes %d characters", tc.query, len(v))
		}
		// The same range for an export is refused the same way.
		r = c.get("/admin/thong-ke.csv?kind=days&" + tc.query)
		badPage(t, "CSV "+tc.query, r, http.StatusBadRequest, tc.phrase)
		if strings.HasPrefix(r.header.Get("Content-Type"), "text/csv") || r.header.Get("Content-Disposition") != "" {
			t.Errorf("CSV %s: sent as a file", tc.query)
		}
	}
	for _, kind := range []string{"", "users", "days%00"} {
		r := c.get("/admin/thong-ke.csv?tu=2026-02-01&den=2026-03-02&kind=" + kind)
		badPage(t, "kind "+kind, r, http.StatusBadRequest, "Loại số liệu cần tải không hợp lệ")
	}
	// The longest range allowed works, to the last day.
	doc := statsPage(t, c, "/admin/thong-ke?tu=2024-03-03&den=2026-03-02")
	if n := len(tableRows(t, doc, "so-lieu-ngay")); n != 730 {
		t.Fatalf("%d days shown, want 730", n)
	}
	if r := c.get("/admin/thong-ke.csv?tu=2024-03-02&den=2026-03-02&kind=days"); r.status != http.StatusOK || strings.Count(r.body, "\r\n") != 732 {
		t.Fatalf("731-day export: %d, %d lines", r.status, strings.Count(r.body, "\r\n"))
	}
}

// TestStatsEscapesText: titles and category names typed by editors (or
// imported) are text on the statistics page and in its charts, never
// markup.
func TestStatsEscapesText(t *testing.T) {
	e := newEnv(t)
	title := `<img src=x onerror=alert(1)> Tin "nổi bật" </td></table><script>alert(2)</script>`
	cat := `Chuyên mục <b onmouseover=alert(3)>đậm</b>`
	res, err := e.db.ImportArticles(t.Context(), e.site.ID, []congtin.ArticleImport{{
		Title: title, Lead: "Tóm tắt", Body: "<p>x</p>", Category: cat, PublishedAt: "2026-02-01T08:00:00+07:00",
	}})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.db.AddCounts(t.Context(), &congtin.CounterBatch{Views: map[congtin.ViewKey]int64{
		{SiteID: e.site.ID, ArticleID: res[0].Article.ID, Day: "2026-03-01"}: 3,
	}}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res[0].Article.Title, "<script>") || !strings.Contains(res[0].Category.Name, "<b ") {
		t.Fatalf("the fixture lost its markup: %q, %q", res[0].Article.Title, res[0].Category.Name)
	}
	doc := statsPage(t, e.as("btv"), "/admin/thong-ke?top=30")
	for _, n := range hpAll(doc, func(*html.Node) bool { return true }) {
		if n.Data == "script" && !strings.HasPrefix(hpVal(n, "src"), "/static/") || n.Data == "img" || n.Data == "b" {
			t.Errorf("markup from the input became an element: <%s>", n.Data)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("<%s %s=%q>", n.Data, a.Key, a.Val)
			}
		}
	}
	wantRows(t, tableRows(t, doc, "bai-xem-nhieu-bang"), "1 | "+strings.Join(strings.Fields(res[0].Article.Title), " ")+" | "+strings.Join(strings.Fields(res[0].Category.Name), " ")+" | 3")
	wantRows(t, tableRows(t, doc, "theo-chuyen-muc-bang"), strings.Join(strings.Fields(res[0].Category.Name), " ")+" | 3 | 100,0%")
}
