package web

import (
	"context"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/docfile"
	"github.com/congtin/congtin/internal/httperr"
	"github.com/congtin/congtin/internal/render"
)

// Comments on a consultation's draft (góp ý dự thảo). The form is on the
// consultation's page while it is open, with the question form's
// defences (qa_guard.go) and keys: a trap field, a signed token bound to
// a cookie and to the consultation, with a one-time nonce kept with the
// comment, a minimum and a maximum age, cross-site POSTs refused, and a
// per-address limit counted in the database. The attachment is sniffed
// (PDF or DOCX only, whatever its name says) and stored before the
// comment, by its hash, as the register's files are.
const (
	commentCookie       = "ct_gopy"
	commentMaxFileBytes = 10 << 20
	commentMaxFields    = 64 << 10
	// An organisation's office sends its comments from one address, one
	// article at a time: a looser limit than the Q&A's.
	commentSubmitLimit  = 10
	commentSubmitWindow = qaSubmitWindow
)

// CommentService is what a consultation's comments read and write.
type CommentService interface {
	// FindComments lists comments by article of the draft.
	FindComments(ctx context.Context, f congtin.CommentFilter) ([]*congtin.ConsultationComment, int, error)
	// FindCommentByID returns a comment of the site; ENOTFOUND if none.
	FindCommentByID(ctx context.Context, siteID, id int64) (*congtin.ConsultationComment, error)
	// FindCommentByCode returns the comment a lookup code names.
	FindCommentByCode(ctx context.Context, siteID int64, codeHash string) (*congtin.ConsultationComment, error)
	// SubmitComment stores a citizen's comment (see congtin.CommentService).
	SubmitComment(ctx context.Context, siteID, consultationID int64, in congtin.CommentInput, sub congtin.Submission) (*congtin.ConsultationComment, error)
}

// Messages of the comment form's defences.
const (
	msgCommentTrap    = "Không gửi được ý kiến: biểu mẫu có một ô ẩn không được để trống (thường do trình duyệt tự điền). Xin kiểm tra lại rồi bấm “Gửi ý kiến”."
	msgCommentToken   = "Biểu mẫu không hợp lệ hoặc đã được mở trên một trình duyệt khác. Nội dung bạn nhập vẫn còn dưới đây; xin chọn lại tệp (nếu có) rồi bấm “Gửi ý kiến” lần nữa."
	msgCommentTooFast = "Bạn gửi quá nhanh sau khi mở trang. Xin đọc lại ý kiến, chọn lại tệp (nếu có) rồi bấm “Gửi ý kiến” lần nữa."
	msgCommentTooOld  = "Trang đã mở quá 2 giờ nên biểu mẫu đã hết hạn. Nội dung bạn nhập vẫn còn dưới đây; xin chọn lại tệp (nếu có) rồi bấm “Gửi ý kiến” lần nữa."
	msgCommentInvalid = "Chưa gửi được: thông tin nhập chưa hợp lệ; xem các thông báo bên dưới từng ô. Nếu đã chọn tệp, xin chọn lại."
)

func (s *Server) commentRoutes(mux *http.ServeMux) {
	mux.Handle("POST /lay-y-kien/{id}/gop-y", s.qaCrossOrigin(http.HandlerFunc(s.handleCommentSubmit)))
	mux.HandleFunc("GET /lay-y-kien/da-gui", func(w http.ResponseWriter, r *http.Request) { s.commentLookup(w, r, true) })
	mux.HandleFunc("GET /lay-y-kien/tra-cuu", func(w http.ResponseWriter, r *http.Request) { s.commentLookup(w, r, false) })
	mux.HandleFunc("GET /lay-y-kien/{id}/bao-cao", s.handleReportFile)
	mux.HandleFunc("GET /lay-y-kien/{id}/y-kien/{comment}/tep", s.handleCommentFile)
}

func commentAction(id int64) string { return "/lay-y-kien/" + strconv.FormatInt(id, 10) + "/gop-y" }

