// Command searchbench measures Vietnamese search on a generated corpus:
// import and full-reindex throughput, index size against the raw text, and
// query latency percentiles for one-, two- and four-syllable queries and a
// filtered query, and the search box's suggestions. Absolute times vary between machines, so each latency is
// also given as a ratio to a reference measured in the same run: a lookup
// of one article by primary key on the same database.
//
//	go run ./cmd/searchbench -n 100000
package main

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/corpus"
	"github.com/congtin/congtin/internal/search"
	"github.com/congtin/congtin/internal/search/vn"
	"github.com/congtin/congtin/internal/sqlite"
)

func main() {
	n := flag.Int("n", 100000, "articles to generate")
	wordsPer := flag.Int("words", 800, "words per article body")
	queries := flag.Int("queries", 200, "queries per kind")
	keep := flag.String("db", "", "database file to use (default: a temporary one)")
	cpu := flag.String("cpuprofile", "", "write a CPU profile of the queries")
	mmapMB := flag.Int64("mmap-mb", 0, "MB of the file searches read through a memory map, as congtin serve -sqlite-mmap-mb")
	queryOnly := flag.Bool("query-only", false, "with -db: only run the queries on an existing database of n articles")
	flag.Parse()
	cpuProfile, skipBuild, searchMmap = *cpu, *queryOnly, *mmapMB<<20
	if err := run(*n, *wordsPer, *queries, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "searchbench:", err)
		os.Exit(1)
	}
}

