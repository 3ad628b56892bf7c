// Package diff builds the readable comparison of two revisions of an article
// that the back office shows to editors: the title and lead are compared word
// by word with Text, the HTML body paragraph by paragraph with HTML.
//
// Text splits both sides into words (runs of non-space runes) with their
// spaces kept, so the segments always rebuild each side exactly: joining the
// Equal and Delete texts gives the old text, joining the Equal and Insert
// texts gives the new one. Words are compared by exact equality, so a change
// of diacritics ("hóa" → "hoá") is a change; input is assumed to be NFC.
//
// HTML reduces each body to its readable blocks (paragraphs, headings, list
// items, table rows, captions, quotes, preformatted text, images as
// "[Ảnh: ALT]"), aligns the blocks, and shows word-level changes inside a
// paragraph that was edited rather than added or removed.
//
// Both functions use a longest-common-subsequence alignment after stripping
// the common prefix and suffix. The alignment is quadratic, so it is bounded:
// past 4,000,000 cells (words × words, or blocks × blocks) the differing
// middle is reported as one deletion followed by one insertion instead. The
// output is deterministic.
package diff

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Op is what happened to a piece of text.
type Op int

const (
	// Equal text is on both sides.
	Equal Op = iota
	// Insert text is only in the new revision.
	Insert
	// Delete text is only in the old revision.
	Delete
)

// String returns "Equal", "Insert" or "Delete".
func (o Op) String() string {
	switch o {
	case Equal:
		return "Equal"
	case Insert:
		return "Insert"
	case Delete:
		return "Delete"
	}
	return "Op(" + strconv.Itoa(int(o)) + ")"
}

// Segment is a piece of text and what happened to it.
type Segment struct {
	Op   Op
	Text string
}

// Block is one paragraph-level unit of the comparison.
//
// An unchanged block has Changed=false and a single Equal segment. An added
// or removed block has a single Insert or Delete segment. An edited block
// has the word-level segments of Text. Changed is true for all but the first
// kind.
type Block struct {
	Segments []Segment
	Changed  bool
}

// maxCells bounds the LCS table: words × words in Text, blocks × blocks in
// HTML (2000 × 2000). Past it the differing middle is deleted and inserted
// whole.
const maxCells = 4_000_000

// maxPairCells bounds the word-level work HTML spends inside edited
// paragraphs, all paragraphs together; once spent, the remaining edited
// paragraphs are shown as deleted and inserted whole.
const maxPairCells = 4_000_000

// Text compares two plain strings word by word.
//
// Words are runs of non-space runes; spaces stay in the segments, so joining
// the Equal and Delete texts gives a and joining the Equal and Insert texts
// gives b. Within a changed stretch the Delete segment comes before the
// Insert segment, adjacent segments never share an Op, and no segment is
// empty. Text returns nil when both strings are empty.
func Text(a, b string) []Segment {
	budget := maxCells
	return text(a, b, &budget)
}

// text is Text charging the LCS table to *budget; when the table would not
// fit, the differing middle is deleted and inserted whole.
func text(a, b string, budget *int) []Segment {
	if a == b {
		if a == "" {
			return nil
		}
		return []Segment{{Equal, a}}
	}
	// Fast path: cut the common bytes at both ends back to word starts, so
	// that only the middle is tokenized.
	p, ea, eb := trimCommon(a, b)
	var rl runList
	rl.add(Equal, a[:p])
	rl.words(a[p:ea], b[p:eb], budget)
	rl.add(Equal, a[ea:])
	rl.cleanup()
	return rl.segments()
}

