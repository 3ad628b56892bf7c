package search

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/congtin/congtin/internal/search/vn"
	"golang.org/x/text/unicode/norm"
)

// A Vocabulary is what a site has published, as "did you mean" reads it:
// its syllables, each spelled exactly (vn.Token.Exact, diacritics kept)
// with how often it occurs, and how often each two stand side by side.
// Corrections (Correct) are drawn from it, so a site suggests its own
// words and names, and the syllables are scored by how well they pair
// with their neighbours ("an ninh" is common, "an nin" is not).
//
// A Vocabulary is built once (VocabBuilder) and then only read: it is
// safe for concurrent use.
type Vocabulary struct {
	words  []vocabWord      // by ID
	byWord map[string]int32 // Exact → ID
	folds  []vocabFold      // by fold ID
	byFold map[string]int32 // Fold → fold ID
	long   map[int][]int32  // fold IDs by length, for folds of maxShort+1 bytes or more
	pairs  []uint64         // pair keys (pairKey), sorted
	pairN  []uint32         // their counts
	total  float64          // syllables counted, for frequencies
	sizes  [2]int           // distinct words and pairs seen before the caps
	bytes  int              // an estimate of the memory held
	sorted []int32          // fold IDs in byte order of the folds (phrases.go)
	follow []int32          // each word's topFollowers most frequent followers, -1 for none (phrases.go)
	lead   []uint32         // by word: the count of its most frequent pair with a word before it (phrases.go)
}

// vocabWord is one exact spelling.
type vocabWord struct {
	exact, text string // text: how it is written, lower case NFC ("nội")
	fold        int32
	n           uint32
}

// vocabFold is one folded syllable: its count and its exact spellings,
// the most frequent first.
type vocabFold struct {
	fold  string
	n     uint32
	words []int32
}

// Caps on a vocabulary: a large site's text holds names, numbers and
// slips by the thousand, and pairs by the million, most seen once. What
// is kept is the most frequent, which is all a suggestion needs.
const (
	// MaxVocabWords is how many exact spellings are kept at most.
	MaxVocabWords = 60000
	// MaxVocabPairs is how many neighbour pairs are kept at most.
	MaxVocabPairs = 400000
	// pruneAt is how many distinct pairs a build holds before it drops
	// the rarest, so that building stays bounded too.
	pruneAt = 3 * MaxVocabPairs
	// maxShort is the longest syllable corrected within one edit; longer
	// ones may take two.
	maxShort = 5
)

// VocabBuilder counts the syllables and pairs of texts into a
// Vocabulary. It is not safe for concurrent use.
type VocabBuilder struct {
	ids   map[string]int32
	words []buildWord
	pairs map[uint64]uint32
	floor uint32 // pairs seen this often or less were dropped (pruning)
	total float64
}

// NewVocabBuilder returns an empty builder.
func NewVocabBuilder() *VocabBuilder {
	return &VocabBuilder{ids: map[string]int32{}, pairs: map[uint64]uint32{}}
}

// buildWord is a word being counted.
type buildWord struct {
	exact, fold, text string
	n                 uint32
}

