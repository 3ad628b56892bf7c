package admin

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/blob"
	"github.com/congtin/congtin/internal/docfile"
	"github.com/congtin/congtin/internal/render"
	"github.com/congtin/congtin/internal/sanitize"
)

// Consultations on draft documents (Lấy ý kiến dự thảo) in the back
// office: the list, the form with the workflow panel, the revisions.

const consultationsAdminPath = "/admin/lay-y-kien"

func consultationAdminURL(id int64) string {
	return consultationsAdminPath + "/" + strconv.FormatInt(id, 10)
}

// consultationService is what the consultations' pages need.
type consultationService interface {
	FindConsultationByID(ctx context.Context, siteID, id int64) (*congtin.Consultation, error)
	FindConsultations(ctx context.Context, f congtin.ConsultationFilter) ([]*congtin.Consultation, int, error)
	FindConsultationRevisions(ctx context.Context, siteID, id int64) ([]*congtin.ConsultationRevision, error)
	CreateConsultation(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.ConsultationInput) (*congtin.Consultation, error)
	UpdateConsultation(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.ConsultationInput) (*congtin.Consultation, error)
	UpdateConsultationStep(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.ConsultationInput, s congtin.Step) (*congtin.Item, bool, error)
}

// consultationRoutes adds the consultations' back office.
func (s *Server) consultationRoutes(page func(string, func(http.ResponseWriter, *http.Request, *request))) {
	page("GET "+consultationsAdminPath, s.handleConsultations)
	page("GET "+consultationsAdminPath+"/moi", s.handleNewConsultation)
	page("POST "+consultationsAdminPath+"/moi", s.handleCreateConsultation)
	page("GET "+consultationsAdminPath+"/{id}", s.handleEditConsultation)
	page("POST "+consultationsAdminPath+"/{id}", s.handleSaveConsultation)
	page("POST "+consultationsAdminPath+"/{id}/chuyen", s.handleStep(consultationFlow,
		editOf("admin/consultation_edit", s.consultations.FindConsultationByID, s.consultationEditPage)))
	page("GET "+consultationsAdminPath+"/{id}/phien-ban", s.handleConsultationRevisions)
	page("GET "+consultationsAdminPath+"/{id}/tep/{file}", s.handleAdminConsultationFile)
}

// handleAdminConsultationFile serves an attachment to the staff who may
// see the consultation, whatever its state.
func (s *Server) handleAdminConsultationFile(w http.ResponseWriter, r *http.Request, rq *request) {
	c, err := s.loadConsultation(r, rq)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	fid, _ := strconv.ParseInt(r.PathValue("file"), 10, 64)
	for _, f := range c.Files {
		if f.ID == fid {
			if err := docfile.Serve(w, r, docfile.Files{Blobs: s.Blobs}, f, false); err != nil {
				s.error(w, r, rq, err)
			}
			return
		}
	}
	s.error(w, r, rq, congtin.NotFound(congtin.KindDocumentFile))
}

// consultationFlow is the consultations' part in the workflow.
var consultationFlow = &flowKind{
	kind: congtin.KindConsultation, heading: "Duyệt dự thảo lấy ý kiến", headingID: "duyet-du-thao",
	object:    func(congtin.Ref) string { return "dự thảo" },
	refusedBy: []string{"comment"},
	ref:       refOf((*Server).loadConsultation),
	url:       func(ref congtin.Ref) string { return consultationAdminURL(ref.ID) },
}

