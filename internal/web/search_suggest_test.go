package web_test

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
)

type suggestAnswer struct {
	Query       string `json:"query"`
	Suggestions []struct {
		Kind  string `json:"kind"`
		Title string `json:"title"`
		URL   string `json:"url"`
		Note  string `json:"note"`
	} `json:"suggestions"`
}

// titles are the articles suggested, "|"-separated (the phrases left out:
// they come once the site's vocabulary is built, in the background).
func (a suggestAnswer) titles() string {
	var s []string
	for _, x := range a.Suggestions {
		if x.Kind == "article" {
			s = append(s, x.Title)
		}
	}
	return strings.Join(s, "|")
}

func (e *env) suggest(q string) (int, suggestAnswer, *response) {
	e.t.Helper()
	r := e.get("/api/v1/search/suggest?q=" + q)
	var out suggestAnswer
	if r.status == 200 {
		if err := json.Unmarshal([]byte(r.body), &out); err != nil {
			e.t.Fatalf("%s: %v", r.body, err)
		}
	}
	return r.status, out, r
}

// TestSuggest: the search box's suggestions are the published titles
// starting with what is typed, with or without diacritics, in NFD, d for
// đ; a finished word does not match a longer one; drafts and scheduled
// articles are not suggested; at most ten.
func TestSuggest(t *testing.T) {
	e := newEnv(t)
	t0 := time.Date(2023, 5, 2, 9, 0, 0, 0, congtin.VietnamZone)
	recs := []congtin.ArticleImport{
		storetest.Rec("Đẩy mạnh tiêm chủng vắc-xin cho trẻ em", "Y tế", t0),
		storetest.Rec("Đảng bộ xã An Khánh đại hội", "Chính trị", t0),
		storetest.Rec("Ăn Tết an toàn", "Đời sống", t0),
		storetest.Rec("Ang Kor", "Đời sống", t0),
	}
	scheduled := storetest.Rec("Đẩy mạnh cải cách hành chính", "Chính trị", time.Now().Add(48*time.Hour))
	recs = append(recs, scheduled)
	for i := range 12 {
		recs = append(recs, storetest.Rec(fmt.Sprintf("Hội nghị số %02d", i), "Chính trị", t0))
	}
	res := e.mustImport(recs...)
	for _, tc := range []struct{ q, want string }{
		{"Đẩy mạnh tiêm", "Đẩy mạnh tiêm chủng vắc-xin cho trẻ em"},
		{"day manh", "Đẩy mạnh tiêm chủng vắc-xin cho trẻ em"}, // the scheduled one is not public yet
		{"DAY MANH TIEM CHUNG VAC", "Đẩy mạnh tiêm chủng vắc-xin cho trẻ em"},
		{norm.NFD.String("đẩy mạnh tiê"), "Đẩy mạnh tiêm chủng vắc-xin cho trẻ em"},
		{"dang bo", "Đảng bộ xã An Khánh đại hội"},
		{"an", "Ăn Tết an toàn|Ang Kor"},
		{"an ", "Ăn Tết an toàn"}, // a finished word
		{"  ăn t", "Ăn Tết an toàn"},
		{"tiem chung", ""}, // a title's start, not a word inside it
	} {
		status, a, _ := e.suggest(url.QueryEscape(tc.q))
		if status != 200 || a.titles() != tc.want {
			t.Errorf("%q: %d %q, want %q", tc.q, status, a.titles(), tc.want)
		}
	}
	// The URL is the article's.
	_, a, r := e.suggest("day+manh+tiem")
	if len(a.Suggestions) != 1 || a.Suggestions[0].URL != e.srv.URL+res[0].Article.Path(res[0].Category.Slug) {
		t.Errorf("url: %+v, import %+v", a.Suggestions, res[0])
	}
	if cc := r.header.Get("Cache-Control"); cc != "public, max-age=60" {
		t.Errorf("Cache-Control %q", cc)
	}
	// Ten at most, phrases included, the titles in title order.
	_, a, _ = e.suggest("hoi+nghi")
	if ts := strings.Split(a.titles(), "|"); len(a.Suggestions) != congtin.MaxSuggestions || ts[0] != "Hội nghị số 00" || ts[1] != "Hội nghị số 01" {
		t.Errorf("limit: %d, %q", len(a.Suggestions), a.titles())
	}
}

