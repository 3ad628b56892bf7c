package admin

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/docfile"
	"github.com/congtin/congtin/internal/render"
)

// A consultation's comments in the back office: the moderation queue
// (publish, hide with a reason, answer), the exports for the drafting
// team, and the report published after the close. Editors and above do
// this, as they publish the draft itself: the comments carry their
// senders' private contacts.

// commentService is what the comments' pages need.
type commentService interface {
	FindComments(ctx context.Context, f congtin.CommentFilter) ([]*congtin.ConsultationComment, int, error)
	FindCommentByID(ctx context.Context, siteID, id int64) (*congtin.ConsultationComment, error)
	CountComments(ctx context.Context, siteID, consultationID int64) (congtin.CommentCounts, error)
	ModerateComment(ctx context.Context, actor congtin.Actor, siteID, id int64, m congtin.CommentModeration) (*congtin.ConsultationComment, error)
	PublishReport(ctx context.Context, actor congtin.Actor, siteID, consultationID int64, r congtin.ConsultationReport) (*congtin.Consultation, error)
}

// maxExportComments bounds one export; a consultation with more comments
// than this is a national one, beyond a portal's scale.
const maxExportComments = 20000

func (s *Server) commentRoutes(page func(string, func(http.ResponseWriter, *http.Request, *request))) {
	page("GET "+consultationsAdminPath+"/{id}/y-kien", s.handleComments)
	page("POST "+consultationsAdminPath+"/{id}/y-kien/{comment}", s.handleModerate)
	page("GET "+consultationsAdminPath+"/{id}/y-kien/{comment}/tep", s.handleAdminCommentFile)
	page("GET "+consultationsAdminPath+"/{id}/y-kien.docx", s.handleCommentsExport)
	page("GET "+consultationsAdminPath+"/{id}/y-kien.csv", s.handleCommentsExport)
	page("GET "+consultationsAdminPath+"/{id}/bao-cao", s.handleReportForm)
	page("POST "+consultationsAdminPath+"/{id}/bao-cao", s.handleSaveReport)
	page("GET "+consultationsAdminPath+"/{id}/bao-cao/tep", s.handleAdminReportFile)
}

func commentsAdminURL(id int64) string { return consultationAdminURL(id) + "/y-kien" }

// loadModerated reads the consultation the path names, for an actor who
// may moderate its comments.
func (s *Server) loadModerated(r *http.Request, rq *request) (*congtin.Consultation, error) {
	c, err := s.loadConsultation(r, rq)
	if err != nil {
		return nil, err
	}
	if !congtin.Can(rq.actor, congtin.ActPublish, c.Item()) {
		return nil, congtin.Errorf(congtin.EFORBIDDEN, "Chỉ biên tập viên và quản trị viên được xem, duyệt và trả lời ý kiến góp ý (ý kiến có thông tin liên hệ riêng của người gửi).")
	}
	return c, nil
}

// commentStates are the queue's tabs, in order.
var commentStates = []string{congtin.CommentPending, congtin.CommentPublished, congtin.CommentHidden}

// commentsPage reads the queue of c in the state the URL asks ("" all).
func (s *Server) commentsPage(r *http.Request, rq *request, c *congtin.Consultation) (*render.AdminCommentsPage, error) {
	ctx := r.Context()
	state := r.URL.Query().Get("trang-thai")
	if state != "" && !slicesContains(commentStates, state) {
		state = ""
	}
	counts, err := s.comments.CountComments(ctx, rq.site.ID, c.ID)
	if err != nil {
		return nil, err
	}
	ms, _, err := s.comments.FindComments(ctx, congtin.CommentFilter{SiteID: rq.site.ID, ConsultationID: c.ID, Status: state, Limit: 500})
	if err != nil {
		return nil, err
	}
	page := &render.AdminCommentsPage{AdminBase: rq.base("Ý kiến góp ý: "+c.Number, "consultations"), Consultation: c, Counts: counts,
		State: state, Open: c.Phase(s.now()) == congtin.ConsultOpen, Closed: !s.now().Before(c.ClosesAt), Forms: map[int64]render.ModerationForm{}}
	for _, m := range ms {
		page.Comments = append(page.Comments, m)
		page.Forms[m.ID] = render.ModerationForm{Status: m.Status, Article: articleValue(m.Article), Answer: m.Answer, Version: m.Version}
	}
	page.Flash = s.flash(r)
	return page, nil
}

func slicesContains(vs []string, v string) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}

