package admin

import (
	"context"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/importer"
	"github.com/congtin/congtin/internal/render"
)

// procedureService is what the back office of the administrative
// procedures needs.
type procedureService interface {
	FindProcedureByID(ctx context.Context, siteID, id int64) (*congtin.Procedure, error)
	FindProcedures(ctx context.Context, f congtin.ProcedureFilter) ([]*congtin.Procedure, int, error)
	CreateProcedure(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.ProcedureInput) (*congtin.Procedure, error)
	UpdateProcedure(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.ProcedureInput) (*congtin.Procedure, error)
	SetProcedurePublic(ctx context.Context, actor congtin.Actor, siteID, id int64, public bool) (*congtin.Procedure, error)
	DeleteProcedure(ctx context.Context, actor congtin.Actor, siteID, id int64) error
	ImportProcedures(ctx context.Context, actor congtin.Actor, siteID int64, rows []congtin.ProcedureRow) (*congtin.ProcedureImportResult, error)
}

const proceduresAdminPath = "/admin/thu-tuc-hanh-chinh"

func (s *Server) procedureRoutes(page func(string, func(http.ResponseWriter, *http.Request, *request))) {
	page("GET "+proceduresAdminPath, s.handleProceduresAdmin)
	page("GET "+proceduresAdminPath+"/moi", s.handleNewProcedure)
	page("POST "+proceduresAdminPath+"/moi", s.handleCreateProcedure)
	page("GET "+proceduresAdminPath+"/nhap", s.handleProcedureImportForm)
	page("POST "+proceduresAdminPath+"/nhap", s.handleProcedureImport)
	page("GET "+proceduresAdminPath+"/{id}", s.handleEditProcedure)
	page("POST "+proceduresAdminPath+"/{id}", s.handleSaveProcedure)
	page("POST "+proceduresAdminPath+"/{id}/hien-thi", s.handleProcedurePublic)
	page("POST "+proceduresAdminPath+"/{id}/xoa", s.handleDeleteProcedure)
}

// procedureKeeper refuses an actor who may not change the procedures;
// reporters read the list only.
func procedureKeeper(rq *request) error { return can(rq, congtin.ActProcedures, nil) }

func (s *Server) handleProceduresAdmin(w http.ResponseWriter, r *http.Request, rq *request) {
	q := r.URL.Query()
	pageNo, err := listPage(q)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	page := &render.AdminProceduresPage{AdminBase: rq.base("Thủ tục hành chính", "procedures"), Q: q.Get("q")}
	repair(&page.Q)
	page.Flash = s.flash(r)
	page.Procedures, page.Total, err = s.procedures.FindProcedures(r.Context(), congtin.ProcedureFilter{SiteID: rq.site.ID, Q: page.Q,
		Offset: (pageNo - 1) * adminPageSize, Limit: adminPageSize})
	page.Pager = adminPager(proceduresAdminPath, q, pageNo, page.Total)
	s.show(w, r, rq, "admin/procedures", page, err)
}

// procedureForm fills the form from a procedure (a new one is public,
// with no online service).
func procedureForm(p *congtin.Procedure) render.ProcedureForm {
	if p == nil {
		return render.ProcedureForm{Online: congtin.OnlineNone, Public: true, Levels: map[string]bool{}}
	}
	f := render.ProcedureForm{Code: p.Code, Name: p.Name, Field: p.Field, Agency: p.Agency, Duration: p.Duration, Fee: p.Fee, Online: p.Online,
		Steps: p.Steps, Documents: p.Documents, Legal: p.Legal, URL: p.URL, Public: p.Public, Levels: map[string]bool{}}
	for _, l := range p.Levels {
		f.Levels[l] = true
	}
	return f
}

func (s *Server) procedureEditPage(rq *request, p *congtin.Procedure) *render.AdminProcedureEditPage {
	page := &render.AdminProcedureEditPage{AdminBase: rq.base("Thêm thủ tục hành chính", "procedures"), Form: procedureForm(p),
		Levels: congtin.ProcedureLevels, OnlineLevels: congtin.OnlineLevels}
	if p != nil {
		page.ID, page.Title = p.ID, "Sửa thủ tục hành chính"
		if p.Public {
			page.PublicURL = p.Path()
		}
	}
	return page
}

