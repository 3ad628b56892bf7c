package admin

import (
	"context"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/blob"
	"github.com/congtin/congtin/internal/docfile"
	"github.com/congtin/congtin/internal/render"
)

// Attachment limits of one save.
const (
	maxFilesPerSave = 5
	maxFormValues   = 1 << 20 // all text fields of a document form together
	maxFormParts    = 200
)

// documentService is what the documents register's pages need.
type documentService interface {
	FindAdminDocuments(ctx context.Context, f congtin.AdminDocumentFilter) ([]*congtin.Document, int, error)
	FindDocumentByID(ctx context.Context, siteID, id int64) (*congtin.Document, error)
	FindDocumentRevisions(ctx context.Context, siteID, id int64) ([]*congtin.DocumentRevision, error)
	CreateDocument(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.DocumentInput) (*congtin.Document, error)
	UpdateDocument(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.DocumentInput) (*congtin.Document, error)
	UpdateDocumentStep(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.DocumentInput, s congtin.Step) (*congtin.Item, bool, error)
	FindDocumentTerms(ctx context.Context, siteID int64, list string) ([]*congtin.DocumentTerm, error)
	SaveDocumentTerm(ctx context.Context, actor congtin.Actor, siteID int64, list string, id int64, name string, position int) (*congtin.DocumentTerm, error)
	DeleteDocumentTerm(ctx context.Context, actor congtin.Actor, siteID int64, list string, id int64) error
	FindDocumentFileText(ctx context.Context, siteID, fileID int64) (*congtin.DocumentFile, error)
	CorrectDocumentFileText(ctx context.Context, actor congtin.Actor, siteID, docID, fileID int64, text string) error
	RereadDocumentFile(ctx context.Context, actor congtin.Actor, siteID, docID, fileID int64) error
}

// documentRoutes adds the documents register's back office.
func (s *Server) documentRoutes(page func(string, func(http.ResponseWriter, *http.Request, *request))) {
	page("GET /admin/van-ban", s.handleDocuments)
	page("GET /admin/van-ban/moi", s.handleNewDocument)
	page("POST /admin/van-ban/moi", s.handleCreateDocument)
	page("GET /admin/van-ban/{id}", s.handleEditDocument)
	page("POST /admin/van-ban/{id}", s.handleSaveDocument)
	page("POST /admin/van-ban/{id}/chuyen", s.handleStep(documentFlow, editOf("admin/document_edit", s.documents.FindDocumentByID, s.documentEditPage)))
	page("GET /admin/van-ban/{id}/tep/{file}", s.handleAdminDocumentFile)
	page("GET /admin/van-ban/{id}/tep/{file}/chu", s.handleFileText)
	page("POST /admin/van-ban/{id}/tep/{file}/chu", s.handleCorrectFileText)
	page("POST /admin/van-ban/{id}/tep/{file}/doc-lai", s.handleRereadFile)
	page("GET /admin/danh-muc-van-ban", s.handleDocumentLists)
	page("POST /admin/danh-muc-van-ban", s.handleSaveDocumentTerm)
	page("POST /admin/danh-muc-van-ban/xoa", s.handleDeleteDocumentTerm)
}

// fileAccept is the file input's list of the attachments taken.
const fileAccept = ".pdf,.doc,.docx,.xls,.xlsx,application/pdf,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.ms-excel,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,.jpg,.jpeg,.png,.tif,.tiff,image/jpeg,image/png,image/tiff"

// fileMaxBytes is the largest attachment taken.
func (s *Server) fileMaxBytes() int64 {
	if s.FileMaxBytes > 0 {
		return s.FileMaxBytes
	}
	return docfile.DefaultMaxBytes
}

// loadDocument reads the {id} path value and the document of the site,
// which the actor must be allowed to see.
func (s *Server) loadDocument(r *http.Request, rq *request) (*congtin.Document, error) {
	return loadItem(r, rq, "Không tìm thấy văn bản.", "Bạn chỉ xem được văn bản của mình.", s.documents.FindDocumentByID)
}

