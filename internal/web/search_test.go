package web_test

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
	"github.com/congtin/congtin/internal/storetest"
	"golang.org/x/net/html"
)

func searchFixture(e *env) {
	t0 := time.Date(2023, 5, 2, 9, 0, 0, 0, congtin.VietnamZone)
	a := storetest.Rec("Đẩy mạnh chuyển hóa địa bàn trọng điểm về an ninh trật tự", "Quốc phòng - An ninh", t0)
	a.Lead = "Ban Chỉ đạo tỉnh sơ kết công tác chuyển hóa địa bàn trọng điểm."
	b := storetest.Rec("Thủy lợi nội đồng vụ đông xuân", "Kinh tế > Nông nghiệp", t0.AddDate(0, 1, 0))
	b.Lead = "Nạo vét kênh mương, bảo đảm nước tưới cho 12.000 ha lúa."
	e.mustImport(a, b)
}

// TestSearchPage: results show title, date line, category and a snippet
// with the reader's words marked in the original accented text; filters
// narrow them.
func TestSearchPage(t *testing.T) {
	e := newEnv(t)
	searchFixture(e)
	for _, q := range []string{"chuyen hoa dia ban", "CHUYỂN HOÁ", "chuyển hóa địa bàn", "\"an ninh trat tu\""} {
		r := e.get("/tim-kiem?q=" + url.QueryEscape(q))
		cards := findAll(r.doc, class("card-title"))
		if r.status != 200 || len(cards) != 1 || !strings.Contains(text(cards[0]), "chuyển hóa địa bàn") {
			t.Fatalf("%q: %d, %d results", q, r.status, len(cards))
		}
		marks := findAll(r.doc, tag("mark"))
		if len(marks) == 0 {
			t.Fatalf("%q: nothing highlighted", q)
		}
		if dl := text(find(r.doc, class("dateline"))); !strings.Contains(dl, "Quốc phòng - An ninh") || !strings.Contains(dl, "02/05/2023") {
			t.Fatalf("%q: dateline %q", q, dl)
		}
		if v := attr(find(r.doc, id("q")), "value"); v != q {
			t.Fatalf("the box does not keep the query: %q", v)
		}
	}
	if marks := findAll(e.get("/tim-kiem?q=chuyen+hoa").doc, tag("mark")); text(marks[0]) != "chuyển" {
		t.Fatalf("highlight shows %q, want the accented original", text(marks[0]))
	}
	// Filters: the parent category includes its child; the other excludes.
	if n := len(findAll(e.get("/tim-kiem?q=thuy+loi&chuyen-muc=kinh-te").doc, class("card-title"))); n != 1 {
		t.Fatalf("parent category filter: %d", n)
	}
	if n := len(findAll(e.get("/tim-kiem?q=thuy+loi&chuyen-muc=quoc-phong-an-ninh").doc, class("card-title"))); n != 0 {
		t.Fatalf("other category filter: %d", n)
	}
	if n := len(findAll(e.get("/tim-kiem?q=thuy+loi&tu=2023-06-02&den=2023-06-02").doc, class("card-title"))); n != 1 {
		t.Fatalf("date filter: %d", n)
	}
	if n := len(findAll(e.get("/tim-kiem?q=thuy+loi&tu=2023-06-03").doc, class("card-title"))); n != 0 {
		t.Fatalf("date filter after: %d", n)
	}
	// Every page has the search box.
	if f := find(e.get("/").doc, func(n *html.Node) bool { return n.Data == "form" && attr(n, "role") == "search" }); f == nil || attr(f, "action") != "/tim-kiem" {
		t.Fatal("no search box on the home page")
	}
	// The same words can be looked for in the documents register and Q&A,
	// which have their own searches; the query is escaped into the links.
	q := "kế hoạch & <b>"
	var links []string
	for _, a := range findAll(find(e.get("/tim-kiem?q="+url.QueryEscape(q)).doc, class("search-elsewhere")), tag("a")) {
		u, err := url.Parse(attr(a, "href"))
		if err != nil {
			t.Fatal(err)
		}
		links = append(links, u.Path+" "+u.Query().Get("q"))
	}
	if want := []string{"/van-ban " + q, "/hoi-dap " + q}; strings.Join(links, "|") != strings.Join(want, "|") {
		t.Errorf("links to the other searches: %q, want %q", links, want)
	}
	// The JSON endpoint answers the same.
	r := e.get("/api/v1/search?q=" + url.QueryEscape("thuỷ lợi"))
	var out struct {
		Total   int `json:"total"`
		Results []struct {
			Title, URL string
		} `json:"results"`
	}
	if err := json.Unmarshal([]byte(r.body), &out); err != nil || out.Total != 1 || !strings.HasPrefix(out.Results[0].Title, "Thủy lợi") {
		t.Fatalf("json: %v %s", err, r.body)
	}
}

