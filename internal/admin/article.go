package admin

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

const adminPageSize = 30

func (s *Server) handleDashboard(w http.ResponseWriter, r *http.Request, rq *request) {
	ctx := r.Context()
	page := &render.DashboardPage{AdminBase: rq.base("Tổng quan", "dashboard"), Counts: map[string]int{}}
	page.Flash = flash(r)
	var err error
	if page.Mine, _, err = s.Store.FindAdminArticles(ctx, congtin.AdminArticleFilter{SiteID: rq.site.ID, CreatedBy: rq.actor.User.ID, Limit: 20}); err != nil {
		s.error(w, r, rq, err)
		return
	}
	if page.CanEdit {
		if page.Pending, _, err = s.Store.FindAdminArticles(ctx, congtin.AdminArticleFilter{SiteID: rq.site.ID, Status: congtin.StatusSubmitted, Limit: 50}); err != nil {
			s.error(w, r, rq, err)
			return
		}
	}
	for _, st := range []string{congtin.StatusDraft, congtin.StatusSubmitted, congtin.StatusReturned, congtin.StatusPublished, congtin.StatusUnpublished} {
		_, n, err := s.Store.FindAdminArticles(ctx, congtin.AdminArticleFilter{SiteID: rq.site.ID, Status: st, Limit: 1})
		if err != nil {
			s.error(w, r, rq, err)
			return
		}
		page.Counts[st] = n
	}
	s.render(w, r, http.StatusOK, "admin/dashboard", page)
}

func (s *Server) handleArticles(w http.ResponseWriter, r *http.Request, rq *request) {
	q := r.URL.Query()
	status, pageNo, err := listStatusPage(q)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	f := congtin.AdminArticleFilter{SiteID: rq.site.ID, Status: status, Offset: (pageNo - 1) * adminPageSize, Limit: adminPageSize}
	// Reporters see their own articles only.
	if !congtin.AtLeast(rq.actor.Role, congtin.RoleEditor) && !rq.actor.User.SuperAdmin {
		f.CreatedBy = rq.actor.User.ID
	}
	as, total, err := s.Store.FindAdminArticles(r.Context(), f)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	page := &render.ArticlesPage{AdminBase: rq.base("Bài viết", "articles"), Status: status, Articles: as, Total: total,
		Pager: adminPager("/admin/bai-viet", q, pageNo, total)}
	page.Flash = flash(r)
	s.render(w, r, http.StatusOK, "admin/articles", page)
}

// listPage reads a list's page number ("trang"; 1 when absent).
func listPage(q url.Values) (int, error) {
	v := q.Get("trang")
	if v == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 100000 {
		return 0, congtin.Errorf(congtin.EINVALID, "Số trang không hợp lệ.")
	}
	return n, nil
}

// listStatusPage reads the workflow status filter ("trang-thai"; empty
// for all) and the page number of the articles, documents and questions
// lists.
func listStatusPage(q url.Values) (string, int, error) {
	status := q.Get("trang-thai")
	if status != "" && !congtin.ValidStatus(status) {
		return "", 0, congtin.Errorf(congtin.EINVALID, "Trạng thái không hợp lệ.")
	}
	pageNo, err := listPage(q)
	return status, pageNo, err
}

// adminPager builds simple page links.
func adminPager(path string, q url.Values, page, total int) render.Pager {
	n := (total + adminPageSize - 1) / adminPageSize
	p := render.Pager{Page: page, Pages: n}
	link := func(i int) string {
		v := url.Values{}
		for k, vs := range q {
			v[k] = vs
		}
		v.Set("trang", strconv.Itoa(i))
		return path + "?" + v.Encode()
	}
	if page > 1 {
		p.PrevURL = link(page - 1)
	}
	if page < n {
		p.NextURL = link(page + 1)
	}
	for i := max(1, page-3); i <= min(n, page+3); i++ {
		p.Links = append(p.Links, render.PageLink{Page: i, URL: link(i), Current: i == page})
	}
	return p
}

// vnLayouts are the forms a datetime-local input sends.
var vnLayouts = []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"}

