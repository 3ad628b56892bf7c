package render

import (
	"time"

	"github.com/congtin/congtin"
)

// Alternate is a page in one language, for <link rel="alternate" hreflang>.
type Alternate struct {
	Lang string
	URL  string // absolute
}

// NavLink is an entry of a menu.
type NavLink struct {
	Name    string
	URL     string
	Slug    string // compared with Base.ActiveSlug
	Current bool
}

// LinkGroup is one group of the site's links.
type LinkGroup struct {
	Name  string
	Links []*congtin.Link
}

// ScheduleDay is one day of a week of the work schedule.
type ScheduleDay struct {
	Label   string // "Thứ Hai, 23/11/2026"
	ID      string // anchor: "thu-hai"
	Date    time.Time
	Today   bool
	Entries []*congtin.ScheduleEntry
}

// ScheduleWeekView is what the schedule's page, print view and API show
// of a week.
type ScheduleWeekView struct {
	Week      congtin.Week
	Heading   string // "Lịch công tác tuần 48 năm 2026"
	Range     string // "từ 23/11/2026 đến 29/11/2026"
	Days      []ScheduleDay
	Count     int
	PrevURL   string
	NextURL   string
	ThisURL   string // the current week, when another is shown
	PrintURL  string
	WeekValue string // the week input's value, "2026-W48"
}

// SchedulePage is /lich-cong-tac.
type SchedulePage struct {
	Base
	ScheduleWeekView
	FeedURL string
}

// SchedulePrintPage is the schedule's print view.
type SchedulePrintPage struct {
	PrintBase
	ScheduleWeekView
}

// AboutIndexPage is /gioi-thieu and, in English, /en/.
type AboutIndexPage struct {
	Base
	Heading  string
	Pages    []NavLink
	ChartURL string
}

// AboutPage is one page of the about section, in either language.
type AboutPage struct {
	Base
	Page      *congtin.Page
	Heading   string
	Body      string // sanitized HTML
	PrintURL  string
	OtherURL  string // the page in the other language, when it has one
	OtherName string
}

// OrgChartPage is the organisation chart, in either language.
type OrgChartPage struct {
	Base
	Heading string
	Units   []*congtin.Unit // nested
	EN      bool
}

// LinksPage is /lien-ket.
type LinksPage struct {
	Base
	Groups []LinkGroup
}

// AboutPrintPage is an about page's print view.
type AboutPrintPage struct {
	PrintBase
	Heading string
	Body    string // sanitized HTML
}

// UnitTreeData is what the recursive "unittree" template takes.
type UnitTreeData struct {
	Units []*congtin.Unit
	EN    bool
	Lang  string
}

// DayLabel writes a day as the schedule heads it: "Thứ Hai, 23/11/2026",
// in Vietnam time.
func DayLabel(t time.Time) string {
	t = t.In(congtin.VietnamZone)
	return weekdays[t.Weekday()] + ", " + t.Format("02/01/2006")
}