// handleConsultations lists the consultations (a reporter's own), newest
// change first, searched and filtered as the URL says.
func (s *Server) handleConsultations(w http.ResponseWriter, r *http.Request, rq *request) {
	ctx := r.Context()
	q := r.URL.Query()
	pageNo, err := listPage(q)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	lq := readListQuery(q, documentStatuses, []string{byChange})
	lq.form.Path, lq.form.Mine = consultationsAdminPath, "Dự thảo của tôi"
	f := congtin.ConsultationFilter{SiteID: rq.site.ID, Status: lq.form.Status, CreatedBy: lq.writer(rq), Q: lq.form.Q,
		Offset: (pageNo - 1) * adminPageSize, Limit: adminPageSize}
	cs, total, err := s.consultations.FindConsultations(ctx, f)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	st, err := s.loadStaff(ctx, rq)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	page := &render.AdminConsultationsPage{AdminBase: rq.base("Lấy ý kiến dự thảo", "consultations")}
	page.Filter, page.Writers, page.MineURL, page.Total = lq.form, st.options, mineURL(consultationsAdminPath, rq), total
	page.Pager = adminPager(consultationsAdminPath, q, pageNo, total)
	for _, c := range cs {
		row := render.ConsultationRow{Consultation: c, Writer: st.name(ctx, c.CreatedBy)}
		if congtin.Can(rq.actor, congtin.ActPublish, c.Item()) {
			n, err := s.comments.CountComments(ctx, rq.site.ID, c.ID)
			if err != nil {
				s.error(w, r, rq, err)
				return
			}
			row.Comments = &n
		}
		page.Rows = append(page.Rows, row)
	}
	page.Flash = s.flash(r)
	status := http.StatusOK
	if msg := lq.message(); msg != "" {
		page.Refuse(msg, lq.errs)
		status = http.StatusBadRequest
	}
	s.render(w, r, status, "admin/consultations", page)
}

// localInput shows a time in a datetime-local input, in Vietnam time.
func localInput(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(congtin.VietnamZone).Format("2006-01-02T15:04")
}

// consultationForm is what the form shows of a stored consultation.
func consultationForm(c *congtin.Consultation) render.ConsultationForm {
	f := render.ConsultationForm{Number: c.Number, Title: c.Title, Drafter: c.Drafter, Summary: c.Summary, Body: c.Body,
		Contact: c.Contact, OpensAt: localInput(c.OpensAt), ClosesAt: localInput(c.ClosesAt)}
	if c.DocumentID != 0 {
		f.Document = "#" + strconv.FormatInt(c.DocumentID, 10)
		if c.DocumentNumber != "" {
			f.Document += " " + c.DocumentNumber
		}
	}
	return f
}

// consultationEditPage prepares the form page for c (nil: a new one).
func (s *Server) consultationEditPage(r *http.Request, rq *request, c *congtin.Consultation) (*render.ConsultationEditPage, error) {
	title := "Dự thảo lấy ý kiến mới"
	if c != nil {
		title = "Sửa: " + c.Title
	}
	page := &render.ConsultationEditPage{AdminBase: rq.base(title, "consultations"), Consultation: c, MaxMB: s.fileMaxBytes() >> 20, Accept: fileAccept}
	page.Flash = s.flash(r)
	var id, version int64
	if c == nil {
		page.CanSave = congtin.Can(rq.actor, congtin.ActCreate, nil)
	} else {
		id, version = c.ID, c.Version
		page.CanSave = congtin.Can(rq.actor, congtin.ActEdit, c.Item())
		page.Form = consultationForm(c)
		var err error
		if page.Workflow, err = s.workflowPanel(r.Context(), rq, consultationFlow, c.Item()); err != nil {
			return nil, err
		}
		if c.IsPublic(s.now()) {
			page.PublicURL = c.Path()
		}
		withSteps(&page.Workflow, page.CanSave, r)
	}
	if !page.CanSave {
		return page, nil
	}
	var err error
	page.Edit, err = s.editState(r, rq, congtin.KindConsultation, id, version)
	return page, err
}

// restoreConsultation shows the writer's draft in the form, when asked
// to.
func (s *Server) restoreConsultation(r *http.Request, rq *request, page *render.ConsultationEditPage) {
	if d := restoring(r, &page.Edit); d != nil {
		_, form, _ := s.consultationInput(withValues(r, d.Values), rq, nil)
		page.Form, page.Flash = form, restoredFlash(d)
	}
}