// trimCommon returns the common prefix a[:p] == b[:p] and the common suffix
// a[ea:] == b[eb:] of two different strings, both cut at word starts so
// that the tokens of the middles are tokens of a and b.
func trimCommon(a, b string) (p, ea, eb int) {
	n := min(len(a), len(b))
	for p < n && a[p] == b[p] {
		p++
	}
	q := 0
	for q < n-p && a[len(a)-1-q] == b[len(b)-1-q] {
		q++
	}
	// Back p off to a rune start, then to the start of the word before it:
	// p is then 0 or a word start preceded by spaces on both sides.
	for p > 0 && (p < len(a) && !utf8.RuneStart(a[p]) || p < len(b) && !utf8.RuneStart(b[p])) {
		p--
	}
	for p > 0 {
		r, w := utf8.DecodeLastRuneInString(a[:p])
		if !unicode.IsSpace(r) {
			break
		}
		p -= w
	}
	for p > 0 {
		r, w := utf8.DecodeLastRuneInString(a[:p])
		if unicode.IsSpace(r) {
			break
		}
		p -= w
	}
	// Move the suffix start forward past the rest of a word and the spaces
	// after it, so that it is a word start whose preceding space is common.
	e := len(a) - q
	for e < len(a) {
		sp, w := isSpaceAt(a, e)
		if sp {
			break
		}
		e += w
	}
	for e < len(a) {
		sp, w := isSpaceAt(a, e)
		if !sp {
			break
		}
		e += w
	}
	return p, e, len(b) - (len(a) - e)
}

// words adds the word-level comparison of a and b.
func (rl *runList) words(a, b string, budget *int) {
	ta, tb := tokenize(a), tokenize(b)

	// Common prefix and suffix of whole tokens (word and spaces).
	pre := 0
	for pre < len(ta) && pre < len(tb) && ta[pre].text(a) == tb[pre].text(b) {
		pre++
	}
	suf := 0
	for suf < len(ta)-pre && suf < len(tb)-pre &&
		ta[len(ta)-1-suf].text(a) == tb[len(tb)-1-suf].text(b) {
		suf++
	}

	startA, startB := 0, 0 // byte offsets where the middle starts
	if pre > 0 {
		startA, startB = ta[pre-1].end, tb[pre-1].end
		rl.add(Equal, a[:startA])
	}
	endA, endB := len(a), len(b) // byte offsets where the middle ends
	if suf > 0 {
		endA, endB = ta[len(ta)-suf].start, tb[len(tb)-suf].start
	}
	ma, mb := ta[pre:len(ta)-suf], tb[pre:len(tb)-suf]

	if !fits(len(ma), len(mb), *budget) {
		// Nothing to align, or too much: the middle is replaced whole.
		rl.add(Delete, a[startA:endA])
		rl.add(Insert, b[startB:endB])
	} else {
		*budget -= len(ma) * len(mb)
		ka, kb := internWords(a, b, ma, mb)
		i, j := 0, 0
		for _, e := range lcs(ka, kb) {
			switch e {
			case edEqual:
				x, y := ma[i], mb[j]
				rl.add(Equal, a[x.start:x.wordEnd])
				if sa, sb := a[x.wordEnd:x.end], b[y.wordEnd:y.end]; sa == sb {
					rl.add(Equal, sa)
				} else {
					rl.add(Delete, sa)
					rl.add(Insert, sb)
				}
				i++
				j++
			case edDelete:
				rl.add(Delete, ma[i].text(a))
				i++
			case edInsert:
				rl.add(Insert, mb[j].text(b))
				j++
			}
		}
	}
	if suf > 0 {
		rl.add(Equal, a[endA:])
	}
}

// token is a word and the spaces after it, as byte offsets into its string.
// The first token of every string is the leading spaces alone (an empty
// word), so it only ever lines up with the other side's leading spaces.
type token struct{ start, wordEnd, end int }

func (t token) text(s string) string { return s[t.start:t.end] }