func run(n, wordsPer, nq int, path string) error {
	ctx := context.Background()
	if path == "" {
		dir, err := os.MkdirTemp("", "searchbench")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "bench.db")
	}
	db := sqlite.NewDB(path)
	db.SearchMmap = searchMmap
	if err := db.Open(); err != nil {
		return err
	}
	defer db.Close()
	site, err := app.New(db).DefaultSite(ctx)
	if err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(7, 11))
	g := corpus.New(r)
	cats := []string{"Tin tức - Sự kiện", "Kinh tế", "Kinh tế > Nông nghiệp", "Văn hóa - xã hội", "Văn hóa - xã hội > Y tế",
		"Quốc phòng - An ninh", "Thông báo", "Chính trị"}
	t0 := time.Date(2016, 1, 1, 8, 0, 0, 0, congtin.VietnamZone)
	var rawBytes int64
	start := time.Now()
	const batch = 1000
	for i := 0; i < n && !skipBuild; i += batch {
		var recs []congtin.ArticleImport
		for j := i; j < min(n, i+batch); j++ {
			body := g.Body(wordsPer)
			rec := congtin.ArticleImport{
				Title: g.Title(), Lead: g.Lead(), Body: body, Category: cats[r.IntN(len(cats))],
				Author: "PV", PublishedAt: t0.Add(time.Duration(j) * 47 * time.Minute).Format(time.RFC3339), ExternalID: fmt.Sprintf("b%d", j),
			}
			rawBytes += int64(len(rec.Title) + len(rec.Lead) + len(rec.Body))
			recs = append(recs, rec)
		}
		if _, err := app.New(db).ImportArticles(ctx, site.ID, recs); err != nil {
			return err
		}
		if (i/batch)%10 == 9 {
			fmt.Fprintf(os.Stderr, "imported %d in %s\n", i+batch, time.Since(start).Round(time.Second))
		}
	}
	importTime := time.Since(start)

	start = time.Now()
	if !skipBuild {
		if _, err := db.Reindex(ctx); err != nil {
			return err
		}
	}
	reindexTime := time.Since(start)
	indexBytes, err := db.SearchIndexBytes(ctx)
	if err != nil {
		return err
	}

	// The reference: one article by primary key, the cheapest useful query.
	ref := measure(nq, func(i int) error {
		_, err := db.FindArticleByID(ctx, site.ID, int64(1+r.IntN(n)))
		return err
	})
	catList, _ := db.FindCategories(ctx, site.ID)
	cs := congtin.Categories(catList)
	kt := cs.BySlug("kinh-te")
	kinds := []struct {
		name string
		q    func() congtin.SearchQuery
	}{
		{"1 syllable", func() congtin.SearchQuery {
			return congtin.SearchQuery{SiteID: site.ID, Q: corpus.Syllables[r.IntN(len(corpus.Syllables))]}
		}},
		{"2 syllables", func() congtin.SearchQuery {
			return congtin.SearchQuery{SiteID: site.ID, Q: pick(r, []string{"an ninh", "kinh tế", "nông nghiệp", "y tế", "giáo dục", "thủy lợi", "du lịch", "việc làm"})}
		}},
		{"4 syllables", func() congtin.SearchQuery {
			return congtin.SearchQuery{SiteID: site.ID, Q: pick(r, []string{"an ninh trật tự", "phát triển kinh tế", "chuyển đổi số", "cải cách hành chính", "an toàn thực phẩm"})}
		}},
		{"2 syll. + filters", func() congtin.SearchQuery {
			return congtin.SearchQuery{SiteID: site.ID, Q: pick(r, []string{"an ninh", "nông nghiệp", "y tế"}), CategoryIDs: cs.Subtree(kt.ID),
				From: t0.AddDate(2, 0, 0), To: t0.AddDate(5, 0, 0)}
		}},
		// No article holds the place name (the generator writes no "f"):
		// the search counts nothing, then relaxes the query to the
		// articles holding most of its words; the run checks it did.
		{"4 syll. + a place no article names", func() congtin.SearchQuery {
			return congtin.SearchQuery{SiteID: site.ID, Q: pick(r, []string{"an ninh trật tự", "phát triển kinh tế", "chuyển đổi số", "cải cách hành chính", "an toàn thực phẩm"}) + " Fansipan"}
		}},
		{"2 syll., newest", func() congtin.SearchQuery {
			return congtin.SearchQuery{SiteID: site.ID, Q: pick(r, []string{"an ninh", "kinh tế", "y tế"}), Sort: congtin.SortNewest}
		}},
	}
	fmt.Printf("\nsearchbench: %d articles, %d words each (vocabulary %d syllables), SQLite FTS5\n\n", n, wordsPer, g.VocabSize())
	fmt.Printf("| measure | value |\n|---|---|\n")
	fmt.Printf("| import (with indexing) | %.0f articles/s (%s) |\n", float64(n)/importTime.Seconds(), importTime.Round(time.Second))
	fmt.Printf("| full reindex | %.0f articles/s (%s) |\n", float64(n)/reindexTime.Seconds(), reindexTime.Round(time.Second))
	fmt.Printf("| raw text | %.1f MB |\n| index | %.1f MB (%.2f× the raw text) |\n\n", float64(rawBytes)/1e6, float64(indexBytes)/1e6, float64(indexBytes)/float64(rawBytes))
	if cpuProfile != "" {
		f, err := os.Create(cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	fmt.Printf("| query | p50 | p95 | p99 | p95 / reference p95 |\n|---|---|---|---|---|\n")
	fmt.Printf("| reference: article by id | %s | %s | %s | 1.0 |\n", ref.p(50), ref.p(95), ref.p(99))
	for _, k := range kinds {
		lat := measure(nq, func(int) error {
			q := k.q()
			res, err := db.Search(ctx, q)
			if err == nil && strings.Contains(k.name, "no article names") && !res.Approximate {
				err = fmt.Errorf("%q was not relaxed: the corpus names the place", q.Q)
			}
			return err
		})
		if lat.err != nil {
			return lat.err
		}
		fmt.Printf("| %s | %s | %s | %s | %.1f |\n", k.name, lat.p(50), lat.p(95), lat.p(99), float64(lat.at(95))/float64(ref.at(95)))
	}
	// Suggestions as a reader types: the start of a title, cut anywhere
	// from 2 to 16 bytes of its folded form (a short prefix starts
	// thousands of titles), through the service layer as the API asks:
	// the titles and the phrases completing it, once the site's
	// vocabulary is built (it is not waited for on the API's path).
	svc := app.New(db)
	for svc.Vocabulary(ctx, site.ID) == nil {
		time.Sleep(100 * time.Millisecond)
	}
	lat := measure(nq, func(int) error {
		p := search.TitlePrefix(g.Title())
		_, err := svc.SuggestSearch(ctx, site.ID, p[:min(len(p), 2+r.IntN(15))])
		return err
	})
	if lat.err != nil {
		return lat.err
	}
	fmt.Printf("| suggest (title prefix: phrases and titles) | %s | %s | %s | %.1f |\n", lat.p(50), lat.p(95), lat.p(99), float64(lat.at(95))/float64(ref.at(95)))
	// The start of a frequent phrase, typed with or without diacritics,
	// cut within its last word or after it (a trailing space): the
	// phrases' path at its busiest (common words have thousands of
	// followers).
	lat = measure(nq, func(int) error {
		p := pick(r, suggestPhrases)
		if r.IntN(2) == 0 {
			p = vn.FoldString(p) + p[len(strings.TrimRight(p, " ")):]
		}
		typed := []rune(p)
		_, err := svc.SuggestSearch(ctx, site.ID, string(typed[:2+r.IntN(len(typed)-1)]))
		return err
	})
	if lat.err != nil {
		return lat.err
	}
	fmt.Printf("| suggest (phrase prefix) | %s | %s | %s | %.1f |\n", lat.p(50), lat.p(95), lat.p(99), float64(lat.at(95))/float64(ref.at(95)))
	return benchDidYouMean(ctx, db, site.ID, r, nq, ref)
}

// suggestPhrases are what readers start typing into the search box.
var suggestPhrases = []string{"an ninh trật tự", "phát triển kinh tế", "chuyển đổi số", "cải cách hành chính",
	"an toàn thực phẩm", "nông nghiệp công nghệ cao", "giáo dục đào tạo", "bảo hiểm y tế", "hộ nghèo",
	"xây dựng nông thôn mới", "tiêm chủng", "phòng chống dịch", "Hà Nội", "người dân", "của "}

var (
	cpuProfile string
	skipBuild  bool
	searchMmap int64
)

func pick(r *rand.Rand, s []string) string { return s[r.IntN(len(s))] }

type latencies struct {
	d   []time.Duration
	err error
}

func measure(n int, f func(int) error) latencies {
	var l latencies
	for i := range n {
		start := time.Now()
		if err := f(i); err != nil {
			l.err = err
			return l
		}
		l.d = append(l.d, time.Since(start))
	}
	sort.Slice(l.d, func(i, j int) bool { return l.d[i] < l.d[j] })
	return l
}

func (l latencies) at(p int) time.Duration {
	if len(l.d) == 0 {
		return 0
	}
	return l.d[min(len(l.d)-1, len(l.d)*p/100)]
}

func (l latencies) p(p int) string {
	d := l.at(p)
	if d < time.Millisecond {
		return fmt.Sprintf("%.0f µs", float64(d)/1e3)
	}
	return fmt.Sprintf("%.1f ms", float64(d)/1e6)
}
