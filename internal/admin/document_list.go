package admin

import (
	"net/http"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// documentStatuses are the documents list's states.
var documentStatuses = []string{congtin.StatusDraft, congtin.StatusSubmitted, congtin.StatusReturned, congtin.StatusPublished, congtin.StatusUnpublished}

// handleDocuments lists the register's documents (a reporter's own),
// newest change first: searched by number and summary and filtered as
// the URL says, with the report of the last bulk action.
func (s *Server) handleDocuments(w http.ResponseWriter, r *http.Request, rq *request) {
	ctx := r.Context()
	q := r.URL.Query()
	pageNo, err := listPage(q)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	lq := readListQuery(q, documentStatuses, []string{byChange, byIssue})
	lq.form.Path, lq.form.Mine = documentList.path, "Văn bản của tôi"
	lq.form.Type = lq.id(q, "loai", "Loại văn bản không hợp lệ.")
	lq.form.Field = lq.id(q, "linh-vuc", "Lĩnh vực không hợp lệ.")
	page := &render.AdminDocumentsPage{AdminBase: rq.base("Văn bản", "documents")}
	if page.Types, err = s.documents.FindDocumentTerms(ctx, rq.site.ID, congtin.ListTypes); err != nil {
		s.error(w, r, rq, err)
		return
	}
	if page.Fields, err = s.documents.FindDocumentTerms(ctx, rq.site.ID, congtin.ListFields); err != nil {
		s.error(w, r, rq, err)
		return
	}
	known := func(terms []*congtin.DocumentTerm, id *int64, key, msg string) {
		for _, t := range terms {
			if t.ID == *id {
				return
			}
		}
		if *id != 0 {
			lq.errs[key], *id = msg, 0
		}
	}
	known(page.Types, &lq.form.Type, "loai", "Loại văn bản này không còn trong danh mục.")
	known(page.Fields, &lq.form.Field, "linh-vuc", "Lĩnh vực này không còn trong danh mục.")
	f := congtin.AdminDocumentFilter{SiteID: rq.site.ID, Status: lq.form.Status, CreatedBy: lq.writer(rq), Q: lq.form.Q,
		TypeID: lq.form.Type, FieldID: lq.form.Field, From: lq.from, To: lq.to, ByIssue: lq.form.By == byIssue,
		Offset: (pageNo - 1) * adminPageSize, Limit: adminPageSize}
	ds, total, err := s.documents.FindAdminDocuments(ctx, f)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	st, err := s.loadStaff(ctx, rq)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	page.Filter, page.Writers, page.MineURL, page.Total = lq.form, st.options, mineURL(documentList.path, rq), total
	page.Bulk = documentList.bulkForm(rq, listURL(documentList.path, q))
	page.Report = takeReport(w, r, documentList)
	page.Pager = adminPager(documentList.path, q, pageNo, total)
	for _, d := range ds {
		page.Rows = append(page.Rows, render.DocumentRow{Document: d, Writer: st.name(ctx, d.CreatedBy)})
	}
	page.Flash = s.flash(r)
	status := http.StatusOK
	if msg := lq.message(); msg != "" {
		page.Refuse(msg, lq.errs)
		status = http.StatusBadRequest
	}
	s.render(w, r, status, "admin/documents", page)
}
