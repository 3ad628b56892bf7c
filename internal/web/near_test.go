package web_test

import (
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
)

// nearJSON is what the register's and the Q&A's JSON say of a search.
type nearJSON struct {
	Total       int    `json:"total"`
	Approximate bool   `json:"approximate"`
	Notice      string `json:"notice"`
	Results     []struct {
		Number string `json:"number"`
		Title  string `json:"title"`
	} `json:"results"`
}

func (e *env) nearJSON(path string) nearJSON {
	e.t.Helper()
	r := e.get(path)
	var out nearJSON
	if err := json.Unmarshal([]byte(r.body), &out); r.status != 200 || err != nil {
		e.t.Fatalf("%s: %d %v %s", path, r.status, err, r.body)
	}
	return out
}

// publishDocument publishes a plan of the register.
func (e *env) publishDocument(number, issued, summary string) *congtin.Document {
	e.t.Helper()
	ctx := e.t.Context()
	ed := e.editor()
	day, ok := congtin.ParseDay(issued)
	if !ok {
		e.t.Fatalf("day %q", issued)
	}
	plan := storetest.TermID(e.t.(*testing.T), e.db, e.site.ID, congtin.ListTypes, "Kế hoạch")
	d, err := e.db.CreateDocument(ctx, ed, e.site.ID, congtin.DocumentInput{TypeID: plan, Number: number, Issuer: "Ủy ban nhân dân tỉnh",
		IssuedOn: day, Summary: summary})
	if err != nil {
		e.t.Fatal(err)
	}
	if d, err = e.db.TransitionDocument(ctx, ed, e.site.ID, d.ID, congtin.ActPublish, ""); err != nil {
		e.t.Fatal(err)
	}
	return d
}

// publishQuestion publishes a question with its answer.
func (e *env) publishQuestion(title, body, answer string) *congtin.Question {
	e.t.Helper()
	ctx := e.t.Context()
	ed := e.editor()
	in := storetest.QuestionIn(title, 0)
	in.Body = body
	q := storetest.MustSubmit(e.t.(*testing.T), e.db, e.site.ID, in, storetest.QuestionSub("ip-"+title))
	if _, err := e.db.UpdateQuestion(ctx, ed, e.site.ID, q.ID, congtin.QuestionEdit{Title: q.Title, Body: q.Body, Answer: answer}); err != nil {
		e.t.Fatal(err)
	}
	q, err := e.db.TransitionQuestion(ctx, ed, e.site.ID, q.ID, congtin.ActPublish, "")
	if err != nil {
		e.t.Fatal(err)
	}
	return q
}

// editor is who publishes the fixtures.
func (e *env) editor() congtin.Actor { return congtin.SystemActor("test") }

// TestDocumentsApproximate: when no document holds every word, the
// register shows those holding most of them under a notice, on the page
// and in the JSON, with facets counting them; a number stays strict.
func TestDocumentsApproximate(t *testing.T) {
	e := newEnv(t)
	e.publishDocument("115/KH-UBND", "2024-03-15", "Kế hoạch tiêm chủng vắc xin phòng COVID-19 năm 2024 trên địa bàn tỉnh")
	e.publishDocument("88/KH-UBND", "2024-08-20", "Kế hoạch triển khai bảo hiểm y tế học sinh năm học 2024-2025")

	q := "kế hoạch tiêm chủng năm học"
	r := e.get("/van-ban?q=" + url.QueryEscape(q))
	rows := findAll(r.doc, class("num"))
	if r.status != 200 || len(rows) != 2 || !strings.HasPrefix(text(rows[0]), "115/KH-UBND") {
		t.Fatalf("%q: %d, %d documents", q, r.status, len(rows))
	}
	notice := find(r.doc, class("search-approximate"))
	want := "Không có văn bản chứa đủ các từ “" + q + "” — kết quả gần đúng"
	if notice == nil || !strings.Contains(text(notice), want) {
		t.Fatalf("notice %q, want it to contain %q", text(notice), want)
	}
	if table := find(r.doc, class("doc-table")); attr(table, "aria-describedby") != attr(notice, "id") || attr(notice, "id") == "" {
		t.Errorf("the table is not described by the notice: %q", attr(table, "aria-describedby"))
	}
	if s := text(find(r.doc, class("doc-total"))); !strings.Contains(s, "2 văn bản gần đúng") {
		t.Errorf("total %q", s)
	}
	// The type facet counts the two documents shown.
	if f := find(r.doc, class("facets")); f == nil || !strings.Contains(text(f), "Kế hoạch 2") {
		t.Errorf("facets: %q", text(f))
	}
	if j := e.nearJSON("/api/v1/van-ban?q=" + url.QueryEscape(q)); !j.Approximate || !strings.Contains(j.Notice, want) || j.Total != 2 ||
		len(j.Results) != 2 || j.Results[0].Number != "115/KH-UBND" {
		t.Errorf("json for %q: %+v", q, j)
	}

	// Every word held: no notice. A number, or a quoted phrase, is
	// strict: nothing rather than another document.
	if j := e.nearJSON("/api/v1/van-ban?q=" + url.QueryEscape("tiêm chủng vắc xin")); j.Approximate || j.Notice != "" || j.Total != 1 {
		t.Errorf("json for a full match: %+v", j)
	}
	for _, q := range []string{"116/KH-UBND", "115/KH-UBND học sinh", `"tiêm chủng năm học"`} {
		r := e.get("/van-ban?q=" + url.QueryEscape(q))
		if r.status != 200 || len(findAll(r.doc, class("num"))) != 0 || find(r.doc, class("search-approximate")) != nil {
			t.Errorf("%q: %d, %d documents", q, r.status, len(findAll(r.doc, class("num"))))
		}
		if j := e.nearJSON("/api/v1/van-ban?q=" + url.QueryEscape(q)); j.Approximate || j.Total != 0 {
			t.Errorf("json for %q: %+v", q, j)
		}
	}
}