// isSpaceAt reports whether a space rune (unicode.IsSpace) starts at s[i],
// and the byte width to step over. A byte that starts no space is stepped
// over alone: the multi-byte spaces (U+0085, U+00A0, U+1680, U+2000–U+200A,
// U+2028, U+2029, U+202F, U+205F, U+3000) all start with 0xC2, 0xE1, 0xE2
// or 0xE3, none of which is a continuation byte, so spaces are found exactly
// where a rune-by-rune scan finds them, without decoding every rune.
func isSpaceAt(s string, i int) (bool, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return asciiSpace[c], 1
	}
	if c != 0xC2 && (c < 0xE1 || c > 0xE3) {
		return false, 1
	}
	return multiByteSpace(s[i:])
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// multiByteSpace is isSpaceAt for s starting with 0xC2, 0xE1, 0xE2 or 0xE3.
func multiByteSpace(s string) (bool, int) {
	var b1, b2 byte
	if len(s) > 1 {
		b1 = s[1]
	}
	if len(s) > 2 {
		b2 = s[2]
	}
	var sp bool
	switch s[0] {
	case 0xC2: // U+0085, U+00A0
		if b1 == 0x85 || b1 == 0xA0 {
			return true, 2
		}
	case 0xE1: // U+1680
		sp = b1 == 0x9A && b2 == 0x80
	case 0xE2: // U+2000–U+200A, U+2028, U+2029, U+202F, U+205F
		sp = b1 == 0x80 && (0x80 <= b2 && b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF) ||
			b1 == 0x81 && b2 == 0x9F
	case 0xE3: // U+3000
		sp = b1 == 0x80 && b2 == 0x80
	}
	if sp {
		return true, 3
	}
	return false, 1
}

// tokenize splits s into its leading spaces and its words with their
// trailing spaces.
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/6+2)
	i := 0
	for i < len(s) {
		sp, w := isSpaceAt(s, i)
		if !sp {
			break
		}
		i += w
	}
	toks = append(toks, token{0, 0, i})
	for i < len(s) {
		t := token{start: i}
		for i < len(s) {
			sp, w := isSpaceAt(s, i)
			if sp {
				break
			}
			i += w
		}
		t.wordEnd = i
		for i < len(s) {
			sp, w := isSpaceAt(s, i)
			if !sp {
				break
			}
			i += w
		}
		t.end = i
		toks = append(toks, t)
	}
	return toks
}

// countWords counts the runs of non-space runes in s.
func countWords(s string) int {
	n, inWord := 0, false
	for i := 0; i < len(s); {
		sp, w := isSpaceAt(s, i)
		if !sp && !inWord {
			n++
		}
		inWord = !sp
		i += w
	}
	return n
}

// internWords maps the words of two token lists to small integers, equal
// words to equal integers.
func internWords(a, b string, ta, tb []token) (ka, kb []int32) {
	key := interner(len(ta) + len(tb))
	ka, kb = make([]int32, len(ta)), make([]int32, len(tb))
	for i, t := range ta {
		ka[i] = key(a[t.start:t.wordEnd])
	}
	for i, t := range tb {
		kb[i] = key(b[t.start:t.wordEnd])
	}
	return ka, kb
}

// interner returns a function that maps strings to small integers, equal
// strings to equal integers, so that lcs compares integers; n is about how
// many strings it will be given.
func interner(n int) func(string) int32 {
	ids := make(map[string]int32, n)
	return func(s string) int32 {
		id, ok := ids[s]
		if !ok {
			id = int32(len(ids))
			ids[s] = id
		}
		return id
	}
}

// fits reports whether an n×m table fits in budget cells.
func fits(n, m, budget int) bool {
	return n > 0 && m > 0 && n <= budget/m
}

type edit uint8

const (
	edEqual edit = iota
	edDelete
	edInsert
)

// lcs returns an edit script turning a into b along a longest common
// subsequence. At a tie it deletes before it inserts. The caller bounds
// len(a)*len(b).
func lcs(a, b []int32) []edit {
	n, m := len(a), len(b)
	w := m + 1
	// l[i*w+j] is the LCS length of a[i:] and b[j:].
	l := make([]int32, (n+1)*w)
	for i := n - 1; i >= 0; i-- {
		row, next := l[i*w:], l[(i+1)*w:]
		ai := a[i]
		for j := m - 1; j >= 0; j-- {
			switch {
			case ai == b[j]:
				row[j] = next[j+1] + 1
			case next[j] >= row[j+1]:
				row[j] = next[j]
			default:
				row[j] = row[j+1]
			}
		}
	}
	script := make([]edit, 0, n+m)
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case a[i] == b[j]:
			script = append(script, edEqual)
			i++
			j++
		case l[(i+1)*w+j] >= l[i*w+j+1]:
			script = append(script, edDelete)
			i++
		default:
			script = append(script, edInsert)
			j++
		}
	}
	for ; i < n; i++ {
		script = append(script, edDelete)
	}
	for ; j < m; j++ {
		script = append(script, edInsert)
	}
	return script
}

