package admin

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/chart"
	"github.com/congtin/congtin/internal/render"
)

// statsService is what the statistics page and its exports need.
type statsService interface {
	DailyVisits(ctx context.Context, siteID int64, r congtin.DayRange) ([]congtin.DayCount, error)
	DailyViews(ctx context.Context, siteID int64, r congtin.DayRange) ([]congtin.DayCount, error)
	TopArticles(ctx context.Context, siteID int64, r congtin.DayRange, limit int) ([]*congtin.ArticleViews, error)
	ViewsByCategory(ctx context.Context, siteID int64, r congtin.DayRange) ([]*congtin.CategoryViews, error)
	TopResources(ctx context.Context, siteID int64, r congtin.DayRange, limit int) ([]*congtin.ResourceDownloads, error)
}

// topArticles is how many articles the most-read tables show.
const topArticles = 10

// topPeriods are the periods of the most-read tables, ending with the
// range's last day: its day, its week, its month.
var topPeriods = []struct {
	key   string
	label string
	days  int
}{
	{"ngay", "Trong ngày", 1},
	{"7", "7 ngày", 7},
	{"30", "30 ngày", 30},
}

// statsQuery is what the statistics page and its exports are asked for.
type statsQuery struct {
	from, to string // as typed, for the form
	rng      congtin.DayRange
	top      string
}

// readStatsQuery reads tu, den and top from the URL. Without dates it is
// the last 30 days, Vietnam time. A bad value gives a *ValidationError
// naming its field.
func (s *Server) readStatsQuery(r *http.Request) (statsQuery, error) {
	q := r.URL.Query()
	sq := statsQuery{from: q.Get("tu"), to: q.Get("den"), top: q.Get("top")}
	if sq.from == "" && sq.to == "" {
		sq.rng = congtin.LastDays(s.now(), 30)
		sq.from, sq.to = sq.rng.From, sq.rng.To
	} else {
		sq.rng = congtin.DayRange{From: strings.TrimSpace(sq.from), To: strings.TrimSpace(sq.to)}
	}
	if sq.top == "" {
		sq.top = "7"
	}
	err := sq.rng.Validate()
	if !validTop(sq.top) {
		if err == nil {
			err = &congtin.ValidationError{Fields: congtin.FieldErrors{}}
		}
		if ve, ok := err.(*congtin.ValidationError); ok {
			ve.Fields["top"] = "Khoảng thời gian của bảng bài xem nhiều không hợp lệ."
		}
		sq.top = "7"
	}
	// Shown back in the form: keep it short and valid UTF-8.
	sq.from, sq.to = formEcho(sq.from), formEcho(sq.to)
	return sq, err
}

func validTop(s string) bool {
	for _, p := range topPeriods {
		if p.key == s {
			return true
		}
	}
	return false
}

func formEcho(s string) string {
	s = strings.ToValidUTF8(s, "")
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:40])
	}
	return s
}

// query returns the URL query of the range with extra parameters.
func (sq statsQuery) query(extra ...string) string {
	v := url.Values{"tu": {sq.rng.From}, "den": {sq.rng.To}}
	for i := 0; i+1 < len(extra); i += 2 {
		v.Set(extra[i], extra[i+1])
	}
	return v.Encode()
}

func (s *Server) handleStats(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := can(rq, congtin.ActStats, nil); err != nil {
		s.error(w, r, rq, err)
		return
	}
	sq, err := s.readStatsQuery(r)
	page := &render.StatsPage{AdminBase: rq.base("Thống kê", "stats"), From: sq.from, To: sq.to, Top: sq.top}
	page.Presets = s.statsPresets(sq)
	if err != nil {
		ve, ok := err.(*congtin.ValidationError)
		if !ok {
			s.error(w, r, rq, err)
			return
		}
		page.Errors = ve.Fields
		page.Error = "Không xem được thống kê: " + firstError(ve.Fields, "tu", "den", "top")
		s.render(w, r, http.StatusBadRequest, "admin/stats", page)
		return
	}
	if err := s.fillStats(r, rq, sq, page); err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.render(w, r, http.StatusOK, "admin/stats", page)
}

