package search

import (
	"strings"
	"sync"

	"github.com/congtin/congtin/internal/search/vn"
)

// Equivalent spellings: the abbreviations of public administration and
// the press, and the spellings of loanwords. A reader writes "BHYT" where
// the article says "bảo hiểm y tế", or "vắc xin" where it says "vaccine";
// the query asks for every spelling of the group, so no reindex is needed
// and both directions work. Each line is one group; spellings that the
// analysis folds alike ("TP.HCM" and "TP HCM" are both "tp hcm") count
// once. Each site adds its own groups in the back office (NewSpellings).
var spellingGroups = [][]string{
	{"UBND", "Ủy ban nhân dân"},
	{"HĐND", "Hội đồng nhân dân"},
	{"MTTQ", "Mặt trận Tổ quốc"},
	{"UBMTTQ", "Ủy ban Mặt trận Tổ quốc"},
	{"BCĐ", "Ban Chỉ đạo"},
	{"BCH", "Ban Chấp hành"},
	{"BHYT", "bảo hiểm y tế"},
	{"BHXH", "bảo hiểm xã hội"},
	{"BHTN", "bảo hiểm thất nghiệp"},
	{"THPT", "trung học phổ thông"},
	{"THCS", "trung học cơ sở"},
	{"TPHCM", "TP.HCM", "Thành phố Hồ Chí Minh", "TP Hồ Chí Minh"},
	{"TP.", "thành phố"},
	{"CSGT", "cảnh sát giao thông"},
	{"ATGT", "an toàn giao thông"},
	{"ANTT", "an ninh trật tự"},
	{"NTM", "nông thôn mới"},
	{"PCCC", "phòng cháy chữa cháy"},
	{"CNTT", "công nghệ thông tin"},
	{"CCHC", "cải cách hành chính"},
	{"HTX", "hợp tác xã"},
	{"CLB", "câu lạc bộ"},
	{"ĐBQH", "đại biểu Quốc hội"},
	{"KT-XH", "KTXH", "kinh tế - xã hội"},
	{"GD&ĐT", "GDĐT", "giáo dục và đào tạo"},
	{"LĐ-TB&XH", "Lao động - Thương binh và Xã hội"},
	{"TN&MT", "Tài nguyên và Môi trường"},
	{"vắc xin", "vaccine", "vacxin"},
	{"Covid-19", "Covid", "Corona"},
	{"in-tơ-nét", "internet"},
	{"ra-đa", "radar"},
	{"ka-ra-ô-kê", "karaoke"},
}

// Bounds on expansion, so that a query of many abbreviations stays a
// handful of index lookups and ranking stays cheap: at most
// maxExpansions runs of the query are expanded, and only while the number
// of ways to read the whole query (the product of each run's spellings,
// which Score tries one by one) stays within maxVariants.
const (
	maxExpansions = 4
	maxVariants   = 16
)

// Alt is a run of a query's terms that is one spelling of a group: a
// match may hold any of the group's other spellings in its place.
type Alt struct {
	Start, Len int
	Others     [][]Term
}

// spelling is one spelling of a group, as terms.
type spelling struct {
	terms []Term
	key   string // the folds joined by spaces
	text  string // as the list writes it
}

// spellingTable maps the first fold of each spelling to the spellings it
// starts, each with its group: a query is scanned once, looking up only
// the spellings that can start at each term.
type spellingTable map[string][]spellingEntry

type spellingEntry struct {
	spelling
	group []spelling
}

// Spellings is a compiled table of equivalent spellings: the built-in
// groups and, optionally, a site's own (NewSpellings). It is never
// changed once built, so one table serves any number of searches at once.
// A nil *Spellings is the built-in groups alone.
type Spellings struct {
	table spellingTable
	n     int // the site's groups
}

// SpellingCount returns how many groups of the site's own the table
// holds (the built-in ones not counted).
func (sp *Spellings) SpellingCount() int {
	if sp == nil {
		return 0
	}
	return sp.n
}

