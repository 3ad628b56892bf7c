package admin_test

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/counters"
	"github.com/congtin/congtin/internal/pagecache"
	"github.com/congtin/congtin/internal/render"
	"github.com/congtin/congtin/internal/sqlite"
	"github.com/congtin/congtin/internal/static"
	"github.com/congtin/congtin/internal/web"
)

// The env's clock starts on Monday 2 March 2026, 09:00: ISO week 10.
const thisWeek = "2026-W10"

// entryForm is the back office's schedule entry form.
func entryForm(week, day, start, end, content string) url.Values {
	return url.Values{"tuan": {week}, "ngay": {day}, "bat_dau": {start}, "ket_thuc": {end}, "noi_dung": {content},
		"thanh_phan": {"Lãnh đạo các sở, ngành"}, "dia_diem": {"Phòng họp số 1, UBND tỉnh"}, "chu_tri": {"Chủ tịch UBND tỉnh"}}
}

func wantStatus(t *testing.T, r *resp, status int, what string) {
	t.Helper()
	if r.status != status {
		t.Fatalf("%s: status %d, want %d: %.600s", what, r.status, status, r.body)
	}
}

// wantText fails unless the page shows text (in its DOM's text).
func wantText(t *testing.T, r *resp, text, what string) {
	t.Helper()
	if !strings.Contains(hpText(hpParse(t, r.body)), text) {
		t.Fatalf("%s: page does not say %q: %.800s", what, text, r.body)
	}
}

// scheduleDays reads the public week page: each day's heading with the
// contents of its entries.
func scheduleDays(t *testing.T, body string) map[string][]string {
	t.Helper()
	doc := hpParse(t, body)
	days := map[string][]string{}
	for _, sec := range hpAll(doc, hpClass("section", "schedule-day")) {
		label := strings.TrimSpace(hpText(hpFirst(sec, hpClass("h2", "day-title"))))
		label = strings.TrimSuffix(label, " (hôm nay)")
		days[label] = []string{}
		for _, td := range hpAll(sec, hpClass("td", "col-content")) {
			days[label] = append(days[label], strings.TrimSpace(hpText(td)))
		}
	}
	return days
}

func hrefOf(t *testing.T, body string, pred func(*html.Node) bool) string {
	t.Helper()
	n := hpFirst(hpParse(t, body), pred)
	if n == nil {
		t.Fatalf("no such link in %.500s", body)
	}
	return hpVal(n, "href")
}