// documentEditPage prepares the form page for d (nil: a new document).
func (s *Server) documentEditPage(r *http.Request, rq *request, d *congtin.Document) (*render.AdminDocumentEditPage, error) {
	ctx := r.Context()
	title, section := "Thêm văn bản", "document_new"
	if d != nil {
		title, section = "Sửa văn bản "+d.Number, "documents"
	}
	page := &render.AdminDocumentEditPage{AdminBase: rq.base(title, section), Doc: d, MaxMB: s.fileMaxBytes() >> 20,
		Accept: fileAccept}
	page.Flash = s.flash(r)
	var err error
	if page.Types, err = s.documents.FindDocumentTerms(ctx, rq.site.ID, congtin.ListTypes); err != nil {
		return nil, err
	}
	if page.Fields, err = s.documents.FindDocumentTerms(ctx, rq.site.ID, congtin.ListFields); err != nil {
		return nil, err
	}
	if d == nil {
		page.CanSave = congtin.CanDocument(rq.actor, congtin.ActCreate, nil)
		page.Form.Links = map[string]string{}
		return page, s.documentEditing(r, rq, page)
	}
	page.CanSave = congtin.CanDocument(rq.actor, congtin.ActEdit, d)
	page.Form = formOf(d)
	if page.Workflow, err = s.workflowPanel(ctx, rq, documentFlow, d.Item()); err != nil {
		return nil, err
	}
	if page.Revisions, err = s.documents.FindDocumentRevisions(ctx, rq.site.ID, d.ID); err != nil {
		return nil, err
	}
	if d.IsPublic(s.now()) {
		page.PublicURL = d.Path()
	}
	return page, s.documentEditing(r, rq, page)
}

// documentEditing fills what the document form carries to keep its
// writer's work, when the actor may save it.
func (s *Server) documentEditing(r *http.Request, rq *request, page *render.AdminDocumentEditPage) error {
	if !page.CanSave {
		return nil
	}
	var id, version int64
	if d := page.Doc; d != nil {
		id, version = d.ID, d.Version
		withSteps(&page.Workflow, true, r)
	}
	var err error
	page.Edit, err = s.editState(r, rq, congtin.KindDocument, id, version)
	return err
}

// restoreDocument shows the writer's draft in the form, when asked to
// (its text: files are never part of a draft).
func (s *Server) restoreDocument(r *http.Request, rq *request, page *render.AdminDocumentEditPage) {
	if d := restoring(r, &page.Edit); d != nil {
		_, form, _ := s.documentInput(r, rq, &documentUpload{values: d.Values})
		page.Form, page.Flash = form, restoredFlash(d)+" Các tệp đính kèm chưa lưu không được giữ lại; hãy chọn lại."
	}
}

// documentConflict compares the form refused with the document stored
// meanwhile.
func (s *Server) documentConflict(r *http.Request, rq *request, cur *congtin.Document, form *render.DocumentForm, page *render.AdminDocumentEditPage) (*render.Conflict, error) {
	revs, err := s.documents.FindDocumentRevisions(r.Context(), rq.site.ID, cur.ID)
	if err != nil {
		return nil, err
	}
	c := &render.Conflict{}
	c.By, c.At = whoSaved(revs, func(rev *congtin.DocumentRevision) (string, time.Time) { return rev.UserName, rev.CreatedAt }, cur.UpdatedAt)
	stored := formOf(cur)
	term := func(ts []*congtin.DocumentTerm, id int64) string {
		for _, t := range ts {
			if t.ID == id {
				return t.Name
			}
		}
		return ""
	}
	links := func(f *render.DocumentForm) string {
		var b strings.Builder
		for _, kind := range congtin.LinkKinds {
			for _, line := range strings.Split(f.Links[kind], "\n") {
				if line = strings.TrimSpace(line); line != "" {
					b.WriteString(congtin.LinkName(kind, false) + " " + line + "; ")
				}
			}
		}
		return strings.TrimSuffix(b.String(), "; ")
	}
	c.Compare("Số, ký hiệu", form.Number, stored.Number, false)
	c.Compare("Loại văn bản", term(page.Types, form.TypeID), term(page.Types, stored.TypeID), false)
	c.Compare("Trích yếu", form.Summary, stored.Summary, false)
	c.Compare("Cơ quan ban hành", form.Issuer, stored.Issuer, false)
	c.Compare("Người ký", form.Signer, stored.Signer, false)
	c.Compare("Ngày ban hành", form.IssuedOn, stored.IssuedOn, false)
	c.Compare("Ngày hiệu lực", form.EffectiveOn, stored.EffectiveOn, false)
	c.Compare("Ngày hết hiệu lực", form.ExpiresOn, stored.ExpiresOn, false)
	c.Compare("Lĩnh vực", term(page.Fields, form.FieldID), term(page.Fields, stored.FieldID), false)
	c.Compare("Văn bản liên quan", links(form), links(&stored), false)
	return c, nil
}