// NewSpellings compiles the built-in groups with a site's own, extra:
// each a list of spellings as an administrator wrote them. A spelling
// with nothing searchable is left out, and so is a group left with fewer
// than two spellings; a spelling already in an earlier group keeps that
// group (the service refuses such lists; this only keeps the table sound
// if the built-in list later grows to meet a site's).
func NewSpellings(extra [][]string) *Spellings {
	t := spellingTable{}
	taken := map[string]bool{}
	add := func(g []string) bool {
		var group []spelling
		seen := map[string]bool{}
		for _, s := range g {
			sp := spelling{text: s}
			for _, tok := range vn.Tokens(s, 0) {
				sp.terms = append(sp.terms, Term{Fold: tok.Fold, Exact: tok.Exact})
			}
			sp.key = joinFolds(sp.terms)
			if len(sp.terms) == 0 || seen[sp.key] || taken[sp.key] {
				continue
			}
			seen[sp.key] = true
			group = append(group, sp)
		}
		if len(group) < 2 {
			return false
		}
		for _, sp := range group {
			taken[sp.key] = true
			first := sp.terms[0].Fold
			t[first] = append(t[first], spellingEntry{sp, group})
		}
		return true
	}
	for _, g := range spellingGroups {
		add(g)
	}
	n := 0
	for _, g := range extra {
		if add(g) {
			n++
		}
	}
	return &Spellings{table: t, n: n}
}

// builtin is the table of the built-in groups alone, built once and never
// changed after: a constant, not state (the analysis needs vn.Tokens, so
// it cannot be a literal).
var builtin = sync.OnceValue(func() *Spellings { return NewSpellings(nil) })

// BuiltinSpellings returns the built-in groups, as written, for the back
// office to show. The slices are copies.
func BuiltinSpellings() [][]string {
	out := make([][]string, len(spellingGroups))
	for i, g := range spellingGroups {
		out[i] = append([]string(nil), g...)
	}
	return out
}

// SpellingKey returns a spelling as the table compares spellings: its
// folded words joined by spaces ("TP.HCM" and "TP HCM" are both
// "tp hcm"), "" when it has nothing searchable.
func SpellingKey(s string) string {
	var ts []Term
	for _, tok := range vn.Tokens(s, 0) {
		ts = append(ts, Term{Fold: tok.Fold})
	}
	return joinFolds(ts)
}

func joinFolds(ts []Term) string {
	fs := make([]string, len(ts))
	for i, t := range ts {
		fs[i] = t.Fold
	}
	return strings.Join(fs, " ")
}

// spellingMatch is a run of a query's terms that is a spelling of the table.
type spellingMatch struct {
	at    int
	entry *spellingEntry
}

// find finds the runs of terms that spell one of a group, the longest at
// each position first ("TP.HCM" is the city, not "thành phố" and "hcm"),
// within the bounds, whatever the table holds.
func (sp *Spellings) find(terms []Term) []spellingMatch {
	if sp == nil {
		sp = builtin()
	}
	table := sp.table
	var out []spellingMatch
	variants := 1
	for i := 0; i < len(terms) && len(out) < maxExpansions; {
		var best *spellingEntry
		for k, e := range table[terms[i].Fold] {
			n := len(e.terms)
			if i+n > len(terms) || (best != nil && n <= len(best.terms)) {
				continue
			}
			if joinFolds(terms[i:i+n]) == e.key {
				best = &table[terms[i].Fold][k]
			}
		}
		if best == nil {
			i++
			continue
		}
		if variants*len(best.group) > maxVariants {
			i++
			continue
		}
		variants *= len(best.group)
		out = append(out, spellingMatch{at: i, entry: best})
		i += len(best.terms)
	}
	return out
}

// expand returns the query's alternative spellings in the table.
func (sp *Spellings) expand(terms []Term) []Alt {
	var out []Alt
	for _, m := range sp.find(terms) {
		var others [][]Term
		for _, s := range m.entry.group {
			if s.key != m.entry.key {
				others = append(others, s.terms)
			}
		}
		out = append(out, Alt{Start: m.at, Len: len(m.entry.terms), Others: others})
	}
	return out
}

// Expansion is how a run of a query is read: Typed as the query has it,
// Others its other spellings as the list writes them.
type Expansion struct {
	Typed  string
	Others []string
}

// Explain returns how the table reads a query: each run that is a
// spelling of a group, with the group's other spellings, as ParseQueryWith
// expands it (a quoted query is not expanded).
func (sp *Spellings) Explain(s string) []Expansion {
	q := ParseQueryWith(s, sp)
	if len(q.Alts) == 0 {
		return nil
	}
	// The run as the reader wrote it: the same tokens as the query's.
	s = cleanQuery(s)
	toks := vn.Tokens(s, maxTerms)
	var out []Expansion
	for _, m := range sp.find(q.Terms) {
		e := Expansion{Typed: s[toks[m.at].Start:toks[m.at+len(m.entry.terms)-1].End]}
		for _, o := range m.entry.group {
			if o.key != m.entry.key {
				e.Others = append(e.Others, o.text)
			}
		}
		out = append(out, e)
	}
	return out
}

// Variants returns every way to read the query's terms with its
// alternative spellings, the terms as typed first.
func (q *Query) Variants() [][]Term {
	if len(q.Alts) == 0 {
		return [][]Term{q.Terms}
	}
	// Built run by run: each variant so far is combined with each
	// spelling of the next run.
	cur := [][]Term{nil}
	at := 0
	for _, a := range q.Alts {
		choices := append([][]Term{q.Terms[a.Start : a.Start+a.Len]}, a.Others...)
		next := make([][]Term, 0, len(cur)*len(choices))
		for _, v := range cur {
			for _, c := range choices {
				w := append(append(append([]Term(nil), v...), q.Terms[at:a.Start]...), c...)
				next = append(next, w)
			}
		}
		cur, at = next, a.Start+a.Len
	}
	for i, v := range cur {
		cur[i] = append(v, q.Terms[at:]...)
	}
	return cur
}

// Syntax is how a dialect writes a full-text match expression.
type Syntax struct {
	Word    func(fold string) string
	Phrase  func(folds []string) string // words standing together
	And, Or string
}

// unit is what a match must hold: a word, or a run of words with its
// alternative spellings.
type unit struct {
	words []string
	alts  [][]string
}

// units returns the query's units without repeats, in order.
func (q *Query) units() []unit {
	var out []unit
	seen := map[string]bool{}
	add := func(u unit) {
		k := strings.Join(u.words, " ")
		if !seen[k] {
			seen[k] = true
			out = append(out, u)
		}
	}
	ai := 0
	for i := 0; i < len(q.Terms); {
		if ai < len(q.Alts) && q.Alts[ai].Start == i {
			a := q.Alts[ai]
			u := unit{words: q.foldsOf(q.Terms[i : i+a.Len])}
			for _, o := range a.Others {
				u.alts = append(u.alts, q.foldsOf(o))
			}
			add(u)
			i += a.Len
			ai++
			continue
		}
		add(unit{words: []string{q.Terms[i].Fold}})
		i++
	}
	return out
}

func (q *Query) foldsOf(ts []Term) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Fold
	}
	return out
}

func (u unit) expr(s Syntax) string {
	words := make([]string, len(u.words))
	for i, w := range u.words {
		words[i] = s.Word(w)
	}
	if len(u.alts) == 0 && len(words) == 1 {
		return words[0]
	}
	as := []string{strings.Join(words, s.And)}
	if len(u.alts) > 0 && len(words) > 1 {
		as[0] = "(" + as[0] + ")"
	}
	for _, a := range u.alts {
		if len(a) == 1 {
			as = append(as, s.Word(a[0]))
		} else {
			as = append(as, s.Phrase(a))
		}
	}
	return "(" + strings.Join(as, s.Or) + ")"
}

// MatchExpr returns the words a match must hold, written in a dialect's
// syntax: every word, or for a relaxed query every word of one of its
// sets of Need words, as an OR of ANDs. A run with other spellings is an
// OR of its spellings where the set holds all of its words; a set that
// holds only some of them keeps those words as typed, so relaxing
// finds what it found without the other spellings.
func (q *Query) MatchExpr(s Syntax) string {
	words := q.Distinct()
	us := q.units()
	var sets []string
	for _, idx := range pickSets(len(words), q.Need) {
		in := map[string]bool{}
		for _, k := range idx {
			in[words[k]] = true
		}
		var parts []string
		done := map[string]bool{}
		for _, u := range us {
			whole := len(u.alts) > 0
			for _, w := range u.words {
				whole = whole && in[w]
			}
			if whole {
				parts = append(parts, u.expr(s))
				for _, w := range u.words {
					done[w] = true
				}
				continue
			}
			for _, w := range u.words {
				if in[w] && !done[w] {
					done[w] = true
					parts = append(parts, s.Word(w))
				}
			}
		}
		sets = append(sets, "("+strings.Join(parts, s.And)+")")
	}
	return strings.Join(sets, s.Or)
}

// pickSets returns every set of k of n indexes, in order; one set of all
// when k is not less than n or not set.
func pickSets(n, k int) [][]int {
	if k <= 0 || k >= n {
		all := make([]int, n)
		for i := range all {
			all[i] = i
		}
		return [][]int{all}
	}
	var out [][]int
	set := make([]int, 0, k)
	var pick func(from int)
	pick = func(from int) {
		if len(set) == k {
			out = append(out, append([]int(nil), set...))
			return
		}
		for i := from; i <= n-(k-len(set)); i++ {
			set = append(set, i)
			pick(i + 1)
			set = set[:len(set)-1]
		}
	}
	pick(0)
	return out
}