// run is either an equal stretch or a changed stretch (what was deleted and
// what was inserted there), as pieces of text to be joined at the end.
type run struct {
	eq              bool
	eqP, delP, insP []string
	eqW, delW, insW int    // words in each, -1 until counted
	eqS, delS, insS string // joined pieces
	pre, post       string // equal spaces moved out of a change
}

// runList alternates equal and changed runs.
type runList struct{ runs []run }

func (l *runList) add(op Op, s string) {
	if s == "" {
		return
	}
	n := len(l.runs)
	if op == Equal {
		if n == 0 || !l.runs[n-1].eq {
			l.runs = append(l.runs, run{eq: true, eqW: -1})
			n++
		}
		r := &l.runs[n-1]
		r.eqP = append(r.eqP, s)
		return
	}
	if n == 0 || l.runs[n-1].eq {
		l.runs = append(l.runs, run{delW: -1, insW: -1})
		n++
	}
	r := &l.runs[n-1]
	if op == Delete {
		r.delP = append(r.delP, s)
	} else {
		r.insP = append(r.insP, s)
	}
}

// wordCount returns the number of words in pieces, counting them into *n
// the first time (*n < 0): the common prefix and suffix, possibly large,
// are never counted.
func wordCount(n *int, pieces []string) int {
	if *n < 0 {
		*n = 0
		for _, p := range pieces {
			*n += countWords(p)
		}
	}
	return *n
}

// cleanup makes the result readable:
//
//   - an equal stretch between two changes is folded into them when it has
//     fewer words than each of them (so a rewritten sentence does not show
//     as a salad of tiny matches on "và", "của", "là"), and
//   - spaces common to the start or the end of both sides of a change are
//     moved out of it, so a replaced word shows without its spaces.
func (l *runList) cleanup() {
	out := l.runs[:0]
	for _, r := range l.runs {
		out = append(out, r)
		for {
			n := len(out)
			if n < 3 || out[n-1].eq || !out[n-2].eq || out[n-3].eq {
				break
			}
			c1, e, c2 := &out[n-3], &out[n-2], &out[n-1]
			d1, i1 := wordCount(&c1.delW, c1.delP), wordCount(&c1.insW, c1.insP)
			d2, i2 := wordCount(&c2.delW, c2.delP), wordCount(&c2.insW, c2.insP)
			we := wordCount(&e.eqW, e.eqP)
			if we >= max(d1, i1) || we >= max(d2, i2) {
				break
			}
			c1.delP = append(append(c1.delP, e.eqP...), c2.delP...)
			c1.insP = append(append(c1.insP, e.eqP...), c2.insP...)
			c1.delW, c1.insW = d1+we+d2, i1+we+i2
			out = out[:n-2]
		}
	}
	l.runs = out
	for i := range l.runs {
		r := &l.runs[i]
		if r.eq {
			r.eqS = strings.Join(r.eqP, "")
			continue
		}
		r.delS, r.insS = strings.Join(r.delP, ""), strings.Join(r.insP, "")
		if r.delS == "" || r.insS == "" {
			continue
		}
		if p := commonSpacePrefix(r.delS, r.insS); p > 0 {
			r.pre = r.delS[:p]
			r.delS, r.insS = r.delS[p:], r.insS[p:]
		}
		if r.delS == "" || r.insS == "" {
			continue
		}
		if q := commonSpaceSuffix(r.delS, r.insS); q > 0 {
			r.post = r.delS[len(r.delS)-q:]
			r.delS, r.insS = r.delS[:len(r.delS)-q], r.insS[:len(r.insS)-q]
		}
	}
}

// commonSpacePrefix is the byte length of the longest run of identical
// space runes both strings start with.
func commonSpacePrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) {
		ra, wa := utf8.DecodeRuneInString(a[n:])
		rb, _ := utf8.DecodeRuneInString(b[n:])
		if ra != rb || !unicode.IsSpace(ra) {
			break
		}
		n += wa
	}
	return n
}

