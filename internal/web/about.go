package web

import (
	"net/http"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// The about section: free pages at /gioi-thieu/{slug}, the organisation
// chart at /gioi-thieu/co-cau-to-chuc, and their English versions at
// /en/about/{slug} and /en/organisation, listed on /en/.

const (
	chartPath   = congtin.AboutPrefix + "/" + congtin.OrgChartSlug
	chartPathEN = "/en/organisation"
)

// aboutPageNotFound is the error for a page that is not public.
func aboutPageNotFound() error {
	return congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy trang giới thiệu.")
}

// publicPages returns the site's published about pages in menu order.
func (s *Server) publicPages(r *http.Request, site *congtin.Site) ([]*congtin.Page, error) {
	return s.Sections.FindPages(r.Context(), site.ID, true)
}

// aboutBase reads the public about pages, which every about page lists
// in its sidebar, then the page base (count: whether the visit counts, as
// in base).
func (s *Server) aboutBase(w http.ResponseWriter, r *http.Request, site *congtin.Site, count bool) ([]*congtin.Page, render.Base, error) {
	pages, err := s.publicPages(r, site)
	if err != nil {
		return nil, render.Base{}, err
	}
	base, err := s.base(w, r, site, count)
	return pages, base, err
}

// aboutSide lists the about pages and the chart in the sidebar.
func aboutSide(b *render.Base, pages []*congtin.Page, current string) {
	b.SideTitle = "GIỚI THIỆU"
	for _, p := range pages {
		b.SideLinks = append(b.SideLinks, render.NavLink{Name: p.Title, URL: p.Path(), Current: p.Path() == current})
	}
	b.SideLinks = append(b.SideLinks, render.NavLink{Name: "Cơ cấu tổ chức", URL: chartPath, Current: current == chartPath})
}

func (s *Server) handleAboutIndex(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	if s.serveCached(w, r) {
		return
	}
	epoch := s.epoch()
	pages, base, err := s.aboutBase(w, r, site, true)
	if err != nil {
		s.error(w, r, err)
		return
	}
	page := &render.AboutIndexPage{Base: base, Heading: "Giới thiệu", ChartURL: chartPath}
	for _, p := range pages {
		page.Pages = append(page.Pages, render.NavLink{Name: p.Title, URL: p.Path()})
	}
	aboutSide(&page.Base, pages, congtin.AboutPrefix)
	page.Title = "Giới thiệu"
	page.Canonical = s.absURL(r, congtin.AboutPrefix)
	page.ActiveSlug = "gioi-thieu"
	s.alternates(r, &page.Base, congtin.AboutPrefix, "/en/")
	s.servePage(w, r, http.StatusOK, "about_index", page, epoch, 0, time.Time{}, pageTags(site))
}

func (s *Server) handleAbout(w http.ResponseWriter, r *http.Request) {
	slug := r.PathValue("slug")
	if slug == congtin.OrgChartSlug {
		s.handleOrgChart(w, r)
		return
	}
	site := siteFrom(r.Context())
	if s.serveCached(w, r) {
		return
	}
	epoch := s.epoch()
	p, err := s.Sections.FindPageBySlug(r.Context(), site.ID, slug, false)
	if err == nil && !p.IsPublic() {
		err = aboutPageNotFound()
	}
	if err != nil {
		s.error(w, r, err)
		return
	}
	pages, base, err := s.aboutBase(w, r, site, true)
	if err != nil {
		s.error(w, r, err)
		return
	}
	page := &render.AboutPage{Base: base, Page: p, Heading: p.Title, Body: p.Body, PrintURL: p.Path() + "/ban-in"}
	aboutSide(&page.Base, pages, p.Path())
	if p.HasEnglish() {
		page.OtherURL, page.OtherName = p.PathEN(), "English"
		s.alternates(r, &page.Base, p.Path(), p.PathEN())
	}
	page.Title = p.Title
	page.Canonical = s.absURL(r, p.Path())
	page.ActiveSlug = "gioi-thieu"
	s.servePage(w, r, http.StatusOK, "about", page, epoch, 0, p.UpdatedAt, pageTags(site))
}

func (s *Server) handleOrgChart(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	if s.serveCached(w, r) {
		return
	}
	epoch := s.epoch()
	units, err := s.Sections.FindUnits(r.Context(), site.ID)
	if err != nil {
		s.error(w, r, err)
		return
	}
	pages, base, err := s.aboutBase(w, r, site, true)
	if err != nil {
		s.error(w, r, err)
		return
	}
	page := &render.OrgChartPage{Base: base, Heading: "Cơ cấu tổ chức", Units: congtin.UnitTree(units)}
	aboutSide(&page.Base, pages, chartPath)
	page.Title = "Cơ cấu tổ chức"
	page.Canonical = s.absURL(r, chartPath)
	page.ActiveSlug = "gioi-thieu"
	s.alternates(r, &page.Base, chartPath, chartPathEN)
	s.servePage(w, r, http.StatusOK, "orgchart", page, epoch, 0, time.Time{}, pageTags(site))
}

// aboutPrint serves the print view of a public page in either language.
func (s *Server) aboutPrint(w http.ResponseWriter, r *http.Request, en bool) {
	site := siteFrom(r.Context())
	if s.serveCached(w, r) {
		return
	}
	epoch := s.epoch()
	p, err := s.Sections.FindPageBySlug(r.Context(), site.ID, r.PathValue("slug"), en)
	if err == nil && (!p.IsPublic() || en && !p.HasEnglish()) {
		err = aboutPageNotFound()
	}
	if err != nil {
		s.error(w, r, err)
		return
	}
	page := &render.AboutPrintPage{Site: site, Heading: p.Title, Body: p.Body, SourceURL: s.absURL(r, p.Path()), BackURL: p.Path()}
	if en {
		page.Lang, page.Heading, page.Body = render.LangEN, p.TitleEN, p.BodyEN
		page.SourceURL, page.BackURL = s.absURL(r, p.PathEN()), p.PathEN()
	}
	s.servePage(w, r, http.StatusOK, "about_print", page, epoch, 0, p.UpdatedAt, pageTags(site))
}

func (s *Server) handleAboutPrint(w http.ResponseWriter, r *http.Request)   { s.aboutPrint(w, r, false) }
func (s *Server) handleAboutPrintEN(w http.ResponseWriter, r *http.Request) { s.aboutPrint(w, r, true) }

func (s *Server) handleEnglishHome(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	if s.serveCached(w, r) {
		return
	}
	epoch := s.epoch()
	pages, base, err := s.aboutBase(w, r, site, false)
	if err != nil {
		s.error(w, r, err)
		return
	}
	page := &render.AboutIndexPage{Base: base, Heading: "About us", ChartURL: chartPathEN}
	for _, p := range pages {
		if p.HasEnglish() {
			page.Pages = append(page.Pages, render.NavLink{Name: p.TitleEN, URL: p.PathEN()})
		}
	}
	englishBase(&page.Base, pages, "/")
	page.Title = "About us"
	page.Canonical = s.absURL(r, "/en/")
	s.alternates(r, &page.Base, congtin.AboutPrefix, "/en/")
	s.servePage(w, r, http.StatusOK, "about_index", page, epoch, 0, time.Time{}, pageTags(site))
}

func (s *Server) handleAboutEN(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	if s.serveCached(w, r) {
		return
	}
	epoch := s.epoch()
	p, err := s.Sections.FindPageBySlug(r.Context(), site.ID, r.PathValue("slug"), true)
	if err == nil && (!p.IsPublic() || !p.HasEnglish()) {
		err = aboutPageNotFound()
	}
	if err != nil {
		s.error(w, r, err)
		return
	}
	pages, base, err := s.aboutBase(w, r, site, false)
	if err != nil {
		s.error(w, r, err)
		return
	}
	page := &render.AboutPage{Base: base, Page: p, Heading: p.TitleEN, Body: p.BodyEN, PrintURL: p.PathEN() + "/print",
		OtherURL: p.Path(), OtherName: "Tiếng Việt"}
	englishBase(&page.Base, pages, p.PathEN())
	page.Title = p.TitleEN
	page.Canonical = s.absURL(r, p.PathEN())
	s.alternates(r, &page.Base, p.Path(), p.PathEN())
	s.servePage(w, r, http.StatusOK, "about", page, epoch, 0, p.UpdatedAt, pageTags(site))
}

func (s *Server) handleOrgChartEN(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	if s.serveCached(w, r) {
		return
	}
	epoch := s.epoch()
	units, err := s.Sections.FindUnits(r.Context(), site.ID)
	if err != nil {
		s.error(w, r, err)
		return
	}
	pages, base, err := s.aboutBase(w, r, site, false)
	if err != nil {
		s.error(w, r, err)
		return
	}
	page := &render.OrgChartPage{Base: base, Heading: "Organisation", Units: congtin.UnitTree(units), EN: true}
	englishBase(&page.Base, pages, chartPathEN)
	page.Title = "Organisation"
	page.Canonical = s.absURL(r, chartPathEN)
	s.alternates(r, &page.Base, chartPath, chartPathEN)
	s.servePage(w, r, http.StatusOK, "orgchart", page, epoch, 0, time.Time{}, pageTags(site))
}

// aboutPageJSON is a page in /api/v1/gioi-thieu.
type aboutPageJSON struct {
	ID        int64     `json:"id"`
	Title     string    `json:"title"`
	URL       string    `json:"url"`
	Body      string    `json:"body"`
	Position  int       `json:"position"`
	TitleEN   string    `json:"title_en,omitempty"`
	URLEN     string    `json:"url_en,omitempty"`
	BodyEN    string    `json:"body_en,omitempty"`
	UpdatedAt time.Time `json:"updated_at"`
}

func (s *Server) handleAboutAPI(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	pages, err := s.publicPages(r, site)
	if err != nil {
		s.writeAPI(w, r, nil, err)
		return
	}
	units, err := s.Sections.FindUnits(r.Context(), site.ID)
	if err != nil {
		s.writeAPI(w, r, nil, err)
		return
	}
	out := struct {
		Pages    []aboutPageJSON `json:"pages"`
		ChartURL string          `json:"organisation_url"`
		Units    []*congtin.Unit `json:"units"`
	}{Pages: []aboutPageJSON{}, ChartURL: s.absURL(r, chartPath), Units: congtin.UnitTree(units)}
	for _, p := range pages {
		j := aboutPageJSON{ID: p.ID, Title: p.Title, URL: s.absURL(r, p.Path()), Body: p.Body, Position: p.Position,
			UpdatedAt: p.UpdatedAt.In(congtin.VietnamZone)}
		if p.HasEnglish() {
			j.TitleEN, j.URLEN, j.BodyEN = p.TitleEN, s.absURL(r, p.PathEN()), p.BodyEN
		}
		out.Pages = append(out.Pages, j)
	}
	if out.Units == nil {
		out.Units = []*congtin.Unit{}
	}
	s.writeAPI(w, r, out, nil)
}

func (s *Server) handleLinks(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	if s.serveCached(w, r) {
		return
	}
	epoch := s.epoch()
	base, err := s.base(w, r, site, true)
	if err != nil {
		s.error(w, r, err)
		return
	}
	page := &render.LinksPage{Base: base, Groups: base.LinkGroups}
	page.Title = "Liên kết"
	page.Canonical = s.absURL(r, "/lien-ket")
	s.servePage(w, r, http.StatusOK, "links", page, epoch, 0, time.Time{}, pageTags(site))
}

func (s *Server) handleLinksAPI(w http.ResponseWriter, r *http.Request) {
	ls := linksFrom(r.Context())
	if ls == nil {
		ls = []*congtin.Link{}
	}
	s.writeAPI(w, r, struct {
		Links []*congtin.Link `json:"links"`
	}{ls}, nil)
}
