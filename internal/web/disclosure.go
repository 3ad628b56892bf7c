package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// Disclosure pages (công khai ngân sách, báo cáo thống kê, chiến lược –
// quy hoạch – kế hoạch): views of the documents register, each a group of
// types and fields the administrators set, its documents of one year by
// quarter. Rendered per request, like the register's pages.

// DisclosureReader is what the disclosure pages read.
type DisclosureReader interface {
	FindDisclosures(ctx context.Context, siteID int64) ([]*congtin.Disclosure, error)
	// FindDisclosure returns the site's group with the slug; ENOTFOUND
	// if none.
	FindDisclosure(ctx context.Context, siteID int64, slug string) (*congtin.Disclosure, error)
}

// disclosureYearLimit bounds one year's list; a year with more sends the
// reader to the register's search.
const disclosureYearLimit = 500

func (s *Server) disclosureRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET "+congtin.DisclosurePrefix, s.handleDisclosures)
	mux.HandleFunc("GET "+congtin.DisclosurePrefix+"/{slug}", s.handleDisclosure)
	mux.HandleFunc("GET /phat-ngon", s.handleSpokesperson)
}

func (s *Server) handleDisclosures(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	gs, err := s.Disclosures.FindDisclosures(r.Context(), site.ID)
	if err != nil {
		s.error(w, r, err)
		return
	}
	page := &render.DisclosuresPage{Groups: gs}
	if !s.layout(w, r, site, &page.Base) {
		return
	}
	page.Title, page.ActiveSlug = "Công khai thông tin", "cong-khai"
	page.Description = "Công khai ngân sách, báo cáo thống kê, chiến lược, quy hoạch, kế hoạch của " + site.Name
	page.Canonical = s.siteURL(site, congtin.DisclosurePrefix)
	s.render(w, http.StatusOK, "disclosures", page)
}

func (s *Server) handleDisclosure(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	site := siteFrom(ctx)
	g, err := s.Disclosures.FindDisclosure(ctx, site.ID, r.PathValue("slug"))
	if err != nil {
		s.error(w, r, err)
		return
	}
	year := 0
	if v := r.URL.Query().Get("nam"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1900 || n > 2200 {
			s.error(w, r, congtin.Errorf(congtin.EINVALID, "Năm “%s” không hợp lệ; hãy chọn một năm trong danh sách.", clip(v)))
			return
		}
		year = n
	}
	// The years with documents (the facet), then the year asked for, or
	// the newest.
	q := g.Query()
	q.Facets, q.Limit, q.Now = true, 1, s.now()
	res, err := s.Documents.FindDocuments(ctx, q)
	if err != nil {
		s.error(w, r, err)
		return
	}
	page := &render.DisclosurePage{Group: g}
	for _, y := range res.Facets.Years {
		n, err := strconv.Atoi(y.Value)
		if err != nil {
			continue
		}
		if year == 0 {
			year = n
		}
		page.Years = append(page.Years, render.YearLink{Year: n, Count: y.Count, URL: g.Path() + "?nam=" + y.Value})
	}
	for i := range page.Years {
		page.Years[i].Current = page.Years[i].Year == year
	}
	if year != 0 {
		q = g.Query()
		q.Year, q.Limit, q.Now = year, disclosureYearLimit, s.now()
		if res, err = s.Documents.FindDocuments(ctx, q); err != nil {
			s.error(w, r, err)
			return
		}
		page.Year, page.Total = year, res.Total
		page.More = res.Total > len(res.Documents)
		page.MoreURL = "/van-ban?nam=" + strconv.Itoa(year)
		for _, it := range s.documentItems(res.Documents) {
			qn := congtin.Quarter(it.IssuedOn)
			id := "quy-" + strconv.Itoa(qn)
			if n := len(page.Quarters); n == 0 || page.Quarters[n-1].ID != id {
				page.Quarters = append(page.Quarters, render.QuarterGroup{ID: id, Heading: "Quý " + romanQuarter[qn] + " năm " + strconv.Itoa(year)})
			}
			page.Quarters[len(page.Quarters)-1].Documents = append(page.Quarters[len(page.Quarters)-1].Documents, it)
		}
	}
	if !s.layout(w, r, site, &page.Base) {
		return
	}
	page.Title, page.ActiveSlug = g.Name, "cong-khai"
	if r.URL.Query().Get("nam") != "" {
		page.Title += " năm " + strconv.Itoa(year)
	}
	page.Description = g.Intro
	page.Canonical = s.siteURL(site, g.Path())
	if r.URL.Query().Get("nam") != "" {
		page.Canonical = s.siteURL(site, g.Path()+"?nam="+url.QueryEscape(strconv.Itoa(year)))
	}
	s.render(w, http.StatusOK, "disclosure", page)
}

var romanQuarter = [...]string{"", "I", "II", "III", "IV"}