// TestSearchBadInput: nothing a reader types breaks the page.
func TestSearchBadInput(t *testing.T) {
	e := newEnv(t)
	searchFixture(e)
	// Something for the register's and the Q&A's searches to find, near
	// matches included.
	e.publishDocument("115/KH-UBND", "2024-03-15", "Kế hoạch bảo đảm an ninh trật tự, an toàn giao thông trên địa bàn tỉnh")
	e.publishQuestion("Thủ tục cấp lại thẻ BHYT bị mất", "Tôi làm mất thẻ BHYT khi đi công tác, xin hỏi thủ tục cấp lại như thế nào?",
		"<p>Ông liên hệ cơ quan BHXH nơi cư trú về an ninh trật tự.</p>")
	for _, q := range []string{
		"", "   ", strings.Repeat("an ninh ", 1250), `" * : ( ) - ^ NEAR AND OR NOT`, `"an ninh`, `an" ninh"`, "NEAR(an ninh, 2)",
		"\xff\xfe an ninh", "\u0301", "\u0301\u0300", "😀🎉", "an 😀 ninh", "'; DROP TABLE articles; --", "1' OR '1'='1",
		"title_f : an", "{title_f} an", "an*", "-an", "^an", "\"\"", "()", "\x00", "<script>alert(1)</script>",
		"%", "_", "%ff", "1_5", "%%", "NEAR(", "a OR",
		// Expansion and relaxing stay bounded: every abbreviation, and
		// sixteen words of which one is missing.
		"UBND HĐND MTTQ BCĐ BHYT BHXH THPT THCS CSGT ATGT NTM PCCC TP.HCM vắc xin Covid-19 in-tơ-nét",
		"an ninh trật tự an toàn giao thông BHYT BHXH UBND cấp lại thẻ tỉnh địa bàn kế hoạch thủ tục zzz",
	} {
		t.Run(q[:min(len(q), 30)], func(t *testing.T) {
			r := e.get("/tim-kiem?q=" + url.QueryEscape(q))
			if r.status != 200 || r.doc == nil {
				t.Fatalf("status %d", r.status)
			}
			if strings.Contains(r.body, "fts5") || strings.Contains(r.body, "syntax error") || strings.Contains(r.body, "<script>alert(1)") {
				t.Fatal("leaked an engine error or the raw query")
			}
			if find(r.doc, class("card-title")) == nil && find(r.doc, class("empty")) == nil {
				t.Fatal("neither results nor a message")
			}
			if j := e.get("/api/v1/search?q=" + url.QueryEscape(q)); j.status != 200 || !json.Valid([]byte(j.body)) {
				t.Fatalf("json: %d %s", j.status, j.body)
			}
			// The register's and the Q&A's searches take the same input:
			// a page or a 400 with a reason, never a 500 or an engine's error.
			for _, path := range []string{"/van-ban", "/api/v1/van-ban", "/hoi-dap", "/api/v1/hoi-dap"} {
				r := e.get(path + "?q=" + url.QueryEscape(q))
				if r.status != 200 && r.status != 400 {
					t.Fatalf("%s: status %d", path, r.status)
				}
				if strings.Contains(r.body, "fts5") || strings.Contains(r.body, "syntax error") || strings.Contains(r.body, "<script>alert(1)") {
					t.Fatalf("%s: leaked an engine error or the raw query", path)
				}
				if strings.HasPrefix(path, "/api/") && !json.Valid([]byte(r.body)) {
					t.Fatalf("%s: not JSON: %s", path, r.body)
				}
			}
			// The search boxes' suggestions: always a list, empty when
			// nothing searchable was typed; a LIKE wildcard is no wildcard
			// ("1_5" does not suggest 115/KH-UBND).
			for _, path := range []string{"/api/v1/search/suggest", "/api/v1/van-ban/suggest", "/api/v1/hoi-dap/suggest"} {
				r := e.get(path + "?q=" + url.QueryEscape(q))
				var a suggestAnswer
				if r.status != 200 || json.Unmarshal([]byte(r.body), &a) != nil || a.Suggestions == nil {
					t.Fatalf("%s: %d %s", path, r.status, r.body)
				}
				if search.TitlePrefix(q) == "" && len(a.Suggestions) != 0 {
					t.Fatalf("%s: nothing searchable, yet %+v", path, a.Suggestions)
				}
				if q == "1_5" && len(a.Suggestions) != 0 {
					t.Fatalf("%s: _ acted as a wildcard: %+v", path, a.Suggestions)
				}
			}
		})
	}
	// Raw bytes that are not UTF-8, unescaped wildcards.
	for _, raw := range []string{"%ff", "%ff%fe", "%C3", "%25", "_", "%25%5F"} {
		for _, path := range []string{"/api/v1/van-ban/suggest", "/api/v1/hoi-dap/suggest"} {
			r := e.get(path + "?q=" + raw)
			var a suggestAnswer
			if r.status != 200 || json.Unmarshal([]byte(r.body), &a) != nil || len(a.Suggestions) != 0 {
				t.Errorf("%s?q=%s: %d %s", path, raw, r.status, r.body)
			}
		}
	}
	// A page past the end is a normal page with a message.
	r := e.get("/tim-kiem?q=an+ninh&trang=50")
	if r.status != 200 || !strings.Contains(text(find(r.doc, class("empty"))), "không có kết quả") {
		t.Fatalf("past the end: %d %q", r.status, text(find(r.doc, class("empty"))))
	}
	// Bad filters: a clear message, not a 500.
	for _, p := range []string{"?q=an&trang=abc", "?q=an&tu=2019-02-30", "?q=an&chuyen-muc=khong-co", "?q=an&sap-xep=xyz", "?q=an&tu=2020-01-02&den=2020-01-01"} {
		r := e.get("/tim-kiem" + p)
		if r.status != 400 || find(r.doc, class("form-error")) == nil {
			t.Errorf("%s: %d", p, r.status)
		}
	}
}

