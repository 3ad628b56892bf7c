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

// publicPages returns the site's published about pages in menu order.
func (s *Server) publicPages(r *http.Request, site *congtin.Site) ([]*congtin.Page, error) {
	return s.Sections.FindPages(r.Context(), site.ID, true)
}

// aboutLayout reads the public about pages, which every about page lists,
// and fills in b: in Vietnamese the layout (see layout) with the pages in
// the sidebar, in English the English layout (see englishBase), whose
// pages count no visit, having no counter; current is the page's own
// entry. It returns the pages; ok is false when the reader got the error
// page instead.
func (s *Server) aboutLayout(w http.ResponseWriter, r *http.Request, site *congtin.Site, b *render.Base, en bool, current string) (pages []*congtin.Page, ok bool) {
	pages, err := s.publicPages(r, site)
	if err == nil {
		*b, err = s.base(w, r, site, !en)
	}
	if err != nil {
		s.error(w, r, err)
		return nil, false
	}
	if en {
		englishBase(b, pages, current)
	} else {
		aboutSide(b, pages, current)
		b.ActiveSlug = "gioi-thieu"
	}
	return pages, true
}

// aboutSide lists the about pages and the chart in the sidebar.
func aboutSide(b *render.Base, pages []*congtin.Page, current string) {
	b.SideTitle = "GIỚI THIỆU"
	for _, p := range pages {
		b.SideLinks = append(b.SideLinks, render.NavLink{Name: p.Title, URL: p.Path(), Current: p.Path() == current})
	}
	b.SideLinks = append(b.SideLinks, render.NavLink{Name: "Cơ cấu tổ chức", URL: chartPath, Current: current == chartPath})
}

func (s *Server) handleAboutIndex(w http.ResponseWriter, r *http.Request)  { s.aboutIndex(w, r, false) }
func (s *Server) handleEnglishHome(w http.ResponseWriter, r *http.Request) { s.aboutIndex(w, r, true) }

// aboutIndex lists the about pages: /gioi-thieu, or in English /en/, the
// English part's home, which lists the pages that have an English version.
func (s *Server) aboutIndex(w http.ResponseWriter, r *http.Request, en bool) {
	site := siteFrom(r.Context())
	if s.serveCached(w, r) {
		return
	}
	epoch := s.epoch()
	page := &render.AboutIndexPage{Heading: "Giới thiệu", ChartURL: chartPath}
	current, path := congtin.AboutPrefix, congtin.AboutPrefix
	if en {
		page.Heading, page.ChartURL = "About us", chartPathEN
		current, path = "/", "/en/" // the English menu's home entry
	}
	pages, ok := s.aboutLayout(w, r, site, &page.Base, en, current)
	if !ok {
		return
	}
	for _, p := range pages {
		switch {
		case !en:
			page.Pages = append(page.Pages, render.NavLink{Name: p.Title, URL: p.Path()})
		case p.HasEnglish():
			page.Pages = append(page.Pages, render.NavLink{Name: p.TitleEN, URL: p.PathEN()})
		}
	}
	page.Title = page.Heading
	page.Canonical = s.siteURL(siteFrom(r.Context()), path)
	s.alternates(r, &page.Base, congtin.AboutPrefix, "/en/")
	s.servePage(w, r, http.StatusOK, "about_index", page, epoch, 0, time.Time{}, pageTags(site))
}

func (s *Server) handleAbout(w http.ResponseWriter, r *http.Request) {
	if r.PathValue("slug") == congtin.OrgChartSlug {
		s.orgChart(w, r, false)
		return
	}
	s.aboutPage(w, r, false)
}

func (s *Server) handleAboutEN(w http.ResponseWriter, r *http.Request)    { s.aboutPage(w, r, true) }
func (s *Server) handleOrgChartEN(w http.ResponseWriter, r *http.Request) { s.orgChart(w, r, true) }

// startAboutPage begins a cached page about one about page (the page
// itself or its print view, in either language): it answers from the
// cache when it can; otherwise it returns the cache's epoch (see
// servePage) and the public page the path's slug names. ok is false when
// the request has been answered, from the cache or with the error page.
func (s *Server) startAboutPage(w http.ResponseWriter, r *http.Request, site *congtin.Site, en bool) (epoch uint64, p *congtin.Page, ok bool) {
	if s.serveCached(w, r) {
		return 0, nil, false
	}
	epoch = s.epoch()
	p, err := s.Sections.FindPageBySlug(r.Context(), site.ID, r.PathValue("slug"), en)
	if err == nil && (!p.IsPublic() || en && !p.HasEnglish()) {
		err = congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy trang giới thiệu.")
	}
	if err != nil {
		s.error(w, r, err)
		return 0, nil, false
	}
	return epoch, p, true
}

