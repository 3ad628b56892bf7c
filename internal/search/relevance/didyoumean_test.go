package relevance_test

import (
	"testing"

	"github.com/congtin/congtin/internal/search"
	"github.com/congtin/congtin/internal/search/relevance"
)

// TestDidYouMean reads misspelt queries against the vocabulary of the
// relevance set's articles (titles and leads, as a site's is built):
// each kind of slip gets the words the articles write, with their
// diacritics; right queries, and queries far from any word, get none.
func TestDidYouMean(t *testing.T) {
	b := search.NewVocabBuilder()
	for _, a := range relevance.Corpus() {
		b.Add(a.Title)
		b.Add(a.Lead)
	}
	v := b.Build()
	for _, c := range []struct{ q, want string }{
		{"chuyen hoa dia bann", "chuyển hóa địa bàn"},
		{"tiem chungg", "tiêm chủng"},
		{"an nin trat tu", "an ninh trật tự"},
		{"nong thon moii", "nông thôn mới"},
		{"bao hiem y tee", "bảo hiểm y tế"},
		{"tphcm hien mauu", "tphcm hiến máu"},
		{"phong chay chua cahy", "phòng cháy chữa cháy"},
		{"nogn thon moi", "nông thôn mới"},
		{"giao thong nong thonn", "giao thông nông thôn"},
		{"Hà Nôi", "Hà Nội"},
		// Right as typed, or nothing like the site's words.
		{"chuyển hóa địa bàn", ""},
		{"an ninh trat tu", ""},
		{"xqzvw kkkq", ""},
	} {
		if got := v.Correct(c.q); got != c.want {
			t.Errorf("Correct(%q) = %q, want %q", c.q, got, c.want)
		}
	}
}
