// Package admin is the newsroom's back office: sign-in, the article
// workflow, images, categories, users, settings and the audit log, as
// server-rendered pages under /admin/ and as a JSON API under
// /api/v1/admin/, both with the same permission checks (congtin.Can).
package admin

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/blob"
	"github.com/congtin/congtin/internal/clientip"
	"github.com/congtin/congtin/internal/httperr"
	"github.com/congtin/congtin/internal/media"
	"github.com/congtin/congtin/internal/render"
)

// Sign-in policy.
const (
	sessionCookie   = "ct_admin"
	sessionLifetime = 12 * time.Hour
	lockWindow      = 15 * time.Minute
	maxUserFailures = 5  // per account within lockWindow
	maxIPFailures   = 20 // per address within lockWindow
	maxFormBytes    = 4 << 20
)

// Server is the back office. Its handlers reach the service through small
// interfaces, one per group of handlers, each declared next to them with
// only the methods they call, so that what a group may do is written
// down where it is used; New fills them all from one congtin.Service.
type Server struct {
	Config
	users      userService
	articles   articleService
	categories categoryService
	library    mediaService
	documents  documentService
	// consultations: Lấy ý kiến dự thảo.
	consultations consultationService
	comments      commentService
	disclosures   disclosureService
	// datasets: Dữ liệu mở.
	datasets datasetService
	// projects: Dự án – Đấu thầu (projects and procurement notices).
	projects projectService
	// procedures: Thủ tục hành chính.
	procedures procedureService
	qa         questionService
	sections   sectionService
	sites      siteService
	stats      statsService
	audit      auditService
	workflow   workflowService
	lists      listService
	notices    notificationService
	drafts     draftService
	preview    previewService
	spellings  spellingService
	polls      pollService
	secrets    congtin.SecretService

	flashKey atomic.Pointer[[]byte] // see flash.go
}

// Config is what the back office needs besides the service.
type Config struct {
	Render *render.Engine
	// Blobs keeps the image library's files and the documents
	// register's attachments (media.Files and docfile.Files over it).
	Blobs blob.Store
	Log   *slog.Logger
	Now   congtin.NowFunc
	// MediaLimits bounds uploads; zero means media.DefaultLimits.
	MediaLimits media.Limits
	// Images bounds the uploads decoded at once; nil: one per core, four
	// waiting per core (media.NewGate).
	Images *media.Gate
	// FileMaxBytes bounds each attachment (zero: docfile.DefaultMaxBytes).
	FileMaxBytes int64
	// DatasetMaxBytes bounds each file of the open-data catalogue (zero:
	// DefaultDatasetMaxBytes).
	DatasetMaxBytes int64
	// Mail: notifications may be e-mailed (an SMTP server is set), so
	// users are offered to give an address.
	Mail bool
	// BaseURL is -base-url: the default site's absolute URLs (preview
	// links to send) when set; see congtin.Site.URL.
	BaseURL string
}

// New returns the back office over the service.
func New(svc congtin.Service, cfg Config) *Server {
	// The pages show states at the back office's clock (an article is
	// Hẹn giờ until its time).
	if cfg.Render != nil && cfg.Now != nil {
		cfg.Render.SetClock(cfg.Now)
	}
	if cfg.Images == nil {
		cfg.Images = media.NewGate(0, -1)
	}
	return &Server{Config: cfg, users: svc, articles: svc, categories: svc, library: svc, documents: svc, consultations: svc, comments: svc, disclosures: svc, datasets: svc, projects: svc, procedures: svc, qa: svc,
		sections: svc, sites: svc, stats: svc, audit: svc, workflow: svc, lists: svc, notices: svc, drafts: svc, preview: svc,
		spellings: svc, polls: svc, secrets: svc}
}