// parseLocalTime reads a datetime-local value as Vietnam time.
func parseLocalTime(v string) (time.Time, bool) {
	for _, l := range vnLayouts {
		if t, err := time.ParseInLocation(l, v, congtin.VietnamZone); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func localTimeValue(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(congtin.VietnamZone).Format("2006-01-02T15:04:05")
}

// readArticleForm reads the article form; field errors it finds itself
// (an unreadable time, a non-numeric category) come back with the input.
func readArticleForm(r *http.Request) (congtin.ArticleInput, string, congtin.FieldErrors) {
	fe := congtin.FieldErrors{}
	in := congtin.ArticleInput{
		Title: formValue(r, "title"), Lead: formValue(r, "lead"), Body: r.PostForm.Get("body"),
		Author: formValue(r, "author"), Image: formValue(r, "image"), Slug: formValue(r, "slug"),
		Featured: r.PostForm.Get("featured") != "",
	}
	if v := formValue(r, "category_id"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			fe["category_id"] = "Hãy chọn chuyên mục."
		}
		in.CategoryID = id
	}
	at := formValue(r, "published_at")
	if at != "" {
		t, ok := parseLocalTime(at)
		if !ok {
			fe["published_at"] = "Thời gian không hợp lệ; hãy chọn ngày và giờ."
		}
		in.PublishedAt = t
	}
	return in, at, fe
}

// editPage prepares the article form page.
func (s *Server) editPage(r *http.Request, rq *request, a *congtin.Article) (*render.ArticleEditPage, error) {
	ctx := r.Context()
	cats, err := s.Store.FindCategories(ctx, rq.site.ID)
	if err != nil {
		return nil, err
	}
	title := "Viết bài mới"
	section := "new"
	if a != nil {
		title, section = "Sửa: "+a.Title, "articles"
	}
	page := &render.ArticleEditPage{AdminBase: rq.base(title, section), Article: a, Cats: cats}
	page.Flash = flash(r)
	if a == nil {
		page.CanSave = congtin.Can(rq.actor, congtin.ActCreate, nil)
		page.Input.Author = rq.actor.User.DisplayName
		return page, nil
	}
	page.CanSave = congtin.Can(rq.actor, congtin.ActEdit, a.Item())
	page.Input = congtin.ArticleInput{CategoryID: a.CategoryID, Title: a.Title, Lead: a.Lead, Body: a.Body, Author: a.Author,
		Image: a.Image, Slug: a.Slug, Featured: a.Featured, PublishedAt: a.PublishedAt}
	// A draft's stored time is only a placeholder (its creation) unless
	// someone chose one; an empty field says "at publication".
	if a.Status == congtin.StatusPublished || a.Status == congtin.StatusUnpublished || a.PublishedAt.Sub(a.CreatedAt) > time.Second || a.CreatedAt.Sub(a.PublishedAt) > time.Second {
		page.PublishAt = localTimeValue(a.PublishedAt)
	}
	if page.Workflow, err = s.workflowPanel(ctx, rq, articleFlow, a.Item()); err != nil {
		return nil, err
	}
	if a.IsPublic(s.now()) {
		if c := congtin.Categories(cats).ByID(a.CategoryID); c != nil {
			page.PublicURL = a.Path(c.Slug)
		}
	}
	return page, nil
}

// keepTyped puts what the user typed back into the form after an error,
// with invalid UTF-8 repaired so the page itself stays valid.
func keepTyped(page *render.ArticleEditPage, in congtin.ArticleInput, at string, err error, fe congtin.FieldErrors) {
	fix := func(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }
	in.Title, in.Lead, in.Body, in.Author, in.Image, in.Slug = fix(in.Title), fix(in.Lead), fix(in.Body), fix(in.Author), fix(in.Image), fix(in.Slug)
	page.Input = in
	page.PublishAt = fix(at)
	page.Errors = congtin.FieldErrors{}
	for k, v := range fe {
		page.Errors[k] = v
	}
	if ve, ok := err.(*congtin.ValidationError); ok {
		for k, v := range ve.Fields {
			page.Errors[k] = v
		}
	}
	page.Error = "Chưa lưu được: " + congtin.ErrorMessage(err)
	if err == nil {
		page.Error = "Chưa lưu được: thông tin nhập chưa hợp lệ; xem các thông báo bên dưới từng ô."
	}
}

func (s *Server) handleNewArticle(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := can(rq, congtin.ActCreate, nil); err != nil {
		s.error(w, r, rq, err)
		return
	}
	page, err := s.editPage(r, rq, nil)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.render(w, r, http.StatusOK, "admin/article_edit", page)
}

func (s *Server) handleCreateArticle(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := can(rq, congtin.ActCreate, nil); err != nil {
		s.error(w, r, rq, err)
		return
	}
	if err := parseForm(w, r); err != nil {
		s.error(w, r, rq, err)
		return
	}
	in, at, fe := readArticleForm(r)
	var a *congtin.Article
	var err error
	if len(fe) == 0 {
		a, err = s.Store.CreateArticle(r.Context(), rq.actor, rq.site.ID, in)
	}
	if len(fe) > 0 || err != nil {
		s.articleFormError(w, r, rq, nil, in, at, fe, err)
		return
	}
	redirect(w, r, "/admin/bai-viet/"+strconv.FormatInt(a.ID, 10), "Đã lưu bài viết (nháp).")
}

// articleFormError shows the form again with what was typed and the
// messages; errors other than invalid input get the error page.
func (s *Server) articleFormError(w http.ResponseWriter, r *http.Request, rq *request, a *congtin.Article,
	in congtin.ArticleInput, at string, fe congtin.FieldErrors, err error) {
	if err != nil && congtin.ErrorCode(err) != congtin.EINVALID {
		s.error(w, r, rq, err)
		return
	}
	page, perr := s.editPage(r, rq, a)
	if perr != nil {
		s.error(w, r, rq, perr)
		return
	}
	keepTyped(page, in, at, err, fe)
	s.render(w, r, http.StatusBadRequest, "admin/article_edit", page)
}

// loadArticle reads the {id} path value and the article of the site.
func (s *Server) loadArticle(r *http.Request, rq *request) (*congtin.Article, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy bài viết.")
	}
	return s.Store.FindArticleByID(r.Context(), rq.site.ID, id)
}