// commonSpaceSuffix is the byte length of the longest run of identical
// space runes both strings end with.
func commonSpaceSuffix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) {
		ra, wa := utf8.DecodeLastRuneInString(a[:len(a)-n])
		rb, _ := utf8.DecodeLastRuneInString(b[:len(b)-n])
		if ra != rb || !unicode.IsSpace(ra) {
			break
		}
		n += wa
	}
	return n
}

func (l *runList) segments() []Segment {
	var segs []Segment
	emit := func(op Op, s string) {
		if s == "" {
			return
		}
		if n := len(segs); n > 0 && segs[n-1].Op == op {
			segs[n-1].Text += s
			return
		}
		segs = append(segs, Segment{op, s})
	}
	for _, r := range l.runs {
		if r.eq {
			emit(Equal, r.eqS)
			continue
		}
		emit(Equal, r.pre)
		emit(Delete, r.delS)
		emit(Insert, r.insS)
		emit(Equal, r.post)
	}
	return segs
}

// HTML compares two HTML bodies as readable text.
//
// Each body is reduced to blocks: one per p, h1–h6, li, figcaption,
// blockquote and pre, one per table row (its td/th cells joined with " | "),
// and one for loose text between block-level elements (div, section, …).
// Spaces are collapsed (except in pre), an <img> becomes "[Ảnh: ALT]", and
// script, style, template and similar non-content is ignored; blocks with no
// text are dropped.
//
// The blocks are aligned by their text with an LCS, so an added paragraph
// is one inserted block. Within each stretch of removed and added blocks
// between two unchanged ones, a removed block and an added block that share
// enough words are paired and shown as one edited block with the segments of
// Text; the others are shown as removed or added whole.
func HTML(a, b string) []Block {
	ba := blocks(a)
	var bb []string
	if a == b {
		bb = ba
	} else {
		bb = blocks(b)
	}
	return diffBlocks(ba, bb)
}

