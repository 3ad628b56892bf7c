// Package demo generates the content of a fictional provincial portal, so
// that a new installation shows a living site on its first run instead of
// empty pages.
//
// Everything is built from the templates and word lists in this package
// with a seeded random number generator: the same now always gives the same
// site and articles.
package demo

import (
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/congtin/congtin"
)

// Site holds the demo site's settings.
type Site struct {
	Name, Tagline, Agency, Address, Phone, Email string
	// CounterOffset makes the visit counter start at a realistic 7-digit
	// number, as on a portal that has been online for years.
	CounterOffset int64
}

// ict is Vietnam's time zone, in which every demo date is written.
var ict = time.FixedZone("ICT", 7*3600)

// The dates of the 2025 reforms the texts follow: on 1 March 2025 several
// provincial departments merged; on 1 July 2025 the district level of local
// government was abolished, leaving provinces, communes and wards.
var (
	deptReform     = time.Date(2025, 3, 1, 0, 0, 0, 0, ict)
	districtReform = time.Date(2025, 7, 1, 0, 0, 0, 0, ict)
)

// spanDays is how far back the articles reach: about six years.
const spanDays = 6 * 365

// Content returns the demo site settings and the articles, deterministic for
// a given now. Articles are in chronological order, the oldest first, with
// external IDs demo-0001, demo-0002, … in that order. No article is
// published after now; the newest is at most two days old.
func Content(now time.Time) (Site, []congtin.ArticleImport) {
	g := &generator{
		r:      rand.New(rand.NewPCG(1, 2)),
		now:    now.In(ict),
		titles: map[string]bool{},
		used:   map[*topic]int{},
		title:  map[*topic][]int{},
	}
	return demoSite, g.articles()
}

// demoSite is the fictional province's portal.
var demoSite = Site{
	Name:          "Cổng thông tin điện tử tỉnh An Phú",
	Tagline:       "Thông tin chính thống của chính quyền tỉnh An Phú",
	Agency:        "Ủy ban nhân dân tỉnh An Phú",
	Address:       "Số 18 đường Lê Lợi, phường Tân Thịnh, tỉnh An Phú",
	Phone:         "(0200) 3 868 686",
	Email:         "banbientap@anphu.gov.vn.example",
	CounterOffset: 4_128_356,
}

// generator holds the state of one Content call.
type generator struct {
	r      *rand.Rand
	now    time.Time
	titles map[string]bool  // titles already given out
	used   map[*topic]int   // how often each topic was used
	title  map[*topic][]int // how often each title variant was used
}

// draft is an article with what is needed to choose its image later.
type draft struct {
	rec    congtin.ArticleImport
	images []string
}

// articles generates the whole set: dates, categories dealt to them, texts,
// then the featured flags and pictures.
func (g *generator) articles() []congtin.ArticleImport {
	total := 0
	for i := range categories {
		total += categories[i].count
	}
	dates := g.schedule(total)

	// A shuffled deck of categories, dealt to the dates newest first.
	deck := make([]*category, 0, total)
	for i := range categories {
		for range categories[i].count {
			deck = append(deck, &categories[i])
		}
	}
	g.r.Shuffle(len(deck), func(i, j int) { deck[i], deck[j] = deck[j], deck[i] })

	drafts := make([]draft, total)
	for i, at := range dates {
		drafts[i] = g.article(deck[i], at)
	}

	// The newest news (not announcements) are featured. They carry a
	// picture, and so do randomly chosen others, 15% of all articles in
	// total.
	featured := 0
	for i := range drafts {
		if featured == 8 {
			break
		}
		if drafts[i].rec.Category != "Thông báo" {
			drafts[i].rec.Featured = true
			featured++
		}
	}
	illustrate := func(d *draft) {
		d.rec.Image = "/static/demo/" + d.images[g.r.IntN(len(d.images))] + ".svg"
	}
	var others []int
	for i := range drafts {
		if drafts[i].rec.Featured {
			illustrate(&drafts[i])
		} else {
			others = append(others, i)
		}
	}
	for _, j := range g.sample(len(others), total*15/100-featured) {
		illustrate(&drafts[others[j]])
	}

	out := make([]congtin.ArticleImport, total)
	for i := range drafts {
		j := total - 1 - i // oldest first
		out[j] = drafts[i].rec
	}
	for i := range out {
		out[i].ExternalID = "demo-" + pad4(i+1)
	}
	return out
}

