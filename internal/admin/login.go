package admin

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/clientip"
	"github.com/congtin/congtin/internal/render"
)

// userService is what sign-in, sessions, passwords and the users' page
// need.
type userService interface {
	FindSession(ctx context.Context, tokenHash string) (*congtin.Session, error)
	FindUserByAPIToken(ctx context.Context, tokenHash string) (*congtin.User, error)
	MarkAPITokenUsed(ctx context.Context, tokenHash string) error
	APITokens(ctx context.Context, actor congtin.Actor, siteID int64) ([]*congtin.APIToken, error)
	RevokeAPIToken(ctx context.Context, actor congtin.Actor, siteID, tokenID int64) error
	FindRole(ctx context.Context, siteID, userID int64) (string, error)
	CountLoginFailures(ctx context.Context, username, ip string, since time.Time) (byUser, byIP int, err error)
	RecordLoginFailure(ctx context.Context, username, ip string) error
	ClearLoginFailures(ctx context.Context, username string) error
	CreateSession(ctx context.Context, s *congtin.Session, tokenHash string) error
	DeleteSession(ctx context.Context, tokenHash string) error
	SetPasswordHash(ctx context.Context, userID int64, hash string, keepSession int64) error
	FindMembers(ctx context.Context, siteID int64) ([]*congtin.Membership, error)
	FindUserByUsername(ctx context.Context, username string) (*congtin.User, error)
	FindUserByID(ctx context.Context, id int64) (*congtin.User, error)
	CreateUser(ctx context.Context, u *congtin.User) error
	SetRole(ctx context.Context, siteID, userID int64, role string) error
	ChangeRole(ctx context.Context, actor congtin.Actor, siteID, userID int64, role string) (*congtin.User, error)
	SetDisabled(ctx context.Context, userID int64, disabled bool) error
	AddAudit(ctx context.Context, e *congtin.AuditEntry) error
}

// safeNext keeps the post-sign-in redirect inside the back office.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/admin/") || strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n") {
		return "/admin/"
	}
	return next
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request, status int, username, next, msg string) {
	page := &render.LoginPage{Username: strings.ToValidUTF8(username, ""), Next: safeNext(next)}
	page.Site = congtin.SiteFromContext(r.Context())
	page.Title = "Đăng nhập"
	page.Error = msg
	page.Flash = s.flash(r)
	switch r.URL.Query().Get("het-han") {
	case "giu":
		page.Notice = "Phiên đăng nhập đã hết hạn khi bạn lưu; nội dung đã được giữ lại (chưa lưu vào bài). Hãy đăng nhập lại: biểu mẫu sẽ hiện lại với nội dung của bạn để bạn lưu tiếp."
	case "1":
		page.Notice = "Phiên đăng nhập đã hết hạn; hãy đăng nhập lại."
	}
	// A form kept from a save after the session ended is carried again
	// when a sign-in fails.
	if path, kept := keptFields(r.PostForm); path != "" {
		if _, _, ok := formTarget(path); ok {
			page.KeptPath, page.Notice = path, keptNotice
			for k, vs := range kept {
				for _, v := range vs {
					page.Kept = append(page.Kept, render.KeptField{Name: keptPrefix + k, Value: strings.ToValidUTF8(v, "\uFFFD")})
				}
			}
		}
	}
	s.render(w, r, status, "admin/login", page)
}

func (s *Server) handleLoginForm(w http.ResponseWriter, r *http.Request) {
	s.loginPage(w, r, http.StatusOK, "", r.URL.Query().Get("next"), "")
}

