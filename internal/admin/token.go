package admin

import (
	"net/http"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/render"
)

// tokensAdminPath lists API tokens: an administrator sees the site's
// members', anyone else their own (app.APITokens decides). Tokens are
// made with `congtin user token`; the back office only lists and
// revokes them, never showing a secret (only hashes are stored).
const tokensAdminPath = "/admin/khoa-api"

func (s *Server) handleTokens(w http.ResponseWriter, r *http.Request, rq *request) {
	ks, err := s.users.APITokens(r.Context(), rq.actor, rq.site.ID)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	page := &render.TokensPage{AdminBase: rq.base("Khóa API", "tokens"), Tokens: ks, Manager: manager(rq) == nil}
	page.Flash = s.flash(r)
	s.render(w, r, http.StatusOK, "admin/tokens", page)
}

func (s *Server) handleRevokeToken(w http.ResponseWriter, r *http.Request, rq *request) {
	id, err := idIn(r, "id", congtin.ErrorMessage(congtin.NotFound(congtin.KindAPIToken)))
	if err == nil {
		err = parseForm(w, r)
	}
	if err == nil {
		err = s.users.RevokeAPIToken(r.Context(), rq.actor, rq.site.ID, id)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.redirect(w, r, tokensAdminPath, "Đã thu hồi khóa API.")
}
