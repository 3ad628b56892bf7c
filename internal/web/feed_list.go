package web

import (
	"net/http"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// handleFeedList is /kenh-rss: the whole site's RSS feed and one per
// category, nested as in the menu, each with its full address to copy
// into a feed reader. Hidden categories have no feed (it answers 404), so
// they are left out, as the menu leaves them out.
func (s *Server) handleFeedList(w http.ResponseWriter, r *http.Request) {
	site := siteFrom(r.Context())
	epoch, base, ok := s.startPage(w, r, site)
	if !ok {
		return
	}
	page := &render.FeedsPage{Base: base, SiteFeed: s.siteFeed(r, site), CategoryFeeds: s.categoryFeeds(r, categoriesFrom(r.Context()))}
	page.SiteFeed.Title = "Tin mới của toàn cổng"
	page.Title = "Kênh RSS"
	page.Description = "Các kênh RSS của " + site.Name + ": tin mới của toàn cổng và của từng chuyên mục."
	page.Canonical = s.siteURL(siteFrom(r.Context()), "/kenh-rss")
	// Categories and the site's name are whole-site changes, which purge
	// every page of the site: the s: tag is all this page needs.
	s.servePage(w, r, http.StatusOK, "feeds", page, epoch, 0, time.Time{}, pageTags(site))
}

// categoryFeeds are the feeds of the site's categories, nested as in
// the menu.
func (s *Server) categoryFeeds(r *http.Request, cats congtin.Categories) []render.FeedLink {
	seen := map[int64]bool{}
	var tree func(cs congtin.Categories) []render.FeedLink
	tree = func(cs congtin.Categories) []render.FeedLink {
		var out []render.FeedLink
		for _, c := range cs {
			// The parent links come from the database; a cycle in them
			// must not make the page loop.
			if seen[c.ID] {
				continue
			}
			seen[c.ID] = true
			f := s.categoryFeed(r, c)
			f.Children = tree(cats.Children(c.ID))
			out = append(out, f)
		}
		return out
	}
	return tree(cats.Top())
}

// siteFeed is the whole site's feed.
func (s *Server) siteFeed(r *http.Request, site *congtin.Site) render.FeedLink {
	return render.FeedLink{Title: site.Name, Path: "/rss", URL: s.siteURL(siteFrom(r.Context()), "/rss")}
}

// categoryFeed is a category's feed, which holds its children's articles
// too.
func (s *Server) categoryFeed(r *http.Request, c *congtin.Category) render.FeedLink {
	p := "/rss/" + c.Slug
	return render.FeedLink{Title: c.Name, Path: p, URL: s.siteURL(siteFrom(r.Context()), p)}
}