// TestScheduleWeek: a reporter fills a week and submits it, an editor
// returns it with a comment and then publishes it; the public week page
// shows the entries grouped by day, with the previous and next weeks, the
// print view, the feed and the API. Bad input changes nothing.
func TestScheduleWeek(t *testing.T) {
	e := newEnv(t)
	pv, btv := e.as("pv1"), e.as("btv")
	for _, f := range []url.Values{
		entryForm(thisWeek, "2026-03-02", "14:00", "16:30", "Làm việc với Sở Y tế"),
		entryForm(thisWeek, "2026-03-02", "08:00", "11:30", "Họp giao ban lãnh đạo UBND tỉnh"),
		entryForm(thisWeek, "2026-03-04", "07:30", "", "Kiểm tra công trình trường học"),
		entryForm(thisWeek, "2026-03-07", "08:00", "10:00", "Dự Ngày hội đại đoàn kết"),
	} {
		r := pv.post("/admin/lich-cong-tac", f)
		wantStatus(t, r, http.StatusSeeOther, "add "+f.Get("noi_dung"))
		if loc := r.header.Get("Location"); !strings.HasPrefix(loc, "/admin/lich-cong-tac?tuan="+thisWeek+"&ok=") {
			t.Fatalf("after adding: Location %q", loc)
		}
	}
	count := func() int {
		_, es, err := e.db.FindScheduleWeek(t.Context(), e.site.ID, congtin.Week{Year: 2026, Num: 10})
		if err != nil {
			t.Fatal(err)
		}
		return len(es)
	}
	// End before start: a clear message, the form kept, nothing saved.
	r := pv.post("/admin/lich-cong-tac", entryForm(thisWeek, "2026-03-05", "14:00", "13:00", "Sai giờ kết thúc"))
	wantStatus(t, r, http.StatusBadRequest, "end before start")
	wantText(t, r, "Giờ kết thúc phải sau giờ bắt đầu (14:00 05/03/2026).", "end before start")
	if doc := hpParse(t, r.body); hpVal(hpFirst(doc, hpID("ket_thuc")), "value") != "13:00" || !xssHasText(doc, hpID("noi_dung"), "Sai giờ kết thúc") {
		t.Errorf("the form does not keep what was typed")
	}
	for name, f := range map[string]url.Values{
		"no content":    entryForm(thisWeek, "2026-03-05", "14:00", "", " "),
		"bad day":       entryForm(thisWeek, "05/03/2026", "14:00", "", "Ngày sai"),
		"bad time":      entryForm(thisWeek, "2026-03-05", "25:00", "", "Giờ sai"),
		"bad end":       entryForm(thisWeek, "2026-03-05", "14:00", "3pm", "Giờ sai"),
		"invalid UTF-8": entryForm(thisWeek, "2026-03-05", "14:00", "", "Nội dung \xff"),
	} {
		r := pv.post("/admin/lich-cong-tac", f)
		wantStatus(t, r, http.StatusBadRequest, name)
	}
	if n := count(); n != 4 {
		t.Fatalf("after bad input: %d entries, want 4", n)
	}

	// Not public while a draft.
	pub := e.client("")
	r = pub.get("/lich-cong-tac")
	wantStatus(t, r, http.StatusOK, "draft week")
	wantText(t, r, "Chưa có lịch công tác được công bố cho tuần này.", "draft week")
	if strings.Contains(r.body, "Họp giao ban") {
		t.Fatal("a draft week is public")
	}
	transition := func(c *client, act, comment string) *resp {
		return c.post("/admin/lich-cong-tac/chuyen", url.Values{"tuan": {thisWeek}, "action": {act}, "comment": {comment}})
	}
	wantStatus(t, transition(pv, "publish", ""), http.StatusForbidden, "reporter publishes")
	wantStatus(t, transition(pv, "submit", ""), http.StatusSeeOther, "submit")
	wantStatus(t, pv.post("/admin/lich-cong-tac", entryForm(thisWeek, "2026-03-06", "08:00", "", "Sau khi gửi")), http.StatusForbidden, "reporter adds to a submitted week")
	r = transition(btv, "return", "")
	wantStatus(t, r, http.StatusBadRequest, "return without a comment")
	wantText(t, r, "Hãy ghi ý kiến khi trả lại cho người soạn.", "return without a comment")
	wantStatus(t, transition(btv, "return", "Bổ sung thành phần dự họp"), http.StatusSeeOther, "return")
	r = pv.get("/admin/lich-cong-tac?tuan=" + thisWeek)
	wantText(t, r, "Bổ sung thành phần dự họp", "the reporter reads the comment")
	wantStatus(t, transition(pv, "submit", ""), http.StatusSeeOther, "submit again")
	r = transition(btv, "publish", "")
	wantStatus(t, r, http.StatusSeeOther, "publish")
	if loc, _ := url.Parse(r.header.Get("Location")); loc.Path != "/admin/lich-cong-tac" || loc.Query().Get("tuan") != thisWeek ||
		loc.Query().Get("ok") != "Đã chuyển lịch tuần "+thisWeek+" sang trạng thái “Đã xuất bản”." {
		t.Errorf("after publishing the week: %s", r.header.Get("Location"))
	}
	// The week's workflow history: each step, with the editor's comment.
	r = btv.get("/admin/lich-cong-tac?tuan=" + thisWeek)
	var steps []string
	for _, li := range hpAll(hpFirst(hpParse(t, r.body), hpClass("section", "notes")), hpTag("li")) {
		steps = append(steps, hpText(li))
	}
	if len(steps) != 4 || !strings.Contains(steps[1], "Trả lại") || !strings.Contains(steps[1], "Bổ sung thành phần dự họp") || !strings.Contains(steps[3], "Đã xuất bản") {
		t.Errorf("the week's history: %q", steps)
	}

	// The public week, grouped by day in Vietnam time, Monday first.
	r = pub.get("/lich-cong-tac")
	wantStatus(t, r, http.StatusOK, "published week")
	days := scheduleDays(t, r.body)
	want := map[string][]string{
		"Thứ Hai, 02/03/2026": {"Họp giao ban lãnh đạo UBND tỉnh", "Làm việc với Sở Y tế"},
		"Thứ Ba, 03/03/2026":  {},
		"Thứ Tư, 04/03/2026":  {"Kiểm tra công trình trường học"},
		"Thứ Năm, 05/03/2026": {},
		"Thứ Sáu, 06/03/2026": {},
		"Thứ Bảy, 07/03/2026": {"Dự Ngày hội đại đoàn kết"},
	}
	if fmt.Sprint(days) != fmt.Sprint(want) {
		t.Fatalf("days:\n got %v\nwant %v", days, want)
	}
	doc := hpParse(t, r.body)
	if h := hpText(hpFirst(doc, hpTag("h1"))); h != "Lịch công tác tuần 10 năm 2026" {
		t.Errorf("heading %q", h)
	}
	if got := hpText(hpFirst(doc, hpID("muc-1"))); !strings.Contains(got, "14:00 – 16:30") {
		t.Errorf("first entry's row %q lacks its times", got)
	}
	if cur := hpFirst(doc, func(n *html.Node) bool { return n.Data == "a" && hpVal(n, "aria-current") == "page" }); hpText(cur) != "Lịch công tác" {
		t.Errorf("menu marks %q as current", hpText(cur))
	}
	prev, next := hrefOf(t, r.body, hpClass("a", "week-prev")), hrefOf(t, r.body, hpClass("a", "week-next"))
	if prev != "/lich-cong-tac?tuan=2026-W09" || next != "/lich-cong-tac?tuan=2026-W11" {
		t.Fatalf("prev %q, next %q", prev, next)
	}
	r = pub.get(next)
	wantStatus(t, r, http.StatusOK, "next week")
	wantText(t, r, "Chưa có lịch công tác được công bố cho tuần này.", "next week")
	wantText(t, r, "Từ Thứ Hai, 09/03/2026 đến Chủ Nhật, 15/03/2026", "next week")
	if back := hrefOf(t, r.body, hpClass("a", "week-prev")); back != "/lich-cong-tac?tuan="+thisWeek {
		t.Fatalf("next week's prev link %q", back)
	}
	// Across the year's end: week 53 of 2026 is followed by week 1 of 2027.
	r = pub.get("/lich-cong-tac?tuan=2026-W53")
	wantStatus(t, r, http.StatusOK, "week 53")
	if n := hrefOf(t, r.body, hpClass("a", "week-next")); n != "/lich-cong-tac?tuan=2027-W01" {
		t.Fatalf("after 2026-W53: %q", n)
	}

	// The print view: one table, a row group per day.
	r = pub.get("/lich-cong-tac/ban-in?tuan=" + thisWeek)
	wantStatus(t, r, http.StatusOK, "print view")
	doc = hpParse(t, r.body)
	var groups []string
	for _, th := range hpAll(doc, hpClass("th", "print-day")) {
		groups = append(groups, hpText(th)+" ×"+hpVal(th, "rowspan"))
	}
	if want := []string{"Thứ Hai, 02/03/2026 ×2", "Thứ Tư, 04/03/2026 ×1", "Thứ Bảy, 07/03/2026 ×1"}; !slices.Equal(groups, want) {
		t.Fatalf("print row groups %v, want %v", groups, want)
	}
	if hpFirst(doc, hpClass("nav", "menu")) != nil || hpFirst(doc, hpClass("section", "counter")) != nil {
		t.Error("the print view has the site's menu or counter")
	}

	// RSS of the coming entries, and the API.
	r = pub.get("/lich-cong-tac/rss")
	wantStatus(t, r, http.StatusOK, "feed")
	var feed struct {
		Items []struct {
			Title string `xml:"title"`
			Link  string `xml:"link"`
		} `xml:"channel>item"`
	}
	if err := xml.Unmarshal([]byte(r.body), &feed); err != nil {
		t.Fatal(err)
	}
	if len(feed.Items) != 4 || feed.Items[0].Title != "Thứ Hai, 02/03/2026, 08:00 – 11:30: Họp giao ban lãnh đạo UBND tỉnh" ||
		!strings.HasSuffix(feed.Items[0].Link, "/lich-cong-tac?tuan="+thisWeek+"#muc-2") {
		t.Fatalf("feed: %+v", feed.Items)
	}
	r = pub.get("/api/v1/lich-cong-tac?tuan=" + thisWeek)
	wantStatus(t, r, http.StatusOK, "API")
	var api struct {
		Week, Start, End, Prev, Next string
		Count                        int
		Days                         []struct {
			Date    string
			Entries []struct {
				Content, Place, Chair string
				Start, End            time.Time
			}
		}
	}
	if err := json.Unmarshal([]byte(r.body), &api); err != nil {
		t.Fatal(err)
	}
	if api.Week != thisWeek || api.Start != "2026-03-02" || api.End != "2026-03-08" || api.Prev != "2026-W09" || api.Count != 4 ||
		len(api.Days) != 6 || len(api.Days[0].Entries) != 2 || api.Days[0].Entries[0].Place != "Phòng họp số 1, UBND tỉnh" ||
		!api.Days[0].Entries[0].Start.Equal(time.Date(2026, 3, 2, 8, 0, 0, 0, congtin.VietnamZone)) {
		t.Fatalf("API: %+v", api)
	}

	// Bad weeks: 400 with a message, never 500.
	for _, q := range []string{"2026-W60", "2026-W00", "2025-W53", "garbage", "2026-W1", "<script>", "2026-W10&tuan=2026-W11", "%ff", "1999-W10"} {
		for _, p := range []string{"/lich-cong-tac?tuan=", "/lich-cong-tac/ban-in?tuan=", "/api/v1/lich-cong-tac?tuan=", "/admin/lich-cong-tac?tuan="} {
			c := pub
			if strings.HasPrefix(p, "/admin/") {
				c = btv
			}
			r := c.get(p + q)
			if r.status != http.StatusBadRequest {
				t.Errorf("%s%s: status %d, want 400", p, q, r.status)
			}
			if strings.Contains(r.body, "<script>") {
				t.Errorf("%s%s: the bad value is echoed unescaped", p, q)
			}
		}
	}
	r = pub.get("/lich-cong-tac?tuan=2026-W60")
	wantText(t, r, "Năm 2026 không có tuần 60: năm này có 53 tuần.", "week 60")
	r = pub.get("/api/v1/lich-cong-tac?tuan=garbage")
	if !strings.Contains(r.body, `"error": "Tuần không hợp lệ`) && !strings.Contains(r.body, `"error":"Tuần không hợp lệ`) {
		t.Errorf("API error: %s", r.body)
	}

	// The workflow is in the audit log and the entries' history.
	acts := []string{}
	es, _, _ := e.db.FindAudit(t.Context(), congtin.AuditFilter{SiteID: e.site.ID, Action: "schedule", Limit: 100})
	for _, a := range es {
		acts = append(acts, a.Action+" "+a.Username)
	}
	for _, w := range []string{"schedule.create pv1", "schedule.submit pv1", "schedule.return btv", "schedule.publish btv"} {
		if !slices.Contains(acts, w) {
			t.Errorf("audit log lacks %q: %v", w, acts)
		}
	}
	// An editor edits a published entry: it changes at once on the site.
	r = btv.post("/admin/lich-cong-tac/muc/3", entryForm(thisWeek, "2026-03-04", "08:00", "09:00", "Kiểm tra công trình trường học vùng cao"))
	wantStatus(t, r, http.StatusSeeOther, "editor edits a published entry")
	if days := scheduleDays(t, pub.get("/lich-cong-tac").body); !slices.Equal(days["Thứ Tư, 04/03/2026"], []string{"Kiểm tra công trình trường học vùng cao"}) {
		t.Fatalf("after the edit: %v", days)
	}
	r = btv.get("/admin/lich-cong-tac?tuan=" + thisWeek)
	wantText(t, r, "Lịch sử thay đổi", "history")
	if n := strings.Count(hpText(hpFirst(hpParse(t, r.body), hpID("lich-su-lich")).Parent), "Tạo mới"); n != 4 {
		t.Errorf("history shows %d creations, want 4", n)
	}
	wantStatus(t, pv.post("/admin/lich-cong-tac/muc/3/xoa", nil), http.StatusForbidden, "reporter deletes from a published week")
	wantStatus(t, btv.post("/admin/lich-cong-tac/muc/3/xoa", nil), http.StatusSeeOther, "editor deletes")
	wantStatus(t, btv.post("/admin/lich-cong-tac/muc/3/xoa", nil), http.StatusNotFound, "delete twice")
	if n := count(); n != 3 {
		t.Fatalf("after delete: %d", n)
	}
	// The sitemap names the schedule.
	if r := pub.get("/sitemap/trang.xml"); !strings.Contains(r.body, "/lich-cong-tac</loc>") {
		t.Errorf("sitemap: %s", r.body)
	}
	if r := pub.get("/sitemap.xml"); !strings.Contains(r.body, "/sitemap/trang.xml") {
		t.Errorf("sitemap index: %s", r.body)
	}
}

