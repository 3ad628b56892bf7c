package web

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// handleCategory lists a category's articles, its subcategories' included,
// newest first. With ?truoc={id} it lists those older than that article:
// the continuation of an article page's TIN ĐÃ ĐƯA.
func (s *Server) handleCategory(w http.ResponseWriter, r *http.Request, slug string) {
	ctx := r.Context()
	site := siteFrom(ctx)
	cats := categoriesFrom(ctx)
	cat := cats.BySlug(slug)
	if cat == nil {
		// A renamed category keeps its old address as a redirect.
		if to, err := s.Articles.FindCategoryRedirect(ctx, site.ID, slug); err == nil {
			target := to.Path()
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusMovedPermanently)
			return
		}
	}
	if cat == nil && s.oldAddress(w, r) {
		return
	}
	if cat == nil || cat.Hidden {
		s.error(w, r, notFound())
		return
	}
	if s.serveCached(w, r) {
		return
	}
	epoch := s.epoch()
	q := r.URL.Query()
	pageNo, err := parsePage(q)
	if err != nil {
		s.error(w, r, err)
		return
	}
	f := congtin.ArticleFilter{SiteID: site.ID, CategoryIDs: cats.Subtree(cat.ID)}
	intro := ""
	if v := q.Get("truoc"); v != "" {
		id, ok := parseID(v)
		if !ok {
			s.error(w, r, congtin.Errorf(congtin.EINVALID, "Mã bài viết không hợp lệ."))
			return
		}
		before, _, err := s.findPublic(r, site, id)
		if err != nil {
			s.error(w, r, err)
			return
		}
		// TIN ĐÃ ĐƯA lists the article's own category only; keep to it.
		f.Before, f.CategoryIDs = before, []int64{before.CategoryID}
		intro = "Các tin đã đưa trước ngày " + render.DateLine(before.PublishedAt) + "."
	}
	as, total, err := s.articlePage(ctx, f, pageNo)
	if err != nil {
		s.error(w, r, err)
		return
	}
	page := &render.ListPage{
		Heading:  cat.Name,
		Intro:    intro,
		Crumbs:   cats.Ancestors(cat),
		Children: cats.Children(cat.ID),
		Articles: links(as, cats, len(f.CategoryIDs) > 1),
		Total:    total,
		Empty:    "Chuyên mục chưa có bài viết nào.",
		Pager:    pager(cat.Path(), q, pageNo, total, listPageSize),
		DateForm: &render.DateForm{CategorySlug: cat.Slug, CategoryName: cat.Name, Max: congtin.Day(s.now()), Range: true},
	}
	if !s.layout(w, r, site, &page.Base) {
		return
	}
	page.Title = cat.Name
	page.Feeds = append(page.Feeds, s.categoryFeed(r, cat))
	if pageNo > 1 {
		page.Title += " - Trang " + strconv.Itoa(pageNo)
	}
	page.ActiveSlug = page.Crumbs[0].Slug
	if intro == "" && pageNo == 1 {
		page.Canonical = s.siteURL(siteFrom(r.Context()), cat.Path())
	}
	tags := pageTags(site)
	for _, id := range f.CategoryIDs {
		tags = append(tags, tagCategory(id))
	}
	s.servePage(w, r, http.StatusOK, "list", page, epoch, 0, time.Time{}, tags)
}

// articlePage reads page pageNo of the articles f finds, listPageSize to
// a page; a page past the end does not exist (see checkPage).
func (s *Server) articlePage(ctx context.Context, f congtin.ArticleFilter, pageNo int) ([]*congtin.Article, int, error) {
	f.Offset, f.Limit = (pageNo-1)*listPageSize, listPageSize
	as, total, err := s.Articles.FindArticles(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	return as, total, checkPage(pageNo, total, listPageSize)
}