// formOf fills the form with a stored document.
func formOf(d *congtin.Document) render.DocumentForm {
	f := render.DocumentForm{TypeID: d.TypeID, FieldID: d.FieldID, Number: d.Number, Issuer: d.Issuer, Signer: d.Signer,
		IssuedOn: congtin.DayString(d.IssuedOn), EffectiveOn: congtin.DayString(d.EffectiveOn), ExpiresOn: congtin.DayString(d.ExpiresOn),
		Summary: d.Summary, Links: map[string]string{}}
	for _, l := range d.Links {
		f.Links[l.Kind] += "#" + strconv.FormatInt(l.ID, 10) + " " + l.Number + "\n"
	}
	return f
}

// canAddDocument refuses an actor who may not add documents.
func canAddDocument(rq *request) error {
	if congtin.CanDocument(rq.actor, congtin.ActCreate, nil) {
		return nil
	}
	return congtin.Errorf(congtin.EFORBIDDEN, "Bạn không có quyền thêm văn bản.")
}

func (s *Server) handleNewDocument(w http.ResponseWriter, r *http.Request, rq *request) {
	err := canAddDocument(rq)
	var page *render.AdminDocumentEditPage
	if err == nil {
		page, err = s.documentEditPage(r, rq, nil)
	}
	if err == nil {
		s.restoreDocument(r, rq, page)
	}
	s.show(w, r, rq, "admin/document_edit", page, err)
}

func (s *Server) handleEditDocument(w http.ResponseWriter, r *http.Request, rq *request) {
	d, err := s.loadDocument(r, rq)
	var page *render.AdminDocumentEditPage
	if err == nil {
		page, err = s.documentEditPage(r, rq, d)
	}
	if err == nil {
		s.restoreDocument(r, rq, page)
	}
	s.show(w, r, rq, "admin/document_edit", page, err)
}

// documentUpload is a read document form: its values and the spooled files.
type documentUpload struct {
	values  url.Values
	files   []*docfile.Upload
	tooBig  bool
	refused error // an attachment refused by its content
}

func (u *documentUpload) close() {
	for _, f := range u.files {
		f.Close()
	}
}

// readDocumentForm reads a multipart document form part by part: text
// fields into memory within maxFormValues, each file straight into a
// temporary file, stopping at the size limit. A request announcing more
// than every allowed file together is refused before anything is read.
func (s *Server) readDocumentForm(w http.ResponseWriter, r *http.Request) (*documentUpload, error) {
	return readUploadForm(w, r, s.fileMaxBytes(), docfile.Sniff)
}

