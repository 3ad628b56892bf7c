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

// Procurement notices (Đấu thầu) in the back office: the list, the form
// with the workflow panel, the revisions. Attachments are not taken: a
// notice links to the national procurement system's record in its
// summary, where the bidding documents are published by law.

const procurementsAdminPath = "/admin/dau-thau"

func procurementAdminURL(id int64) string {
	return procurementsAdminPath + "/" + strconv.FormatInt(id, 10)
}

func (s *Server) procurementRoutes(page func(string, func(http.ResponseWriter, *http.Request, *request))) {
	page("GET "+procurementsAdminPath, s.handleProcurements)
	page("GET "+procurementsAdminPath+"/moi", procurementForms.handleEdit(s))
	page("POST "+procurementsAdminPath+"/moi", procurementForms.handleSave(s))
	page("GET "+procurementsAdminPath+"/{id}", procurementForms.handleEdit(s))
	page("POST "+procurementsAdminPath+"/{id}", procurementForms.handleSave(s))
	page("POST "+procurementsAdminPath+"/{id}/chuyen", s.handleStep(procurementFlow,
		editOf("admin/procurement_edit", s.projects.FindProcurementByID, s.procurementEditPage)))
	page("GET "+procurementsAdminPath+"/{id}/phien-ban", s.handleRecordRevisions(congtin.KindProcurement, "procurements", procurementsAdminPath,
		func(r *http.Request, rq *request) (*congtin.Item, error) {
			p, err := s.loadProcurement(r, rq)
			return p.Item(), err
		}))
}

// procurementFlow is the notices' part in the workflow.
var procurementFlow = &flowKind{
	kind: congtin.KindProcurement, heading: "Duyệt thông báo mời thầu", headingID: "duyet-dau-thau",
	object: func(congtin.Ref) string { return "thông báo mời thầu" },
	ref:    refOf((*Server).loadProcurement),
	url:    func(ref congtin.Ref) string { return procurementAdminURL(ref.ID) },
}

func (s *Server) loadProcurement(r *http.Request, rq *request) (*congtin.Procurement, error) {
	return loadItem(r, rq, "Không tìm thấy thông báo mời thầu.", "Bạn chỉ xem được thông báo mời thầu do mình nhập.", s.projects.FindProcurementByID)
}

func (s *Server) handleProcurements(w http.ResponseWriter, r *http.Request, rq *request) {
	q := r.URL.Query()
	pageNo, err := listPage(q)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	lq := readListQuery(q, documentStatuses, []string{byChange})
	lq.form.Path, lq.form.Mine = procurementsAdminPath, "Thông báo của tôi"
	bs, total, err := s.projects.FindProcurements(r.Context(), congtin.ProcurementFilter{SiteID: rq.site.ID, Status: lq.form.Status,
		CreatedBy: lq.writer(rq), Q: lq.form.Q, Offset: (pageNo - 1) * adminPageSize, Limit: adminPageSize})
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.showRecordList(w, r, rq, lq, &render.AdminProjectsPage{AdminBase: rq.base("Đấu thầu, mua sắm công", "procurements"), Procurements: bs}, total, pageNo)
}

// procurementForm is what the form shows of a stored notice (nil: a new
// one).
func procurementForm(b *congtin.Procurement) render.ProcurementForm {
	if b == nil {
		return render.ProcurementForm{Method: render.Choices(congtin.ProcurementMethods, congtin.ProcurementMethodName, congtin.MethodOpen)}
	}
	f := render.ProcurementForm{Name: b.Name, Entity: b.Entity, EstimatedPrice: vndInput(b.EstimatedPrice), OpensAt: localInput(b.OpensAt),
		ClosesAt: localInput(b.ClosesAt), Summary: b.Summary, Winner: b.Winner,
		Method: render.Choices(congtin.ProcurementMethods, congtin.ProcurementMethodName, b.Method)}
	if b.ProjectID != 0 {
		f.Project = "#" + strconv.FormatInt(b.ProjectID, 10) + " " + b.ProjectName
	}
	if b.Winner != "" {
		f.WinningPrice = vndInput(b.WinningPrice)
	}
	return f
}

// procurementEditPage prepares the form page for b (nil: a new one).
func (s *Server) procurementEditPage(r *http.Request, rq *request, b *congtin.Procurement) (*render.ProcurementEditPage, error) {
	title := "Thông báo mời thầu mới"
	if b != nil {
		title = "Sửa: " + b.Name
	}
	page := &render.ProcurementEditPage{AdminBase: rq.base(title, "procurements"), Procurement: b, Form: procurementForm(b)}
	page.Flash = s.flash(r)
	var id, version int64
	if b == nil {
		page.CanSave = congtin.Can(rq.actor, congtin.ActCreate, nil)
	} else {
		id, version = b.ID, b.Version
		page.CanSave = congtin.Can(rq.actor, congtin.ActEdit, b.Item())
		var err error
		if page.Workflow, err = s.workflowPanel(r.Context(), rq, procurementFlow, b.Item()); err != nil {
			return nil, err
		}
		if b.IsPublic(s.now()) {
			page.PublicURL = b.Path()
		}
		withSteps(&page.Workflow, page.CanSave, r)
	}
	if !page.CanSave {
		return page, nil
	}
	var err error
	page.Edit, err = s.editState(r, rq, congtin.KindProcurement, id, version)
	if err == nil {
		if d := restoring(r, &page.Edit); d != nil {
			_, page.Form, _ = procurementInput(s, withValues(r, d.Values), rq)
			page.Flash = restoredFlash(d)
		}
	}
	return page, err
}

