package web_test

import (
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
)

// TestSearchTyping: a query typed with the Vietnamese keyboard off, in
// Telex or VNI, finds what it types, says "Đã tìm theo: …" above the
// results and links to a search of exactly what was typed; a query that
// finds enough as typed, or whose decoded form finds no more, is left
// alone.
func TestSearchTyping(t *testing.T) {
	e := newEnv(t)
	searchFixture(e)
	t0 := time.Date(2024, 3, 1, 9, 0, 0, 0, congtin.VietnamZone)
	var recs []congtin.ArticleImport
	for i, title := range []string{"Mở thêm tuyến xe bus nội tỉnh", "Xe bus điện chạy thử", "Giá vé xe bus không đổi"} {
		recs = append(recs, storetest.Rec(title, "Kinh tế", t0.AddDate(0, 0, i)))
	}
	recs = append(recs, storetest.Rec("Tuần lễ nuôi con bằng sữa mẹ: trẻ được bú sớm", "Kinh tế", t0))
	e.mustImport(recs...)

	for _, tc := range []struct{ q, typing string }{
		{"chuyeenr hoas ddiaj banf", "telex"},
		{"chuye63n ho1a d9i5a ba2n", "vni"},
	} {
		r := e.get("/tim-kiem?q=" + url.QueryEscape(tc.q))
		cards := findAll(r.doc, class("card-title"))
		if r.status != 200 || len(cards) != 1 || !strings.Contains(text(cards[0]), "chuyển hóa địa bàn") {
			t.Fatalf("%q: %d, %d results", tc.q, r.status, len(cards))
		}
		note := find(r.doc, class("search-decoded"))
		if note == nil || !strings.HasPrefix(text(note), "Đã tìm theo: chuyển hóa địa bàn.") {
			t.Fatalf("%q: notice %q", tc.q, text(note))
		}
		if st := text(find(r.doc, class("intro"))); st != "Tìm thấy 1 kết quả cho “chuyển hóa địa bàn”." {
			t.Errorf("%q: the status line says %q, want what was searched", tc.q, st)
		}
		var marked []string
		for _, m := range findAll(r.doc, tag("mark")) {
			marked = append(marked, text(m))
		}
		if !strings.Contains(strings.Join(marked, " "), "chuyển hóa") {
			t.Errorf("%q: marked %q, want the decoded words", tc.q, marked)
		}
		if v := attr(find(r.doc, id("q")), "value"); v != tc.q {
			t.Errorf("%q: the box shows %q, want what was typed", tc.q, v)
		}
		// The link searches exactly what was typed: nothing, and no notice.
		link := attr(find(note, tag("a")), "href")
		u, err := url.Parse(link)
		if err != nil || u.Path != "/tim-kiem" || u.Query().Get("q") != tc.q || u.Query().Get("nguyen-van") != "1" {
			t.Fatalf("%q: link %q", tc.q, link)
		}
		r = e.get(link)
		if r.status != 200 || len(findAll(r.doc, class("card-title"))) != 0 || find(r.doc, class("search-decoded")) != nil {
			t.Fatalf("%q verbatim: %d, %d results, notice %v", tc.q, r.status, len(findAll(r.doc, class("card-title"))), find(r.doc, class("search-decoded")) != nil)
		}

		// The JSON API says what it searched.
		r = e.get("/api/v1/search?q=" + url.QueryEscape(tc.q))
		var out struct {
			Query, Searched, Typing string
			Total                   int
		}
		if err := json.Unmarshal([]byte(r.body), &out); err != nil || out.Query != tc.q || out.Searched != "chuyển hóa địa bàn" || out.Typing != tc.typing || out.Total != 1 {
			t.Fatalf("json %q: %v %s", tc.q, err, r.body)
		}
		r = e.get("/api/v1/search?nguyen-van=1&q=" + url.QueryEscape(tc.q))
		out.Searched, out.Typing = "", ""
		if err := json.Unmarshal([]byte(r.body), &out); err != nil || out.Searched != tc.q || out.Typing != "" || out.Total != 0 {
			t.Fatalf("json verbatim %q: %v %s", tc.q, err, r.body)
		}
	}

	// "bus" reads as Telex for "bú", but finds three articles as typed:
	// plenty, so it is searched as typed.
	r := e.get("/tim-kiem?q=bus")
	if n := len(findAll(r.doc, class("card-title"))); n != 3 || find(r.doc, class("search-decoded")) != nil {
		t.Errorf("bus: %d results, notice %v", n, find(r.doc, class("search-decoded")) != nil)
	}
	// Decoded, but the decoded form finds nothing either: no notice.
	r = e.get("/tim-kiem?q=" + url.QueryEscape("tieems chungr"))
	if n := len(findAll(r.doc, class("card-title"))); n != 0 || find(r.doc, class("search-decoded")) != nil {
		t.Errorf("tieems chungr: %d results, notice %v", n, find(r.doc, class("search-decoded")) != nil)
	}
	// Accents typed: never decoded, though "banf" alone would be.
	r = e.get("/tim-kiem?q=" + url.QueryEscape("chuyển hóa banf"))
	if find(r.doc, class("search-decoded")) != nil {
		t.Error("chuyển hóa banf: decoded despite its accents")
	}
}