// statsPresets are the quick ranges, ending today in Vietnam.
func (s *Server) statsPresets(sq statsQuery) []render.Link {
	now := s.now().In(congtin.VietnamZone)
	year := congtin.DayRange{From: now.AddDate(-1, 0, 1).Format(time.DateOnly), To: now.Format(time.DateOnly)}
	var out []render.Link
	for _, p := range []struct {
		label string
		rng   congtin.DayRange
	}{{"7 ngày", congtin.LastDays(now, 7)}, {"30 ngày", congtin.LastDays(now, 30)}, {"12 tháng", year}} {
		q := statsQuery{rng: p.rng}
		out = append(out, render.Link{Label: p.label, URL: "/admin/thong-ke?" + q.query("top", sq.top), Current: p.rng == sq.rng})
	}
	return out
}

func (s *Server) fillStats(r *http.Request, rq *request, sq statsQuery, page *render.StatsPage) error {
	ctx := r.Context()
	visits, err := s.stats.DailyVisits(ctx, rq.site.ID, sq.rng)
	if err != nil {
		return err
	}
	views, err := s.stats.DailyViews(ctx, rq.site.ID, sq.rng)
	if err != nil {
		return err
	}
	cats, err := s.stats.ViewsByCategory(ctx, rq.site.ID, sq.rng)
	if err != nil {
		return err
	}
	top, heading := sq.topRange()
	arts, err := s.stats.TopArticles(ctx, rq.site.ID, top, topArticles)
	if err != nil {
		return err
	}
	for i, a := range arts {
		page.TopArticles = append(page.TopArticles, render.StatsArticle{Rank: i + 1, ArticleViews: a})
	}
	page.TopHeading = heading

	page.Valid = true
	page.DayCount = len(visits)
	page.FromLabel, page.ToLabel = dmy(sq.rng.From), dmy(sq.rng.To)
	page.RangeLabel = page.FromLabel + " – " + page.ToLabel
	for i, v := range visits {
		page.TotalVisits += v.Count
		page.TotalViews += views[i].Count
		if v.Count > page.PeakVisits {
			page.PeakVisits, page.PeakDay = v.Count, dmy(v.Day)
		}
		page.Days = append(page.Days, render.StatsDay{Day: longDay(v.Day), Visits: v.Count, Views: views[i].Count})
	}
	if n := int64(len(visits)); n > 0 {
		page.AvgVisits = (page.TotalVisits + n/2) / n
	}
	page.VisitsChart = chart.Render(dayChart("bieu-do-truy-cap", "Lượt truy cập theo ngày", "lượt truy cập", chart.Bars, "#0b4a8b", sq.rng, visits))
	page.ViewsChart = chart.Render(dayChart("bieu-do-luot-xem", "Lượt xem bài viết theo ngày", "lượt xem", chart.Line, "#a3101f", sq.rng, views))

	var catTotal int64
	for _, c := range cats {
		catTotal += c.Views
	}
	for _, c := range cats {
		share := 0.0
		if catTotal > 0 {
			share = float64(c.Views) * 100 / float64(catTotal)
		}
		page.Categories = append(page.Categories, render.StatsCategory{
			Name: c.Name, Views: c.Views, Width: share,
			Percent: strings.Replace(strconv.FormatFloat(share, 'f', 1, 64), ".", ",", 1),
		})
	}

	for _, p := range topPeriods {
		page.TopTabs = append(page.TopTabs, render.Link{Label: p.label, URL: "/admin/thong-ke?" + sq.query("top", p.key) + "#bai-xem-nhieu", Current: p.key == sq.top})
	}
	// The open-data catalogue's most downloaded resources of the range.
	if page.TopResources, err = s.stats.TopResources(ctx, rq.site.ID, sq.rng, topArticles); err != nil {
		return err
	}
	for _, k := range []struct{ label, kind string }{{"Theo ngày", "days"}, {"Bài viết", "articles"}, {"Chuyên mục", "categories"},
		{"Tải dữ liệu mở", "resources"}} {
		page.CSV = append(page.CSV, render.Link{Label: k.label, URL: "/admin/thong-ke.csv?" + sq.query("kind", k.kind)})
	}
	return nil
}

