package admin

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
	"github.com/congtin/congtin/internal/sanitize"
)

const adminPageSize = 30

// articleService is what the articles' pages and API need.
type articleService interface {
	FindAdminArticles(ctx context.Context, f congtin.AdminArticleFilter) ([]*congtin.Article, int, error)
	FindArticleByID(ctx context.Context, siteID, id int64) (*congtin.Article, error)
	FindCategories(ctx context.Context, siteID int64) ([]*congtin.Category, error)
	CreateArticle(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.ArticleInput) (*congtin.Article, error)
	UpdateArticle(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.ArticleInput) (*congtin.Article, error)
	UpdateArticleStep(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.ArticleInput, s congtin.Step) (*congtin.Item, bool, error)
	TransitionArticle(ctx context.Context, actor congtin.Actor, siteID, id int64, act, comment string, publishAt time.Time) (*congtin.Article, error)
	FindRevisions(ctx context.Context, siteID, articleID int64) ([]*congtin.Revision, error)
	FindRevision(ctx context.Context, siteID, id int64) (*congtin.Revision, error)
	RestoreRevision(ctx context.Context, actor congtin.Actor, siteID, revisionID int64) (*congtin.Article, error)
}

// articleURL is an article's edit page.
func articleURL(id int64) string { return "/admin/bai-viet/" + strconv.FormatInt(id, 10) }

