package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// The leadership's work schedule: one ISO week a page (?tuan=2026-W48,
// the current week by default), Monday to Sunday in Vietnam time, only
// weeks an editor has published.

const (
	schedulePath = "/lich-cong-tac"
	// scheduleFeedDays and scheduleFeedItems bound the feed of coming
	// entries.
	scheduleFeedDays  = 62
	scheduleFeedItems = 50
)

// weekParam reads ?tuan=; missing, it is the week of now.
func weekParam(q url.Values, now time.Time) (congtin.Week, error) {
	v, ok := q["tuan"]
	if !ok {
		return congtin.WeekOf(now), nil
	}
	if len(v) != 1 {
		return congtin.Week{}, congtin.Errorf(congtin.EINVALID, "Hãy chọn một tuần, ví dụ ?tuan=2026-W48.")
	}
	return congtin.ParseWeek(strings.TrimSpace(v[0]))
}

func weekURL(path string, w congtin.Week) string { return path + "?tuan=" + w.String() }

// dayIDs are the days' anchors, Monday first.
var dayIDs = [...]string{"thu-hai", "thu-ba", "thu-tu", "thu-nam", "thu-sau", "thu-bay", "chu-nhat"}

// weekView reads the week ?tuan= names (see weekParam), its published
// entries, and lays them out by day: the working days always, Saturday
// and Sunday when they have entries.
func (s *Server) weekView(r *http.Request, site *congtin.Site) (render.ScheduleWeekView, error) {
	now := s.now()
	week, err := weekParam(r.URL.Query(), now)
	if err != nil {
		return render.ScheduleWeekView{}, err
	}
	mon := week.Monday()
	es, err := s.Sections.FindPublicSchedule(r.Context(), site.ID, mon, week.End(), 0)
	if err != nil {
		return render.ScheduleWeekView{}, err
	}
	v := render.ScheduleWeekView{
		Week:      week,
		Heading:   "Lịch công tác tuần " + strconv.Itoa(week.Num) + " năm " + strconv.Itoa(week.Year),
		Range:     "Từ " + render.DayLabel(mon) + " đến " + render.DayLabel(mon.AddDate(0, 0, 6)),
		Count:     len(es),
		PrevURL:   weekURL(schedulePath, week.Prev()),
		NextURL:   weekURL(schedulePath, week.Next()),
		PrintURL:  weekURL(schedulePath+"/ban-in", week),
		WeekValue: week.String(),
	}
	if week != congtin.WeekOf(now) {
		v.ThisURL = schedulePath
	}
	today := congtin.Day(now)
	for i := range 7 {
		day := mon.AddDate(0, 0, i)
		d := render.ScheduleDay{Label: render.DayLabel(day), ID: dayIDs[i], Date: day, Today: congtin.Day(day) == today}
		for _, e := range es {
			if congtin.Day(e.Start) == congtin.Day(day) {
				d.Entries = append(d.Entries, e)
			}
		}
		if i < 5 || len(d.Entries) > 0 {
			v.Days = append(v.Days, d)
		}
	}
	return v, nil
}

// startSchedulePage begins the schedule's page or its print view, which
// the cache may hold: it answers from the cache when it can; otherwise it
// returns the cache's epoch (see servePage) and the week asked for. ok is
// false when the request has been answered, from the cache or with the
// error page.
func (s *Server) startSchedulePage(w http.ResponseWriter, r *http.Request, site *congtin.Site) (epoch uint64, v render.ScheduleWeekView, ok bool) {
	if s.serveCached(w, r) {
		return 0, v, false
	}
	epoch = s.epoch()
	v, err := s.weekView(r, site)
	if err != nil {
		s.error(w, r, err)
		return 0, v, false
	}
	return epoch, v, true
}

func (s *Server) handleSchedule(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	epoch, v, ok := s.startSchedulePage(w, r, site)
	if !ok {
		return
	}
	page := &render.SchedulePage{ScheduleWeekView: v, FeedURL: schedulePath + "/rss"}
	if !s.layout(w, r, site, &page.Base) {
		return
	}
	page.Title = v.Heading
	page.Description = "Lịch công tác của lãnh đạo " + site.Name + " tuần " + strconv.Itoa(v.Week.Num) + ": " + v.Range + "."
	page.Canonical = s.siteURL(siteFrom(r.Context()), weekURL(schedulePath, v.Week))
	page.ActiveSlug = "lich-cong-tac"
	s.servePage(w, r, http.StatusOK, "schedule", page, epoch, 0, time.Time{}, pageTags(site))
}