// xssFew are the payloads tried in every text field of the sections.
var xssFew = []string{
	`<script>alert(1)</script>`,
	`"><img src=x onerror=alert(1)>`,
	`</title><script>alert(1)</script>`,
	`</textarea><svg onload=alert(1)>`,
	`{{.}} <a href="javascript:alert(1)">bấm</a>`,
}

// TestSectionsEscapeText: markup typed into any text field of the
// schedule, the about pages, the chart and the links comes out as text on
// every page that shows it.
func TestSectionsEscapeText(t *testing.T) {
	e := newEnv(t)
	btv, qtv := e.as("btv"), e.as("qtv")
	pub := e.client("")
	n := 0
	for i, x := range xssFew {
		day := fmt.Sprintf("2026-03-0%d", 2+i)
		f := url.Values{"tuan": {thisWeek}, "ngay": {day}, "bat_dau": {"08:00"}, "noi_dung": {"ND " + x}, "thanh_phan": {"TP " + x}, "dia_diem": {"DD " + x}, "chu_tri": {"CT " + x}}
		wantStatus(t, btv.post("/admin/lich-cong-tac", f), http.StatusSeeOther, "entry "+x)
		r := btv.post("/admin/gioi-thieu/moi", url.Values{"title": {"Trang " + x}, "slug": {fmt.Sprintf("trang-%d", i)}, "body": {"<p>Thân " + x + "</p>"},
			"title_en": {"Page " + x}, "slug_en": {fmt.Sprintf("page-%d", i)}, "body_en": {"<p>Body " + x + "</p>"}})
		wantStatus(t, r, http.StatusSeeOther, "page "+x)
		id := strings.TrimPrefix(strings.SplitN(r.header.Get("Location"), "?", 2)[0], "/admin/gioi-thieu/")
		wantStatus(t, btv.post("/admin/gioi-thieu/"+id+"/chuyen", url.Values{"action": {"publish"}}), http.StatusSeeOther, "publish page")
		wantStatus(t, btv.post("/admin/co-cau-to-chuc", url.Values{"name": {"ĐV " + x}, "name_en": {"Unit " + x},
			"leader_name": {"Tên " + x}, "leader_title": {"Chức " + x}, "leader_title_en": {"Title " + x}}), http.StatusSeeOther, "unit "+x)
		wantStatus(t, qtv.post("/admin/lien-ket", url.Values{"name": {"LK " + x}, "url": {"https://example.com/" + fmt.Sprint(i)}, "group": {"Nhóm " + x}}),
			http.StatusSeeOther, "link "+x)
	}
	wantStatus(t, btv.post("/admin/lich-cong-tac/chuyen", url.Values{"tuan": {thisWeek}, "action": {"publish"}}), http.StatusSeeOther, "publish week")

	pages := map[*client][]string{
		pub: {"/lich-cong-tac", "/lich-cong-tac/ban-in", "/gioi-thieu", "/gioi-thieu/co-cau-to-chuc", "/en/", "/en/organisation", "/lien-ket", "/"},
		btv: {"/admin/lich-cong-tac", "/admin/lich-cong-tac/muc/1", "/admin/gioi-thieu", "/admin/gioi-thieu/1", "/admin/gioi-thieu/1/phien-ban?xem=1", "/admin/co-cau-to-chuc", "/admin/co-cau-to-chuc?sua=1"},
		qtv: {"/admin/lien-ket"},
	}
	for i := range xssFew {
		pages[pub] = append(pages[pub], fmt.Sprintf("/gioi-thieu/trang-%d", i), fmt.Sprintf("/gioi-thieu/trang-%d/ban-in", i),
			fmt.Sprintf("/en/about/page-%d", i), fmt.Sprintf("/en/about/page-%d/print", i))
	}
	seen := map[string]bool{}
	for c, ps := range pages {
		for _, p := range ps {
			doc := xssPage(t, c, http.StatusOK, p, &n)
			text := hpText(doc)
			for _, x := range xssFew {
				for _, prefix := range []string{"ND ", "TP ", "DD ", "CT ", "Trang ", "Page ", "ĐV ", "Unit ", "Tên ", "Chức ", "Title ", "LK ", "Nhóm "} {
					if strings.Contains(text, prefix+x) {
						seen[prefix] = true
					}
				}
			}
		}
	}
	for _, prefix := range []string{"ND ", "TP ", "DD ", "CT ", "Trang ", "Page ", "ĐV ", "Unit ", "Tên ", "Chức ", "Title ", "LK ", "Nhóm "} {
		if !seen[prefix] {
			t.Errorf("no page showed the field %q as text", prefix)
		}
	}
	// The feed and the API carry the text as text.
	r := pub.get("/lich-cong-tac/rss")
	var feed struct {
		Items []struct {
			Title string `xml:"title"`
		} `xml:"channel>item"`
	}
	if err := xml.Unmarshal([]byte(r.body), &feed); err != nil || len(feed.Items) != len(xssFew) || !strings.HasSuffix(feed.Items[0].Title, "ND "+xssFew[0]) {
		t.Fatalf("feed: %v %+v", err, feed.Items)
	}
	if r := pub.get("/api/v1/gioi-thieu"); strings.Contains(r.body, "<script") || !strings.Contains(r.body, `ĐV \u003cscript\u003e`) {
		t.Errorf("API: %.400s", r.body)
	}
	t.Logf("%d pages checked", n)
}

