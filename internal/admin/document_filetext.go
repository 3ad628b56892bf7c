package admin

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// The text read from an attachment (its PDF text layer, the OCR of its
// scanned pages) is what the register's search finds the document by; an
// editor checks it here, corrects what the machine misread, or has the
// file read again.

// pageMark is the line the form shows between two pages of the text,
// where the stored text holds a form feed; pageMarkRE reads it back,
// whatever number the editor left in it.
const pageMark = "=== Trang %d ==="

var pageMarkRE = regexp.MustCompile(`(?m)^[ \t]*=== Trang \d* ===[ \t]*$\n?`)

// textForForm shows the pages of a stored text with page marks.
func textForForm(text string) (string, int) {
	pages := strings.Split(text, "\f")
	if len(pages) == 1 {
		return text, 1
	}
	var b strings.Builder
	for i, p := range pages {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(strings.Replace(pageMark, "%d", strconv.Itoa(i+1), 1) + "\n")
		b.WriteString(strings.TrimRight(p, "\n"))
		b.WriteString("\n")
	}
	return b.String(), len(pages)
}

// textFromForm turns the page marks back into form feeds.
func textFromForm(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	locs := pageMarkRE.FindAllStringIndex(s, -1)
	if len(locs) == 0 {
		return s
	}
	var pages []string
	if head := strings.TrimSpace(s[:locs[0][0]]); head != "" {
		pages = append(pages, head)
	}
	for i, l := range locs {
		end := len(s)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		pages = append(pages, strings.TrimRight(s[l[1]:end], "\n"))
	}
	return strings.Join(pages, "\f")
}

// fileOf finds the attachment of the request's document.
func (s *Server) fileOf(r *http.Request, rq *request) (*congtin.Document, *congtin.DocumentFile, error) {
	d, err := s.loadDocument(r, rq)
	if err != nil {
		return nil, nil, err
	}
	fid, _ := strconv.ParseInt(r.PathValue("file"), 10, 64)
	for _, f := range d.Files {
		if f.ID == fid {
			ft, err := s.documents.FindDocumentFileText(r.Context(), rq.site.ID, fid)
			return d, ft, err
		}
	}
	return nil, nil, congtin.NotFound(congtin.KindDocumentFile)
}

func (s *Server) handleFileText(w http.ResponseWriter, r *http.Request, rq *request) {
	d, f, err := s.fileOf(r, rq)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	text, _ := textForForm(f.Text)
	s.renderFileText(w, r, rq, http.StatusOK, d, f, text, nil)
}

func (s *Server) renderFileText(w http.ResponseWriter, r *http.Request, rq *request, status int, d *congtin.Document, f *congtin.DocumentFile, text string, err error) {
	page := &render.AdminDocumentFileTextPage{AdminBase: rq.base("Chữ đọc được từ tệp "+f.Name, "documents"), Doc: d, File: f, Text: text,
		CanEdit: congtin.Can(rq.actor, congtin.ActEdit, d.Item())}
	_, page.Pages = textForForm(f.Text)
	page.Flash = s.flash(r)
	if err != nil {
		page.Err = congtin.ErrorMessage(err)
		if ve, ok := err.(*congtin.ValidationError); ok {
			for _, m := range ve.Fields {
				page.Err = m
			}
		}
	}
	s.render(w, r, status, "admin/document_file_text", page)
}

func (s *Server) handleCorrectFileText(w http.ResponseWriter, r *http.Request, rq *request) {
	d, f, err := s.fileOf(r, rq)
	if err == nil {
		err = parseForm(w, r)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	typed := formValue(r, "text")
	err = s.documents.CorrectDocumentFileText(r.Context(), rq.actor, rq.site.ID, d.ID, f.ID, textFromForm(typed))
	if congtin.ErrorCode(err) == congtin.EINVALID {
		s.renderFileText(w, r, rq, http.StatusBadRequest, d, f, typed, err)
		return
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.redirect(w, r, fileTextURL(d.ID, f.ID), "Đã lưu chữ của tệp; tìm kiếm dùng bản này từ bây giờ.")
}

func (s *Server) handleRereadFile(w http.ResponseWriter, r *http.Request, rq *request) {
	d, f, err := s.fileOf(r, rq)
	if err == nil {
		err = parseForm(w, r)
	}
	if err == nil {
		err = s.documents.RereadDocumentFile(r.Context(), rq.actor, rq.site.ID, d.ID, f.ID)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.redirect(w, r, fileTextURL(d.ID, f.ID), "Đã xếp tệp vào hàng đợi để đọc lại; trang này cho biết khi nào xong.")
}

// fileTextURL is an attachment's text page.
func fileTextURL(docID, fileID int64) string {
	return documentURL(docID) + "/tep/" + strconv.FormatInt(fileID, 10) + "/chu"
}
