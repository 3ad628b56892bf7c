package search

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/congtin/congtin/internal/search/vn"
	"golang.org/x/text/unicode/norm"
)

// Phrases for the search box: what the reader is typing, completed with
// the site's own frequent words ("an ni" → "an ninh", "an ninh trật
// tự"; "nong ng" → "nông nghiệp", "nông nghiệp công nghệ cao"). The last,
// partly typed syllable is completed to the syllables the site writes
// after the words before it; the words typed without diacritics get them
// back; the phrase is then carried on by the words that usually follow,
// as far as they hold together. All of it is read from the vocabulary's
// syllables and neighbour pairs: no store is asked, so it is as fast as
// the search box needs (microseconds).

// MaxPhrases is how many phrases Complete returns at most.
const MaxPhrases = 4

const (
	// maxPhraseTyped is the most syllables a query may have to be
	// completed: beyond it the reader is writing a sentence, not looking
	// for a phrase.
	maxPhraseTyped = 8
	// maxPhraseWords is the most syllables of a phrase.
	maxPhraseWords = 8
	// topFollowers is how many followers of each word are kept for
	// carrying a phrase on.
	topFollowers = 6
	// phraseBases is how many completions of the typed text are carried on.
	phraseBases = 6
	// minFollow is how often a pair must have been written to carry a
	// phrase on: once is chance.
	minFollow = 2
	// minShare is the least share of a word's occurrences a follower must
	// have to carry a phrase on.
	minShare = 0.05
	// boundShare: two syllables hold together as one word ("trật tự",
	// "nông nghiệp") when one of them stands with the other this often.
	boundShare = 0.5
	// tailShare: a syllable typed alone is not carried on when one
	// syllable stands before it more often than this ("nội" of "Hà Nội").
	tailShare = 0.6
	// pullShare: a phrase does not stop before a syllable that follows
	// its last this often ("an ninh trật" goes on to "tự").
	pullShare = 0.8
	// maxSpellings is how many spellings of a syllable typed without
	// diacritics are weighed ("nong": nông, nóng, nòng…).
	maxSpellings = 4
)

// index builds what Complete reads besides the words and pairs: the
// folds in byte order (for a prefix's range) and each word's most
// frequent followers. Called once, by Build.
func (v *Vocabulary) index() {
	v.sorted = make([]int32, len(v.folds))
	for i := range v.sorted {
		v.sorted[i] = int32(i)
	}
	slices.SortFunc(v.sorted, func(a, b int32) int { return strings.Compare(v.folds[a].fold, v.folds[b].fold) })
	v.follow = make([]int32, len(v.words)*topFollowers)
	for i := range v.follow {
		v.follow[i] = -1
	}
	// Pairs are sorted by key, so each word's followers are a run.
	for i := 0; i < len(v.pairs); {
		a := int32(v.pairs[i] >> 32)
		j := i
		for j < len(v.pairs) && int32(v.pairs[j]>>32) == a {
			j++
		}
		top := v.follow[int(a)*topFollowers : int(a+1)*topFollowers]
		for k := i; k < j; k++ {
			n := v.pairN[k]
			if n < minFollow {
				continue
			}
			// Insert into top, kept in descending count.
			pos := len(top)
			for pos > 0 && (top[pos-1] < 0 || v.pair(a, top[pos-1]) < n) {
				pos--
			}
			if pos < len(top) {
				copy(top[pos+1:], top[pos:len(top)-1])
				top[pos] = int32(uint32(v.pairs[k]))
			}
		}
		i = j
	}
	v.lead = make([]uint32, len(v.words))
	for k, key := range v.pairs {
		b := uint32(key)
		v.lead[b] = max(v.lead[b], v.pairN[k])
	}
	v.bytes += len(v.sorted)*4 + len(v.follow)*4 + len(v.lead)*4
}