func pairKey(a, b int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

// Add counts the syllables of one field of text (a title, a lead): pairs
// do not cross fields, nor numbers (a number is never corrected, and
// "năm 2024" says nothing of the words around it).
func (b *VocabBuilder) Add(text string) {
	prev := int32(-1)
	for _, t := range vn.Tokens(text, 0) {
		if !wordLike(t.Fold) {
			prev = -1
			continue
		}
		id, ok := b.ids[t.Exact]
		if !ok {
			id = int32(len(b.words))
			// Strings of Tokens share the text's memory: copy them, so
			// that the vocabulary does not keep every article alive.
			b.words = append(b.words, buildWord{exact: strings.Clone(t.Exact), fold: strings.Clone(t.Fold), text: spelled(t.Exact, text[t.Start:t.End])})
			b.ids[b.words[id].exact] = id
		}
		b.words[id].n++
		b.total++
		if prev >= 0 {
			b.pairs[pairKey(prev, id)]++
			if len(b.pairs) > pruneAt {
				b.prune()
			}
		}
		prev = id
	}
}

// prune drops the rarest pairs, raising the floor until at most half the
// cap of a build is left.
func (b *VocabBuilder) prune() {
	for len(b.pairs) > pruneAt/2 {
		b.floor++
		for k, n := range b.pairs {
			if n <= b.floor {
				delete(b.pairs, k)
			}
		}
	}
}

// wordLike reports whether a folded token is a word that may be
// corrected or suggested: letters only (numbers, codes and "covid19" are
// kept as typed), and not absurdly long.
func wordLike(fold string) bool {
	if len(fold) == 0 || len(fold) > 24 {
		return false
	}
	for i := 0; i < len(fold); i++ {
		if fold[i] < 'a' || fold[i] > 'z' {
			return false
		}
	}
	return true
}

// spelled is how the syllable exact is written, in lower case NFC: the
// Telex spelling of Exact typed out when it reads back to the same Exact
// (which puts the tone mark in the new, standard place: "hóa", "thủy"),
// else the word as the text wrote it.
func spelled(exact, orig string) string {
	if d, ok := vn.DecodeTelex(exact); ok {
		if t := vn.Tokens(d, 1); len(t) == 1 && t[0].Exact == exact {
			return d
		}
	}
	if !vn.HasDiacritics(orig) {
		return strings.Clone(vn.FoldString(orig))
	}
	return norm.NFC.String(strings.ToLower(orig))
}

// Build returns the vocabulary counted so far, within the caps.
func (b *VocabBuilder) Build() *Vocabulary {
	v := &Vocabulary{byWord: map[string]int32{}, byFold: map[string]int32{}, long: map[int][]int32{}, total: b.total}
	v.sizes = [2]int{len(b.words), len(b.pairs)}
	// The most frequent words, renumbered.
	order := make([]int32, len(b.words))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(x, y int32) int { return int(b.words[y].n) - int(b.words[x].n) })
	if len(order) > MaxVocabWords {
		order = order[:MaxVocabWords]
	}
	newID := make([]int32, len(b.words))
	for i := range newID {
		newID[i] = -1
	}
	for _, old := range order {
		w := b.words[old]
		id := int32(len(v.words))
		newID[old] = id
		fold := w.fold
		fid, ok := v.byFold[fold]
		if !ok {
			fid = int32(len(v.folds))
			v.folds = append(v.folds, vocabFold{fold: fold})
			v.byFold[fold] = fid
			if len(fold) > maxShort {
				v.long[len(fold)] = append(v.long[len(fold)], fid)
			}
		}
		v.folds[fid].n += w.n
		v.folds[fid].words = append(v.folds[fid].words, id) // most frequent first: order is
		v.words = append(v.words, vocabWord{exact: w.exact, text: w.text, fold: fid, n: w.n})
		v.byWord[w.exact] = id
	}
	// The most frequent pairs of kept words, sorted by key.
	type pc struct {
		k uint64
		n uint32
	}
	ps := make([]pc, 0, min(len(b.pairs), MaxVocabPairs))
	for k, n := range b.pairs {
		a, c := newID[int32(k>>32)], newID[int32(uint32(k))]
		if a < 0 || c < 0 {
			continue
		}
		ps = append(ps, pc{pairKey(a, c), n})
	}
	if len(ps) > MaxVocabPairs {
		slices.SortFunc(ps, func(x, y pc) int { return int(y.n) - int(x.n) })
		ps = ps[:MaxVocabPairs]
	}
	slices.SortFunc(ps, func(x, y pc) int {
		switch {
		case x.k < y.k:
			return -1
		case x.k > y.k:
			return 1
		}
		return 0
	})
	v.pairs, v.pairN = make([]uint64, len(ps)), make([]uint32, len(ps))
	for i, p := range ps {
		v.pairs[i], v.pairN[i] = p.k, p.n
	}
	v.bytes = v.estimate()
	v.index()
	return v
}

// estimate is roughly the bytes v holds: strings, slices and maps.
func (v *Vocabulary) estimate() int {
	n := len(v.words) * (16 + 16 + 8 + 48) // vocabWord, byWord entry
	for _, w := range v.words {
		n += 2*len(w.exact) + len(w.text)
	}
	n += len(v.folds) * (16 + 8 + 24 + 4 + 40) // vocabFold, byFold entry, word IDs
	for _, f := range v.folds {
		n += 2 * len(f.fold)
	}
	n += len(v.pairs) * 12
	return n
}

// Stats are a vocabulary's sizes, for the benchmarks.
type VocabStats struct {
	Words, Folds, Pairs  int // kept
	SeenWords, SeenPairs int // before the caps
	Syllables            int // counted
	Bytes                int // estimated
}

// Stats returns v's sizes.
func (v *Vocabulary) Stats() VocabStats {
	return VocabStats{Words: len(v.words), Folds: len(v.folds), Pairs: len(v.pairs),
		SeenWords: v.sizes[0], SeenPairs: v.sizes[1], Syllables: int(v.total), Bytes: v.bytes}
}

// pair returns how often a and b stand side by side.
func (v *Vocabulary) pair(a, b int32) uint32 {
	k := pairKey(a, b)
	if i, ok := slices.BinarySearch(v.pairs, k); ok {
		return v.pairN[i]
	}
	return 0
}

// caseLike writes s with the case of orig: "Hà Nôi" → "Hà Nội".
func caseLike(s, orig string) string {
	upper, lower := 0, 0
	first := true
	firstUpper := false
	for _, r := range orig {
		switch {
		case r >= 'A' && r <= 'Z' || r > utf8.RuneSelf && strings.ToLower(string(r)) != string(r):
			upper++
			if first {
				firstUpper = true
			}
		case r >= 'a' && r <= 'z' || r > utf8.RuneSelf && strings.ToUpper(string(r)) != string(r):
			lower++
		default:
			continue
		}
		first = false
	}
	switch {
	case upper > 1 && lower == 0:
		return strings.ToUpper(s)
	case firstUpper:
		r, n := utf8.DecodeRuneInString(s)
		return strings.ToUpper(string(r)) + s[n:]
	}
	return s
}
