package demo

import (
	"math"
	"math/rand/v2"
	"time"

	"github.com/congtin/congtin"
)

// TrafficDays is how many days of visits and views Traffic makes up,
// today included: two months, enough for the statistics' 30-day view and
// a comparison with the month before.
const TrafficDays = 60

// Traffic returns believable daily visits and article views for the last
// TrafficDays days up to now, so the statistics page of a demo portal has
// something to show. Deterministic for given arguments.
//
// Visits follow a working week (quieter at weekends), grow slowly, and
// jump on the days a featured article comes out. About four in five
// visits read an article; the reads go to recent articles, most to the
// newest and the featured ones, with a thin tail of older ones. Today
// counts only the part of the day already gone, and no article is read
// before it is published.
func Traffic(now time.Time, siteID int64, articles []*congtin.Article) *congtin.CounterBatch {
	r := rand.New(rand.NewPCG(3, 4))
	now = now.In(ict)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, ict)
	b := &congtin.CounterBatch{Views: map[congtin.ViewKey]int64{}, Visits: map[congtin.VisitKey]int64{}}

	// Each article's appeal, fixed for the whole period.
	appeal := make([]float64, len(articles))
	for i, a := range articles {
		appeal[i] = 0.3 + r.ExpFloat64()
		if a.Featured {
			appeal[i] *= 2.5
		}
	}
	for back := TrafficDays - 1; back >= 0; back-- {
		day := today.AddDate(0, 0, -back)
		end := day.AddDate(0, 0, 1)
		share := 1.0
		if back == 0 {
			share = float64(now.Sub(day)) / float64(24*time.Hour)
			end = now
		}
		key := congtin.Day(day)

		base := 2400 * (1 + 0.004*float64(TrafficDays-back)) // slow growth
		switch day.Weekday() {
		case time.Saturday:
			base *= 0.62
		case time.Sunday:
			base *= 0.5
		}
		var recent []int // articles out by the end of the day, up to 30 days old
		var weights []float64
		var total float64
		headlines := 0
		for i, a := range articles {
			age := end.Sub(a.PublishedAt).Hours() / 24
			if age < 0 || age >= 30 {
				continue
			}
			if a.Featured && age < 1 {
				headlines++
			}
			w := appeal[i] * math.Exp(-age/3)
			recent, weights, total = append(recent, i), append(weights, w), total+w
		}
		base *= 1 + 0.2*float64(min(headlines, 2)) // a headline brings readers in
		visits := int64(base * (0.88 + 0.24*r.Float64()) * share)
		if visits <= 0 {
			continue
		}
		b.Visits[congtin.VisitKey{SiteID: siteID, Day: key}] = visits
		reads := float64(visits) * (0.75 + 0.1*r.Float64())
		for j, i := range recent {
			if n := int64(reads * weights[j] / total); n > 0 {
				b.Views[congtin.ViewKey{SiteID: siteID, ArticleID: articles[i].ID, Day: key}] = n
			}
		}
		// Older articles found through search and the archive.
		for range min(12, len(articles)) {
			a := articles[r.IntN(len(articles))]
			if a.PublishedAt.Before(end) {
				b.Views[congtin.ViewKey{SiteID: siteID, ArticleID: a.ID, Day: key}] += 1 + int64(r.IntN(int(6*share)+1))
			}
		}
	}
	return b
}
