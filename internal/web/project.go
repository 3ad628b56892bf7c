package web

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// Investment projects and procurement notices (Dự án – Đấu thầu – Mua
// sắm công): /du-an and /dau-thau (lists filtered by ?trang-thai= and
// ?nam=), each item's page and print view, their RSS, the sitemap and the
// JSON API. Like the consultations', these pages are rendered per
// request: a notice's state changes with the clock.

// ProjectReader is what the projects' and notices' pages read.
type ProjectReader interface {
	FindProjectByID(ctx context.Context, siteID, id int64) (*congtin.Project, error)
	FindProjects(ctx context.Context, f congtin.ProjectFilter) ([]*congtin.Project, int, error)
	FindProcurementByID(ctx context.Context, siteID, id int64) (*congtin.Procurement, error)
	FindProcurements(ctx context.Context, f congtin.ProcurementFilter) ([]*congtin.Procurement, int, error)
}

// projectPageSize is the public lists' page.
const projectPageSize = 20

func (s *Server) projectRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /du-an", s.handleProjects)
	mux.HandleFunc("GET /du-an/{ref}", s.handleProject)
	mux.HandleFunc("GET /ban-in/du-an/{id}", s.handleProjectPrint)
	mux.HandleFunc("GET /rss/du-an", s.handleProjectFeed)
	mux.HandleFunc("GET /api/v1/du-an", s.handleProjectsAPI)
	mux.HandleFunc("GET /api/v1/du-an/{id}", s.handleProjectAPI)
	mux.HandleFunc("GET /dau-thau", s.handleProcurements)
	mux.HandleFunc("GET /dau-thau/{ref}", s.handleProcurement)
	mux.HandleFunc("GET /ban-in/dau-thau/{id}", s.handleProcurementPrint)
	mux.HandleFunc("GET /rss/dau-thau", s.handleProcurementFeed)
	mux.HandleFunc("GET /api/v1/dau-thau", s.handleProcurementsAPI)
	mux.HandleFunc("GET /api/v1/dau-thau/{id}", s.handleProcurementAPI)
	mux.HandleFunc("GET /sitemap/du-an.xml", s.handleSitemapProjects)
}

// listParams reads a public list's ?trang-thai= (one of states, or none),
// ?nam= (a year of projects' range) and ?trang=; EINVALID with what to
// type instead.
func listParams(q url.Values, states []string, names string) (state string, year, page int, err error) {
	state = q.Get("trang-thai")
	known := state == ""
	for _, s := range states {
		known = known || s == state
	}
	if !known {
		return "", 0, 0, congtin.Errorf(congtin.EINVALID, "Trạng thái không hợp lệ: “%s”. Hãy dùng %s.", clip(state), names)
	}
	if v := q.Get("nam"); v != "" {
		year, err = strconv.Atoi(v)
		if err != nil || year < congtin.MinProjectYear || year > congtin.MaxProjectYear {
			return "", 0, 0, congtin.Errorf(congtin.EINVALID, "Năm không hợp lệ: “%s”. Hãy ghi năm bằng số, từ %d đến %d, ví dụ ?nam=2026.",
				clip(v), congtin.MinProjectYear, congtin.MaxProjectYear)
		}
	}
	page, err = parsePage(q)
	return state, year, page, err
}

// publicFilter is a public list's filter form as the URL set it.
func publicFilter(action, label string, states []string, name func(string) string, state string, year int) render.PublicFilter {
	f := render.PublicFilter{Action: action, Label: label, Choices: render.Choices(states, name, state)}
	if year != 0 {
		f.Year = strconv.Itoa(year)
	}
	return f
}

const (
	projectStateNames = "preparing, ongoing, suspended hoặc done"
	bidStateNames     = "open, closed hoặc result"
)

