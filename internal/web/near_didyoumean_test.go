package web_test

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
)

// TestRegisterQADidYouMean: the register and the Q&A, when a search finds
// little, offer "Có phải bạn muốn tìm" from the site's words, as
// /tim-kiem does, linking to their own search with the same filters; the
// link finds what it says. A correction that finds nothing there (though
// the articles hold it) is not offered, nor one for bad input. The JSON
// APIs give the same suggestion.
func TestRegisterQADidYouMean(t *testing.T) {
	e := newEnv(t)
	phraseFixture(e)
	e.publishDocument("12/KH-UBND", "2024-03-01", "Kế hoạch phát triển nông nghiệp công nghệ cao năm 2024")
	e.publishQuestion("Hỗ trợ vay vốn nông nghiệp công nghệ cao", "Hộ gia đình vay vốn làm nông nghiệp công nghệ cao được hỗ trợ thế nào?",
		"<p>Được hỗ trợ lãi suất theo Nghị quyết của HĐND tỉnh.</p>")

	for _, path := range []string{"/van-ban", "/hoi-dap"} {
		r := e.get(path + "?q=" + url.QueryEscape("nong ngiep cong nghe cao"))
		p := find(r.doc, class("search-suggestion"))
		if r.status != 200 || p == nil || text(p) != "Có phải bạn muốn tìm: nông nghiệp công nghệ cao" {
			t.Fatalf("%s: %d, suggestion %q", path, r.status, text(p))
		}
		link := attr(find(p, tag("a")), "href")
		u, err := url.Parse(link)
		if err != nil || u.Path != path || u.Query().Get("q") != "nông nghiệp công nghệ cao" {
			t.Fatalf("%s: link %q", path, link)
		}
		r = e.get(link)
		if r.status != 200 || find(r.doc, class("search-suggestion")) != nil || !strings.Contains(r.body, "nông nghiệp công nghệ cao") ||
			find(r.doc, class("search-approximate")) != nil {
			t.Errorf("%s: the suggestion's page: %d %.300s", path, r.status, r.body)
		}
		// The same filters are kept.
		if path == "/van-ban" {
			r = e.get(path + "?q=" + url.QueryEscape("nong ngiep") + "&nam=2024")
			link := attr(find(find(r.doc, class("search-suggestion")), tag("a")), "href")
			if u, _ := url.Parse(link); u == nil || u.Query().Get("nam") != "2024" || u.Query().Get("q") != "nông nghiệp" {
				t.Errorf("%s, filtered: link %q", path, link)
			}
		}

		// The articles write "an ninh trật tự", the register and the Q&A
		// do not: no suggestion there.
		r = e.get(path + "?q=" + url.QueryEscape("an nin trat tu"))
		if r.status != 200 || find(r.doc, class("search-suggestion")) != nil {
			t.Errorf("%s: a suggestion that finds nothing here: %q", path, text(find(r.doc, class("search-suggestion"))))
		}
		// Bad input: a page, never a 500, no suggestion.
		for _, q := range []string{`"`, "*", "-", "^", "\u0301", "😀", "%ff", strings.Repeat("ngiep ", 2000), "NEAR(", "title:x", "a OR"} {
			r := e.get(path + "?q=" + url.QueryEscape(q))
			if r.status != 200 || find(r.doc, class("search-suggestion")) != nil {
				t.Errorf("%s?q=%.20q: %d", path, q, r.status)
			}
		}
	}
	if r := e.get("/tim-kiem?q=" + url.QueryEscape("an nin trat tu")); find(r.doc, class("search-suggestion")) == nil {
		t.Error("/tim-kiem: no suggestion for an nin trat tu")
	}

	// The APIs.
	for _, path := range []string{"/api/v1/van-ban", "/api/v1/hoi-dap"} {
		var out struct {
			Suggestion *string `json:"suggestion"`
		}
		r := e.get(path + "?q=" + url.QueryEscape("nong ngiep"))
		if err := json.Unmarshal([]byte(r.body), &out); r.status != 200 || err != nil || out.Suggestion == nil || *out.Suggestion != "nông nghiệp" {
			t.Errorf("%s: %d %v %.300s", path, r.status, err, r.body)
		}
		out.Suggestion = nil
		r = e.get(path + "?q=" + url.QueryEscape("nông nghiệp"))
		if err := json.Unmarshal([]byte(r.body), &out); r.status != 200 || err != nil || out.Suggestion != nil {
			t.Errorf("%s, found: %d %v %.300s", path, r.status, err, r.body)
		}
	}
}
