package web_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/blob"
	"github.com/congtin/congtin/internal/docfile"
	"github.com/piprate/json-gold/ld"
)

// ckanReply is CKAN's envelope.
type ckanReply struct {
	Help    string          `json:"help"`
	Success bool            `json:"success"`
	Result  json.RawMessage `json:"result"`
	Error   map[string]any  `json:"error"`
}

// ckan calls an action as ckanapi's RemoteCKAN does: a POST of a JSON
// object to /api/action/<name> (body non-nil), or a GET with the
// parameters in the query of /api/3/action/<name>.
func (e *env) ckan(action string, params url.Values, body any) (int, ckanReply) {
	e.t.Helper()
	var req *http.Request
	var err error
	if body != nil {
		b, _ := json.Marshal(body)
		req, err = http.NewRequest("POST", e.srv.URL+"/api/action/"+action, strings.NewReader(string(b)))
		if err == nil {
			req.Header.Set("Content-Type", "application/json")
		}
	} else {
		req, err = http.NewRequest("GET", e.srv.URL+"/api/3/action/"+action+"?"+params.Encode(), nil)
	}
	if err != nil {
		e.t.Fatal(err)
	}
	req.Header.Set("User-Agent", "ckanapi/4.11 (+https://github.com/ckan/ckanapi)")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		e.t.Fatalf("%s: content type %q: %s", action, ct, raw)
	}
	var r ckanReply
	if err := json.Unmarshal(raw, &r); err != nil {
		e.t.Fatalf("%s: %v: %s", action, err, raw)
	}
	if r.Help == "" || r.Success != (resp.StatusCode == 200) {
		e.t.Fatalf("%s: envelope %d %s", action, resp.StatusCode, raw)
	}
	return resp.StatusCode, r
}

func (e *env) mustCKAN(action string, params url.Values, body any, into any) {
	e.t.Helper()
	status, r := e.ckan(action, params, body)
	if status != 200 {
		e.t.Fatalf("%s: %d %v", action, status, r.Error)
	}
	if err := json.Unmarshal(r.Result, into); err != nil {
		e.t.Fatalf("%s: %v", action, err)
	}
}

// harvestFixture publishes three datasets and keeps a draft and one taken
// down; it returns the published ones.
func harvestFixture(t *testing.T, e *env) []*congtin.Dataset {
	files := docfile.Files{Blobs: blob.Dir{Path: t.TempDir()}}
	e.server.Files = files
	var published []*congtin.Dataset
	for _, title := range []string{"Dân số các tỉnh năm 2025", "Trường học phổ thông", "Giá đất năm 2024"} {
		published = append(published, mustDataset(t, e, files, title, true))
	}
	mustDataset(t, e, files, "Bản nháp chưa công bố", false)
	gone := mustDataset(t, e, files, "Tập dữ liệu đã gỡ", true)
	if _, err := e.db.TransitionDataset(t.Context(), congtin.SystemActor("test"), e.site.ID, gone.ID, congtin.ActUnpublish, "Sai số liệu"); err != nil {
		t.Fatal(err)
	}
	return published
}

