package web

import (
	"net/http"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	site := siteFrom(ctx)
	cats := categoriesFrom(ctx)
	if wordPressQuery(r) && s.oldAddress(w, r) {
		return
	}
	epoch, base, ok := s.startPage(w, r, site)
	if !ok {
		return
	}
	page := &render.HomePage{Base: base}
	page.ActiveSlug = "/"
	page.Canonical = s.siteURL(siteFrom(r.Context()), "/")
	page.Description = site.Tagline

	featured := true
	fs, _, err := s.Articles.FindArticles(ctx, congtin.ArticleFilter{SiteID: site.ID, Featured: &featured, Limit: homeFeatured})
	if err != nil {
		s.error(w, r, err)
		return
	}
	page.Featured = links(fs, cats, true)
	latest, _, err := s.Articles.FindArticles(ctx, congtin.ArticleFilter{SiteID: site.ID, Limit: homeLatest})
	if err != nil {
		s.error(w, r, err)
		return
	}
	page.Latest = links(latest, cats, true)
	for _, c := range cats.Top() {
		as, _, err := s.Articles.FindArticles(ctx, congtin.ArticleFilter{SiteID: site.ID, CategoryIDs: cats.Subtree(c.ID), Limit: homePerCat})
		if err != nil {
			s.error(w, r, err)
			return
		}
		if ls := links(as, cats, false); len(ls) > 0 {
			page.Sections = append(page.Sections, render.HomeSection{Category: c, Articles: ls})
		}
	}
	if page.PollBox, err = s.pollBox(r); err != nil {
		s.error(w, r, err)
		return
	}
	s.servePage(w, r, http.StatusOK, "home", page, epoch, 0, time.Time{}, pageTags(site, "home"))
}
