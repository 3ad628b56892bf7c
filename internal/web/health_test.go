package web_test

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"
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

// pinger is an object store that answers or not, and remembers how long
// it was given.
type pinger struct {
	err  error
	left time.Duration
}

func (p *pinger) Ping(ctx context.Context) error {
	if d, ok := ctx.Deadline(); ok {
		p.left = time.Until(d)
	}
	return p.err
}

// TestReadinessObjectStore: /readyz asks the object store too, after the
// database, within two seconds; its failure is a 503 that names the
// dependency and not the error.
func TestReadinessObjectStore(t *testing.T) {
	e := newEnv(t)
	c := client(false)
	p := &pinger{}
	e.server.Blobs = p
	if r := e.fetch(c, "GET", "/readyz", ""); r.status != http.StatusOK || r.body != "ok\n" {
		t.Fatalf("store up: %d %q", r.status, r.body)
	}
	if p.left <= 0 || p.left > 2*time.Second {
		t.Fatalf("store asked with %s left, want at most 2s", p.left)
	}
	p.err = errors.New("dial tcp 10.0.0.9:8333: connection refused; secret=abc")
	if r := e.fetch(c, "GET", "/readyz", ""); r.status != http.StatusServiceUnavailable || r.body != "object store unavailable\n" {
		t.Fatalf("store down: %d %q", r.status, r.body)
	}
	if r := e.fetch(c, "GET", "/healthz", ""); r.status != http.StatusOK {
		t.Fatalf("healthz with the store down: %d", r.status)
	}
	// The database first: with both down, the database is named.
	e.raw.Close()
	if r := e.fetch(c, "GET", "/readyz", ""); r.status != http.StatusServiceUnavailable || r.body != "database unavailable\n" {
		t.Fatalf("both down: %d %q", r.status, r.body)
	}
}
