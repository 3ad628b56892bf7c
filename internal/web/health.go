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

// handleReadyz answers 200 when the database answers within two seconds,
// 503 otherwise: for a load balancer deciding whether to send readers.
// The error itself goes to the log, not to the client.
func (s *Server) handleReadyz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if s.Health == nil {
		w.Write([]byte("ok\n"))
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.Health.Ping(ctx); err != nil {
		s.Log.Warn("readyz: database not ready", "error", err)
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte("database unavailable\n"))
		return
	}
	w.Write([]byte("ok\n"))
}
