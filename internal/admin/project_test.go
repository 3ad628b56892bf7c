package admin_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
)

// projectFields is a valid project form.
func projectFields() url.Values {
	return url.Values{"name": {"Kè chống sạt lở bờ sông Hà Thanh"}, "investor": {"Ban Quản lý dự án nông nghiệp tỉnh"}, "location": {"Phường Quy Nhơn Tây"},
		"investment": {"85,5 tỷ"}, "funding": {congtin.FundCentral}, "start_year": {"2025"}, "end_year": {"2027"}, "progress": {"35"},
		"stage": {congtin.ProjectOngoing}, "description": {"<p>Chiều dài kè 1,8 km.</p>"}}
}

// bidFields is a valid notice form, open at the test clock (2 March 2026).
func bidFields() url.Values {
	return url.Values{"name": {"Gói thầu số 03: Thi công kè"}, "entity": {"Ban Quản lý dự án nông nghiệp tỉnh"}, "method": {congtin.MethodOpen},
		"estimated_price": {"62.400.000.000"}, "opens_at": {"2026-03-01T08:00"}, "closes_at": {"2026-03-20T09:00"}, "summary": {"Thời gian thực hiện 540 ngày."}}
}

// idAfter is the ID at the end of a redirect to prefix/{id}.
func idAfter(t *testing.T, r *resp, prefix string) int64 {
	t.Helper()
	id, err := strconv.ParseInt(strings.TrimPrefix(strings.SplitN(r.header.Get("Location"), "?", 2)[0], prefix), 10, 64)
	if err != nil {
		t.Fatalf("location %q", r.header.Get("Location"))
	}
	return id
}

