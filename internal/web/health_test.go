package web_test

import (
	"net/http"
	"testing"
)

// TestHealthAndReadiness: /healthz answers while the process runs, any
// host; /readyz follows the database.
func TestHealthAndReadiness(t *testing.T) {
	e := newEnv(t)
	c := client(false)
	for _, p := range []string{"/healthz", "/readyz"} {
		if r := e.fetch(c, "GET", p, ""); r.status != http.StatusOK || r.body != "ok\n" {
			t.Fatalf("%s: %d %q", p, r.status, r.body)
		}
	}
	req, _ := http.NewRequest("GET", e.srv.URL+"/healthz", nil)
	req.Host = "probe.invalid"
	if resp, err := c.Do(req); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("healthz for another host: %v %v", resp, err)
	}
	e.raw.Close()
	if r := e.fetch(c, "GET", "/readyz", ""); r.status != http.StatusServiceUnavailable {
		t.Fatalf("readyz with the database closed: %d %q", r.status, r.body)
	}
	if r := e.fetch(c, "GET", "/healthz", ""); r.status != http.StatusOK {
		t.Fatalf("healthz with the database closed: %d", r.status)
	}
}