// TestSuggestScript: the header's search box is still a plain form to
// /tim-kiem, marked for suggest.js, which is served from the fingerprinted
// assets (the CSP allows no inline script), deferred, and cached long.
func TestSuggestScript(t *testing.T) {
	e := newEnv(t)
	doc := e.get("/").doc
	f := find(doc, func(n *html.Node) bool { return n.Data == "form" && attr(n, "role") == "search" })
	if f == nil || attr(f, "action") != "/tim-kiem" || attr(f, "method") != "get" || !hasAttr(f, "data-suggest") {
		t.Fatal("the header's search box is not a form to /tim-kiem marked data-suggest")
	}
	s := find(doc, func(n *html.Node) bool { return n.Data == "script" && strings.Contains(attr(n, "src"), "suggest") })
	if s == nil || !hasAttr(s, "defer") || !strings.HasPrefix(attr(s, "src"), "/") {
		t.Fatal("no deferred suggest.js from the site itself")
	}
	r := e.get(attr(s, "src"))
	if r.status != 200 || !strings.Contains(r.header.Get("Content-Type"), "javascript") || !strings.Contains(r.header.Get("Cache-Control"), "immutable") && !strings.Contains(r.header.Get("Cache-Control"), "max-age=31536000") {
		t.Errorf("suggest.js: %d %q %q", r.status, r.header.Get("Content-Type"), r.header.Get("Cache-Control"))
	}
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// TestSuggestBadInput: whatever is typed, the answer is a list, maybe
// empty, never an error.
func TestSuggestBadInput(t *testing.T) {
	e := newEnv(t)
	e.mustImport(storetest.Rec("Near và title: mẫu", "Y tế", time.Date(2023, 5, 2, 9, 0, 0, 0, congtin.VietnamZone)))
	for _, q := range []string{"", "%22", "*", "-", "%5E", "%CC%81", url.QueryEscape("🙂"), "%ff", "%00",
		strings.Repeat("a", 10000), strings.Repeat("%E1%BA%A5", 10000), url.QueryEscape("NEAR("), url.QueryEscape("a OR"),
		url.QueryEscape("title:x"), url.QueryEscape(`"near`), "%25", "_", url.QueryEscape("~")} {
		status, a, r := e.suggest(q)
		if status != 200 || a.Suggestions == nil {
			t.Errorf("%.40q: %d %s", q, status, r.body)
		}
	}
	if _, a, _ := e.suggest(url.QueryEscape("NEAR(")); len(a.Suggestions) != 1 {
		t.Errorf("NEAR( is a word: %+v", a)
	}
}

func (e *env) suggestAt(path, q string) suggestAnswer {
	e.t.Helper()
	r := e.get(path + "?q=" + url.QueryEscape(q))
	var out suggestAnswer
	if r.status != 200 || json.Unmarshal([]byte(r.body), &out) != nil {
		e.t.Fatalf("%s %q: %d %s", path, q, r.status, r.body)
	}
	if cc := r.header.Get("Cache-Control"); cc != "public, max-age=60" {
		e.t.Errorf("%s: Cache-Control %q", path, cc)
	}
	return out
}

// TestDocumentSuggest: the register's box suggests public documents by
// number ("115/KH", "115 kh") and by summary, the number's first, each
// linking to its page, the ones no longer in force noted so; and the
// /van-ban form names the endpoint for suggest.js.
func TestDocumentSuggest(t *testing.T) {
	e := newEnv(t)
	plan := e.publishDocument("115/KH-UBND", "2024-03-15", "Kế hoạch bảo đảm an toàn giao thông năm 2024")
	report := e.publishDocument("7/BC-UBND", "2024-04-01", "115 hộ dân được hỗ trợ sửa nhà sau bão")
	expired, err := e.db.CreateDocument(t.Context(), e.editor(), e.site.ID, congtin.DocumentInput{
		TypeID: storetest.TermID(t, e.db, e.site.ID, congtin.ListTypes, "Kế hoạch"), Number: "115/KH-SYT", Issuer: "Sở Y tế",
		IssuedOn: time.Date(2020, 1, 2, 0, 0, 0, 0, congtin.VietnamZone), ExpiresOn: time.Date(2021, 1, 1, 0, 0, 0, 0, congtin.VietnamZone),
		Summary: "Kế hoạch phòng chống dịch"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err = e.db.TransitionDocument(t.Context(), e.editor(), e.site.ID, expired.ID, congtin.ActPublish, ""); err != nil {
		t.Fatal(err)
	}
	e.publishQuestion("115 câu hỏi về đất đai", "Xin hỏi về thủ tục đất đai ở xã.", "<p>Trả lời.</p>") // another section's
	const api = "/api/v1/van-ban/suggest"
	for _, tc := range []struct{ q, want string }{
		{"115/KH", "115/KH-SYT – Kế hoạch phòng chống dịch (hết hiệu lực)|115/KH-UBND – Kế hoạch bảo đảm an toàn giao thông năm 2024"},
		{"115 kh u", "115/KH-UBND – Kế hoạch bảo đảm an toàn giao thông năm 2024"},
		{"115", "115/KH-SYT – Kế hoạch phòng chống dịch (hết hiệu lực)|115/KH-UBND – Kế hoạch bảo đảm an toàn giao thông năm 2024|7/BC-UBND – 115 hộ dân được hỗ trợ sửa nhà sau bão"},
		{"kế hoạch bảo", "115/KH-UBND – Kế hoạch bảo đảm an toàn giao thông năm 2024"},
		{"KE HOACH PHONG", "115/KH-SYT – Kế hoạch phòng chống dịch (hết hiệu lực)"},
		{"giao thong", ""},
	} {
		a := e.suggestAt(api, tc.q)
		var got []string
		for _, s := range a.Suggestions {
			x := s.Title
			if s.Note != "" {
				x += " (" + s.Note + ")"
			}
			got = append(got, x)
		}
		if strings.Join(got, "|") != tc.want {
			t.Errorf("%q: %q, want %q", tc.q, strings.Join(got, "|"), tc.want)
		}
	}
	a := e.suggestAt(api, "7/bc")
	if len(a.Suggestions) != 1 || a.Suggestions[0].URL != e.srv.URL+report.Path() || a.Suggestions[0].Note != "" {
		t.Errorf("url: %+v", a.Suggestions)
	}
	if a := e.suggestAt(api, "115/KH-U"); len(a.Suggestions) != 1 || a.Suggestions[0].URL != e.srv.URL+plan.Path() {
		t.Errorf("url: %+v", a.Suggestions)
	}
	doc := e.get("/van-ban").doc
	f := find(doc, func(n *html.Node) bool { return n.Data == "form" && attr(n, "action") == "/van-ban" })
	if f == nil || attr(f, "data-suggest") != api || attr(f, "data-suggest-noun") != "văn bản" || attr(f, "method") != "get" {
		t.Fatal("the register's form is not marked for suggest.js")
	}
}

// TestQASuggest: the Q&A's box suggests published, answered questions by
// the start of their title, linking to each; the /hoi-dap form names the
// endpoint.
func TestQASuggest(t *testing.T) {
	e := newEnv(t)
	a := e.publishQuestion("Học phí trường mầm non công lập", "Xin hỏi mức học phí năm học này là bao nhiêu?", "<p>Theo nghị quyết của HĐND tỉnh.</p>")
	b := e.publishQuestion("Học bổng cho học sinh nghèo", "Xin hỏi điều kiện để được nhận học bổng?", "<p>Liên hệ nhà trường.</p>")
	storetest.MustSubmit(t, e.db, e.site.ID, storetest.QuestionIn("Học phí đại học", 0), storetest.QuestionSub("ip-w"))
	const api = "/api/v1/hoi-dap/suggest"
	for _, tc := range []struct {
		q    string
		want []*congtin.Question
	}{
		{"hoc", []*congtin.Question{b, a}},
		{"Học phí", []*congtin.Question{a}}, // not the one waiting for an answer
		{"hoc phi truong mam", []*congtin.Question{a}},
		{"mam non", nil},
	} {
		got := e.suggestAt(api, tc.q).Suggestions
		ok := len(got) == len(tc.want)
		for i := range got {
			ok = ok && got[i].Title == tc.want[i].Title && got[i].URL == e.srv.URL+tc.want[i].Path()
		}
		if !ok {
			t.Errorf("%q: %+v", tc.q, got)
		}
	}
	doc := e.get("/hoi-dap").doc
	f := find(doc, func(n *html.Node) bool { return n.Data == "form" && attr(n, "action") == "/hoi-dap" })
	if f == nil || attr(f, "data-suggest") != api || attr(f, "data-suggest-noun") != "câu hỏi" {
		t.Fatal("the Q&A's form is not marked for suggest.js")
	}
}