// TestAboutPagesAndEnglish: a page written with an English version is
// published; the Vietnamese and English pages link to each other
// (language switch, hreflang), the English one in English from <html
// lang> to the footer. Bad input is refused clearly.
func TestAboutPagesAndEnglish(t *testing.T) {
	e := newEnv(t)
	pv, btv := e.as("pv1"), e.as("btv")
	form := url.Values{"title": {"Chức năng, nhiệm vụ"}, "body": {`<p>Ủy ban nhân dân tỉnh <script>alert(1)</script>là cơ quan hành chính.</p>`},
		"title_en": {"Functions and duties"}, "body_en": {`<p>The People's Committee is the administrative body.</p>`}, "position": {"2"}}
	r := pv.post("/admin/gioi-thieu/moi", form)
	wantStatus(t, r, http.StatusSeeOther, "create")
	edit := strings.SplitN(r.header.Get("Location"), "?", 2)[0]
	wantStatus(t, pv.post(edit+"/chuyen", url.Values{"action": {"publish"}}), http.StatusForbidden, "reporter publishes")
	pub := e.client("")
	wantStatus(t, pub.get("/gioi-thieu/chuc-nang-nhiem-vu"), http.StatusNotFound, "draft page")
	wantStatus(t, pv.post(edit+"/chuyen", url.Values{"action": {"submit"}}), http.StatusSeeOther, "submit")
	r = btv.post(edit+"/chuyen", url.Values{"action": {"publish"}})
	wantStatus(t, r, http.StatusSeeOther, "publish")
	if loc, _ := url.Parse(r.header.Get("Location")); loc.Path != edit || loc.Query().Get("ok") != "Đã chuyển trang sang trạng thái “Đã xuất bản”." {
		t.Errorf("after publishing the page: %s", r.header.Get("Location"))
	}
	r = btv.post(edit+"/chuyen", url.Values{"action": {"unpublish"}, "comment": {strings.Repeat("x", 2001)}})
	wantStatus(t, r, http.StatusBadRequest, "a comment too long")
	wantText(t, r, "Chưa thực hiện được: Ý kiến quá dài (tối đa 2000 ký tự) hoặc chứa ký tự không hợp lệ.", "a comment too long")
	// The page's workflow history, as an article's.
	r = btv.get(edit)
	if notes := hpText(hpFirst(hpParse(t, r.body), hpClass("section", "notes"))); !strings.Contains(notes, "Quá trình duyệt") ||
		!strings.Contains(notes, "Chờ duyệt") || !strings.Contains(notes, "Đã xuất bản") {
		t.Errorf("the page's history: %q", notes)
	}

	r = pub.get("/gioi-thieu/chuc-nang-nhiem-vu")
	wantStatus(t, r, http.StatusOK, "Vietnamese page")
	doc := hpParse(t, r.body)
	if l := hpVal(hpFirst(doc, hpTag("html")), "lang"); l != "vi" {
		t.Errorf("lang %q", l)
	}
	body := hpFirst(doc, hpClass("div", "body"))
	if hpFirst(body, hpTag("script")) != nil || !strings.Contains(hpText(body), "Ủy ban nhân dân tỉnh là cơ quan hành chính.") {
		t.Errorf("body: %q", hpText(body))
	}
	alts := func(doc *html.Node) map[string]string {
		m := map[string]string{}
		for _, l := range hpAll(doc, func(n *html.Node) bool {
			return n.Data == "link" && hpVal(n, "rel") == "alternate" && hpVal(n, "hreflang") != ""
		}) {
			u, _ := url.Parse(hpVal(l, "href"))
			m[hpVal(l, "hreflang")] = u.Path
		}
		return m
	}
	wantAlts := map[string]string{"vi": "/gioi-thieu/chuc-nang-nhiem-vu", "en": "/en/about/functions-and-duties"}
	if got := alts(doc); fmt.Sprint(got) != fmt.Sprint(wantAlts) {
		t.Errorf("Vietnamese page's hreflang %v", got)
	}
	sw := hpFirst(doc, hpClass("a", "lang-switch"))
	if hpText(sw) != "English" || hpVal(sw, "href") != "/en/about/functions-and-duties" || hpVal(sw, "lang") != "en" {
		t.Fatalf("language switch: %q → %q", hpText(sw), hpVal(sw, "href"))
	}
	if side := hpText(hpFirst(doc, hpClass("nav", "side-menu"))); !strings.Contains(side, "CHUYÊN MỤC") {
		t.Errorf("sidebar menu: %q", side)
	}
	if p := pub.get("/gioi-thieu/chuc-nang-nhiem-vu/ban-in"); p.status != http.StatusOK || !strings.Contains(p.body, "<h1>Chức năng, nhiệm vụ</h1>") {
		t.Errorf("print view: %d", p.status)
	}

	r = pub.get(hpVal(sw, "href"))
	wantStatus(t, r, http.StatusOK, "English page")
	doc = hpParse(t, r.body)
	if l := hpVal(hpFirst(doc, hpTag("html")), "lang"); l != "en" {
		t.Errorf("English page lang %q", l)
	}
	if got := alts(doc); fmt.Sprint(got) != fmt.Sprint(wantAlts) {
		t.Errorf("English page's hreflang %v", got)
	}
	if h := hpText(hpFirst(doc, hpTag("h1"))); h != "Functions and duties" {
		t.Errorf("English heading %q", h)
	}
	for sel, want := range map[string]string{
		"skip-link": "Skip to main content",
		"copyright": "Runs on congtin, open-source software.",
	} {
		if n := hpFirst(doc, func(n *html.Node) bool { return strings.Contains(" "+hpVal(n, "class")+" ", " "+sel+" ") }); !strings.Contains(hpText(n), want) {
			t.Errorf("%s: %q, want %q", sel, hpText(n), want)
		}
	}
	menu := []string{}
	for _, a := range hpAll(hpFirst(doc, hpClass("nav", "menu")), hpTag("a")) {
		menu = append(menu, hpText(a))
	}
	if want := []string{"Home", "Functions and duties", "Organisation"}; !slices.Equal(menu, want) {
		t.Errorf("English menu %v, want %v", menu, want)
	}
	if hpFirst(doc, hpClass("section", "counter")) != nil {
		t.Error("the English page has the Vietnamese visit counter")
	}
	if sw := hpFirst(doc, hpClass("a", "lang-switch")); hpText(sw) != "Tiếng Việt" || hpVal(sw, "href") != "/gioi-thieu/chuc-nang-nhiem-vu" {
		t.Errorf("switch back: %q → %q", hpText(sw), hpVal(sw, "href"))
	}
	r = pub.get("/en/")
	wantStatus(t, r, http.StatusOK, "English home")
	if !xssHasText(hpParse(t, r.body), hpClass("ul", "about-list"), "Functions and duties\n    Organisation") &&
		!strings.Contains(hpText(hpFirst(hpParse(t, r.body), hpClass("ul", "about-list"))), "Functions and duties") {
		t.Errorf("English home does not list the page: %.600s", r.body)
	}
	if r := pub.get("/en"); r.status != http.StatusMovedPermanently || r.header.Get("Location") != "/en/" {
		t.Errorf("/en: %d %q", r.status, r.header.Get("Location"))
	}
	// The Vietnamese pages keep their words.
	r = pub.get("/")
	doc = hpParse(t, r.body)
	if hpVal(hpFirst(doc, hpTag("html")), "lang") != "vi" || hpText(hpFirst(doc, hpClass("a", "skip-link"))) != "Chuyển đến nội dung chính" ||
		hpText(hpFirst(hpFirst(doc, hpClass("nav", "menu")), hpTag("a"))) != "Trang chủ" || hpFirst(doc, hpClass("section", "counter")) == nil {
		t.Error("the Vietnamese home page changed its words")
	}

	// Missing pages: a Vietnamese 404, and an English one under /en/.
	r = pub.get("/gioi-thieu/khong-co-trang-nay")
	wantStatus(t, r, http.StatusNotFound, "missing page")
	wantText(t, r, "Không tìm thấy trang giới thiệu.", "missing page")
	for _, p := range []string{"/en/about/no-such-page", "/en/no-such-page", "/en/about/functions-and-duties/x", "/en/about/%ff"} {
		r = pub.get(p)
		wantStatus(t, r, http.StatusNotFound, p)
		doc = hpParse(t, r.body)
		if hpVal(hpFirst(doc, hpTag("html")), "lang") != "en" || hpText(hpFirst(doc, hpTag("h1"))) != "Page not found" ||
			!strings.Contains(hpText(doc), "The page you are looking for does not exist or has been moved.") {
			t.Errorf("%s: not an English 404: %.500s", p, r.body)
		}
	}

	// A 10 MB body is refused with a message, and so is one over 2 MB;
	// nothing is saved.
	big := url.Values{"title": {"Trang lớn"}, "body": {"<p>" + strings.Repeat("Nội dung rất dài. ", 10<<20/20) + "</p>"}}
	r = btv.post("/admin/gioi-thieu/moi", big)
	wantStatus(t, r, http.StatusBadRequest, "10 MB body")
	wantText(t, r, "Dữ liệu gửi lên quá lớn hoặc không hợp lệ (tối đa 4 MB).", "10 MB body")
	big.Set("body", "<p>"+strings.Repeat("a", 2<<20)+"</p>")
	r = btv.post("/admin/gioi-thieu/moi", big)
	wantStatus(t, r, http.StatusBadRequest, "2 MB body")
	wantText(t, r, "Nội dung quá dài: tối đa 2 MB.", "2 MB body")
	for name, f := range map[string]url.Values{
		"reserved slug":     {"title": {"Cơ cấu tổ chức"}},
		"taken slug":        {"title": {"Chức năng nhiệm vụ"}},
		"bad slug":          {"title": {"X"}, "slug": {"Có Dấu"}},
		"english body only": {"title": {"Y"}, "body_en": {"<p>only</p>"}},
		"bad position":      {"title": {"Z"}, "position": {"một"}},
	} {
		wantStatus(t, btv.post("/admin/gioi-thieu/moi", f), http.StatusBadRequest, name)
	}
	if ps, _ := e.db.FindPages(t.Context(), e.site.ID, false); len(ps) != 1 {
		t.Fatalf("after bad input: %d pages", len(ps))
	}

	// Revisions and the audit log.
	wantStatus(t, btv.post(edit, url.Values{"title": {"Chức năng và nhiệm vụ"}, "slug": {"chuc-nang-nhiem-vu"}, "body": {"<p>Mới</p>"}}), http.StatusSeeOther, "edit")
	if r := pub.get("/en/about/functions-and-duties"); r.status != http.StatusNotFound {
		t.Errorf("English version removed, still %d", r.status)
	}
	r = btv.get(edit + "/phien-ban")
	wantStatus(t, r, http.StatusOK, "revisions")
	if rows := hpAll(hpParse(t, r.body), hpTag("tr")); len(rows) != 3 {
		t.Fatalf("revisions table has %d rows, want 2 and a header", len(rows))
	}
	wantStatus(t, btv.post(edit+"/phien-ban/1/khoi-phuc", nil), http.StatusSeeOther, "restore")
	if r := pub.get("/en/about/functions-and-duties"); r.status != http.StatusOK {
		t.Errorf("after restore the English page answers %d", r.status)
	}
	es, _, _ := e.db.FindAudit(t.Context(), congtin.AuditFilter{SiteID: e.site.ID, Action: "page", Limit: 50})
	var acts []string
	for _, a := range es {
		acts = append(acts, a.Action)
	}
	if want := []string{"page.restore", "page.edit", "page.publish", "page.submit", "page.create"}; !slices.Equal(acts, want) {
		t.Errorf("audit %v, want %v", acts, want)
	}
}