// commentBinding binds a comment form's token to its consultation and
// the browser's cookie: "" (no valid token) when the browser has none.
func commentBinding(id int64, cookie string) string {
	if cookie == "" {
		return ""
	}
	return "lay-y-kien/" + strconv.FormatInt(id, 10) + "|" + cookie
}

// commentFile is a comment's attachment as the file server takes it.
func commentFile(m *congtin.ConsultationComment) *congtin.DocumentFile {
	if m.FileHash == "" {
		return nil
	}
	return &congtin.DocumentFile{DocumentID: m.ConsultationID, Name: m.FileName, Kind: m.FileKind, Size: m.FileSize, Hash: m.FileHash}
}

// fileItem is a file with its address, as the pages list files.
func fileItem(f *congtin.DocumentFile, url string) *render.DocumentFileItem {
	return &render.DocumentFileItem{DocumentFile: f, Size: render.FileSize(f.Size), TypeName: fileTypeName(f.Kind), URL: url}
}

// publishedComments groups a consultation's published comments by
// article of the draft, in the store's order (the whole draft first).
func (s *Server) publishedComments(ctx context.Context, c *congtin.Consultation) ([]render.CommentGroup, int, error) {
	ms, n, err := s.Comments.FindComments(ctx, congtin.CommentFilter{SiteID: c.SiteID, ConsultationID: c.ID, Status: congtin.CommentPublished, Limit: 1000})
	if err != nil {
		return nil, 0, err
	}
	var groups []render.CommentGroup
	for _, m := range ms {
		if len(groups) == 0 || groups[len(groups)-1].Heading != m.ArticleName() {
			groups = append(groups, render.CommentGroup{ID: "dieu-" + strconv.Itoa(m.Article), Heading: m.ArticleName()})
		}
		v := render.CommentView{ConsultationComment: m}
		if f := commentFile(m); f != nil {
			v.File = fileItem(f, "/lay-y-kien/"+strconv.FormatInt(c.ID, 10)+"/y-kien/"+strconv.FormatInt(m.ID, 10)+"/tep")
		}
		g := &groups[len(groups)-1]
		g.Items = append(g.Items, v)
	}
	return groups, n, nil
}

// renderConsultation draws a consultation's page: its report, the draft,
// the published comments and, while it is open, the comment form with
// this reader's own token (so the page is then private). form carries
// what was typed when a comment comes back; notice says why it could not
// be taken.
func (s *Server) renderConsultation(w http.ResponseWriter, r *http.Request, status int, c *congtin.Consultation, form *render.CommentForm, notice string) {
	ctx := r.Context()
	site := siteFrom(ctx)
	page := s.consultationPage(c)
	var err error
	if page.Comments, page.Published, err = s.publishedComments(ctx, c); err != nil {
		s.error(w, r, err)
		return
	}
	if !s.layout(w, r, site, &page.Base) {
		return
	}
	page.Title = c.Title
	page.Description = c.Summary
	page.Canonical = s.siteURL(site, c.Path())
	page.ActiveSlug = "lay-y-kien"
	page.Notice = notice
	if page.Phase == congtin.ConsultOpen {
		keys, err := s.qaKeys(ctx)
		if err != nil {
			s.error(w, r, err)
			return
		}
		if form == nil {
			form = &render.CommentForm{}
		}
		if form.Token == "" {
			form.Token = keys.sign(site.ID, s.now(), commentBinding(c.ID, bindingCookie(w, r, commentCookie, "/lay-y-kien")))
		}
		form.Action, form.Honeypot, form.MaxMB, form.RetentionDays = commentAction(c.ID), qaHoneypot, commentMaxFileBytes>>20, s.QARetentionDays
		if form.Errors == nil {
			form.Errors = congtin.FieldErrors{}
		}
		fix := func(v string) string { return strings.ToValidUTF8(v, "\uFFFD") }
		in := &form.Input
		in.Name, in.Organization, in.Email, in.Phone, in.Body = fix(in.Name), fix(in.Organization), fix(in.Email), fix(in.Phone), fix(in.Body)
		form.Article = fix(form.Article)
		page.Form = form
		privatePage(w)
	}
	s.render(w, status, "consultation", page)
}

