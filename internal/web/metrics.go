package web

import (
	"crypto/subtle"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/congtin/congtin/internal/clientip"
)

// handleMetrics serves the Prometheus text format. The numbers say little
// an attacker could use, but they are not for the public either: with a
// token set, a scraper must send it; without one, only a request made
// directly from this machine is answered. A reverse proxy on the same
// machine would make every visitor look local, so a request carrying
// proxy headers is refused too.
func (s *Server) handleMetrics(w http.ResponseWriter, r *http.Request) {
	if !s.metricsAllowed(r) {
		s.error(w, r, notFound())
		return
	}
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if _, err := s.Metrics.WriteTo(w); err != nil {
		s.Log.Debug("writing metrics", "error", err)
	}
}

func (s *Server) metricsAllowed(r *http.Request) bool {
	if s.MetricsToken != "" {
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		return ok && subtle.ConstantTimeCompare([]byte(got), []byte(s.MetricsToken)) == 1
	}
	for _, h := range []string{"X-Forwarded-For", "X-Real-Ip", "Forwarded"} {
		if r.Header.Get(h) != "" {
			return false
		}
	}
	switch clientip.Addr(r) {
	case "127.0.0.1", "::1":
		return true
	}
	return false
}

// clipBytes shortens s to at most n bytes on a character boundary, for logs.
func clipBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
