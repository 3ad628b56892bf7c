package web_test

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
)

// TestSearchDidYouMean: a misspelt query that finds little gets "Có phải
// bạn muốn tìm: …" above the results, written with its diacritics; the
// link runs the corrected search with the same filters, which finds the
// articles and suggests nothing more. The JSON API gives the same
// suggestion; a query that finds plenty, or bad input, gets none.
func TestSearchDidYouMean(t *testing.T) {
	e := newEnv(t)
	searchFixture(e)
	t0 := time.Date(2024, 3, 1, 9, 0, 0, 0, congtin.VietnamZone)
	e.mustImport(
		storetest.Rec("Phát triển nông nghiệp công nghệ cao", "Kinh tế > Nông nghiệp", t0),
		storetest.Rec("Nông nghiệp hữu cơ: hướng đi mới", "Kinh tế > Nông nghiệp", t0.AddDate(0, 0, 1)),
		storetest.Rec("Bảo hiểm nông nghiệp cho hộ nghèo", "Kinh tế", t0.AddDate(0, 0, 2)),
		storetest.Rec("Bảo đảm an ninh trật tự dịp Tết", "Quốc phòng - An ninh", t0),
	)
	r := e.get("/tim-kiem?q=" + url.QueryEscape("nong ngiep") + "&chuyen-muc=kinh-te&sap-xep=moi-nhat")
	if r.status != 200 || len(findAll(r.doc, class("card-title"))) != 0 {
		t.Fatalf("misspelt: %d, %d results", r.status, len(findAll(r.doc, class("card-title"))))
	}
	p := find(r.doc, class("search-suggestion"))
	if p == nil || text(p) != "Có phải bạn muốn tìm: nông nghiệp" {
		t.Fatalf("suggestion: %q\n%s", text(p), r.body)
	}
	link := attr(find(p, tag("a")), "href")
	u, err := url.Parse(link)
	if err != nil || u.Path != "/tim-kiem" || u.Query().Get("q") != "nông nghiệp" || u.Query().Get("chuyen-muc") != "kinh-te" || u.Query().Get("sap-xep") != "moi-nhat" {
		t.Fatalf("link %q", link)
	}
	r = e.get(link)
	if n := len(findAll(r.doc, class("card-title"))); r.status != 200 || n != 3 || find(r.doc, class("search-suggestion")) != nil {
		t.Fatalf("the suggestion: %d, %d results, suggestion %q", r.status, n, text(find(r.doc, class("search-suggestion"))))
	}

	// The API: the same suggestion, none for a query finding plenty.
	var out struct {
		Total      int
		Suggestion *string
	}
	r = e.get("/api/v1/search?q=" + url.QueryEscape("an nin trat tu"))
	if err := json.Unmarshal([]byte(r.body), &out); err != nil || out.Suggestion == nil || *out.Suggestion != "an ninh trật tự" {
		t.Fatalf("api: %v %s", err, r.body)
	}
	out.Suggestion = nil
	r = e.get("/api/v1/search?q=" + url.QueryEscape("nong nghiep"))
	if err := json.Unmarshal([]byte(r.body), &out); err != nil || out.Total != 3 || out.Suggestion != nil {
		t.Fatalf("api, plenty: %v %s", err, r.body)
	}

	// Bad input: a page, never a 500, and nothing suggested.
	for _, q := range []string{`"`, "*", "-", "^", "\u0301", "😀", "%ff", strings.Repeat("ngiep ", 2000), "NEAR(", "title:x", "a OR", "x"} {
		for _, path := range []string{"/tim-kiem?q=", "/api/v1/search?q="} {
			r := e.get(path + url.QueryEscape(q))
			if r.status != 200 || strings.Contains(r.body, "search-suggestion") || strings.Contains(r.body, `"suggestion"`) {
				t.Errorf("%s%.20q: %d, suggestion in %.300s", path, q, r.status, r.body)
			}
		}
	}
}