// canSee lets reporters open only their own articles.
func canSee(rq *request, a *congtin.Article) error {
	if rq.actor.User.SuperAdmin || congtin.AtLeast(rq.actor.Role, congtin.RoleEditor) || a.CreatedBy == rq.actor.User.ID {
		return nil
	}
	return congtin.Errorf(congtin.EFORBIDDEN, "Bạn chỉ xem được bài viết của mình.")
}

func (s *Server) handleEditArticle(w http.ResponseWriter, r *http.Request, rq *request) {
	a, err := s.loadArticle(r, rq)
	if err == nil {
		err = canSee(rq, a)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	page, err := s.editPage(r, rq, a)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.render(w, r, http.StatusOK, "admin/article_edit", page)
}

func (s *Server) handleSaveArticle(w http.ResponseWriter, r *http.Request, rq *request) {
	a, err := s.loadArticle(r, rq)
	if err == nil {
		err = can(rq, congtin.ActEdit, a.Item())
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	if err := parseForm(w, r); err != nil {
		s.error(w, r, rq, err)
		return
	}
	in, at, fe := readArticleForm(r)
	if len(fe) == 0 {
		_, err = s.Store.UpdateArticle(r.Context(), rq.actor, rq.site.ID, a.ID, in)
	}
	if len(fe) > 0 || err != nil {
		s.articleFormError(w, r, rq, a, in, at, fe, err)
		return
	}
	redirect(w, r, "/admin/bai-viet/"+strconv.FormatInt(a.ID, 10), "Đã lưu bài viết.")
}

// articleFlow is the articles' part in the workflow.
var articleFlow = &flowKind{
	kind: congtin.KindArticle, heading: "Duyệt bài", headingID: "duyet-bai", schedulable: true,
	object: func(congtin.Ref) string { return "bài" },
	ref: func(s *Server, r *http.Request, rq *request) (congtin.Ref, error) {
		a, err := s.loadArticle(r, rq)
		if err != nil {
			return congtin.Ref{}, err
		}
		return a.Item().Ref, nil
	},
	url: func(ref congtin.Ref) string { return "/admin/bai-viet/" + strconv.FormatInt(ref.ID, 10) },
}

// articleStepRefused shows the article's edit page again with a refused
// step's reason.
func (s *Server) articleStepRefused(w http.ResponseWriter, r *http.Request, rq *request, ref congtin.Ref, errs congtin.FieldErrors, msg string) {
	a, err := s.Store.FindArticleByID(r.Context(), rq.site.ID, ref.ID)
	var page *render.ArticleEditPage
	if err == nil {
		page, err = s.editPage(r, rq, a)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	page.Errors, page.Error = errs, msg
	s.render(w, r, http.StatusBadRequest, "admin/article_edit", page)
}
