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
)

// Score rates a document for a query; zero means it does not match (for a
// quoted query: the phrase is not in it).
func Score(q *Query, d *Doc) float64 {
	if q.Empty() {
		return 0
	}
	folds := q.Folds()
	var exacts []string
	if q.Accented {
		exacts = make([]string, len(q.Terms))
		for i, t := range q.Terms {
			exacts[i] = t.Exact
		}
	}
	total, phraseFound, exactFound := 0.0, false, false
	for i, f := range d.Fields {
		fw := strings.Fields(f.Fold)
		if len(fw) == 0 {
			continue
		}
		cov := coverage(folds, fw)
		if cov == 0 {
			continue
		}
		ph := adjacency(folds, fw)
		if ph == 1 {
			phraseFound = true
		}
		s := wCoverage*cov + wPhrase*ph
		if exacts != nil {
			ew := strings.Fields(f.Exact)
			ea := adjacency(exacts, ew)
			if ea == 1 {
				exactFound = true
			}
			s += wExact * (0.5*coverage(exacts, ew) + 0.5*ea)
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
	return total
}

// coverage is the share of distinct query words found in the field.
func coverage(q, words []string) float64 {
	found := 0
	seen := map[string]bool{}
	distinct := 0
	for _, t := range q {
		if seen[t] {
			continue
		}
		seen[t] = true
		distinct++
		for _, w := range words {
			if w == t {
				found++
				break
			}
		}
	}
	return float64(found) / float64(distinct)
}

// adjacency is 1 when the whole query stands in the field as a phrase,
// otherwise the share of the query's neighbouring pairs that stand
// together somewhere (0 for a one-word query that is absent, 1 if present).
func adjacency(q, words []string) float64 {
	if len(q) == 1 {
		return coverage(q, words)
	}
	if containsSeq(words, q) {
		return 1
	}
	pairs := 0
	for i := 0; i+1 < len(q); i++ {
		if containsSeq(words, q[i:i+2]) {
			pairs++
		}
	}
	return 0.8 * float64(pairs) / float64(len(q)-1)
}

func containsSeq(words, seq []string) bool {
	for i := 0; i+len(seq) <= len(words); i++ {
		ok := true
		for j, s := range seq {
			if words[i+j] != s {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
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
