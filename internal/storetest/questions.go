package storetest

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// qaSeq makes each test submission's code hash and nonce unique.
var qaSeq struct {
	sync.Mutex
	n int
}

// QuestionSub returns a Submission with a fresh code hash and nonce, from
// the sender ipHash, limited to 3 questions in 10 minutes.
func QuestionSub(ipHash string) congtin.Submission {
	qaSeq.Lock()
	qaSeq.n++
	n := qaSeq.n
	qaSeq.Unlock()
	return congtin.Submission{CodeHash: fmt.Sprintf("code-%d", n), Nonce: fmt.Sprintf("nonce-%d", n), IPHash: ipHash, Limit: 3, Window: 10 * time.Minute}
}

// QuestionIn returns a valid citizen's question.
func QuestionIn(title string, fieldID int64) congtin.QuestionInput {
	return congtin.QuestionInput{Name: "Nguyễn Văn An", Email: "an.nguyen@example.vn", Phone: "0912 345 678", FieldID: fieldID,
		Title: title, Body: "Xin hỏi thủ tục " + title + " cần những giấy tờ gì và nộp ở đâu?"}
}

// MustSubmit stores a question and fails the test on error.
func MustSubmit(t *testing.T, s congtin.Service, siteID int64, in congtin.QuestionInput, sub congtin.Submission) *congtin.Question {
	t.Helper()
	q, err := s.SubmitQuestion(context.Background(), siteID, in, sub)
	if err != nil {
		t.Fatalf("submit %q: %v", in.Title, err)
	}
	return q
}

func questionIDs(qs []*congtin.Question) []int64 {
	out := []int64{}
	for _, q := range qs {
		out = append(out, q.ID)
	}
	return out
}

// testQAFields: the managed list of fields.
func testQAFields(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	other := MustCreateSite(t, s, "so.example", "Cổng Sở")
	ad := MustUser(t, s, site.ID, "quantri", congtin.RoleAdmin)

	gd, err := s.CreateQAField(ctx, ad, site.ID, congtin.QAFieldInput{Name: "  Giáo   dục ", Position: 2})
	if err != nil || gd.Name != "Giáo dục" || gd.Slug != "giao-duc" || gd.Position != 2 || gd.SiteID != site.ID {
		t.Fatalf("create: %+v, %v", gd, err)
	}
	dd, err := s.CreateQAField(ctx, ad, site.ID, congtin.QAFieldInput{Name: "Đất đai", Position: 1})
	if err != nil {
		t.Fatal(err)
	}
	// A taken or bad name is the service's to refuse (internal/app's
	// TestQAFieldRefused); another site may have the same.
	if _, err := s.CreateQAField(ctx, ad, other.ID, congtin.QAFieldInput{Name: "Giáo dục"}); err != nil {
		t.Fatalf("the same name on another site: %v", err)
	}
	fs, err := s.FindQAFields(ctx, site.ID)
	if err != nil || len(fs) != 2 || fs[0].ID != dd.ID || fs[1].ID != gd.ID {
		t.Fatalf("list by position: %+v, %v", fs, err)
	}
	gd, err = s.UpdateQAField(ctx, ad, site.ID, gd.ID, congtin.QAFieldInput{Name: "Giáo dục - Đào tạo", Position: 0})
	if err != nil || gd.Slug != "giao-duc-dao-tao" {
		t.Fatalf("rename: %+v, %v", gd, err)
	}
	_, err = s.UpdateQAField(ctx, ad, other.ID, gd.ID, congtin.QAFieldInput{Name: "X"})
	WantCode(t, err, congtin.ENOTFOUND, "another site's field")

	// Unused: deleted (one in use is not: the service's rule).
	if err := s.DeleteQAField(ctx, ad, site.ID, gd.ID); err != nil {
		t.Fatal(err)
	}
	WantCode(t, s.DeleteQAField(ctx, ad, site.ID, gd.ID), congtin.ENOTFOUND, "deleting it again")
	if fs, _ := s.FindQAFields(ctx, site.ID); len(fs) != 1 || fs[0].ID != dd.ID {
		t.Fatalf("after delete: %+v", fs)
	}
	acts := AuditActions(t, s, congtin.AuditFilter{SiteID: site.ID, Action: "qa_field"})
	if strings.Join(acts, ",") != "qa_field.delete,qa_field.update,qa_field.create,qa_field.create" {
		t.Fatalf("audit: %v", acts)
	}
}