// commentUpload is a read comment form: its values and the spooled file.
type commentUpload struct {
	values url.Values
	file   *docfile.Upload
	// fileErr is why the file was refused (too large, not a PDF or
	// DOCX): a field error, the rest of the form kept.
	fileErr string
}

func (u *commentUpload) close() {
	if u.file != nil {
		u.file.Close()
	}
}

// readCommentForm reads the multipart form part by part: the text fields
// into memory within commentMaxFields, the file straight into a temporary
// file, stopping at its limit.
func readCommentForm(w http.ResponseWriter, r *http.Request) (*commentUpload, error) {
	bad := congtin.Errorf(congtin.EINVALID, "Dữ liệu gửi lên không hợp lệ hoặc quá lớn (tệp tối đa %d MB, nội dung góp ý tối đa 10.000 ký tự).", commentMaxFileBytes>>20)
	r.Body = http.MaxBytesReader(w, r.Body, commentMaxFileBytes+commentMaxFields+64<<10)
	u := &commentUpload{values: url.Values{}}
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct != "multipart/form-data" {
		if err := r.ParseForm(); err != nil {
			return nil, bad
		}
		u.values = r.PostForm
		return u, nil
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, bad
	}
	size := 0
	for parts := 0; ; parts++ {
		p, err := mr.NextPart()
		if err == io.EOF {
			return u, nil
		}
		if err != nil || parts > 40 {
			u.close()
			return nil, bad
		}
		if p.FormName() == "file" {
			if p.FileName() == "" || u.file != nil || u.fileErr != "" {
				continue // no file chosen; only the first file counts
			}
			f, err := docfile.Receive("", p.FileName(), p, commentMaxFileBytes)
			var mbe *http.MaxBytesError
			switch {
			case errors.Is(err, docfile.ErrTooLarge):
				u.fileErr = "Tệp đính kèm lớn quá " + strconv.Itoa(commentMaxFileBytes>>20) + " MB."
			case congtin.ErrorCode(err) == congtin.EINVALID:
				u.fileErr = "Tệp “" + docfile.CleanName(p.FileName()) + "”: " + congtin.ErrorMessage(err) + " Chỉ nhận tệp PDF hoặc Word (.docx)."
			case errors.As(err, &mbe), err != nil:
				u.close()
				return nil, bad
			case f.Kind != congtin.FilePDF && f.Kind != congtin.FileDOCX:
				f.Close()
				u.fileErr = "Tệp “" + f.Name + "” không phải PDF hoặc Word (.docx). Chỉ nhận hai loại tệp này."
			default:
				u.file = f
			}
			continue
		}
		b, err := io.ReadAll(io.LimitReader(p, int64(commentMaxFields-size+1)))
		size += len(b)
		if err != nil || size > commentMaxFields {
			u.close()
			return nil, bad
		}
		u.values.Add(p.FormName(), string(b))
	}
}

// parseArticle reads the article number as typed: "" for the whole
// draft; "Điều 5" and "5" alike.
func parseArticle(v string) (int, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, true
	}
	v = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(v, "Điều"), "điều"))
	n, err := strconv.Atoi(v)
	return n, err == nil && n >= 1 && n <= congtin.MaxDraftArticle
}

