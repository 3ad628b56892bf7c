package admin

import (
	"net/http"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// articleStatuses are the articles list's states: the workflow's, with
// the published ones whose time is still ahead apart (Hẹn giờ).
var articleStatuses = []string{congtin.StatusDraft, congtin.StatusSubmitted, congtin.StatusReturned, congtin.StatusScheduled,
	congtin.StatusPublished, congtin.StatusUnpublished}

// handleArticles lists the site's articles (a reporter's own), newest
// change first: searched and filtered as the URL says, with the report
// of the last bulk action.
func (s *Server) handleArticles(w http.ResponseWriter, r *http.Request, rq *request) {
	ctx := r.Context()
	q := r.URL.Query()
	pageNo, err := listPage(q)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	lq := readListQuery(q, articleStatuses, []string{byChange, byPublication})
	lq.form.Path, lq.form.Mine = articleList.path, "Bài của tôi"
	lq.form.Category = lq.id(q, "chuyen-muc", "Chuyên mục không hợp lệ.")
	cats, err := s.articles.FindCategories(ctx, rq.site.ID)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	f := congtin.AdminArticleFilter{SiteID: rq.site.ID, Q: lq.form.Q, CreatedBy: lq.writer(rq), From: lq.from, To: lq.to,
		ByPublication: lq.form.By == byPublication, Offset: (pageNo - 1) * adminPageSize, Limit: adminPageSize}
	f.Status = lq.form.Status
	if id := lq.form.Category; id != 0 {
		if congtin.Categories(cats).ByID(id) == nil {
			lq.errs["chuyen-muc"] = "Chuyên mục này không còn tồn tại."
			lq.form.Category = 0
		} else {
			f.CategoryIDs = congtin.Categories(cats).Subtree(id)
		}
	}
	as, total, err := s.articles.FindAdminArticles(ctx, f)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	st, err := s.loadStaff(ctx, rq)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	page := &render.ArticlesPage{AdminBase: rq.base("Bài viết", "articles"), Filter: lq.form, Cats: render.CategoryTree(cats),
		Writers: st.options, MineURL: mineURL(articleList.path, rq), Bulk: articleList.bulkForm(rq, listURL(articleList.path, q)),
		Report: takeReport(w, r, articleList), Pager: adminPager(articleList.path, q, pageNo, total), Total: total}
	page.Bulk.Cats = page.Cats
	for _, a := range as {
		row := render.ArticleRow{Article: a, Writer: st.name(ctx, a.CreatedBy)}
		if c := congtin.Categories(cats).ByID(a.CategoryID); c != nil {
			row.Category = c.Name
		}
		page.Rows = append(page.Rows, row)
	}
	page.Flash = s.flash(r)
	status := http.StatusOK
	if msg := lq.message(); msg != "" {
		page.Refuse(msg, lq.errs)
		status = http.StatusBadRequest
	}
	s.render(w, r, status, "admin/articles", page)
}
