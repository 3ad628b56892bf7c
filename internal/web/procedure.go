package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// The administrative procedures (Thủ tục hành chính): /thu-tuc-hanh-chinh
// with the list's own search and filters by field, level and online
// level, a procedure's page with the link to file online, its print view,
// the JSON API and the sitemap. Like the catalogue's, these pages are
// rendered per request: a procedure leaves no entry in the change log
// that purges the page cache.

// ProcedureReader is what the procedures' pages read.
type ProcedureReader interface {
	// FindProcedureByID returns any procedure of the site; ENOTFOUND when
	// there is none.
	FindProcedureByID(ctx context.Context, siteID, id int64) (*congtin.Procedure, error)
	// FindProcedures lists the procedures the filter selects and their
	// total.
	FindProcedures(ctx context.Context, f congtin.ProcedureFilter) ([]*congtin.Procedure, int, error)
	// FindProcedureFields lists the fields of the site's procedures.
	FindProcedureFields(ctx context.Context, siteID int64, public bool) ([]string, error)
}

// procedurePageSize is the list's page, and the API's.
const procedurePageSize = 30

// The list's filters.
const (
	paramProcField  = "linh-vuc"
	paramProcLevel  = "cap"
	paramProcOnline = "muc-do"
)

func (s *Server) procedureRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET "+congtin.ProcedurePrefix, s.handleProcedures)
	mux.HandleFunc("GET "+congtin.ProcedurePrefix+"/{ref}", s.handleProcedure)
	mux.HandleFunc("GET /ban-in/thu-tuc-hanh-chinh/{id}", s.handleProcedurePrint)
	mux.HandleFunc("GET /api/v1/thu-tuc-hanh-chinh", s.handleProceduresAPI)
	mux.HandleFunc("GET /api/v1/thu-tuc-hanh-chinh/{id}", s.handleProcedureAPI)
	mux.HandleFunc("GET /sitemap/thu-tuc-hanh-chinh.xml", s.handleSitemapProcedures)
}

// procedureFilter reads the list's query: the search, any text clipped,
// and the filters, each checked; a bad value is refused with what is
// wrong, and the page number.
func procedureFilter(q url.Values) (congtin.ProcedureFilter, int, error) {
	f := congtin.ProcedureFilter{Q: listQuery(q.Get("q")), Field: q.Get(paramProcField), Level: q.Get(paramProcLevel), Online: q.Get(paramProcOnline)}
	if !utf8.ValidString(f.Field) || utf8.RuneCountInString(f.Field) > congtin.MaxProcedureLineLen {
		return f, 0, congtin.Errorf(congtin.EINVALID, "Lĩnh vực không hợp lệ.")
	}
	if f.Level != "" && !congtin.ValidLevel(f.Level) {
		return f, 0, congtin.Errorf(congtin.EINVALID, "Cấp thực hiện không hợp lệ: “%s”. Hãy dùng tinh, huyen hoặc xa.", clip(f.Level))
	}
	if f.Online != "" && !congtin.ValidOnline(f.Online) {
		return f, 0, congtin.Errorf(congtin.EINVALID, "Mức độ dịch vụ công trực tuyến không hợp lệ: “%s”. Hãy dùng toan-trinh, mot-phan hoặc khong.", clip(f.Online))
	}
	pageNo, err := parsePage(q)
	f.Offset, f.Limit = (pageNo-1)*procedurePageSize, procedurePageSize
	return f, pageNo, err
}

func (s *Server) handleProcedures(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	base, err := s.base(w, r, site, true)
	if err != nil {
		s.error(w, r, err)
		return
	}
	q := r.URL.Query()
	f, pageNo, err := procedureFilter(q)
	if err != nil {
		s.error(w, r, err)
		return
	}
	f.SiteID, f.Public = site.ID, true
	page := &render.ProceduresPage{Base: base, Q: f.Q, Field: f.Field, Level: f.Level, Online: f.Online,
		Levels: congtin.ProcedureLevels, OnlineLevels: congtin.OnlineLevels, Filtered: f.Q != "" || f.Field != "" || f.Level != "" || f.Online != ""}
	page.Title, page.ActiveSlug = "Thủ tục hành chính", "thu-tuc-hanh-chinh"
	page.Description = "Thủ tục hành chính của " + site.Name
	page.Canonical = s.siteURL(site, congtin.ProcedurePrefix)
	if page.Procedures, page.Total, err = s.Procedures.FindProcedures(r.Context(), f); err != nil {
		s.error(w, r, err)
		return
	}
	if err := checkPage(pageNo, page.Total, procedurePageSize); err != nil {
		s.error(w, r, err)
		return
	}
	if page.Fields, err = s.Procedures.FindProcedureFields(r.Context(), site.ID, true); err != nil {
		s.error(w, r, err)
		return
	}
	page.Pager = pager(congtin.ProcedurePrefix, q, pageNo, page.Total, procedurePageSize)
	if f.Q != "" {
		page.Title = "Thủ tục hành chính: " + f.Q
	}
	s.render(w, http.StatusOK, "procedures", page)
}

// findPublicProcedure returns the public procedure of the site that id
// names (ok: the path held a valid ID); a hidden one is not found.
func (s *Server) findPublicProcedure(r *http.Request, id int64, ok bool) (*congtin.Procedure, error) {
	if !ok {
		return nil, congtin.NotFound(congtin.KindProcedure)
	}
	p, err := s.Procedures.FindProcedureByID(r.Context(), siteFrom(r.Context()).ID, id)
	if err != nil {
		return nil, err
	}
	if !p.Public {
		return nil, congtin.NotFound(congtin.KindProcedure)
	}
	return p, nil
}

