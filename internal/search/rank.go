package search

import (
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

// Doc is a candidate with its fields as token strings (space-separated
// folded and exact forms, as the index stores them).
type Doc struct {
	ID          int64
	PublishedAt time.Time
	Fields      [3]Field // title, lead, body
	// Marked, when set, is the fields as a marked text (Mark): Rank
	// unmarks it, on every core, into Fields.
	Marked string
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
	return scoreReadings(q, q.readings(), d)
}

func scoreReadings(q *Query, rs []reading, d *Doc) float64 {
	if q.Empty() {
		return 0
	}
	best := 0.0
	for i := range rs {
		best = max(best, score(q, &rs[i], d))
	}
	return best
}

// reading is one reading of the query (its terms, or another spelling's)
// as the strings a field is searched for: folded, and exact when the
// reader typed diacritics.
type reading struct {
	fold, exact *patterns
}

// patterns are what match and longestRun look for in a field, joined
// once per query rather than once per field: each distinct word, the
// whole phrase, each pair of neighbours, and for a relaxed query each run
// of the query's words.
type patterns struct {
	words  []string // distinct
	phrase string
	pairs  []string
	// pairWords are, for each pair, the indexes in words of its two
	// words: a pair is looked for only where both are.
	pairWords [][2]int
	runs      [][]string // runs[i][k]: words i..i+k+1 joined, for k+2 words
}

func newPatterns(q []string, runs bool) *patterns {
	n := min(len(q), maxTermsScan)
	q = q[:n]
	p := &patterns{phrase: strings.Join(q, " ")}
	for i, w := range q {
		if firstIndex(q, w) == i {
			p.words = append(p.words, w)
		}
		if i+1 < n {
			p.pairs = append(p.pairs, w+" "+q[i+1])
		}
	}
	for i := 0; i+1 < n; i++ {
		p.pairWords = append(p.pairWords, [2]int{slices.Index(p.words, q[i]), slices.Index(p.words, q[i+1])})
	}
	if runs {
		p.runs = make([][]string, n)
		for i := range q {
			for j := i + 2; j <= n; j++ {
				p.runs[i] = append(p.runs[i], strings.Join(q[i:j], " "))
			}
		}
	}
	return p
}

// readings returns the query's readings as patterns.
func (q *Query) readings() []reading {
	var rs []reading
	for _, terms := range q.Variants() {
		folds := make([]string, len(terms))
		exacts := make([]string, len(terms))
		for i, t := range terms {
			folds[i], exacts[i] = t.Fold, t.Exact
		}
		r := reading{fold: newPatterns(folds, q.Need > 0)}
		if q.Accented {
			r.exact = newPatterns(exacts, false)
		}
		rs = append(rs, r)
	}
	return rs
}

// score rates a document for one reading of the query.
func score(q *Query, r *reading, d *Doc) float64 {
	total, phraseFound, exactFound := 0.0, false, false
	run := 0
	for i, f := range d.Fields {
		if q.Need > 0 {
			run = max(run, longestRun(r.fold, f.Fold))
		}
		fm := match(r.fold, f.Fold, nil)
		cov, ph := fm.coverage, fm.adjacency
		if cov == 0 {
			continue
		}
		if ph == 1 {
			phraseFound = true
		}
		s := wCoverage*cov + wPhrase*ph
		if r.exact != nil {
			em := match(r.exact, f.Exact, &fm)
			ecov, ea := em.coverage, em.adjacency
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

// hasWords reports whether a field (words separated by single spaces)
// holds w, one word or several, as whole words. strings.Index finds
// candidates with the processor's vector instructions: a search ranks
// a couple of hundred articles, several kilobytes each, per query, and
// most of what is looked for is found early or nowhere.
func hasWords(field, w string) bool {
	for from := 0; ; {
		k := strings.Index(field[from:], w)
		if k < 0 {
			return false
		}
		k += from
		end := k + len(w)
		if (k == 0 || field[k-1] == ' ') && (end == len(field) || field[end] == ' ') {
			return true
		}
		from = k + 1
	}
}

// longestRun returns the most query words a field holds one after the
// other, in the query's order.
func longestRun(p *patterns, field string) int {
	best := 0
	for _, w := range p.words {
		if hasWords(field, w) {
			best = 1
			break
		}
	}
	for i := range p.runs {
		// runs[i][k] holds k+2 words: only longer runs than the best so
		// far are worth looking for, and a run missing means no longer
		// one from the same start is there.
		for k := max(best-1, 0); k < len(p.runs[i]); k++ {
			if !hasWords(field, p.runs[i][k]) {
				break
			}
			best = k + 2
		}
	}
	return best
}

// maxTermsScan bounds the query words one scan tracks (ParseQuery keeps
// at most 16).
const maxTermsScan = 16

// found is what match found in a field: the share of the query's
// distinct words it holds (coverage) and how well they stand together
// (adjacency): 1 when the whole query is there as a phrase, otherwise 0.8
// × the share of the query's neighbouring pairs found side by side; for a
// one-word query adjacency equals coverage. words and pairs are the
// masks of what was found.
type found struct {
	coverage, adjacency float64
	words, pairs        uint32
	phrase              bool
}

// match looks for the patterns in a field. A pair is looked for only
// where both its words are, and the phrase only where every pair is: a
// miss reads the whole field, and most misses are known before. within,
// when set, is what the folded field held: the exact forms (the same
// words with their diacritics) are looked for only among those.
func match(p *patterns, field string, within *found) found {
	var f found
	if len(p.words) == 0 || field == "" {
		return f
	}
	n := 0
	for i, w := range p.words {
		if within != nil && within.words&(1<<i) == 0 {
			continue
		}
		if hasWords(field, w) {
			f.words |= 1 << i
			n++
		}
	}
	f.coverage = float64(n) / float64(len(p.words))
	if len(p.pairs) == 0 {
		f.adjacency = f.coverage
		return f
	}
	if n == 0 {
		return found{}
	}
	pairs := 0
	for j, pw := range p.pairWords {
		if f.words&(1<<pw[0]) == 0 || f.words&(1<<pw[1]) == 0 || within != nil && within.pairs&(1<<j) == 0 {
			continue
		}
		if hasWords(field, p.pairs[j]) {
			f.pairs |= 1 << j
			pairs++
		}
	}
	if pairs == len(p.pairs) && (within == nil || within.phrase) && hasWords(field, p.phrase) {
		f.phrase = true
		f.adjacency = 1
		return f
	}
	f.adjacency = 0.8 * float64(pairs) / float64(len(p.pairs))
	return f
}

func firstIndex(q []string, w string) int {
	for i, x := range q {
		if x == w {
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
	// Unmarking and scoring a candidate reads its text a dozen times
	// over, the most of a search's time: the candidates are shared out
	// among the cores, each scoring its own.
	rs := q.readings()
	scores := make([]float64, len(docs))
	workers := min(runtime.GOMAXPROCS(0), len(docs)/32+1)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(docs); i += workers {
				d := docs[i]
				if d.Marked != "" {
					d.Fields, d.Marked = Unmark(d.Marked, q.Accented), ""
				}
				scores[i] = scoreReadings(q, rs, d)
			}
		})
	}
	wg.Wait()
	var out []r
	for i, d := range docs {
		if scores[i] > 0 {
			out = append(out, r{Ranked{d.ID, scores[i]}, d.PublishedAt})
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