// TestDocumentsTyping: the documents register reads Telex and VNI typing
// as /tim-kiem does, page and JSON.
func TestDocumentsTyping(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	ed := storetest.MustUser(t, e.db, e.site.ID, "bientap", congtin.RoleEditor)
	plan := storetest.TermID(t, e.db, e.site.ID, congtin.ListTypes, "Kế hoạch")
	d, err := e.db.CreateDocument(ctx, ed, e.site.ID, congtin.DocumentInput{TypeID: plan, Number: "115/KH-UBND", Issuer: "UBND tỉnh",
		IssuedOn: time.Date(2024, 1, 10, 0, 0, 0, 0, congtin.VietnamZone), Summary: "Kế hoạch tiêm chủng mở rộng năm 2024"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.db.TransitionDocument(ctx, ed, e.site.ID, d.ID, congtin.ActPublish, ""); err != nil {
		t.Fatal(err)
	}

	for _, q := range []string{"tieem chungr", "tie6m chu3ng"} {
		r := e.get("/van-ban?q=" + url.QueryEscape(q))
		rows := findAll(r.doc, class("summary"))
		if r.status != 200 || len(rows) != 1 {
			t.Fatalf("%q: %d, %d documents", q, r.status, len(rows))
		}
		note := find(r.doc, class("search-decoded"))
		if note == nil || !strings.HasPrefix(text(note), "Đã tìm theo: tiêm chủng.") {
			t.Fatalf("%q: notice %q", q, text(note))
		}
		link := attr(find(note, tag("a")), "href")
		r = e.get(link)
		if r.status != 200 || len(findAll(r.doc, class("summary"))) != 0 || find(r.doc, class("search-decoded")) != nil {
			t.Fatalf("%q: %s finds %d documents", q, link, len(findAll(r.doc, class("summary"))))
		}
		r = e.get("/api/v1/van-ban?q=" + url.QueryEscape(q))
		var out struct {
			Searched string
			Total    int
		}
		if err := json.Unmarshal([]byte(r.body), &out); err != nil || out.Searched != "tiêm chủng" || out.Total != 1 {
			t.Fatalf("json %q: %v %s", q, err, r.body)
		}
	}
}

// TestQATyping: the Q&A search reads Telex and VNI typing as /tim-kiem
// does, page and JSON.
func TestQATyping(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	ed := storetest.MustUser(t, e.db, e.site.ID, "bientap", congtin.RoleEditor)
	q := storetest.MustSubmit(t, e.db, e.site.ID, storetest.QuestionIn("Cấp giấy phép xây dựng nhà ở", 0), storetest.QuestionSub("ip-a"))
	if _, err := e.db.UpdateQuestion(ctx, ed, e.site.ID, q.ID, congtin.QuestionEdit{Title: q.Title, Body: q.Body,
		Answer: "<p>Ông/bà nộp hồ sơ tại Bộ phận một cửa.</p>"}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.db.TransitionQuestion(ctx, ed, e.site.ID, q.ID, congtin.ActPublish, ""); err != nil {
		t.Fatal(err)
	}

	for _, typed := range []string{"giaays pheps xaay duwngj", "gia61y phe1p xa6y du7ng5"} {
		r := e.get("/hoi-dap?q=" + url.QueryEscape(typed))
		cards := findAll(r.doc, class("card-title"))
		if r.status != 200 || len(cards) != 1 {
			t.Fatalf("%q: %d, %d questions", typed, r.status, len(cards))
		}
		note := find(r.doc, class("search-decoded"))
		if note == nil || !strings.HasPrefix(text(note), "Đã tìm theo: giấy phép xây dựng.") {
			t.Fatalf("%q: notice %q", typed, text(note))
		}
		link := attr(find(note, tag("a")), "href")
		r = e.get(link)
		if r.status != 200 || len(findAll(r.doc, class("card-title"))) != 0 || find(r.doc, class("search-decoded")) != nil {
			t.Fatalf("%q: %s finds %d questions", typed, link, len(findAll(r.doc, class("card-title"))))
		}
		r = e.get("/api/v1/hoi-dap?q=" + url.QueryEscape(typed))
		var out struct {
			Searched string
			Total    int
		}
		if err := json.Unmarshal([]byte(r.body), &out); err != nil || out.Searched != "giấy phép xây dựng" || out.Total != 1 {
			t.Fatalf("json %q: %v %s", typed, err, r.body)
		}
	}
}

// TestSearchSpelling: an abbreviation or a loanword finds the articles
// that spell it another way, as a full match (no near-match notice).
func TestSearchSpelling(t *testing.T) {
	e := newEnv(t)
	searchFixture(e)
	t0 := time.Date(2024, 3, 1, 9, 0, 0, 0, congtin.VietnamZone)
	e.mustImport(
		storetest.Rec("Sinh viên TPHCM hiến máu tình nguyện", "Kinh tế", t0),
		storetest.Rec("Tỷ lệ BHYT học sinh đạt 98%", "Kinh tế", t0.AddDate(0, 0, 1)),
		storetest.Rec("Tiêm vaccine bạch hầu cho người dân vùng cao", "Kinh tế", t0.AddDate(0, 0, 2)),
	)
	for _, tc := range []struct{ q, want, mark string }{
		{"TP.HCM hiến máu", "Sinh viên TPHCM hiến máu", "TPHCM"},
		{"tp hcm hien mau", "Sinh viên TPHCM hiến máu", "TPHCM"},
		{"Thành phố Hồ Chí Minh hiến máu", "Sinh viên TPHCM hiến máu", "TPHCM"},
		{"bảo hiểm y tế học sinh", "Tỷ lệ BHYT học sinh", "BHYT"},
		{"tiem vac xin bach hau", "Tiêm vaccine bạch hầu", "vaccine"},
	} {
		r := e.get("/tim-kiem?q=" + url.QueryEscape(tc.q))
		cards := findAll(r.doc, class("card-title"))
		if r.status != 200 || len(cards) != 1 || !strings.HasPrefix(text(cards[0]), tc.want) {
			t.Errorf("%q: %d, %d results", tc.q, r.status, len(cards))
			continue
		}
		if find(r.doc, class("search-approximate")) != nil || find(r.doc, class("search-decoded")) != nil {
			t.Errorf("%q: another spelling is shown as a near match or a decoded query", tc.q)
		}
		var marked []string
		for _, m := range findAll(r.doc, tag("mark")) {
			marked = append(marked, text(m))
		}
		if !slices.Contains(marked, tc.mark) {
			t.Errorf("%q: marked %q, want %q", tc.q, marked, tc.mark)
		}
	}
	// A quoted phrase is the phrase as typed.
	r := e.get("/tim-kiem?q=" + url.QueryEscape(`"bảo hiểm y tế học sinh"`))
	if r.status != 200 || find(r.doc, class("card-title")) != nil {
		t.Errorf("a quoted phrase found another spelling")
	}
}