// TestSearchApproximate: when no article holds every word, the articles
// holding most of them are shown under a notice saying so, on the page
// and in the JSON; a query nothing matches still finds nothing, and a
// quoted phrase is not relaxed.
func TestSearchApproximate(t *testing.T) {
	e := newEnv(t)
	searchFixture(e)
	a := storetest.Rec("Khánh thành cầu treo Nậm Mu cho bà con vùng cao", "Tin tức", time.Date(2024, 4, 10, 17, 0, 0, 0, congtin.VietnamZone))
	a.Lead = "Cây cầu dài 86 mét giúp hơn 300 hộ dân đi lại an toàn trong mùa mưa lũ."
	e.mustImport(a)

	type apiResult struct {
		Total       int    `json:"total"`
		Approximate bool   `json:"approximate"`
		Notice      string `json:"notice"`
		Results     []struct {
			Title string `json:"title"`
		} `json:"results"`
	}
	api := func(q string) apiResult {
		t.Helper()
		r := e.get("/api/v1/search?q=" + url.QueryEscape(q))
		var out apiResult
		if err := json.Unmarshal([]byte(r.body), &out); r.status != 200 || err != nil {
			t.Fatalf("json %q: %d %v %s", q, r.status, err, r.body)
		}
		return out
	}

	// The province is in no article: the report holding the rest comes,
	// under the notice, which the list of results points to.
	q := "cầu treo Nậm Mu Lai Châu"
	r := e.get("/tim-kiem?q=" + url.QueryEscape(q))
	cards := findAll(r.doc, class("card-title"))
	if r.status != 200 || len(cards) == 0 || !strings.HasPrefix(text(cards[0]), "Khánh thành cầu treo Nậm Mu") {
		t.Fatalf("%q: %d, %d results", q, r.status, len(cards))
	}
	notice := find(r.doc, class("search-approximate"))
	want := "Không có bài viết chứa đủ các từ “" + q + "” — kết quả gần đúng"
	if notice == nil || !strings.Contains(text(notice), want) {
		t.Fatalf("notice %q, want it to contain %q", text(notice), want)
	}
	if list := find(r.doc, class("results")); attr(list, "aria-describedby") != attr(notice, "id") || attr(notice, "id") == "" {
		t.Errorf("the results are not described by the notice: %q", attr(list, "aria-describedby"))
	}
	if s := text(find(r.doc, class("intro"))); !strings.Contains(s, "kết quả gần đúng") {
		t.Errorf("status %q does not say the results are approximate", s)
	}
	if j := api(q); !j.Approximate || !strings.Contains(j.Notice, want) || j.Total == 0 || !strings.HasPrefix(j.Results[0].Title, "Khánh thành cầu treo") {
		t.Errorf("json for %q: %+v", q, j)
	}

	// Every word in one article: no notice.
	r = e.get("/tim-kiem?q=" + url.QueryEscape("cầu treo Nậm Mu"))
	if len(findAll(r.doc, class("card-title"))) != 1 || find(r.doc, class("search-approximate")) != nil {
		t.Errorf("a full match is shown as approximate")
	}
	if j := api("cầu treo Nậm Mu"); j.Approximate || j.Notice != "" || j.Total != 1 {
		t.Errorf("json for a full match: %+v", j)
	}

	// Nothing to find, relaxed or not; and a quoted phrase is the phrase
	// or nothing.
	for _, q := range []string{"xyzzy qwerty blorp", "Lai Châu", `"cầu treo Nậm Mu Lai Châu"`} {
		r := e.get("/tim-kiem?q=" + url.QueryEscape(q))
		if r.status != 200 || find(r.doc, class("card-title")) != nil || find(r.doc, class("search-approximate")) != nil ||
			!strings.HasPrefix(text(find(r.doc, class("empty"))), "Không tìm thấy bài viết nào") {
			t.Errorf("%q: %d, message %q", q, r.status, text(find(r.doc, class("empty"))))
		}
		if j := api(q); j.Approximate || j.Total != 0 || len(j.Results) != 0 {
			t.Errorf("json for %q: %+v", q, j)
		}
	}
}