func (s *Server) handleProjects(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	stage, year, pageNo, err := listParams(r.URL.Query(), congtin.ProjectStages, projectStateNames)
	if err != nil {
		s.error(w, r, err)
		return
	}
	base, err := s.base(w, r, site, true)
	if err != nil {
		s.error(w, r, err)
		return
	}
	page := &render.ProjectsPage{Base: base, Filter: publicFilter("/du-an", "Lọc dự án", congtin.ProjectStages, congtin.ProjectStageName, stage, year),
		FeedURL: "/rss/du-an"}
	page.Title, page.ActiveSlug = "Dự án đầu tư", "du-an"
	page.Description = "Các dự án đầu tư của " + site.Name + ": chủ đầu tư, tổng mức đầu tư, nguồn vốn, tiến độ"
	page.Canonical = s.siteURL(site, "/du-an")
	page.Projects, page.Total, err = s.Projects.FindProjects(r.Context(), congtin.ProjectFilter{SiteID: site.ID, Public: true, Now: s.now(),
		Stage: stage, Year: year, Offset: (pageNo - 1) * projectPageSize, Limit: projectPageSize})
	if err == nil {
		err = checkPage(pageNo, page.Total, projectPageSize)
	}
	if err != nil {
		s.error(w, r, err)
		return
	}
	page.Pager = pager("/du-an", r.URL.Query(), pageNo, page.Total, projectPageSize)
	s.render(w, http.StatusOK, "projects", page)
}

// findPublicProject returns the public project the path names: ENOTFOUND
// for a path without an ID or a project never public, EGONE for one
// taken down.
func (s *Server) findPublicProject(r *http.Request, id int64, ok bool) (*congtin.Project, error) {
	if !ok {
		return nil, congtin.NotFound(congtin.KindProject)
	}
	p, err := s.Projects.FindProjectByID(r.Context(), siteFrom(r.Context()).ID, id)
	if err != nil {
		return nil, err
	}
	if p.Status == congtin.StatusUnpublished {
		return nil, congtin.Errorf(congtin.EGONE, "Dự án này đã được gỡ khỏi cổng thông tin.")
	}
	if !p.IsPublic(s.now()) {
		return nil, congtin.NotFound(congtin.KindProject)
	}
	return p, nil
}

// projectPage prepares what a project's page and print view show: the
// project and its public notices.
func (s *Server) projectPage(r *http.Request, p *congtin.Project) (*render.ProjectPage, error) {
	now := s.now()
	bs, _, err := s.Projects.FindProcurements(r.Context(), congtin.ProcurementFilter{SiteID: p.SiteID, Public: true, Now: now, ProjectID: p.ID, Limit: 100})
	if err != nil {
		return nil, err
	}
	page := &render.ProjectPage{Project: p, PrintURL: "/ban-in/du-an/" + strconv.FormatInt(p.ID, 10)}
	for _, b := range bs {
		page.Procurements = append(page.Procurements, render.BidItem{Procurement: b, State: b.State(now)})
	}
	return page, nil
}

func (s *Server) handleProject(w http.ResponseWriter, r *http.Request) {
	id, ok := articleID(r.PathValue("ref"))
	p, err := s.findPublicProject(r, id, ok)
	if err != nil {
		s.error(w, r, err)
		return
	}
	if r.URL.Path != p.Path() {
		http.Redirect(w, r, p.Path(), http.StatusMovedPermanently)
		return
	}
	site := siteFrom(r.Context())
	page, err := s.projectPage(r, p)
	if err == nil {
		page.Base, err = s.base(w, r, site, true)
	}
	if err != nil {
		s.error(w, r, err)
		return
	}
	page.Title, page.ActiveSlug, page.Canonical = p.Name, "du-an", s.siteURL(site, p.Path())
	page.Description = p.Name + " – " + p.Investor + ", tổng mức đầu tư " + congtin.FormatVNDShort(p.Investment)
	s.render(w, http.StatusOK, "project", page)
}

func (s *Server) handleProjectPrint(w http.ResponseWriter, r *http.Request) {
	id, ok := parseID(r.PathValue("id"))
	p, err := s.findPublicProject(r, id, ok)
	var page *render.ProjectPage
	if err == nil {
		page, err = s.projectPage(r, p)
	}
	if err != nil {
		s.error(w, r, err)
		return
	}
	site := siteFrom(r.Context())
	s.render(w, http.StatusOK, "project_print", &render.ProjectPrintPage{Page: page,
		PrintBase: render.PrintBase{Site: site, SourceURL: s.siteURL(site, p.Path()), BackURL: p.Path()}})
}

