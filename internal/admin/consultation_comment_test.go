package admin_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
)

// TestCommentModeration: an editor's queue shows a comment with its
// private contact; hiding it without a reason is refused beside the
// comment with what was typed kept, and changes nothing; with a reason it
// is hidden and the reason is in the audit log; a stale form is refused;
// a reporter sees neither the queue nor the exports; the exports answer
// with a Word file and a CSV with a BOM; the report is refused before the
// close and published after it.
func TestCommentModeration(t *testing.T) {
	e := newEnv(t)
	ed := congtin.Actor{User: e.users["btv"], Role: congtin.RoleEditor}
	in := storetest.ConsultationInput(e.clock.Now().Add(-time.Hour))
	k, err := e.db.CreateConsultation(t.Context(), ed, e.site.ID, in)
	if err == nil {
		k, err = e.db.TransitionConsultation(t.Context(), ed, e.site.ID, k.ID, congtin.ActPublish, "")
	}
	if err != nil {
		t.Fatal(err)
	}
	m, err := e.db.SubmitComment(t.Context(), e.site.ID, k.ID, storetest.CommentIn("Đề nghị sửa Điều 4 cho rõ.", 4), storetest.QuestionSub("ip-x"))
	if err != nil {
		t.Fatal(err)
	}
	base := "/admin/lay-y-kien/" + strconv.FormatInt(k.ID, 10)
	btv := e.as("btv")
	r := btv.get(base + "/y-kien")
	if r.status != 200 || !strings.Contains(r.body, "hoa@example.vn") || !strings.Contains(r.body, "Đề nghị sửa Điều 4 cho rõ.") {
		t.Fatalf("queue: %d", r.status)
	}
	action := base + "/y-kien/" + strconv.FormatInt(m.ID, 10)
	form := url.Values{"status": {"hidden"}, "reason": {""}, "article": {"4"}, "answer": {"Ghi nhận <b>ý kiến</b>"}, "version": {strconv.FormatInt(m.Version, 10)}}
	r = btv.post(action, form)
	if r.status != http.StatusBadRequest || !strings.Contains(r.body, "Hãy ghi lý do không công bố") || !strings.Contains(r.body, "Ghi nhận &lt;b&gt;ý kiến&lt;/b&gt;") {
		t.Fatalf("hidden without a reason: %d", r.status)
	}
	if got, _ := e.db.FindCommentByID(t.Context(), e.site.ID, m.ID); got.Status != congtin.CommentPending || got.Answer != "" {
		t.Fatalf("a refused decision changed the comment: %+v", got)
	}
	form.Set("article", "Điều bốn")
	if r = btv.post(action, form); r.status != http.StatusBadRequest || !strings.Contains(r.body, "Số điều phải là một số") {
		t.Fatalf("a bad article: %d", r.status)
	}
	form.Set("article", "4")
	form.Set("reason", "Trùng với ý kiến đã gửi")
	if r = btv.post(action, form); r.status != http.StatusSeeOther {
		t.Fatalf("hide: %d %.300s", r.status, r.body)
	}
	entries, _, err := e.db.FindAudit(t.Context(), congtin.AuditFilter{SiteID: e.site.ID, Action: "comment.hide"})
	if err != nil || len(entries) != 1 || !strings.Contains(entries[0].Detail, "Trùng với ý kiến đã gửi") {
		t.Fatalf("audit: %+v %v", entries, err)
	}
	// The same form again, loaded before that save: refused.
	if r = btv.post(action, form); r.status != http.StatusBadRequest || !strings.Contains(r.body, "vừa được người khác lưu") {
		t.Fatalf("a stale form: %d", r.status)
	}
	// A reporter: no queue, no export, no moderation.
	pv := e.as("pv1")
	for _, p := range []string{base + "/y-kien", base + "/y-kien.docx", base + "/y-kien.csv", base + "/bao-cao"} {
		if r := pv.get(p); r.status != http.StatusForbidden {
			t.Errorf("a reporter GET %s: %d", p, r.status)
		}
	}
	if r := pv.post(action, form); r.status != http.StatusForbidden {
		t.Errorf("a reporter moderates: %d", r.status)
	}
	// The exports.
	if r := btv.get(base + "/y-kien.docx"); r.status != 200 || !strings.HasPrefix(r.body, "PK") ||
		r.header.Get("Content-Type") != congtin.FileContentType(congtin.FileDOCX) {
		t.Errorf("docx: %d %s", r.status, r.header.Get("Content-Type"))
	}
	if r := btv.get(base + "/y-kien.csv"); r.status != 200 || !strings.HasPrefix(r.body, "\ufeff") || !strings.Contains(r.body, "Trùng") && !strings.Contains(r.body, "Điều 4") {
		t.Errorf("csv: %d %.200q", r.status, r.body)
	}
	// The report: refused while open, published after the close.
	rep := url.Values{"report": {"<p>Báo cáo tiếp thu</p>"}, "version": {strconv.FormatInt(k.Version, 10)}}
	if r := btv.post(base+"/bao-cao", rep); r.status != http.StatusBadRequest || !strings.Contains(r.body, "sau khi hết thời gian lấy ý kiến") {
		t.Fatalf("report while open: %d", r.status)
	}
	e.clock.Add(31 * 24 * time.Hour)
	btv = e.as("btv") // the session of a month ago has ended
	if r := btv.post(base+"/bao-cao", rep); r.status != http.StatusSeeOther || !strings.Contains(r.header.Get("Location"), "ok=") {
		t.Fatalf("report: %d %.300s", r.status, r.body)
	}
	if got, _ := e.db.FindConsultationByID(t.Context(), e.site.ID, k.ID); got.Report != "<p>Báo cáo tiếp thu</p>" || got.ReportAt.IsZero() {
		t.Fatalf("report stored: %+v", got)
	}
}