// topRange returns the period of the most-read table: the chosen number
// of days ending with the range's last day.
func (sq statsQuery) topRange() (congtin.DayRange, string) {
	days := 7
	for _, p := range topPeriods {
		if p.key == sq.top {
			days = p.days
		}
	}
	end, _ := time.ParseInLocation(time.DateOnly, sq.rng.To, congtin.VietnamZone)
	rng := congtin.LastDays(end, days)
	rng.From = max(rng.From, congtin.MinStatsDay) // a range starting on the first day allowed
	if days == 1 {
		return rng, "Bài xem nhiều nhất ngày " + dmy(rng.To)
	}
	return rng, "Bài xem nhiều nhất " + strconv.Itoa(days) + " ngày, từ " + dmy(rng.From) + " đến " + dmy(rng.To)
}

// dayChart makes the chart of a daily series: labels under about a dozen
// days (the first of each month on long ranges), the figures of each day
// as tooltips, and a summary for screen readers.
func dayChart(id, title, unit string, kind chart.Kind, color string, rng congtin.DayRange, series []congtin.DayCount) chart.Chart {
	c := chart.Chart{ID: id, Title: title, Kind: kind, Color: color, Format: render.Number}
	labels := dayLabels(series)
	var total, peak int64
	peakDay := ""
	for i, d := range series {
		c.Points = append(c.Points, chart.Point{Label: labels[i], Tip: longDay(d.Day) + ": " + render.Number(d.Count) + " " + unit, Value: d.Count})
		total += d.Count
		if d.Count > peak {
			peak, peakDay = d.Count, d.Day
		}
	}
	c.Desc = "Từ " + dmy(rng.From) + " đến " + dmy(rng.To) + ": tổng " + render.Number(total) + " " + unit + "."
	if peakDay != "" {
		c.Desc += " Cao nhất " + render.Number(peak) + " " + unit + " vào " + longDay(peakDay) + "."
	}
	c.Desc += " Số liệu từng ngày có trong bảng bên dưới."
	return c
}

// dayLabels returns the x axis labels of a daily series, "" where none
// goes: every day of a week, then a day in k so about twelve are shown;
// beyond three months, the first day of every month or every few months.
func dayLabels(series []congtin.DayCount) []string {
	n := len(series)
	out := make([]string, n)
	if n <= 92 {
		k := max(1, (n+11)/12)
		for i := 0; i < n; i += k {
			t, _ := time.ParseInLocation(time.DateOnly, series[i].Day, congtin.VietnamZone)
			out[i] = t.Format("02/01")
		}
		return out
	}
	var firsts []int
	for i, d := range series {
		if strings.HasSuffix(d.Day, "-01") {
			firsts = append(firsts, i)
		}
	}
	every := max(1, (len(firsts)+11)/12)
	for j := 0; j < len(firsts); j += every {
		i := firsts[j]
		t, _ := time.ParseInLocation(time.DateOnly, series[i].Day, congtin.VietnamZone)
		out[i] = t.Format("01/2006")
	}
	return out
}

// dmy writes a YYYY-MM-DD day as dd/mm/yyyy.
func dmy(day string) string {
	t, err := time.ParseInLocation(time.DateOnly, day, congtin.VietnamZone)
	if err != nil {
		return day
	}
	return t.Format("02/01/2006")
}

// longDay writes a YYYY-MM-DD day as "Thứ Hai, 02/03/2026".
func longDay(day string) string {
	t, err := time.ParseInLocation(time.DateOnly, day, congtin.VietnamZone)
	if err != nil {
		return day
	}
	return render.DayLine(t)
}
