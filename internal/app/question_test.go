package app_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
)

// TestQAFieldRefused: a field's name has letters, is valid text and is
// the site's only one of its name or slug; a field in use is not deleted.
// Refused changes write nothing.
func TestQAFieldRefused(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	ad := storetest.MustUser(t, a, site.ID, "quantri", congtin.RoleAdmin)
	gd, err := a.CreateQAField(ctx, ad, site.ID, congtin.QAFieldInput{Name: "  Giáo   dục ", Position: 2})
	if err != nil {
		t.Fatal(err)
	}
	dd, err := a.CreateQAField(ctx, ad, site.ID, congtin.QAFieldInput{Name: "Đất đai", Position: 1})
	if err != nil {
		t.Fatal(err)
	}
	_, err = a.CreateQAField(ctx, ad, site.ID, congtin.QAFieldInput{Name: "Giáo dục"})
	storetest.WantField(t, err, "name", "a taken name")
	_, err = a.CreateQAField(ctx, ad, site.ID, congtin.QAFieldInput{Name: "Giao duc"})
	storetest.WantField(t, err, "name", "a name with a taken slug")
	_, err = a.CreateQAField(ctx, ad, site.ID, congtin.QAFieldInput{Name: "!!!"})
	storetest.WantField(t, err, "name", "a name without letters")
	_, err = a.CreateQAField(ctx, ad, site.ID, congtin.QAFieldInput{Name: "Y tế\xff"})
	storetest.WantField(t, err, "name", "invalid UTF-8")
	_, err = a.UpdateQAField(ctx, ad, site.ID, gd.ID, congtin.QAFieldInput{Name: "Đất đai"})
	storetest.WantField(t, err, "name", "renaming onto a taken name")

	// In use: not deleted.
	storetest.MustSubmit(t, a, site.ID, storetest.QuestionIn("Cấp sổ đỏ", dd.ID), storetest.QuestionSub("ip-a"))
	storetest.WantCode(t, a.DeleteQAField(ctx, ad, site.ID, dd.ID), congtin.ECONFLICT, "deleting a field in use")

	fs, err := a.FindQAFields(ctx, site.ID)
	if err != nil || len(fs) != 2 || fs[0].ID != dd.ID || fs[1].ID != gd.ID || fs[1].Name != "Giáo dục" {
		t.Fatalf("after refused changes: %+v, %v", fs, err)
	}
	if acts := storetest.AuditActions(t, a, congtin.AuditFilter{SiteID: site.ID, Action: "qa_field"}); strings.Join(acts, ",") != "qa_field.create,qa_field.create" {
		t.Fatalf("audit after refused changes: %v", acts)
	}
}

