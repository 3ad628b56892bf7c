package web

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// ArticleReader is what the news pages read: home, categories, articles
// and their print views, dates, feeds, sitemaps and old addresses.
type ArticleReader interface {
	// FindArticleByID returns any article of the site, public or not;
	// ENOTFOUND if the site has none with the ID.
	FindArticleByID(ctx context.Context, siteID, id int64) (*congtin.Article, error)
	// FindArticles returns public articles matching the filter and the
	// total number of matches (ignoring Offset and Limit).
	FindArticles(ctx context.Context, f congtin.ArticleFilter) ([]*congtin.Article, int, error)
	// FindCategoryRedirect returns the category an old slug now names;
	// ENOTFOUND when none.
	FindCategoryRedirect(ctx context.Context, siteID int64, oldSlug string) (*congtin.Category, error)
	// FindRedirect returns the ID of the article an old path (as
	// congtin.OldPath gives it) leads to; ENOTFOUND when it leads nowhere.
	FindRedirect(ctx context.Context, siteID int64, path string) (int64, error)
}

// findPublic returns a public article of the site: ENOTFOUND for one that
// never was public (draft, scheduled), EGONE for one taken down.
func (s *Server) findPublic(r *http.Request, site *congtin.Site, id int64) (*congtin.Article, *congtin.Category, error) {
	a, err := s.Articles.FindArticleByID(r.Context(), site.ID, id)
	if err != nil {
		return nil, nil, err
	}
	if a.Status == congtin.StatusUnpublished {
		return nil, nil, congtin.Errorf(congtin.EGONE, "Bài viết này đã được gỡ khỏi cổng thông tin.")
	}
	cat := categoriesFrom(r.Context()).ByID(a.CategoryID)
	if !a.IsPublic(s.now()) || cat == nil {
		return nil, nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy bài viết.")
	}
	return a, cat, nil
}

func (s *Server) handleArticle(w http.ResponseWriter, r *http.Request, id int64) {
	ctx := r.Context()
	site := siteFrom(ctx)
	if s.serveCached(w, r) {
		return
	}
	epoch := s.epoch()
	a, cat, err := s.findPublic(r, site, id)
	// A path ending in a number may be an old WordPress address
	// (/archives/123, /tin-tuc/bao-cao-2023) rather than this portal's
	// address of article 123 or 2023: the kept address wins.
	if (err != nil || r.URL.Path != a.Path(cat.Slug)) && s.oldAddress(w, r) {
		return
	}
	if err != nil {
		s.error(w, r, err)
		return
	}
	// An old slug or a moved category still finds the article by its ID;
	// send the reader on to the current address.
	canonical := a.Path(cat.Slug)
	if r.URL.Path != canonical {
		http.Redirect(w, r, canonical, http.StatusMovedPermanently)
		return
	}

	base, err := s.base(w, r, site, true)
	if err != nil {
		s.error(w, r, err)
		return
	}
	page, err := s.articleView(ctx, site, base, a, cat)
	if err != nil {
		s.error(w, r, err)
		return
	}
	views, err := s.Counter.ArticleViews(ctx, site.ID, a.ID)
	if err != nil {
		s.error(w, r, err)
		return
	}
	page.Views = views + s.countView(r, site.ID, a.ID)
	page.PrintURL = "/ban-in/" + strconv.FormatInt(a.ID, 10)
	page.Canonical = s.siteURL(siteFrom(r.Context()), canonical)
	page.Preview = s.articlePreview(r, site, a, page.Crumbs, page.Canonical)
	s.servePage(w, r, http.StatusOK, "article", page, epoch, a.ID, a.UpdatedAt, pageTags(site, tagArticle(a.ID), tagCategory(cat.ID)))
}

// articleView builds an article's page on its layout: the article in its
// category, with the category's newer and older articles around it. The
// view count, the print view, the canonical address and the rich
// previews are the caller's.
func (s *Server) articleView(ctx context.Context, site *congtin.Site, base render.Base, a *congtin.Article, cat *congtin.Category) (*render.ArticlePage, error) {
	cats := categoriesFrom(ctx)
	newer, _, err := s.Articles.FindArticles(ctx, congtin.ArticleFilter{
		SiteID: site.ID, CategoryIDs: []int64{cat.ID}, After: a, Oldest: true, Limit: newerCount, NoTotal: true, TitlesOnly: true,
	})
	if err != nil {
		return nil, err
	}
	slices.Reverse(newer) // nearest first was for the limit; show newest first
	older, nOlder, err := s.Articles.FindArticles(ctx, congtin.ArticleFilter{
		SiteID: site.ID, CategoryIDs: []int64{cat.ID}, Before: a, Limit: olderCount, NoTotal: true, TitlesOnly: true,
	})
	if err != nil {
		return nil, err
	}
	page := &render.ArticlePage{
		Base:      base,
		Article:   a,
		Category:  cat,
		Crumbs:    cats.Ancestors(cat),
		BackURL:   cat.Path(),
		Newer:     links(newer, cats, false),
		Older:     links(older, cats, false),
		DateValue: a.PublishedAt.In(congtin.VietnamZone).Format("2006-01-02"),
		Today:     congtin.Day(s.now()),
	}
	if nOlder > len(older) {
		page.MoreURL = cat.Path() + "?truoc=" + strconv.FormatInt(older[len(older)-1].ID, 10)
	}
	if a.Image != "" && !strings.Contains(a.Body, a.Image) {
		page.HeroImage = a.Image
	}
	page.Title = a.Title
	page.Description = a.Lead
	page.ActiveSlug = page.Crumbs[0].Slug
	return page, nil
}

// countView counts a reader's view of an article once everything the page
// needs has been read: a reader who got an error page instead has not
// read the article. It returns what to add to the count read just before
// (1, or 0 for a crawler, a prefetch, a HEAD), so that the page shows the
// count with this view in it.
func (s *Server) countView(r *http.Request, siteID, articleID int64) int64 {
	if !countable(r) {
		return 0
	}
	s.Counter.CountView(siteID, articleID)
	return 1
}

func (s *Server) handlePrint(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	if s.serveCached(w, r) {
		return
	}
	epoch := s.epoch()
	id, ok := parseID(r.PathValue("id"))
	if !ok {
		s.error(w, r, notFound())
		return
	}
	a, cat, err := s.findPublic(r, site, id)
	if err != nil {
		s.error(w, r, err)
		return
	}
	page := &render.PrintPage{Article: a, Category: cat,
		PrintBase: render.PrintBase{Site: site, SourceURL: s.siteURL(siteFrom(r.Context()), a.Path(cat.Slug)), BackURL: a.Path(cat.Slug)}}
	s.servePage(w, r, http.StatusOK, "print", page, epoch, 0, a.UpdatedAt, pageTags(site, tagArticle(a.ID)))
}