// TestQAApproximate: the Q&A search finds an abbreviation by its long
// form and the reverse, and when no question holds every word, shows
// those holding most of them under a notice, page and JSON.
func TestQAApproximate(t *testing.T) {
	e := newEnv(t)
	e.publishQuestion("Học sinh có bắt buộc tham gia bảo hiểm y tế không?", "Con tôi đang học lớp 10, nhà trường yêu cầu mua bảo hiểm y tế. Việc này có bắt buộc không?",
		"<p>Theo Luật Bảo hiểm y tế, học sinh, sinh viên thuộc nhóm đối tượng tham gia bắt buộc.</p>")
	e.publishQuestion("Thủ tục cấp lại thẻ BHYT bị mất", "Tôi làm mất thẻ BHYT khi đi công tác, xin hỏi thủ tục cấp lại như thế nào?",
		"<p>Ông liên hệ cơ quan Bảo hiểm xã hội nơi cư trú, mang theo căn cước công dân.</p>")

	// Other spellings: full matches, the spelling found marked.
	for _, c := range []struct{ q, want, mark string }{
		{"cấp lại thẻ bảo hiểm y tế", "Thủ tục cấp lại thẻ BHYT", "bhyt"},
		{"BHYT học sinh", "Học sinh có bắt buộc", "hiểm"},
	} {
		r := e.get("/hoi-dap?q=" + url.QueryEscape(c.q))
		cards := findAll(r.doc, class("card-title"))
		if r.status != 200 || len(cards) != 1 || !strings.HasPrefix(text(cards[0]), c.want) {
			t.Errorf("%q: %d, %d questions", c.q, r.status, len(cards))
			continue
		}
		if find(r.doc, class("search-approximate")) != nil {
			t.Errorf("%q: another spelling is shown as a near match", c.q)
		}
		var marked []string
		for _, m := range findAll(r.doc, tag("mark")) {
			marked = append(marked, strings.ToLower(text(m)))
		}
		if !slices.Contains(marked, c.mark) {
			t.Errorf("%q: marked %q, want %q", c.q, marked, c.mark)
		}
	}

	q := "cấp lại thẻ BHYT Cà Mau"
	r := e.get("/hoi-dap?q=" + url.QueryEscape(q))
	cards := findAll(r.doc, class("card-title"))
	if r.status != 200 || len(cards) != 1 || !strings.HasPrefix(text(cards[0]), "Thủ tục cấp lại thẻ BHYT") {
		t.Fatalf("%q: %d, %d questions", q, r.status, len(cards))
	}
	notice := find(r.doc, class("search-approximate"))
	want := "Không có câu hỏi chứa đủ các từ “" + q + "” — kết quả gần đúng"
	if notice == nil || !strings.Contains(text(notice), want) {
		t.Fatalf("notice %q, want it to contain %q", text(notice), want)
	}
	if list := find(r.doc, class("qa-list")); attr(list, "aria-describedby") != attr(notice, "id") || attr(notice, "id") == "" {
		t.Errorf("the list is not described by the notice: %q", attr(list, "aria-describedby"))
	}
	intros := findAll(r.doc, class("intro"))
	if s := text(intros[len(intros)-1]); !strings.Contains(s, "câu hỏi gần đúng") {
		t.Errorf("status %q", s)
	}
	if j := e.nearJSON("/api/v1/hoi-dap?q=" + url.QueryEscape(q)); !j.Approximate || !strings.Contains(j.Notice, want) || j.Total != 1 {
		t.Errorf("json for %q: %+v", q, j)
	}
	for _, q := range []string{"cấp lại thẻ BHYT", `"cấp lại thẻ bảo hiểm"`, "hoá đơn điện tử"} {
		j := e.nearJSON("/api/v1/hoi-dap?q=" + url.QueryEscape(q))
		if j.Approximate || j.Notice != "" {
			t.Errorf("json for %q: %+v", q, j)
		}
	}
}