// The "done when": the catalogue harvested through the CKAN API
// (package_list + package_show, and package_search in pages of two) and
// through DCAT (the JSON-LD expanded) finds exactly the three published
// datasets, not the draft nor the one taken down.
func TestHarvestCatalogue(t *testing.T) {
	e := newEnv(t)
	published := harvestFixture(t, e)
	var want []string
	for _, d := range published {
		want = append(want, strconv.FormatInt(d.ID, 10))
	}
	slices.Sort(want)
	check := func(how string, got []string) {
		t.Helper()
		if slices.Sort(got); !slices.Equal(got, want) {
			t.Errorf("%s: found the IDs %v, want %v", how, got, want)
		}
	}

	var names []string
	e.mustCKAN("package_list", nil, nil, &names)
	var viaShow []string
	for _, name := range names {
		var p struct{ ID, Name string }
		e.mustCKAN("package_show", url.Values{"id": {name}}, nil, &p)
		if p.Name != name {
			t.Errorf("package_show %s: name %q", name, p.Name)
		}
		viaShow = append(viaShow, p.ID)
	}
	check("package_list + package_show", viaShow)

	for _, post := range []bool{false, true} {
		var viaSearch []string
		for start := 0; ; start += 2 {
			var page struct {
				Count   int
				Results []struct{ ID string }
			}
			if post {
				e.mustCKAN("package_search", nil, map[string]any{"rows": 2, "start": start}, &page)
			} else {
				e.mustCKAN("package_search", url.Values{"rows": {"2"}, "start": {strconv.Itoa(start)}}, nil, &page)
			}
			if page.Count != 3 || len(page.Results) > 2 {
				t.Fatalf("package_search start=%d: count %d, %d results", start, page.Count, len(page.Results))
			}
			for _, r := range page.Results {
				viaSearch = append(viaSearch, r.ID)
			}
			if start+2 >= page.Count {
				break
			}
		}
		check("package_search by pages of 2 (POST "+strconv.FormatBool(post)+")", viaSearch)
	}

	cat := e.get("/du-lieu-mo/catalog.jsonld")
	if cat.status != 200 || cat.header.Get("Content-Type") != "application/ld+json" {
		t.Fatalf("catalog.jsonld: %d %s", cat.status, cat.header.Get("Content-Type"))
	}
	var doc any
	if err := json.Unmarshal([]byte(cat.body), &doc); err != nil {
		t.Fatal(err)
	}
	expanded, err := ld.NewJsonLdProcessor().Flatten(doc, nil, ld.NewJsonLdOptions(""))
	if err != nil {
		t.Fatalf("catalog.jsonld is not JSON-LD: %v", err)
	}
	var viaDCAT []string
	for _, n := range expanded.([]any) {
		m := n.(map[string]any)
		types, _ := m["@type"].([]any)
		if !slices.Contains(types, any("http://www.w3.org/ns/dcat#Dataset")) {
			continue
		}
		title, _ := m["http://purl.org/dc/terms/title"].([]any)
		idv, _ := m["http://purl.org/dc/terms/identifier"].([]any)
		if len(title) != 1 || len(idv) != 1 {
			t.Fatalf("dataset without title or identifier: %v", m)
		}
		viaDCAT = append(viaDCAT, idv[0].(map[string]any)["@value"].(string))
	}
	check("DCAT JSON-LD", viaDCAT)

	ttl := e.get("/du-lieu-mo/catalog.ttl")
	if ttl.status != 200 || ttl.header.Get("Content-Type") != "text/turtle; charset=utf-8" || strings.Count(ttl.body, "a dcat:Dataset ;") != 3 ||
		strings.Contains(ttl.body, "Bản nháp") || strings.Contains(ttl.body, "đã gỡ") {
		t.Fatalf("catalog.ttl: %d %s\n%s", ttl.status, ttl.header.Get("Content-Type"), ttl.body)
	}
}