// schedule returns n publication times, newest first, all strictly before
// now: dense in the last weeks, as on a portal that is updated every day,
// sparser further back, about six years in all.
func (g *generator) schedule(n int) []time.Time {
	offsets := make([]int, n)
	for i := range offsets {
		switch {
		case i == 0:
			offsets[i] = 0
		case i < n/7:
			offsets[i] = g.r.IntN(25)
		case i < 2*n/5:
			offsets[i] = 25 + g.r.IntN(150)
		default:
			offsets[i] = 175 + g.r.IntN(spanDays-175)
		}
	}
	offsets[n-1] = spanDays // the oldest marks the full span
	sort.Ints(offsets)

	base := time.Date(g.now.Year(), g.now.Month(), g.now.Day(), 0, 0, 0, 0, ict)
	times := make([]time.Time, n)
	for i, off := range offsets {
		day := base.AddDate(0, 0, -off)
		t := day.Add(g.workTime())
		if !t.Before(g.now) {
			t = t.AddDate(0, 0, -1)
		}
		if t.Weekday() == time.Sunday && g.r.IntN(3) > 0 {
			t = t.AddDate(0, 0, -1)
		}
		times[i] = t
	}
	sort.Slice(times, func(i, j int) bool { return times[i].After(times[j]) })
	// No two articles at the same minute: the lists have a stable order.
	for i := 1; i < n; i++ {
		if !times[i].Before(times[i-1]) {
			times[i] = times[i-1].Add(-17 * time.Minute)
		}
	}
	return times
}

// workTime returns a time of day within Vietnamese office hours:
// 7:30–11:30 and 13:30–17:00.
func (g *generator) workTime() time.Duration {
	var min int
	if g.r.IntN(2) == 0 {
		min = 7*60 + 30 + g.r.IntN(4*60)
	} else {
		min = 13*60 + 30 + g.r.IntN(3*60+30)
	}
	return time.Duration(min) * time.Minute
}

// article writes one article of category c published at t.
func (g *generator) article(c *category, t time.Time) draft {
	tp := g.pickTopic(c, t)
	var v map[string]string
	var title string
	var variant int
	for try := 0; ; try++ {
		v = g.vars(t)
		variant = g.pickTitle(tp)
		title = capitalize(expand(tp.titles[variant], v))
		if !g.titles[title] || try == 20 {
			break
		}
	}
	g.titles[title] = true
	author := g.author(c, tp, v)
	v["tacgia"] = author

	rec := congtin.ArticleImport{
		Title:       title,
		Lead:        sentences(expand(tp.leads[g.leadFor(tp, variant)], v)),
		Body:        g.body(c, tp, v, t, variant),
		Category:    c.name,
		Author:      author,
		PublishedAt: t.Format(time.RFC3339),
	}
	images := tp.images
	if len(images) == 0 {
		images = c.images
	}
	return draft{rec: rec, images: images}
}

// leadFor returns the index of the lead to use with title variant i:
// the matching one when the topic pairs leads with titles, any otherwise.
func (g *generator) leadFor(tp *topic, i int) int {
	if len(tp.leads) == len(tp.titles) {
		return i
	}
	return g.r.IntN(len(tp.leads))
}

// pickTopic returns the least used topic of c that fits the date t, ties
// broken at random, so that the texts repeat as little as possible.
func (g *generator) pickTopic(c *category, t time.Time) *topic {
	var best []*topic
	least := -1
	for i := range c.topics {
		tp := &c.topics[i]
		if !tp.fits(t) {
			continue
		}
		n := g.used[tp]
		switch {
		case least < 0 || n < least:
			best, least = []*topic{tp}, n
		case n == least:
			best = append(best, tp)
		}
	}
	tp := best[g.r.IntN(len(best))]
	g.used[tp]++
	return tp
}

// pickTitle returns the index of a least used title variant of tp.
func (g *generator) pickTitle(tp *topic) int {
	counts := g.title[tp]
	if counts == nil {
		counts = make([]int, len(tp.titles))
		g.title[tp] = counts
	}
	var best []int
	for i, n := range counts {
		switch {
		case len(best) == 0 || n < counts[best[0]]:
			best = []int{i}
		case n == counts[best[0]]:
			best = append(best, i)
		}
	}
	i := best[g.r.IntN(len(best))]
	counts[i]++
	return i
}

// fits reports whether the story can be published at t.
func (tp *topic) fits(t time.Time) bool {
	if t.Day() < tp.fromDay {
		return false
	}
	if len(tp.months) == 0 {
		return true
	}
	m := t.Month()
	for _, x := range tp.months {
		if time.Month(x) == m {
			return true
		}
	}
	return false
}

// author returns the byline: the topic's own, a unit's reporter, or one
// from the general pool.
func (g *generator) author(c *category, tp *topic, v map[string]string) string {
	switch {
	case tp.author != "":
		return expand(tp.author, v)
	case len(c.authors) > 0 && g.r.IntN(3) == 0:
		return expand(c.authors[g.r.IntN(len(c.authors))], v)
	}
	return reporters[g.r.IntN(len(reporters))]
}

