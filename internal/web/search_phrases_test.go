package web_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
)

// phraseFixture publishes articles whose titles and leads write "an ninh
// trật tự", "an toàn" and "nông nghiệp" often, and waits for the site's
// vocabulary.
func phraseFixture(e *env) {
	e.t.Helper()
	t0 := time.Date(2024, 3, 1, 9, 0, 0, 0, congtin.VietnamZone)
	var recs []congtin.ArticleImport
	for i, title := range []string{
		"Bảo đảm an ninh trật tự dịp Tết", "Giữ vững an ninh trật tự trên địa bàn", "Tăng cường an ninh trật tự khu dân cư",
		"An ninh trật tự được giữ vững", "An ninh mạng cho doanh nghiệp", "Bảo vệ an ninh quốc gia", "An toàn giao thông đường bộ", "Bảo đảm an toàn thực phẩm",
		"Phát triển nông nghiệp công nghệ cao", "Nông nghiệp công nghệ cao ở ngoại thành", "Nông nghiệp sạch cho nông dân",
	} {
		r := storetest.Rec(title, "Thời sự", t0.Add(time.Duration(i)*time.Hour))
		r.Lead = title + "."
		recs = append(recs, r)
	}
	e.mustImport(recs...)
	for e.db.Vocabulary(e.t.Context(), e.site.ID) == nil {
		time.Sleep(10 * time.Millisecond)
	}
}

// TestSuggestPhrases: the search box lists frequent phrases of the site
// completing what is typed (with diacritics, as searches on /tim-kiem),
// then titles, marked by kind, ten in all; while the vocabulary is not
// built, titles only, at once.
func TestSuggestPhrases(t *testing.T) {
	e := newEnv(t)
	t0 := time.Date(2024, 3, 1, 9, 0, 0, 0, congtin.VietnamZone)
	e.mustImport(storetest.Rec("An ninh trật tự dịp Tết", "Thời sự", t0))
	// The first answer does not wait for the vocabulary.
	start := time.Now()
	if _, a, _ := e.suggest("an+ni"); len(a.Suggestions) != 1 || a.Suggestions[0].Kind != "article" || time.Since(start) > 400*time.Millisecond {
		t.Fatalf("before the vocabulary: %+v in %s", a, time.Since(start))
	}

	e = newEnv(t)
	phraseFixture(e)
	for _, tc := range []struct {
		q       string
		phrases []string // the first phrases
		titles  string
	}{
		{"an ni", []string{"an ninh", "an ninh trật tự"}, "An ninh mạng cho doanh nghiệp|An ninh trật tự được giữ vững"},
		{"nong ng", []string{"nông nghiệp", "nông nghiệp công nghệ cao"}, "Nông nghiệp công nghệ cao ở ngoại thành|Nông nghiệp sạch cho nông dân"},
		{"Nông nghiệp c", []string{"Nông nghiệp công nghệ cao"}, "Nông nghiệp công nghệ cao ở ngoại thành"},
	} {
		status, a, r := e.suggest(url.QueryEscape(tc.q))
		if status != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "application/json") {
			t.Fatalf("%q: %d %s", tc.q, status, r.body)
		}
		var phrases []string
		for i, s := range a.Suggestions {
			switch s.Kind {
			case "phrase":
				if len(phrases) != i {
					t.Errorf("%q: a phrase after a title: %+v", tc.q, a.Suggestions)
				}
				phrases = append(phrases, s.Title)
				if want := e.srv.URL + "/tim-kiem?" + (url.Values{"q": {s.Title}}).Encode(); s.URL != want {
					t.Errorf("%q: phrase %q links to %q", tc.q, s.Title, s.URL)
				}
			case "article":
				if !strings.HasPrefix(s.URL, e.srv.URL+"/") || strings.Contains(s.URL, "/tim-kiem") {
					t.Errorf("%q: title %q links to %q", tc.q, s.Title, s.URL)
				}
			default:
				t.Errorf("%q: kind %q", tc.q, s.Kind)
			}
		}
		if len(phrases) > congtin.MaxPhraseSuggestions || len(a.Suggestions) > congtin.MaxSuggestions {
			t.Errorf("%q: %d phrases, %d in all", tc.q, len(phrases), len(a.Suggestions))
		}
		if len(phrases) < len(tc.phrases) || fmt.Sprint(phrases[:len(tc.phrases)]) != fmt.Sprint(tc.phrases) {
			t.Errorf("%q: phrases %q, want %q first", tc.q, phrases, tc.phrases)
		}
		if a.titles() != tc.titles {
			t.Errorf("%q: titles %q, want %q", tc.q, a.titles(), tc.titles)
		}
		// No phrase is a title listed.
		for _, p := range phrases {
			for _, title := range strings.Split(a.titles(), "|") {
				if strings.EqualFold(p, title) {
					t.Errorf("%q: %q both a phrase and a title", tc.q, p)
				}
			}
		}
	}
	// The phrase's link finds what it says.
	_, a, _ := e.suggest(url.QueryEscape("an ni"))
	r := e.get(strings.TrimPrefix(a.Suggestions[1].URL, e.srv.URL))
	if n := len(findAll(r.doc, class("card-title"))); r.status != 200 || n != 4 {
		t.Errorf("%s: %d, %d results", a.Suggestions[1].URL, r.status, n)
	}

	// Bad input: an answer of the same shape, no phrase, never a 500.
	for _, q := range []string{`"`, "*", "-", "^", "\u0301", "😀", "%ff", strings.Repeat("an ninh ", 1300), "NEAR(", "title:x", "a OR", "2024", ""} {
		status, a, r := e.suggest(url.QueryEscape(q))
		if status != 200 || a.Suggestions == nil {
			t.Errorf("%.20q: %d %.200s", q, status, r.body)
		}
		for _, s := range a.Suggestions {
			if s.Kind == "phrase" {
				t.Errorf("%.20q: phrase %q", q, s.Title)
			}
		}
	}
}