func (s *Server) handleCommentSubmit(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	site := siteFrom(ctx)
	id, ok := parseID(r.PathValue("id"))
	c, err := s.findPublicConsultation(r, id, ok)
	if err != nil {
		s.error(w, r, err)
		return
	}
	now := s.now()
	if c.Phase(now) != congtin.ConsultOpen {
		// A page left open past the close, or a bot: nothing is read.
		s.renderConsultation(w, r, http.StatusConflict, c, nil, congtin.ErrorMessage(c.ClosedError(now)))
		return
	}
	u, err := readCommentForm(w, r)
	if err != nil {
		s.renderConsultation(w, r, http.StatusBadRequest, c, nil, congtin.ErrorMessage(err))
		return
	}
	defer u.close()
	v := u.values
	form := &render.CommentForm{Article: v.Get("article"), Errors: congtin.FieldErrors{},
		Input: congtin.CommentInput{Name: v.Get("name"), Organization: v.Get("organization"), Email: v.Get("email"), Phone: v.Get("phone"), Body: v.Get("body")}}
	again := func(status int, msg string, keepToken bool) {
		if keepToken {
			form.Token = v.Get("token")
		}
		form.Error = msg
		s.renderConsultation(w, r, status, c, form, "")
	}
	if v.Get(qaHoneypot) != "" {
		again(http.StatusBadRequest, msgCommentTrap, false)
		return
	}
	keys, err := s.qaKeys(ctx)
	if err != nil {
		s.error(w, r, err)
		return
	}
	tok, ok := keys.verify(v.Get("token"), site.ID, commentBinding(c.ID, bindingOf(r, commentCookie)))
	if !ok {
		again(http.StatusBadRequest, msgCommentToken, false)
		return
	}
	switch age := now.Sub(tok.issued); {
	case age < qaMinFormAge:
		again(http.StatusBadRequest, msgCommentTooFast, true)
		return
	case age > qaMaxFormAge:
		again(http.StatusBadRequest, msgCommentTooOld, false)
		return
	}
	var okArticle bool
	if form.Input.Article, okArticle = parseArticle(form.Article); !okArticle {
		form.Errors["article"] = "Số điều phải là một số từ 1 đến " + strconv.Itoa(congtin.MaxDraftArticle) + ", hoặc để trống nếu góp ý chung."
	}
	if u.fileErr != "" {
		form.Errors["file"] = u.fileErr
	}
	in := form.Input
	if u.file != nil {
		fi := u.file.Input()
		in.File = &fi
	}
	if len(form.Errors) == 0 {
		// The service's checks first, so that a bad form stores no file.
		check := in
		check.Normalize()
		if err := check.Validate(); err != nil {
			var ve *congtin.ValidationError
			if errors.As(err, &ve) {
				form.Errors = ve.Fields
			}
		}
	}
	if len(form.Errors) > 0 {
		again(http.StatusBadRequest, msgCommentInvalid, true)
		return
	}
	if u.file != nil {
		if s.Files == nil {
			form.Errors["file"] = "Cổng thông tin hiện không nhận tệp đính kèm; xin gửi ý kiến không kèm tệp."
			again(http.StatusServiceUnavailable, msgCommentInvalid, true)
			return
		}
		if err := u.file.Save(ctx, s.Files); err != nil {
			s.error(w, r, err)
			return
		}
	}
	code := newCode()
	sub := congtin.Submission{CodeHash: auth.HashToken(code), Nonce: tok.nonce, IPHash: keys.senderHash(r), Limit: commentSubmitLimit, Window: commentSubmitWindow}
	if _, err := s.Comments.SubmitComment(ctx, site.ID, c.ID, in, sub); err != nil {
		var ve *congtin.ValidationError
		switch {
		case errors.As(err, &ve):
			form.Errors = ve.Fields
			again(http.StatusBadRequest, msgCommentInvalid, true)
		case congtin.ErrorCode(err) == congtin.ECONFLICT:
			// The form sent before, or the period closed meanwhile.
			s.renderConsultation(w, r, http.StatusConflict, c, nil, congtin.ErrorMessage(err))
		case congtin.ErrorCode(err) == congtin.ETOOMANY:
			w.Header().Set("Retry-After", strconv.Itoa(int(commentSubmitWindow.Seconds())))
			again(http.StatusTooManyRequests, congtin.ErrorMessage(err), false)
		default:
			s.error(w, r, err)
		}
		return
	}
	http.Redirect(w, r, "/lay-y-kien/da-gui?ma="+url.QueryEscape(displayCode(code)), http.StatusSeeOther)
}