func (s *Server) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// Handler returns the back office and the admin API. Every state-changing
// request must pass Go's cross-origin protection (Sec-Fetch-Site / Origin
// checks), which stops cross-site request forgery without tokens in forms.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /admin/dang-nhap", s.handleLoginForm)
	mux.HandleFunc("POST /admin/dang-nhap", s.handleLogin)
	mux.HandleFunc("POST /admin/dang-xuat", s.handleLogout)
	page := func(pattern string, h func(http.ResponseWriter, *http.Request, *request)) {
		mux.Handle(pattern, s.requireUser(h))
	}
	page("GET /admin/{$}", s.handleDashboard)
	page("GET /admin/bai-viet", s.handleArticles)
	page("GET /admin/bai-viet/moi", s.handleNewArticle)
	page("POST /admin/bai-viet/moi", s.handleCreateArticle)
	page("GET /admin/bai-viet/{id}", s.handleEditArticle)
	page("POST /admin/bai-viet/{id}", s.handleSaveArticle)
	page("POST /admin/bai-viet/{id}/chuyen", s.handleStep(articleFlow, editOf("admin/article_edit", s.articles.FindArticleByID, s.editPage)))
	page("GET /admin/bai-viet/{id}/phien-ban", s.handleRevisions)
	page("POST /admin/bai-viet/{id}/phien-ban/{rev}/khoi-phuc", s.handleRestore)
	page("GET /admin/chuyen-muc", s.handleCategories)
	page("POST /admin/chuyen-muc", s.handleCreateCategory)
	page("POST /admin/chuyen-muc/{id}", s.handleUpdateCategory)
	page("POST /admin/chuyen-muc/{id}/xoa", s.handleDeleteCategory)
	page("GET /admin/nguoi-dung", s.handleUsers)
	page("POST /admin/nguoi-dung", s.handleAddUser)
	page("POST /admin/nguoi-dung/{id}", s.handleSetRole)
	page("POST /admin/nguoi-dung/{id}/khoa", s.handleDisableUser)
	page("GET /admin/cai-dat", s.handleSettings)
	page("POST /admin/cai-dat", s.handleSaveSettings)
	page("GET /admin/nhat-ky", s.handleAudit)
	page("GET /admin/thong-ke", s.handleStats)
	page("GET /admin/thong-ke.csv", s.handleStatsCSV)
	page("GET /admin/mat-khau", s.handlePasswordForm)
	page("GET "+tokensAdminPath, s.handleTokens)
	page("POST "+tokensAdminPath+"/{id}/thu-hoi", s.handleRevokeToken)
	page("POST /admin/mat-khau", s.handlePassword)
	page("GET /admin/cong", s.handleSites)
	page("POST /admin/cong", s.handleCreateSite)
	s.mediaRoutes(page)
	s.documentRoutes(page)
	s.consultationRoutes(page)
	s.projectRoutes(page)
	s.commentRoutes(page)
	s.disclosureRoutes(page)
	s.datasetRoutes(page)
	s.procedureRoutes(page)
	s.questionRoutes(page)
	s.sectionRoutes(page)
	s.pollRoutes(page)
	s.listRoutes(page)
	s.notificationRoutes(page)
	s.draftRoutes(page)
	s.previewRoutes(page)
	s.spellingRoutes(page)
	mux.HandleFunc("/admin/", func(w http.ResponseWriter, r *http.Request) {
		s.error(w, r, nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy trang quản trị này."))
	})
	s.apiRoutes(mux)

	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.error(w, r, nil, congtin.Errorf(congtin.EFORBIDDEN, "Yêu cầu bị từ chối vì đến từ một trang web khác (chống giả mạo yêu cầu)."))
	}))
	return cop.Handler(noStore(mux))
}

// noStore keeps back-office pages out of shared caches and the browser's
// back-forward cache after sign-out.
func noStore(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}

// request is what a signed-in handler knows about its request.
type request struct {
	site    *congtin.Site
	actor   congtin.Actor
	session *congtin.Session // nil for API tokens
	api     bool
	// unread counts the user's unread notifications, for the header of
	// a page; nil outside the pages.
	unread func() int
}

