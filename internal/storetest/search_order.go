package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// testSearchOrder checks the order and the filters of a search against
// the same worked out by hand, on articles whose IDs do not follow their
// publication (an archive imported out of order): newest first, page by
// page; a category with its children and a date range whose ends fall
// inside months; a range with one end; an empty range; and an article
// scheduled after now, which no search finds yet. SQLite's index finds
// them by IDs and by tags of months, so its answers must still be exact.
func testSearchOrder(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	r := rand.New(rand.NewPCG(3, 5))
	cats := []string{"Kinh tế", "Kinh tế > Nông nghiệp", "Văn hóa"}
	start := time.Date(2019, 1, 1, 0, 0, 0, 0, congtin.VietnamZone)
	now := time.Date(2022, 6, 15, 12, 0, 0, 0, congtin.VietnamZone)
	var recs []congtin.ArticleImport
	for i := range 60 {
		at := start.Add(time.Duration(r.Int64N(int64(now.Sub(start)))))
		if i == 7 {
			at = now.Add(time.Hour) // scheduled
		}
		if i == 8 {
			at = time.Date(2020, 3, 1, 0, 0, 0, 0, congtin.VietnamZone) // a month's first instant
		}
		word := "đê điều"
		if i%5 == 4 {
			word = "thủy lợi"
		}
		recs = append(recs, Rec(fmt.Sprintf("Gia cố %s số %d", word, i), cats[r.IntN(len(cats))], at))
	}
	res := MustImport(t, s, site.ID, recs...)
	cs, err := s.FindCategories(ctx, site.ID)
	if err != nil {
		t.Fatal(err)
	}
	kt := congtin.Categories(cs).BySlug("kinh-te")
	type art struct {
		id  int64
		at  time.Time
		cat int64
	}
	var all []art
	for i, x := range res {
		if i%5 != 4 {
			all = append(all, art{x.Article.ID, x.Article.PublishedAt, x.Article.CategoryID})
		}
	}
	expect := func(sq congtin.SearchQuery) []int64 {
		var out []art
		for _, a := range all {
			if a.at.After(now) || !sq.From.IsZero() && a.at.Before(sq.From) || !sq.To.IsZero() && !a.at.Before(sq.To) {
				continue
			}
			if len(sq.CategoryIDs) > 0 && !slices.Contains(sq.CategoryIDs, a.cat) {
				continue
			}
			out = append(out, a)
		}
		slices.SortFunc(out, func(x, y art) int {
			if c := y.at.Compare(x.at); c != 0 {
				return c
			}
			return int(y.id - x.id)
		})
		ids := make([]int64, len(out))
		for i, a := range out {
			ids[i] = a.id
		}
		return ids
	}
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, congtin.VietnamZone) }
	for _, tc := range []struct {
		name     string
		cats     []int64
		from, to time.Time
	}{
		{"everything", nil, time.Time{}, time.Time{}},
		{"category and range", congtin.Categories(cs).Subtree(kt.ID), day(2020, 3, 1), day(2021, 8, 9)},
		{"range across years", nil, day(2019, 11, 17), day(2022, 2, 3)},
		{"until", nil, time.Time{}, day(2020, 5, 20)},
		{"since", nil, day(2021, 11, 3), time.Time{}},
		{"empty range", nil, day(2021, 1, 1), day(2020, 1, 1)},
	} {
		sq := congtin.SearchQuery{SiteID: site.ID, Q: "đê điều", Now: now, CategoryIDs: tc.cats, From: tc.from, To: tc.to}
		want := expect(sq)
		if tc.name != "empty range" && len(want) < 5 {
			t.Fatalf("%s: only %d articles to find; the test needs more", tc.name, len(want))
		}
		// Newest first, a page of 7 at a time.
		var got []int64
		for off := 0; off <= len(want); off += 7 {
			q := sq
			q.Sort, q.Offset, q.Limit = congtin.SortNewest, off, 7
			res, err := s.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != len(want) {
				t.Errorf("%s, newest, offset %d: total %d, want %d", tc.name, off, res.Total, len(want))
			}
			for _, h := range res.Hits {
				got = append(got, h.Article.ID)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s, newest first:\n got %v\nwant %v", tc.name, got, want)
		}
		// By relevance: the same articles (all of them hold the words
		// alike, so newer first among equals).
		sq.Limit = 100
		res, err := s.Search(ctx, sq)
		if err != nil {
			t.Fatal(err)
		}
		got = got[:0]
		for _, h := range res.Hits {
			got = append(got, h.Article.ID)
		}
		slices.Sort(got)
		slices.Sort(want)
		if res.Total != len(want) || !slices.Equal(got, want) {
			t.Errorf("%s, by relevance: total %d, hits %v; want %v", tc.name, res.Total, got, want)
		}
	}
}