// tail reports whether the word w is mostly the second half of a word:
// one syllable stands before it more than tailShare of the time ("nội"
// of "Hà Nội").
func (v *Vocabulary) tail(w int32) bool {
	return float64(v.lead[w]) > tailShare*float64(v.words[w].n)
}

// followers returns the range of v.pairs holding the pairs that start
// with word a.
func (v *Vocabulary) followers(a int32) (int, int) {
	lo, _ := slices.BinarySearch(v.pairs, pairKey(a, 0))
	hi, _ := slices.BinarySearch(v.pairs, pairKey(a+1, 0))
	return lo, hi
}

// foldRange returns the range of v.sorted holding the folds that start
// with prefix.
func (v *Vocabulary) foldRange(prefix string) (int, int) {
	lo, _ := slices.BinarySearchFunc(v.sorted, prefix, func(f int32, p string) int { return strings.Compare(v.folds[f].fold, p) })
	hi := lo
	for hi < len(v.sorted) && strings.HasPrefix(v.folds[v.sorted[hi]].fold, prefix) {
		hi++
	}
	return lo, hi
}

// phraseNode is a word of a phrase being built, linked to the one before.
type phraseNode struct {
	word  int32 // -1: a token of the reader's that is not in the vocabulary
	text  string
	prev  *phraseNode
	words int     // syllables up to here
	score float64 // log chance of the phrase
	// ends reports whether the phrase may stop here: its last two
	// syllables stand together in the site's text.
	ends bool
	// added is how many syllables were added after the reader's words.
	added int
}

