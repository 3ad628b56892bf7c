package web_test

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
)

// mustPublishProject publishes a project and a notice of it closing at
// closes.
func (e *env) mustPublishProject(closes time.Time) (*congtin.Project, *congtin.Procurement) {
	e.t.Helper()
	ctx := e.t.Context()
	p, err := e.db.CreateProject(ctx, pollActor, e.site.ID, storetest.ProjectInput())
	if err != nil {
		e.t.Fatal(err)
	}
	in := storetest.ProcurementInput(closes.AddDate(0, 0, -20))
	in.ProjectID = p.ID
	b, err := e.db.CreateProcurement(ctx, pollActor, e.site.ID, in)
	if err != nil {
		e.t.Fatal(err)
	}
	for _, r := range []congtin.Ref{{Kind: congtin.KindProject, SiteID: e.site.ID, ID: p.ID}, {Kind: congtin.KindProcurement, SiteID: e.site.ID, ID: b.ID}} {
		if _, err := e.db.Transition(ctx, pollActor, r, congtin.ActPublish, "", time.Time{}); err != nil {
			e.t.Fatal(err)
		}
	}
	if p, err = e.db.FindProjectByID(ctx, e.site.ID, p.ID); err == nil {
		b, err = e.db.FindProcurementByID(ctx, e.site.ID, b.ID)
	}
	if err != nil {
		e.t.Fatal(err)
	}
	return p, b
}

// TestProjectPages: the lists, pages, print views, feeds, sitemap and API
// show a published project and notice with amounts in Vietnamese; the
// filters work; bad filters and unknown IDs get a Vietnamese 400 or 404,
// never a 500.
func TestProjectPages(t *testing.T) {
	e := newEnv(t)
	p, b := e.mustPublishProject(time.Now().AddDate(0, 0, 10))

	r := e.get("/du-an")
	if r.status != http.StatusOK || !strings.Contains(r.body, p.Name) || !strings.Contains(r.body, "12,35 tỷ đồng") {
		t.Fatalf("/du-an: %d %s", r.status, r.body)
	}
	r = e.get(p.Path())
	if r.status != http.StatusOK || !strings.Contains(r.body, "12.345.678.000 đồng") || !strings.Contains(r.body, b.Name) ||
		!strings.Contains(r.body, "Ngân sách địa phương") || strings.Contains(r.body, "<script>") {
		t.Fatalf("project page: %d %s", r.status, r.body)
	}
	r = e.get(b.Path())
	if r.status != http.StatusOK || !strings.Contains(r.body, "8.500.000.000 đồng") || !strings.Contains(r.body, "Đang mời thầu") ||
		!strings.Contains(r.body, `href="`+p.Path()+`"`) {
		t.Fatalf("procurement page: %d %s", r.status, r.body)
	}
	for path, want := range map[string]string{
		"/du-an?trang-thai=ongoing&nam=2026": p.Name, "/du-an?trang-thai=done": "Không có dự án nào phù hợp.", "/du-an?nam=2030": "Không có dự án nào phù hợp.",
		"/dau-thau?trang-thai=open": b.Name, "/dau-thau?trang-thai=result": "Không có thông báo mời thầu nào phù hợp.",
		"/ban-in/du-an/" + strconv.FormatInt(p.ID, 10): "12.345.678.000 đồng", "/ban-in/dau-thau/" + strconv.FormatInt(b.ID, 10): b.Entity,
		"/rss/du-an": "12.345.678.000 đồng", "/rss/dau-thau": "8.500.000.000 đồng", "/sitemap/du-an.xml": b.Path(), "/sitemap.xml": "/sitemap/du-an.xml",
	} {
		if r := e.get(path); r.status != http.StatusOK || !strings.Contains(r.body, want) {
			t.Errorf("%s: %d, want %q in %s", path, r.status, want, r.body)
		}
	}

	// Bad filters and unknown IDs: a message in Vietnamese, no 500.
	for path, want := range map[string]struct {
		status int
		msg    string
	}{
		"/du-an?nam=abc":                       {400, "Năm không hợp lệ"},
		"/du-an?nam=99999":                     {400, "Năm không hợp lệ"},
		"/du-an?trang-thai=x":                  {400, "Trạng thái không hợp lệ"},
		"/dau-thau?nam=-1":                     {400, "Năm không hợp lệ"},
		"/dau-thau?trang-thai=%FF":             {400, "Trạng thái không hợp lệ"},
		"/du-an?trang=0":                       {400, "Số trang không hợp lệ"},
		"/du-an/khong-co-999999":               {404, "Không tìm thấy dự án."},
		"/dau-thau/999999":                     {404, "Không tìm thấy thông báo mời thầu."},
		"/dau-thau/abc":                        {404, "Không tìm thấy thông báo mời thầu."},
		"/ban-in/du-an/abc":                    {404, "Không tìm thấy dự án."},
		"/api/v1/du-an?nam=abc":                {400, "Năm không hợp lệ"},
		"/api/v1/dau-thau?trang-thai=x":        {400, "Trạng thái không hợp lệ"},
		"/api/v1/du-an/999999":                 {404, "Không tìm thấy dự án."},
		"/api/v1/dau-thau/9223372036854775808": {404, "Không tìm thấy thông báo mời thầu."},
	} {
		if r := e.get(path); r.status != want.status || !strings.Contains(r.body, want.msg) {
			t.Errorf("%s: %d, want %d with %q: %s", path, r.status, want.status, want.msg, r.body)
		}
	}

	// The API.
	var list struct {
		Total   int `json:"total"`
		Results []struct {
			ID             int64  `json:"id"`
			Investment     int64  `json:"investment"`
			InvestmentText string `json:"investment_text"`
			Stage          string `json:"stage"`
		} `json:"results"`
	}
	if r := e.get("/api/v1/du-an?trang-thai=ongoing"); r.status != 200 || json.Unmarshal([]byte(r.body), &list) != nil || list.Total != 1 ||
		list.Results[0].Investment != 12345678000 || list.Results[0].InvestmentText != "12.345.678.000 đồng" {
		t.Fatalf("projects API: %d %s", r.status, r.body)
	}
	var one struct {
		Status  string `json:"status"`
		Project struct {
			ID int64 `json:"id"`
		} `json:"project"`
		EstimatedPrice int64 `json:"estimated_price"`
	}
	if r := e.get("/api/v1/dau-thau/" + strconv.FormatInt(b.ID, 10)); r.status != 200 || json.Unmarshal([]byte(r.body), &one) != nil ||
		one.Status != congtin.BidOpen || one.Project.ID != p.ID || one.EstimatedPrice != 8500000000 {
		t.Fatalf("procurement API: %d %s", r.status, r.body)
	}
	if r := e.get("/api/v1/du-an/" + strconv.FormatInt(p.ID, 10)); r.status != 200 || !strings.Contains(r.body, `"procurements":[{"id":`+strconv.FormatInt(b.ID, 10)) {
		t.Fatalf("project API: %d %s", r.status, r.body)
	}

	// Taken down: gone from the lists, 410 on its page.
	if _, err := e.db.Transition(t.Context(), pollActor, congtin.Ref{Kind: congtin.KindProject, SiteID: e.site.ID, ID: p.ID}, congtin.ActUnpublish, "", time.Time{}); err != nil {
		t.Fatal(err)
	}
	if r := e.get(p.Path()); r.status != http.StatusGone {
		t.Fatalf("taken down: %d", r.status)
	}
	if r := e.get("/du-an"); strings.Contains(r.body, p.Name) {
		t.Fatal("a project taken down is listed")
	}
}
