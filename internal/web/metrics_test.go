package web_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/congtin/congtin/internal/metrics"
)

// TestMetricsAllowed: without a token, /metrics answers a loopback peer
// only when the request carries no forwarding header at all (a proxy on
// this machine setting X-Forwarded-Proto or Via alone is still a proxy);
// with a token, only the token opens it (issue 16, finding 4).
func TestMetricsAllowed(t *testing.T) {
	e := newEnv(t)
	e.server.Metrics = metrics.New()
	h := e.server.Handler()
	status := func(peer string, hdr ...string) int {
		req := httptest.NewRequest("GET", "/metrics", nil)
		req.RemoteAddr = peer
		for i := 0; i+1 < len(hdr); i += 2 {
			req.Header.Set(hdr[i], hdr[i+1])
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code
	}
	for _, c := range []struct {
		peer string
		hdr  []string
		want int
	}{
		{"127.0.0.1:5000", nil, 200},
		{"[::1]:5000", nil, 200},
		{"[::ffff:127.0.0.1]:5000", nil, 200},
		{"203.0.113.9:5000", nil, 404},
		{"127.0.0.1:5000", []string{"X-Forwarded-For", "203.0.113.9"}, 404},
		{"127.0.0.1:5000", []string{"X-Forwarded-Proto", "https"}, 404},
		{"127.0.0.1:5000", []string{"X-Forwarded-Host", "portal.example"}, 404},
		{"127.0.0.1:5000", []string{"Via", "1.1 proxy"}, 404},
		{"127.0.0.1:5000", []string{"Forwarded", "for=203.0.113.9"}, 404},
		{"127.0.0.1:5000", []string{"X-Real-IP", "203.0.113.9"}, 404},
	} {
		if got := status(c.peer, c.hdr...); got != c.want {
			t.Errorf("peer %s %v: %d, want %d", c.peer, c.hdr, got, c.want)
		}
	}
	e.server.MetricsToken = "s3cret"
	if got := status("127.0.0.1:5000"); got != http.StatusNotFound {
		t.Errorf("a token set, none sent from loopback: %d", got)
	}
	if got := status("203.0.113.9:5000", "Authorization", "Bearer s3cret", "X-Forwarded-Proto", "https"); got != http.StatusOK {
		t.Errorf("the token through a proxy: %d", got)
	}
	if got := status("203.0.113.9:5000", "Authorization", "Bearer s3cre"); got != http.StatusNotFound {
		t.Errorf("a wrong token: %d", got)
	}
}
