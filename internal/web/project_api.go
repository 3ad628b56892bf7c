package web

import (
	"net/http"
	"time"

	"github.com/congtin/congtin"
)

// The JSON API of projects and procurement notices: /api/v1/du-an and
// /api/v1/dau-thau list the public ones (?trang-thai=, ?nam=, ?trang=, 20
// a page, as the pages filter them), /{id} gives one. Amounts are whole
// đồng, with their Vietnamese spelling beside.

// projectJSON is a project as the API gives it.
type projectJSON struct {
	ID             int64      `json:"id"`
	URL            string     `json:"url"`
	Name           string     `json:"name"`
	Investor       string     `json:"investor"`
	Location       string     `json:"location,omitempty"`
	Investment     int64      `json:"investment"`      // đồng
	InvestmentText string     `json:"investment_text"` // "12.345.678.000 đồng"
	Funding        string     `json:"funding"`         // central, local, oda, ppp, other
	FundingName    string     `json:"funding_name"`
	StartYear      int        `json:"start_year"`
	EndYear        int        `json:"end_year"`
	Progress       int        `json:"progress"` // percent
	Stage          string     `json:"stage"`    // preparing, ongoing, suspended, done
	StageName      string     `json:"stage_name"`
	Description    string     `json:"description_html,omitempty"` // sanitized; only for one project
	Documents      []linkJSON `json:"documents,omitempty"`        // the public ones; only for one project
	Procurements   []linkJSON `json:"procurements,omitempty"`     // its public notices; only for one project
	Updated        time.Time  `json:"updated_at"`
}

// linkJSON names a related item.
type linkJSON struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	URL  string `json:"url"`
}

// procurementJSON is a notice as the API gives it.
type procurementJSON struct {
	ID                 int64     `json:"id"`
	URL                string    `json:"url"`
	Name               string    `json:"name"`
	Entity             string    `json:"entity"`
	Project            *linkJSON `json:"project,omitempty"` // when public
	Method             string    `json:"method"`            // open, limited, direct, competitive, shopping, self
	MethodName         string    `json:"method_name"`
	EstimatedPrice     int64     `json:"estimated_price"` // đồng
	EstimatedPriceText string    `json:"estimated_price_text"`
	OpensAt            time.Time `json:"opens_at"`
	ClosesAt           time.Time `json:"closes_at"`
	Status             string    `json:"status"` // open, closed, result
	StatusName         string    `json:"status_name"`
	Summary            string    `json:"summary,omitempty"`
	Winner             string    `json:"winner,omitempty"`
	WinningPrice       int64     `json:"winning_price,omitempty"`
	WinningPriceText   string    `json:"winning_price_text,omitempty"`
	Updated            time.Time `json:"updated_at"`
}

func (s *Server) projectToJSON(r *http.Request, p *congtin.Project) projectJSON {
	site := siteFrom(r.Context())
	return projectJSON{ID: p.ID, URL: s.siteURL(site, p.Path()), Name: p.Name, Investor: p.Investor, Location: p.Location,
		Investment: p.Investment, InvestmentText: congtin.FormatVND(p.Investment), Funding: p.Funding, FundingName: congtin.FundingName(p.Funding),
		StartYear: p.StartYear, EndYear: p.EndYear, Progress: p.Progress, Stage: p.Stage, StageName: congtin.ProjectStageName(p.Stage),
		Updated: p.UpdatedAt.In(congtin.VietnamZone)}
}

func (s *Server) procurementToJSON(r *http.Request, b *congtin.Procurement) procurementJSON {
	site := siteFrom(r.Context())
	st := b.State(s.now())
	j := procurementJSON{ID: b.ID, URL: s.siteURL(site, b.Path()), Name: b.Name, Entity: b.Entity, Method: b.Method,
		MethodName: congtin.ProcurementMethodName(b.Method), EstimatedPrice: b.EstimatedPrice, EstimatedPriceText: congtin.FormatVND(b.EstimatedPrice),
		OpensAt: b.OpensAt.In(congtin.VietnamZone), ClosesAt: b.ClosesAt.In(congtin.VietnamZone), Status: st, StatusName: congtin.BidStateName(st),
		Summary: b.Summary, Winner: b.Winner, Updated: b.UpdatedAt.In(congtin.VietnamZone)}
	if b.Winner != "" {
		j.WinningPrice, j.WinningPriceText = b.WinningPrice, congtin.FormatVND(b.WinningPrice)
	}
	if b.ProjectID != 0 && b.ProjectPublic {
		j.Project = &linkJSON{ID: b.ProjectID, Name: b.ProjectName, URL: s.siteURL(site, b.ProjectPath())}
	}
	return j
}

// listJSON is a page of a list.
type listJSON[T any] struct {
	Total   int `json:"total"`
	Page    int `json:"page"`
	Results []T `json:"results"`
}

func (s *Server) handleProjectsAPI(w http.ResponseWriter, r *http.Request) {
	stage, year, pageNo, err := listParams(r.URL.Query(), congtin.ProjectStages, projectStateNames)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	ps, total, err := s.Projects.FindProjects(r.Context(), congtin.ProjectFilter{SiteID: siteFrom(r.Context()).ID, Public: true, Now: s.now(),
		Stage: stage, Year: year, Offset: (pageNo - 1) * projectPageSize, Limit: projectPageSize})
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	out := listJSON[projectJSON]{Total: total, Page: pageNo, Results: []projectJSON{}}
	for _, p := range ps {
		out.Results = append(out.Results, s.projectToJSON(r, p))
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) handleProjectAPI(w http.ResponseWriter, r *http.Request) {
	id, ok := parseID(r.PathValue("id"))
	p, err := s.findPublicProject(r, id, ok)
	var bs []*congtin.Procurement
	if err == nil {
		bs, _, err = s.Projects.FindProcurements(r.Context(), congtin.ProcurementFilter{SiteID: p.SiteID, Public: true, Now: s.now(), ProjectID: p.ID, Limit: 100})
	}
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	site := siteFrom(r.Context())
	j := s.projectToJSON(r, p)
	j.Description = p.Description
	for _, d := range p.Documents {
		if d.Public {
			j.Documents = append(j.Documents, linkJSON{ID: d.ID, Name: d.Number, URL: s.siteURL(site, d.Path())})
		}
	}
	for _, b := range bs {
		j.Procurements = append(j.Procurements, linkJSON{ID: b.ID, Name: b.Name, URL: s.siteURL(site, b.Path())})
	}
	writeJSON(w, http.StatusOK, j)
}

func (s *Server) handleProcurementsAPI(w http.ResponseWriter, r *http.Request) {
	state, year, pageNo, err := listParams(r.URL.Query(), congtin.BidStates, bidStateNames)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	bs, total, err := s.Projects.FindProcurements(r.Context(), congtin.ProcurementFilter{SiteID: siteFrom(r.Context()).ID, Public: true, Now: s.now(),
		State: state, Year: year, Offset: (pageNo - 1) * projectPageSize, Limit: projectPageSize})
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	out := listJSON[procurementJSON]{Total: total, Page: pageNo, Results: []procurementJSON{}}
	for _, b := range bs {
		out.Results = append(out.Results, s.procurementToJSON(r, b))
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) handleProcurementAPI(w http.ResponseWriter, r *http.Request) {
	id, ok := parseID(r.PathValue("id"))
	b, err := s.findPublicProcurement(r, id, ok)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, s.procurementToJSON(r, b))
}