// handleLogin checks the password with the lock-out applied first, so that
// a locked account cannot be probed at all.
func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	site := congtin.SiteFromContext(ctx)
	if err := parseForm(w, r); err != nil {
		s.loginPage(w, r, http.StatusBadRequest, "", "", congtin.ErrorMessage(err))
		return
	}
	username := strings.ToLower(formValue(r, "username"))
	password := r.PostForm.Get("password")
	next := r.PostForm.Get("next")
	ip := clientip.Addr(r)
	if len(username) > 40 || len(password) > 200 {
		s.loginPage(w, r, http.StatusBadRequest, "", next, "Tên đăng nhập hoặc mật khẩu không đúng.")
		return
	}
	byUser, byIP, err := s.users.CountLoginFailures(ctx, username, ip, s.now().Add(-lockWindow))
	if err != nil {
		s.error(w, r, nil, err)
		return
	}
	if byUser >= maxUserFailures || byIP >= maxIPFailures {
		_ = s.users.AddAudit(ctx, &congtin.AuditEntry{SiteID: site.ID, Username: username, IP: ip, Action: "login_locked", Detail: "đăng nhập khi đang bị tạm khóa"})
		s.loginPage(w, r, http.StatusTooManyRequests, username, next,
			"Đăng nhập sai quá nhiều lần. Tài khoản hoặc địa chỉ của bạn tạm bị khóa 15 phút; hãy thử lại sau.")
		return
	}
	u, err := s.users.FindUserByUsername(ctx, username)
	ok := false
	switch {
	case err == nil:
		ok = auth.CheckPassword(u.PasswordHash, password) && !u.Disabled
	case congtin.ErrorCode(err) == congtin.ENOTFOUND:
		auth.CheckNoUser(password)
	default:
		s.error(w, r, nil, err)
		return
	}
	if !ok {
		_ = s.users.RecordLoginFailure(ctx, username, ip)
		_ = s.users.AddAudit(ctx, &congtin.AuditEntry{SiteID: site.ID, Username: username, IP: ip, Action: "login_failed"})
		msg := "Tên đăng nhập hoặc mật khẩu không đúng."
		if left := maxUserFailures - byUser - 1; left > 0 && left <= 2 {
			msg += " Còn " + strconv.Itoa(left) + " lần thử trước khi tài khoản bị tạm khóa."
		}
		s.loginPage(w, r, http.StatusUnauthorized, username, next, msg)
		return
	}
	// A fresh token at every sign-in: a session fixed before sign-in is
	// worthless after it.
	if ck, err := r.Cookie(sessionCookie); err == nil {
		_ = s.users.DeleteSession(ctx, auth.HashToken(ck.Value))
	}
	token, hash := auth.NewToken()
	sess := &congtin.Session{UserID: u.ID, IP: ip, ExpiresAt: s.now().Add(sessionLifetime)}
	if err := s.users.CreateSession(ctx, sess, hash); err != nil {
		s.error(w, r, nil, err)
		return
	}
	_ = s.users.ClearLoginFailures(ctx, username)
	_ = s.users.AddAudit(ctx, &congtin.AuditEntry{SiteID: site.ID, UserID: u.ID, Username: u.Username, IP: ip, Action: "login"})
	s.keepAfterSignIn(r, u)
	// The cookie outlives the session, so that a form posted after the
	// session ended still names its writer (keepPosted); the session
	// itself ends on time.
	clientip.SetCookie(w, r, &http.Cookie{
		Name: sessionCookie, Value: token, Path: "/", MaxAge: int((sessionLifetime + congtin.ExpiredSessionKept).Seconds()),
		HttpOnly: true, SameSite: http.SameSiteLaxMode,
	})
	http.Redirect(w, r, safeNext(next), http.StatusSeeOther)
}

func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) {
	if ck, err := r.Cookie(sessionCookie); err == nil && ck.Value != "" {
		if sess, err := s.users.FindSession(r.Context(), auth.HashToken(ck.Value)); err == nil {
			site := congtin.SiteFromContext(r.Context())
			_ = s.users.AddAudit(r.Context(), &congtin.AuditEntry{SiteID: site.ID, UserID: sess.UserID, Username: sess.User.Username, IP: clientip.Addr(r), Action: "logout"})
		}
		_ = s.users.DeleteSession(r.Context(), auth.HashToken(ck.Value))
	}
	clientip.SetCookie(w, r, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	s.redirect(w, r, "/admin/dang-nhap", "Bạn đã đăng xuất.")
}

func (s *Server) handlePasswordForm(w http.ResponseWriter, r *http.Request, rq *request) {
	page := &render.PasswordPage{AdminBase: rq.base("Đổi mật khẩu", "password")}
	page.Flash = s.flash(r)
	s.render(w, r, http.StatusOK, "admin/password", page)
}

func (s *Server) handlePassword(w http.ResponseWriter, r *http.Request, rq *request) {
	page := &render.PasswordPage{AdminBase: rq.base("Đổi mật khẩu", "password")}
	if err := parseForm(w, r); err != nil {
		s.error(w, r, rq, err)
		return
	}
	fe := congtin.FieldErrors{}
	cur, nw, confirm := r.PostForm.Get("current"), r.PostForm.Get("new"), r.PostForm.Get("confirm")
	if !auth.CheckPassword(rq.actor.User.PasswordHash, cur) {
		fe["current"] = "Mật khẩu hiện tại không đúng."
	}
	if err := congtin.ValidatePassword(nw); err != nil {
		fe["new"] = congtin.ErrorMessage(err)
	} else if nw != confirm {
		fe["confirm"] = "Hai lần nhập mật khẩu mới không khớp."
	}
	if len(fe) > 0 {
		page.Errors = fe
		s.render(w, r, http.StatusBadRequest, "admin/password", page)
		return
	}
	hash, err := auth.HashPassword(nw)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	var keep int64
	if rq.session != nil {
		keep = rq.session.ID
	}
	if err := s.users.SetPasswordHash(r.Context(), rq.actor.User.ID, hash, keep); err != nil {
		s.error(w, r, rq, err)
		return
	}
	_ = s.users.AddAudit(r.Context(), rq.actor.Entry(rq.site.ID, "user.password", "user", rq.actor.User.ID, "đổi mật khẩu"))
	s.redirect(w, r, "/admin/mat-khau", "Đã đổi mật khẩu. Các phiên đăng nhập khác đã kết thúc.")
}