// consultationInput reads the form and its files (u; nil for none): the
// input for the service, the form as typed (to show again), and what
// could not be read (a time, an unknown document).
func (s *Server) consultationInput(r *http.Request, rq *request, u *documentUpload) (congtin.ConsultationInput, render.ConsultationForm, congtin.FieldErrors) {
	form := render.ConsultationForm{Number: formValue(r, "number"), Title: formValue(r, "title"), Drafter: formValue(r, "drafter"),
		Summary: formValue(r, "summary"), Body: r.PostForm.Get("body"), Contact: formValue(r, "contact"),
		OpensAt: formValue(r, "opens_at"), ClosesAt: formValue(r, "closes_at"), Document: formValue(r, "document")}
	in := congtin.ConsultationInput{Number: form.Number, Title: form.Title, Drafter: form.Drafter, Summary: form.Summary,
		Body: form.Body, Contact: form.Contact, Version: formVersion(r.PostForm)}
	fe := congtin.FieldErrors{}
	for _, t := range []struct {
		field, label, v string
		out             *time.Time
	}{{"opens_at", "bắt đầu", form.OpensAt, &in.OpensAt}, {"closes_at", "kết thúc", form.ClosesAt, &in.ClosesAt}} {
		if t.v == "" {
			continue
		}
		if at, ok := parseLocalTime(t.v); ok {
			*t.out = at
		} else {
			fe[t.field] = "Thời điểm " + t.label + " không hợp lệ; hãy chọn ngày và giờ."
		}
	}
	if form.Document != "" {
		id, msg := s.documentRef(r, rq, form.Document)
		if msg != "" {
			fe["document_id"] = msg
		}
		in.DocumentID = id
	}
	for _, x := range r.PostForm["remove_file"] {
		if fid, err := strconv.ParseInt(x, 10, 64); err == nil && fid > 0 {
			in.RemoveFiles = append(in.RemoveFiles, fid)
		}
	}
	if u != nil {
		for _, f := range u.files {
			in.AddFiles = append(in.AddFiles, f.Input())
		}
	}
	repair(&form.Number, &form.Title, &form.Drafter, &form.Summary, &form.Body, &form.Contact, &form.OpensAt, &form.ClosesAt, &form.Document)
	return in, form, fe
}

// consultationConflict compares the form refused with the consultation
// stored meanwhile.
func (s *Server) consultationConflict(r *http.Request, rq *request, cur *congtin.Consultation, in congtin.ConsultationInput) (*render.Conflict, error) {
	revs, err := s.consultations.FindConsultationRevisions(r.Context(), rq.site.ID, cur.ID)
	if err != nil {
		return nil, err
	}
	c := &render.Conflict{}
	c.By, c.At = whoSaved(revs, func(rev *congtin.ConsultationRevision) (string, time.Time) { return rev.UserName, rev.CreatedAt }, cur.UpdatedAt)
	in.Normalize()
	c.Compare("Số hiệu dự thảo", in.Number, cur.Number, false)
	c.Compare("Tên dự thảo", in.Title, cur.Title, false)
	c.Compare("Cơ quan chủ trì soạn thảo", in.Drafter, cur.Drafter, false)
	c.Compare("Tóm tắt", in.Summary, cur.Summary, false)
	c.Compare("Nội dung dự thảo", sanitize.HTML(in.Body), cur.Body, true)
	c.Compare("Bắt đầu", localInput(in.OpensAt), localInput(cur.OpensAt), false)
	c.Compare("Kết thúc", localInput(in.ClosesAt), localInput(cur.ClosesAt), false)
	c.Compare("Liên hệ", in.Contact, cur.Contact, false)
	c.Compare("Văn bản được ban hành", strconv.FormatInt(in.DocumentID, 10), strconv.FormatInt(cur.DocumentID, 10), false)
	return c, nil
}