// testQuestionSubmit: what a citizen's question is stored as, and how it is
// found.
func testQuestionSubmit(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	other := MustCreateSite(t, s, "so.example", "Cổng Sở")
	ad := MustUser(t, s, site.ID, "quantri", congtin.RoleAdmin)

	// A site without fields takes questions without one.
	plain := MustSubmit(t, s, site.ID, QuestionIn("Đăng ký khai sinh", 0), QuestionSub("ip-a"))
	if plain.FieldID != 0 || plain.Status != congtin.StatusDraft || plain.State() != congtin.QAReceived {
		t.Fatalf("submitted: %+v", plain)
	}
	f, err := s.CreateQAField(ctx, ad, site.ID, congtin.QAFieldInput{Name: "Hộ tịch"})
	if err != nil {
		t.Fatal(err)
	}
	otherField, err := s.CreateQAField(ctx, ad, other.ID, congtin.QAFieldInput{Name: "Y tế"})
	if err != nil {
		t.Fatal(err)
	}
	if fs, err := s.FindQAFields(ctx, site.ID); err != nil || len(fs) != 1 || fs[0].ID != f.ID || fs[0].ID == otherField.ID {
		t.Fatalf("the site's fields: %+v, %v", fs, err)
	}
	in := QuestionIn("Đăng ký kết hôn", f.ID)
	in.Name = ` <b>Trần   Thị</b> Bình<script>alert(1)</script> `
	in.Email = " Binh.Tran@Example.VN "
	in.Body = "Dòng một <script>alert('x')</script>\r\nDòng hai & ba."
	sub := QuestionSub("ip-b")
	q := MustSubmit(t, s, site.ID, in, sub)
	if q.Name != `<b>Trần Thị</b> Bình<script>alert(1)</script>` || q.Email != "binh.tran@example.vn" || q.Phone != "0912 345 678" ||
		q.IPHash != "ip-b" || q.FieldID != f.ID || q.Body != "Dòng một <script>alert('x')</script>\nDòng hai & ba." {
		t.Fatalf("stored as text, trimmed: %+v", q)
	}
	got, err := s.FindQuestionByCode(ctx, site.ID, sub.CodeHash)
	if err != nil || got.ID != q.ID {
		t.Fatalf("by code: %+v, %v", got, err)
	}
	_, err = s.FindQuestionByCode(ctx, other.ID, sub.CodeHash)
	WantCode(t, err, congtin.ENOTFOUND, "the code on another site")
	_, err = s.FindQuestionByCode(ctx, site.ID, "code-\xff\x00")
	WantCode(t, err, congtin.ENOTFOUND, "a code hash of stray bytes")
	_, err = s.FindQuestionByID(ctx, other.ID, q.ID)
	WantCode(t, err, congtin.ENOTFOUND, "the question on another site")
	revs, err := s.FindQuestionRevisions(ctx, site.ID, q.ID)
	if err != nil || len(revs) != 1 || revs[0].Body != q.Body || revs[0].UserID != 0 || revs[0].Note == "" {
		t.Fatalf("first revision: %+v, %v", revs, err)
	}
	if acts := AuditActions(t, s, congtin.AuditFilter{SiteID: site.ID, Action: "question"}); len(acts) != 0 {
		t.Fatalf("a citizen's question wrote audit entries: %v", acts)
	}

	// What is refused, changing nothing, is the service's: internal/app's
	// TestQuestionSubmitRefused.
	if _, n, err := s.FindQuestions(ctx, congtin.QuestionFilter{SiteID: site.ID}); err != nil || n != 2 {
		t.Fatalf("questions: %d, %v; want 2", n, err)
	}
}

