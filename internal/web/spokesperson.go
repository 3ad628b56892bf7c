package web

import (
	"net/http"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// /phat-ngon: the agency's spokesperson (người phát ngôn và cung cấp
// thông tin cho báo chí, Nghị định 09/2017/NĐ-CP) — the leaders the
// organisation chart marks, with their contacts — and the press releases,
// the articles of the category PressReleaseSlug with its own feed.

// PressReleaseSlug is the category of press releases (thông cáo báo
// chí) the page lists, when the site has it.
const PressReleaseSlug = "thong-cao-bao-chi"

const pressReleasesShown = 10

func (s *Server) handleSpokesperson(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	site := siteFrom(ctx)
	units, err := s.Sections.FindUnits(ctx, site.ID)
	if err != nil {
		s.error(w, r, err)
		return
	}
	page := &render.SpokespersonPage{}
	for _, u := range units {
		for _, l := range u.Leaders {
			if !l.Spokesperson {
				continue
			}
			p := render.Spokesperson{Leader: l, Unit: u.Name}
			if p.Phone == "" {
				p.Phone = u.Phone
			}
			if p.Email == "" {
				p.Email = u.Email
			}
			page.People = append(page.People, p)
		}
	}
	if c := categoriesFrom(ctx).BySlug(PressReleaseSlug); c != nil && !c.Hidden {
		as, _, err := s.Articles.FindArticles(ctx, congtin.ArticleFilter{SiteID: site.ID, CategoryIDs: categoriesFrom(ctx).Subtree(c.ID), Limit: pressReleasesShown})
		if err != nil {
			s.error(w, r, err)
			return
		}
		for _, a := range as {
			slug := c.Slug
			if ac := categoriesFrom(ctx).ByID(a.CategoryID); ac != nil {
				slug = ac.Slug // a release filed under a child category
			}
			page.Releases = append(page.Releases, render.NavLinkDated{Title: a.Title, URL: a.Path(slug), PublishedAt: a.PublishedAt})
		}
		page.ReleasesURL, page.FeedURL = c.Path(), "/rss/"+c.Slug
	}
	if !s.layout(w, r, site, &page.Base) {
		return
	}
	page.Title, page.ActiveSlug = "Người phát ngôn", "cong-khai"
	page.Description = "Người phát ngôn và cung cấp thông tin cho báo chí, thông cáo báo chí của " + site.Name
	page.Canonical = s.siteURL(site, "/phat-ngon")
	s.render(w, http.StatusOK, "spokesperson", page)
}
