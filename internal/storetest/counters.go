package storetest

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// testCountersConcurrent: batches written at the same time, as by several
// portal processes sharing one store, add up exactly.
func testCountersConcurrent(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	other := MustCreateSite(t, s, "so.example", "Cổng Sở")
	t0 := time.Date(2022, 6, 1, 9, 0, 0, 0, congtin.VietnamZone)
	res := MustImport(t, s, site.ID, Rec("Bài một", "Tin tức", t0), Rec("Bài hai", "Tin tức", t0.Add(time.Hour)))
	a, b := res[0].Article.ID, res[1].Article.ID
	c := MustImport(t, s, other.ID, Rec("Bài cổng Sở", "Tin y tế", t0))[0].Article.ID
	const day1, day2 = "2022-06-01", "2022-06-02"
	const workers, rounds = 8, 25

	var wg sync.WaitGroup
	errs := make(chan error, workers*rounds)
	for w := range workers {
		wg.Go(func() {
			// Each worker also counts on a day of its own.
			own := fmt.Sprintf("2022-07-%02d", w+1)
			for range rounds {
				batch := &congtin.CounterBatch{
					Views: map[congtin.ViewKey]int64{
						{SiteID: site.ID, ArticleID: a, Day: day1}: 1,
						{SiteID: site.ID, ArticleID: a, Day: day2}: 3,
						{SiteID: site.ID, ArticleID: b, Day: day1}: 2,
						{SiteID: other.ID, ArticleID: c, Day: own}: 1,
					},
					Visits: map[congtin.VisitKey]int64{
						{SiteID: site.ID, Day: day1}:  1,
						{SiteID: site.ID, Day: day2}:  2,
						{SiteID: site.ID, Day: own}:   1,
						{SiteID: other.ID, Day: day1}: 5,
					},
				}
				if err := s.AddCounts(ctx, batch); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("AddCounts: %v", err)
	}

	n := int64(workers * rounds)
	for id, want := range map[int64]int64{a: 4 * n, b: 2 * n, c: n} {
		got, err := s.ArticleViews(ctx, id)
		if err != nil || got != want {
			t.Fatalf("views of %d = %d, %v; want %d", id, got, err, want)
		}
		if art, _ := s.FindArticleByID(ctx, map[int64]int64{a: site.ID, b: site.ID, c: other.ID}[id], id); art.Views != want {
			t.Fatalf("Article.Views of %d = %d, want %d", id, art.Views, want)
		}
	}
	visits := func(siteID int64, day string, total, today int64) {
		t.Helper()
		gotTotal, gotToday, err := s.Visits(ctx, siteID, day)
		if err != nil || gotTotal != total || gotToday != today {
			t.Fatalf("visits of site %d on %s = %d, %d, %v; want %d, %d", siteID, day, gotTotal, gotToday, err, total, today)
		}
	}
	visits(site.ID, day1, 4*n, n)
	visits(site.ID, day2, 4*n, 2*n)
	for w := range workers {
		visits(site.ID, fmt.Sprintf("2022-07-%02d", w+1), 4*n, rounds)
	}
	visits(site.ID, "2000-01-01", 4*n, 0)
	visits(other.ID, day1, 5*n, 5*n)
	visits(other.ID, day2, 5*n, 0)
	// The stored total leaves the site's offset out.
	off := int64(1_000_000)
	if _, err := s.UpdateSite(ctx, site.ID, congtin.SiteUpdate{CounterOffset: &off}); err != nil {
		t.Fatal(err)
	}
	visits(site.ID, day1, 4*n, n)
	visits(site.ID+1000, day1, 0, 0)
}