// package_show gives CKAN's package dict field by field; package_search
// filters by fq and the Vietnamese search; the lists name what fq takes.
func TestCKANShapes(t *testing.T) {
	e := newEnv(t)
	published := harvestFixture(t, e)
	d, err := e.db.FindDatasetByID(t.Context(), e.site.ID, published[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	id := strconv.FormatInt(d.ID, 10)
	var byName, byID map[string]any
	e.mustCKAN("package_show", url.Values{"id": {d.Slug + "-" + id}}, nil, &byName)
	e.mustCKAN("package_show", nil, map[string]any{"id": id}, &byID)
	a, _ := json.Marshal(byName)
	b, _ := json.Marshal(byID)
	if string(a) != string(b) {
		t.Fatalf("by name and by id differ:\n%s\n%s", a, b)
	}
	str := func(v any) string { s, _ := json.Marshal(v); return string(s) }
	for field, want := range map[string]string{
		"id": `"` + id + `"`, "name": `"` + d.Slug + "-" + id + `"`, "title": `"Dân số các tỉnh năm 2025"`,
		"notes": `"Dân số các tỉnh.\n\nNguồn: điều tra."`, "license_id": `"cc-by-4.0"`,
		"license_title": `"Creative Commons Ghi công 4.0 (CC BY 4.0)"`, "license_url": `"https://creativecommons.org/licenses/by/4.0/"`,
		"state": `"active"`, "private": "false", "type": `"dataset"`, "num_resources": "2", "num_tags": "2",
		"tags":             `[{"display_name":"dân số","name":"dân số","state":"active","vocabulary_id":null},{"display_name":"tỉnh","name":"tỉnh","state":"active","vocabulary_id":null}]`,
		"metadata_created": `"` + d.CreatedAt.UTC().Format("2006-01-02T15:04:05.000000") + `"`,
		"extras":           `[{"key":"frequency","value":"http://publications.europa.eu/resource/authority/frequency/ANNUAL"},{"key":"issued","value":"` + congtin.Day(d.IssuedOn()) + `"},{"key":"modified","value":"` + congtin.Day(d.ModifiedOn()) + `"}]`,
	} {
		if got := str(byName[field]); got != want {
			t.Errorf("%s: %s, want %s", field, got, want)
		}
	}
	org := byName["organization"].(map[string]any)
	orgName := org["name"].(string)
	if org["title"] != "Cục Thống kê tỉnh" || org["id"] != strconv.FormatInt(d.PublisherID, 10) || byName["owner_org"] != org["id"] ||
		orgName != "cuc-thong-ke-tinh-"+strconv.FormatInt(d.PublisherID, 10) {
		t.Errorf("organization: %v, owner_org %v", org, byName["owner_org"])
	}
	groups := byName["groups"].([]any)
	if len(groups) != 1 || groups[0].(map[string]any)["title"] != d.Themes[0].Name {
		t.Errorf("groups: %v", groups)
	}
	res := byName["resources"].([]any)
	file, link := res[0].(map[string]any), res[1].(map[string]any)
	if file["url"] != e.srv.URL+d.Resources[0].DownloadPath() || file["format"] != "CSV" || file["mimetype"] != "text/csv" ||
		file["size"] != float64(d.Resources[0].Size) || file["name"] != "Dân số theo tỉnh" || file["package_id"] != id || file["id"] != strconv.FormatInt(d.Resources[0].ID, 10) {
		t.Errorf("file resource: %v", file)
	}
	if link["url"] != "https://api.example.gov.vn/dan-so?tinh=1" || link["format"] != "API" || link["size"] != nil || link["mimetype"] != nil {
		t.Errorf("link resource: %v", link)
	}

	var orgs, groupNames []string
	e.mustCKAN("organization_list", nil, nil, &orgs)
	e.mustCKAN("group_list", nil, nil, &groupNames)
	if !slices.Contains(orgs, orgName) || len(orgs) != 3 || len(groupNames) != 1 {
		t.Errorf("organization_list %v, group_list %v", orgs, groupNames)
	}
	var full []map[string]any
	e.mustCKAN("organization_list", url.Values{"all_fields": {"true"}}, nil, &full)
	if len(full) != 3 || full[0]["package_count"] != float64(1) || full[0]["is_organization"] != true {
		t.Errorf("organization_list all_fields: %v", full)
	}
	for fq, n := range map[string]int{
		"organization:" + orgName:                                1,
		`+organization:"` + orgName + `" AND res_format:csv`:     1,
		"groups:" + groupNames[0]:                                3,
		"res_format:XLSX":                                        0,
		"license_id:cc-by-4.0 groups:" + groupNames[0]:           3,
		"license_id:cc0-1.0":                                     0,
		"organization:khong-co":                                  0,
		"organization:" + orgName + " organization:other-999999": 0,
	} {
		var page struct{ Count int }
		e.mustCKAN("package_search", url.Values{"fq": {fq}}, nil, &page)
		if page.Count != n {
			t.Errorf("fq %q: %d, want %d", fq, page.Count, n)
		}
	}
	for q, n := range map[string]int{"giá đất": 1, "truong hoc": 1, "*:*": 3, "": 3, "không có gì": 0} {
		var page struct {
			Count   int
			Results []map[string]any
		}
		e.mustCKAN("package_search", url.Values{"q": {q}}, nil, &page)
		if page.Count != n || len(page.Results) != n {
			t.Errorf("q %q: %d/%d, want %d", q, page.Count, len(page.Results), n)
		}
	}
	var status map[string]any
	e.mustCKAN("status_show", nil, nil, &status)
	if status["site_url"] != e.srv.URL+"/" || status["locale_default"] != "vi" || status["ckan_version"] == nil {
		t.Errorf("status_show: %v", status)
	}
}

// The bad inputs get CKAN's error envelope and statuses, never a
// 500: a huge rows is cut to CKAN's maximum, a negative start is a
// validation error, an unknown action a bad request.
func TestCKANBadInput(t *testing.T) {
	e := newEnv(t)
	harvestFixture(t, e)
	var page struct{ Count, Rows int }
	e.mustCKAN("package_search", url.Values{"rows": {"100000"}}, nil, &page)
	if page.Count != 3 {
		t.Fatalf("rows=100000: count %d", page.Count)
	}
	var zero struct {
		Count   int
		Results []any
	}
	e.mustCKAN("package_search", url.Values{"rows": {"0"}}, nil, &zero)
	if zero.Count != 3 || len(zero.Results) != 0 {
		t.Errorf("rows=0: %d, %d results", zero.Count, len(zero.Results))
	}
	for _, c := range []struct {
		action string
		params url.Values
		body   any
		status int
		typ    string
		field  string
	}{
		{"package_search", url.Values{"start": {"-1"}}, nil, 409, "Validation Error", "start"},
		{"package_search", nil, map[string]any{"start": -1}, 409, "Validation Error", "start"},
		{"package_search", url.Values{"rows": {"-5"}}, nil, 409, "Validation Error", "rows"},
		{"package_search", url.Values{"rows": {"mười"}}, nil, 409, "Validation Error", "rows"},
		{"package_search", url.Values{"fq": {"metadata_modified:[2020 TO *]"}}, nil, 400, "Search Query Error", "message"},
		{"package_search", url.Values{"fq": {"organization"}}, nil, 400, "Search Query Error", "message"},
		{"package_list", url.Values{"offset": {"-1"}}, nil, 409, "Validation Error", "offset"},
		{"package_show", nil, nil, 409, "Validation Error", "id"},
		{"package_show", url.Values{"id": {"khong-co-999999"}}, nil, 404, "Not Found Error", "message"},
		{"package_show", url.Values{"id": {"\xff\x00"}}, nil, 404, "Not Found Error", "message"},
		{"package_create", nil, map[string]any{"name": "x"}, 400, "Bad Request", "message"},
		{"khong_co", nil, nil, 400, "Bad Request", "message"},
	} {
		status, r := e.ckan(c.action, c.params, c.body)
		if status != c.status || r.Success || r.Error["__type"] != c.typ || r.Error[c.field] == nil {
			t.Errorf("%s %v %v: %d %v", c.action, c.params, c.body, status, r.Error)
		}
	}
	// A body that is not a JSON object.
	resp, err := http.Post(e.srv.URL+"/api/3/action/package_search", "application/json", strings.NewReader("[1,2"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 400 {
		t.Errorf("bad JSON: %d", resp.StatusCode)
	}
	// A draft is not found by its ID.
	ds, _, err := e.db.FindDatasets(t.Context(), congtin.DatasetFilter{SiteID: e.site.ID, Status: congtin.StatusDraft})
	if err != nil || len(ds) != 1 {
		t.Fatal(err, len(ds))
	}
	if status, _ := e.ckan("package_show", url.Values{"id": {strconv.FormatInt(ds[0].ID, 10)}}, nil); status != 404 {
		t.Errorf("a draft by package_show: %d", status)
	}
}