// procedurePage prepares what the page and its print view show.
func procedurePage(p *congtin.Procedure) *render.ProcedurePage {
	return &render.ProcedurePage{Procedure: p, Fee: congtin.Lines(p.Fee), Steps: congtin.Lines(p.Steps), Documents: congtin.Lines(p.Documents),
		Legal: congtin.Lines(p.Legal), PrintURL: "/ban-in/thu-tuc-hanh-chinh/" + strconv.FormatInt(p.ID, 10), BackURL: congtin.ProcedurePrefix}
}

func (s *Server) handleProcedure(w http.ResponseWriter, r *http.Request) {
	id, ok := articleID(r.PathValue("ref"))
	p, err := s.findPublicProcedure(r, id, ok)
	if err != nil {
		s.error(w, r, err)
		return
	}
	// A corrected code changes the path; the ID keeps old links alive.
	if r.URL.Path != p.Path() {
		http.Redirect(w, r, p.Path(), http.StatusMovedPermanently)
		return
	}
	site := siteFrom(r.Context())
	base, err := s.base(w, r, site, true)
	if err != nil {
		s.error(w, r, err)
		return
	}
	page := procedurePage(p)
	page.Base = base
	page.Title, page.ActiveSlug = p.Name, "thu-tuc-hanh-chinh"
	page.Description = "Thủ tục " + p.Code + ", lĩnh vực " + p.Field + ": " + clipRunes(p.Name, 160)
	page.Canonical = s.siteURL(site, p.Path())
	s.render(w, http.StatusOK, "procedure", page)
}

func (s *Server) handleProcedurePrint(w http.ResponseWriter, r *http.Request) {
	id, ok := parseID(r.PathValue("id"))
	p, err := s.findPublicProcedure(r, id, ok)
	if err != nil {
		s.error(w, r, err)
		return
	}
	site := siteFrom(r.Context())
	page := &render.ProcedurePrintPage{Page: procedurePage(p),
		PrintBase: render.PrintBase{Site: site, SourceURL: s.siteURL(site, p.Path()), BackURL: p.Path()}}
	s.render(w, http.StatusOK, "procedure_print", page)
}

// procedureJSON is a procedure as the API gives it.
type procedureJSON struct {
	ID       int64    `json:"id"`
	URL      string   `json:"url"`
	Code     string   `json:"code"`
	Name     string   `json:"name"`
	Field    string   `json:"field"`
	Levels   []string `json:"levels"` // tinh, huyen, xa
	Agency   string   `json:"agency"`
	Duration string   `json:"duration"`
	Fee      string   `json:"fee"`
	// Online is toan-trinh, mot-phan or khong; OnlineName its name.
	Online     string `json:"online"`
	OnlineName string `json:"online_name"`
	// ServiceURL is the record on the National Public Service Portal.
	ServiceURL string `json:"service_url,omitempty"`
	// Steps, Documents and Legal are only for one procedure.
	Steps     []string  `json:"steps,omitempty"`
	Documents []string  `json:"documents,omitempty"`
	Legal     []string  `json:"legal,omitempty"`
	Updated   time.Time `json:"updated_at"`
}

func (s *Server) procedureToJSON(r *http.Request, p *congtin.Procedure, full bool) procedureJSON {
	j := procedureJSON{ID: p.ID, URL: s.siteURL(siteFrom(r.Context()), p.Path()), Code: p.Code, Name: p.Name, Field: p.Field, Levels: p.Levels,
		Agency: p.Agency, Duration: p.Duration, Fee: p.Fee, Online: p.Online, OnlineName: p.OnlineName(), ServiceURL: p.URL,
		Updated: p.UpdatedAt.In(congtin.VietnamZone)}
	if j.Levels == nil {
		j.Levels = []string{}
	}
	if full {
		j.Steps, j.Documents, j.Legal = congtin.Lines(p.Steps), congtin.Lines(p.Documents), congtin.Lines(p.Legal)
	}
	return j
}

// handleProceduresAPI lists the public procedures: the list's q,
// linh-vuc, cap, muc-do and trang, 30 a page.
func (s *Server) handleProceduresAPI(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	f, pageNo, err := procedureFilter(r.URL.Query())
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	f.SiteID, f.Public = site.ID, true
	ps, total, err := s.Procedures.FindProcedures(r.Context(), f)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	out := struct {
		Total   int             `json:"total"`
		Page    int             `json:"page"`
		Results []procedureJSON `json:"results"`
	}{Total: total, Page: pageNo, Results: []procedureJSON{}}
	for _, p := range ps {
		out.Results = append(out.Results, s.procedureToJSON(r, p, false))
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) handleProcedureAPI(w http.ResponseWriter, r *http.Request) {
	id, ok := parseID(r.PathValue("id"))
	p, err := s.findPublicProcedure(r, id, ok)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, s.procedureToJSON(r, p, true))
}

func (s *Server) handleSitemapProcedures(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	ps, _, err := s.Procedures.FindProcedures(r.Context(), congtin.ProcedureFilter{SiteID: site.ID, Public: true, Limit: sitemapPageSize})
	if err != nil {
		s.error(w, r, err)
		return
	}
	set := urlSet{URLs: []sitemapURL{{Loc: s.siteURL(site, congtin.ProcedurePrefix)}}}
	for _, p := range ps {
		set.URLs = append(set.URLs, sitemapURL{Loc: s.siteURL(site, p.Path()), LastMod: w3cTime(p.UpdatedAt)})
	}
	s.writeXML(w, set)
}