// testQuestionFlood: the service's limit on questions per sender (checked
// once, in internal/app's TestQuestionRateLimit) holds when they arrive at
// once: the store runs the check and the insert one at a time.
func testQuestionFlood(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	// Twenty at once from one new sender: exactly three get in.
	var wg sync.WaitGroup
	errs := make([]error, 20)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = s.SubmitQuestion(ctx, site.ID, QuestionIn(fmt.Sprintf("Dồn dập %d", i), 0), QuestionSub("ip-flood"))
		}()
	}
	wg.Wait()
	ok := 0
	for _, err := range errs {
		switch congtin.ErrorCode(err) {
		case "":
			ok++
		case congtin.ETOOMANY:
		default:
			t.Fatalf("concurrent submission: %v", err)
		}
	}
	_, n, err := s.FindQuestions(ctx, congtin.QuestionFilter{SiteID: site.ID, Q: "dồn dập"})
	if ok != 3 || n != 3 || err != nil {
		t.Fatalf("concurrent flood: %d accepted, %d stored (%v), want 3", ok, n, err)
	}
}

// testQuestionWorkflow: reporters answer, editors publish, with
// revisions, notes and audit entries. (What the permission table and the
// unanswered question refuse is internal/app's TestQuestionWorkflowRefused.)
func testQuestionWorkflow(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	pv := MustUser(t, s, site.ID, "phongvien", congtin.RoleReporter)
	ed := MustUser(t, s, site.ID, "bientap", congtin.RoleEditor)

	// A reporter takes a fresh question on by saving an answer.
	q2 := MustSubmit(t, s, site.ID, QuestionIn("Cấp giấy phép xây dựng", 0), QuestionSub("ip-b"))
	edit2 := congtin.QuestionEdit{Title: q2.Title, Body: q2.Body + " (đã lược bớt)",
		Answer: `<p>Theo <strong>Luật Xây dựng</strong>, ông/bà nộp hồ sơ tại Bộ phận một cửa.</p><script>alert(1)</script><p onclick="x()">Hết.</p>`}
	q2, err := s.UpdateQuestion(ctx, pv, site.ID, q2.ID, edit2)
	if err != nil {
		t.Fatal(err)
	}
	if q2.AnsweredBy != pv.User.ID || q2.State() != congtin.QAProcessing || strings.Contains(q2.Answer, "script") ||
		strings.Contains(q2.Answer, "onclick") || !strings.Contains(q2.Answer, "<strong>Luật Xây dựng</strong>") || !strings.HasSuffix(q2.Body, "(đã lược bớt)") {
		t.Fatalf("after the reporter's answer: %+v", q2)
	}
	q2, err = s.TransitionQuestion(ctx, pv, site.ID, q2.ID, congtin.ActSubmit, "")
	if err != nil || q2.Status != congtin.StatusSubmitted {
		t.Fatalf("submit: %+v, %v", q2, err)
	}
	if q2, err = s.TransitionQuestion(ctx, ed, site.ID, q2.ID, congtin.ActReturn, "Bổ sung căn cứ pháp lý"); err != nil || q2.Status != congtin.StatusReturned {
		t.Fatalf("return: %+v, %v", q2, err)
	}
	edit2.Answer += "<p>Căn cứ: Nghị định 15/2021/NĐ-CP.</p>"
	if _, err := s.UpdateQuestion(ctx, pv, site.ID, q2.ID, edit2); err != nil {
		t.Fatal(err)
	}
	if _, err := s.TransitionQuestion(ctx, pv, site.ID, q2.ID, congtin.ActSubmit, ""); err != nil {
		t.Fatal(err)
	}
	q2, err = s.TransitionQuestion(ctx, ed, site.ID, q2.ID, congtin.ActPublish, "")
	if err != nil || q2.Status != congtin.StatusPublished || q2.PublishedAt.IsZero() || q2.State() != congtin.QAAnswered {
		t.Fatalf("publish: %+v, %v", q2, err)
	}
	_, err = s.TransitionQuestion(ctx, ed, site.ID+100, q2.ID, congtin.ActUnpublish, "")
	WantCode(t, err, congtin.ENOTFOUND, "another site")

	revs, err := s.FindQuestionRevisions(ctx, site.ID, q2.ID)
	if err != nil || len(revs) != 3 || revs[0].UserID != pv.User.ID || !strings.Contains(revs[0].Answer, "15/2021") ||
		strings.Contains(revs[1].Answer, "15/2021") || revs[2].UserID != 0 || strings.HasSuffix(revs[2].Body, "(đã lược bớt)") {
		t.Fatalf("revisions, newest first, the citizen's original last: %+v, %v", revs, err)
	}
	notes, err := s.FindNotes(ctx, congtin.Ref{Kind: congtin.KindQuestion, SiteID: site.ID, ID: q2.ID})
	var steps []string
	for _, n := range notes {
		steps = append(steps, n.Action+">"+n.Status)
	}
	if err != nil || strings.Join(steps, " ") != "submit>submitted return>returned submit>submitted publish>published" || notes[1].Comment != "Bổ sung căn cứ pháp lý" {
		t.Fatalf("notes: %v %+v, %v", steps, notes, err)
	}
	acts := AuditActions(t, s, congtin.AuditFilter{SiteID: site.ID, ObjectType: "question", ObjectID: q2.ID})
	if strings.Join(acts, ",") != "question.publish,question.submit,question.edit,question.return,question.submit,question.edit" {
		t.Fatalf("audit: %v", acts)
	}

	// Declining a draft, and taking down a published one.
	q3 := MustSubmit(t, s, site.ID, QuestionIn("Quảng cáo", 0), QuestionSub("ip-c"))
	if q3, err = s.TransitionQuestion(ctx, ed, site.ID, q3.ID, congtin.ActDecline, "Thư rác"); err != nil || q3.Status != congtin.StatusUnpublished || q3.State() != congtin.QADeclined {
		t.Fatalf("decline: %+v, %v", q3, err)
	}
	if q2, err = s.TransitionQuestion(ctx, ed, site.ID, q2.ID, congtin.ActUnpublish, ""); err != nil || q2.State() != congtin.QADeclined {
		t.Fatalf("unpublish: %+v, %v", q2, err)
	}
	pub := q2.PublishedAt
	if q2, err = s.TransitionQuestion(ctx, ed, site.ID, q2.ID, congtin.ActPublish, ""); err != nil || !q2.PublishedAt.Equal(pub) {
		t.Fatalf("publishing again keeps the first publication time: %+v, %v", q2, err)
	}
}