// TestQuestionSubmitRefused: a citizen's question needs a field of the
// site (when it has fields), a way to answer, a name, and a title and
// body of valid text within their lengths; a form is sent once. A refused
// question is not stored.
func TestQuestionSubmitRefused(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	other := storetest.MustCreateSite(t, a, "so.example", "Cổng Sở")
	ad := storetest.MustUser(t, a, site.ID, "quantri", congtin.RoleAdmin)
	f, err := a.CreateQAField(ctx, ad, site.ID, congtin.QAFieldInput{Name: "Hộ tịch"})
	if err != nil {
		t.Fatal(err)
	}
	otherField, err := a.CreateQAField(ctx, ad, other.ID, congtin.QAFieldInput{Name: "Y tế"})
	if err != nil {
		t.Fatal(err)
	}
	sub := storetest.QuestionSub("ip-b")
	storetest.MustSubmit(t, a, site.ID, storetest.QuestionIn("Đăng ký kết hôn", f.ID), sub)

	count := func() int {
		t.Helper()
		_, n, err := a.FindQuestions(ctx, congtin.QuestionFilter{SiteID: site.ID})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := count()
	for name, c := range map[string]struct {
		mod   func(*congtin.QuestionInput, *congtin.Submission)
		field string
		code  string
	}{
		"no field":          {func(in *congtin.QuestionInput, _ *congtin.Submission) { in.FieldID = 0 }, "field_id", ""},
		"other site field":  {func(in *congtin.QuestionInput, _ *congtin.Submission) { in.FieldID = otherField.ID }, "field_id", ""},
		"no contact":        {func(in *congtin.QuestionInput, _ *congtin.Submission) { in.Email, in.Phone = " ", "" }, "contact", ""},
		"bad email":         {func(in *congtin.QuestionInput, _ *congtin.Submission) { in.Email = "an@@example" }, "email", ""},
		"display name mail": {func(in *congtin.QuestionInput, _ *congtin.Submission) { in.Email = "An <an@example.vn>" }, "email", ""},
		"bad phone":         {func(in *congtin.QuestionInput, _ *congtin.Submission) { in.Phone = "call me" }, "phone", ""},
		"short phone":       {func(in *congtin.QuestionInput, _ *congtin.Submission) { in.Phone = "12345" }, "phone", ""},
		"no name":           {func(in *congtin.QuestionInput, _ *congtin.Submission) { in.Name = "  " }, "name", ""},
		"long name":         {func(in *congtin.QuestionInput, _ *congtin.Submission) { in.Name = strings.Repeat("ă", 101) }, "name", ""},
		"control in title":  {func(in *congtin.QuestionInput, _ *congtin.Submission) { in.Title = "Tiêu đề\x07" }, "title", ""},
		"invalid utf8 body": {func(in *congtin.QuestionInput, _ *congtin.Submission) { in.Body += "\xff\xfe" }, "body", ""},
		"nul in name":       {func(in *congtin.QuestionInput, _ *congtin.Submission) { in.Name = "An\x00" }, "name", ""},
		"short body":        {func(in *congtin.QuestionInput, _ *congtin.Submission) { in.Body = "Xin hỏi?" }, "body", ""},
		"long body": {func(in *congtin.QuestionInput, _ *congtin.Submission) {
			in.Body = strings.Repeat("ơ", congtin.MaxQuestionBody+1)
		}, "body", ""},
		"reused nonce": {func(_ *congtin.QuestionInput, s *congtin.Submission) { s.Nonce = sub.Nonce }, "", congtin.ECONFLICT},
	} {
		t.Run(name, func(t *testing.T) {
			in := storetest.QuestionIn("Câu hỏi lỗi", f.ID)
			sb := storetest.QuestionSub("ip-c")
			c.mod(&in, &sb)
			_, err := a.SubmitQuestion(ctx, site.ID, in, sb)
			if c.field != "" {
				storetest.WantField(t, err, c.field, name)
			} else {
				storetest.WantCode(t, err, c.code, name)
			}
			if n := count(); n != before {
				t.Fatalf("%d questions after a refused one, want %d", n, before)
			}
		})
	}
	// The long body's message says how long it is.
	in := storetest.QuestionIn("Dài", f.ID)
	in.Body = strings.Repeat("ơ", 6000)
	_, err = a.SubmitQuestion(ctx, site.ID, in, storetest.QuestionSub("ip-c"))
	if ve, ok := err.(*congtin.ValidationError); !ok || !strings.Contains(ve.Fields["body"], "5000") || !strings.Contains(ve.Fields["body"], "6000") {
		t.Fatalf("long body: %v", err)
	}
}

// TestQuestionRateLimit: at most Limit questions per sender hash within
// the window, with a message that says so. (That the limit holds when
// questions arrive at once is the store's part, in storetest.)
func TestQuestionRateLimit(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	now := clockStart
	a.SetNow(func() time.Time { return now })
	site := storetest.MustSite(t, a)
	for i := range 3 {
		storetest.MustSubmit(t, a, site.ID, storetest.QuestionIn(fmt.Sprintf("Câu %d", i), 0), storetest.QuestionSub("ip-1"))
		now = now.Add(time.Minute)
	}
	_, err := a.SubmitQuestion(ctx, site.ID, storetest.QuestionIn("Câu 4", 0), storetest.QuestionSub("ip-1"))
	storetest.WantCode(t, err, congtin.ETOOMANY, "a fourth question within 10 minutes")
	if !strings.Contains(congtin.ErrorMessage(err), "3 câu hỏi trong 10 phút") {
		t.Fatalf("message: %q", congtin.ErrorMessage(err))
	}
	storetest.MustSubmit(t, a, site.ID, storetest.QuestionIn("Người khác", 0), storetest.QuestionSub("ip-2"))
	// The first of the three is 10 minutes old 7 minutes on: one more fits.
	now = now.Add(7 * time.Minute)
	storetest.MustSubmit(t, a, site.ID, storetest.QuestionIn("Câu 5", 0), storetest.QuestionSub("ip-1"))
	_, err = a.SubmitQuestion(ctx, site.ID, storetest.QuestionIn("Câu 6", 0), storetest.QuestionSub("ip-1"))
	storetest.WantCode(t, err, congtin.ETOOMANY, "again at the limit")
	if _, n, err := a.FindQuestions(ctx, congtin.QuestionFilter{SiteID: site.ID}); err != nil || n != 5 {
		t.Fatalf("%d questions stored, want the 5 accepted (%v)", n, err)
	}
}

// TestQuestionWorkflowRefused: an answer must be written before it is
// sent or published; the question is the reporter's who took it on, and
// theirs to edit only until it is sent; only an editor publishes or
// declines, once. Refused steps write nothing.
func TestQuestionWorkflowRefused(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	pv := storetest.MustUser(t, a, site.ID, "phongvien", congtin.RoleReporter)
	pv2 := storetest.MustUser(t, a, site.ID, "phongvien2", congtin.RoleReporter)
	ed := storetest.MustUser(t, a, site.ID, "bientap", congtin.RoleEditor)
	q := storetest.MustSubmit(t, a, site.ID, storetest.QuestionIn("Chuyển nhượng đất", 0), storetest.QuestionSub("ip-a"))
	edit := congtin.QuestionEdit{Title: q.Title, Body: q.Body, Answer: ""}

	// Nothing to send yet.
	_, err := a.TransitionQuestion(ctx, pv, site.ID, q.ID, congtin.ActSubmit, "")
	storetest.WantField(t, err, "answer", "sending without an answer")
	_, err = a.TransitionQuestion(ctx, ed, site.ID, q.ID, congtin.ActPublish, "")
	storetest.WantField(t, err, "answer", "publishing without an answer")
	edit.Answer = "<p></p>"
	if _, err := a.UpdateQuestion(ctx, ed, site.ID, q.ID, edit); err != nil {
		t.Fatal(err)
	}
	_, err = a.TransitionQuestion(ctx, ed, site.ID, q.ID, congtin.ActPublish, "")
	storetest.WantField(t, err, "answer", "publishing an empty paragraph")

	// The editor's save above took the question on; a reporter cannot now.
	_, err = a.UpdateQuestion(ctx, pv, site.ID, q.ID, edit)
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "a reporter editing the editor's question")
	if got, err := a.FindQuestionByID(ctx, site.ID, q.ID); err != nil || got.Status != congtin.StatusDraft || got.AnsweredBy != ed.User.ID {
		t.Fatalf("after refused changes: %+v, %v", got, err)
	}
	if ns, err := a.FindNotes(ctx, congtin.Ref{Kind: congtin.KindQuestion, SiteID: site.ID, ID: q.ID}); err != nil || len(ns) != 0 {
		t.Fatalf("refused steps wrote notes: %+v, %v", ns, err)
	}
	if revs, err := a.FindQuestionRevisions(ctx, site.ID, q.ID); err != nil || len(revs) != 2 {
		t.Fatalf("a refused edit wrote a revision: %d, %v", len(revs), err)
	}

	// A reporter takes a fresh question on by saving an answer.
	q2 := storetest.MustSubmit(t, a, site.ID, storetest.QuestionIn("Cấp giấy phép xây dựng", 0), storetest.QuestionSub("ip-b"))
	edit2 := congtin.QuestionEdit{Title: q2.Title, Body: q2.Body, Answer: "<p>Theo Luật Xây dựng, ông/bà nộp hồ sơ tại Bộ phận một cửa.</p>"}
	if _, err := a.UpdateQuestion(ctx, pv, site.ID, q2.ID, edit2); err != nil {
		t.Fatal(err)
	}
	_, err = a.UpdateQuestion(ctx, pv2, site.ID, q2.ID, edit2)
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "another reporter editing it")
	_, err = a.TransitionQuestion(ctx, pv, site.ID, q2.ID, congtin.ActPublish, "")
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "a reporter publishing")
	_, err = a.TransitionQuestion(ctx, pv, site.ID, q2.ID, congtin.ActDecline, "")
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "a reporter declining")
	if _, err := a.TransitionQuestion(ctx, pv, site.ID, q2.ID, congtin.ActSubmit, ""); err != nil {
		t.Fatal(err)
	}
	_, err = a.UpdateQuestion(ctx, pv, site.ID, q2.ID, edit2)
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "a reporter editing while it is reviewed")
	if _, err := a.TransitionQuestion(ctx, ed, site.ID, q2.ID, congtin.ActPublish, ""); err != nil {
		t.Fatal(err)
	}
	_, err = a.TransitionQuestion(ctx, ed, site.ID, q2.ID, congtin.ActPublish, "")
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "publishing twice")
	_, err = a.TransitionQuestion(ctx, ed, site.ID, q2.ID, congtin.ActDecline, "")
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "declining a published question")
	_, err = a.TransitionQuestion(ctx, ed, site.ID, q2.ID, "bogus", "")
	storetest.WantCode(t, err, congtin.EINVALID, "an unknown action")
	ns, err := a.FindNotes(ctx, congtin.Ref{Kind: congtin.KindQuestion, SiteID: site.ID, ID: q2.ID})
	var steps []string
	for _, n := range ns {
		steps = append(steps, n.Action+">"+n.Status)
	}
	if err != nil || strings.Join(steps, " ") != "submit>submitted publish>published" {
		t.Fatalf("notes after refused steps: %v, %v", steps, err)
	}
	if acts := storetest.AuditActions(t, a, congtin.AuditFilter{SiteID: site.ID, ObjectType: "question", ObjectID: q2.ID}); strings.Join(acts, ",") != "question.publish,question.submit,question.edit" {
		t.Fatalf("audit after refused steps: %v", acts)
	}

	// Declining twice.
	q3 := storetest.MustSubmit(t, a, site.ID, storetest.QuestionIn("Quảng cáo", 0), storetest.QuestionSub("ip-c"))
	if _, err := a.TransitionQuestion(ctx, ed, site.ID, q3.ID, congtin.ActDecline, "Thư rác"); err != nil {
		t.Fatal(err)
	}
	_, err = a.TransitionQuestion(ctx, ed, site.ID, q3.ID, congtin.ActDecline, "")
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "declining twice")
	if ns, err := a.FindNotes(ctx, congtin.Ref{Kind: congtin.KindQuestion, SiteID: site.ID, ID: q3.ID}); err != nil || len(ns) != 1 {
		t.Fatalf("a refused decline wrote a note: %+v, %v", ns, err)
	}
}
