package storetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// testNearDocuments searches the documents register for queries that no
// document holds every word of: the documents holding most of them, the
// most first, said to be near matches, with facets counting them; never
// for a number, a quoted phrase, or when the filters alone leave out a
// document holding every word.
func testNearDocuments(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	ed := MustUser(t, s, site.ID, "bientap", congtin.RoleEditor)
	plan := TermID(t, s, site.ID, congtin.ListTypes, "Kế hoạch")
	decision := TermID(t, s, site.ID, congtin.ListTypes, "Quyết định")
	publish := func(typ int64, number, issued, summary string) *congtin.Document {
		t.Helper()
		d, err := s.CreateDocument(ctx, ed, site.ID, congtin.DocumentInput{TypeID: typ, Number: number, Issuer: "Ủy ban nhân dân tỉnh An Phú",
			Signer: "Trần Văn Bình", IssuedOn: day(issued), Summary: summary})
		if err != nil {
			t.Fatal(err)
		}
		if d, err = s.TransitionDocument(ctx, ed, site.ID, d.ID, congtin.ActPublish, ""); err != nil {
			t.Fatal(err)
		}
		return d
	}
	vaccine := publish(plan, "115/KH-UBND", "2024-03-15", "Kế hoạch tiêm chủng vắc xin phòng COVID-19 năm 2024 trên địa bàn tỉnh")
	traffic := publish(decision, "42/QĐ-UBND", "2024-05-02", "Quyết định ban hành quy chế phối hợp bảo đảm an toàn giao thông")
	// Newer than the vaccination plan: it must not come first for being
	// newer when it holds fewer of the words.
	insurance := publish(plan, "88/KH-UBND", "2024-08-20", "Kế hoạch triển khai bảo hiểm y tế học sinh năm học 2024-2025")

	find := func(q congtin.DocumentQuery) *congtin.DocumentResult {
		t.Helper()
		q.SiteID, q.Facets = site.ID, true
		res, err := s.FindDocuments(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	for _, c := range []struct {
		q      congtin.DocumentQuery
		want   []int64
		approx bool
	}{
		// Every word held: strict, as before.
		{congtin.DocumentQuery{Q: "kế hoạch tiêm chủng vắc xin"}, []int64{vaccine.ID}, false},
		{congtin.DocumentQuery{Q: "BHYT học sinh"}, []int64{insurance.ID}, false},
		// "năm học" is in one, "tiêm chủng" in the other: the one
		// holding five of the six words first, then four of six.
		{congtin.DocumentQuery{Q: "kế hoạch tiêm chủng năm học"}, []int64{vaccine.ID, insurance.ID}, true},
		// A place the register does not name.
		{congtin.DocumentQuery{Q: "an toàn giao thông Đông Hải"}, []int64{traffic.ID}, true},
		// The filters narrow near matches too.
		{congtin.DocumentQuery{Q: "kế hoạch tiêm chủng năm học", TypeID: plan, Year: 2024}, []int64{vaccine.ID, insurance.ID}, true},
		// A document holds every word, but not of this type: no near
		// matches, the type facet shows where it is.
		{congtin.DocumentQuery{Q: "kế hoạch tiêm chủng vắc xin", TypeID: decision}, nil, false},
		// A number must be that number: no "115/KH-UBND" for 116, no
		// other document of 115 for 115 with words it lacks.
		{congtin.DocumentQuery{Q: "116/KH-UBND"}, nil, false},
		{congtin.DocumentQuery{Q: "116 kh ubnd"}, nil, false},
		{congtin.DocumentQuery{Q: "115/KH-UBND an toàn giao thông"}, nil, false},
		{congtin.DocumentQuery{Q: "kế hoạch tiêm chủng 2023"}, nil, false},
		// A quoted phrase stays strict.
		{congtin.DocumentQuery{Q: `"tiêm chủng năm học"`}, nil, false},
		// Two words, one of them missing: one word alone is no match.
		{congtin.DocumentQuery{Q: "tiêm dại"}, nil, false},
	} {
		res := find(c.q)
		if got := docIDs(res); fmt.Sprint(got) != fmt.Sprint(c.want) || res.Total != len(c.want) || res.Approximate != c.approx {
			t.Errorf("%+v: %v (total %d, approximate %v), want %v (approximate %v)", c.q, got, res.Total, res.Approximate, c.want, c.approx)
		}
	}
	// The facets count the near matches shown.
	res := find(congtin.DocumentQuery{Q: "kế hoạch tiêm chủng năm học"})
	if f := res.Facets; facet(f.Types, "Kế hoạch") != 2 || facet(f.Types, "Quyết định") != 0 || facet(f.Years, "2024") != 2 {
		t.Errorf("near matches' facets: %+v", f)
	}
	res = find(congtin.DocumentQuery{Q: "kế hoạch tiêm chủng vắc xin", TypeID: decision})
	if f := res.Facets; facet(f.Types, "Kế hoạch") != 1 {
		t.Errorf("a strict match of another type is offered by its facet: %+v", f)
	}
	// Paging through near matches.
	if res := find(congtin.DocumentQuery{Q: "kế hoạch tiêm chủng năm học", Limit: 1, Offset: 1}); fmt.Sprint(docIDs(res)) != fmt.Sprint([]int64{insurance.ID}) || res.Total != 2 || !res.Approximate {
		t.Errorf("second page of near matches: %v (%d)", docIDs(res), res.Total)
	}
}

// testNearQuestions searches the Q&A as a reader does (SearchQuestions):
// abbreviations and their long forms find each other, and when no
// question holds every word, those holding most of them come, the most
// first, said to be near matches.
func testNearQuestions(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	clk := mustClock(t, s, clockStart)
	site := MustSite(t, s)
	ed := MustUser(t, s, site.ID, "bientap", congtin.RoleEditor)
	publish := func(title, body, answer string) *congtin.Question {
		t.Helper()
		in := QuestionIn(title, 0)
		in.Body = body
		q := MustSubmit(t, s, site.ID, in, QuestionSub("ip-"+title))
		if _, err := s.UpdateQuestion(ctx, ed, site.ID, q.ID, congtin.QuestionEdit{Title: q.Title, Body: q.Body, Answer: answer}); err != nil {
			t.Fatal(err)
		}
		clk.Add(time.Minute)
		q, err := s.TransitionQuestion(ctx, ed, site.ID, q.ID, congtin.ActPublish, "")
		if err != nil {
			t.Fatal(err)
		}
		return q
	}
	pupils := publish("Học sinh có bắt buộc tham gia bảo hiểm y tế không?", "Con tôi đang học lớp 10, nhà trường yêu cầu đóng bảo hiểm y tế. Việc này có bắt buộc không?",
		"<p>Theo Luật Bảo hiểm y tế, học sinh, sinh viên thuộc nhóm đối tượng tham gia bắt buộc.</p>")
	card := publish("Thủ tục cấp lại thẻ BHYT bị mất", "Tôi làm mất thẻ BHYT khi đi công tác, xin hỏi thủ tục cấp lại như thế nào?",
		"<p>Ông liên hệ cơ quan Bảo hiểm xã hội nơi cư trú, mang theo căn cước công dân.</p>")
	free := publish("Miễn học phí cho học sinh khuyết tật", "Con tôi bị khuyết tật vận động, đang học lớp 3. Cháu có được miễn học phí không?",
		"<p>Có, theo Nghị định 81/2021/NĐ-CP.</p>")
	// The newest: it must not come first for being newer when it holds
	// fewer of the words.
	aid := publish("Mức hỗ trợ học phí cho học sinh vùng khó khăn", "Xin hỏi học sinh ở xã đặc biệt khó khăn được hỗ trợ học phí bao nhiêu?",
		"<p>Mức hỗ trợ do Hội đồng nhân dân tỉnh quyết định hằng năm.</p>")

	for _, c := range []struct {
		q      string
		want   []int64
		approx bool
	}{
		// The long form finds the abbreviation, and the reverse.
		{"cấp lại thẻ bảo hiểm y tế", []int64{card.ID}, false},
		{"BHYT học sinh", []int64{pupils.ID}, false},
		{"bhxh noi cu tru", []int64{card.ID}, false},
		// A word no question holds: near matches, the most words first.
		{"miễn học phí học sinh Cà Mau", []int64{free.ID, aid.ID}, true},
		{"cấp lại thẻ BHYT Cà Mau", []int64{card.ID}, true},
		// Strict where asked or where nothing is near.
		{`"cấp lại thẻ bảo hiểm"`, nil, false},
		{"hoá đơn điện tử", nil, false},
		{"tiêm dại", nil, false},
	} {
		res, err := s.SearchQuestions(ctx, congtin.QuestionFilter{SiteID: site.ID, Status: congtin.StatusPublished, Q: c.q})
		if err != nil {
			t.Fatal(err)
		}
		if got := questionIDs(res.Questions); fmt.Sprint(got) != fmt.Sprint(c.want) || res.Total != len(c.want) || res.Approximate != c.approx {
			t.Errorf("%q: %v (total %d, approximate %v), want %v (approximate %v)", c.q, got, res.Total, res.Approximate, c.want, c.approx)
		}
	}
	// The store matches at least Need words when asked to.
	qs, n, err := s.FindQuestions(ctx, congtin.QuestionFilter{SiteID: site.ID, Status: congtin.StatusPublished, Q: "miễn học phí học sinh Cà Mau", Need: 4})
	if err != nil || n != 1 || fmt.Sprint(questionIDs(qs)) != fmt.Sprint([]int64{free.ID}) {
		t.Errorf("four of six words: %v (%d), %v", questionIDs(qs), n, err)
	}
}
