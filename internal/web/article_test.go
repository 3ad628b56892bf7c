package web_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
	"golang.org/x/net/html"
)

var day0 = time.Date(2019, 9, 20, 10, 40, 0, 0, congtin.VietnamZone)

// fixture imports 20 articles of "Văn hóa - xã hội", one a day from
// 2019-09-20 10:40; the 12th (index 11) is on Tuesday 2019-10-01.
func fixture(e *env) []*congtin.ImportResult {
	var recs []congtin.ArticleImport
	for i := range 20 {
		r := storetest.Rec(fmt.Sprintf("Tin văn hóa số %02d", i), "Văn hóa - xã hội", day0.AddDate(0, 0, i))
		recs = append(recs, r)
	}
	recs[11] = congtin.ArticleImport{
		Title:       "Đẩy mạnh công tác chuyển hóa địa bàn trọng điểm về an ninh trật tự",
		Lead:        "Sáng 01/10, Ban Chỉ đạo tỉnh tổ chức hội nghị sơ kết công tác chuyển hóa địa bàn.",
		Body:        `<p>Đoạn thứ nhất của bài.</p><figure><img src="/static/emblem.svg" alt="Hội nghị"><figcaption>Quang cảnh hội nghị</figcaption></figure><ul><li>Một</li><li>Hai</li></ul><table><tr><td>Ô</td></tr></table><p>Đoạn cuối <a href="https://example.org/">liên kết</a>.</p><script>alert("xss")</script>`,
		Category:    "Văn hóa - xã hội",
		Author:      "Minh Anh",
		PublishedAt: "2019-10-01T10:40:00+07:00",
		ExternalID:  "bai-chinh",
	}
	return e.mustImport(recs...)
}

