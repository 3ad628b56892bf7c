package admin

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/clientip"
)

// The JSON API does what the pages do, with the same checks, for
// integrations and tests. It authenticates with a bearer token
// (`congtin user token`), never with the session cookie, so a browser
// cannot be tricked into calling it.
func (s *Server) apiRoutes(mux *http.ServeMux) {
	api := func(pattern string, h func(http.ResponseWriter, *http.Request, *request)) {
		mux.Handle(pattern, s.requireToken(h))
	}
	api("GET /api/v1/admin/me", s.apiMe)
	api("GET /api/v1/admin/articles", s.apiArticles)
	api("POST /api/v1/admin/articles", s.apiCreateArticle)
	api("GET /api/v1/admin/articles/{id}", s.apiArticle)
	api("PUT /api/v1/admin/articles/{id}", s.apiUpdateArticle)
	api("POST /api/v1/admin/articles/{id}/{action}", s.apiTransition)
	api("GET /api/v1/admin/articles/{id}/revisions", s.apiRevisions)
	api("POST /api/v1/admin/revisions/{id}/restore", s.apiRestore)
	api("GET /api/v1/admin/categories", s.apiCategories)
	api("POST /api/v1/admin/categories", s.apiCreateCategory)
	api("PUT /api/v1/admin/categories/{id}", s.apiUpdateCategory)
	api("DELETE /api/v1/admin/categories/{id}", s.apiDeleteCategory)
	api("POST /api/v1/admin/users", s.apiAddUser)
	api("GET /api/v1/admin/audit", s.apiAudit)
	api("POST /api/v1/admin/media", s.handleUpload)
	mux.HandleFunc("/api/v1/admin/", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "Không có API này."})
	})
}

func (s *Server) requireToken(h func(http.ResponseWriter, *http.Request, *request)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		site := congtin.SiteFromContext(r.Context())
		token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || token == "" || site == nil {
			writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "Thiếu mã truy cập (Authorization: Bearer …)."})
			return
		}
		hash := auth.HashToken(token)
		u, err := s.users.FindUserByAPIToken(r.Context(), hash)
		if err == nil {
			// The list of tokens shows when each was last used; a
			// failure to note it must not refuse the request.
			if err := s.users.MarkAPITokenUsed(r.Context(), hash); err != nil {
				s.Log.Warn("noting an API token's use", "error", err)
			}
		}
		if congtin.ErrorCode(err) == congtin.ENOTFOUND {
			writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "Mã truy cập không hợp lệ."})
			return
		} else if err != nil {
			// A database that cannot be reached says nothing about the
			// token: a 401 would tell the client to throw it away.
			s.error(w, r, nil, err)
			return
		}
		rq, err := s.withRole(r.Context(), site, u, nil, clientip.Addr(r))
		if err != nil {
			s.error(w, r, rq, err)
			return
		}
		rq.api = true
		// The API's clients send the bodies as JSON; the upload endpoint
		// answers JSON like the editor's.
		r.Header.Set("X-Requested-With", "fetch")
		h(w, r, rq)
	})
}

// decode reads a bounded JSON body that may only hold known fields.
func decode(w http.ResponseWriter, r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxFormBytes))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return congtin.Errorf(congtin.EINVALID, "JSON không hợp lệ: %v", err)
	}
	return nil
}

// apiError answers an error, with per-field messages for invalid input.
func (s *Server) apiError(w http.ResponseWriter, r *http.Request, rq *request, err error) {
	if ve, ok := err.(*congtin.ValidationError); ok {
		writeJSON(w, http.StatusBadRequest, map[string]any{"error": congtin.ErrorMessage(err), "fields": ve.Fields})
		return
	}
	s.error(w, r, rq, err)
}

func (s *Server) apiMe(w http.ResponseWriter, r *http.Request, rq *request) {
	writeJSON(w, http.StatusOK, map[string]any{"user": rq.actor.User, "role": rq.actor.Role, "site": rq.site})
}

func (s *Server) apiArticles(w http.ResponseWriter, r *http.Request, rq *request) {
	q := r.URL.Query()
	f := congtin.AdminArticleFilter{SiteID: rq.site.ID, Status: q.Get("status"), CreatedBy: ownOnly(rq), Limit: 100}
	if f.Status != "" && !congtin.ValidArticleState(f.Status) {
		s.apiError(w, r, rq, congtin.Errorf(congtin.EINVALID, "Trạng thái không hợp lệ."))
		return
	}
	as, total, err := s.articles.FindAdminArticles(r.Context(), f)
	if err != nil {
		s.apiError(w, r, rq, err)
		return
	}
	if as == nil {
		as = []*congtin.Article{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"articles": as, "total": total})
}

func (s *Server) apiCreateArticle(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := can(rq, congtin.ActCreate, nil); err != nil {
		s.apiError(w, r, rq, err)
		return
	}
	var in congtin.ArticleInput
	if err := decode(w, r, &in); err != nil {
		s.apiError(w, r, rq, err)
		return
	}
	a, err := s.articles.CreateArticle(r.Context(), rq.actor, rq.site.ID, in)
	if err != nil {
		s.apiError(w, r, rq, err)
		return
	}
	writeJSON(w, http.StatusCreated, a)
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request, rq *request) {
	a, err := s.openArticle(r, rq)
	if err != nil {
		s.apiError(w, r, rq, err)
		return
	}
	writeJSON(w, http.StatusOK, a)
}

