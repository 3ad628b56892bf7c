package storetest

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// CommentIn returns a valid comment on the article n of a draft.
func CommentIn(body string, article int) congtin.CommentInput {
	return congtin.CommentInput{Name: "Nguyễn Thị Hoa", Organization: "Hội Nông dân xã An Phú", Email: "hoa@example.vn",
		Article: article, Body: body}
}

// openConsultation publishes a consultation open from the clock's now for
// 30 days.
func openConsultation(t *testing.T, s congtin.Service, c *clock, siteID int64, ed congtin.Actor) *congtin.Consultation {
	t.Helper()
	ctx := context.Background()
	k, err := s.CreateConsultation(ctx, ed, siteID, ConsultationInput(c.Now()))
	if err != nil {
		t.Fatal(err)
	}
	if k, err = s.TransitionConsultation(ctx, ed, siteID, k.ID, congtin.ActPublish, ""); err != nil {
		t.Fatal(err)
	}
	return k
}

// testComments: a comment is taken only while the consultation is public
// and open; its fields round-trip and its code finds it; a form sends one
// comment; moderation publishes, hides with the reason in the audit log,
// answers, under the version check and the editors' permission; the lists
// order by article; the report is taken only after the close; the purge
// blanks the private contact; one sender's flood stops at the limit
// however concurrent.
func testComments(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	c := mustClock(t, s, clockStart)
	site := MustSite(t, s)
	other := MustCreateSite(t, s, "xa-an-phu.example.vn", "Xã An Phú")
	rep := MustUser(t, s, site.ID, "phongvien", congtin.RoleReporter)
	ed := MustUser(t, s, site.ID, "bientap", congtin.RoleEditor)
	k := openConsultation(t, s, c, site.ID, ed)

	// Not yet published, or another site's: not found.
	draft, err := s.CreateConsultation(ctx, ed, site.ID, ConsultationInput(c.Now()))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SubmitComment(ctx, site.ID, draft.ID, CommentIn("Góp ý cho bản nháp chưa công bố", 1), QuestionSub("ip-a")); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("comment on a draft: %v", err)
	}
	if _, err := s.SubmitComment(ctx, other.ID, k.ID, CommentIn("Góp ý gửi nhầm cổng thông tin", 1), QuestionSub("ip-a")); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("comment through another site: %v", err)
	}
	// Bad input changes nothing.
	long := strings.Repeat("ý", congtin.MaxCommentBody+1)
	if _, err := s.SubmitComment(ctx, site.ID, k.ID, CommentIn(long, 2), QuestionSub("ip-a")); congtin.ErrorCode(err) != congtin.EINVALID {
		t.Fatalf("10,001 characters: %v", err)
	}
	bad := CommentIn("Góp ý có tệp không hợp lệ", 2)
	bad.File = &congtin.DocumentFileInput{Name: "virus.pdf", Kind: "exe", Size: 10, Hash: "ab"}
	if _, err := s.SubmitComment(ctx, site.ID, k.ID, bad, QuestionSub("ip-a")); congtin.ErrorCode(err) != congtin.EINVALID {
		t.Fatalf("a file that is no PDF or DOCX: %v", err)
	}

	in := CommentIn("Đề nghị bổ sung <b>mức hỗ trợ</b> cho hộ nghèo\nvà hộ cận nghèo.", 2)
	in.Phone = "0912 345 678"
	in.File = &congtin.DocumentFileInput{Name: "gop-y.pdf", Kind: congtin.FilePDF, Size: 1234, Hash: strings.Repeat("ab", 32)}
	sub := QuestionSub("ip-a")
	m, err := s.SubmitComment(ctx, site.ID, k.ID, in, sub)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.FindCommentByCode(ctx, site.ID, sub.CodeHash)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != m.ID || got.ConsultationID != k.ID || got.Name != in.Name || got.Organization != in.Organization || got.Email != in.Email ||
		got.Phone != in.Phone || got.Article != 2 || got.Body != in.Body || got.FileName != "gop-y.pdf" || got.FileKind != congtin.FilePDF ||
		got.FileSize != 1234 || got.FileHash != in.File.Hash || got.Status != congtin.CommentPending || got.IPHash != "ip-a" || got.Purged {
		t.Fatalf("round trip: %+v", got)
	}
	if _, err := s.FindCommentByCode(ctx, other.ID, sub.CodeHash); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("code through another site: %v", err)
	}
	if _, err := s.FindCommentByID(ctx, other.ID, m.ID); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("ID through another site: %v", err)
	}
	// The same form again: refused.
	replay := QuestionSub("ip-b")
	replay.Nonce = sub.Nonce
	if _, err := s.SubmitComment(ctx, site.ID, k.ID, CommentIn("Gửi lại cùng biểu mẫu lần nữa", 0), replay); congtin.ErrorCode(err) != congtin.ECONFLICT {
		t.Fatalf("replayed form: %v", err)
	}
	c.Add(time.Minute)
	general, err := s.SubmitComment(ctx, site.ID, k.ID, CommentIn("Nhất trí với toàn bộ dự thảo.", 0), QuestionSub("ip-b"))
	if err != nil {
		t.Fatal(err)
	}
	c.Add(time.Minute)
	tenth, err := s.SubmitComment(ctx, site.ID, k.ID, CommentIn("Điều 10 cần nêu rõ thời hạn.", 10), QuestionSub("ip-c"))
	if err != nil {
		t.Fatal(err)
	}

	// Listed by article, the whole draft first, 2 before 10.
	list, n, err := s.FindComments(ctx, congtin.CommentFilter{SiteID: site.ID, ConsultationID: k.ID})
	if err != nil || n != 3 || len(list) != 3 || list[0].ID != general.ID || list[1].ID != m.ID || list[2].ID != tenth.ID {
		t.Fatalf("comments by article: %d %v %v", n, commentIDs(list), err)
	}
	if counts, err := s.CountComments(ctx, site.ID, k.ID); err != nil || counts != (congtin.CommentCounts{Pending: 3}) {
		t.Fatalf("counts %+v %v", counts, err)
	}

	// Moderation: reporters may not; editors publish, hide with a
	// reason, answer.
	if _, err := s.ModerateComment(ctx, rep, site.ID, m.ID, congtin.CommentModeration{Status: congtin.CommentPublished, Article: 2, Version: 1}); congtin.ErrorCode(err) != congtin.EFORBIDDEN {
		t.Fatalf("a reporter publishes a comment: %v", err)
	}
	if _, err := s.ModerateComment(ctx, ed, site.ID, tenth.ID, congtin.CommentModeration{Status: congtin.CommentHidden, Article: 10}); congtin.ErrorCode(err) != congtin.EINVALID {
		t.Fatalf("hidden without a reason: %v", err)
	}
	pub, err := s.ModerateComment(ctx, ed, site.ID, m.ID, congtin.CommentModeration{Status: congtin.CommentPublished, Article: 2,
		Answer: "Tiếp thu: bổ sung hộ cận nghèo vào khoản 2 Điều 2.", Version: 1})
	if err != nil {
		t.Fatal(err)
	}
	if pub.Status != congtin.CommentPublished || pub.Answer == "" || pub.AnsweredBy != ed.User.ID || pub.AnsweredName == "" ||
		!pub.AnsweredAt.Equal(c.Now()) || pub.Version != 2 {
		t.Fatalf("published: %+v", pub)
	}
	// A form loaded before that change is refused.
	if _, err := s.ModerateComment(ctx, ed, site.ID, m.ID, congtin.CommentModeration{Status: congtin.CommentHidden, Reason: "x", Article: 2, Version: 1}); congtin.ErrorCode(err) != congtin.ECONFLICT {
		t.Fatalf("a stale moderation: %v", err)
	}
	if _, err := s.ModerateComment(ctx, ed, site.ID, tenth.ID, congtin.CommentModeration{Status: congtin.CommentHidden, Article: 10,
		Reason: "Nội dung trùng lặp"}); err != nil {
		t.Fatal(err)
	}
	entries, _, err := s.FindAudit(ctx, congtin.AuditFilter{SiteID: site.ID, Action: "comment.hide"})
	if err != nil || len(entries) != 1 || !strings.Contains(entries[0].Detail, "Nội dung trùng lặp") || entries[0].ObjectID != tenth.ID {
		t.Fatalf("the reason in the audit log: %+v %v", entries, err)
	}
	published, n, err := s.FindComments(ctx, congtin.CommentFilter{SiteID: site.ID, ConsultationID: k.ID, Status: congtin.CommentPublished})
	if err != nil || n != 1 || published[0].ID != m.ID {
		t.Fatalf("published comments: %v %v", commentIDs(published), err)
	}

	// No report while open; after the close no comment, a report.
	if _, err := s.PublishReport(ctx, ed, site.ID, k.ID, congtin.ConsultationReport{HTML: "<p>Báo cáo</p>", Version: k.Version}); congtin.ErrorCode(err) != congtin.EINVALID {
		t.Fatalf("a report while open: %v", err)
	}
	c.Set(k.ClosesAt)
	if _, err := s.SubmitComment(ctx, site.ID, k.ID, CommentIn("Góp ý gửi đúng lúc hết hạn", 1), QuestionSub("ip-d")); congtin.ErrorCode(err) != congtin.ECONFLICT ||
		!strings.Contains(congtin.ErrorMessage(err), "Đã hết thời gian lấy ý kiến") {
		t.Fatalf("a comment at the close: %v", err)
	}
	if _, err := s.PublishReport(ctx, rep, site.ID, k.ID, congtin.ConsultationReport{HTML: "<p>Báo cáo</p>", Version: k.Version}); congtin.ErrorCode(err) != congtin.EFORBIDDEN {
		t.Fatalf("a reporter's report: %v", err)
	}
	file := &congtin.DocumentFileInput{Name: "bao-cao.pdf", Kind: congtin.FilePDF, Size: 99, Hash: strings.Repeat("cd", 32)}
	rk, err := s.PublishReport(ctx, ed, site.ID, k.ID, congtin.ConsultationReport{HTML: `<p>Đã tiếp thu 1 ý kiến.</p><script>x()</script>`, File: file, Version: k.Version})
	if err != nil {
		t.Fatal(err)
	}
	if rk.Report != "<p>Đã tiếp thu 1 ý kiến.</p>" || !rk.ReportAt.Equal(c.Now()) || rk.ReportFile == nil || rk.ReportFile.Hash != file.Hash ||
		rk.ReportFile.Name != "bao-cao.pdf" || rk.Phase(c.Now()) != congtin.ConsultResult {
		t.Fatalf("report: %+v %+v", rk, rk.ReportFile)
	}
	results, _, err := s.FindConsultations(ctx, congtin.ConsultationFilter{SiteID: site.ID, Public: true, Phase: congtin.ConsultResult, Now: c.Now()})
	if err != nil || len(results) != 1 || results[0].ID != k.ID {
		t.Fatalf("the report makes a result: %v", err)
	}
	// The stored file is an attachment the media check keeps.
	refs, err := s.FindFileRefs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var keep []string
	for _, a := range refs.Attachments {
		keep = append(keep, a.Hash)
	}
	if !strings.Contains(strings.Join(keep, " "), file.Hash) || !strings.Contains(strings.Join(keep, " "), in.File.Hash) {
		t.Fatalf("the report's and the comment's files are not referenced: %v", keep)
	}

	// The purge blanks the contact, keeps a published comment's name and
	// blanks the others'.
	nPurged, err := s.PurgeCommentData(ctx, c.Now().Add(time.Second))
	if err != nil || nPurged != 3 {
		t.Fatalf("purged %d, %v", nPurged, err)
	}
	after, _ := s.FindCommentByID(ctx, site.ID, m.ID)
	hidden, _ := s.FindCommentByID(ctx, site.ID, tenth.ID)
	if !after.Purged || after.Email != "" || after.Phone != "" || after.IPHash != "" || after.Name != in.Name || after.Body != in.Body ||
		hidden.Name != "" || !hidden.Purged {
		t.Fatalf("purged: %+v / %+v", after, hidden)
	}
	if n, err := s.PurgeCommentData(ctx, c.Now().Add(time.Second)); err != nil || n != 0 {
		t.Fatalf("second purge: %d %v", n, err)
	}

	// Twenty at once from one new sender: exactly three get in.
	c.Set(clockStart)
	k2 := openConsultation(t, s, c, site.ID, ed)
	var wg sync.WaitGroup
	errs := make([]error, 20)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = s.SubmitComment(ctx, site.ID, k2.ID, CommentIn(fmt.Sprintf("Góp ý dồn dập số %d", i), 1), QuestionSub("ip-flood"))
		}()
	}
	wg.Wait()
	accepted := 0
	for _, err := range errs {
		switch congtin.ErrorCode(err) {
		case "":
			accepted++
		case congtin.ETOOMANY:
		default:
			t.Fatalf("concurrent comment: %v", err)
		}
	}
	if counts, err := s.CountComments(ctx, site.ID, k2.ID); accepted != 3 || err != nil || counts.Total() != 3 {
		t.Fatalf("concurrent flood: %d accepted, %+v stored (%v), want 3", accepted, counts, err)
	}
}

func commentIDs(cs []*congtin.ConsultationComment) []int64 {
	out := make([]int64, len(cs))
	for i, c := range cs {
		out[i] = c.ID
	}
	return out
}