// consultationFormError shows the form again with what was typed.
func (s *Server) consultationFormError(w http.ResponseWriter, r *http.Request, rq *request, c *congtin.Consultation, in congtin.ConsultationInput,
	form render.ConsultationForm, fe congtin.FieldErrors, err error) {
	msg := invalidInput
	if isEdited(err) {
		msg = notSaved(err)
	}
	s.refuseForm(w, r, rq, "admin/consultation_edit", fe, err, msg, func() (formPage, error) {
		if isEdited(err) {
			cur, ferr := s.consultations.FindConsultationByID(r.Context(), rq.site.ID, c.ID)
			if ferr != nil {
				return nil, ferr
			}
			c = cur
		}
		page, perr := s.consultationEditPage(r, rq, c)
		if perr != nil {
			return nil, perr
		}
		var conflict *render.Conflict
		if isEdited(err) {
			if conflict, perr = s.consultationConflict(r, rq, c, in); perr != nil {
				return nil, perr
			}
		}
		page.Form = form
		var stored int64
		if c != nil {
			stored = c.Version
		}
		refused(&page.Edit, in.Version, conflict, stored)
		return page, nil
	})
}

func (s *Server) loadConsultation(r *http.Request, rq *request) (*congtin.Consultation, error) {
	return loadItem(r, rq, "Không tìm thấy dự thảo lấy ý kiến.", "Bạn chỉ xem được dự thảo do mình soạn.", s.consultations.FindConsultationByID)
}

func (s *Server) handleNewConsultation(w http.ResponseWriter, r *http.Request, rq *request) {
	err := can(rq, congtin.ActCreate, nil)
	var page *render.ConsultationEditPage
	if err == nil {
		page, err = s.consultationEditPage(r, rq, nil)
	}
	if err == nil {
		s.restoreConsultation(r, rq, page)
	}
	s.show(w, r, rq, "admin/consultation_edit", page, err)
}

func (s *Server) handleEditConsultation(w http.ResponseWriter, r *http.Request, rq *request) {
	c, err := s.loadConsultation(r, rq)
	var page *render.ConsultationEditPage
	if err == nil {
		page, err = s.consultationEditPage(r, rq, c)
	}
	if err == nil {
		s.restoreConsultation(r, rq, page)
	}
	s.show(w, r, rq, "admin/consultation_edit", page, err)
}

func (s *Server) handleCreateConsultation(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := can(rq, congtin.ActCreate, nil); err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.saveConsultation(w, r, rq, nil)
}

