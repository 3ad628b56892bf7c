package admin

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// Investment projects (Dự án) in the back office: the list, the form with
// the workflow panel, the revisions.

const projectsAdminPath = "/admin/du-an"

func projectAdminURL(id int64) string { return projectsAdminPath + "/" + strconv.FormatInt(id, 10) }

// projectRoutes adds the projects' and notices' back office.
func (s *Server) projectRoutes(page func(string, func(http.ResponseWriter, *http.Request, *request))) {
	page("GET "+projectsAdminPath, s.handleProjects)
	page("GET "+projectsAdminPath+"/moi", projectForms.handleEdit(s))
	page("POST "+projectsAdminPath+"/moi", projectForms.handleSave(s))
	page("GET "+projectsAdminPath+"/{id}", projectForms.handleEdit(s))
	page("POST "+projectsAdminPath+"/{id}", projectForms.handleSave(s))
	page("POST "+projectsAdminPath+"/{id}/chuyen", s.handleStep(projectFlow,
		editOf("admin/project_edit", s.projects.FindProjectByID, s.projectEditPage)))
	page("GET "+projectsAdminPath+"/{id}/phien-ban", s.handleRecordRevisions(congtin.KindProject, "projects", projectsAdminPath,
		func(r *http.Request, rq *request) (*congtin.Item, error) {
			p, err := s.loadProject(r, rq)
			return p.Item(), err
		}))
	s.procurementRoutes(page)
}

// projectFlow is the projects' part in the workflow.
var projectFlow = &flowKind{
	kind: congtin.KindProject, heading: "Duyệt dự án", headingID: "duyet-du-an",
	object: func(congtin.Ref) string { return "dự án" },
	ref:    refOf((*Server).loadProject),
	url:    func(ref congtin.Ref) string { return projectAdminURL(ref.ID) },
}

func (s *Server) loadProject(r *http.Request, rq *request) (*congtin.Project, error) {
	return loadItem(r, rq, "Không tìm thấy dự án.", "Bạn chỉ xem được dự án do mình nhập.", s.projects.FindProjectByID)
}

// handleProjects lists the projects (a reporter's own), newest change
// first, searched and filtered as the URL says.
func (s *Server) handleProjects(w http.ResponseWriter, r *http.Request, rq *request) {
	ctx := r.Context()
	q := r.URL.Query()
	pageNo, err := listPage(q)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	lq := readListQuery(q, documentStatuses, []string{byChange})
	lq.form.Path, lq.form.Mine = projectsAdminPath, "Dự án của tôi"
	ps, total, err := s.projects.FindProjects(ctx, congtin.ProjectFilter{SiteID: rq.site.ID, Status: lq.form.Status, CreatedBy: lq.writer(rq),
		Q: lq.form.Q, Offset: (pageNo - 1) * adminPageSize, Limit: adminPageSize})
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.showRecordList(w, r, rq, lq, &render.AdminProjectsPage{AdminBase: rq.base("Dự án đầu tư", "projects"), Projects: ps}, total, pageNo)
}

// showRecordList renders the list of projects or notices with its filter
// and pager.
func (s *Server) showRecordList(w http.ResponseWriter, r *http.Request, rq *request, lq *listQuery, page *render.AdminProjectsPage, total, pageNo int) {
	st, err := s.loadStaff(r.Context(), rq)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	page.Filter, page.Writers, page.MineURL, page.Total = lq.form, st.options, mineURL(lq.form.Path, rq), total
	page.Pager = adminPager(lq.form.Path, r.URL.Query(), pageNo, total)
	page.Flash = s.flash(r)
	status := http.StatusOK
	if msg := lq.message(); msg != "" {
		page.Refuse(msg, lq.errs)
		status = http.StatusBadRequest
	}
	name := "admin/projects"
	if lq.form.Path == procurementsAdminPath {
		name = "admin/procurements"
	}
	s.render(w, r, status, name, page)
}

// projectForm is what the form shows of a stored project (nil: a new
// one).
func projectForm(p *congtin.Project) render.ProjectForm {
	if p == nil {
		return render.ProjectForm{Funding: render.Choices(congtin.FundingSources, congtin.FundingName, congtin.FundLocal),
			Stage: render.Choices(congtin.ProjectStages, congtin.ProjectStageName, congtin.ProjectPreparing), Progress: "0"}
	}
	f := render.ProjectForm{Name: p.Name, Investor: p.Investor, Location: p.Location, Investment: vndInput(p.Investment),
		StartYear: strconv.Itoa(p.StartYear), EndYear: strconv.Itoa(p.EndYear), Progress: strconv.Itoa(p.Progress), Description: p.Description,
		Funding: render.Choices(congtin.FundingSources, congtin.FundingName, p.Funding),
		Stage:   render.Choices(congtin.ProjectStages, congtin.ProjectStageName, p.Stage)}
	var docs []string
	for _, d := range p.Documents {
		docs = append(docs, "#"+strconv.FormatInt(d.ID, 10)+" "+d.Number)
	}
	f.Documents = strings.Join(docs, "\n")
	return f
}

