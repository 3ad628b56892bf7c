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