// TestProjectFormsRefuse: the forms refuse an investment of "abc", a
// negative or ambiguous one, a period ending before it starts, an unknown
// document, a bid closing before it opens and a result while bids are
// taken, each with its field's Vietnamese message, what was typed shown
// again, and nothing saved; valid forms are saved with the amounts read
// the Vietnamese way.
func TestProjectFormsRefuse(t *testing.T) {
	e := newEnv(t)
	ed := e.as("btv")
	for _, tc := range []struct {
		path, field, value, want string
	}{
		{"/admin/du-an/moi", "investment", "abc", "Số tiền “abc” không hợp lệ; hãy ghi ví dụ 12.345.678.000 hoặc 12,35 tỷ."},
		{"/admin/du-an/moi", "investment", "-5.000.000", "Số tiền không được là số âm."},
		{"/admin/du-an/moi", "investment", "12.5", "Số tiền “12.5” có thể hiểu theo hai cách; dấu chấm chỉ ngăn các nhóm ba chữ số (12.345.678.000), phần thập phân ghi sau dấu phẩy (12,35 tỷ)."},
		{"/admin/du-an/moi", "investment", "99.999.999.999.999.999", "Số tiền quá lớn: tối đa 10.000.000.000.000.000 đồng."},
		{"/admin/du-an/moi", "end_year", "2024", "Năm kết thúc không được trước năm bắt đầu."},
		{"/admin/du-an/moi", "progress", "150", "Tiến độ là một số phần trăm từ 0 đến 100."},
		{"/admin/du-an/moi", "funding", "x", "Hãy chọn nguồn vốn trong danh sách."},
		{"/admin/du-an/moi", "documents", "#987654", "Không có văn bản mã 987654 trong cơ sở dữ liệu văn bản; hãy chọn văn bản khác."},
		{"/admin/dau-thau/moi", "closes_at", "2026-02-28T09:00", "Thời điểm đóng thầu phải sau thời điểm mở thầu."},
		{"/admin/dau-thau/moi", "estimated_price", "abc", "Số tiền “abc” không hợp lệ; hãy ghi ví dụ 12.345.678.000 hoặc 12,35 tỷ."},
		{"/admin/dau-thau/moi", "winner", "Công ty A", "Chỉ nhập kết quả lựa chọn nhà thầu sau thời điểm đóng thầu."},
		{"/admin/dau-thau/moi", "project", "#987654", "Không có dự án mã 987654; hãy chọn dự án khác."},
		{"/admin/dau-thau/moi", "project", "dự án", "Hãy ghi mã dự án dạng #12 (xem mã trong danh sách dự án), hoặc để trống."},
	} {
		f := projectFields()
		if strings.HasPrefix(tc.path, "/admin/dau-thau") {
			f = bidFields()
		}
		f.Set(tc.field, tc.value)
		r := ed.post(tc.path, f)
		if r.status != http.StatusBadRequest {
			t.Fatalf("%s=%q: status %d, want 400: %.300s", tc.field, tc.value, r.status, r.body)
		}
		doc := hpParse(t, r.body)
		if !xssHasText(doc, hpClass("span", "field-error"), tc.want) {
			t.Errorf("%s=%q: no field message %q", tc.field, tc.value, tc.want)
		}
		if tc.field != "documents" && tc.field != "funding" && !strings.Contains(r.body, tc.value) {
			t.Errorf("%s=%q: the form lost what was typed", tc.field, tc.value)
		}
	}
	if _, n, _ := e.db.FindProjects(t.Context(), congtin.ProjectFilter{SiteID: e.site.ID}); n != 0 {
		t.Fatalf("refused forms saved %d projects", n)
	}
	if _, n, _ := e.db.FindProcurements(t.Context(), congtin.ProcurementFilter{SiteID: e.site.ID}); n != 0 {
		t.Fatalf("refused forms saved %d notices", n)
	}

	// Valid forms, the document chosen by its number, the notice by the
	// project's #ID.
	d := storetest.MustPublishedDocument(t, e.db, congtin.Actor{User: e.users["btv"], Role: congtin.RoleEditor}, e.site.ID, "15/2026/NQ-HĐND")
	f := projectFields()
	f.Set("documents", "15/2026/NQ-HĐND")
	r := ed.post("/admin/du-an/moi", f)
	if r.status != http.StatusSeeOther {
		t.Fatalf("create project: %d %.300s", r.status, r.body)
	}
	pid := idAfter(t, r, "/admin/du-an/")
	p, err := e.db.FindProjectByID(t.Context(), e.site.ID, pid)
	if err != nil || p.Investment != 85500000000 || len(p.Documents) != 1 || p.Documents[0].ID != d.ID || p.CreatedBy != e.users["btv"].ID {
		t.Fatalf("stored: %+v, %v", p, err)
	}
	if r := ed.get("/admin/du-an/" + strconv.FormatInt(pid, 10)); r.status != 200 || !strings.Contains(r.body, `value="85.500.000.000"`) {
		t.Fatalf("the form shows the amount: %d", r.status)
	}
	f = bidFields()
	f.Set("project", "#"+strconv.FormatInt(pid, 10))
	r = ed.post("/admin/dau-thau/moi", f)
	if r.status != http.StatusSeeOther {
		t.Fatalf("create notice: %d %.300s", r.status, r.body)
	}
	bid := idAfter(t, r, "/admin/dau-thau/")
	if b, err := e.db.FindProcurementByID(t.Context(), e.site.ID, bid); err != nil || b.ProjectID != pid || b.EstimatedPrice != 62400000000 {
		t.Fatalf("stored notice: %+v, %v", b, err)
	}
	// Two saves from forms of version 1: the second is refused with the
	// comparison, the form kept, nothing written.
	f = projectFields()
	f.Set("version", "0")
	f.Set("progress", "50")
	if r := ed.post("/admin/du-an/"+strconv.FormatInt(pid, 10), f); r.status != http.StatusSeeOther {
		t.Fatalf("save: %d %.300s", r.status, r.body)
	}
	f.Set("version", "1")
	f.Set("progress", "60")
	if r := ed.post("/admin/du-an/"+strconv.FormatInt(pid, 10), f); r.status != http.StatusSeeOther {
		t.Fatalf("save: %d %.300s", r.status, r.body)
	}
	f.Set("progress", "70")
	r = ed.post("/admin/du-an/"+strconv.FormatInt(pid, 10), f)
	if r.status != http.StatusConflict || !strings.Contains(r.body, "Bản đang lưu") || !strings.Contains(r.body, `value="70"`) {
		t.Fatalf("stale save: %d %.500s", r.status, r.body)
	}
	if p, _ := e.db.FindProjectByID(t.Context(), e.site.ID, pid); p.Progress != 60 || p.Version != 2 {
		t.Fatalf("after the stale save: %d%%, version %d", p.Progress, p.Version)
	}

	// The lists, the revisions; a reporter may not publish their own.
	for _, path := range []string{"/admin/du-an", "/admin/dau-thau", "/admin/du-an/" + strconv.FormatInt(pid, 10) + "/phien-ban?xem=1",
		"/admin/dau-thau/" + strconv.FormatInt(bid, 10) + "/phien-ban"} {
		if r := ed.get(path); r.status != 200 {
			t.Errorf("%s: %d", path, r.status)
		}
	}
	pv := e.as("pv1")
	r = pv.post("/admin/du-an/moi", projectFields())
	if r.status != http.StatusSeeOther {
		t.Fatalf("reporter creates: %d", r.status)
	}
	own := idAfter(t, r, "/admin/du-an/")
	r = pv.post("/admin/du-an/"+strconv.FormatInt(own, 10)+"/chuyen", url.Values{"action": {congtin.ActPublish}})
	if r.status == http.StatusSeeOther || r.status >= 500 {
		t.Fatalf("reporter publishes: %d", r.status)
	}
	if r := e.as("pv2").get("/admin/du-an/" + strconv.FormatInt(own, 10)); r.status != http.StatusForbidden {
		t.Fatalf("another reporter opens it: %d", r.status)
	}
	r = ed.post("/admin/du-an/"+strconv.FormatInt(own, 10)+"/chuyen", url.Values{"action": {congtin.ActPublish}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("editor publishes: %d %.300s", r.status, r.body)
	}
	if p, _ := e.db.FindProjectByID(t.Context(), e.site.ID, own); p.Status != congtin.StatusPublished {
		t.Fatalf("after publication: %s", p.Status)
	}
}
