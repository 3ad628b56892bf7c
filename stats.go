package congtin

import (
	"context"
	"strconv"
	"time"
)

// MaxStatsDays is the longest range the statistics read at once: two
// years, so that a year can be compared with the one before it while a
// mistyped year (2062 for 2026) is refused instead of read and drawn.
const MaxStatsDays = 731

// Earliest and latest days the statistics accept. Nothing was counted
// before congtin existed; the bound keeps typos out of the queries.
const (
	MinStatsDay = "2000-01-01"
	MaxStatsDay = "2099-12-31"
)

// DayRange is a range of Vietnam calendar days, both ends included, as
// YYYY-MM-DD.
type DayRange struct {
	From string
	To   string
}

// LastDays returns the n days that end with the day of now, in Vietnam.
func LastDays(now time.Time, n int) DayRange {
	to := now.In(VietnamZone)
	return DayRange{From: to.AddDate(0, 0, 1-n).Format(time.DateOnly), To: to.Format(time.DateOnly)}
}

// parseDay reads a YYYY-MM-DD day; ok is false for anything else,
// including days that do not exist (2026-02-30).
func parseDay(s string) (time.Time, bool) {
	t, err := time.ParseInLocation(time.DateOnly, s, VietnamZone)
	if err != nil || t.Format(time.DateOnly) != s {
		return time.Time{}, false
	}
	return t, true
}

// Validate checks the range: two real days in order, within the bounds,
// at most MaxStatsDays long. It returns a *ValidationError naming "tu"
// or "den" (the form's fields) so the statistics form can show it.
func (r DayRange) Validate() error {
	from, okFrom := parseDay(r.From)
	to, okTo := parseDay(r.To)
	fe := FieldErrors{}
	switch {
	case r.From == "":
		fe["tu"] = "Hãy chọn ngày bắt đầu."
	case !okFrom:
		fe["tu"] = "Ngày bắt đầu không hợp lệ; hãy nhập theo dạng năm-tháng-ngày, ví dụ 2026-03-01."
	case r.From < MinStatsDay || r.From > MaxStatsDay:
		fe["tu"] = "Ngày bắt đầu phải trong khoảng từ 01/01/2000 đến 31/12/2099."
	}
	switch {
	case r.To == "":
		fe["den"] = "Hãy chọn ngày kết thúc."
	case !okTo:
		fe["den"] = "Ngày kết thúc không hợp lệ; hãy nhập theo dạng năm-tháng-ngày, ví dụ 2026-03-31."
	case r.To < MinStatsDay || r.To > MaxStatsDay:
		fe["den"] = "Ngày kết thúc phải trong khoảng từ 01/01/2000 đến 31/12/2099."
	}
	if len(fe) == 0 {
		switch {
		case from.After(to):
			fe["tu"] = "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc."
		case r.Len() > MaxStatsDays:
			fe["den"] = "Khoảng thời gian quá dài: tối đa " + strconv.Itoa(MaxStatsDays) + " ngày (2 năm)."
		}
	}
	if len(fe) > 0 {
		return &ValidationError{Fields: fe}
	}
	return nil
}

// Len returns the number of days in a valid range (0 for an invalid one).
func (r DayRange) Len() int {
	from, ok1 := parseDay(r.From)
	to, ok2 := parseDay(r.To)
	if !ok1 || !ok2 || from.After(to) {
		return 0
	}
	// Vietnam has no daylight saving, so every day is 24 hours long.
	return int(to.Sub(from)/(24*time.Hour)) + 1
}

// Days lists every day of a valid range, in order.
func (r DayRange) Days() []string {
	n := r.Len()
	if n == 0 {
		return nil
	}
	from, _ := parseDay(r.From)
	out := make([]string, n)
	for i := range out {
		out[i] = from.AddDate(0, 0, i).Format(time.DateOnly)
	}
	return out
}

// Series returns one DayCount per day of the range, in order, taking the
// counts from byDay; a day missing from byDay (nothing was counted) is 0.
// The stores keep rows only for days with counts; every chart and export
// needs the days in between too.
func (r DayRange) Series(byDay map[string]int64) []DayCount {
	days := r.Days()
	out := make([]DayCount, len(days))
	for i, d := range days {
		out[i] = DayCount{Day: d, Count: byDay[d]}
	}
	return out
}

// DayCount is one day's figure.
type DayCount struct {
	Day   string `json:"day"` // YYYY-MM-DD, Vietnam time
	Count int64  `json:"count"`
}

