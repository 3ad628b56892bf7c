package search

import (
	"sort"
	"strings"
	"time"
)

// Doc is a candidate with its fields as token strings (space-separated
// folded and exact forms, as the index stores them).
type Doc struct {
	ID          int64
	PublishedAt time.Time
	Fields      [3]Field // title, lead, body
}

// Field is one field's tokens.
type Field struct {
	Fold, Exact string
}

// Field weights: a title match counts more than a lead match, a lead
// match more than a body match.
var fieldWeight = [3]float64{6, 3, 1}

// Score weights within a field.
const (
	wCoverage = 1.0 // share of the query's words present
	wPhrase   = 3.0 // the words standing together as in the query
	wExact    = 2.0 // the words spelled with the reader's diacritics
)

// Document-level bonuses. They come first: an article holding the query
// as a phrase ranks above one where its syllables are only scattered
// (Vietnamese words are several syllables), and when the reader typed
// diacritics, the phrase spelled exactly so ranks above near misses that
// only fold to it ("bạc liêu" above "bác liêu").
const (
	bonusPhrase      = 20.0
	bonusExactPhrase = 30.0
	// bonusRun is, for a relaxed query, what each word of the longest
	// run of its words adds past the first: more than a title's or a
	// lead's scattered matches can.
	bonusRun = 10.0
)

// Score rates a document for a query; zero means it does not match (for a
// quoted query: the phrase is not in it). A query with alternative
// spellings scores as its best reading: "BHYT" in the article counts as
// "bảo hiểm y tế" in the query would, phrase included.
func Score(q *Query, d *Doc) float64 {
	if q.Empty() {
		return 0
	}
	best := 0.0
	for _, terms := range q.Variants() {
		best = max(best, score(q, terms, d))
	}
	return best
}

// score rates a document for one reading of the query's terms.
func score(q *Query, terms []Term, d *Doc) float64 {
	folds := make([]string, len(terms))
	for i, t := range terms {
		folds[i] = t.Fold
	}
	var exacts []string
	if q.Accented {
		exacts = make([]string, len(terms))
		for i, t := range terms {
			exacts[i] = t.Exact
		}
	}
	total, phraseFound, exactFound := 0.0, false, false
	run := 0
	for i, f := range d.Fields {
		if q.Need > 0 {
			run = max(run, longestRun(folds, f.Fold))
		}
		cov, ph := match(folds, f.Fold)
		if cov == 0 {
			continue
		}
		if ph == 1 {
			phraseFound = true
		}
		s := wCoverage*cov + wPhrase*ph
		if exacts != nil {
			ecov, ea := match(exacts, f.Exact)
			if ea == 1 {
				exactFound = true
			}
			s += wExact * (0.5*ecov + 0.5*ea)
		}
		total += fieldWeight[i] * s
	}
	if q.Quoted && !phraseFound {
		return 0
	}
	if phraseFound {
		total += bonusPhrase
	}
	if exactFound {
		total += bonusExactPhrase
	}
	if run >= 2 {
		// A relaxed query's hits all lack some word, so none earns the
		// phrase bonus. The longest part of the query standing together
		// comes first instead, as the phrase does for a strict query:
		// syllables stand for words only side by side, so "an ninh trật
		// tự" in a body ranks above "an ninh" with "biên" in a title.
		total += bonusRun * float64(run-1)
	}
	return total
}

// longestRun returns the most query words a field holds one after the
// other, in the query's order.
func longestRun(q []string, field string) int {
	n := min(len(q), maxTermsScan)
	var prev, cur [maxTermsScan]int
	best := 0
	// Scanned as match scans, without splitting the field: bodies are
	// long, and a relaxed search ranks several hundred of them.
	for len(field) > 0 {
		w := field
		if k := strings.IndexByte(field, ' '); k >= 0 {
			w, field = field[:k], field[k+1:]
		} else {
			field = ""
		}
		for i := 0; i < n; i++ {
			cur[i] = 0
			if q[i] == w {
				cur[i] = 1
				if i > 0 {
					cur[i] = prev[i-1] + 1
				}
				best = max(best, cur[i])
			}
		}
		prev = cur
	}
	return best
}

// maxTermsScan bounds the query words one scan tracks (ParseQuery keeps
// at most 16).
const maxTermsScan = 16

// match scans a field's space-separated words once, without allocating,
// and returns the share of the query's words present (coverage) and how
// well they stand together (adjacency): 1 when the whole query is there
// as a phrase, otherwise 0.8 × the share of the query's neighbouring pairs
// found side by side. For a one-word query adjacency equals coverage.
func match(q []string, field string) (coverage, adjacency float64) {
	n := min(len(q), maxTermsScan)
	if n == 0 || field == "" {
		return 0, 0
	}
	var present, pair [maxTermsScan]bool
	run, prev, phrase := 0, -1, false
	for len(field) > 0 {
		k := strings.IndexByte(field, ' ')
		w := field
		if k >= 0 {
			w, field = field[:k], field[k+1:]
		} else {
			field = ""
		}
		cur := -1
		for i := 0; i < n; i++ {
			if q[i] == w {
				present[i] = true
				if prev >= 0 && i > 0 && q[i-1] == q[prev] {
					pair[i-1] = true
				}
				if cur < 0 {
					cur = i
				}
			}
		}
		// The phrase: how much of the query's start the last words match.
		switch {
		case run < n && q[run] == w:
			run++
		case q[0] == w:
			run = 1
		default:
			run = 0
		}
		if run == n {
			phrase = true
			run = 0
		}
		prev = cur
		if cur >= 0 {
			// Remember the word itself: a repeated query word may be the
			// predecessor of several positions.
			prev = lastIndex(q[:n], w)
		}
	}
	found, distinct := 0, 0
	for i := 0; i < n; i++ {
		if firstIndex(q[:n], q[i]) != i {
			continue
		}
		distinct++
		if present[i] {
			found++
		}
	}
	coverage = float64(found) / float64(distinct)
	if n == 1 {
		return coverage, coverage
	}
	if phrase {
		return coverage, 1
	}
	pairs := 0
	for i := 0; i+1 < n; i++ {
		if pair[i] {
			pairs++
		}
	}
	return coverage, 0.8 * float64(pairs) / float64(n-1)
}

func firstIndex(q []string, w string) int {
	for i, x := range q {
		if x == w {
			return i
		}
	}
	return -1
}

func lastIndex(q []string, w string) int {
	for i := len(q) - 1; i >= 0; i-- {
		if q[i] == w {
			return i
		}
	}
	return -1
}

// Ranked is a document with its score.
type Ranked struct {
	ID    int64
	Score float64
}

// Rank orders candidates by score, newer first among equals, dropping
// those that do not match.
func Rank(q *Query, docs []*Doc) []Ranked {
	type r struct {
		Ranked
		t time.Time
	}
	var out []r
	for _, d := range docs {
		if s := Score(q, d); s > 0 {
			out = append(out, r{Ranked{d.ID, s}, d.PublishedAt})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if d := out[i].Score - out[j].Score; d > 1e-9 || d < -1e-9 {
			return d > 0
		}
		if !out[i].t.Equal(out[j].t) {
			return out[i].t.After(out[j].t)
		}
		return out[i].ID > out[j].ID
	})
	res := make([]Ranked, len(out))
	for i := range out {
		res[i] = out[i].Ranked
	}
	return res
}
