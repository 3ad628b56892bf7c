package web

import (
	"github.com/congtin/congtin"
	"net/http"
	"path"
	"time"
)

// handleMedia serves uploaded images. Their keys carry the content hash,
// so they never change and may be cached for a year.
func (s *Server) handleMedia(w http.ResponseWriter, r *http.Request) {
	key := r.PathValue("key")
	f, err := s.Media.Open(r.Context(), key)
	if code := congtin.ErrorCode(err); code == congtin.EUNAVAILABLE {
		// The object store is down: a 503, which no cache keeps, not a
		// 404 a proxy or browser would remember after it is back.
		s.error(w, r, err)
		return
	} else if err != nil {
		s.error(w, r, notFound())
		return
	}
	defer f.Close()
	ctype := "image/jpeg"
	if path.Ext(key) == ".png" {
		ctype = "image/png"
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	http.ServeContent(w, r, key, time.Time{}, f)
}