// base builds the layout fields.
func (rq *request) base(title, section string) render.AdminBase {
	b := render.AdminBase{
		Site: rq.site, User: rq.actor.User, Role: rq.actor.Role, Title: title, Section: section,
		CanManage: congtin.Can(rq.actor, congtin.ActManage, nil),
		CanEdit:   rq.actor.User.SuperAdmin || congtin.AtLeast(rq.actor.Role, congtin.RoleEditor),
		CanStats:  congtin.Can(rq.actor, congtin.ActStats, nil),
		CanAudit:  congtin.Can(rq.actor, congtin.ActAudit, nil),
	}
	if rq.unread != nil {
		b.Unread = rq.unread()
	}
	return b
}

// sessionEnded tells edit.js's requests that the session has ended.
const sessionEnded = "Phiên đăng nhập đã hết hạn; nội dung đang soạn chưa được lưu tạm lên máy chủ. Hãy đăng nhập lại ở một thẻ khác, rồi quay lại đây: nội dung vẫn còn trên trang này."

// requireUser resolves the signed-in user and their role on the request's
// site. Users without a role on this site are refused: nothing of one site
// is visible from another.
func (s *Server) requireUser(h func(http.ResponseWriter, *http.Request, *request)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rq, err := s.authenticate(r)
		if err != nil {
			if congtin.ErrorCode(err) == congtin.EUNAUTHORIZED {
				// A form of the newsroom's work posted after the session
				// ended is kept (keepPosted); edit.js's requests are told.
				if r.Method == http.MethodPost && s.keepPosted(w, r) {
					return
				}
				if r.Header.Get("X-Requested-With") == "fetch" {
					writeJSON(w, http.StatusUnauthorized, map[string]any{"error": sessionEnded, "expired": true})
					return
				}
				next := r.URL.Path
				if r.Method == http.MethodGet && r.URL.RawQuery != "" {
					next += "?" + r.URL.RawQuery
				}
				ended := ""
				if ck, cerr := r.Cookie(sessionCookie); cerr == nil && ck.Value != "" {
					ended = "het-han=1&"
				}
				http.Redirect(w, r, "/admin/dang-nhap?"+ended+"next="+url.QueryEscape(next), http.StatusSeeOther)
				return
			}
			s.error(w, r, rq, err)
			return
		}
		rq.unread = func() int { return s.unread(r.Context(), rq) }
		h(w, r, rq)
	})
}

func (s *Server) authenticate(r *http.Request) (*request, error) {
	site := congtin.SiteFromContext(r.Context())
	if site == nil {
		return nil, congtin.Errorf(congtin.EINTERNAL, "no site in context")
	}
	ck, err := r.Cookie(sessionCookie)
	if err != nil || ck.Value == "" {
		return nil, congtin.Errorf(congtin.EUNAUTHORIZED, "Hãy đăng nhập.")
	}
	sess, err := s.users.FindSession(r.Context(), auth.HashToken(ck.Value))
	if err != nil {
		if congtin.ErrorCode(err) == congtin.ENOTFOUND {
			return nil, congtin.Errorf(congtin.EUNAUTHORIZED, "Phiên đăng nhập đã hết hạn; hãy đăng nhập lại.")
		}
		return nil, err
	}
	return s.withRole(r.Context(), site, sess.User, sess, clientip.Addr(r))
}

func (s *Server) withRole(ctx context.Context, site *congtin.Site, u *congtin.User, sess *congtin.Session, ip string) (*request, error) {
	role, err := s.users.FindRole(ctx, site.ID, u.ID)
	if err != nil {
		return nil, err
	}
	rq := &request{site: site, session: sess, actor: congtin.Actor{User: u, Role: role, IP: ip}}
	if role == "" && !u.SuperAdmin {
		return rq, congtin.Errorf(congtin.EFORBIDDEN, "Tài khoản của bạn không có quyền trên cổng thông tin này.")
	}
	return rq, nil
}