func TestArticlePageElements(t *testing.T) {
	e := newEnv(t)
	res := fixture(e)
	a := res[11].Article
	path := a.Path(res[11].Category.Slug)
	if want := "/van-hoa-xa-hoi/day-manh-cong-tac-chuyen-hoa-dia-ban-trong-diem-ve-an-ninh-trat-tu-" + strconv.FormatInt(a.ID, 10); path != want {
		t.Fatalf("path %q, want %q", path, want)
	}
	r := e.get(path)
	if r.status != 200 {
		t.Fatalf("status %d", r.status)
	}
	doc := r.doc
	if l := attr(find(doc, tag("html")), "lang"); l != "vi" {
		t.Errorf("lang=%q", l)
	}
	// 1. The visit counter.
	counter := find(doc, class("counter"))
	if got := text(find(counter, tag("h2"))); got != "SỐ LƯỢT TRUY CẬP" {
		t.Errorf("counter heading %q", got)
	}
	if n := len(findAll(counter, class("digit"))); n < 7 {
		t.Errorf("%d odometer digits, want at least 7", n)
	}
	if txt := text(counter); !strings.Contains(txt, "Đang truy cập") || !strings.Contains(txt, "Hôm nay") {
		t.Errorf("counter text %q", txt)
	}
	// 2. Category link and Vietnamese date line.
	article := find(doc, tag("article"))
	dl := find(article, class("dateline"))
	if got := text(dl); got != "Văn hóa - xã hội Thứ Ba, 01/10/2019, 10:40" {
		t.Errorf("dateline %q", got)
	}
	if href := attr(find(dl, tag("a")), "href"); href != "/van-hoa-xa-hoi" {
		t.Errorf("category link %q", href)
	}
	// 3, 4. Title as the only h1, then the lead.
	if h1s := findAll(doc, tag("h1")); len(h1s) != 1 || text(h1s[0]) != a.Title {
		t.Errorf("h1: %d, %q", len(h1s), text(find(doc, tag("h1"))))
	}
	if got := text(find(article, class("lead"))); got != a.Lead {
		t.Errorf("lead %q", got)
	}
	// 5. The sanitized body with figure, list, table, link.
	body := find(article, class("body"))
	for _, el := range []string{"figure", "figcaption", "ul", "table", "a", "img"} {
		if find(body, tag(el)) == nil {
			t.Errorf("body lacks <%s>", el)
		}
	}
	// JSON-LD data blocks are the only inline scripts: never executed.
	if find(doc, func(n *html.Node) bool {
		return n.Data == "script" && attr(n, "src") == "" && attr(n, "type") != "application/ld+json"
	}) != nil || strings.Contains(r.body, `alert("xss")`) {
		t.Error("an inline script reached the page")
	}
	// 6. Author.
	if got := text(find(article, class("author"))); got != "Minh Anh" {
		t.Errorf("author %q", got)
	}
	// 7. Views, Bản in, Quay lại.
	tools := find(article, class("tools"))
	if got := text(find(tools, class("views"))); got != "Số lượt người xem: 1" {
		t.Errorf("views line %q", got)
	}
	if p := find(tools, class("print")); text(p) != "Bản in" || attr(p, "href") != "/ban-in/"+strconv.FormatInt(a.ID, 10) {
		t.Errorf("Bản in link %q %q", text(p), attr(p, "href"))
	}
	if b := find(tools, class("back")); text(b) != "Quay lại" || attr(b, "href") != "/van-hoa-xa-hoi" {
		t.Errorf("Quay lại link %q %q", text(b), attr(b, "href"))
	}
	// 8. TIN MỚI HƠN: the 5 next newer, newest first, "Title (dd/mm/yyyy)".
	newer := find(doc, class("newer"))
	if got := text(find(newer, tag("h2"))); got != "TIN MỚI HƠN" {
		t.Errorf("newer heading %q", got)
	}
	items := findAll(newer, tag("li"))
	if len(items) != 5 || text(items[4]) != "Tin văn hóa số 12 (02/10/2019)" || text(items[0]) != "Tin văn hóa số 16 (06/10/2019)" {
		t.Errorf("newer items: %d, first %q, last %q", len(items), text(items[0]), text(items[len(items)-1]))
	}
	// 9. TIN ĐÃ ĐƯA: 10 older, Xem tiếp, Xem theo ngày.
	older := find(doc, class("older"))
	if got := text(find(older, tag("h2"))); got != "TIN ĐÃ ĐƯA" {
		t.Errorf("older heading %q", got)
	}
	items = findAll(find(older, tag("ul")), tag("li"))
	if len(items) != 10 || text(items[0]) != "Tin văn hóa số 10 (30/09/2019)" || text(items[9]) != "Tin văn hóa số 01 (21/09/2019)" {
		t.Errorf("older items: %d, first %q, last %q", len(items), text(items[0]), text(items[len(items)-1]))
	}
	more := find(older, class("more"))
	if text(more) != "Xem tiếp" || !strings.HasPrefix(attr(more, "href"), "/van-hoa-xa-hoi?truoc=") {
		t.Errorf("Xem tiếp %q %q", text(more), attr(more, "href"))
	}
	form := find(older, tag("form"))
	input := find(form, tag("input"))
	if attr(form, "action") != "/theo-ngay" || attr(input, "type") != "date" || attr(input, "value") != "2019-10-01" ||
		!strings.Contains(text(form), "Xem theo ngày") {
		t.Errorf("date chooser: action %q input %q %q", attr(form, "action"), attr(input, "type"), attr(input, "value"))
	}
	// Header and footer.
	if find(doc, tag("nav")) == nil || find(doc, tag("footer")) == nil {
		t.Error("no menu or footer")
	}

	// Xem tiếp continues the list: the 11th older article comes next.
	more2 := e.get(attr(more, "href"))
	cards := findAll(more2.doc, class("card-title"))
	if more2.status != 200 || len(cards) != 1 || text(cards[0]) != "Tin văn hóa số 00" {
		t.Errorf("Xem tiếp page: %d, %d cards", more2.status, len(cards))
	}
	// Xem theo ngày lists that day's articles of the category.
	d := e.get("/theo-ngay?ngay=2019-10-01&chuyen-muc=van-hoa-xa-hoi")
	if cards := findAll(d.doc, class("card-title")); d.status != 200 || len(cards) != 1 || text(cards[0]) != a.Title {
		t.Errorf("date page: %d, %d cards", d.status, len(cards))
	}
}