// articleValue shows an article number in its input ("" for the whole
// draft).
func articleValue(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func (s *Server) handleComments(w http.ResponseWriter, r *http.Request, rq *request) {
	c, err := s.loadModerated(r, rq)
	var page *render.AdminCommentsPage
	if err == nil {
		page, err = s.commentsPage(r, rq, c)
	}
	s.show(w, r, rq, "admin/consultation_comments", page, err)
}

// handleModerate saves one comment's decision; a refused one comes back
// on the queue with what was typed and the message beside the comment.
func (s *Server) handleModerate(w http.ResponseWriter, r *http.Request, rq *request) {
	c, err := s.loadModerated(r, rq)
	var cid int64
	if err == nil {
		cid, err = idIn(r, "comment", "Không tìm thấy ý kiến góp ý.")
	}
	if err == nil {
		err = parseForm(w, r)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	form := render.ModerationForm{Status: formValue(r, "status"), Reason: formValue(r, "reason"), Article: formValue(r, "article"),
		Answer: r.PostFormValue("answer")}
	form.Version, _ = strconv.ParseInt(formValue(r, "version"), 10, 64)
	m := congtin.CommentModeration{Status: form.Status, Reason: form.Reason, Answer: form.Answer, Version: form.Version}
	fe := congtin.FieldErrors{}
	if form.Article != "" {
		n, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(form.Article, "Điều")))
		if err != nil || n < 1 || n > congtin.MaxDraftArticle {
			fe["article"] = "Số điều phải là một số từ 1 đến " + strconv.Itoa(congtin.MaxDraftArticle) + ", hoặc để trống nếu góp ý chung."
		}
		m.Article = n
	}
	if len(fe) == 0 {
		var cur *congtin.ConsultationComment
		if cur, err = s.comments.FindCommentByID(r.Context(), rq.site.ID, cid); err == nil && cur.ConsultationID != c.ID {
			err = congtin.NotFound(congtin.KindComment)
		}
		if err == nil {
			_, err = s.comments.ModerateComment(r.Context(), rq.actor, rq.site.ID, cid, m)
		}
		var ve *congtin.ValidationError
		switch {
		case errors.As(err, &ve):
			fe = ve.Fields
		case err == nil:
			back := commentsAdminURL(c.ID)
			if st := r.URL.Query().Get("trang-thai"); slicesContains(commentStates, st) {
				back += "?trang-thai=" + st
			}
			s.redirect(w, r, back+"#y-kien-"+strconv.FormatInt(cid, 10), "Đã lưu ý kiến góp ý của "+cur.Name+" ("+congtin.CommentStateName(m.Status)+").")
			return
		case congtin.ErrorCode(err) == congtin.ECONFLICT, congtin.ErrorCode(err) == congtin.EINVALID:
			fe["status"] = congtin.ErrorMessage(err)
		default:
			s.error(w, r, rq, err)
			return
		}
	}
	page, err := s.commentsPage(r, rq, c)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	page.Forms[cid] = form
	page.Failed = cid
	page.Refuse("Chưa lưu được ý kiến góp ý; xem thông báo bên cạnh ý kiến đó.", fe)
	s.render(w, r, http.StatusBadRequest, "admin/consultation_comments", page)
}