// can refuses with EFORBIDDEN when the actor may not act.
func can(rq *request, act string, it *congtin.Item) error {
	if congtin.Can(rq.actor, act, it) {
		return nil
	}
	return congtin.Errorf(congtin.EFORBIDDEN, "Bạn không có quyền thực hiện thao tác này.")
}

// manager refuses with EFORBIDDEN an actor who does not manage the site.
func manager(rq *request) error { return can(rq, congtin.ActManage, nil) }

// error answers with the Vietnamese error page, or JSON for the API.
func (s *Server) error(w http.ResponseWriter, r *http.Request, rq *request, err error) {
	status := httperr.Status(err)
	msg := httperr.Message(err, status)
	switch status {
	case http.StatusInternalServerError:
		s.Log.Error("admin request failed", "method", r.Method, "path", r.URL.Path, "error", err)
		msg = "Đã xảy ra lỗi. Xin vui lòng thử lại sau."
	case http.StatusServiceUnavailable:
		// As on the public pages: nothing is wrong with the request, and
		// the editor is told to try again shortly.
		s.Log.Warn("service unavailable", "method", r.Method, "path", r.URL.Path, "error", err)
		w.Header().Set("Retry-After", httperr.RetryAfter)
	}
	if strings.HasPrefix(r.URL.Path, "/api/") || (rq != nil && rq.api) || r.Header.Get("X-Requested-With") == "fetch" {
		writeJSON(w, status, map[string]any{"error": msg})
		return
	}
	page := &render.AdminErrorPage{Status: status, Heading: errorHeading(status), Message: msg}
	page.Site = congtin.SiteFromContext(r.Context())
	if page.Site == nil {
		page.Site = &congtin.Site{Name: "Cổng thông tin điện tử"}
	}
	if rq != nil && rq.actor.User != nil {
		page.AdminBase = rq.base(page.Heading, "")
	}
	page.Title = page.Heading
	if err := s.Render.Render(w, status, "admin/error", page); err != nil {
		http.Error(w, msg, status)
	}
}

func errorHeading(status int) string {
	switch status {
	case http.StatusForbidden:
		return "Không có quyền"
	case http.StatusNotFound:
		return "Không tìm thấy"
	case http.StatusBadRequest:
		return "Yêu cầu không hợp lệ"
	case http.StatusConflict:
		return "Không thể thực hiện"
	case http.StatusTooManyRequests:
		return "Tạm khóa"
	case http.StatusRequestEntityTooLarge:
		return "Dữ liệu quá lớn"
	case http.StatusServiceUnavailable:
		return "Hệ thống tạm thời gián đoạn"
	}
	return "Lỗi hệ thống"
}

func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, page any) {
	if err := s.Render.Render(w, status, name, page); err != nil {
		s.Log.Error("render", "page", name, "error", err)
		http.Error(w, "Lỗi hiển thị trang", http.StatusInternalServerError)
	}
}

// show renders a page a handler has built, or the error that kept it
// from being built.
func (s *Server) show(w http.ResponseWriter, r *http.Request, rq *request, name string, page any, err error) {
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.render(w, r, http.StatusOK, name, page)
}

// finish answers a POST that changed something: on to path with the
// confirmation (post/redirect/get), or the error page when err says
// nothing was changed.
func (s *Server) finish(w http.ResponseWriter, r *http.Request, rq *request, err error, path, flash string) {
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.redirect(w, r, path, flash)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

// parseForm reads a bounded urlencoded or multipart form.
func parseForm(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		return congtin.Errorf(congtin.EINVALID, "Dữ liệu gửi lên quá lớn hoặc không hợp lệ (tối đa 4 MB).")
	}
	return nil
}

// formValue returns a trimmed form value with invalid UTF-8 kept as it is:
// validation reports it, and the form shows the text back repaired.
func formValue(r *http.Request, key string) string { return strings.TrimSpace(r.PostForm.Get(key)) }
