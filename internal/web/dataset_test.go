package web_test

import (
	"bytes"
	"context"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/blob"
	"github.com/congtin/congtin/internal/docfile"
	"github.com/congtin/congtin/internal/tabular"
	"golang.org/x/net/html"
)

// mustDataset stores a dataset with the Windows-1258 table of the
// tabular package's fixtures as a resource, previewed and kept as an
// upload is, and an API link; published when publish.
func mustDataset(t *testing.T, e *env, files docfile.Store, title string, publish bool) *congtin.Dataset {
	t.Helper()
	ctx := context.Background()
	raw, err := os.ReadFile("../tabular/testdata/provinces-cp1258.csv")
	if err != nil {
		t.Fatal(err)
	}
	up, err := docfile.ReceiveAs(t.TempDir(), "tinh.csv", bytes.NewReader(raw), 1<<20, tabular.Sniff)
	if err != nil {
		t.Fatal(err)
	}
	defer up.Close()
	preview, err := tabular.Preview(up.ReaderAt(), up.Size, up.Kind)
	if err != nil {
		t.Fatal(err)
	}
	if err := up.Save(ctx, files); err != nil {
		t.Fatal(err)
	}
	sys := congtin.SystemActor("test")
	unit, err := e.db.CreateUnit(ctx, sys, e.site.ID, congtin.UnitInput{Name: "Cục Thống kê tỉnh"})
	if err != nil {
		t.Fatal(err)
	}
	themes, err := e.db.FindDocumentTerms(ctx, e.site.ID, congtin.ListThemes)
	if err != nil {
		t.Fatal(err)
	}
	d, err := e.db.CreateDataset(ctx, sys, e.site.ID, congtin.DatasetInput{Title: title, Description: "Dân số các tỉnh.\n\nNguồn: điều tra.",
		PublisherID: unit.ID, ThemeIDs: []int64{themes[4].ID}, Keywords: "dân số, tỉnh", Frequency: "ANNUAL",
		AddResources: []congtin.ResourceInput{
			{Name: "Dân số theo tỉnh", Kind: up.Kind, Size: up.Size, Hash: up.Hash, FileName: up.Name, Preview: preview},
			{Name: "API tra cứu", Format: congtin.FormatAPI, URL: "https://api.example.gov.vn/dan-so?tinh=1"},
		}})
	if err != nil {
		t.Fatal(err)
	}
	if publish {
		if d, err = e.db.TransitionDataset(ctx, sys, e.site.ID, d.ID, congtin.ActPublish, ""); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

// The catalogue lists the published datasets with facets that combine
// with the search; a dataset's page shows its metadata, its resources,
// the preview of a Windows-1258 table converted as an accessible table,
// and a curl example; the file downloads as it was uploaded; a draft and
// bad parameters answer with the reader's messages, never a 500.
func TestDatasetPages(t *testing.T) {
	e := newEnv(t)
	files := docfile.Files{Blobs: blob.Dir{Path: t.TempDir()}}
	e.server.Files = files
	d := mustDataset(t, e, files, "Dân số các tỉnh năm 2025", true)
	draft := mustDataset(t, e, files, "Bản nháp chưa công bố", false)

	list := e.get("/du-lieu-mo")
	if list.status != 200 {
		t.Fatalf("catalogue: %d\n%s", list.status, list.body)
	}
	items := findAll(list.doc, class("dataset-item"))
	if len(items) != 1 || !strings.Contains(text(items[0]), "Dân số các tỉnh năm 2025") || !strings.Contains(text(items[0]), "CSV, API") {
		t.Fatalf("catalogue items: %d %q", len(items), text(list.doc))
	}
	if strings.Contains(list.body, draft.Title) {
		t.Fatal("a draft is in the catalogue")
	}
	// Facets: each value a link with its count, combining with the search.
	facets := find(list.doc, class("facets"))
	if facets == nil {
		t.Fatal("no facets")
	}
	var csvLink string
	for _, a := range findAll(facets, tag("a")) {
		if text(a) == "CSV" {
			csvLink = attr(a, "href")
		}
	}
	if csvLink != "/du-lieu-mo?dinh-dang=CSV" || !strings.Contains(text(facets), "Cục Thống kê tỉnh") || !strings.Contains(text(facets), "CC BY 4.0") {
		t.Fatalf("facets: %q, csv %q", text(facets), csvLink)
	}
	for path, want := range map[string]int{
		"/du-lieu-mo?dinh-dang=CSV&q=dan+so":                         1,
		"/du-lieu-mo?dinh-dang=XLSX":                                 0,
		"/du-lieu-mo?q=d%C3%A2n+s%E1%BB%91":                          1,
		"/du-lieu-mo?q=giao+thong":                                   0,
		"/du-lieu-mo?giay-phep=cc0-1.0":                              0,
		"/du-lieu-mo?chu-de=999999&q=dan+so":                         0,
		"/du-lieu-mo?don-vi=" + strconv.FormatInt(d.PublisherID, 10): 1,
	} {
		r := e.get(path)
		if r.status != 200 || len(findAll(r.doc, class("dataset-item"))) != want {
			t.Errorf("%s: %d, %d items, want %d", path, r.status, len(findAll(r.doc, class("dataset-item"))), want)
		}
	}
	chosen := e.get("/du-lieu-mo?dinh-dang=CSV&q=dan+so")
	if a := find(chosen.doc, class("doc-active")); a == nil || !strings.Contains(text(a), "Định dạng: CSV") || !strings.Contains(text(a), "Từ khóa: dan so") {
		t.Fatalf("active filters: %v", a)
	}
	for _, path := range []string{"/du-lieu-mo?chu-de=abc", "/du-lieu-mo?dinh-dang=EXE", "/du-lieu-mo?giay-phep=x", "/du-lieu-mo?trang=0", "/du-lieu-mo?trang=9"} {
		if r := e.get(path); r.status != 400 && r.status != 404 || !strings.Contains(r.body, "lang=\"vi\"") {
			t.Errorf("%s: %d", path, r.status)
		}
	}

	// The dataset's page.
	if r := e.get("/du-lieu-mo/sai-" + strconv.FormatInt(d.ID, 10)); r.status != 301 || r.header.Get("Location") != d.Path() {
		t.Fatalf("old slug: %d %q", r.status, r.header.Get("Location"))
	}
	page := e.get(d.Path())
	if page.status != 200 {
		t.Fatalf("page: %d", page.status)
	}
	fields := text(find(page.doc, class("doc-fields")))
	for _, want := range []string{"Cục Thống kê tỉnh", "Dân số - Xã hội", "dân số, tỉnh", "Creative Commons Ghi công 4.0", "Hằng năm"} {
		if !strings.Contains(fields, want) {
			t.Errorf("metadata lacks %q: %q", want, fields)
		}
	}
	table := find(page.doc, class("data-table"))
	if table == nil {
		t.Fatal("no preview table")
	}
	region := table.Parent
	caption := find(table, tag("caption"))
	if attr(region, "role") != "region" || attr(region, "tabindex") != "0" || caption == nil || attr(region, "aria-labelledby") != attr(caption, "id") {
		t.Fatalf("the preview's region: %v %v", region.Attr, caption)
	}
	ths := findAll(table, tag("th"))
	if len(ths) != 4 || attr(ths[0], "scope") != "col" || text(ths[1]) != "Tỉnh/Thành phố" {
		t.Fatalf("header cells: %d", len(ths))
	}
	var cells []string
	for _, td := range findAll(table, tag("td")) {
		cells = append(cells, text(td))
	}
	got := strings.Join(cells, "|")
	for _, want := range []string{"Hà Nội", "Đắk Lắk", "Thừa Thiên Huế"} {
		if !strings.Contains(got, want) {
			t.Errorf("the preview lacks %q: %s", want, got)
		}
	}
	if !strings.Contains(text(page.doc), "Bảng mã của tệp: Windows-1258 (đã chuyển sang Unicode)") {
		t.Error("the preview does not say the table was converted")
	}
	csvRes := d.Resources[0]
	code := find(page.doc, func(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == "code" })
	if code == nil || text(code) != "curl -L -o 'tinh.csv' '"+e.srv.URL+csvRes.DownloadPath()+"'" {
		t.Fatalf("API example: %v", code)
	}

	// Downloads: the file as uploaded; the link leads to its address.
	dl := e.get(csvRes.DownloadPath())
	raw, _ := os.ReadFile("../tabular/testdata/provinces-cp1258.csv")
	if dl.status != 200 || dl.body != string(raw) || dl.header.Get("Content-Type") != "text/csv" ||
		!strings.HasPrefix(dl.header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("download: %d %q %q", dl.status, dl.header.Get("Content-Type"), dl.header.Get("Content-Disposition"))
	}
	if r := e.get(d.Resources[1].DownloadPath()); r.status != 302 || r.header.Get("Location") != "https://api.example.gov.vn/dan-so?tinh=1" {
		t.Fatalf("link: %d %q", r.status, r.header.Get("Location"))
	}
	for _, path := range []string{draft.Path(), draft.Resources[0].DownloadPath(), "/du-lieu-mo/" + strconv.FormatInt(d.ID, 10) + "/tai-nguyen/999999",
		"/du-lieu-mo/" + strconv.FormatInt(d.ID, 10) + "/tai-nguyen/abc", "/du-lieu-mo/khong-co"} {
		if r := e.get(path); r.status != 404 {
			t.Errorf("%s: %d", path, r.status)
		}
	}
	// The sitemap and the menu.
	if sm := e.get("/sitemap/du-lieu-mo.xml"); !strings.Contains(sm.body, d.Path()) || strings.Contains(sm.body, draft.Path()) {
		t.Errorf("sitemap:\n%s", sm.body)
	}
	if nav := find(list.doc, func(n *html.Node) bool { return n.Data == "a" && attr(n, "href") == "/du-lieu-mo" }); nav == nil {
		t.Error("no menu entry")
	}
}