// projectEditPage prepares the form page for p (nil: a new one).
func (s *Server) projectEditPage(r *http.Request, rq *request, p *congtin.Project) (*render.ProjectEditPage, error) {
	title := "Dự án mới"
	if p != nil {
		title = "Sửa: " + p.Name
	}
	page := &render.ProjectEditPage{AdminBase: rq.base(title, "projects"), Project: p, Form: projectForm(p)}
	page.Flash = s.flash(r)
	var id, version int64
	if p == nil {
		page.CanSave = congtin.Can(rq.actor, congtin.ActCreate, nil)
	} else {
		id, version = p.ID, p.Version
		page.CanSave = congtin.Can(rq.actor, congtin.ActEdit, p.Item())
		var err error
		if page.Workflow, err = s.workflowPanel(r.Context(), rq, projectFlow, p.Item()); err != nil {
			return nil, err
		}
		if p.IsPublic(s.now()) {
			page.PublicURL = p.Path()
		}
		withSteps(&page.Workflow, page.CanSave, r)
	}
	if !page.CanSave {
		return page, nil
	}
	var err error
	page.Edit, err = s.editState(r, rq, congtin.KindProject, id, version)
	if err == nil {
		if d := restoring(r, &page.Edit); d != nil {
			_, page.Form, _ = s.projectInput(withValues(r, d.Values), rq)
			page.Flash = restoredFlash(d)
		}
	}
	return page, err
}

// projectInput reads the form: the input for the service, the form as
// typed, and what could not be read (an amount, a year, a document).
func (s *Server) projectInput(r *http.Request, rq *request) (congtin.ProjectInput, render.ProjectForm, congtin.FieldErrors) {
	fe := congtin.FieldErrors{}
	in := congtin.ProjectInput{Name: formValue(r, "name"), Investor: formValue(r, "investor"), Location: formValue(r, "location"),
		Funding: formValue(r, "funding"), Stage: formValue(r, "stage"), Description: r.PostForm.Get("description"), Version: formVersion(r.PostForm)}
	form := render.ProjectForm{Name: in.Name, Investor: in.Investor, Location: in.Location, Description: in.Description,
		Funding: render.Choices(congtin.FundingSources, congtin.FundingName, in.Funding),
		Stage:   render.Choices(congtin.ProjectStages, congtin.ProjectStageName, in.Stage), Documents: r.PostForm.Get("documents")}
	form.Investment, in.Investment = readVND(r, fe, "investment", true)
	form.StartYear, in.StartYear = readInt(r, fe, "start_year", "Năm bắt đầu phải là một số, ví dụ 2025.")
	form.EndYear, in.EndYear = readInt(r, fe, "end_year", "Năm kết thúc phải là một số, ví dụ 2027.")
	form.Progress, in.Progress = readInt(r, fe, "progress", "Tiến độ là một số phần trăm từ 0 đến 100.")
	for _, l := range strings.Split(form.Documents, "\n") {
		if l = strings.TrimSpace(l); l == "" {
			continue
		}
		id, msg := s.documentRef(r, rq, l)
		if msg != "" {
			fe["documents"] = msg
			continue
		}
		in.DocumentIDs = append(in.DocumentIDs, id)
	}
	repair(&form.Name, &form.Investor, &form.Location, &form.Description, &form.Documents, &form.Investment, &form.StartYear, &form.EndYear, &form.Progress)
	return in, form, fe
}

// projectForms are the project's edit and save handlers.
var projectForms = &recordForm[*congtin.Project, congtin.ProjectInput, render.ProjectForm, *render.ProjectEditPage]{
	flow: projectFlow, template: "admin/project_edit", flash: "Đã lưu dự án.",
	load: (*Server).loadProject,
	find: func(s *Server) func(ctx context.Context, siteID, id int64) (*congtin.Project, error) {
		return s.projects.FindProjectByID
	},
	page:  (*Server).projectEditPage,
	input: (*Server).projectInput,
	check: func(_ *Server, in *congtin.ProjectInput) error {
		in.Normalize()
		return in.Validate()
	},
	create: func(s *Server, ctx context.Context, actor congtin.Actor, siteID int64, in congtin.ProjectInput) (*congtin.Project, error) {
		return s.projects.CreateProject(ctx, actor, siteID, in)
	},
	update: func(s *Server, ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.ProjectInput) (*congtin.Project, error) {
		return s.projects.UpdateProject(ctx, actor, siteID, id, in)
	},
	step: func(s *Server, ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.ProjectInput, st congtin.Step) (*congtin.Item, bool, error) {
		return s.projects.UpdateProjectStep(ctx, actor, siteID, id, in, st)
	},
	typed:  func(in congtin.ProjectInput) int64 { return in.Version },
	stored: func(p *congtin.Project) int64 { return p.Version },
	content: func(in congtin.ProjectInput, cur *congtin.Project) (string, string, time.Time) {
		mine := &congtin.Project{Name: in.Name, Investor: in.Investor, Location: in.Location, Investment: in.Investment, Funding: in.Funding,
			StartYear: in.StartYear, EndYear: in.EndYear, Progress: in.Progress, Stage: in.Stage, Description: in.Description}
		numbers := map[int64]string{}
		for _, d := range cur.Documents {
			numbers[d.ID] = d.Number
		}
		for _, id := range in.DocumentIDs {
			mine.Documents = append(mine.Documents, congtin.ProjectDocument{ID: id, Number: numbers[id]})
		}
		return mine.Content(), cur.Content(), cur.UpdatedAt
	},
	fill: func(page *render.ProjectEditPage, form render.ProjectForm) *render.Editing {
		page.Form = form
		return &page.Edit
	},
}