// Complete returns up to MaxPhrases phrases that complete q, the text of
// a search box being typed (a trailing space says the last word is
// finished), the likeliest first, written with diacritics and
// single-spaced: the words the reader typed (with their diacritics put
// back when typed without, in the case typed), the last one completed
// when it was being typed, and the words the site writes after them. A
// phrase has two syllables at least and is never what was typed. Numbers
// and codes typed are kept, never completed; q with nothing to complete
// (no word, only punctuation, too long, a last word the site never
// starts one with) gives none. It never fails.
func (v *Vocabulary) Complete(q string) []string {
	if v == nil || len(v.words) == 0 || len(q) > maxQueryBytes {
		return nil
	}
	q = strings.ToValidUTF8(q, " ")
	toks := vn.Tokens(q, maxPhraseTyped+1)
	if len(toks) == 0 || len(toks) > maxPhraseTyped {
		return nil
	}
	last := toks[len(toks)-1]
	r, _ := utf8.DecodeLastRuneInString(q)
	partial := last.End == len(q) && !unicode.IsSpace(r)
	ctx := toks
	if partial {
		if !wordLike(last.Fold) {
			return nil
		}
		ctx = toks[:len(toks)-1]
	}
	if len(ctx) == 0 && !partial {
		return nil
	}
	typed := foldJoin(toks)
	// Typed in capitals (two letters at least): the phrase is too.
	upper := len(caseLike("xx", q)) == 2 && caseLike("xx", q) == "XX"

	// The reader's words: the likeliest spelling of each, given the one
	// before (a run of known words, as Correct reads them; an unknown
	// word or a number cuts the run).
	nodes := make([][]*phraseNode, len(ctx))
	for i, t := range ctx {
		var prevs []*phraseNode
		if i > 0 {
			prevs = nodes[i-1]
		}
		orig := q[t.Start:t.End]
		for _, w := range v.spellings(t) {
			n := &phraseNode{word: w, text: v.textAs(w, t, orig), words: i + 1}
			n.prev, n.score = v.bestPrev(prevs, w)
			nodes[i] = append(nodes[i], n)
		}
		if len(nodes[i]) == 0 {
			n := &phraseNode{word: -1, text: orig, words: i + 1}
			if len(prevs) > 0 {
				n.prev, n.score = prevs[0], prevs[0].score
			}
			nodes[i] = append(nodes[i], n)
		}
		// Keep the best first, so an unknown word's prev is the best.
		slices.SortStableFunc(nodes[i], func(a, b *phraseNode) int { return cmpScore(b.score, a.score) })
	}

	// The phrases' starts: the typed words with the last one completed,
	// or as they are when the last was finished.
	var bases []*phraseNode
	if partial {
		bases = v.completions(q, last, nodes)
	} else {
		bases = nodes[len(nodes)-1]
	}
	if len(bases) > phraseBases {
		bases = bases[:phraseBases]
	}

	// Carried on by the words that follow.
	var out []*phraseNode
	var grow func(n *phraseNode, depth int)
	grow = func(n *phraseNode, depth int) {
		if n.ends && n.words >= 2 {
			out = append(out, n)
		}
		if n.word < 0 || depth >= 3 || n.words >= maxPhraseWords {
			return
		}
		width := []int{4, 2, 1}[depth]
		total := float64(v.words[n.word].n)
		// A word typed alone, or after words the site never wrote, may
		// be the second half of a word ("nội" of "Hà Nội"): it is
		// carried on only by a syllable it makes a word with.
		alone := depth == 0 && (n.prev == nil || n.prev.word < 0)
		if alone && v.tail(n.word) {
			return
		}
		for _, f := range v.follow[int(n.word)*topFollowers : int(n.word+1)*topFollowers] {
			if f < 0 || width == 0 {
				break
			}
			c := float64(v.pair(n.word, f))
			if c/total < minShare {
				break
			}
			ends := max(c/total, c/float64(v.words[f].n)) >= boundShare
			if alone && !ends {
				continue
			}
			width--
			// A phrase is carried on by whole words: two syllables at
			// least ("an ninh" + "trật tự"), never half of one ("phát
			// triển" + "khai" of "triển khai").
			next := &phraseNode{word: f, text: v.words[f].text, prev: n, words: n.words + 1, added: n.added + 1,
				score: n.score + math.Log(c/total)}
			// One syllable is enough where it completes the word typed
			// alone ("nôn" → "nông nghiệp"), or nearly always follows
			// ("chuyển đổi" → "số").
			next.ends = ends && (alone || next.added >= 2) || c/total >= boundShare
			grow(next, depth+1)
		}
	}
	for _, b := range bases {
		grow(b, 0)
	}

	slices.SortStableFunc(out, func(a, b *phraseNode) int { return cmpScore(b.score, a.score) })
	var phrases []string
	seen := map[string]bool{typed: true}
	for _, n := range out {
		if len(phrases) == MaxPhrases {
			break
		}
		if n.word >= 0 && v.pulled(n.word) {
			continue
		}
		p := n.phrase()
		if upper {
			p = strings.ToUpper(p)
		}
		if f := vn.FoldString(p); !seen[f] {
			seen[f] = true
			phrases = append(phrases, p)
		}
	}
	return phrases
}

