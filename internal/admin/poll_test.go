package admin_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
)

// pollForm is the back office's poll form with the options in order.
func pollForm(question, opens, closes string, options ...string) url.Values {
	v := url.Values{"question": {question}, "multiple": {"0"}, "opens_at": {opens}, "closes_at": {closes}}
	for i, o := range options {
		v.Add("option_id", "0")
		v.Add("option_pos", strconv.Itoa(i+1))
		v.Add("option_label", o)
	}
	return v
}

// polls counts the site's polls.
func (e *env) polls() int {
	e.t.Helper()
	_, n, err := e.db.FindPolls(e.t.Context(), congtin.PollFilter{SiteID: e.site.ID})
	if err != nil {
		e.t.Fatal(err)
	}
	return n
}

// TestPollAdmin: editors run polls from the back office (reporters may
// not); a bad poll is refused in Vietnamese with what was typed and
// nothing saved; after votes, options stay; closing early, deleting, the
// CSV export and the audit log.
func TestPollAdmin(t *testing.T) {
	e := newEnv(t)
	pv, btv := e.as("pv1"), e.as("btv")
	const opens, closes = "2026-03-02T08:00", "2026-03-09T08:00"
	wantStatus(t, pv.get("/admin/tham-do"), http.StatusForbidden, "a reporter's list")
	wantStatus(t, pv.post("/admin/tham-do/moi", pollForm("Câu hỏi", opens, closes, "A", "B")), http.StatusForbidden, "a reporter's poll")
	if e.polls() != 0 {
		t.Fatal("a reporter created a poll")
	}

	// Bad polls: each refused with a message, the form kept, nothing saved.
	many := make([]string, 21)
	for i := range many {
		many[i] = fmt.Sprintf("Phương án %d", i+1)
	}
	bad := []struct {
		name string
		form url.Values
		msg  string
	}{
		{"one option", pollForm("Câu hỏi một", opens, closes, "Chỉ một"), "từ 2 đến 20 phương án"},
		{"21 options", pollForm("Câu hỏi nhiều", opens, closes, many...), "từ 2 đến 20 phương án"},
		{"an empty option", func() url.Values {
			v := pollForm("Câu hỏi trống", opens, closes, "A", "B")
			v["option_label"][0] = ""
			v["option_id"][0] = "999"
			return v
		}(), ""},
		{"duplicate options", pollForm("Câu hỏi trùng", opens, closes, "Đồng ý", "đồng ý"), "bị trùng"},
		{"closing before it opens", pollForm("Câu hỏi ngược", closes, opens, "A", "B"), "phải sau thời điểm bắt đầu"},
		{"no question", pollForm("", opens, closes, "A", "B"), "Câu hỏi không được để trống"},
		{"a bad time", pollForm("Câu hỏi giờ", "ngày mai", closes, "A", "B"), "không đúng dạng"},
		{"multiple without a maximum", func() url.Values {
			v := pollForm("Câu hỏi nhiều chọn", opens, closes, "A", "B", "C")
			v.Set("multiple", "1")
			v.Set("max_choices", "9")
			return v
		}(), "tối đa phải từ 2"},
	}
	for _, b := range bad {
		r := btv.post("/admin/tham-do/moi", b.form)
		if b.name == "an empty option" {
			// An existing option's ID on a new poll: the new poll has
			// only new options, and the row left empty is not one; one
			// option remains.
			b.msg = "từ 2 đến 20 phương án"
		}
		wantStatus(t, r, http.StatusBadRequest, b.name)
		wantText(t, r, b.msg, b.name)
		if q := b.form.Get("question"); q != "" {
			wantText(t, r, q, b.name+": the question typed")
		}
	}
	if e.polls() != 0 {
		t.Fatal("a refused poll was saved")
	}

	// A poll with HTML in it, created, shown as text.
	r := btv.post("/admin/tham-do/moi", pollForm("<script>alert(1)</script> Ý kiến?", opens, closes, "<b>Có</b>", "Không", "Chưa rõ"))
	wantStatus(t, r, http.StatusSeeOther, "create")
	flashed := r.header.Get("Location")
	loc, _, _ := strings.Cut(flashed, "?")
	id, err := strconv.ParseInt(strings.TrimPrefix(loc, "/admin/tham-do/"), 10, 64)
	if err != nil {
		t.Fatalf("redirect to %q", flashed)
	}
	r = btv.get(flashed)
	wantStatus(t, r, http.StatusOK, "edit page")
	if strings.Contains(r.body, "<script>alert(1)") || strings.Contains(r.body, "<b>Có</b>") {
		t.Fatal("the poll's text is not escaped")
	}
	wantText(t, r, "Đã tạo cuộc thăm dò.", "flash")
	p, err := e.db.FindPollByID(t.Context(), e.site.ID, id)
	if err != nil || len(p.Options) != 3 {
		t.Fatalf("created: %+v, %v", p, err)
	}
	for range 3 {
		if _, err := e.db.Vote(t.Context(), e.site.ID, id, []int64{p.Options[1].ID}, storetest.BallotFrom("ip-admin")); err != nil {
			t.Fatal(err)
		}
	}
	// After votes: removing an option is refused and says why; a reorder
	// and a new option are saved with the counts kept.
	edit := func(rows ...[3]string) url.Values {
		v := url.Values{"question": {p.Question}, "multiple": {"0"}, "opens_at": {opens}, "closes_at": {closes}}
		for _, row := range rows {
			v.Add("option_id", row[0])
			v.Add("option_pos", row[1])
			v.Add("option_label", row[2])
		}
		return v
	}
	o := func(i int) string { return strconv.FormatInt(p.Options[i].ID, 10) }
	r = btv.post(loc, edit([3]string{o(0), "1", "<b>Có</b>"}, [3]string{o(1), "2", "Không"}))
	wantStatus(t, r, http.StatusBadRequest, "removing an option after votes")
	wantText(t, r, "không xóa được phương án “Chưa rõ”", "removing an option after votes")
	r = btv.post(loc, edit([3]string{o(0), "1", "<b>Có</b>"}, [3]string{o(1), "2", "Không đồng ý"}, [3]string{o(2), "3", "Chưa rõ"}))
	wantStatus(t, r, http.StatusBadRequest, "rewording an option after votes")
	r = btv.post(loc, edit([3]string{o(0), "3", "<b>Có</b>"}, [3]string{o(1), "1", "Không"}, [3]string{o(2), "2", "Chưa rõ"}, [3]string{"0", "4", "Ý kiến khác"}))
	wantStatus(t, r, http.StatusSeeOther, "reorder and add after votes")
	p, _ = e.db.FindPollByID(t.Context(), e.site.ID, id)
	if len(p.Options) != 4 || p.Options[0].Label != "Không" || p.Options[0].Votes != 3 || p.Options[3].Label != "Ý kiến khác" {
		t.Fatalf("after the edit: %+v", p.Options)
	}

	// The CSV: a BOM, the question, one row per option.
	r = btv.get(loc + "/ket-qua.csv")
	wantStatus(t, r, http.StatusOK, "csv")
	if !strings.HasPrefix(r.body, "\uFEFF") || !strings.Contains(r.body, "1,Không,3,\"100,0%\"\r\n") || !strings.Contains(r.body, "<script>alert(1)</script> Ý kiến?") {
		t.Fatalf("csv:\n%s", r.body)
	}
	wantStatus(t, pv.get(loc+"/ket-qua.csv"), http.StatusForbidden, "a reporter's csv")

	// Deleting a poll with votes is refused; closing it early ends it.
	wantStatus(t, btv.post(loc+"/xoa", nil), http.StatusBadRequest, "delete with votes")
	if e.polls() != 1 {
		t.Fatal("a poll with votes was deleted")
	}
	wantStatus(t, btv.post(loc+"/ket-thuc", nil), http.StatusSeeOther, "close")
	p, _ = e.db.FindPollByID(t.Context(), e.site.ID, id)
	if p.State(e.clock.Now()) != congtin.PollClosed {
		t.Fatalf("closed early: %v", p.ClosesAt)
	}
	wantStatus(t, btv.post(loc+"/ket-thuc", nil), http.StatusBadRequest, "close twice")

	// A poll without votes deletes; a cross-site POST changes nothing.
	r = btv.post("/admin/tham-do/moi", pollForm("Xóa được", opens, closes, "A", "B"))
	wantStatus(t, r, http.StatusSeeOther, "create another")
	other, _, _ := strings.Cut(r.header.Get("Location"), "?")
	btv.hdr.Set("Sec-Fetch-Site", "cross-site")
	wantStatus(t, btv.post(other+"/xoa", nil), http.StatusForbidden, "a cross-site delete")
	btv.hdr.Del("Sec-Fetch-Site")
	wantStatus(t, btv.post(other+"/xoa", nil), http.StatusSeeOther, "delete")
	if e.polls() != 1 {
		t.Fatal("the poll without votes was not deleted")
	}
	r = btv.get("/admin/tham-do")
	wantStatus(t, r, http.StatusOK, "list")
	wantText(t, r, "Đã kết thúc", "list")
	acts := storetest.AuditActions(t, e.db, congtin.AuditFilter{SiteID: e.site.ID, Action: "poll"})
	if want := "[poll.delete poll.create poll.close poll.update poll.create]"; fmt.Sprint(acts) != want {
		t.Errorf("audit %v, want %s", acts, want)
	}
}