func diffBlocks(a, b []string) []Block {
	out := make([]Block, 0, max(len(a), len(b)))
	equal := func(s string) {
		out = append(out, Block{Segments: []Segment{{Equal, s}}})
	}
	whole := func(op Op, s string) {
		out = append(out, Block{Segments: []Segment{{op, s}}, Changed: true})
	}

	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	for _, s := range a[:pre] {
		equal(s)
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	if len(ma) > 0 && len(mb) > 0 && !fits(len(ma), len(mb), maxCells) {
		// Too many blocks to align: show the middle removed then added.
		for _, s := range ma {
			whole(Delete, s)
		}
		for _, s := range mb {
			whole(Insert, s)
		}
	} else {
		key := interner(len(ma) + len(mb))
		ka, kb := make([]int32, len(ma)), make([]int32, len(mb))
		for i, s := range ma {
			ka[i] = key(s)
		}
		for i, s := range mb {
			kb[i] = key(s)
		}
		var script []edit
		if len(ma) > 0 && len(mb) > 0 {
			script = lcs(ka, kb)
		} else {
			for range ma {
				script = append(script, edDelete)
			}
			for range mb {
				script = append(script, edInsert)
			}
		}
		p := pairer{budget: maxPairCells}
		var dels, inss []string
		i, j := 0, 0
		for _, e := range script {
			switch e {
			case edEqual:
				out = p.changes(out, dels, inss)
				dels, inss = dels[:0], inss[:0]
				equal(ma[i])
				i++
				j++
			case edDelete:
				dels = append(dels, ma[i])
				i++
			case edInsert:
				inss = append(inss, mb[j])
				j++
			}
		}
		out = p.changes(out, dels, inss)
	}
	for _, s := range a[len(a)-suf:] {
		equal(s)
	}
	return out
}

// minPairSimilarity is how alike (Dice coefficient of the word multisets) a
// removed and an added block must be to be shown as one edited block.
const minPairSimilarity = 0.3

// maxPairSearch bounds the removed × added block pairs scored in one stretch
// to choose the best pairing; larger stretches pair blocks by position.
const maxPairSearch = 10_000

// pairer turns a stretch of removed and added blocks into Blocks.
type pairer struct {
	budget int // word cells left for Text inside edited blocks
}

func (p *pairer) changes(out []Block, dels, inss []string) []Block {
	edited := func(d, s string) {
		out = append(out, Block{Segments: text(d, s, &p.budget), Changed: true})
	}
	removed := func(s string) {
		out = append(out, Block{Segments: []Segment{{Delete, s}}, Changed: true})
	}
	added := func(s string) {
		out = append(out, Block{Segments: []Segment{{Insert, s}}, Changed: true})
	}
	if len(dels) == 0 || len(inss) == 0 {
		for _, s := range dels {
			removed(s)
		}
		for _, s := range inss {
			added(s)
		}
		return out
	}

	wd, wi := bagsOf(dels), bagsOf(inss)
	n, m := len(dels), len(inss)
	if n*m > maxPairSearch {
		// Pair by position.
		k := 0
		for ; k < n && k < m; k++ {
			if similarity(wd[k], wi[k]) >= minPairSimilarity {
				edited(dels[k], inss[k])
			} else {
				removed(dels[k])
				added(inss[k])
			}
		}
		for _, s := range dels[k:] {
			removed(s)
		}
		for _, s := range inss[k:] {
			added(s)
		}
		return out
	}

	// Choose the order-preserving pairing with the largest total similarity.
	w := m + 1
	best := make([]float64, (n+1)*w)
	choice := make([]edit, (n+1)*w) // edEqual: pair, edDelete, edInsert
	for i := n - 1; i >= 0; i-- {
		choice[i*w+m] = edDelete
	}
	for j := m - 1; j >= 0; j-- {
		choice[n*w+j] = edInsert
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			v, c := best[(i+1)*w+j], edDelete
			if x := best[i*w+j+1]; x > v {
				v, c = x, edInsert
			}
			if s := similarity(wd[i], wi[j]); s >= minPairSimilarity {
				if x := s + best[(i+1)*w+j+1]; x >= v {
					v, c = x, edEqual
				}
			}
			best[i*w+j], choice[i*w+j] = v, c
		}
	}
	for i, j := 0, 0; i < n || j < m; {
		switch choice[i*w+j] {
		case edEqual:
			edited(dels[i], inss[j])
			i++
			j++
		case edDelete:
			removed(dels[i])
			i++
		default:
			added(inss[j])
			j++
		}
	}
	return out
}

// bag is a multiset of words.
type bag struct {
	count map[string]int
	total int
}

func bagsOf(blocks []string) []bag {
	bags := make([]bag, len(blocks))
	for i, s := range blocks {
		ws := strings.Fields(s)
		b := bag{count: make(map[string]int, len(ws)), total: len(ws)}
		for _, w := range ws {
			b.count[w]++
		}
		bags[i] = b
	}
	return bags
}

// similarity is the Dice coefficient of two word multisets, in [0, 1].
func similarity(a, b bag) float64 {
	if a.total+b.total == 0 {
		return 0
	}
	if len(a.count) > len(b.count) {
		a, b = b, a
	}
	common := 0
	for w, c := range a.count {
		common += min(c, b.count[w])
	}
	return 2 * float64(common) / float64(a.total+b.total)
}

// blocks extracts the readable blocks of an HTML body.
func blocks(body string) []string {
	ctx := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(body), ctx)
	if err != nil { // not reachable with a strings.Reader; keep the text
		if s := collapse(body); s != "" {
			return []string{s}
		}
		return nil
	}
	var x extractor
	for _, n := range nodes {
		x.walk(n)
	}
	x.flush()
	return x.blocks
}

// skipped elements hold no readable article text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Template: true,
	atom.Noscript: true, atom.Noembed: true, atom.Noframes: true,
	atom.Head: true, atom.Title: true, atom.Meta: true, atom.Link: true,
	atom.Iframe: true, atom.Object: true, atom.Embed: true,
	atom.Canvas: true, atom.Svg: true, atom.Math: true,
}

