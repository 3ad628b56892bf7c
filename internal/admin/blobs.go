package admin

import (
	"net/http"

	"github.com/congtin/congtin/internal/blob"
)

// takeBack deletes the files a request stored when the row that names
// them was not written, so that no file is left that no row names.
func (s *Server) takeBack(r *http.Request, added *blob.Added) {
	if err := added.Remove(r.Context()); err != nil {
		// media check lists what is left; nothing else to tell the editor.
		s.Log.Warn("files of a failed request left in the store", "method", r.Method, "path", r.URL.Path, "error", err)
	}
}
