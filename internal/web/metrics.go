package web

import (
	"crypto/subtle"
	"net/http"
	"net/netip"
	"strings"
	"unicode/utf8"

	"github.com/congtin/congtin/internal/clientip"
)

// handleMetrics serves the Prometheus text format. The numbers say little
// an attacker could use, but they are not for the public either.
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

// metricsAllowed: with a token set, a scraper must send it; without one,
// only a request made directly from this machine is answered. A reverse
// proxy on the same machine makes every visitor's request come from
// loopback, so a request carrying any forwarding header is refused:
// checking only some of them (X-Forwarded-For, X-Real-Ip, Forwarded) let
// through a proxy that sets, say, X-Forwarded-Proto alone (issue 16).
func (s *Server) metricsAllowed(r *http.Request) bool {
	if s.MetricsToken != "" {
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		return ok && subtle.ConstantTimeCompare([]byte(got), []byte(s.MetricsToken)) == 1
	}
	return isLoopback(clientip.Addr(r)) && !forwarded(r.Header)
}

// isLoopback reports whether a client's address (as clientip resolves
// it: the peer, or the client a trusted proxy forwarded for) is this
// machine.
func isLoopback(addr string) bool {
	ip, err := netip.ParseAddr(addr)
	return err == nil && ip.Unmap().IsLoopback()
}

// forwarded reports whether a request carries any header a proxy adds
// when it forwards one.
func forwarded(h http.Header) bool {
	for k := range h {
		switch k = http.CanonicalHeaderKey(k); {
		case strings.HasPrefix(k, "X-Forwarded-"), k == "Forwarded", k == "X-Real-Ip", k == "Via",
			k == "X-Client-Ip", k == "True-Client-Ip", k == "Cf-Connecting-Ip", k == "X-Original-Forwarded-For":
			return true
		}
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