func (s *Server) apiUpdateArticle(w http.ResponseWriter, r *http.Request, rq *request) {
	a, err := s.loadArticle(r, rq)
	if err == nil {
		err = can(rq, congtin.ActEdit, a.Item())
	}
	var in congtin.ArticleInput
	if err == nil {
		err = decode(w, r, &in)
	}
	if err == nil {
		a, err = s.articles.UpdateArticle(r.Context(), rq.actor, rq.site.ID, a.ID, in)
	}
	if err != nil {
		s.apiError(w, r, rq, err)
		return
	}
	writeJSON(w, http.StatusOK, a)
}

func (s *Server) apiTransition(w http.ResponseWriter, r *http.Request, rq *request) {
	a, err := s.loadArticle(r, rq)
	var body struct {
		Comment   string `json:"comment"`
		PublishAt string `json:"publish_at"` // RFC 3339, or Vietnam local "2006-01-02T15:04:05"
	}
	if err == nil && r.ContentLength != 0 {
		err = decode(w, r, &body)
	}
	var publishAt time.Time
	if err == nil && body.PublishAt != "" && r.PathValue("action") == congtin.ActPublish {
		publishAt, err = readPublishAt(body.PublishAt)
	}
	if err == nil {
		a, err = s.articles.TransitionArticle(r.Context(), rq.actor, rq.site.ID, a.ID, r.PathValue("action"), body.Comment, publishAt)
	}
	if err != nil {
		s.apiError(w, r, rq, err)
		return
	}
	writeJSON(w, http.StatusOK, a)
}

func (s *Server) apiRevisions(w http.ResponseWriter, r *http.Request, rq *request) {
	a, err := s.openArticle(r, rq)
	var revs []*congtin.Revision
	if err == nil {
		revs, err = s.articles.FindRevisions(r.Context(), rq.site.ID, a.ID)
	}
	if err != nil {
		s.apiError(w, r, rq, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"revisions": revs})
}

func (s *Server) apiRestore(w http.ResponseWriter, r *http.Request, rq *request) {
	id, err := pathID(r)
	var rev *congtin.Revision
	if err == nil {
		rev, err = s.articles.FindRevision(r.Context(), rq.site.ID, id)
	}
	var a *congtin.Article
	if err == nil {
		a, err = s.articles.FindArticleByID(r.Context(), rq.site.ID, rev.ArticleID)
	}
	if err == nil {
		err = can(rq, congtin.ActRestore, a.Item())
	}
	if err == nil {
		a, err = s.articles.RestoreRevision(r.Context(), rq.actor, rq.site.ID, id)
	}
	if err != nil {
		s.apiError(w, r, rq, err)
		return
	}
	writeJSON(w, http.StatusOK, a)
}

func (s *Server) apiCategories(w http.ResponseWriter, r *http.Request, rq *request) {
	cats, err := s.categories.FindCategories(r.Context(), rq.site.ID)
	if err != nil {
		s.apiError(w, r, rq, err)
		return
	}
	if cats == nil {
		cats = []*congtin.Category{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"categories": cats})
}

func (s *Server) apiCreateCategory(w http.ResponseWriter, r *http.Request, rq *request) {
	err := manager(rq)
	var in congtin.CategoryInput
	if err == nil {
		err = decode(w, r, &in)
	}
	var c *congtin.Category
	if err == nil {
		c, err = s.categories.CreateCategory(r.Context(), rq.actor, rq.site.ID, in)
	}
	if err != nil {
		s.apiError(w, r, rq, err)
		return
	}
	writeJSON(w, http.StatusCreated, c)
}

func (s *Server) apiUpdateCategory(w http.ResponseWriter, r *http.Request, rq *request) {
	id, err := pathID(r)
	if err == nil {
		err = manager(rq)
	}
	var in congtin.CategoryInput
	if err == nil {
		err = decode(w, r, &in)
	}
	var c *congtin.Category
	if err == nil {
		c, err = s.categories.UpdateCategory(r.Context(), rq.actor, rq.site.ID, id, in)
	}
	if err != nil {
		s.apiError(w, r, rq, err)
		return
	}
	writeJSON(w, http.StatusOK, c)
}

func (s *Server) apiDeleteCategory(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := deleteByID(r, rq, manager, s.categories.DeleteCategory); err != nil {
		s.apiError(w, r, rq, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]bool{"deleted": true})
}

func (s *Server) apiAddUser(w http.ResponseWriter, r *http.Request, rq *request) {
	var body struct {
		Username    string `json:"username"`
		DisplayName string `json:"display_name"`
		Password    string `json:"password"`
		Role        string `json:"role"`
	}
	err := manager(rq)
	if err == nil {
		err = decode(w, r, &body)
	}
	var u *congtin.User
	if err == nil {
		u, err = s.addUser(r, rq, body.Username, body.DisplayName, body.Password, body.Role)
	}
	if err != nil {
		s.apiError(w, r, rq, err)
		return
	}
	writeJSON(w, http.StatusCreated, u)
}

func (s *Server) apiAudit(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := can(rq, congtin.ActAudit, nil); err != nil {
		s.apiError(w, r, rq, err)
		return
	}
	q := r.URL.Query()
	f := congtin.AuditFilter{SiteID: rq.site.ID, Username: q.Get("user"), Action: q.Get("action"), Limit: 200}
	if v := q.Get("object_id"); v != "" {
		f.ObjectID, _ = strconv.ParseInt(v, 10, 64)
	}
	if v := q.Get("since"); v != "" {
		t, err := time.Parse(time.RFC3339, v)
		if err != nil {
			s.apiError(w, r, rq, congtin.Errorf(congtin.EINVALID, "since phải theo RFC 3339."))
			return
		}
		f.From = t
	}
	es, total, err := s.audit.FindAudit(r.Context(), f)
	if err != nil {
		s.apiError(w, r, rq, err)
		return
	}
	if es == nil {
		es = []*congtin.AuditEntry{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"entries": es, "total": total})
}
