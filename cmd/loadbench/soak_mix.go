package main

import (
	"context"
	"encoding/xml"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/congtin/congtin"
)

// action is what a turn of a soak kind does.
type action int

const (
	actGet    action = iota // GET the kind's next path
	actQAForm               // GET the question form; its question is posted once the form is old enough
	actSignIn               // a wrong password to the back office's sign-in
	actFollow               // never picked: requests made as part of another kind's turn
)

// soakKind is one row of the soak table: a kind of request, its share of
// the turns and the answers that are right for it.
type soakKind struct {
	name    string
	weight  int // turns in a hundred
	act     action
	paths   []string // actGet: asked for in turn
	article bool     // article pages: every 200 is a view
	expect  []int    // statuses that are a right answer
	next    atomic.Uint64
	stats   *soakStats // merged after the load
}

func (k *soakKind) path() string { return k.paths[(k.next.Add(1)-1)%uint64(len(k.paths))] }

// searchQueries are what readers type, with and without the accents
// (congtin folds them), and a misspelling of the Telex kind.
var searchQueries = []string{"nông nghiệp", "nong nghiep", "chuyển đổi số", "chuyen doi so", "giáo dục", "giao duc",
	"y tế", "kinh te", "cải cách hành chính", "an ninh trat tu", "du lịch", "moi truong"}

// The soak's kinds, by name, for the rows a test looks for.
const (
	kindArticle    = "article"
	kindQAForm     = "Q&A form"
	kindQAPost     = "Q&A question (POST)"
	kindSignInPage = "sign-in page"
	kindSignIn     = "sign-in, wrong password (POST)"
)

// soakMix returns the kinds of the soak over the portal, their paths
// checked against congtin at base: a page that is not there would make
// every one of its requests an error, which is the portal's fault, not
// congtin's. paths are the portal's article paths, by record.
func soakMix(ctx context.Context, o *options, p *portal, paths []string, base string) ([]*soakKind, error) {
	var rotating []string
	for _, j := range p.rotating(o.rotate) {
		rotating = append(rotating, paths[j])
	}
	// Record j is in category j mod len(cats): the first records name
	// every category's slug.
	var firsts, tops []string
	for j := range min(len(p.cats), len(paths)) {
		slug, _, _ := strings.Cut(strings.TrimPrefix(paths[j], "/"), "/")
		firsts = append(firsts, "/"+slug)
		if !strings.Contains(p.cats[j], congtin.CategoryPathSep) {
			tops = append(tops, slug)
		}
	}
	firsts = uniq(firsts)
	// A top-level category lists its children's articles too: n/tops
	// articles, listPageSize (20) a page.
	last := p.n / max(1, len(tops)) / 20
	var deep []string
	for _, page := range uniq([]int{2, last / 4, last / 2, last, min(o.page, last)}) {
		if page < 2 {
			continue
		}
		for _, slug := range tops {
			deep = append(deep, fmt.Sprintf("/%s?trang=%d", slug, page))
		}
	}
	var days, searches, feeds []string
	for _, j := range p.rotating(60) {
		days = append(days, "/theo-ngay?ngay="+p.publishedAt(j).In(congtin.VietnamZone).Format(time.DateOnly))
	}
	for _, q := range searchQueries {
		searches = append(searches, "/tim-kiem?q="+url.QueryEscape(q))
	}
	feeds = append(feeds, "/rss")
	for _, slug := range tops {
		feeds = append(feeds, "/rss/"+slug)
	}
	client := setupClient()
	defer client.CloseIdleConnections()
	sitemaps, err := sitemapPaths(ctx, client, base)
	if err != nil {
		return nil, err
	}
	ok := []int{http.StatusOK}
	kinds := []*soakKind{
		{name: fmt.Sprintf("%s (rotating over %d)", kindArticle, len(rotating)), weight: 56, paths: rotating, article: true},
		{name: "home", weight: 10, paths: []string{"/"}},
		{name: "category page 1", weight: 7, paths: firsts},
		{name: "category deep pages", weight: 4, paths: deep},
		{name: "browse by date", weight: 5, paths: uniq(days)},
		{name: "search", weight: 8, paths: searches},
		{name: "feeds", weight: 6, paths: feeds},
		{name: "sitemap", weight: 2, paths: sitemaps},
		{name: kindQAForm, weight: 1, act: actQAForm, paths: []string{"/hoi-dap/gui-cau-hoi"}},
		// Accepted (303 to the thank-you page), or over the limit per
		// address (429), which the mix reaches on purpose.
		{name: kindQAPost, act: actFollow, expect: []int{http.StatusSeeOther, http.StatusTooManyRequests}},
		{name: kindSignInPage, act: actFollow, paths: []string{"/admin/dang-nhap"}},
		// A wrong password answers 401 with the form again; an address
		// locked out after 20 failures answers 429.
		{name: kindSignIn, weight: 1, act: actSignIn, expect: []int{http.StatusUnauthorized, http.StatusTooManyRequests}},
	}
	// A portal too small for deep pages gives their share to articles.
	for _, k := range kinds {
		if k.act == actGet && len(k.paths) == 0 {
			kinds[0].weight += k.weight
			k.weight = 0
		}
		if k.expect == nil {
			k.expect = ok
		}
	}
	kinds = slices.DeleteFunc(kinds, func(k *soakKind) bool { return k.act == actGet && len(k.paths) == 0 })
	for _, k := range kinds {
		for _, path := range k.paths {
			if status, _, err := fetch(ctx, client, base+path); err != nil || status != http.StatusOK {
				return nil, fmt.Errorf("%s: GET %s: %d %v; the portal lacks that page", k.name, path, status, err)
			}
			if k.article {
				break // the normal mode checks every article page
			}
		}
	}
	return kinds, nil
}

// sitemapPaths returns the sitemap index's path and those of the
// sitemaps it lists.
func sitemapPaths(ctx context.Context, c *http.Client, base string) ([]string, error) {
	status, body, err := fetch(ctx, c, base+"/sitemap.xml")
	if err != nil || status != http.StatusOK {
		return nil, fmt.Errorf("GET /sitemap.xml: %d %v", status, err)
	}
	var idx struct {
		Locs []string `xml:"sitemap>loc"`
	}
	if err := xml.Unmarshal(body, &idx); err != nil {
		return nil, fmt.Errorf("sitemap index: %w", err)
	}
	out := []string{"/sitemap.xml"}
	for _, loc := range idx.Locs {
		u, err := url.Parse(loc)
		if err != nil {
			return nil, fmt.Errorf("sitemap index: %w", err)
		}
		out = append(out, u.Path)
	}
	return out, nil
}

// schedule spreads the kinds' turns over a hundred, shuffled with a fixed
// seed so that the shares interleave and runs are alike.
func schedule(kinds []*soakKind) []*soakKind {
	var s []*soakKind
	for _, k := range kinds {
		for range k.weight {
			s = append(s, k)
		}
	}
	r := rand.New(rand.NewPCG(16, 28))
	r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	return s
}

func uniq[T comparable](xs []T) []T {
	seen := map[T]bool{}
	var out []T
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
