package storetest

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// testStats: the statistics read exact figures from the daily counters, a
// fixture of known counts: every day of the range in order (0 where
// nothing was counted), both ends included, other sites and days outside
// the range left out, deleted articles kept, categories as they are now.
func testStats(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	other := MustCreateSite(t, s, "so.example", "Cổng Sở")
	t0 := time.Date(2026, 2, 1, 9, 0, 0, 0, congtin.VietnamZone)
	res := MustImport(t, s, site.ID,
		Rec("Bài A", "Kinh tế", t0), Rec("Bài B", "Văn hóa", t0.Add(time.Hour)), Rec("Bài C", "Văn hóa", t0.Add(2*time.Hour)))
	a, b, c := res[0].Article, res[1].Article, res[2].Article
	d := MustImport(t, s, other.ID, Rec("Bài D", "Tin y tế", t0))[0].Article
	const ghost = 999999 // an article deleted since it was counted
	if err := s.SetArticleStatus(ctx, site.ID, c.ID, congtin.StatusUnpublished); err != nil {
		t.Fatal(err)
	}

	views := map[congtin.ViewKey]int64{}
	view := func(siteID, id int64, day string, n int64) {
		views[congtin.ViewKey{SiteID: siteID, ArticleID: id, Day: day}] = n
	}
	view(site.ID, a.ID, "2026-02-26", 100) // the day before the range
	view(site.ID, a.ID, "2026-02-27", 5)
	view(site.ID, a.ID, "2026-02-28", 7)
	view(site.ID, a.ID, "2026-03-02", 1)
	view(site.ID, a.ID, "2026-03-03", 4)
	view(site.ID, a.ID, "2026-03-04", 100) // the day after
	view(site.ID, b.ID, "2026-02-28", 10)
	view(site.ID, b.ID, "2026-03-03", 2)
	view(site.ID, c.ID, "2026-03-02", 12)
	view(site.ID, ghost, "2026-02-27", 3)
	view(other.ID, d.ID, "2026-02-28", 50)
	view(other.ID, a.ID, "2026-03-02", 1000) // another site's row with A's ID
	visits := map[congtin.VisitKey]int64{
		{SiteID: site.ID, Day: "2026-02-26"}:  999,
		{SiteID: site.ID, Day: "2026-02-27"}:  20,
		{SiteID: site.ID, Day: "2026-02-28"}:  30,
		{SiteID: site.ID, Day: "2026-03-02"}:  15,
		{SiteID: site.ID, Day: "2026-03-03"}:  25,
		{SiteID: site.ID, Day: "2026-03-04"}:  999,
		{SiteID: other.ID, Day: "2026-02-28"}: 500,
	}
	if err := s.AddCounts(ctx, &congtin.CounterBatch{Views: views, Visits: visits}); err != nil {
		t.Fatal(err)
	}

	// 2026 is not a leap year: the range crosses from February to March,
	// and 1 March has no counts at all.
	r := congtin.DayRange{From: "2026-02-27", To: "2026-03-03"}
	series := func(got []congtin.DayCount, err error, days []string, counts []int64, what string) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		var want []congtin.DayCount
		for i := range days {
			want = append(want, congtin.DayCount{Day: days[i], Count: counts[i]})
		}
		wantJSON(t, got, want, what)
	}
	days := []string{"2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02", "2026-03-03"}
	v, err := s.DailyVisits(ctx, site.ID, r)
	series(v, err, days, []int64{20, 30, 0, 15, 25}, "DailyVisits")
	v, err = s.DailyViews(ctx, site.ID, r)
	series(v, err, days, []int64{8, 17, 0, 13, 6}, "DailyViews")
	v, err = s.DailyVisits(ctx, other.ID, r)
	series(v, err, days, []int64{0, 500, 0, 0, 0}, "DailyVisits of the other site")
	v, err = s.DailyViews(ctx, other.ID, r)
	series(v, err, days, []int64{0, 50, 0, 1000, 0}, "DailyViews of the other site")
	one := congtin.DayRange{From: "2026-02-26", To: "2026-02-26"}
	v, err = s.DailyViews(ctx, site.ID, one)
	series(v, err, []string{"2026-02-26"}, []int64{100}, "DailyViews of one day")
	empty := congtin.DayRange{From: "2026-03-01", To: "2026-03-01"}
	v, err = s.DailyVisits(ctx, site.ID, empty)
	series(v, err, []string{"2026-03-01"}, []int64{0}, "DailyVisits of a day without counts")

	art := func(x *congtin.Article, n int64, status, cat string) *congtin.ArticleViews {
		return &congtin.ArticleViews{ArticleID: x.ID, Views: n, Exists: true, Title: x.Title, Status: status, CategoryID: x.CategoryID, CategoryName: cat}
	}
	gone := &congtin.ArticleViews{ArticleID: ghost, Views: 3}
	// B and C tie at 12: the lower ID comes first.
	all := []*congtin.ArticleViews{art(a, 17, congtin.StatusPublished, "Kinh tế"), art(b, 12, congtin.StatusPublished, "Văn hóa"),
		art(c, 12, congtin.StatusUnpublished, "Văn hóa"), gone}
	top, err := s.TopArticles(ctx, site.ID, r, 0)
	if err != nil {
		t.Fatal(err)
	}
	wantJSON(t, top, all, "TopArticles, no limit")
	if got := top[3].Label(); got != "Bài #999999 (đã xoá)" {
		t.Fatalf("label of a deleted article: %q", got)
	}
	top, err = s.TopArticles(ctx, site.ID, r, 2)
	if err != nil {
		t.Fatal(err)
	}
	wantJSON(t, top, all[:2], "TopArticles, limit 2")
	top, err = s.TopArticles(ctx, site.ID, empty, 10)
	if err != nil {
		t.Fatal(err)
	}
	wantJSON(t, top, []*congtin.ArticleViews{}, "TopArticles of a day without counts")
	// On the other site, A's ID is nobody's: its views are a deleted article's.
	top, err = s.TopArticles(ctx, other.ID, r, 10)
	if err != nil {
		t.Fatal(err)
	}
	wantJSON(t, top, []*congtin.ArticleViews{{ArticleID: a.ID, Views: 1000}, art(d, 50, congtin.StatusPublished, "Tin y tế")}, "TopArticles of the other site")

	cats, err := s.ViewsByCategory(ctx, site.ID, r)
	if err != nil {
		t.Fatal(err)
	}
	wantJSON(t, cats, []*congtin.CategoryViews{
		{CategoryID: b.CategoryID, Name: "Văn hóa", Views: 24},
		{CategoryID: a.CategoryID, Name: "Kinh tế", Views: 17},
		{CategoryID: 0, Name: congtin.UnknownCategory, Views: 3},
	}, "ViewsByCategory")

	// Moving B to Kinh tế moves its past views with it: the figures follow
	// the article's current category. The daily series do not change.
	editor := MustUser(t, s, site.ID, "btv-thongke", congtin.RoleEditor)
	MustUpdateArticle(t, s, editor, site.ID, b.ID, congtin.ArticleInput{CategoryID: a.CategoryID, Title: b.Title, Body: "<p>Nội dung</p>"})
	cats, err = s.ViewsByCategory(ctx, site.ID, r)
	if err != nil {
		t.Fatal(err)
	}
	wantJSON(t, cats, []*congtin.CategoryViews{
		{CategoryID: a.CategoryID, Name: "Kinh tế", Views: 29},
		{CategoryID: b.CategoryID, Name: "Văn hóa", Views: 12},
		{CategoryID: 0, Name: congtin.UnknownCategory, Views: 3},
	}, "ViewsByCategory after moving B")
	v, err = s.DailyViews(ctx, site.ID, r)
	series(v, err, days, []int64{8, 17, 0, 13, 6}, "DailyViews after moving B")
	cats, err = s.ViewsByCategory(ctx, site.ID, empty)
	if err != nil {
		t.Fatal(err)
	}
	wantJSON(t, cats, []*congtin.CategoryViews{}, "ViewsByCategory of a day without counts")

	// The longest range allowed is read whole. (Bad ranges are refused by
	// the service, before any query: internal/app's TestStatsRefuseBadRanges.)
	long := congtin.DayRange{From: "2024-03-03", To: "2026-03-03"}
	if long.Len() != congtin.MaxStatsDays {
		t.Fatalf("test range is %d days, want %d", long.Len(), congtin.MaxStatsDays)
	}
	v, err = s.DailyViews(ctx, site.ID, long)
	if err != nil || len(v) != congtin.MaxStatsDays || v[0].Day != long.From || v[len(v)-1].Day != long.To || v[len(v)-5].Count != 8 {
		t.Fatalf("longest range: %d days, %v", len(v), err)
	}

	// The open-data catalogue's downloads: summed per resource over the
	// range, most first, only the site's; a removed resource keeps its
	// downloads without a name.
	downloads := map[congtin.DownloadKey]int64{
		{SiteID: site.ID, DatasetID: 7, ResourceID: 70, Day: "2026-02-27"}:  4,
		{SiteID: site.ID, DatasetID: 7, ResourceID: 70, Day: "2026-03-03"}:  3,
		{SiteID: site.ID, DatasetID: 7, ResourceID: 71, Day: "2026-03-02"}:  9,
		{SiteID: site.ID, DatasetID: 7, ResourceID: 70, Day: "2026-03-04"}:  100, // after the range
		{SiteID: other.ID, DatasetID: 8, ResourceID: 80, Day: "2026-03-02"}: 50,
	}
	if err := s.AddCounts(ctx, &congtin.CounterBatch{Downloads: downloads}); err != nil {
		t.Fatal(err)
	}
	res2, err := s.TopResources(ctx, site.ID, r, 0)
	if top := res2; err != nil || len(top) != 2 || top[0].ResourceID != 71 || top[0].Downloads != 9 || top[1].ResourceID != 70 || top[1].Downloads != 7 ||
		top[0].ResourceName != "" || top[0].DatasetID != 7 {
		t.Fatalf("top resources: %+v %v", res2, err)
	}
	if top, err := s.TopResources(ctx, site.ID, r, 1); err != nil || len(top) != 1 || top[0].ResourceID != 71 {
		t.Fatalf("top resource, limit 1: %+v %v", top, err)
	}
}

// wantJSON fails the test unless got and want encode to the same JSON.
func wantJSON(t *testing.T, got, want any, what string) {
	t.Helper()
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	if string(g) != string(w) {
		t.Fatalf("%s:\n got %s\nwant %s", what, g, w)
	}
}