// procurementInput reads the form: the input for the service, the form
// as typed, and what could not be read (an amount, a time, the project).
func procurementInput(_ *Server, r *http.Request, _ *request) (congtin.ProcurementInput, render.ProcurementForm, congtin.FieldErrors) {
	fe := congtin.FieldErrors{}
	in := congtin.ProcurementInput{Name: formValue(r, "name"), Entity: formValue(r, "entity"), Method: formValue(r, "method"),
		Summary: formValue(r, "summary"), Winner: formValue(r, "winner"), Version: formVersion(r.PostForm)}
	form := render.ProcurementForm{Name: in.Name, Entity: in.Entity, Summary: in.Summary, Winner: in.Winner, Project: formValue(r, "project"),
		OpensAt: formValue(r, "opens_at"), ClosesAt: formValue(r, "closes_at"),
		Method: render.Choices(congtin.ProcurementMethods, congtin.ProcurementMethodName, in.Method)}
	form.EstimatedPrice, in.EstimatedPrice = readVND(r, fe, "estimated_price", true)
	form.WinningPrice, in.WinningPrice = readVND(r, fe, "winning_price", false)
	for _, t := range []struct {
		field, label, v string
		out             *time.Time
	}{{"opens_at", "mở thầu", form.OpensAt, &in.OpensAt}, {"closes_at", "đóng thầu", form.ClosesAt, &in.ClosesAt}} {
		if t.v == "" {
			continue
		}
		if at, ok := parseLocalTime(t.v); ok {
			*t.out = at
		} else {
			fe[t.field] = "Thời điểm " + t.label + " không hợp lệ; hãy chọn ngày và giờ."
		}
	}
	if form.Project != "" {
		// "#12 Tên dự án", as the form shows a stored link, or "12".
		idText, _, _ := strings.Cut(strings.TrimPrefix(form.Project, "#"), " ")
		id, err := strconv.ParseInt(idText, 10, 64)
		if err != nil || id <= 0 {
			fe["project"] = "Hãy ghi mã dự án dạng #12 (xem mã trong danh sách dự án), hoặc để trống."
		}
		in.ProjectID = id
	}
	repair(&form.Name, &form.Entity, &form.Summary, &form.Winner, &form.Project, &form.OpensAt, &form.ClosesAt, &form.EstimatedPrice, &form.WinningPrice)
	return in, form, fe
}

// procurementForms are the notice's edit and save handlers.
var procurementForms = &recordForm[*congtin.Procurement, congtin.ProcurementInput, render.ProcurementForm, *render.ProcurementEditPage]{
	flow: procurementFlow, template: "admin/procurement_edit", flash: "Đã lưu thông báo mời thầu.",
	load: (*Server).loadProcurement,
	find: func(s *Server) func(ctx context.Context, siteID, id int64) (*congtin.Procurement, error) {
		return s.projects.FindProcurementByID
	},
	page:  (*Server).procurementEditPage,
	input: procurementInput,
	check: func(s *Server, in *congtin.ProcurementInput) error {
		in.Normalize()
		return in.Validate(s.now())
	},
	create: func(s *Server, ctx context.Context, actor congtin.Actor, siteID int64, in congtin.ProcurementInput) (*congtin.Procurement, error) {
		return s.projects.CreateProcurement(ctx, actor, siteID, in)
	},
	update: func(s *Server, ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.ProcurementInput) (*congtin.Procurement, error) {
		return s.projects.UpdateProcurement(ctx, actor, siteID, id, in)
	},
	step: func(s *Server, ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.ProcurementInput, st congtin.Step) (*congtin.Item, bool, error) {
		return s.projects.UpdateProcurementStep(ctx, actor, siteID, id, in, st)
	},
	typed:  func(in congtin.ProcurementInput) int64 { return in.Version },
	stored: func(b *congtin.Procurement) int64 { return b.Version },
	content: func(in congtin.ProcurementInput, cur *congtin.Procurement) (string, string, time.Time) {
		mine := &congtin.Procurement{Name: in.Name, Entity: in.Entity, ProjectID: in.ProjectID, Method: in.Method, EstimatedPrice: in.EstimatedPrice,
			OpensAt: in.OpensAt, ClosesAt: in.ClosesAt, Summary: in.Summary, Winner: in.Winner, WinningPrice: in.WinningPrice}
		if mine.ProjectID == cur.ProjectID {
			mine.ProjectName = cur.ProjectName
		}
		return mine.Content(), cur.Content(), cur.UpdatedAt
	},
	fill: func(page *render.ProcurementEditPage, form render.ProcurementForm) *render.Editing {
		page.Form = form
		return &page.Edit
	},
}