func (s *Server) handleProcurements(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	state, year, pageNo, err := listParams(r.URL.Query(), congtin.BidStates, bidStateNames)
	if err != nil {
		s.error(w, r, err)
		return
	}
	base, err := s.base(w, r, site, true)
	if err != nil {
		s.error(w, r, err)
		return
	}
	now := s.now()
	page := &render.ProcurementsPage{Base: base, Filter: publicFilter("/dau-thau", "Lọc thông báo mời thầu", congtin.BidStates, congtin.BidStateName, state, year),
		FeedURL: "/rss/dau-thau"}
	page.Title, page.ActiveSlug = "Đấu thầu, mua sắm công", "du-an"
	page.Description = "Thông báo mời thầu và kết quả lựa chọn nhà thầu của " + site.Name
	page.Canonical = s.siteURL(site, "/dau-thau")
	bs, total, err := s.Projects.FindProcurements(r.Context(), congtin.ProcurementFilter{SiteID: site.ID, Public: true, Now: now,
		State: state, Year: year, Offset: (pageNo - 1) * projectPageSize, Limit: projectPageSize})
	if err == nil {
		err = checkPage(pageNo, total, projectPageSize)
	}
	if err != nil {
		s.error(w, r, err)
		return
	}
	page.Total = total
	for _, b := range bs {
		page.Items = append(page.Items, render.BidItem{Procurement: b, State: b.State(now)})
	}
	page.Pager = pager("/dau-thau", r.URL.Query(), pageNo, total, projectPageSize)
	s.render(w, http.StatusOK, "procurements", page)
}

// findPublicProcurement returns the public notice the path names, as
// findPublicProject does.
func (s *Server) findPublicProcurement(r *http.Request, id int64, ok bool) (*congtin.Procurement, error) {
	if !ok {
		return nil, congtin.NotFound(congtin.KindProcurement)
	}
	b, err := s.Projects.FindProcurementByID(r.Context(), siteFrom(r.Context()).ID, id)
	if err != nil {
		return nil, err
	}
	if b.Status == congtin.StatusUnpublished {
		return nil, congtin.Errorf(congtin.EGONE, "Thông báo mời thầu này đã được gỡ khỏi cổng thông tin.")
	}
	if !b.IsPublic(s.now()) {
		return nil, congtin.NotFound(congtin.KindProcurement)
	}
	return b, nil
}

func (s *Server) handleProcurement(w http.ResponseWriter, r *http.Request) {
	id, ok := articleID(r.PathValue("ref"))
	b, err := s.findPublicProcurement(r, id, ok)
	if err != nil {
		s.error(w, r, err)
		return
	}
	if r.URL.Path != b.Path() {
		http.Redirect(w, r, b.Path(), http.StatusMovedPermanently)
		return
	}
	site := siteFrom(r.Context())
	page := &render.ProcurementPage{BidItem: render.BidItem{Procurement: b, State: b.State(s.now())}, PrintURL: "/ban-in/dau-thau/" + strconv.FormatInt(b.ID, 10)}
	if page.Base, err = s.base(w, r, site, true); err != nil {
		s.error(w, r, err)
		return
	}
	page.Title, page.ActiveSlug, page.Canonical = b.Name, "du-an", s.siteURL(site, b.Path())
	page.Description = b.Name + " – " + b.Entity + ", giá gói thầu " + congtin.FormatVNDShort(b.EstimatedPrice)
	s.render(w, http.StatusOK, "procurement", page)
}

func (s *Server) handleProcurementPrint(w http.ResponseWriter, r *http.Request) {
	id, ok := parseID(r.PathValue("id"))
	b, err := s.findPublicProcurement(r, id, ok)
	if err != nil {
		s.error(w, r, err)
		return
	}
	site := siteFrom(r.Context())
	page := &render.ProcurementPage{BidItem: render.BidItem{Procurement: b, State: b.State(s.now())}}
	s.render(w, http.StatusOK, "procurement_print", &render.ProcurementPrintPage{Page: page,
		PrintBase: render.PrintBase{Site: site, SourceURL: s.siteURL(site, b.Path()), BackURL: b.Path()}})
}

