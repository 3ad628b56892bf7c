package search

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// word is what a term must be: nothing a full-text syntax (FTS5's quotes,
// NEAR, ^, *, -, column filters; tsquery's & | ! <-> : *) could read.
var word = regexp.MustCompile(`^[a-z0-9]+$`)

// FuzzParseQuery checks that any text a reader types parses into words
// the stores can put in a match expression unquoted: every term, and every
// other spelling of a run of them, is [a-z0-9]+; the terms are capped;
// parsing the folded words again gives the same words. The stores' own
// expressions are run against the real engines in package sqlite
// (FuzzFTSMatch) and checked against tsquery's grammar in package
// postgres (FuzzTsQuery).
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{
		`"ủy ban nhân dân" tỉnh`,
		`UBND -huyện* ^cấp NEAR(xã phường) title:covid`,
		`“Nghị định 15/2020/NĐ-CP” | bảo hiểm & y tế`,
		`*`,
		`' OR 1=1 --`,
		`tieem chungr`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := ParseQuery(s)
		if len(q.Terms) > maxTerms {
			t.Fatalf("ParseQuery(%q): %d terms, over %d", s, len(q.Terms), maxTerms)
		}
		for _, term := range q.Terms {
			if !word.MatchString(term.Fold) || !word.MatchString(term.Exact) {
				t.Fatalf("ParseQuery(%q): term %+v is not [a-z0-9]+", s, term)
			}
		}
		for _, alt := range q.Alts {
			if alt.Start < 0 || alt.Len <= 0 || alt.Start+alt.Len > len(q.Terms) {
				t.Fatalf("ParseQuery(%q): alternative %+v outside the %d terms", s, alt, len(q.Terms))
			}
			for _, other := range alt.Others {
				for _, term := range other {
					if !word.MatchString(term.Fold) {
						t.Fatalf("ParseQuery(%q): other spelling's term %+v is not [a-z0-9]+", s, term)
					}
				}
			}
		}
		if folds := q.Folds(); !slices.Equal(ParseQuery(strings.Join(folds, " ")).Folds(), folds) {
			t.Fatalf("ParseQuery(%q) folds %q, parsed again %q", s, folds, ParseQuery(strings.Join(folds, " ")).Folds())
		}
		// The LIKE form (questions, media) binds one argument per
		// placeholder.
		if cond, args := LikeMatch(q, "c"); strings.Count(cond, "?") != len(args) {
			t.Fatalf("LikeMatch(ParseQuery(%q)) = %q with %d arguments", s, cond, len(args))
		}
	})
}
