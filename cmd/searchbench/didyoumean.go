package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/corpus"
	"github.com/congtin/congtin/internal/search"
	"github.com/congtin/congtin/internal/search/vn"
	"github.com/congtin/congtin/internal/sqlite"
)

// benchDidYouMean measures "Có phải bạn muốn tìm": building the site's
// vocabulary from its published titles and leads (time, memory), the
// correction of a misspelt query alone, and a search that found little
// with its suggestion checked, through the service layer.
func benchDidYouMean(ctx context.Context, db *sqlite.DB, siteID int64, r *rand.Rand, nq int, ref latencies) error {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	b := search.NewVocabBuilder()
	err := db.PublishedTexts(ctx, siteID, time.Time{}, func(title, lead string) error {
		b.Add(title)
		b.Add(lead)
		return nil
	})
	if err != nil {
		return err
	}
	v := b.Build()
	build := time.Since(start)
	b = nil
	runtime.GC()
	runtime.ReadMemStats(&after)
	st := v.Stats()
	fmt.Printf("\n| did you mean | value |\n|---|---|\n")
	fmt.Printf("| vocabulary build (titles and leads) | %s |\n", build.Round(time.Millisecond))
	fmt.Printf("| syllables counted | %d |\n", st.Syllables)
	fmt.Printf("| spellings kept / seen | %d / %d (%d folded) |\n", st.Words, st.SeenWords, st.Folds)
	fmt.Printf("| pairs kept / seen | %d / %d |\n", st.Pairs, st.SeenPairs)
	fmt.Printf("| memory held (heap, estimate) | %.1f MB, %.1f MB |\n\n", float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/1e6, float64(st.Bytes)/1e6)

	phrases := []string{"an ninh trật tự", "phát triển kinh tế", "chuyển đổi số", "cải cách hành chính", "an toàn thực phẩm",
		"nông nghiệp", "giáo dục", "bảo hiểm", "hộ nghèo", "đời sống người dân", "xây dựng nông thôn"}
	misspell := func() string {
		words := strings.Fields(vn.FoldString(pick(r, phrases)))
		if r.IntN(4) == 0 {
			words = append(words, vn.FoldString(pick(r, corpus.Syllables)))
		}
		i := r.IntN(len(words))
		w := []byte(words[i])
		j := r.IntN(len(w))
		switch r.IntN(4) {
		case 0: // a letter doubled
			w = append(w[:j+1], w[j:]...)
		case 1: // a letter missing
			if len(w) > 2 {
				w = append(w[:j], w[j+1:]...)
			}
		case 2: // two letters swapped
			if j+1 < len(w) {
				w[j], w[j+1] = w[j+1], w[j]
			}
		default: // a letter changed
			w[j] = byte('a' + r.IntN(26))
		}
		words[i] = string(w)
		return strings.Join(words, " ")
	}
	fmt.Printf("| query | p50 | p95 | p99 | p95 / reference p95 |\n|---|---|---|---|---|\n")
	corrected := 0
	lat := measure(nq, func(int) error {
		if v.Correct(misspell()) != "" {
			corrected++
		}
		return nil
	})
	fmt.Printf("| correct a misspelt query (%d%% corrected) | %s | %s | %s | %.1f |\n", 100*corrected/nq, lat.p(50), lat.p(95), lat.p(99), float64(lat.at(95))/float64(ref.at(95)))
	// Through the service: the search, then (it found little) the
	// correction and the count of what it finds. The vocabulary is built
	// first, as it is once a site has been searched.
	svc := app.New(db)
	for svc.Vocabulary(ctx, siteID) == nil {
		time.Sleep(100 * time.Millisecond)
	}
	suggested := 0
	lat = measure(nq, func(int) error {
		res, err := svc.Search(ctx, congtin.SearchQuery{SiteID: siteID, Q: misspell(), Limit: 10})
		if err == nil && res.Suggestion != "" {
			suggested++
		}
		return err
	})
	if lat.err != nil {
		return lat.err
	}
	fmt.Printf("| misspelt search, with its suggestion (%d%% suggested) | %s | %s | %s | %.1f |\n", 100*suggested/nq, lat.p(50), lat.p(95), lat.p(99), float64(lat.at(95))/float64(ref.at(95)))
	return nil
}