// readUploadForm is readDocumentForm with another size limit and
// sniffer: the open-data catalogue's files are read alike.
func readUploadForm(w http.ResponseWriter, r *http.Request, limit int64, sniff func(io.ReaderAt, int64) (string, error)) (*documentUpload, error) {
	total := limit*maxFilesPerSave + maxFormValues + maxUploadOverhead
	u := &documentUpload{values: url.Values{}}
	if r.ContentLength > total {
		u.tooBig = true
		return u, nil
	}
	r.Body = http.MaxBytesReader(w, r.Body, total)
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct != "multipart/form-data" {
		if err := r.ParseForm(); err != nil {
			return nil, congtin.Errorf(congtin.EINVALID, "Dữ liệu gửi lên không hợp lệ.")
		}
		u.values = r.PostForm
		return u, nil
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, congtin.Errorf(congtin.EINVALID, "Dữ liệu gửi lên không hợp lệ.")
	}
	valueBytes := 0
	for parts := 0; ; parts++ {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			u.tooBig = true
			return u, nil
		}
		if err != nil || parts > maxFormParts {
			u.close()
			return nil, congtin.Errorf(congtin.EINVALID, "Dữ liệu gửi lên không hợp lệ hoặc bị cắt ngang.")
		}
		name := p.FormName()
		if name == "files" {
			if p.FileName() == "" {
				continue // the empty file input of a form sent without a file
			}
			if len(u.files) >= maxFilesPerSave {
				u.close()
				return nil, congtin.Errorf(congtin.EINVALID, "Mỗi lần lưu đính kèm được tối đa %d tệp.", maxFilesPerSave)
			}
			// Only stored here: the text is read in the background
			// (pdftotext, OCR of scans), never in this request.
			up, err := docfile.ReceiveAs("", p.FileName(), p, limit, sniff)
			switch {
			case errors.Is(err, docfile.ErrTooLarge) || errors.As(err, &mbe):
				u.tooBig = true
				return u, nil
			case congtin.ErrorCode(err) == congtin.EINVALID:
				u.refused = congtin.Errorf(congtin.EINVALID, "Tệp “%s”: %s", docfile.CleanName(p.FileName()), congtin.ErrorMessage(err))
				return u, nil
			case err != nil:
				u.close()
				return nil, err
			}
			u.files = append(u.files, up)
			continue
		}
		b, err := io.ReadAll(io.LimitReader(p, int64(maxFormValues-valueBytes+1)))
		if errors.As(err, &mbe) {
			u.tooBig = true
			return u, nil
		}
		valueBytes += len(b)
		if err != nil || valueBytes > maxFormValues {
			u.close()
			return nil, congtin.Errorf(congtin.EINVALID, "Nội dung các ô nhập quá lớn (tối đa 1 MB).")
		}
		u.values.Add(name, string(b))
	}
	return u, nil
}

// parseRefs reads one link box: one document a line, "#ID" or its number.
func (s *Server) parseRefs(r *http.Request, rq *request, kind, text string, fe congtin.FieldErrors) []congtin.DocumentLinkInput {
	var out []congtin.DocumentLinkInput
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if id, msg := s.documentRef(r, rq, line); msg != "" {
			fe["links"] = msg
		} else {
			out = append(out, congtin.DocumentLinkInput{Kind: kind, TargetID: id})
		}
	}
	return out
}

func clipText(s string) string {
	s = strings.ToValidUTF8(s, "")
	if utf8.RuneCountInString(s) > 60 {
		return string([]rune(s)[:60]) + "…"
	}
	return s
}

