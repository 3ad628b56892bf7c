package render

import (
	"html/template"
	"time"

	"github.com/congtin/congtin"
)

// StatsPage is the back office's statistics: visits and views per day
// over a range, the most read articles and the views per category.
type StatsPage struct {
	AdminBase
	From, To string // the form's values, as typed
	Top      string // the period of the most read articles: "ngay", "7", "30"
	Presets  []Link
	// Shown only when the range is valid.
	Valid       bool
	RangeLabel  string // "01/02/2026 – 02/03/2026"
	FromLabel   string // "01/02/2026"
	ToLabel     string
	DayCount    int
	TotalVisits int64
	TotalViews  int64
	AvgVisits   int64  // per day, rounded
	PeakDay     string // the day with the most visits, dd/mm/yyyy; "" when none
	PeakVisits  int64
	VisitsChart template.HTML // drawn by package chart, text escaped there
	ViewsChart  template.HTML
	Days        []StatsDay
	TopTabs     []Link
	TopHeading  string
	TopArticles []StatsArticle
	Categories  []StatsCategory
	// TopResources are the open-data resources downloaded most in the
	// range.
	TopResources []*congtin.ResourceDownloads
	CSV          []Link // downloads of the range
}

// Link is a labelled URL, marked when it is the current one.
type Link struct {
	Label   string
	URL     string
	Current bool
}

// StatsDay is one row of the figures behind the charts.
type StatsDay struct {
	Day    string // "Thứ Hai, 02/03/2026"
	Visits int64
	Views  int64
}

// StatsArticle is a row of the most-read table.
type StatsArticle struct {
	Rank int
	*congtin.ArticleViews
}

// StatsCategory is one category's share of the views.
type StatsCategory struct {
	Name    string
	Views   int64
	Percent string  // "41,7"
	Width   float64 // the share bar's width, 0–100
}

// DayLine formats a day as "Thứ Hai, 02/03/2026", in Vietnam time.
func DayLine(t time.Time) string {
	t = t.In(congtin.VietnamZone)
	return weekdays[t.Weekday()] + ", " + t.Format("02/01/2006")
}