// ResourceDownloads is a resource of the open-data catalogue with its
// downloads in a range.
type ResourceDownloads struct {
	ResourceID   int64  `json:"resource_id"`
	DatasetID    int64  `json:"dataset_id"`
	Downloads    int64  `json:"downloads"`
	ResourceName string `json:"resource_name"` // "" when deleted
	DatasetTitle string `json:"dataset_title"`
	DatasetSlug  string `json:"-"`
}

// ArticleViews is an article's views over a range. The article may have
// been deleted since: the daily counts outlive it, and then only the ID is
// known.
type ArticleViews struct {
	ArticleID    int64  `json:"article_id"`
	Views        int64  `json:"views"`
	Exists       bool   `json:"exists"` // false when the article is gone
	Title        string `json:"title"`
	Status       string `json:"status"`
	CategoryID   int64  `json:"category_id"`
	CategoryName string `json:"category_name"`
}

// Label names the article for tables and exports, and says so when it has
// been deleted.
func (a *ArticleViews) Label() string {
	if !a.Exists {
		return "Bài #" + strconv.FormatInt(a.ArticleID, 10) + " (đã xoá)"
	}
	return a.Title
}

// UnknownCategory is the name shown for views of articles that no longer
// exist, whose category cannot be known.
const UnknownCategory = "Không rõ chuyên mục"

// CategoryViews is the views of a category's articles over a range,
// counted under each article's current category.
type CategoryViews struct {
	CategoryID int64  `json:"category_id"` // 0 for articles that are gone
	Name       string `json:"name"`        // UnknownCategory for ID 0
	Views      int64  `json:"views"`
}

// StatsService reads the daily counters for the back office's statistics.
// Every method takes a site and a DayRange, both ends included; an invalid
// range is a *ValidationError (EINVALID). Only the site's own counts are
// read. Figures for past days come from the daily tables alone, so they do
// not change when articles are unpublished, moved or deleted.
type StatsService interface {
	// DailyVisits returns the visits of each day of the range, in order,
	// with 0 for days without any.
	DailyVisits(ctx context.Context, siteID int64, r DayRange) ([]DayCount, error)
	// DailyViews returns the article views of each day of the range (all
	// articles together), in order, with 0 for days without any.
	DailyViews(ctx context.Context, siteID int64, r DayRange) ([]DayCount, error)
	// TopArticles returns the most viewed articles of the range, most
	// views first, ties by article ID; at most limit of them, or all when
	// limit is 0 or less. Articles in any state are counted, and deleted
	// ones keep their views with Exists false.
	TopArticles(ctx context.Context, siteID int64, r DayRange, limit int) ([]*ArticleViews, error)
	// TopResources returns the open-data resources downloaded most in the
	// range, most first, ties by resource ID; at most limit (all when 0
	// or less). A deleted resource keeps its downloads with an empty name.
	TopResources(ctx context.Context, siteID int64, r DayRange, limit int) ([]*ResourceDownloads, error)
	// ViewsByCategory returns the views of the range per category, by
	// each article's current category, most views first, ties by category ID.
	// Views of deleted articles are grouped under UnknownCategory (ID 0).
	// Categories without views in the range are left out.
	ViewsByCategory(ctx context.Context, siteID int64, r DayRange) ([]*CategoryViews, error)
}

// StatsStore reads the statistics from the daily counters, as
// StatsService says, for a range the service has validated: the store
// reads the range as it is given.
type StatsStore interface {
	// DailyVisits sums the visits per day, 0 for days without any.
	DailyVisits(ctx context.Context, siteID int64, r DayRange) ([]DayCount, error)
	// DailyViews sums the views of all articles per day, 0 for days
	// without any.
	DailyViews(ctx context.Context, siteID int64, r DayRange) ([]DayCount, error)
	// TopArticles sums the views per article: at most limit of them,
	// all when limit is 0 or less; never nil.
	TopArticles(ctx context.Context, siteID int64, r DayRange, limit int) ([]*ArticleViews, error)
	// TopResources sums the downloads per resource, as StatsService says.
	TopResources(ctx context.Context, siteID int64, r DayRange, limit int) ([]*ResourceDownloads, error)
	// ViewsByCategory sums the views per current category; the views of
	// deleted articles come as category 0, without a name; never nil.
	ViewsByCategory(ctx context.Context, siteID int64, r DayRange) ([]*CategoryViews, error)
}