// documentInput turns the form into the store's input; field errors it
// finds itself (an unreadable day, an unknown reference) come back too.
func (s *Server) documentInput(r *http.Request, rq *request, u *documentUpload) (congtin.DocumentInput, render.DocumentForm, congtin.FieldErrors) {
	v := func(k string) string { return strings.TrimSpace(u.values.Get(k)) }
	fe := congtin.FieldErrors{}
	form := render.DocumentForm{Number: v("number"), Issuer: v("issuer"), Signer: v("signer"), IssuedOn: v("issued_on"),
		EffectiveOn: v("effective_on"), ExpiresOn: v("expires_on"), Summary: v("summary"), Links: map[string]string{}}
	in := congtin.DocumentInput{Number: form.Number, Issuer: form.Issuer, Signer: form.Signer, Summary: form.Summary}
	id := func(field, text string) int64 {
		if text == "" || text == "0" {
			return 0
		}
		n, err := strconv.ParseInt(text, 10, 64)
		if err != nil || n <= 0 {
			fe[field] = "Giá trị không hợp lệ."
		}
		return n
	}
	in.TypeID, in.FieldID = id("type_id", v("type_id")), id("field_id", v("field_id"))
	form.TypeID, form.FieldID = in.TypeID, in.FieldID
	for _, d := range []struct{ field, label, text string }{
		{"issued_on", "Ngày ban hành", form.IssuedOn}, {"effective_on", "Ngày hiệu lực", form.EffectiveOn}, {"expires_on", "Ngày hết hiệu lực", form.ExpiresOn}} {
		t, ok := congtin.ParseDay(d.text)
		if !ok {
			fe[d.field] = d.label + " không hợp lệ: “" + clipText(d.text) + "”. Hãy chọn một ngày có thật, dạng năm-tháng-ngày."
			continue
		}
		switch d.field {
		case "issued_on":
			in.IssuedOn = t
		case "effective_on":
			in.EffectiveOn = t
		case "expires_on":
			in.ExpiresOn = t
		}
	}
	for _, kind := range congtin.LinkKinds {
		text := u.values.Get("links_" + kind)
		form.Links[kind] = strings.ToValidUTF8(text, "\uFFFD")
		in.Links = append(in.Links, s.parseRefs(r, rq, kind, text, fe)...)
	}
	for _, x := range u.values["remove_file"] {
		if fid, err := strconv.ParseInt(x, 10, 64); err == nil && fid > 0 {
			in.RemoveFiles = append(in.RemoveFiles, fid)
		}
	}
	for _, f := range u.files {
		in.AddFiles = append(in.AddFiles, f.Input())
	}
	repair(&form.Number, &form.Issuer, &form.Signer, &form.IssuedOn, &form.EffectiveOn, &form.ExpiresOn, &form.Summary)
	return in, form, fe
}

// saveDocument is the create and save handlers' common path: read the
// form and the files, check everything, store the files, then the
// document in one transaction. On any refusal nothing is stored and the
// form comes back with the messages.
func (s *Server) saveDocument(w http.ResponseWriter, r *http.Request, rq *request, d *congtin.Document) {
	u, err := s.readDocumentForm(w, r)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	defer u.close()
	// The form's own fields, for the version and the step it asks for.
	r.PostForm = u.values
	if u.tooBig {
		// The rest of the body is left unread: the connection closes.
		w.Header().Set("Connection", "close")
		s.documentFormError(w, r, rq, d, nil, http.StatusRequestEntityTooLarge,
			congtin.Errorf(congtin.EINVALID, "Tệp đính kèm quá lớn: mỗi tệp tối đa %d MB, mỗi lần lưu tối đa %d tệp. Văn bản chưa được lưu.", s.fileMaxBytes()>>20, maxFilesPerSave), nil)
		return
	}
	if u.refused != nil {
		s.documentFormError(w, r, rq, d, nil, http.StatusBadRequest, u.refused, congtin.FieldErrors{"files": congtin.ErrorMessage(u.refused)})
		return
	}
	in, form, fe := s.documentInput(r, rq, u)
	if len(fe) == 0 {
		in.Normalize()
		var ve *congtin.ValidationError
		if verr := in.Validate(s.now()); errors.As(verr, &ve) {
			err, fe = verr, ve.Fields
		}
	}
	if len(fe) > 0 || err != nil {
		s.documentFormError(w, r, rq, d, &form, http.StatusBadRequest, err, fe)
		return
	}
	// The files first, the row after: a row never names a missing file.
	// What this save added is taken back when the row is not written.
	added := &blob.Added{Store: s.Blobs}
	for _, f := range u.files {
		if err := f.Save(r.Context(), docfile.Files{Blobs: added}); err != nil {
			s.takeBack(r, added)
			s.error(w, r, rq, err)
			return
		}
	}
	in.Version = formVersion(u.values)
	st, stepping := stepOf(r)
	var saved *congtin.Document
	var it *congtin.Item
	var wrote bool
	switch {
	case d == nil:
		saved, err = s.documents.CreateDocument(r.Context(), rq.actor, rq.site.ID, in)
	case stepping:
		// A button of the workflow panel: the form is saved with the
		// step, in one transaction.
		it, wrote, err = s.documents.UpdateDocumentStep(r.Context(), rq.actor, rq.site.ID, d.ID, in, st)
	default:
		saved, err = s.documents.UpdateDocument(r.Context(), rq.actor, rq.site.ID, d.ID, in)
	}
	if err != nil {
		s.takeBack(r, added)
		if congtin.ErrorCode(err) != congtin.EINVALID && !isEdited(err) {
			s.error(w, r, rq, err)
			return
		}
		var ve *congtin.ValidationError
		if errors.As(err, &ve) {
			fe = ve.Fields
		}
		s.documentFormError(w, r, rq, d, &form, http.StatusBadRequest, err, fe)
		return
	}
	msg := "Đã lưu văn bản."
	if d == nil {
		msg = "Đã lưu văn bản (nháp)."
	}
	if it != nil {
		saved, msg = d, stepped(documentFlow, it.Ref, st.Act, it, wrote, s.now())
	}
	if len(u.files) > 0 {
		msg += " Chữ trong tệp đính kèm đang được đọc (nhận dạng); văn bản sẽ tìm được theo nội dung tệp khi xong."
	}
	s.redirect(w, r, documentURL(saved.ID), msg)
}