// boundaries end the text before them and start a new block; the listed
// block elements (p, h1–h6, li, figcaption, blockquote, pre) among them, and
// the containers whose loose text would otherwise run into its neighbours.
var boundaries = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Figcaption: true,
	atom.Blockquote: true, atom.Pre: true,

	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Body: true,
	atom.Caption: true, atom.Center: true, atom.Dd: true, atom.Details: true,
	atom.Dialog: true, atom.Dir: true, atom.Div: true, atom.Dl: true,
	atom.Dt: true, atom.Fieldset: true, atom.Figure: true, atom.Footer: true,
	atom.Form: true, atom.Header: true, atom.Hgroup: true, atom.Hr: true,
	atom.Legend: true, atom.Main: true, atom.Menu: true, atom.Nav: true,
	atom.Ol: true, atom.Section: true, atom.Summary: true, atom.Table: true,
	atom.Tbody: true, atom.Tfoot: true, atom.Thead: true, atom.Ul: true,
	atom.Audio: true, atom.Video: true, atom.Picture: true,
}

type extractor struct {
	blocks []string
	buf    strings.Builder
	pre    int // depth of <pre>
	inCell int // depth of table cells, whose blocks stay inline
}

func (x *extractor) flush() {
	s := x.buf.String()
	x.buf.Reset()
	if x.pre > 0 {
		s = strings.TrimRightFunc(strings.TrimLeft(s, "\r\n"), unicode.IsSpace)
	} else {
		s = collapse(s)
	}
	if s != "" {
		x.blocks = append(x.blocks, s)
	}
}

// boundary ends the current block, or separates words inside a table cell.
func (x *extractor) boundary() {
	if x.inCell > 0 {
		x.buf.WriteByte(' ')
		return
	}
	x.flush()
}

func (x *extractor) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		x.buf.WriteString(n.Data)
		return
	case html.ElementNode:
	case html.DocumentNode:
		x.children(n)
		return
	default: // comments, doctypes
		return
	}
	if n.Namespace != "" || skipped[n.DataAtom] {
		return
	}
	switch {
	case n.DataAtom == atom.Img:
		alt := ""
		for _, a := range n.Attr {
			if a.Namespace == "" && a.Key == "alt" {
				alt = collapse(a.Val)
			}
		}
		x.buf.WriteString(" [Ảnh: " + alt + "] ")
	case n.DataAtom == atom.Br:
		x.buf.WriteByte('\n')
	case n.DataAtom == atom.Tr && x.inCell == 0:
		x.row(n)
	case boundaries[n.DataAtom]:
		x.boundary()
		if n.DataAtom == atom.Pre {
			x.pre++
		}
		x.children(n)
		x.boundary()
		if n.DataAtom == atom.Pre {
			x.pre--
		}
	case n.DataAtom == atom.Td || n.DataAtom == atom.Th || n.DataAtom == atom.Tr:
		// A table nested in a cell: its cells stay words of the outer cell.
		x.buf.WriteByte(' ')
		x.children(n)
		x.buf.WriteByte(' ')
	default:
		x.children(n)
	}
}

func (x *extractor) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		x.walk(c)
	}
}

// row makes one block of a table row, its cells joined with " | ".
func (x *extractor) row(tr *html.Node) {
	x.flush()
	var cells []string
	nonEmpty := false
	x.inCell++
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || (c.DataAtom != atom.Td && c.DataAtom != atom.Th) {
			continue
		}
		x.children(c)
		cell := collapse(x.buf.String())
		x.buf.Reset()
		cells = append(cells, cell)
		nonEmpty = nonEmpty || cell != ""
	}
	x.inCell--
	if nonEmpty {
		x.blocks = append(x.blocks, strings.Join(cells, " | "))
	}
}

// collapse trims s and turns each run of spaces into one ASCII space.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	word := -1 // start of the current word, or -1
	for i := 0; i < len(s); {
		sp, w := isSpaceAt(s, i)
		switch {
		case sp && word >= 0:
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s[word:i])
			word = -1
		case !sp && word < 0:
			word = i
		}
		i += w
	}
	if word >= 0 {
		if word == 0 { // no spaces at all
			return s
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[word:])
	}
	return b.String()
}