// handleProjectFeed is the RSS of the newest published projects. The
// plain texts are escaped into the HTML descriptions, as the
// consultations' feed does.
func (s *Server) handleProjectFeed(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	ps, _, err := s.Projects.FindProjects(r.Context(), congtin.ProjectFilter{SiteID: site.ID, Public: true, Now: s.now(), Limit: feedItems})
	if err != nil {
		s.error(w, r, err)
		return
	}
	var items []rssItem
	for _, p := range ps {
		desc := p.Investor + ". Tổng mức đầu tư " + congtin.FormatVND(p.Investment) + ", " + congtin.FundingName(p.Funding) + ". " +
			congtin.ProjectStageName(p.Stage) + ", tiến độ " + strconv.Itoa(p.Progress) + "%."
		items = append(items, s.feedItem(site, p.Name, p.Path(), desc, p.PublishedAt, congtin.ProjectStageName(p.Stage)))
	}
	s.writeFeed(w, r, site, "Dự án đầu tư", "/du-an", "/rss/du-an", items)
}

// handleProcurementFeed is the RSS of the newest notices.
func (s *Server) handleProcurementFeed(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	now := s.now()
	bs, _, err := s.Projects.FindProcurements(r.Context(), congtin.ProcurementFilter{SiteID: site.ID, Public: true, Now: now, Limit: feedItems})
	if err != nil {
		s.error(w, r, err)
		return
	}
	var items []rssItem
	for _, b := range bs {
		desc := b.Entity + ". " + congtin.ProcurementMethodName(b.Method) + ", giá gói thầu " + congtin.FormatVND(b.EstimatedPrice) +
			". Đóng thầu " + b.ClosesAt.In(congtin.VietnamZone).Format("15:04 02/01/2006") + "."
		if b.Winner != "" {
			desc += " Trúng thầu: " + b.Winner + ", giá " + congtin.FormatVND(b.WinningPrice) + "."
		}
		items = append(items, s.feedItem(site, b.Name, b.Path(), desc, b.PublishedAt, congtin.BidStateName(b.State(now))))
	}
	s.writeFeed(w, r, site, "Đấu thầu, mua sắm công", "/dau-thau", "/rss/dau-thau", items)
}

// feedItem is an item of the projects' feeds; desc is plain text.
func (s *Server) feedItem(site *congtin.Site, title, path, desc string, at time.Time, category string) rssItem {
	link := s.siteURL(site, path)
	return rssItem{Title: title, Link: link, GUID: rssGUID{Value: link, Permalink: true}, Description: html.EscapeString(desc),
		PubDate: rssTime(at), Category: category}
}

// writeFeed writes a channel of the site's section at path.
func (s *Server) writeFeed(w http.ResponseWriter, r *http.Request, site *congtin.Site, name, path, self string, items []rssItem) {
	ch := rssChannel{Title: site.Name + " – " + name, Link: s.siteURL(site, path), Description: name + " của " + site.Name, Language: "vi",
		Self: rssSelf{Href: s.siteURL(site, self), Rel: "self", Type: "application/rss+xml"}, Items: items}
	if len(items) > 0 {
		ch.LastBuildDate = items[0].PubDate
	}
	s.writeRSS(w, r, ch)
}

func (s *Server) handleSitemapProjects(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	ps, _, err := s.Projects.FindProjects(r.Context(), congtin.ProjectFilter{SiteID: site.ID, Public: true, Limit: sitemapPageSize / 2})
	if err != nil {
		s.error(w, r, err)
		return
	}
	bs, _, err := s.Projects.FindProcurements(r.Context(), congtin.ProcurementFilter{SiteID: site.ID, Public: true, Limit: sitemapPageSize / 2})
	if err != nil {
		s.error(w, r, err)
		return
	}
	set := urlSet{URLs: []sitemapURL{{Loc: s.siteURL(site, "/du-an")}, {Loc: s.siteURL(site, "/dau-thau")}}}
	for _, p := range ps {
		set.URLs = append(set.URLs, sitemapURL{Loc: s.siteURL(site, p.Path()), LastMod: w3cTime(p.UpdatedAt)})
	}
	for _, b := range bs {
		set.URLs = append(set.URLs, sitemapURL{Loc: s.siteURL(site, b.Path()), LastMod: w3cTime(b.UpdatedAt)})
	}
	s.writeXML(w, set)
}