func (s *Server) handleSchedulePrint(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	epoch, v, ok := s.startSchedulePage(w, r, site)
	if !ok {
		return
	}
	page := &render.SchedulePrintPage{ScheduleWeekView: v,
		PrintBase: render.PrintBase{Site: site, SourceURL: s.siteURL(siteFrom(r.Context()), weekURL(schedulePath, v.Week)), BackURL: weekURL(schedulePath, v.Week)}}
	s.servePage(w, r, http.StatusOK, "schedule_print", page, epoch, 0, time.Time{}, pageTags(site))
}

// scheduleJSON is /api/v1/lich-cong-tac.
type scheduleJSON struct {
	Week  string            `json:"week"`
	Start string            `json:"start"` // Monday, YYYY-MM-DD
	End   string            `json:"end"`   // Sunday
	Prev  string            `json:"prev"`
	Next  string            `json:"next"`
	URL   string            `json:"url"`
	Days  []scheduleDayJSON `json:"days"`
	Count int               `json:"count"`
}

type scheduleDayJSON struct {
	Date    string                   `json:"date"`
	Label   string                   `json:"label"`
	Entries []*congtin.ScheduleEntry `json:"entries"`
}

func (s *Server) handleScheduleAPI(w http.ResponseWriter, r *http.Request) {
	v, err := s.weekView(r, siteFrom(r.Context()))
	if err != nil {
		s.writeAPI(w, r, nil, err)
		return
	}
	week := v.Week
	out := scheduleJSON{Week: week.String(), Start: congtin.Day(week.Monday()), End: congtin.Day(week.Monday().AddDate(0, 0, 6)),
		Prev: week.Prev().String(), Next: week.Next().String(), URL: s.siteURL(siteFrom(r.Context()), weekURL(schedulePath, week)), Count: v.Count, Days: []scheduleDayJSON{}}
	for _, d := range v.Days {
		dj := scheduleDayJSON{Date: congtin.Day(d.Date), Label: d.Label, Entries: []*congtin.ScheduleEntry{}}
		for _, e := range d.Entries {
			c := *e
			c.Start = c.Start.In(congtin.VietnamZone)
			if !c.End.IsZero() {
				c.End = c.End.In(congtin.VietnamZone)
			}
			c.UpdatedAt = c.UpdatedAt.In(congtin.VietnamZone)
			dj.Entries = append(dj.Entries, &c)
		}
		out.Days = append(out.Days, dj)
	}
	s.writeAPI(w, r, out, nil)
}

// handleScheduleFeed is an RSS feed of the coming entries: from today,
// for about two months.
func (s *Server) handleScheduleFeed(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	now := s.now().In(congtin.VietnamZone)
	from := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, congtin.VietnamZone)
	es, err := s.Sections.FindPublicSchedule(r.Context(), site.ID, from, from.AddDate(0, 0, scheduleFeedDays), scheduleFeedItems)
	if err != nil {
		s.error(w, r, err)
		return
	}
	ch := rssChannel{Title: site.Name + " – Lịch công tác", Link: s.siteURL(siteFrom(r.Context()), schedulePath), Language: "vi",
		Description: "Lịch công tác sắp tới của lãnh đạo " + site.Name,
		Self:        rssSelf{Href: s.siteURL(siteFrom(r.Context()), r.URL.Path), Rel: "self", Type: "application/rss+xml"}}
	var last time.Time
	for _, e := range es {
		link := s.siteURL(siteFrom(r.Context()), weekURL(schedulePath, congtin.WeekOf(e.Start))+"#muc-"+strconv.FormatInt(e.ID, 10))
		when := render.DayLabel(e.Start) + ", " + e.Start.In(congtin.VietnamZone).Format("15:04")
		if !e.End.IsZero() {
			when += " – " + e.End.In(congtin.VietnamZone).Format("15:04")
		}
		var desc []string
		for _, f := range []struct{ label, v string }{{"Thời gian", when}, {"Thành phần", e.Participants}, {"Địa điểm", e.Place}, {"Chủ trì", e.Chair}} {
			if f.v != "" {
				desc = append(desc, f.label+": "+f.v)
			}
		}
		ch.Items = append(ch.Items, rssItem{Title: when + ": " + e.Content, Link: link, GUID: rssGUID{Value: link, Permalink: true},
			Description: strings.Join(desc, ". ") + ".", PubDate: rssTime(e.UpdatedAt), Category: "Lịch công tác"})
		if e.UpdatedAt.After(last) {
			last = e.UpdatedAt
		}
	}
	if !last.IsZero() {
		ch.LastBuildDate = rssTime(last)
	}
	s.writeRSS(w, r, ch)
}