func (s *Server) handleNewProcedure(w http.ResponseWriter, r *http.Request, rq *request) {
	s.show(w, r, rq, "admin/procedure_edit", s.procedureEditPage(rq, nil), procedureKeeper(rq))
}

func (s *Server) handleEditProcedure(w http.ResponseWriter, r *http.Request, rq *request) {
	id, err := pathID(r)
	if err == nil {
		err = procedureKeeper(rq)
	}
	var p *congtin.Procedure
	if err == nil {
		p, err = s.procedures.FindProcedureByID(r.Context(), rq.site.ID, id)
	}
	var page *render.AdminProcedureEditPage
	if err == nil {
		page = s.procedureEditPage(rq, p)
		page.Flash = s.flash(r)
	}
	s.show(w, r, rq, "admin/procedure_edit", page, err)
}

// readProcedureForm reads the form as typed.
func readProcedureForm(r *http.Request) (congtin.ProcedureInput, render.ProcedureForm) {
	f := render.ProcedureForm{Code: formValue(r, "code"), Name: formValue(r, "name"), Field: formValue(r, "field"), Agency: formValue(r, "agency"),
		Duration: formValue(r, "duration"), Fee: formValue(r, "fee"), Online: formValue(r, "online"), Steps: formValue(r, "steps"),
		Documents: formValue(r, "documents"), Legal: formValue(r, "legal"), URL: formValue(r, "url"), Public: formValue(r, "public") == "1",
		Levels: map[string]bool{}}
	in := congtin.ProcedureInput{Code: f.Code, Name: f.Name, Field: f.Field, Agency: f.Agency, Duration: f.Duration, Fee: f.Fee, Online: f.Online,
		Steps: f.Steps, Documents: f.Documents, Legal: f.Legal, URL: f.URL, Public: f.Public}
	for _, l := range r.PostForm["levels"] {
		in.Levels = append(in.Levels, l)
		f.Levels[l] = true
	}
	return in, f
}

func (s *Server) handleCreateProcedure(w http.ResponseWriter, r *http.Request, rq *request) {
	s.saveProcedure(w, r, rq, 0)
}

func (s *Server) handleSaveProcedure(w http.ResponseWriter, r *http.Request, rq *request) {
	id, err := pathID(r)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.saveProcedure(w, r, rq, id)
}

// saveProcedure creates a procedure (id 0) or saves one, or shows the
// form again with what was typed and why it was not saved.
func (s *Server) saveProcedure(w http.ResponseWriter, r *http.Request, rq *request, id int64) {
	if err := allowedForm(w, r, rq, procedureKeeper); err != nil {
		s.error(w, r, rq, err)
		return
	}
	in, form := readProcedureForm(r)
	var p *congtin.Procedure
	var err error
	if id == 0 {
		p, err = s.procedures.CreateProcedure(r.Context(), rq.actor, rq.site.ID, in)
	} else {
		p, err = s.procedures.UpdateProcedure(r.Context(), rq.actor, rq.site.ID, id, in)
	}
	if err != nil {
		s.refuseForm(w, r, rq, "admin/procedure_edit", nil, err, notSavedField(err, "code", "name", "field", "levels", "online", "url"), func() (formPage, error) {
			var cur *congtin.Procedure
			if id != 0 {
				var err error
				if cur, err = s.procedures.FindProcedureByID(r.Context(), rq.site.ID, id); err != nil {
					return nil, err
				}
			}
			page := s.procedureEditPage(rq, cur)
			repair(&form.Code, &form.Name, &form.Field, &form.Agency, &form.Duration, &form.Fee, &form.Steps, &form.Documents, &form.Legal, &form.URL)
			page.Form = form
			return page, nil
		})
		return
	}
	done := "Đã lưu thủ tục."
	if id == 0 {
		done = "Đã thêm thủ tục."
	}
	s.redirect(w, r, proceduresAdminPath+"/"+strconv.FormatInt(p.ID, 10), done)
}

func (s *Server) handleProcedurePublic(w http.ResponseWriter, r *http.Request, rq *request) {
	id, err := pathID(r)
	if err == nil {
		err = allowedForm(w, r, rq, procedureKeeper)
	}
	public := formValue(r, "public") == "1"
	if err == nil {
		_, err = s.procedures.SetProcedurePublic(r.Context(), rq.actor, rq.site.ID, id, public)
	}
	done := "Đã ẩn thủ tục khỏi cổng thông tin."
	if public {
		done = "Thủ tục đã hiển thị trên cổng thông tin."
	}
	s.finish(w, r, rq, err, proceduresAdminPath+"/"+strconv.FormatInt(id, 10), done)
}

