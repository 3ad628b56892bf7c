package demo

import (
	"reflect"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// demoArticles turns the demo content into stored articles with IDs 1, 2, …
func demoArticles(t *testing.T, now time.Time) []*congtin.Article {
	t.Helper()
	_, recs := Content(now)
	out := make([]*congtin.Article, len(recs))
	for i, rec := range recs {
		at, err := time.Parse(time.RFC3339, rec.PublishedAt)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = &congtin.Article{ID: int64(i + 1), Title: rec.Title, PublishedAt: at, Featured: rec.Featured}
	}
	return out
}

func TestTraffic(t *testing.T) {
	for _, now := range nows {
		t.Run(now.Format(time.RFC3339), func(t *testing.T) {
			arts := demoArticles(t, now)
			b := Traffic(now, 7, arts)
			if !reflect.DeepEqual(b, Traffic(now, 7, arts)) {
				t.Fatal("two runs differ")
			}
			today := congtin.Day(now)
			first := congtin.Day(now.AddDate(0, 0, 1-TrafficDays))
			if len(b.Visits) != TrafficDays {
				t.Fatalf("%d days of visits, want %d", len(b.Visits), TrafficDays)
			}
			if len(b.Views) > 60*TrafficDays {
				t.Fatalf("%d rows of views: too many for a cheap demo", len(b.Views))
			}
			views := map[string]int64{}
			for k, n := range b.Views {
				a := arts[k.ArticleID-1]
				if k.SiteID != 7 || n <= 0 || k.Day < first || k.Day > today {
					t.Fatalf("view row %+v = %d", k, n)
				}
				if pub := congtin.Day(a.PublishedAt); k.Day < pub {
					t.Fatalf("article %d published %s has views on %s", a.ID, pub, k.Day)
				}
				views[k.Day] += n
			}
			var weekday, weekend []int64
			for k, n := range b.Visits {
				if k.SiteID != 7 || k.Day < first || k.Day > today || n <= 0 {
					t.Fatalf("visit row %+v = %d", k, n)
				}
				if k.Day == today {
					continue // a part of a day
				}
				if v := views[k.Day]; v < n/2 || v > n {
					t.Fatalf("%s: %d views for %d visits", k.Day, v, n)
				}
				d, _ := time.Parse(time.DateOnly, k.Day)
				if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
					weekend = append(weekend, n)
				} else {
					weekday = append(weekday, n)
				}
			}
			if avg(weekend) >= avg(weekday)*0.8 || avg(weekday) < 1500 || avg(weekday) > 5000 {
				t.Fatalf("visits per day: weekdays %.0f, weekends %.0f", avg(weekday), avg(weekend))
			}
		})
	}
	if b := Traffic(nows[0], 1, nil); len(b.Views) != 0 || len(b.Visits) != TrafficDays {
		t.Fatalf("no articles: %d views rows, %d visit days", len(b.Views), len(b.Visits))
	}
}

func avg(ns []int64) float64 {
	var s int64
	for _, n := range ns {
		s += n
	}
	return float64(s) / float64(max(len(ns), 1))
}