// aboutPage serves a public about page in either language.
func (s *Server) aboutPage(w http.ResponseWriter, r *http.Request, en bool) {
	site := siteFrom(r.Context())
	epoch, p, ok := s.startAboutPage(w, r, site, en)
	if !ok {
		return
	}
	page := &render.AboutPage{Page: p, Heading: p.Title, Body: p.Body, PrintURL: p.Path() + "/ban-in"}
	path := p.Path()
	if en {
		page.Heading, page.Body, page.PrintURL, path = p.TitleEN, p.BodyEN, p.PathEN()+"/print", p.PathEN()
		page.OtherURL, page.OtherName = p.Path(), "Tiếng Việt"
	} else if p.HasEnglish() {
		page.OtherURL, page.OtherName = p.PathEN(), "English"
	}
	if _, ok := s.aboutLayout(w, r, site, &page.Base, en, path); !ok {
		return
	}
	if p.HasEnglish() {
		s.alternates(r, &page.Base, p.Path(), p.PathEN())
	}
	page.Title = page.Heading
	page.Canonical = s.siteURL(siteFrom(r.Context()), path)
	s.servePage(w, r, http.StatusOK, "about", page, epoch, 0, p.UpdatedAt, pageTags(site))
}

// orgChart serves the organisation chart in either language.
func (s *Server) orgChart(w http.ResponseWriter, r *http.Request, en bool) {
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
	page := &render.OrgChartPage{Heading: "Cơ cấu tổ chức", Units: congtin.UnitTree(units), EN: en}
	path := chartPath
	if en {
		page.Heading, path = "Organisation", chartPathEN
	}
	if _, ok := s.aboutLayout(w, r, site, &page.Base, en, path); !ok {
		return
	}
	page.Title = page.Heading
	page.Canonical = s.siteURL(siteFrom(r.Context()), path)
	s.alternates(r, &page.Base, chartPath, chartPathEN)
	s.servePage(w, r, http.StatusOK, "orgchart", page, epoch, 0, time.Time{}, pageTags(site))
}

// aboutPrint serves the print view of a public page in either language.
func (s *Server) aboutPrint(w http.ResponseWriter, r *http.Request, en bool) {
	site := siteFrom(r.Context())
	epoch, p, ok := s.startAboutPage(w, r, site, en)
	if !ok {
		return
	}
	page := &render.AboutPrintPage{Heading: p.Title, Body: p.Body,
		PrintBase: render.PrintBase{Site: site, SourceURL: s.siteURL(siteFrom(r.Context()), p.Path()), BackURL: p.Path()}}
	if en {
		page.Lang, page.Heading, page.Body = render.LangEN, p.TitleEN, p.BodyEN
		page.SourceURL, page.BackURL = s.siteURL(siteFrom(r.Context()), p.PathEN()), p.PathEN()
	}
	s.servePage(w, r, http.StatusOK, "about_print", page, epoch, 0, p.UpdatedAt, pageTags(site))
}

func (s *Server) handleAboutPrint(w http.ResponseWriter, r *http.Request)   { s.aboutPrint(w, r, false) }
func (s *Server) handleAboutPrintEN(w http.ResponseWriter, r *http.Request) { s.aboutPrint(w, r, true) }

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
	}{Pages: []aboutPageJSON{}, ChartURL: s.siteURL(siteFrom(r.Context()), chartPath), Units: congtin.UnitTree(units)}
	for _, p := range pages {
		j := aboutPageJSON{ID: p.ID, Title: p.Title, URL: s.siteURL(siteFrom(r.Context()), p.Path()), Body: p.Body, Position: p.Position,
			UpdatedAt: p.UpdatedAt.In(congtin.VietnamZone)}
		if p.HasEnglish() {
			j.TitleEN, j.URLEN, j.BodyEN = p.TitleEN, s.siteURL(siteFrom(r.Context()), p.PathEN()), p.BodyEN
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
	epoch, base, ok := s.startPage(w, r, site)
	if !ok {
		return
	}
	page := &render.LinksPage{Base: base, Groups: base.LinkGroups}
	page.Title = "Liên kết"
	page.Canonical = s.siteURL(siteFrom(r.Context()), "/lien-ket")
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
