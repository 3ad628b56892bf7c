package admin_test

import (
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/docfile/docfiletest"
)

func datasetFields() url.Values {
	return url.Values{"title": {"Dân số các tỉnh"}, "description": {"Dân số trung bình theo tỉnh."}, "keywords": {"dân số, tỉnh"},
		"licence": {"cc-by-4.0"}, "frequency": {"ANNUAL"}, "temporal_start": {"2025-01-01"}, "temporal_end": {"2025-12-31"}}
}

func (e *env) countDatasets() int {
	e.t.Helper()
	_, n, err := e.db.FindDatasets(e.t.Context(), congtin.DatasetFilter{SiteID: e.site.ID})
	if err != nil {
		e.t.Fatal(err)
	}
	return n
}

// TestDatasetForm: a reporter uploads a Windows-1258 CSV and adds an API
// link; the file is sniffed, stored and previewed converted; bad input
// (a javascript: link, a PDF, a day that does not exist, a licence not in
// the list, a period ending before it starts) is refused with the
// field's Vietnamese message and saves nothing; an editor publishes it
// and readers see the preview; the themes are managed with the
// register's lists.
func TestDatasetForm(t *testing.T) {
	e := newEnv(t)
	pv := e.as("pv1")
	csv, err := os.ReadFile("../tabular/testdata/provinces-cp1258.csv")
	if err != nil {
		t.Fatal(err)
	}
	if r := pv.get("/admin/du-lieu-mo/moi"); r.status != 200 || !strings.Contains(r.body, `enctype="multipart/form-data"`) || !strings.Contains(r.body, "Giáo dục") {
		t.Fatalf("new form: %d", r.status)
	}
	for _, tc := range []struct {
		name, field, value string
		files              []attachment
		want               string
	}{
		{"javascript link", "link_url", "javascript:alert(1)", nil, "không nhận địa chỉ dạng “javascript:”"},
		{"ftp link", "link_url", "ftp://example.gov.vn/a.csv", nil, "phải bắt đầu bằng http:// hoặc https://"},
		{"pdf", "", "", []attachment{{"bang.csv", "text/csv", docfiletest.PDF("x")}}, "không phải dữ liệu CSV"},
		{"bad day", "temporal_end", "2025-02-30", nil, "Ngày kết thúc không hợp lệ"},
		{"end before start", "temporal_end", "2024-12-31", nil, "phải từ ngày bắt đầu trở đi"},
		{"licence", "licence", "gpl", nil, "Hãy chọn một giấy phép trong danh sách."},
		{"no title", "title", " ", nil, "Tên tập dữ liệu không được để trống."},
	} {
		f := datasetFields()
		if tc.field != "" {
			f.Set(tc.field, tc.value)
		}
		if tc.field == "link_url" {
			f.Set("link_name", "API")
		}
		body, ctype := documentForm(t, f, tc.files...)
		r := pv.do("POST", "/admin/du-lieu-mo/moi", body, ctype)
		if r.status != http.StatusBadRequest || !strings.Contains(r.body, tc.want) {
			t.Errorf("%s: %d, want 400 with %q: %.400s", tc.name, r.status, tc.want, r.body)
		}
	}
	if n := e.countDatasets(); n != 0 {
		t.Fatalf("refused forms saved %d datasets", n)
	}
	before := len(e.storedFiles())

	f := datasetFields()
	f.Set("link_name", "API tra cứu")
	f.Set("link_url", "https://api.example.gov.vn/dan-so")
	f.Set("link_format", "API")
	f.Add("theme", strconv.FormatInt(e.termByName(congtin.ListThemes, "Dân số - Xã hội"), 10))
	body, ctype := documentForm(t, f, attachment{"dan-so.txt", "application/octet-stream", csv})
	r := pv.do("POST", "/admin/du-lieu-mo/moi", body, ctype)
	if r.status != http.StatusSeeOther {
		t.Fatalf("create: %d %.500s", r.status, r.body)
	}
	ds, _, err := e.db.FindDatasets(t.Context(), congtin.DatasetFilter{SiteID: e.site.ID})
	if err != nil || len(ds) != 1 {
		t.Fatalf("%d datasets, %v", len(ds), err)
	}
	d, err := e.db.FindDatasetByID(t.Context(), e.site.ID, ds[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Resources) != 2 || d.Resources[0].Kind != congtin.FileCSV || d.Resources[0].Preview == nil ||
		d.Resources[0].Preview.Rows[1][1] != "Đắk Lắk" || d.Resources[1].URL != "https://api.example.gov.vn/dan-so" ||
		len(d.Themes) != 1 || d.Status != congtin.StatusDraft {
		t.Fatalf("stored: %+v", d)
	}
	if got := len(e.storedFiles()); got != before+1 {
		t.Fatalf("%d files stored, want %d", got, before+1)
	}
	if r := pv.get("/admin/du-lieu-mo/" + strconv.FormatInt(d.ID, 10) + "/tai-nguyen/" + strconv.FormatInt(d.Resources[0].ID, 10)); r.status != 200 || r.body != string(csv) {
		t.Fatalf("admin download: %d", r.status)
	}
	if r := pv.get("/admin/du-lieu-mo"); r.status != 200 || !strings.Contains(r.body, "Dân số các tỉnh") || !strings.Contains(r.body, "CSV, API") {
		t.Fatalf("list: %d", r.status)
	}
	// Another reporter neither sees nor edits it.
	if r := e.as("pv2").get("/admin/du-lieu-mo/" + strconv.FormatInt(d.ID, 10)); r.status != http.StatusForbidden {
		t.Fatalf("another reporter: %d", r.status)
	}
	// Readers see nothing of a draft; the editor publishes it.
	if r := pv.get(d.Path()); r.status != 404 {
		t.Fatalf("draft public: %d", r.status)
	}
	step := url.Values{"action": {congtin.ActPublish}}
	if r := e.as("btv").post("/admin/du-lieu-mo/"+strconv.FormatInt(d.ID, 10)+"/chuyen", step); r.status != http.StatusSeeOther {
		t.Fatalf("publish: %d %.300s", r.status, r.body)
	}
	page := pv.get(d.Path())
	if page.status != 200 || !strings.Contains(page.body, "<td>Đắk Lắk</td>") || !strings.Contains(page.body, "<td>Thừa Thiên Huế</td>") {
		t.Fatalf("public page: %d", page.status)
	}
	if revs, err := e.db.FindDatasetRevisions(t.Context(), e.site.ID, d.ID); err != nil || len(revs) != 1 {
		t.Fatalf("revisions: %d, %v", len(revs), err)
	}
	if r := pv.get("/admin/du-lieu-mo/" + strconv.FormatInt(d.ID, 10) + "/phien-ban"); r.status != 200 {
		t.Fatalf("revisions page: %d", r.status)
	}

	// Themes: managed by administrators on the lists' page.
	adm := e.as("qtv")
	if r := adm.get("/admin/danh-muc-van-ban"); r.status != 200 || !strings.Contains(r.body, "Chủ đề dữ liệu mở") {
		t.Fatalf("lists page: %d", r.status)
	}
	if r := adm.post("/admin/danh-muc-van-ban", url.Values{"list": {congtin.ListThemes}, "name": {"Chuyển đổi số"}}); r.status != http.StatusSeeOther {
		t.Fatalf("new theme: %d %.300s", r.status, r.body)
	}
	if e.termByName(congtin.ListThemes, "Chuyển đổi số") == 0 {
		t.Fatal("theme not added")
	}
	if r := pv.post("/admin/danh-muc-van-ban", url.Values{"list": {congtin.ListThemes}, "name": {"Khác"}}); r.status != http.StatusForbidden {
		t.Fatalf("a reporter adds a theme: %d", r.status)
	}
}
