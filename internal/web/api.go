package web

import (
	"encoding/json"
	"net/http"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/httperr"
)

// jsonError answers an API request with a Vietnamese message.
func (s *Server) jsonError(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := httperr.Status(err), congtin.ErrorMessage(err)
	switch status {
	case http.StatusInternalServerError:
		s.Log.Error("api", "path", r.URL.Path, "error", err)
		msg = "Đã xảy ra lỗi. Xin vui lòng thử lại sau."
	case http.StatusServiceUnavailable:
		s.Log.Warn("database unavailable", "method", r.Method, "path", r.URL.Path, "error", err)
		w.Header().Set("Retry-After", httperr.RetryAfter)
		msg = httperr.UnavailableMessage
	}
	writeJSON(w, status, map[string]string{"error": msg})
}

// writeAPI writes v as JSON, which may be kept for a minute, or the error
// as jsonError does.
func (s *Server) writeAPI(w http.ResponseWriter, r *http.Request, v any, err error) {
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "public, max-age=60")
	writeJSON(w, http.StatusOK, v)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