func TestTimeZoneIndependentOfServer(t *testing.T) {
	old := time.Local
	time.Local = time.FixedZone("EST", -5*3600)
	// Registered before newEnv's cleanups, so it runs after the server
	// has stopped: nothing reads time.Local while it is put back.
	t.Cleanup(func() { time.Local = old })
	e := newEnv(t)
	res := e.mustImport(storetest.Rec("Bài nửa đêm", "Tin tức", time.Date(2019, 9, 30, 17, 30, 0, 0, time.UTC)))
	r := e.get(res[0].Article.Path(res[0].Category.Slug))
	if got := text(find(r.doc, class("dateline"))); got != "Tin tức Thứ Ba, 01/10/2019, 00:30" {
		t.Fatalf("dateline %q, want Vietnam time", got)
	}
}

func TestOldSlugRedirects(t *testing.T) {
	e := newEnv(t)
	res := fixture(e)
	a := res[11].Article
	id := strconv.FormatInt(a.ID, 10)
	for _, old := range []string{"/van-hoa-xa-hoi/tieu-de-cu-" + id, "/chuyen-muc-cu/" + a.Slug + "-" + id, "/van-hoa-xa-hoi/" + id} {
		r := e.fetch(client(false), "GET", old, browserUA)
		if r.status != http.StatusMovedPermanently || r.header.Get("Location") != a.Path("van-hoa-xa-hoi") {
			t.Errorf("%s: %d → %q", old, r.status, r.header.Get("Location"))
		}
	}
}

func TestPrintView(t *testing.T) {
	e := newEnv(t)
	res := fixture(e)
	a := res[11].Article
	r := e.get("/ban-in/" + strconv.FormatInt(a.ID, 10))
	if r.status != 200 {
		t.Fatalf("status %d", r.status)
	}
	if find(r.doc, tag("nav")) != nil || find(r.doc, class("counter")) != nil {
		t.Error("print view has menus or the counter")
	}
	for _, want := range []string{a.Title, a.Lead, "Đoạn thứ nhất", "Minh Anh", "Thứ Ba, 01/10/2019, 10:40", e.srv.URL + a.Path("van-hoa-xa-hoi")} {
		if !strings.Contains(text(r.doc), want) {
			t.Errorf("print view lacks %q", want)
		}
	}
	if !regexp.MustCompile(`/static/print\.css\?v=[0-9a-f]{12}`).MatchString(r.body) {
		t.Error("print view without print CSS")
	}
	// The print view does not count a view.
	if n, _ := e.counter.ArticleViews(t.Context(), e.site.ID, a.ID); n != 0 {
		t.Errorf("print counted %d views", n)
	}
}

func TestUnpublishedIsGone(t *testing.T) {
	e := newEnv(t)
	res := fixture(e)
	a := res[11].Article
	if err := e.db.SetArticleStatus(t.Context(), e.site.ID, a.ID, congtin.StatusUnpublished); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{a.Path("van-hoa-xa-hoi"), "/ban-in/" + strconv.FormatInt(a.ID, 10)} {
		r := e.get(p)
		if r.status != http.StatusGone || !strings.Contains(text(r.doc), "đã được gỡ") {
			t.Errorf("%s: %d %q", p, r.status, text(find(r.doc, tag("h1"))))
		}
	}
	if err := e.db.SetArticleStatus(t.Context(), e.site.ID, a.ID, congtin.StatusDraft); err != nil {
		t.Fatal(err)
	}
	if r := e.get(a.Path("van-hoa-xa-hoi")); r.status != http.StatusNotFound {
		t.Errorf("draft: %d, want 404", r.status)
	}
}