// completions returns the completions of the partly typed word last
// after the reader's words (nodes), the likeliest first: the words the
// site writes after them that start with what is typed, or with no word
// known before it, the site's words that start with it.
func (v *Vocabulary) completions(q string, last vn.Token, nodes [][]*phraseNode) []*phraseNode {
	orig := q[last.Start:last.End]
	accented := last.Exact != last.Fold
	lower := norm.NFC.String(strings.ToLower(orig))
	words := len(nodes) + 1
	var out []*phraseNode
	if len(nodes) > 0 && nodes[len(nodes)-1][0].word >= 0 {
		best := map[int32]*phraseNode{}
		for _, p := range nodes[len(nodes)-1] {
			lo, hi := v.followers(p.word)
			total := float64(v.words[p.word].n)
			for k := lo; k < hi; k++ {
				w := int32(uint32(v.pairs[k]))
				if !strings.HasPrefix(v.folds[v.words[w].fold].fold, last.Fold) {
					continue
				}
				s := p.score + math.Log(lambda*float64(v.pairN[k])/total+(1-lambda)*float64(v.words[w].n)/v.total)
				if b := best[w]; b == nil || s > b.score {
					best[w] = &phraseNode{word: w, prev: p, words: words, score: s, ends: true}
				}
			}
		}
		for _, n := range best {
			out = append(out, n)
		}
	} else {
		var prev *phraseNode
		if len(nodes) > 0 {
			prev = nodes[len(nodes)-1][0]
		}
		lo, hi := v.foldRange(last.Fold)
		for _, f := range v.sorted[lo:hi] {
			for _, w := range v.folds[f].words {
				out = append(out, &phraseNode{word: w, prev: prev, words: words,
					score: math.Log(float64(v.words[w].n) / v.total)})
			}
		}
	}
	if accented {
		// Typed with diacritics: the words written so, when there are.
		var kept []*phraseNode
		for _, n := range out {
			if strings.HasPrefix(v.words[n.word].text, lower) {
				kept = append(kept, n)
			}
		}
		if len(kept) > 0 {
			out = kept
		}
	}
	slices.SortFunc(out, func(a, b *phraseNode) int {
		if c := cmpScore(b.score, a.score); c != 0 {
			return c
		}
		return int(a.word - b.word)
	})
	for _, n := range out {
		n.text = caseLike(v.words[n.word].text, orig)
	}
	return out
}

// spellings returns the words of the vocabulary the token t may be: the
// one typed when typed with diacritics the site writes, else the most
// frequent spellings of its fold; none for an unknown word or a number.
func (v *Vocabulary) spellings(t vn.Token) []int32 {
	if !wordLike(t.Fold) {
		return nil
	}
	if t.Exact != t.Fold {
		if w, ok := v.byWord[t.Exact]; ok {
			return []int32{w}
		}
	}
	f, ok := v.byFold[t.Fold]
	if !ok {
		return nil
	}
	ws := v.folds[f].words
	return ws[:min(len(ws), maxSpellings)]
}

// textAs is how word w is written in a phrase for the token t typed as
// orig: as typed when typed with those diacritics, else the site's
// spelling in the case typed.
func (v *Vocabulary) textAs(w int32, t vn.Token, orig string) string {
	if t.Exact != t.Fold && v.words[w].exact == t.Exact {
		return norm.NFC.String(orig)
	}
	return caseLike(v.words[w].text, orig)
}

// bestPrev returns the node of prevs that w follows likeliest, and the
// score of the phrase up to w.
func (v *Vocabulary) bestPrev(prevs []*phraseNode, w int32) (*phraseNode, float64) {
	uni := float64(v.words[w].n) / v.total
	if len(prevs) == 0 || prevs[0].word < 0 {
		var p *phraseNode
		s := math.Log(uni)
		if len(prevs) > 0 {
			p = prevs[0]
			s += p.score
		}
		return p, s
	}
	var best *phraseNode
	score := math.Inf(-1)
	for _, p := range prevs {
		pr := float64(v.pair(p.word, w)) / float64(v.words[p.word].n)
		if s := p.score + math.Log(lambda*pr+(1-lambda)*uni); s > score {
			best, score = p, s
		}
	}
	return best, score
}

// pulled reports whether a phrase ending with w would stop just before a
// syllable that nearly always follows it.
func (v *Vocabulary) pulled(w int32) bool {
	f := v.follow[int(w)*topFollowers]
	return f >= 0 && float64(v.pair(w, f)) >= pullShare*float64(v.words[w].n)
}

// phrase returns the text of the phrase ending at n.
func (n *phraseNode) phrase() string {
	parts := make([]string, n.words)
	for m := n; m != nil; m = m.prev {
		parts[m.words-1] = m.text
	}
	return strings.Join(parts, " ")
}

// foldJoin is the folded tokens, one space apart.
func foldJoin(toks []vn.Token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Fold
	}
	return strings.Join(parts, " ")
}

func cmpScore(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
