package web

import (
	"net/http"
	"net/url"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// maxRangeDays bounds a from–to range; a wider one is almost surely a typo
// in the year.
const maxRangeDays = 3660

// parseDay reads a YYYY-MM-DD date as a Vietnam calendar day. time.Parse
// rejects days that do not exist, such as 2019-02-30.
func parseDay(field, v string) (time.Time, error) {
	t, err := time.ParseInLocation(time.DateOnly, v, congtin.VietnamZone)
	if err != nil || t.Year() < 1900 {
		return time.Time{}, congtin.Errorf(congtin.EINVALID, "%s không hợp lệ: “%s”. Hãy chọn một ngày có thật, dạng năm-tháng-ngày, ví dụ 2019-10-01.", field, clip(v))
	}
	return t, nil
}

// clip shortens user input before it is echoed in a message.
func clip(v string) string {
	r := []rune(v)
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return string(r)
}

// dateQuery is the parsed query of /theo-ngay.
type dateQuery struct {
	from, to time.Time // [from, to)
	heading  string
	form     render.DateForm
	cat      *congtin.Category
}

func parseDateQuery(q url.Values, cats congtin.Categories, now time.Time) (*dateQuery, error) {
	dq := &dateQuery{form: render.DateForm{Day: q.Get("ngay"), From: q.Get("tu"), To: q.Get("den"), Max: congtin.Day(now), Range: true}}
	if slug := q.Get("chuyen-muc"); slug != "" {
		if dq.cat = cats.BySlug(slug); dq.cat == nil || dq.cat.Hidden {
			return dq, congtin.Errorf(congtin.EINVALID, "Chuyên mục “%s” không tồn tại.", clip(slug))
		}
		dq.form.CategorySlug, dq.form.CategoryName = dq.cat.Slug, dq.cat.Name
	}
	switch {
	case dq.form.Day != "":
		d, err := parseDay("Ngày", dq.form.Day)
		if err != nil {
			return dq, err
		}
		dq.from, dq.to = d, d.AddDate(0, 0, 1)
		dq.heading = "Tin ngày " + d.Format("02/01/2006")
	case dq.form.From != "" || dq.form.To != "":
		from := time.Date(1900, 1, 1, 0, 0, 0, 0, congtin.VietnamZone)
		var to time.Time
		var err error
		if dq.form.From != "" {
			if from, err = parseDay("Từ ngày", dq.form.From); err != nil {
				return dq, err
			}
		}
		if dq.form.To != "" {
			if to, err = parseDay("Đến ngày", dq.form.To); err != nil {
				return dq, err
			}
		} else {
			to, _ = time.ParseInLocation(time.DateOnly, congtin.Day(now), congtin.VietnamZone)
		}
		if to.Before(from) {
			return dq, congtin.Errorf(congtin.EINVALID, "“Từ ngày” phải trước hoặc bằng “Đến ngày”.")
		}
		if dq.form.From != "" && to.Sub(from) > maxRangeDays*24*time.Hour {
			return dq, congtin.Errorf(congtin.EINVALID, "Khoảng thời gian quá dài: tối đa 10 năm.")
		}
		dq.from, dq.to = from, to.AddDate(0, 0, 1)
		dq.heading = "Tin từ ngày " + from.Format("02/01/2006") + " đến ngày " + to.Format("02/01/2006")
		if dq.form.From == "" {
			dq.heading = "Tin đến ngày " + to.Format("02/01/2006")
		}
	default:
		d, _ := time.ParseInLocation(time.DateOnly, congtin.Day(now), congtin.VietnamZone)
		dq.from, dq.to = d, d.AddDate(0, 0, 1)
		dq.form.Day = congtin.Day(now)
		dq.heading = "Tin ngày " + d.Format("02/01/2006")
	}
	if dq.cat != nil {
		dq.heading += " – " + dq.cat.Name
	}
	return dq, nil
}

// handleDate lists the articles of one day, or of a from–to range, in the
// whole site or in one category (and its children).
func (s *Server) handleDate(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	site := siteFrom(ctx)
	cats := categoriesFrom(ctx)
	q := r.URL.Query()
	epoch, base, ok := s.startPage(w, r, site)
	if !ok {
		return
	}
	page := &render.ListPage{Base: base, Empty: "Không có bài viết nào trong thời gian này."}
	page.Title = "Xem theo ngày"
	dq, qerr := parseDateQuery(q, cats, s.now())
	page.DateForm = &dq.form
	status := http.StatusOK
	pageNo, perr := parsePage(q)
	if qerr == nil {
		qerr = perr
	}
	if qerr != nil {
		// Show the form again with the message, so the reader can fix it.
		status = http.StatusBadRequest
		page.Heading = "Xem theo ngày"
		page.DateForm.Error = congtin.ErrorMessage(qerr)
		page.Empty = "Hãy chọn lại ngày cần xem."
	} else {
		f := congtin.ArticleFilter{SiteID: site.ID, From: dq.from, To: dq.to}
		if dq.cat != nil {
			f.CategoryIDs = cats.Subtree(dq.cat.ID)
			page.Crumbs = cats.Ancestors(dq.cat)
			page.ActiveSlug = page.Crumbs[0].Slug
		}
		as, total, err := s.articlePage(ctx, f, pageNo)
		if err != nil {
			s.error(w, r, err)
			return
		}
		page.Heading, page.Title = dq.heading, dq.heading
		page.Articles = links(as, cats, true)
		page.Total = total
		page.Pager = pager("/theo-ngay", q, pageNo, total, listPageSize)
	}
	tags := pageTags(site, "d:range")
	if qerr == nil && dq.to.Sub(dq.from) <= 25*time.Hour {
		tags = pageTags(site, tagDay(dq.from))
	}
	s.servePage(w, r, status, "list", page, epoch, 0, time.Time{}, tags)
}