// documentFormError shows the form again with what was typed (when it was
// read) and the messages.
func (s *Server) documentFormError(w http.ResponseWriter, r *http.Request, rq *request, d *congtin.Document, form *render.DocumentForm, status int, err error, fe congtin.FieldErrors) {
	if isEdited(err) {
		// Someone saved meanwhile: the page shows what is stored now
		// beside the form.
		cur, ferr := s.documents.FindDocumentByID(r.Context(), rq.site.ID, d.ID)
		if ferr != nil {
			s.error(w, r, rq, ferr)
			return
		}
		d, status = cur, http.StatusConflict
	}
	page, perr := s.documentEditPage(r, rq, d)
	if perr != nil {
		s.error(w, r, rq, perr)
		return
	}
	var conflict *render.Conflict
	if form != nil {
		page.Form = *form
		if isEdited(err) {
			if conflict, perr = s.documentConflict(r, rq, d, form, page); perr != nil {
				s.error(w, r, rq, perr)
				return
			}
		}
	}
	var stored int64
	if d != nil {
		stored = d.Version
	}
	typed := formVersion(r.PostForm)
	if form == nil {
		// The form could not be read: the page shows the stored document.
		typed = stored
	}
	refused(&page.Edit, typed, conflict, stored)
	msg := notSaved(err)
	if len(fe) > 0 || err != nil {
		msg += " Các tệp đã chọn chưa được lưu; hãy chọn lại."
	}
	page.Refuse(msg, fe)
	s.render(w, r, status, "admin/document_edit", page)
}

func (s *Server) handleCreateDocument(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := canAddDocument(rq); err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.saveDocument(w, r, rq, nil)
}

