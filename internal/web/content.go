package web

import (
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"
)

// handleContent routes the paths built from slugs: /{category} and
// /{category}/{slug}-{id}. They cannot be mux patterns beside /static/ and
// the other fixed prefixes without the patterns conflicting.
func (s *Server) handleContent(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "Phương thức không được hỗ trợ.", http.StatusMethodNotAllowed)
		return
	}
	path := r.URL.Path
	if len(path) > 512 || !utf8.ValidString(path) {
		s.error(w, r, notFound())
		return
	}
	parts := strings.Split(strings.Trim(path, "/"), "/")
	switch {
	case len(parts) == 1 && strings.HasSuffix(path, "/"):
		// WordPress addresses end in a slash: an old one goes straight
		// to its article, not through the category's address first.
		if categoriesFrom(r.Context()).BySlug(parts[0]) == nil && s.oldAddress(w, r) {
			return
		}
		http.Redirect(w, r, "/"+parts[0], http.StatusMovedPermanently)
	case len(parts) == 1:
		setRoute(w, "category")
		s.handleCategory(w, r, parts[0])
	case len(parts) == 2 && !strings.HasSuffix(path, "/"):
		setRoute(w, "article")
		id, ok := articleID(parts[1])
		if !ok {
			if !s.oldAddress(w, r) {
				s.error(w, r, notFound())
			}
			return
		}
		s.handleArticle(w, r, id)
	default:
		if !s.oldAddress(w, r) {
			s.error(w, r, notFound())
		}
	}
}

// articleID takes the ID from the last path segment, "{slug}-{id}" or a
// bare "{id}".
func articleID(seg string) (int64, bool) {
	if i := strings.LastIndexByte(seg, '-'); i >= 0 {
		seg = seg[i+1:]
	}
	return parseID(seg)
}

// parseID parses a positive decimal ID written without sign or leading
// zeros, so that each article has exactly one URL.
func parseID(seg string) (int64, bool) {
	if seg == "" || len(seg) > 18 || seg[0] == '0' {
		return 0, false
	}
	id, err := strconv.ParseInt(seg, 10, 64)
	return id, err == nil && id > 0
}
