package search

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/congtin/congtin/internal/search/vn"
)

// Scoring a correction. A reading of the query is scored as the chance
// of its syllables in the site's text, each given the one before it (a
// bigram, falling back on the syllable's own frequency), less a cost for
// every letter changed from what the reader typed. The costs are the log
// of how much likelier a reading must be to be worth one edit: a
// syllable typed as a word of the site stays unless its neighbours
// plainly ask for another ("an nin trật tự").
const (
	editCost = 5.7 // ≈ ln 300: one letter added, dropped, changed or two swapped
	toneCost = 3.0 // ≈ ln 20: one diacritic changed on a syllable typed with diacritics
	lambda   = 0.8 // weight of the pair against the syllable alone
	// unknownShare is, in syllables counted, the chance given to a
	// syllable the site never wrote: below any it wrote.
	unknownShare = 0.1
	// minCorrected is the fewest letters a syllable needs to be
	// corrected: "a", "o", "ta" are next to too many others.
	minCorrected = 3
	// maxCandidates bounds the readings of one syllable.
	maxCandidates = 12
)

// candidate is one reading of a syllable: a word of the vocabulary, or
// (word < 0) the syllable as typed, which the site never wrote.
type candidate struct {
	word int32
	cost float64
	uni  float64 // log chance of the syllable alone, cost taken off
}

// Correct returns q with its misspelt syllables replaced by the likeliest
// words of the vocabulary, written with their diacritics and in the case
// the reader typed ("nong ngiep" → "nông nghiệp", "Hà Nôi" → "Hà Nội"),
// or "" when q reads best as typed. Only words (not numbers, codes or
// punctuation) are corrected, and the rest of q is kept as it is, quotes
// included. It never fails; a q with nothing to correct gives "".
func (v *Vocabulary) Correct(q string) string {
	if v == nil || len(v.words) == 0 {
		return ""
	}
	q = strings.ToValidUTF8(q, " ")
	if len(q) > maxQueryBytes {
		q = q[:maxQueryBytes]
		for !utf8.ValidString(q) {
			q = q[:len(q)-1]
		}
	}
	toks := vn.Tokens(q, maxTerms)
	if len(toks) == 0 {
		return ""
	}
	cands := make([][]candidate, len(toks))
	for i, t := range toks {
		if wordLike(t.Fold) {
			cands[i] = v.candidates(toks, i)
		}
	}
	best := v.viterbi(cands)
	var b strings.Builder
	last, changed := 0, false
	for i, t := range toks {
		w := best[i]
		if w < 0 {
			continue
		}
		word := v.words[w]
		accented := t.Exact != t.Fold
		if v.folds[word.fold].fold != t.Fold || accented && word.exact != t.Exact {
			changed = true
		} else if accented {
			continue // as the reader wrote it
		}
		b.WriteString(q[last:t.Start])
		b.WriteString(caseLike(word.text, q[t.Start:t.End]))
		last = t.End
	}
	if !changed {
		return ""
	}
	b.WriteString(q[last:])
	return strings.TrimSpace(b.String())
}

// candidates returns the readings of syllable i of toks.
func (v *Vocabulary) candidates(toks []vn.Token, i int) []candidate {
	t := toks[i]
	accented := t.Exact != t.Fold
	var out []candidate
	add := func(fid int32, dist int) {
		for _, w := range v.folds[fid].words {
			c := candidate{word: w, cost: editCost * float64(dist)}
			if accented {
				if d := osa(t.Exact, v.words[w].exact, 4); d > dist {
					c.cost += toneCost * float64(d-dist)
				}
			}
			out = append(out, c)
		}
	}
	fid, known := v.byFold[t.Fold]
	wid, wrote := v.byWord[t.Exact]
	switch {
	case accented && wrote && !v.suspect(toks, i, v.words[wid].n, []int32{wid}):
		// Typed with diacritics as the site writes it, and standing
		// with its neighbours: as typed ("Hà" stays in "Hà Nôi").
		out = append(out, candidate{word: wid})
	case known:
		add(fid, 0)
	}
	if !known || accented && !wrote {
		out = append(out, candidate{word: -1})
	}
	if len(t.Fold) >= minCorrected && (!known || v.suspect(toks, i, v.folds[fid].n, v.folds[fid].words)) {
		for f, d := range v.near(t.Fold) {
			add(f, d)
		}
	}
	for j := range out {
		c := &out[j]
		n := unknownShare
		if c.word >= 0 {
			n = float64(v.words[c.word].n)
		}
		c.uni = math.Log(n/v.total) - c.cost
	}
	slices.SortFunc(out, func(x, y candidate) int {
		switch {
		case x.uni > y.uni:
			return -1
		case x.uni < y.uni:
			return 1
		}
		return 0
	})
	if len(out) > maxCandidates {
		out = out[:maxCandidates]
	}
	return out
}