// body builds the HTML of an article: the topic's paragraphs, some of the
// category's, and now and then a picture, subheadings, a list and a table.
func (g *generator) body(c *category, tp *topic, v map[string]string, t time.Time, variant int) string {
	var b strings.Builder
	p := func(s string) {
		b.WriteString("<p>")
		b.WriteString(sentences(expand(s, v)))
		b.WriteString("</p>\n")
	}
	h := func(tag, s string) {
		b.WriteString("<" + tag + ">" + capitalize(expand(s, v)) + "</" + tag + ">\n")
	}

	// The paragraph fitting the title opens; then an ordered sample of the
	// others.
	first := 0
	if len(tp.open) == len(tp.titles) {
		first = tp.open[variant]
	}
	var rest []int
	for _, i := range g.sample(len(tp.paras)-1, min(len(tp.paras)-1, 2+g.r.IntN(3))) {
		if i >= first {
			i++
		}
		rest = append(rest, i)
	}
	p(tp.paras[first])

	// A picture, only where the topic says what it shows.
	if len(tp.captions) > 0 && g.r.IntN(100) < 35 {
		images := tp.images
		if len(images) == 0 {
			images = c.images
		}
		caption := capitalize(expand(tp.captions[g.r.IntN(len(tp.captions))], v))
		credit := strings.TrimSpace(strings.Split(v["tacgia"], " - ")[0])
		b.WriteString(`<figure><img src="/static/demo/` + images[g.r.IntN(len(images))] + `.svg" alt="` + caption + `">`)
		b.WriteString("<figcaption>" + caption + ". Ảnh: " + credit + "</figcaption></figure>\n")
	}

	headed := len(tp.heads) > 0 && g.r.IntN(100) < 45
	for n, i := range rest {
		if headed && n == len(rest)/2 {
			h("h2", tp.heads[0])
		}
		p(tp.paras[i])
	}

	if len(tp.list) > 0 && g.r.IntN(100) < 60 {
		if headed && len(tp.heads) > 1 {
			h("h2", tp.heads[1])
		}
		if tp.listHead != "" && g.r.IntN(2) == 0 {
			h("h3", tp.listHead)
		} else {
			p(tp.listIntro)
		}
		tag := "ul"
		if tp.ordered {
			tag = "ol"
		}
		b.WriteString("<" + tag + ">\n")
		items := g.sample(len(tp.list), min(len(tp.list), 3+g.r.IntN(3)))
		for n, i := range items {
			// Items end with a semicolon, the last with a full stop.
			item := strings.TrimRight(capitalize(expand(tp.list[i], v)), ";.")
			if n == len(items)-1 {
				item += "."
			} else {
				item += ";"
			}
			b.WriteString("<li>" + item + "</li>\n")
		}
		b.WriteString("</" + tag + ">\n")
	}

	if tp.table != nil && g.r.IntN(100) < 70 {
		intro, table := tp.table(g, v, t)
		p(intro)
		b.WriteString(table)
	}

	for _, i := range g.sample(len(c.shared), g.r.IntN(3)) {
		p(c.shared[i])
	}

	p(c.closing[g.r.IntN(len(c.closing))])
	return b.String()
}

// sample returns k distinct indexes below n in increasing order.
func (g *generator) sample(n, k int) []int {
	k = min(max(k, 0), n)
	idx := g.r.Perm(n)[:k]
	sort.Ints(idx)
	return idx
}

// expand replaces every {key} in s by its value in v, expanding the values
// too. An unknown key is a bug in the templates and panics.
func expand(s string, v map[string]string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			panic("demo: unclosed placeholder in " + strconv.Quote(s))
		}
		key := s[i+1 : i+j]
		val, ok := v[key]
		if !ok {
			panic("demo: unknown placeholder {" + key + "}")
		}
		b.WriteString(s[:i])
		b.WriteString(expand(val, v))
		s = s[i+j+1:]
	}
}

// capitalize upper-cases the first letter of s, which may begin with a
// placeholder's lower-case value such as "huyện Hòa An".
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// sentences capitalizes s and every sentence in it: the first letter after
// a full stop, question or exclamation mark and a space. Tags are skipped.
func sentences(s string) string {
	var b strings.Builder
	upper, stop, inTag := true, false, false
	for _, r := range s {
		switch {
		case r == '<':
			inTag = true
		case r == '>':
			inTag = false
		case inTag:
		case unicode.IsLetter(r):
			if upper {
				r = unicode.ToUpper(r)
			}
			upper, stop = false, false
		case r == '.' || r == '?' || r == '!':
			stop = true
		case r == ' ':
			upper = upper || stop
			stop = false
		case r == '“' || r == '"' || r == '(':
		default:
			upper, stop = false, false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func pad4(n int) string {
	s := strconv.Itoa(n)
	return strings.Repeat("0", max(0, 4-len(s))) + s
}