// TestOrgChart: units nest on the public page as lists within lists;
// reporters may not change the chart; bad contacts are refused.
func TestOrgChart(t *testing.T) {
	e := newEnv(t)
	btv := e.as("btv")
	r := btv.post("/admin/co-cau-to-chuc", url.Values{"name": {"Ủy ban nhân dân tỉnh"}, "name_en": {"Provincial People's Committee"},
		"phone": {"(0200) 3 868 686"}, "email": {"ubnd@anphu.gov.vn"},
		"leader_name": {"Nguyễn Văn An", "", "Trần Thị Bình"}, "leader_title": {"Chủ tịch", "", "Phó Chủ tịch"}, "leader_title_en": {"Chairman", "", ""}})
	wantStatus(t, r, http.StatusSeeOther, "top unit")
	units, _ := e.db.FindUnits(t.Context(), e.site.ID)
	if len(units) != 1 || len(units[0].Leaders) != 2 {
		t.Fatalf("units: %+v", units)
	}
	top := units[0].ID
	wantStatus(t, btv.post("/admin/co-cau-to-chuc", url.Values{"name": {"Văn phòng UBND tỉnh"}, "parent_id": {fmt.Sprint(top)},
		"leader_name": {"Lê Văn Cường"}, "leader_title": {"Chánh Văn phòng"}}), http.StatusSeeOther, "child unit")
	for name, f := range map[string]url.Values{
		"bad email":   {"name": {"X"}, "email": {"không phải email"}},
		"bad phone":   {"name": {"X"}, "phone": {"javascript:alert(1)"}},
		"no name":     {"name": {" "}},
		"no parent":   {"name": {"X"}, "parent_id": {"99999"}},
		"leader name": {"name": {"X"}, "leader_name": {""}, "leader_title": {"Giám đốc"}},
	} {
		r := btv.post("/admin/co-cau-to-chuc", f)
		wantStatus(t, r, http.StatusBadRequest, name)
	}
	wantText(t, btv.post("/admin/co-cau-to-chuc", url.Values{"name": {"X"}, "email": {"sai"}}), "Email không hợp lệ, ví dụ vanphong@anphu.gov.vn.", "bad email")
	wantStatus(t, btv.post(fmt.Sprintf("/admin/co-cau-to-chuc/%d", top), url.Values{"name": {"Ủy ban nhân dân tỉnh"}, "parent_id": {fmt.Sprint(top + 1)}}),
		http.StatusBadRequest, "cycle")
	wantStatus(t, e.as("pv1").post("/admin/co-cau-to-chuc", url.Values{"name": {"Của phóng viên"}}), http.StatusForbidden, "reporter")
	if units, _ := e.db.FindUnits(t.Context(), e.site.ID); len(units) != 2 {
		t.Fatalf("after bad input: %d units", len(units))
	}

	pub := e.client("")
	r = pub.get("/gioi-thieu/co-cau-to-chuc")
	wantStatus(t, r, http.StatusOK, "chart")
	doc := hpParse(t, r.body)
	outer := hpFirst(doc, hpClass("ul", "org-units"))
	if outer == nil {
		t.Fatal("no unit list")
	}
	var li *html.Node
	for c := outer.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "li" {
			li = c
		}
	}
	inner := hpFirst(li, func(n *html.Node) bool { return n != outer && hpClass("ul", "org-units")(n) })
	if hpText(hpFirst(li, hpTag("h2"))) != "Ủy ban nhân dân tỉnh" || inner == nil || hpText(hpFirst(inner, hpTag("h2"))) != "Văn phòng UBND tỉnh" {
		t.Fatalf("not nested: %.1000s", r.body)
	}
	var leaders []string
	for _, tr := range hpAll(hpFirst(li, hpClass("table", "org-leaders")), hpTag("tr")) {
		leaders = append(leaders, hpText(hpFirst(tr, hpTag("th")))+": "+hpText(hpFirst(tr, hpTag("td"))))
	}
	if want := []string{"Chủ tịch: Nguyễn Văn An", "Phó Chủ tịch: Trần Thị Bình"}; !slices.Equal(leaders, want) {
		t.Errorf("leaders %v", leaders)
	}
	if a := hpFirst(li, func(n *html.Node) bool { return n.Data == "a" && strings.HasPrefix(hpVal(n, "href"), "mailto:") }); hpVal(a, "href") != "mailto:ubnd@anphu.gov.vn" {
		t.Errorf("email link %q", hpVal(a, "href"))
	}
	r = pub.get("/en/organisation")
	wantStatus(t, r, http.StatusOK, "English chart")
	doc = hpParse(t, r.body)
	if hpText(hpFirst(doc, hpTag("h2"))) != "Provincial People's Committee" || !strings.Contains(hpText(doc), "Chairman") ||
		!strings.Contains(hpText(doc), "Phó Chủ tịch") { // no English title: the Vietnamese one
		t.Errorf("English chart: %.800s", r.body)
	}
	if r := pub.get("/api/v1/gioi-thieu"); !strings.Contains(r.body, `"children"`) || !strings.Contains(r.body, "Văn phòng UBND tỉnh") {
		t.Errorf("API: %.500s", r.body)
	}
	wantStatus(t, btv.post(fmt.Sprintf("/admin/co-cau-to-chuc/%d/xoa", top), nil), http.StatusConflict, "delete a unit with sub-units")
}

// cachedProcess is a second portal process on the env's database file,
// with the page cache on and the change log read by hand.
func cachedProcess(t *testing.T, e *env) (*web.Server, *client) {
	t.Helper()
	// Real time, not the env's clock: the page cache expires entries by
	// the wall clock.
	db := sqlite.NewDB(e.path)
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	assets, _ := static.New()
	engine, err := render.New(assets.URL)
	if err != nil {
		t.Fatal(err)
	}
	c := counters.New(db, 50*time.Millisecond, log)
	c.Start()
	ws := &web.Server{Services: web.NewServices(app.New(db)), Counter: c, Render: engine, Assets: assets, Log: log, Cache: pagecache.New(8 << 20), Changes: db}
	if err := ws.SyncChanges(t.Context()); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(ws.Handler())
	t.Cleanup(func() { srv.Close(); c.Close(); db.Close() })
	other := &env{t: t, srv: srv}
	return ws, other.client("")
}

func footerLinks(t *testing.T, body string) []string {
	t.Helper()
	var out []string
	for _, a := range hpAll(hpFirst(hpParse(t, body), hpClass("nav", "footer-links")), hpTag("a")) {
		out = append(out, hpText(a)+" "+hpVal(a, "href"))
	}
	return out
}

// TestLinksInFooter: every page's footer has the links, starting with the
// national portals; only administrators change them, only to http(s)
// addresses; a change reaches another process's cached pages through the
// change log.
func TestLinksInFooter(t *testing.T) {
	e := newEnv(t)
	a := e.article("pv1", congtin.StatusPublished)
	pub := e.client("")
	defaults := []string{"Cổng Dịch vụ công quốc gia https://dichvucong.gov.vn", "Cổng thông tin điện tử Chính phủ https://chinhphu.vn"}
	for _, p := range []string{"/", a.Path(e.cat.Slug), "/lich-cong-tac", "/gioi-thieu", "/en/", "/khong-co"} {
		if got := footerLinks(t, pub.get(p).body); !slices.Equal(got, defaults) {
			t.Errorf("%s: footer links %v", p, got)
		}
	}
	if r := pub.get("/lien-ket"); !strings.Contains(hpText(hpParse(t, r.body)), "Dịch vụ công") {
		t.Errorf("/lien-ket: %.500s", r.body)
	}

	ws, other := cachedProcess(t, e)
	before := other.get("/")
	if !slices.Equal(footerLinks(t, before.body), defaults) {
		t.Fatalf("other process: %v", footerLinks(t, before.body))
	}
	hits0, _ := ws.Cache.Stats()
	other.get("/")
	if hits, _ := ws.Cache.Stats(); hits != hits0+1 {
		t.Fatalf("the other process's home page is not cached (hits %d → %d)", hits0, hits)
	}

	qtv, btv := e.as("qtv"), e.as("btv")
	add := url.Values{"name": {"Sở Y tế tỉnh An Phú"}, "url": {"https://soyte.anphu.gov.vn/"}, "group": {"Cơ quan liên quan"}, "position": {"3"}}
	wantStatus(t, btv.post("/admin/lien-ket", add), http.StatusForbidden, "editor adds a link")
	wantStatus(t, btv.get("/admin/lien-ket"), http.StatusForbidden, "editor opens the links")
	for _, u := range []string{"javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "vbscript:x", "//evil.example/", "/lien-ket", "ftp://x.example", "https://"} {
		bad := url.Values{"name": {"Xấu"}, "url": {u}}
		r := qtv.post("/admin/lien-ket", bad)
		wantStatus(t, r, http.StatusBadRequest, u)
		wantText(t, r, "Địa chỉ liên kết phải là địa chỉ web đầy đủ bắt đầu bằng http:// hoặc https://", u)
	}
	if ls, _ := e.db.FindLinks(t.Context(), e.site.ID); len(ls) != 2 {
		t.Fatalf("after refused links: %d", len(ls))
	}
	wantStatus(t, qtv.post("/admin/lien-ket", add), http.StatusSeeOther, "admin adds a link")
	want := append(slices.Clone(defaults), "Sở Y tế tỉnh An Phú https://soyte.anphu.gov.vn/")
	if got := footerLinks(t, pub.get(a.Path(e.cat.Slug)).body); !slices.Equal(got, want) {
		t.Errorf("after adding: %v", got)
	}
	// The other process still serves its cached page until it reads the
	// change log, then every cached page of the site is dropped.
	if got := footerLinks(t, other.get("/").body); !slices.Equal(got, defaults) {
		t.Fatalf("the cached page changed before the change log was read: %v", got)
	}
	if err := ws.SyncChanges(t.Context()); err != nil {
		t.Fatal(err)
	}
	if got := footerLinks(t, other.get("/").body); !slices.Equal(got, want) {
		t.Fatalf("after the change log: %v", got)
	}
	ls, _ := e.db.FindLinks(t.Context(), e.site.ID)
	wantStatus(t, qtv.post(fmt.Sprintf("/admin/lien-ket/%d/xoa", ls[2].ID), nil), http.StatusSeeOther, "delete")
	if err := ws.SyncChanges(t.Context()); err != nil {
		t.Fatal(err)
	}
	if got := footerLinks(t, other.get("/").body); !slices.Equal(got, defaults) {
		t.Fatalf("after delete: %v", got)
	}
	if r := pub.get("/api/v1/lien-ket"); !strings.Contains(r.body, `"url":"https://dichvucong.gov.vn"`) {
		t.Errorf("API: %s", r.body)
	}
	es, _, _ := e.db.FindAudit(t.Context(), congtin.AuditFilter{SiteID: e.site.ID, Action: "link", Limit: 10})
	if len(es) != 2 || es[0].Action != "link.delete" || es[1].Action != "link.create" || es[1].Username != "qtv" {
		t.Errorf("audit: %+v", es)
	}
}