func (s *Server) handleDashboard(w http.ResponseWriter, r *http.Request, rq *request) {
	ctx := r.Context()
	page := &render.DashboardPage{AdminBase: rq.base("Tổng quan", "dashboard"), Counts: map[string]int{}}
	page.Flash = s.flash(r)
	var err error
	if page.Mine, _, err = s.articles.FindAdminArticles(ctx, congtin.AdminArticleFilter{SiteID: rq.site.ID, CreatedBy: rq.actor.User.ID, Limit: 20}); err != nil {
		s.error(w, r, rq, err)
		return
	}
	if page.CanEdit {
		if page.Pending, _, err = s.articles.FindAdminArticles(ctx, congtin.AdminArticleFilter{SiteID: rq.site.ID, Status: congtin.StatusSubmitted, Limit: 50}); err != nil {
			s.error(w, r, rq, err)
			return
		}
	}
	for _, st := range []string{congtin.StatusDraft, congtin.StatusSubmitted, congtin.StatusReturned, congtin.StatusScheduled, congtin.StatusPublished, congtin.StatusUnpublished} {
		_, n, err := s.articles.FindAdminArticles(ctx, congtin.AdminArticleFilter{SiteID: rq.site.ID, Status: st, Limit: 1})
		if err != nil {
			s.error(w, r, rq, err)
			return
		}
		page.Counts[st] = n
	}
	s.render(w, r, http.StatusOK, "admin/dashboard", page)
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
// for all, or one of the list's own shown states) and the page number of
// the articles, documents and questions lists.
func listStatusPage(q url.Values, shown ...string) (string, int, error) {
	status := q.Get("trang-thai")
	if status != "" && !congtin.ValidStatus(status) && !slices.Contains(shown, status) {
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
	cats, err := s.articles.FindCategories(ctx, rq.site.ID)
	if err != nil {
		return nil, err
	}
	title := "Viết bài mới"
	section := "new"
	if a != nil {
		title, section = "Sửa: "+a.Title, "articles"
	}
	page := &render.ArticleEditPage{AdminBase: rq.base(title, section), Article: a, Cats: cats}
	page.Flash = s.flash(r)
	if a == nil {
		page.CanSave = congtin.Can(rq.actor, congtin.ActCreate, nil)
		page.Input.Author = rq.actor.User.DisplayName
		return page, s.articleEditing(r, rq, page)
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
	return page, s.articleEditing(r, rq, page)
}

func (s *Server) handleNewArticle(w http.ResponseWriter, r *http.Request, rq *request) {
	err := can(rq, congtin.ActCreate, nil)
	var page *render.ArticleEditPage
	if err == nil {
		page, err = s.editPage(r, rq, nil)
	}
	if err == nil {
		restoreArticle(r, page)
	}
	s.show(w, r, rq, "admin/article_edit", page, err)
}

// loadArticle reads the {id} path value and the article of the site, for
// an action whose own permission check follows.
func (s *Server) loadArticle(r *http.Request, rq *request) (*congtin.Article, error) {
	return loadItem(r, rq, "Không tìm thấy bài viết.", "", s.articles.FindArticleByID)
}

// openArticle is loadArticle for reading: reporters open only their own
// articles.
func (s *Server) openArticle(r *http.Request, rq *request) (*congtin.Article, error) {
	return loadItem(r, rq, "Không tìm thấy bài viết.", "Bạn chỉ xem được bài viết của mình.", s.articles.FindArticleByID)
}

func (s *Server) handleEditArticle(w http.ResponseWriter, r *http.Request, rq *request) {
	a, err := s.openArticle(r, rq)
	var page *render.ArticleEditPage
	if err == nil {
		page, err = s.editPage(r, rq, a)
	}
	if err == nil {
		restoreArticle(r, page)
	}
	s.show(w, r, rq, "admin/article_edit", page, err)
}

func (s *Server) handleCreateArticle(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := can(rq, congtin.ActCreate, nil); err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.saveArticle(w, r, rq, nil)
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
	s.saveArticle(w, r, rq, a)
}

// saveArticle is the create and save handlers' common path: the form
// becomes a new draft (a nil) or a's new content.
func (s *Server) saveArticle(w http.ResponseWriter, r *http.Request, rq *request, a *congtin.Article) {
	if err := parseForm(w, r); err != nil {
		s.error(w, r, rq, err)
		return
	}
	in, at, fe := readArticleForm(r)
	in.Version = formVersion(r.PostForm)
	st, stepping := stepOf(r)
	var saved *congtin.Article
	var it *congtin.Item
	var wrote bool
	var err error
	switch {
	case len(fe) > 0: // refused before the service is asked
	case a == nil:
		saved, err = s.articles.CreateArticle(r.Context(), rq.actor, rq.site.ID, in)
	case stepping:
		// A button of the workflow panel: the form is saved with the
		// step, in one transaction.
		it, wrote, err = s.articles.UpdateArticleStep(r.Context(), rq.actor, rq.site.ID, a.ID, in, st)
	default:
		saved, err = s.articles.UpdateArticle(r.Context(), rq.actor, rq.site.ID, a.ID, in)
	}
	if len(fe) > 0 || err != nil {
		s.articleFormError(w, r, rq, a, in, at, fe, err)
		return
	}
	if it != nil {
		s.redirect(w, r, articleURL(a.ID), stepped(articleFlow, it.Ref, st.Act, it, wrote, s.now()))
		return
	}
	flash := "Đã lưu bài viết."
	if a == nil {
		flash = "Đã lưu bài viết (nháp)."
	}
	if r.PostForm.Get("sau") == "xem-truoc" { // Lưu và xem trước
		s.redirect(w, r, articleURL(saved.ID)+"/xem-truoc", flash)
		return
	}
	s.redirect(w, r, articleURL(saved.ID), flash)
}

// articleFormError shows the form again with what was typed and the
// messages.
func (s *Server) articleFormError(w http.ResponseWriter, r *http.Request, rq *request, a *congtin.Article,
	in congtin.ArticleInput, at string, fe congtin.FieldErrors, err error) {
	s.refuseForm(w, r, rq, "admin/article_edit", fe, err, notSaved(err), func() (formPage, error) {
		var conflict *render.Conflict
		if isEdited(err) {
			// Someone saved meanwhile: the page shows what is stored now
			// beside the form.
			cur, ferr := s.articles.FindArticleByID(r.Context(), rq.site.ID, a.ID)
			if ferr != nil {
				return nil, ferr
			}
			a = cur
		}
		page, perr := s.editPage(r, rq, a)
		if perr != nil {
			return nil, perr
		}
		if isEdited(err) {
			if conflict, perr = s.articleConflict(r, rq, a, in, at, page.Cats); perr != nil {
				return nil, perr
			}
		}
		repair(&in.Title, &in.Lead, &in.Body, &in.Author, &in.Image, &in.Slug, &at)
		page.Input, page.PublishAt = in, at
		withSteps(&page.Workflow, page.CanSave, r)
		var stored int64
		if a != nil {
			stored = a.Version
		}
		refused(&page.Edit, in.Version, conflict, stored)
		return page, nil
	})
}

// articleEditing fills what the article form carries to keep its
// writer's work, when the actor may save it.
func (s *Server) articleEditing(r *http.Request, rq *request, page *render.ArticleEditPage) error {
	if !page.CanSave {
		return nil
	}
	var id, version int64
	if a := page.Article; a != nil {
		id, version = a.ID, a.Version
		withSteps(&page.Workflow, true, r)
	}
	var err error
	page.Edit, err = s.editState(r, rq, congtin.KindArticle, id, version)
	return err
}

// restoreArticle shows the writer's draft in the form, when asked to.
func restoreArticle(r *http.Request, page *render.ArticleEditPage) {
	if d := restoring(r, &page.Edit); d != nil {
		in, at, _ := readArticleForm(withValues(r, d.Values))
		repair(&in.Title, &in.Lead, &in.Body, &in.Author, &in.Image, &in.Slug, &at)
		page.Input, page.PublishAt, page.Flash = in, at, restoredFlash(d)
		page.Workflow.Comment = strings.ToValidUTF8(url.Values(d.Values).Get("comment"), "\uFFFD")
	}
}

// articleConflict compares the form refused with the article stored
// meanwhile (cur), field by field.
func (s *Server) articleConflict(r *http.Request, rq *request, cur *congtin.Article, in congtin.ArticleInput, at string, cats congtin.Categories) (*render.Conflict, error) {
	revs, err := s.articles.FindRevisions(r.Context(), rq.site.ID, cur.ID)
	if err != nil {
		return nil, err
	}
	c := &render.Conflict{}
	c.By, c.At = whoSaved(revs, func(rev *congtin.Revision) (string, time.Time) { return rev.UserName, rev.CreatedAt }, cur.UpdatedAt)
	in.Normalize()
	cat := func(id int64) string {
		if cat := cats.ByID(id); cat != nil {
			return catLabel(cats, cat)
		}
		return ""
	}
	slug := in.Slug
	if slug == "" {
		slug = congtin.Slugify(in.Title)
	}
	yes := func(b bool) string {
		if b {
			return "Có"
		}
		return "Không"
	}
	c.Compare("Tiêu đề", in.Title, cur.Title, false)
	c.Compare("Sapo", in.Lead, cur.Lead, false)
	c.Compare("Nội dung", sanitize.HTML(in.Body), cur.Body, true)
	c.Compare("Chuyên mục", cat(in.CategoryID), cat(cur.CategoryID), false)
	c.Compare("Tác giả", in.Author, cur.Author, false)
	c.Compare("Thời gian xuất bản", strings.Replace(at, "T", " ", 1), strings.Replace(localTimeValue(cur.PublishedAt), "T", " ", 1), false)
	c.Compare("Đường dẫn", slug, cur.Slug, false)
	c.Compare("Ảnh đại diện", in.Image, cur.Image, false)
	c.Compare("Tin nổi bật", yes(in.Featured), yes(cur.Featured), false)
	return c, nil
}

// articleFlow is the articles' part in the workflow.
var articleFlow = &flowKind{
	kind: congtin.KindArticle, heading: "Duyệt bài", headingID: "duyet-bai", schedulable: true,
	object: func(congtin.Ref) string { return "bài" },
	// The time a step posted on its own is refused over has no field on
	// an edit page whose steps submit the form: it is said on top.
	refusedBy: []string{"publish_at"},
	ref:       refOf((*Server).loadArticle),
	url:       func(ref congtin.Ref) string { return articleURL(ref.ID) },
}