// handleCommentsExport gives the drafting team every comment, grouped by
// article of the draft, as a Word table or a CSV file for a spreadsheet.
func (s *Server) handleCommentsExport(w http.ResponseWriter, r *http.Request, rq *request) {
	c, err := s.loadModerated(r, rq)
	var ms []*congtin.ConsultationComment
	if err == nil {
		ms, _, err = s.comments.FindComments(r.Context(), congtin.CommentFilter{SiteID: rq.site.ID, ConsultationID: c.ID, Limit: maxExportComments})
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	name := "y-kien-du-thao-" + strconv.FormatInt(c.ID, 10)
	if strings.HasSuffix(r.URL.Path, ".csv") {
		var buf bytes.Buffer
		if err := commentsCSV(&buf, c, ms); err != nil {
			s.error(w, r, rq, err)
			return
		}
		sendFile(w, "text/csv; charset=utf-8", name+".csv", buf.Bytes())
		return
	}
	var buf bytes.Buffer
	if err := commentsDOCX(&buf, c, ms, s.now()); err != nil {
		s.error(w, r, rq, err)
		return
	}
	sendFile(w, congtin.FileContentType(congtin.FileDOCX), name+".docx", buf.Bytes())
}

// sendFile answers with a made file to download.
func sendFile(w http.ResponseWriter, contentType, name string, b []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Length", strconv.Itoa(len(b)))
	_, _ = w.Write(b)
}

// handleAdminCommentFile serves a comment's attachment to its moderators,
// whatever the comment's state.
func (s *Server) handleAdminCommentFile(w http.ResponseWriter, r *http.Request, rq *request) {
	c, err := s.loadModerated(r, rq)
	var m *congtin.ConsultationComment
	if err == nil {
		var cid int64
		if cid, err = idIn(r, "comment", "Không tìm thấy ý kiến góp ý."); err == nil {
			m, err = s.comments.FindCommentByID(r.Context(), rq.site.ID, cid)
		}
	}
	if err == nil && (m.ConsultationID != c.ID || m.FileHash == "") {
		err = congtin.NotFound(congtin.KindDocumentFile)
	}
	if err == nil {
		err = docfile.Serve(w, r, docfile.Files{Blobs: s.Blobs}, &congtin.DocumentFile{Name: m.FileName, Kind: m.FileKind, Size: m.FileSize, Hash: m.FileHash}, false)
	}
	if err != nil {
		s.error(w, r, rq, err)
	}
}

// handleAdminReportFile serves the report's file to its editors.
func (s *Server) handleAdminReportFile(w http.ResponseWriter, r *http.Request, rq *request) {
	c, err := s.loadModerated(r, rq)
	if err == nil && c.ReportFile == nil {
		err = congtin.NotFound(congtin.KindDocumentFile)
	}
	if err == nil {
		err = docfile.Serve(w, r, docfile.Files{Blobs: s.Blobs}, c.ReportFile, false)
	}
	if err != nil {
		s.error(w, r, rq, err)
	}
}

// reportPage is the report's form for c.
func (s *Server) reportPage(rq *request, c *congtin.Consultation, html string) *render.AdminReportPage {
	page := &render.AdminReportPage{AdminBase: rq.base("Báo cáo tiếp thu, giải trình: "+c.Number, "consultations"), Consultation: c,
		HTML: html, Closed: !s.now().Before(c.ClosesAt), MaxMB: s.fileMaxBytes() >> 20}
	return page
}

func (s *Server) handleReportForm(w http.ResponseWriter, r *http.Request, rq *request) {
	c, err := s.loadModerated(r, rq)
	var page *render.AdminReportPage
	if err == nil {
		page = s.reportPage(rq, c, c.Report)
		page.Flash = s.flash(r)
	}
	s.show(w, r, rq, "admin/consultation_report", page, err)
}

// handleSaveReport publishes the report: its text, and its file spooled,
// sniffed and stored as the draft's attachments are.
func (s *Server) handleSaveReport(w http.ResponseWriter, r *http.Request, rq *request) {
	c, err := s.loadModerated(r, rq)
	var u *documentUpload
	if err == nil {
		u, err = s.readDocumentForm(w, r)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	defer u.close()
	html := u.values.Get("report")
	refuse := func(msg string, fe congtin.FieldErrors) {
		page := s.reportPage(rq, c, html)
		page.Refuse(msg, fe)
		s.render(w, r, http.StatusBadRequest, "admin/consultation_report", page)
	}
	switch {
	case u.tooBig:
		refuse("Chưa lưu: tệp báo cáo lớn quá "+strconv.FormatInt(s.fileMaxBytes()>>20, 10)+" MB.", congtin.FieldErrors{"files": "Tệp quá lớn."})
		return
	case u.refused != nil:
		refuse("Chưa lưu: "+congtin.ErrorMessage(u.refused), congtin.FieldErrors{"files": congtin.ErrorMessage(u.refused)})
		return
	case len(u.files) > 1:
		refuse("Chưa lưu: báo cáo chỉ có một tệp.", congtin.FieldErrors{"files": "Hãy chọn một tệp."})
		return
	}
	in := congtin.ConsultationReport{HTML: html, RemoveFile: u.values.Get("remove_file") != ""}
	in.Version, _ = strconv.ParseInt(u.values.Get("version"), 10, 64)
	if len(u.files) == 1 {
		if err := u.files[0].Save(r.Context(), docfile.Files{Blobs: s.Blobs}); err != nil {
			s.error(w, r, rq, err)
			return
		}
		fi := u.files[0].Input()
		in.File = &fi
	}
	out, err := s.comments.PublishReport(r.Context(), rq.actor, rq.site.ID, c.ID, in)
	var ve *congtin.ValidationError
	switch {
	case errors.As(err, &ve):
		// The form may not be shown (before the close): the message goes
		// on top as well as beside its field.
		msgs := make([]string, 0, len(ve.Fields))
		for _, m := range ve.Fields {
			msgs = append(msgs, m)
		}
		refuse("Chưa lưu được báo cáo: "+strings.Join(msgs, " "), ve.Fields)
	case congtin.ErrorCode(err) == congtin.ECONFLICT:
		refuse(congtin.ErrorMessage(err), nil)
	case err != nil:
		s.error(w, r, rq, err)
	case out.ReportAt.IsZero():
		s.redirect(w, r, consultationAdminURL(c.ID)+"/bao-cao", "Đã gỡ báo cáo khỏi trang dự thảo.")
	default:
		s.redirect(w, r, consultationAdminURL(c.ID)+"/bao-cao", "Đã công bố báo cáo tổng hợp, tiếp thu, giải trình trên trang dự thảo.")
	}
}