func (s *Server) handleSaveDocument(w http.ResponseWriter, r *http.Request, rq *request) {
	d, err := s.loadDocument(r, rq)
	if err == nil && !congtin.CanDocument(rq.actor, congtin.ActEdit, d) {
		err = congtin.Errorf(congtin.EFORBIDDEN, "Bạn không có quyền sửa văn bản ở trạng thái “%s”.", congtin.StatusName(d.Status))
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.saveDocument(w, r, rq, d)
}

// documentFlow is the documents register's part in the workflow.
var documentFlow = &flowKind{
	kind: congtin.KindDocument, heading: "Duyệt văn bản", headingID: "duyet",
	object: func(congtin.Ref) string { return "văn bản" },
	ref:    refOf((*Server).loadDocument),
	url:    func(ref congtin.Ref) string { return documentURL(ref.ID) },
}

// documentURL is a document's edit page.
func documentURL(id int64) string { return "/admin/van-ban/" + strconv.FormatInt(id, 10) }

// handleAdminDocumentFile lets the newsroom open an attachment of a
// document in any state, served as the public download is.
func (s *Server) handleAdminDocumentFile(w http.ResponseWriter, r *http.Request, rq *request) {
	d, err := s.loadDocument(r, rq)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	fid, _ := strconv.ParseInt(r.PathValue("file"), 10, 64)
	for _, f := range d.Files {
		if f.ID == fid {
			if err := docfile.Serve(w, r, docfile.Files{Blobs: s.Blobs}, f, false); err != nil {
				s.error(w, r, rq, err)
			}
			return
		}
	}
	s.error(w, r, rq, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy tệp đính kèm."))
}

func (s *Server) handleDocumentLists(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := manager(rq); err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.renderDocumentLists(w, r, rq, http.StatusOK, nil)
}

func (s *Server) renderDocumentLists(w http.ResponseWriter, r *http.Request, rq *request, status int, err error) {
	page := &render.AdminDocumentListsPage{AdminBase: rq.base("Danh mục văn bản", "document_lists")}
	page.Flash = s.flash(r)
	if err != nil {
		page.Error = congtin.ErrorMessage(err)
		var ve *congtin.ValidationError
		if errors.As(err, &ve) {
			for _, m := range ve.Fields {
				page.Error = m
			}
		}
	}
	for _, g := range []render.TermGroup{{List: congtin.ListTypes, Label: "Loại văn bản"}, {List: congtin.ListFields, Label: "Lĩnh vực"},
		{List: congtin.ListThemes, Label: "Chủ đề dữ liệu mở"}} {
		terms, lerr := s.documents.FindDocumentTerms(r.Context(), rq.site.ID, g.List)
		if lerr != nil {
			s.error(w, r, rq, lerr)
			return
		}
		g.Terms = terms
		page.Groups = append(page.Groups, g)
	}
	s.render(w, r, status, "admin/document_lists", page)
}

func (s *Server) handleSaveDocumentTerm(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := allowedForm(w, r, rq, manager); err != nil {
		s.error(w, r, rq, err)
		return
	}
	id, _ := strconv.ParseInt(formValue(r, "id"), 10, 64)
	pos, err := strconv.Atoi(formValue(r, "position"))
	if err != nil {
		pos = -1
	}
	if formValue(r, "position") == "" {
		pos = 0
	}
	_, err = s.documents.SaveDocumentTerm(r.Context(), rq.actor, rq.site.ID, formValue(r, "list"), id, formValue(r, "name"), pos)
	if err != nil {
		if c := congtin.ErrorCode(err); c != congtin.EINVALID && c != congtin.ENOTFOUND {
			s.error(w, r, rq, err)
			return
		}
		s.renderDocumentLists(w, r, rq, http.StatusBadRequest, err)
		return
	}
	s.redirect(w, r, "/admin/danh-muc-van-ban", "Đã lưu danh mục.")
}

func (s *Server) handleDeleteDocumentTerm(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := allowedForm(w, r, rq, manager); err != nil {
		s.error(w, r, rq, err)
		return
	}
	id, _ := strconv.ParseInt(formValue(r, "id"), 10, 64)
	if err := s.documents.DeleteDocumentTerm(r.Context(), rq.actor, rq.site.ID, formValue(r, "list"), id); err != nil {
		if c := congtin.ErrorCode(err); c != congtin.ECONFLICT && c != congtin.ENOTFOUND && c != congtin.EINVALID {
			s.error(w, r, rq, err)
			return
		}
		s.renderDocumentLists(w, r, rq, http.StatusConflict, err)
		return
	}
	s.redirect(w, r, "/admin/danh-muc-van-ban", "Đã xóa khỏi danh mục.")
}
