package web

import (
	"net/http"

	"github.com/congtin/congtin"
)

// oldAddress answers a request for an address of the site the portal
// replaced (a WordPress permalink the import kept) with a 301 to the
// article's page, and reports whether it answered. It is asked only where
// the portal itself has no page, so it costs a lookup on misses alone; it
// runs before the page cache, which never holds a redirect. An old address
// of an article that is not public answers as the article would: 404, or
// 410 once it has been taken down.
func (s *Server) oldAddress(w http.ResponseWriter, r *http.Request) bool {
	site := siteFrom(r.Context())
	key := congtin.OldPath(r.URL.Path, r.URL.RawQuery)
	if site == nil || key == "" {
		return false
	}
	id, err := s.Articles.FindRedirect(r.Context(), site.ID, key)
	if congtin.ErrorCode(err) == congtin.ENOTFOUND {
		return false
	} else if err != nil {
		s.error(w, r, err)
		return true
	}
	a, cat, err := s.findPublic(r, site, id)
	if err != nil {
		s.error(w, r, err)
		return true
	}
	http.Redirect(w, r, a.Path(cat.Slug), http.StatusMovedPermanently)
	return true
}

// wordPressQuery reports whether a request for the home page names a post
// the WordPress way, /?p=ID or /?page_id=ID.
func wordPressQuery(r *http.Request) bool {
	q := r.URL.Query()
	return q.Has("p") || q.Has("page_id")
}