func (s *Server) handleSaveConsultation(w http.ResponseWriter, r *http.Request, rq *request) {
	c, err := s.loadConsultation(r, rq)
	if err == nil {
		err = can(rq, congtin.ActEdit, c.Item())
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.saveConsultation(w, r, rq, c)
}

// saveConsultation is the create and save handlers' common path: the
// form becomes a new draft (c nil) or c's new content, with a workflow
// step when a button of the panel sent it.
func (s *Server) saveConsultation(w http.ResponseWriter, r *http.Request, rq *request, c *congtin.Consultation) {
	// The documents register's reading of a form with attachments: each
	// file spooled, sniffed and bounded as it arrives.
	u, err := s.readDocumentForm(w, r)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	defer u.close()
	r.PostForm = u.values
	in, form, fe := s.consultationInput(r, rq, u)
	switch {
	case u.tooBig:
		w.Header().Set("Connection", "close")
		fe["files"] = fmt.Sprintf("Tệp đính kèm quá lớn: mỗi tệp tối đa %d MB, mỗi lần lưu tối đa %d tệp. Dự thảo chưa được lưu.", s.fileMaxBytes()>>20, maxFilesPerSave)
	case u.refused != nil:
		fe["files"] = congtin.ErrorMessage(u.refused)
	}
	if len(fe) == 0 {
		in.Normalize()
		var ve *congtin.ValidationError
		if verr := in.Validate(); errors.As(verr, &ve) {
			fe = ve.Fields
		}
	}
	// The files first, the row after: a row never names a missing file.
	// What this save added is taken back when the row is not written.
	added := &blob.Added{Store: s.Blobs}
	if len(fe) == 0 {
		for _, f := range u.files {
			if err := f.Save(r.Context(), docfile.Files{Blobs: added}); err != nil {
				s.takeBack(r, added)
				s.error(w, r, rq, err)
				return
			}
		}
	}
	st, stepping := stepOf(r)
	var saved *congtin.Consultation
	var it *congtin.Item
	var wrote bool
	switch {
	case len(fe) > 0: // refused before the service is asked
	case c == nil:
		saved, err = s.consultations.CreateConsultation(r.Context(), rq.actor, rq.site.ID, in)
	case stepping:
		it, wrote, err = s.consultations.UpdateConsultationStep(r.Context(), rq.actor, rq.site.ID, c.ID, in, st)
	default:
		saved, err = s.consultations.UpdateConsultation(r.Context(), rq.actor, rq.site.ID, c.ID, in)
	}
	if len(fe) > 0 || err != nil {
		s.takeBack(r, added)
		s.consultationFormError(w, r, rq, c, in, form, fe, err)
		return
	}
	if it != nil {
		s.redirect(w, r, consultationAdminURL(c.ID), stepped(consultationFlow, it.Ref, st.Act, it, wrote, s.now()))
		return
	}
	flash := "Đã lưu dự thảo lấy ý kiến."
	if c == nil {
		flash = "Đã lưu dự thảo lấy ý kiến (nháp)."
	}
	s.redirect(w, r, consultationAdminURL(saved.ID), flash)
}

func (s *Server) handleConsultationRevisions(w http.ResponseWriter, r *http.Request, rq *request) {
	c, err := s.loadConsultation(r, rq)
	var revs []*congtin.ConsultationRevision
	if err == nil {
		revs, err = s.consultations.FindConsultationRevisions(r.Context(), rq.site.ID, c.ID)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	page := &render.ConsultationRevisionsPage{AdminBase: rq.base("Phiên bản: "+c.Title, "consultations"), Consultation: c, Revisions: revs}
	if v := r.URL.Query().Get("xem"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err == nil {
			page.Shown, err = findIn(revs, func(rev *congtin.ConsultationRevision) int64 { return rev.ID })(id)
		}
		if err != nil {
			s.error(w, r, rq, noRevision())
			return
		}
	}
	s.render(w, r, http.StatusOK, "admin/consultation_revisions", page)
}

// documentRef finds the document of the register a line names: "#12" by
// its ID, otherwise by its number (số, ký hiệu); the message says why
// none was found.
func (s *Server) documentRef(r *http.Request, rq *request, line string) (int64, string) {
	line = strings.TrimSpace(line)
	if rest, ok := strings.CutPrefix(line, "#"); ok {
		idText, _, _ := strings.Cut(rest, " ")
		id, err := strconv.ParseInt(idText, 10, 64)
		if err != nil || id <= 0 {
			return 0, "Mã văn bản “" + clipText(line) + "” không hợp lệ; hãy ghi #mã hoặc số, ký hiệu văn bản."
		}
		return id, ""
	}
	ds, n, err := s.documents.FindAdminDocuments(r.Context(), congtin.AdminDocumentFilter{SiteID: rq.site.ID, Number: line, Limit: 2})
	switch {
	case err != nil || n == 0:
		return 0, "Không tìm thấy văn bản số “" + clipText(line) + "”."
	case n > 1:
		return 0, "Có " + strconv.Itoa(n) + " văn bản số “" + clipText(line) + "”; hãy ghi mã văn bản dạng #mã."
	}
	return ds[0].ID, ""
}
