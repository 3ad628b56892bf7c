package search

import (
	"strings"
	"unicode/utf8"

	"github.com/congtin/congtin/internal/search/vn"
)

// Limits on a query: longer input is cut, never refused.
const (
	maxQueryBytes = 500
	maxTerms      = 16
)

// Term is one word of a query.
type Term struct {
	Fold  string
	Exact string
}

// Query is a parsed reader's query.
type Query struct {
	Terms  []Term
	Quoted bool // the reader asked for the phrase only
	// Accented is set when the reader typed diacritics: exact spellings
	// then rank above folded matches.
	Accented bool
	// Need, when set, relaxes the query: a match holds at least Need of
	// its distinct words, not all (see Relaxed).
	Need int
	// Alts are the runs of Terms that spell one of a group of equivalent
	// spellings (abbreviations, loanwords), in order, not overlapping;
	// a match may hold another spelling in their place. A quoted query
	// has none: the reader asked for the phrase as typed.
	Alts []Alt
}

// Empty reports whether nothing in the query can be searched.
func (q *Query) Empty() bool { return len(q.Terms) == 0 }

// ParseQuery reads what a reader typed, with the built-in equivalent
// spellings (ParseQueryWith).
func ParseQuery(s string) *Query { return ParseQueryWith(s, nil) }

// ParseQueryWith reads what a reader typed, finding the equivalent
// spellings of sp (nil: the built-in ones). It cannot fail: operators and
// punctuation of any engine are just separators here, so no input can
// cause a syntax error further down.
func ParseQueryWith(s string, sp *Spellings) *Query {
	s = cleanQuery(s)
	q := &Query{}
	t := strings.TrimSpace(s)
	// A query wrapped in quotes (straight or typographic) is a phrase.
	for _, p := range [][2]string{{`"`, `"`}, {"“", "”"}, {"'", "'"}} {
		if len(t) >= 2*len(p[0]) && strings.HasPrefix(t, p[0]) && strings.HasSuffix(t, p[1]) && strings.Count(t, p[0]) >= 2 {
			q.Quoted = true
			break
		}
	}
	for _, tok := range vn.Tokens(s, maxTerms) {
		q.Terms = append(q.Terms, Term{Fold: tok.Fold, Exact: tok.Exact})
	}
	q.Accented = vn.HasDiacritics(s)
	if len(q.Terms) < 2 {
		q.Quoted = false
	}
	if !q.Quoted {
		q.Alts = sp.expand(q.Terms)
	}
	return q
}

// cleanQuery makes a query valid UTF-8 and cuts it to maxQueryBytes.
func cleanQuery(s string) string {
	s = strings.ToValidUTF8(s, " ")
	if len(s) > maxQueryBytes {
		s = s[:maxQueryBytes]
		for !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
	}
	return s
}

// Folds returns the terms' folded forms.
func (q *Query) Folds() []string {
	out := make([]string, len(q.Terms))
	for i, t := range q.Terms {
		out[i] = t.Fold
	}
	return out
}

// PairFolds returns each pair of neighbouring folded syllables joined by
// "_", as search.Pairs indexes them; nil for one syllable, and for a query
// with alternative spellings, whose matches need not hold its pairs.
func (q *Query) PairFolds() []string {
	folds := q.Folds()
	if len(folds) < 2 || len(q.Alts) > 0 {
		return nil
	}
	pairs := make([]string, len(folds)-1)
	for i := range pairs {
		pairs[i] = folds[i] + "_" + folds[i+1]
	}
	return pairs
}
