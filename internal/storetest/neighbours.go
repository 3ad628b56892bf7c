package storetest

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// testArticleNeighbours checks the lists around an article ("TIN MỚI
// HƠN", "TIN ĐÃ ĐƯA") against the category's whole list, article by
// article: ties in publication time ordered by ID, a scheduled article
// never among the newer ones, and NoTotal's total saying only whether
// more follow.
func testArticleNeighbours(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	base := time.Now().Add(-48 * time.Hour).Truncate(time.Second)
	var recs []congtin.ArticleImport
	for i := range 9 {
		at := base.Add(time.Duration(i/3) * time.Hour) // three at each time
		recs = append(recs, Rec(fmt.Sprintf("Tin %d", i), "Thời sự", at))
	}
	recs = append(recs, Rec("Tin hẹn giờ", "Thời sự", time.Now().Add(72*time.Hour)))
	res := MustImport(t, s, site.ID, recs...)
	cat := res[0].Category.ID
	all, _, err := s.FindArticles(ctx, congtin.ArticleFilter{SiteID: site.ID, CategoryIDs: []int64{cat}})
	if err != nil || len(all) != 9 {
		t.Fatalf("the category lists %d articles, %v; want the 9 published", len(all), err)
	}
	ids := func(as []*congtin.Article) []int64 {
		var out []int64
		for _, a := range as {
			out = append(out, a.ID)
		}
		return out
	}
	for i, a := range all { // newest first
		for _, limit := range []int{2, 3} {
			older, n, err := s.FindArticles(ctx, congtin.ArticleFilter{SiteID: site.ID, CategoryIDs: []int64{cat}, Before: a, Limit: limit, NoTotal: true})
			if err != nil {
				t.Fatal(err)
			}
			nOlder := n
			want := all[i+1:]
			more := len(want) > limit
			want = want[:min(limit, len(want))]
			if !slices.Equal(ids(older), ids(want)) || (n > len(older)) != more {
				t.Errorf("older than %s (limit %d): %v total %d, want %v more=%v", a.Title, limit, ids(older), n, ids(want), more)
			}
			newer, n, err := s.FindArticles(ctx, congtin.ArticleFilter{SiteID: site.ID, CategoryIDs: []int64{cat}, After: a, Oldest: true, Limit: limit, NoTotal: true})
			if err != nil {
				t.Fatal(err)
			}
			wantNewer := slices.Clone(all[:i])
			slices.Reverse(wantNewer) // nearest first
			more = len(wantNewer) > limit
			wantNewer = wantNewer[:min(limit, len(wantNewer))]
			if !slices.Equal(ids(newer), ids(wantNewer)) || (n > len(newer)) != more {
				t.Errorf("newer than %s (limit %d): %v total %d, want %v more=%v", a.Title, limit, ids(newer), n, ids(wantNewer), more)
			}
			// The article page's lists read titles only, from the index:
			// the same articles, with what a link shows.
			titles, n2, err := s.FindArticles(ctx, congtin.ArticleFilter{SiteID: site.ID, CategoryIDs: []int64{cat}, Before: a, Limit: limit, NoTotal: true, TitlesOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(ids(titles), ids(older)) || n2 != nOlder {
				t.Errorf("titles older than %s (limit %d): %v total %d, want %v", a.Title, limit, ids(titles), n2, ids(older))
			}
			for j, x := range titles {
				w := older[j]
				if x.Title != w.Title || x.Slug != w.Slug || !x.PublishedAt.Equal(w.PublishedAt) || x.CategoryID != w.CategoryID || x.SiteID != w.SiteID {
					t.Errorf("title-only row %+v differs from the full one %+v", x, w)
				}
			}
		}
	}
}
