package web

import (
	"net/http"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// layout sets b, a page's base, to what the layout needs (see base),
// counting the reader's visit; the page sets its own fields of b after.
// Handlers call it once the page's own data has been found, so that a
// reader sent an error page instead is not counted. When the layout
// cannot be read, the reader gets the error page and layout returns false.
func (s *Server) layout(w http.ResponseWriter, r *http.Request, site *congtin.Site, b *render.Base) bool {
	base, err := s.base(w, r, site, true)
	if err != nil {
		s.error(w, r, err)
		return false
	}
	*b = base
	return true
}

// startPage begins a page the cache may hold and that reads nothing of
// its own before its layout: it answers from the cache when it can;
// otherwise it returns the cache's epoch, taken before any of the page's
// data is read (see servePage), and the page's base. ok is false when the
// request has been answered.
func (s *Server) startPage(w http.ResponseWriter, r *http.Request, site *congtin.Site) (epoch uint64, base render.Base, ok bool) {
	if s.serveCached(w, r) {
		return 0, base, false
	}
	epoch = s.epoch()
	return epoch, base, s.layout(w, r, site, &base)
}

// render writes a page rendered for this request as it is, without
// serveFresh's validators and compression, and logs a failure to render
// it: the reader's own pages, which nothing may keep, and the documents
// register's.
func (s *Server) render(w http.ResponseWriter, status int, name string, page any) {
	if err := s.Render.Render(w, status, name, page); err != nil {
		s.Log.Error("render", "page", name, "error", err)
	}
}