// commentLookup shows a comment's state by its code: the lookup page, or
// the thank-you page right after sending.
func (s *Server) commentLookup(w http.ResponseWriter, r *http.Request, sent bool) {
	ctx := r.Context()
	site := siteFrom(ctx)
	base, err := s.base(w, r, site, true)
	if err != nil {
		s.error(w, r, err)
		return
	}
	raw := r.URL.Query().Get("ma")
	page := &render.CommentLookupPage{Base: base, Sent: sent, Input: strings.ToValidUTF8(clip(raw), "\uFFFD")}
	page.Title, page.ActiveSlug = "Tra cứu ý kiến góp ý", "lay-y-kien"
	if sent {
		page.Title = "Đã gửi ý kiến góp ý"
	}
	status := http.StatusOK
	privatePage(w)
	defer func() { s.render(w, status, "consultation_comment_lookup", page) }()
	if raw == "" && !sent {
		return
	}
	fail := func(code int, msg string) { status, page.Error, page.Sent = code, msg, false }
	code, st, msg := s.lookupCode(w, r, raw)
	if st != 0 {
		fail(st, msg)
		return
	}
	m, err := s.Comments.FindCommentByCode(ctx, site.ID, auth.HashToken(code))
	var c *congtin.Consultation
	if err == nil {
		c, err = s.Consultations.FindConsultationByID(ctx, site.ID, m.ConsultationID)
	}
	if err != nil {
		fail(httperr.Status(err), congtin.ErrorMessage(err))
		if status >= 500 {
			s.Log.Error("lookup comment", "error", err)
			page.Error = "Đã xảy ra lỗi. Xin vui lòng thử lại sau."
		}
		return
	}
	found := &render.CommentLookup{Code: displayCode(code), Consultation: c.Number + " – " + c.Title, ConsultationURL: c.Path(),
		Article: m.ArticleName(), SentAt: m.CreatedAt, State: m.Status, StateName: congtin.CommentStateName(m.Status)}
	if m.IsPublic() {
		found.Answer = m.Answer
		found.ConsultationURL = c.Path() + "#y-kien-" + strconv.FormatInt(m.ID, 10)
	}
	page.Found, page.Input = found, displayCode(code)
}

// handleReportFile serves the file of a public consultation's report.
func (s *Server) handleReportFile(w http.ResponseWriter, r *http.Request) {
	id, ok := parseID(r.PathValue("id"))
	c, err := s.findPublicConsultation(r, id, ok)
	if err == nil && (c.ReportFile == nil || c.ReportAt.IsZero() || s.Files == nil) {
		err = congtin.NotFound(congtin.KindDocumentFile)
	}
	if err == nil {
		err = docfile.Serve(w, r, s.Files, c.ReportFile, true)
	}
	if err != nil {
		s.error(w, r, err)
	}
}

// handleCommentFile serves the attachment of a published comment of a
// public consultation; a comment not published has none to show.
func (s *Server) handleCommentFile(w http.ResponseWriter, r *http.Request) {
	id, ok := parseID(r.PathValue("id"))
	c, err := s.findPublicConsultation(r, id, ok)
	var m *congtin.ConsultationComment
	if err == nil {
		cid, ok := parseID(r.PathValue("comment"))
		if m, err = s.Comments.FindCommentByID(r.Context(), c.SiteID, cid); !ok || err == nil && (m.ConsultationID != c.ID || !m.IsPublic() || m.FileHash == "" || s.Files == nil) {
			err = congtin.NotFound(congtin.KindDocumentFile)
		}
	}
	if err == nil {
		err = docfile.Serve(w, r, s.Files, commentFile(m), true)
	}
	if err != nil {
		s.error(w, r, err)
	}
}
