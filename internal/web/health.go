package web

import (
	"context"
	"net/http"
	"time"
)

// Pinger is a store that can say whether its database answers.
type Pinger interface {
	Ping(ctx context.Context) error
}

// handleHealthz answers while the process runs: for a supervisor deciding
// whether to restart it. It needs no database.
func (s *Server) handleHealthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write([]byte("ok\n"))
}

// readyTimeout bounds each dependency's answer to /readyz.
const readyTimeout = 2 * time.Second

// handleReadyz answers 200 when the database answers within two seconds,
// then the object store (Blobs) when there is one, 503 otherwise: for a
// load balancer deciding whether to send readers. A node that cannot
// reach the files would serve pages with broken images and refuse
// uploads. The error itself goes to the log, not to the client.
func (s *Server) handleReadyz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	for _, dep := range []struct {
		p    Pinger
		name string
	}{{s.Health, "database"}, {s.Blobs, "object store"}} {
		if dep.p == nil {
			continue
		}
		ctx, cancel := context.WithTimeout(r.Context(), readyTimeout)
		err := dep.p.Ping(ctx)
		cancel()
		if err != nil {
			s.Log.Warn("readyz: "+dep.name+" not ready", "error", err)
			w.WriteHeader(http.StatusServiceUnavailable)
			w.Write([]byte(dep.name + " unavailable\n"))
			return
		}
	}
	w.Write([]byte("ok\n"))
}