// testQuestionFind: public lists, the field filter and the Vietnamese
// search over title, question and answer.
func testQuestionFind(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	clk := mustClock(t, s, clockStart)
	site := MustSite(t, s)
	ad := MustUser(t, s, site.ID, "quantri", congtin.RoleAdmin)
	ed := MustUser(t, s, site.ID, "bientap", congtin.RoleEditor)
	gd, _ := s.CreateQAField(ctx, ad, site.ID, congtin.QAFieldInput{Name: "Giáo dục"})
	dd, _ := s.CreateQAField(ctx, ad, site.ID, congtin.QAFieldInput{Name: "Đất đai"})
	publish := func(title, body, answer string, field int64) *congtin.Question {
		t.Helper()
		in := QuestionIn(title, field)
		if body != "" {
			in.Body = body
		}
		q := MustSubmit(t, s, site.ID, in, QuestionSub("ip-"+title))
		if _, err := s.UpdateQuestion(ctx, ed, site.ID, q.ID, congtin.QuestionEdit{FieldID: field, Title: q.Title, Body: q.Body, Answer: answer}); err != nil {
			t.Fatal(err)
		}
		clk.Add(time.Minute)
		q, err := s.TransitionQuestion(ctx, ed, site.ID, q.ID, congtin.ActPublish, "")
		if err != nil {
			t.Fatal(err)
		}
		return q
	}
	a := publish("Học phí trường mầm non", "", "<p>Mức học phí do Hội đồng nhân dân tỉnh quyết định.</p>", gd.ID)
	b := publish("Thủ tục cấp sổ đỏ", "Gia đình tôi muốn cấp giấy chứng nhận quyền sử dụng đất lần đầu thì làm thế nào?", "<p>Nộp hồ sơ tại Văn phòng đăng ký đất đai.</p>", dd.ID)
	c := publish("Chuyển trường cho con", "Con tôi học lớp 5, muốn chuyển trường giữa năm học có được không?", "<p>Được, theo quy định của Bộ Giáo dục và Đào tạo về học phí và chuyển trường.</p>", gd.ID)
	draft := MustSubmit(t, s, site.ID, QuestionIn("Học phí chưa trả lời", gd.ID), QuestionSub("ip-x"))

	pubF := congtin.QuestionFilter{SiteID: site.ID, Status: congtin.StatusPublished}
	find := func(f congtin.QuestionFilter) ([]int64, int) {
		t.Helper()
		qs, n, err := s.FindQuestions(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		return questionIDs(qs), n
	}
	if ids, n := find(pubF); n != 3 || fmt.Sprint(ids) != fmt.Sprint([]int64{c.ID, b.ID, a.ID}) {
		t.Fatalf("published, newest first: %v (%d)", ids, n)
	}
	f := pubF
	f.Limit, f.Offset = 1, 1
	if ids, n := find(f); n != 3 || fmt.Sprint(ids) != fmt.Sprint([]int64{b.ID}) {
		t.Fatalf("second page of one: %v (%d)", ids, n)
	}
	f = pubF
	f.FieldID = gd.ID
	if ids, n := find(f); n != 2 || fmt.Sprint(ids) != fmt.Sprint([]int64{c.ID, a.ID}) {
		t.Fatalf("by field: %v (%d)", ids, n)
	}
	if ids, n := find(congtin.QuestionFilter{SiteID: site.ID}); n != 4 || ids[0] != draft.ID {
		t.Fatalf("the inbox, newest arrival first: %v (%d)", ids, n)
	}
	for _, c2 := range []struct {
		q    string
		want []int64
	}{
		{"hoc phi", []int64{a.ID, c.ID}},          // the title match first, then the answer's
		{"HỌC PHÍ", []int64{a.ID, c.ID}},          // case and diacritics
		{"so do", []int64{b.ID}},                  // đ typed as d
		{"giấy chứng nhận", []int64{b.ID}},        // in the question text
		{"văn phòng đăng ký", []int64{b.ID}},      // in the answer
		{"\"trường mầm non\"", []int64{a.ID}},     // a phrase
		{"\"mầm trường\"", []int64{}},             // not a phrase anywhere
		{"hoá đơn", []int64{}},                    // no match
		{"!!! ???", []int64{}},                    // nothing searchable
		{"chuyen truong giua nam", []int64{c.ID}}, // several words anywhere in the question
		{"hoc phi chuyen truong", []int64{c.ID}},  // every word must be there
		{"' OR 1=1 --", []int64{}},                // just words
		{"%", []int64{}},                          // a LIKE wildcard is only punctuation here
		{"học\xff phí", []int64{a.ID, c.ID}},      // stray bytes separate words
	} {
		f := pubF
		f.Q = c2.q
		ids, n := find(f)
		if fmt.Sprint(ids) != fmt.Sprint(c2.want) || n != len(c2.want) {
			t.Errorf("search %q: %v (%d), want %v", c2.q, ids, n, c2.want)
		}
	}
	// The search follows edits of the answer.
	if _, err := s.UpdateQuestion(ctx, ed, site.ID, b.ID, congtin.QuestionEdit{FieldID: dd.ID, Title: b.Title, Body: b.Body, Answer: "<p>Liên hệ Ủy ban nhân dân xã.</p>"}); err != nil {
		t.Fatal(err)
	}
	f = pubF
	f.Q = "văn phòng đăng ký"
	if ids, _ := find(f); len(ids) != 0 {
		t.Fatalf("an old answer's words still find it: %v", ids)
	}
	f.Q = "uy ban nhan dan"
	if ids, _ := find(f); fmt.Sprint(ids) != fmt.Sprint([]int64{b.ID}) {
		t.Fatalf("the new answer's words: %v", ids)
	}
}

// testQuestionPurge: personal data goes after the retention period; the
// question stays.
func testQuestionPurge(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	clk := mustClock(t, s, clockStart)
	site := MustSite(t, s)
	other := MustCreateSite(t, s, "so.example", "Cổng Sở")
	old1 := MustSubmit(t, s, site.ID, QuestionIn("Cũ một", 0), QuestionSub("ip-a"))
	old2 := MustSubmit(t, s, other.ID, QuestionIn("Cũ hai", 0), QuestionSub("ip-b"))
	clk.Add(40 * 24 * time.Hour)
	fresh := MustSubmit(t, s, site.ID, QuestionIn("Mới", 0), QuestionSub("ip-c"))
	clk.Add(time.Hour)
	cut := clk.Now().Add(-30 * 24 * time.Hour)
	n, err := s.PurgeQuestionData(ctx, cut)
	if err != nil || n != 2 {
		t.Fatalf("purge: %d, %v; want 2", n, err)
	}
	for _, c := range []struct {
		site int64
		q    *congtin.Question
	}{{site.ID, old1}, {other.ID, old2}} {
		q, err := s.FindQuestionByID(ctx, c.site, c.q.ID)
		if err != nil {
			t.Fatal(err)
		}
		if q.Name != "" || q.Email != "" || q.Phone != "" || q.IPHash != "" || q.PurgedAt.IsZero() || q.Title != c.q.Title || q.Body != c.q.Body {
			t.Fatalf("purged question: %+v", q)
		}
	}
	q, _ := s.FindQuestionByID(ctx, site.ID, fresh.ID)
	if q.Name != fresh.Name || q.Email != fresh.Email || q.Phone != fresh.Phone || q.IPHash != "ip-c" || !q.PurgedAt.IsZero() {
		t.Fatalf("a question within the period lost its data: %+v", q)
	}
	if n, err := s.PurgeQuestionData(ctx, cut); err != nil || n != 0 {
		t.Fatalf("second purge: %d, %v; want 0", n, err)
	}
	for _, id := range []int64{site.ID, other.ID} {
		es, _, err := s.FindAudit(ctx, congtin.AuditFilter{SiteID: id, Action: "question.purge"})
		if err != nil || len(es) != 1 || !strings.Contains(es[0].Detail, "1 câu hỏi") {
			t.Fatalf("site %d purge audit: %+v, %v", id, es, err)
		}
	}
	// Purged questions stay, with their text.
	if _, n, _ := s.FindQuestions(ctx, congtin.QuestionFilter{SiteID: site.ID}); n != 2 {
		t.Fatalf("questions after purge: %d, want 2", n)
	}
}

// testSecrets: one value per name, the same on every call.
func testSecrets(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	a, err := s.Secret(ctx, "qa-form")
	if err != nil || len(a) != 32 {
		t.Fatalf("secret: %x, %v", a, err)
	}
	var wg sync.WaitGroup
	got := make([][]byte, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], _ = s.Secret(ctx, "qa-form")
		}()
	}
	wg.Wait()
	for _, g := range got {
		if !bytes.Equal(g, a) {
			t.Fatalf("secret changed: %x then %x", a, g)
		}
	}
	b, err := s.Secret(ctx, "qa-ip")
	if err != nil || bytes.Equal(a, b) {
		t.Fatalf("two names gave the same secret: %x %x, %v", a, b, err)
	}
}