// suspect reports whether a syllable the site wrote (count n, as any of
// the spellings words) may still be a slip: it is rare, or it has a
// neighbour the site wrote and never stands beside any spelling of them
// ("nin" in "an nin trật tự").
func (v *Vocabulary) suspect(toks []vn.Token, i int, n uint32, words []int32) bool {
	if n <= 1 || float64(n)*1e5 < v.total {
		return true
	}
	lonely := false
	for _, j := range []int{i - 1, i + 1} {
		if j < 0 || j >= len(toks) {
			continue
		}
		g, ok := v.byFold[toks[j].Fold]
		if !ok {
			continue
		}
		var n uint32
		for _, a := range words {
			for _, b := range v.folds[g].words {
				if j < i {
					n += v.pair(b, a)
				} else {
					n += v.pair(a, b)
				}
			}
		}
		if n > 0 {
			return false
		}
		lonely = true
	}
	return lonely
}

// near returns the folds of the vocabulary within reach of fold, other
// than fold, with their distance: one edit (a letter added, dropped,
// changed, or two neighbours swapped), two for a long syllable.
func (v *Vocabulary) near(fold string) map[int32]int {
	out := map[int32]int{}
	buf := make([]byte, 0, len(fold)+1)
	try := func(s []byte) {
		if f, ok := v.byFold[string(s)]; ok && string(s) != fold {
			out[f] = 1
		}
	}
	for i := 0; i <= len(fold); i++ {
		if i < len(fold) {
			try(append(append(buf[:0], fold[:i]...), fold[i+1:]...)) // drop
			if i+1 < len(fold) {
				s := append(buf[:0], fold...)
				s[i], s[i+1] = s[i+1], s[i]
				try(s) // swap
			}
		}
		for c := byte('a'); c <= 'z'; c++ {
			s := append(append(append(buf[:0], fold[:i]...), c), fold[i:]...)
			try(s) // add
			if i < len(fold) && c != fold[i] {
				s := append(buf[:0], fold...)
				s[i] = c
				try(s) // change
			}
		}
	}
	if len(fold) > maxShort {
		for n := len(fold) - 2; n <= len(fold)+2; n++ {
			for _, f := range v.long[n] {
				if _, ok := out[f]; ok {
					continue
				}
				if d := osa(fold, v.folds[f].fold, 2); d > 0 && d <= 2 {
					out[f] = d
				}
			}
		}
	}
	return out
}

// viterbi returns the likeliest word of each position (-1: as typed, or
// not a word), the positions without candidates cutting the chain.
func (v *Vocabulary) viterbi(cands [][]candidate) []int32 {
	best := make([]int32, len(cands))
	for i := range best {
		best[i] = -1
	}
	for start := 0; start < len(cands); {
		if len(cands[start]) == 0 {
			start++
			continue
		}
		end := start
		for end < len(cands) && len(cands[end]) > 0 {
			end++
		}
		v.chain(cands[start:end], best[start:end])
		start = end
	}
	return best
}

// chain fills best with the likeliest reading of a run of syllables.
func (v *Vocabulary) chain(cands [][]candidate, best []int32) {
	score := make([][]float64, len(cands))
	back := make([][]int, len(cands))
	for i, cs := range cands {
		score[i] = make([]float64, len(cs))
		back[i] = make([]int, len(cs))
		for j, c := range cs {
			if i == 0 {
				score[i][j] = c.uni
				continue
			}
			score[i][j] = math.Inf(-1)
			for k, p := range cands[i-1] {
				s := score[i-1][k] + v.next(p.word, c) - c.cost
				if s > score[i][j] {
					score[i][j], back[i][j] = s, k
				}
			}
		}
	}
	last := len(cands) - 1
	k := 0
	for j := range score[last] {
		if score[last][j] > score[last][k] {
			k = j
		}
	}
	for i := last; i >= 0; i-- {
		best[i] = cands[i][k].word
		k = back[i][k]
	}
}

// next is the log chance of c after the word prev: the pair's share of
// prev's occurrences, mixed with c's own frequency.
func (v *Vocabulary) next(prev int32, c candidate) float64 {
	uni := math.Exp(c.uni + c.cost) // c's own chance
	if prev < 0 || c.word < 0 {
		return math.Log(uni)
	}
	p := float64(v.pair(prev, c.word)) / float64(v.words[prev].n)
	return math.Log(lambda*p + (1-lambda)*uni)
}

// osa is the optimal string alignment distance between a and b (edits:
// add, drop or change a byte, swap two neighbours), or max+1 when it is
// more than max.
func osa(a, b string, max int) int {
	if d := len(a) - len(b); d > max || -d > max {
		return max + 1
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			low = min(low, cur[j])
		}
		if low > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if prev[len(b)] > max {
		return max + 1
	}
	return prev[len(b)]
}
