package relevance

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/congtin/congtin"
	"golang.org/x/text/unicode/norm"
)

// These tests check the data only: that the corpus is valid and that every
// query's expectation is true of the texts, so that a search failing Check
// is wrong, not the test set. They need no search engine.

// tok is one word of a text in three forms.
type tok struct {
	raw  string // NFC, lower case: compared for "the same diacritics as typed"
	key  string // lower case with the tone mark moved to the end: "hoà" and "hòa" are equal
	fold string // no diacritics, đ → d: what matching ignores
}

// isTone reports whether r is one of the five Vietnamese tone marks
// (combining grave, acute, tilde, hook above, dot below).
func isTone(r rune) bool {
	switch r {
	case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323':
		return true
	}
	return false
}

// tokenize splits s into words, a word being a run of letters, digits and
// their combining marks. "covid-19" is two words, "115/KH-UBND" three.
func tokenize(s string) []tok {
	var out []tok
	var word []rune
	flush := func() {
		if len(word) == 0 {
			return
		}
		var base, fold []rune
		var tone rune
		for _, r := range word {
			switch {
			case isTone(r):
				tone = r
			case unicode.Is(unicode.Mn, r):
				base = append(base, r)
			default:
				base = append(base, r)
				if r == 'đ' {
					r = 'd'
				}
				fold = append(fold, r)
			}
		}
		key := norm.NFC.String(string(base))
		if tone != 0 {
			key += string(tone)
		}
		out = append(out, tok{raw: norm.NFC.String(string(word)), key: key, fold: string(fold)})
		word = word[:0]
	}
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			word = append(word, r)
		} else {
			flush()
		}
	}
	flush()
	return out
}