func (s *Server) handleDeleteProcedure(w http.ResponseWriter, r *http.Request, rq *request) {
	s.finish(w, r, rq, deleteByID(r, rq, procedureKeeper, s.procedures.DeleteProcedure), proceduresAdminPath, "Đã xóa thủ tục.")
}

func (s *Server) procedureImportPage(rq *request) *render.AdminProcedureImportPage {
	return &render.AdminProcedureImportPage{AdminBase: rq.base("Nhập thủ tục hành chính", "procedures"), MaxMB: congtin.MaxProcedureImportBytes >> 20}
}

func (s *Server) handleProcedureImportForm(w http.ResponseWriter, r *http.Request, rq *request) {
	s.show(w, r, rq, "admin/procedure_import", s.procedureImportPage(rq), procedureKeeper(rq))
}

// maxImportOverhead is what a multipart request carries besides the file.
const maxImportOverhead = 64 << 10

// handleProcedureImport reads an uploaded CSV and imports it, all of it
// or nothing: a refused file comes back on the form with its bad lines.
func (s *Server) handleProcedureImport(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := procedureKeeper(rq); err != nil {
		s.error(w, r, rq, err)
		return
	}
	rows, err := readProcedureUpload(w, r)
	var res *congtin.ProcedureImportResult
	if err == nil {
		res, err = s.procedures.ImportProcedures(r.Context(), rq.actor, rq.site.ID, rows)
	}
	if err != nil {
		if congtin.ErrorCode(err) != congtin.EINVALID {
			s.error(w, r, rq, err)
			return
		}
		page := s.procedureImportPage(rq)
		var re *congtin.ImportRowsError
		if errors.As(err, &re) {
			page.Problems = re.Problems
			page.Refuse("Chưa nhập được: tệp có "+strconv.Itoa(len(re.Problems))+" dòng lỗi (xem danh sách bên dưới); không dòng nào được ghi.", nil)
		} else {
			page.Refuse("Chưa nhập được: "+congtin.ErrorMessage(err), congtin.FieldErrors{"file": congtin.ErrorMessage(err)})
		}
		s.render(w, r, http.StatusBadRequest, "admin/procedure_import", page)
		return
	}
	s.redirect(w, r, proceduresAdminPath, res.Summary())
}

// readProcedureUpload reads the form's CSV file, bounded.
func readProcedureUpload(w http.ResponseWriter, r *http.Request) ([]congtin.ProcedureRow, error) {
	tooBig := congtin.Errorf(congtin.EINVALID, "Tệp quá lớn: tối đa %d MB.", congtin.MaxProcedureImportBytes>>20)
	if r.ContentLength > congtin.MaxProcedureImportBytes+maxImportOverhead {
		return nil, tooBig
	}
	r.Body = http.MaxBytesReader(w, r.Body, congtin.MaxProcedureImportBytes+maxImportOverhead)
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct != "multipart/form-data" {
		return nil, congtin.Errorf(congtin.EINVALID, "Hãy chọn một tệp CSV để nhập.")
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, congtin.Errorf(congtin.EINVALID, "Dữ liệu gửi lên không hợp lệ.")
	}
	for {
		p, err := mr.NextPart()
		var mbe *http.MaxBytesError
		switch {
		case errors.Is(err, io.EOF):
			return nil, congtin.Errorf(congtin.EINVALID, "Hãy chọn một tệp CSV để nhập.")
		case errors.As(err, &mbe):
			return nil, tooBig
		case err != nil:
			return nil, congtin.Errorf(congtin.EINVALID, "Dữ liệu gửi lên không hợp lệ.")
		}
		if p.FormName() != "file" {
			continue
		}
		if p.FileName() == "" {
			return nil, congtin.Errorf(congtin.EINVALID, "Hãy chọn một tệp CSV để nhập.")
		}
		rows, err := importer.ReadProceduresCSV(p, congtin.MaxProcedureImportBytes)
		if errors.As(err, &mbe) {
			return nil, tooBig
		}
		return rows, err
	}
}