// fold is the folded words of s: the tiny fold helper of the brief.
func fold(s string) []string {
	var out []string
	for _, t := range tokenize(s) {
		out = append(out, t.fold)
	}
	return out
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

func bodyText(html string) string { return tagRE.ReplaceAllString(html, " ") }

// doc is an article prepared for the checks.
type doc struct {
	congtin.ArticleImport
	at     time.Time
	path   []string        // category path, top first
	fields [3][]tok        // title, lead, body
	words  map[string]bool // every folded word
	target bool            // hand-written, not filler
}

var fieldNames = [3]string{"title", "lead", "body"}

func fieldIndex(name string) int { return slices.Index(fieldNames[:], name) }

func loadDocs(t *testing.T) ([]*doc, map[string]*doc) {
	t.Helper()
	nTargets := len(targets())
	var docs []*doc
	byID := map[string]*doc{}
	for i, a := range Corpus() {
		at, err := time.Parse(time.RFC3339, a.PublishedAt)
		if err != nil {
			t.Fatalf("%s: published_at %q: %v", a.ExternalID, a.PublishedAt, err)
		}
		d := &doc{ArticleImport: a, at: at, path: strings.Split(a.Category, congtin.CategoryPathSep), target: i < nTargets}
		d.fields = [3][]tok{tokenize(a.Title), tokenize(a.Lead), tokenize(bodyText(a.Body))}
		d.words = map[string]bool{}
		for _, f := range d.fields {
			for _, w := range f {
				d.words[w.fold] = true
			}
		}
		docs = append(docs, d)
		byID[a.ExternalID] = d
	}
	return docs, byID
}

// phraseIn reports whether the words of q occur one after the other in ws,
// compared by the form get picks.
func phraseIn(ws, q []tok, get func(tok) string) bool {
	if len(q) == 0 {
		return false
	}
outer:
	for i := 0; i+len(q) <= len(ws); i++ {
		for j := range q {
			if get(ws[i+j]) != get(q[j]) {
				continue outer
			}
		}
		return true
	}
	return false
}

func byFold(t tok) string { return t.fold }
func byKey(t tok) string  { return t.key }
func byRaw(t tok) string  { return t.raw }

// hasPhrase reports whether some field of d holds the phrase q.
func (d *doc) hasPhrase(q []tok, get func(tok) string) bool {
	for _, f := range d.fields {
		if phraseIn(f, q, get) {
			return true
		}
	}
	return false
}

// hasAll reports whether every word of q occurs somewhere in d, folded.
func (d *doc) hasAll(q []tok) bool {
	for _, w := range q {
		if !d.words[w.fold] {
			return false
		}
	}
	return true
}

// count is how often the words of q occur in d, folded, wherever they are.
func (d *doc) count(q []tok) int {
	words := map[string]bool{}
	for _, w := range q {
		words[w.fold] = true
	}
	n := 0
	for _, f := range d.fields {
		for _, x := range f {
			if words[x.fold] {
				n++
			}
		}
	}
	return n
}

// bestField is the first of title, lead, body holding the phrase, or 3.
func (d *doc) bestField(q []tok) int {
	for i, f := range d.fields {
		if phraseIn(f, q, byFold) {
			return i
		}
	}
	return 3
}

// passes reports whether d passes q's category and date filters.
func (d *doc) passes(q Query) bool {
	if q.Category != "" && !slices.Contains(d.path, q.Category) {
		return false
	}
	day := d.at.In(ict).Format(time.DateOnly)
	return (q.From == "" || day >= q.From) && (q.To == "" || day <= q.To)
}

func quoted(q string) bool { return len(q) >= 2 && q[0] == '"' && q[len(q)-1] == '"' }

// queryWords are the words a search must find: what the query types, for
// Telex and VNI queries.
func queryWords(q Query) []tok { return tokenize(strings.Trim(queryText(q), `"`)) }

// queryText is the query as the reader meant it.
func queryText(q Query) string {
	if q.means != "" {
		return q.means
	}
	return q.Q
}

func isASCII(s string) bool {
	for _, r := range s {
		if r >= 0x80 {
			return false
		}
	}
	return true
}

func behaviour(name string) string {
	b, _, _ := strings.Cut(name, ":")
	return b
}

var behaviours = []string{"diacritics", "tone", "nfd", "caps", "d-for-đ", "exact", "adjacency", "quoted", "fields", "recency", "numbers", "filter", "missing", "telex", "vni", "spelling", "none"}

var bodyRE = regexp.MustCompile(`^<p>[^<>]+</p>(\n<p>[^<>]+</p>)*$`)

func TestCorpus(t *testing.T) {
	recs := Corpus()
	if len(recs) < 300 {
		t.Fatalf("corpus has %d articles, want at least 300", len(recs))
	}
	if !reflect.DeepEqual(recs, Corpus()) {
		t.Fatal("Corpus() differs between calls")
	}
	if !reflect.DeepEqual(Queries(), Queries()) {
		t.Fatal("Queries() differs between calls")
	}
	if n := len(targets()); n < 50 || n > 70 {
		t.Errorf("%d hand-written targets, want about 60", n)
	}

	// Each category name stands for one category.
	parentOf := map[string]string{}
	for _, c := range categories {
		parts := strings.Split(c, congtin.CategoryPathSep)
		name := parts[len(parts)-1]
		if _, dup := parentOf[name]; dup {
			t.Errorf("category name %q used twice", name)
		}
		parentOf[name] = strings.Join(parts[:len(parts)-1], congtin.CategoryPathSep)
	}

	perCat := map[string]int{}
	minAt, maxAt := time.Date(2017, 1, 1, 0, 0, 0, 0, ict), time.Date(2027, 1, 1, 0, 0, 0, 0, ict)
	for i, r := range recs {
		if want := externalID(i + 1); r.ExternalID != want {
			t.Errorf("article %d has ExternalID %q, want %q", i, r.ExternalID, want)
		}
		n := r
		n.Normalize()
		if n != r {
			t.Errorf("%s changes when normalized", r.ExternalID)
		}
		at, ferr := n.Validate()
		if ferr != nil {
			t.Errorf("%s: %v", r.ExternalID, ferr)
			continue
		}
		if !strings.HasSuffix(r.PublishedAt, "+07:00") || at.Before(minAt) || !at.Before(maxAt) {
			t.Errorf("%s: published_at %q, want 2017–2026 in +07:00", r.ExternalID, r.PublishedAt)
		}
		if !slices.Contains(categories, r.Category) {
			t.Errorf("%s: unknown category %q", r.ExternalID, r.Category)
		}
		perCat[r.Category]++
		if r.Title == "" || r.Lead == "" || r.Author == "" {
			t.Errorf("%s: empty title, lead or author", r.ExternalID)
		}
		if !bodyRE.MatchString(r.Body) {
			t.Errorf("%s: body is not a series of <p> paragraphs: %q", r.ExternalID, r.Body)
		}
		if w := len(strings.Fields(bodyText(r.Body))); w < 80 || w > 400 {
			t.Errorf("%s: body has %d words, want 80–400", r.ExternalID, w)
		}
		if paras := strings.Count(r.Body, "<p>"); paras < 2 {
			t.Errorf("%s: body has %d paragraphs", r.ExternalID, paras)
		}
	}
	for _, c := range categories {
		if perCat[c] < 10 {
			t.Errorf("category %q has %d articles, want at least 10", c, perCat[c])
		}
	}
	if _, err := congtin.PrepareImport(Corpus()); err != nil {
		t.Errorf("PrepareImport: %v", err)
	}

	// The filler is full of the common syllables, as typed (with their
	// diacritics), and often holds all of a query's syllables at once.
	docs, _ := loadDocs(t)
	var filler []*doc
	for _, d := range docs {
		if !d.target {
			filler = append(filler, d)
		}
	}
	for _, syl := range []string{"an", "tự", "ninh", "trật", "hóa", "bạc", "liêu"} {
		n := 0
		for _, d := range filler {
			if d.hasPhrase(tokenize(syl), byKey) {
				n++
			}
		}
		if n < len(filler)/5 {
			t.Errorf("%q is in %d of %d filler articles, want at least a fifth", syl, n, len(filler))
		}
	}
	for _, q := range []string{"an ninh trật tự", "bạc liêu", "chuyển hóa địa bàn"} {
		n := 0
		for _, d := range filler {
			if d.hasAll(tokenize(q)) {
				n++
			}
		}
		if n < 20 {
			t.Errorf("only %d filler articles hold every syllable of %q, want at least 20", n, q)
		}
		t.Logf("%d filler articles hold every syllable of %q, none the phrase", n, q)
	}
}

func TestQueries(t *testing.T) {
	docs, byID := loadDocs(t)
	qs := Queries()
	if len(qs) < 40 {
		t.Fatalf("%d queries, want at least 40", len(qs))
	}
	names := map[string]bool{}
	perBehaviour := map[string]int{}
	catNames := map[string]bool{}
	for _, c := range categories {
		parts := strings.Split(c, congtin.CategoryPathSep)
		catNames[parts[len(parts)-1]] = true
	}

	// No query's phrase is anywhere in the filler: only the hand-written
	// articles, whose every match is accounted for below, hold them.
	for _, q := range qs {
		for _, d := range docs {
			if !d.target && d.hasPhrase(queryWords(q), byFold) {
				t.Errorf("%q: filler article %s holds the phrase", q.Name, d.ExternalID)
			}
		}
	}

	for _, q := range qs {
		if names[q.Name] {
			t.Errorf("query name %q used twice", q.Name)
		}
		names[q.Name] = true
		b := behaviour(q.Name)
		if !slices.Contains(behaviours, b) {
			t.Errorf("%q: unknown behaviour %q", q.Name, b)
		}
		perBehaviour[b]++
		checkQuery(t, q, qs, docs, byID, catNames)
	}
	for _, b := range behaviours {
		if perBehaviour[b] < 2 {
			t.Errorf("behaviour %q has %d queries, want several", b, perBehaviour[b])
		}
		t.Logf("%-10s %d queries", b, perBehaviour[b])
	}
}

func checkQuery(t *testing.T, q Query, qs []Query, docs []*doc, byID map[string]*doc, catNames map[string]bool) {
	t.Helper()
	fail := func(format string, args ...any) {
		t.Helper()
		t.Errorf("%q: "+format, append([]any{q.Name}, args...)...)
	}
	words := queryWords(q)
	if len(words) == 0 {
		fail("no words")
		return
	}
	b := behaviour(q.Name)
	if (b == "missing") != (q.missing != "") {
		fail("missing words %q for behaviour %q", q.missing, b)
		return
	}
	if b == "missing" {
		// No article holds every word; the checks below are of the rest
		// of the query, which the wanted articles hold as a phrase.
		var ok bool
		if words, ok = without(words, tokenize(q.missing)); !ok {
			fail("%q is not in the query", q.missing)
			return
		}
		for _, d := range docs {
			if d.passes(q) && d.hasAll(queryWords(q)) {
				fail("%s holds every word", d.ExternalID)
			}
			if !d.target && d.hasPhrase(words, byFold) {
				fail("filler article %s holds the rest of the query", d.ExternalID)
			}
		}
	}

	// Form of the query itself.
	if q.Sort != "" && q.Sort != "newest" {
		fail("sort %q", q.Sort)
	}
	for _, d := range []string{q.From, q.To} {
		if _, err := time.Parse(time.DateOnly, d); d != "" && err != nil {
			fail("date %q: %v", d, err)
		}
	}
	if q.From != "" && q.To != "" && q.From > q.To {
		fail("from %s after to %s", q.From, q.To)
	}
	if q.Category != "" && !catNames[q.Category] {
		fail("unknown category %q", q.Category)
	}
	if q.field != "" && fieldIndex(q.field) < 0 {
		fail("unknown field %q", q.field)
	}
	if strings.Contains(strings.Trim(q.Q, `"`), `"`) {
		fail("quotes inside the query")
	}
	switch b {
	case "quoted":
		if !quoted(q.Q) {
			fail("not in quotes")
		}
	case "nfd":
		if q.Q != norm.NFD.String(q.Q) || q.Q == norm.NFC.String(q.Q) {
			fail("not in NFD")
		}
	case "caps":
		if q.Q != strings.ToUpper(q.Q) || q.Q == strings.ToLower(q.Q) {
			fail("not in capitals")
		}
	case "numbers":
		if !strings.ContainsFunc(q.Q, unicode.IsDigit) {
			fail("no number")
		}
	case "d-for-đ":
		if strings.ContainsAny(q.Q, "đĐ") || !strings.ContainsAny(q.Q, "dD") {
			fail("want d typed for đ")
		}
	case "filter":
		if q.Category == "" && q.From == "" && q.To == "" && q.Sort == "" {
			fail("no filter and no sort")
		}
	}
	if (q.means != "") != (b == "telex" || b == "vni" || b == "spelling") {
		fail("means is for the telex, vni and spelling queries, and they need it")
	}
	switch b {
	case "spelling":
		// A wanted article holds the other spelling only: the search
		// must find it through the equivalence, not the words as typed.
		only := false
		for _, id := range q.WantTop3 {
			if d := byID[id]; d != nil && !d.hasAll(tokenize(q.Q)) {
				only = true
			}
		}
		if !only {
			fail("every wanted article holds the query as typed")
		}
	case "telex", "vni":
		// Plain keystrokes (digits for VNI only) that mean words with
		// diacritics, and find too little as typed to be taken as meant.
		if !isASCII(q.Q) || isASCII(q.means) || strings.ContainsFunc(q.Q, unicode.IsDigit) != (b == "vni") {
			fail("want ASCII %s keystrokes meaning words with diacritics", b)
		}
		typed := 0
		for _, d := range docs {
			if d.hasAll(tokenize(q.Q)) {
				typed++
			}
		}
		if typed >= 3 {
			fail("%d articles hold the keystrokes as typed", typed)
		}
	case "diacritics":
		// A partner query differs only by the marks and wants the same.
		partner := false
		for _, p := range qs {
			if p.Q != q.Q && isASCII(p.Q) != isASCII(q.Q) && slices.Equal(fold(p.Q), fold(q.Q)) &&
				quoted(p.Q) == quoted(q.Q) && sameSet(p.WantTop3, q.WantTop3) {
				partner = true
			}
		}
		if !partner {
			fail("no partner query with the other diacritics and the same targets")
		}
	}

	// The matches, under the query's filters: articles holding the words as
	// a phrase (folded), articles holding them all anywhere, and articles
	// holding the phrase with the query's diacritics (tone placement aside).
	var phrase, all, exact []*doc
	var phraseAnywhere []*doc
	for _, d := range docs {
		if d.hasPhrase(words, byFold) {
			phraseAnywhere = append(phraseAnywhere, d)
		}
		if !d.passes(q) {
			continue
		}
		if d.hasPhrase(words, byFold) {
			phrase = append(phrase, d)
		}
		if d.hasAll(words) {
			all = append(all, d)
		}
		if d.hasPhrase(words, byKey) {
			exact = append(exact, d)
		}
	}

	if q.WantNone {
		if len(q.WantTop3)+len(q.WantOrder) > 0 {
			fail("WantNone with wanted IDs")
		}
		if len(phrase) > 0 || !quoted(q.Q) && len(all) > 0 {
			fail("want none, but %s match", ids(append(phrase, all...)))
		}
		switch b {
		case "none":
			for _, w := range words {
				for _, d := range docs {
					if d.hasAll([]tok{w}) {
						fail("word %q is in %s", w.fold, d.ExternalID)
						break
					}
				}
			}
		case "quoted":
			// The words are there, only not together.
			scattered := 0
			for _, d := range docs {
				if d.passes(q) && d.hasAll(words) {
					scattered++
				}
			}
			if scattered == 0 {
				fail("no article holds the words even scattered")
			}
		case "filter":
			if len(phraseAnywhere) == 0 {
				fail("nothing matches even without the filter")
			}
		}
		return
	}

	// Wanted IDs exist, pass the filters and hold the phrase.
	if len(q.WantTop3) == 0 || len(q.WantTop3) > 3 {
		fail("%d IDs in WantTop3, want 1–3", len(q.WantTop3))
	}
	wanted := map[string]bool{}
	for _, list := range [][]string{q.WantTop3, q.WantOrder} {
		seen := map[string]bool{}
		for _, id := range list {
			if seen[id] {
				fail("%s listed twice", id)
			}
			seen[id] = true
			wanted[id] = true
			d := byID[id]
			switch {
			case d == nil:
				fail("%s is not in the corpus", id)
			case !d.passes(q):
				fail("%s does not pass the filters", id)
			case !d.hasPhrase(words, byFold):
				fail("%s does not hold %q", id, strings.Join(fold(q.Q), " "))
			}
		}
	}
	for _, id := range q.WantTop3 {
		if d := byID[id]; d != nil && q.field != "" && !phraseIn(d.fields[fieldIndex(q.field)], words, byFold) {
			fail("%s does not hold %q in its %s", id, strings.Join(fold(q.Q), " "), q.field)
		}
	}

	if q.Sort == "newest" {
		// The wanted order is the newest three, whether a search matches
		// the phrase or all the words anywhere.
		for _, set := range [][]*doc{phrase, all} {
			sort.SliceStable(set, func(i, j int) bool { return set[i].at.After(set[j].at) })
			for i := 1; i < len(set); i++ {
				if set[i].at.Equal(set[i-1].at) {
					fail("%s and %s have the same date", set[i-1].ExternalID, set[i].ExternalID)
				}
			}
			if got := ids(set[:min(3, len(set))]); !slices.Equal(got, q.WantOrder) || !sameSet(got, q.WantTop3) {
				fail("the newest matches are %v; WantOrder is %v, WantTop3 %v", got, q.WantOrder, q.WantTop3)
			}
		}
		return
	}

	// Every phrase match not wanted is a near miss: it differs from the
	// query in its diacritics while every wanted one matches them.
	inExact := map[string]bool{}
	for _, d := range exact {
		inExact[d.ExternalID] = true
	}
	for _, d := range phrase {
		if wanted[d.ExternalID] {
			continue
		}
		if isASCII(queryText(q)) || inExact[d.ExternalID] {
			fail("%s also holds the phrase (with the query's diacritics, if any) but is not wanted: it could take a top-3 place", d.ExternalID)
		}
		for _, id := range q.WantTop3 {
			if !inExact[id] {
				fail("%s holds only a near miss, yet so does wanted %s", d.ExternalID, id)
			}
		}
	}

	// Why WantOrder holds.
	if len(q.WantOrder) > 1 {
		o := make([]*doc, len(q.WantOrder))
		for i, id := range q.WantOrder {
			if o[i] = byID[id]; o[i] == nil {
				return
			}
		}
		switch {
		case b == "fields":
			if len(o) != 3 {
				fail("want three articles in WantOrder")
				return
			}
			for i, d := range o {
				for f := range fieldNames {
					if phraseIn(d.fields[f], words, byFold) != (f == i) {
						fail("%s should hold the phrase in its %s only", d.ExternalID, fieldNames[i])
					}
				}
				if d.Category != o[0].Category {
					fail("the three are in different categories")
				}
				if i > 0 && !d.at.After(o[i-1].at) {
					fail("%s should be newer than %s, so recency cannot explain the order", d.ExternalID, o[i-1].ExternalID)
				}
			}
		case b == "missing":
			// The rest of the query ranks by field, then by date.
			for i := 1; i < len(o); i++ {
				prev, cur := o[i-1].bestField(words), o[i].bestField(words)
				if prev > cur || prev == cur && !o[i-1].at.After(o[i].at) {
					fail("%s has the rest of the query in no better field than %s, and is not newer", o[i-1].ExternalID, o[i].ExternalID)
				}
			}
		case b == "recency" || sameText(o):
			if !sameText(o) {
				fail("the articles of WantOrder differ in more than the date")
			}
			for i := 1; i < len(o); i++ {
				if !o[i-1].at.After(o[i].at) {
					fail("%s is not newer than %s", o[i-1].ExternalID, o[i].ExternalID)
				}
			}
		case !isASCII(queryText(q)):
			// The first matches the diacritics, the others do not.
			if !inExact[o[0].ExternalID] {
				fail("%s, first in WantOrder, does not match the diacritics", o[0].ExternalID)
			}
			for _, d := range o[1:] {
				if inExact[d.ExternalID] {
					fail("%s matches the diacritics as well as %s", d.ExternalID, o[0].ExternalID)
				}
			}
		default:
			// Without diacritics to go by, the order is the fields'.
			for i := 1; i < len(o); i++ {
				if o[i-1].bestField(words) >= o[i].bestField(words) {
					fail("%s has the phrase in no better field than %s", o[i-1].ExternalID, o[i].ExternalID)
				}
			}
		}
	}

	switch b {
	case "recency":
		if len(q.WantOrder) != 2 {
			fail("want the two twins in WantOrder")
		}
	case "exact":
		if isASCII(queryText(q)) || len(q.WantOrder) < 2 {
			fail("want diacritics and a near miss in WantOrder")
		}
	case "tone":
		// At least one target writes the other tone placement.
		other := false
		for _, id := range q.WantTop3 {
			if d := byID[id]; d != nil && d.hasPhrase(words, byKey) && !d.hasPhrase(words, byRaw) {
				other = true
			}
		}
		if !other {
			fail("no target writes the other tone placement")
		}
	case "d-for-đ":
		for _, id := range q.WantTop3 {
			if d := byID[id]; d != nil && !strings.ContainsAny(d.Title+d.Lead+d.Body, "đĐ") {
				fail("%s has no đ", id)
			}
		}
	case "adjacency":
		// Some article holds the words scattered, more often than any target.
		most := 0
		for _, id := range q.WantTop3 {
			if d := byID[id]; d != nil {
				most = max(most, d.count(words))
			}
		}
		found := false
		for _, d := range all {
			if !d.hasPhrase(words, byFold) && d.count(words) > most {
				found = true
			}
		}
		if !found {
			fail("no article holds the words scattered more often than the targets (%d)", most)
		}
	case "filter":
		if len(phraseAnywhere) <= len(phrase) {
			fail("the filter excludes nothing")
		}
	}
}

// without returns ws with the run of words rm taken out, compared
// folded, and whether rm was there.
func without(ws, rm []tok) ([]tok, bool) {
	for i := 0; i+len(rm) <= len(ws); i++ {
		if phraseIn(ws[i:i+len(rm)], rm, byFold) {
			return append(slices.Clone(ws[:i]), ws[i+len(rm):]...), true
		}
	}
	return ws, false
}

// sameText reports whether the articles differ in their dates only.
func sameText(ds []*doc) bool {
	for _, d := range ds[1:] {
		if d.Title != ds[0].Title || d.Lead != ds[0].Lead || d.Body != ds[0].Body || d.Category != ds[0].Category {
			return false
		}
	}
	return true
}

func ids(ds []*doc) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.ExternalID)
	}
	return out
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// TestMiss checks the rules Check applies, on made-up results.
func TestMiss(t *testing.T) {
	q := Query{Name: "x", Q: "x", WantTop3: []string{"a", "b"}, WantOrder: []string{"a", "c", "d"}}
	for _, c := range []struct {
		got  []string
		miss bool
	}{
		{[]string{"a", "b", "c", "d"}, false},
		{[]string{"b", "a"}, false},          // c and d may be left out
		{[]string{"a", "b", "c"}, false},     // d may be left out
		{[]string{"a", "x", "b"}, false},     //
		{[]string{"a", "x", "y", "b"}, true}, // b not in the top 3
		{[]string{"a", "b", "d"}, true},      // d without c
		{[]string{"c", "a", "b"}, true},      // c above a
		{[]string{"a", "b", "d", "c"}, true}, // d above c
		{[]string{"b", "x", "y", "z"}, true}, // a missing
		{[]string{"a", "b", "a"}, true},      // a twice
		{nil, true},                          // nothing
		{[]string{"b", "c", "a"}, true},      // c above a
		{[]string{"a", "b", "x", "c", "d"}, false},
	} {
		if got := q.Miss(c.got) != ""; got != c.miss {
			t.Errorf("Miss(%v) = %q, want a miss: %v", c.got, q.Miss(c.got), c.miss)
		}
	}
	none := Query{Name: "n", Q: "n", WantNone: true}
	if none.Miss(nil) != "" || none.Miss([]string{"a"}) == "" {
		t.Error("WantNone not applied")
	}
}

// TestCheck runs Check with a perfect search and with one that returns
// nothing, which must fail.
func TestCheck(t *testing.T) {
	byName := map[string]Query{}
	for _, q := range Queries() {
		byName[q.Name] = q
	}
	Check(t, func(q Query) ([]string, error) {
		want := byName[q.Name]
		var out []string
		for _, id := range append(slices.Clone(want.WantOrder), want.WantTop3...) {
			if !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
		return out, nil
	})
	rec := &recorder{TB: t}
	Check(rec, func(Query) ([]string, error) { return nil, nil })
	if !rec.failed || len(rec.msgs) < 2 {
		t.Errorf("Check with an empty search: failed %v, %d messages", rec.failed, len(rec.msgs))
	}
	if !strings.Contains(rec.msgs[0], "got top 5 of 0") || !strings.Contains(rec.msgs[0], "want: top 3 contains") {
		t.Errorf("Check message lacks the expected and got lists: %s", rec.msgs[0])
	}
}

// recorder is a testing.TB that records errors instead of failing.
type recorder struct {
	testing.TB
	failed bool
	msgs   []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.failed = true
	r.msgs = append(r.msgs, strings.TrimSpace(sprintf(format, args...)))
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }
