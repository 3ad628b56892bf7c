package congtin

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"
)

// Roles a user can hold on a site.
const (
	RoleReporter = "reporter" // Phóng viên
	RoleEditor   = "editor"   // Biên tập viên
	RoleAdmin    = "admin"    // Quản trị
)

// RoleName returns the Vietnamese name of a role.
func RoleName(role string) string {
	switch role {
	case RoleReporter:
		return "Phóng viên"
	case RoleEditor:
		return "Biên tập viên"
	case RoleAdmin:
		return "Quản trị"
	}
	return "Không có quyền"
}

// ValidRole reports whether r is a role.
func ValidRole(r string) bool { return r == RoleReporter || r == RoleEditor || r == RoleAdmin }

// roleRank orders roles: each can do what the ones below it can.
func roleRank(r string) int {
	switch r {
	case RoleReporter:
		return 1
	case RoleEditor:
		return 2
	case RoleAdmin:
		return 3
	}
	return 0
}

// AtLeast reports whether role is min or above it.
func AtLeast(role, min string) bool { return roleRank(role) >= roleRank(min) && roleRank(min) > 0 }

// User is a member of the newsroom. Roles are held per site.
type User struct {
	ID           int64     `json:"id"`
	Username     string    `json:"username"`
	DisplayName  string    `json:"display_name"`
	PasswordHash string    `json:"-"`
	SuperAdmin   bool      `json:"super_admin"` // may create sites and act on every site
	Disabled     bool      `json:"disabled"`
	CreatedAt    time.Time `json:"created_at"`
}

// Membership is a user's role on a site.
type Membership struct {
	UserID int64  `json:"user_id"`
	SiteID int64  `json:"site_id"`
	Role   string `json:"role"`
	User   *User  `json:"user,omitempty"`
}

// ValidateUsername checks a sign-in name: 3–40 characters of a-z, 0-9, '.', '_' or '-'.
func ValidateUsername(name string) error {
	if len(name) < 3 || len(name) > 40 {
		return Errorf(EINVALID, "Tên đăng nhập phải dài từ 3 đến 40 ký tự.")
	}
	for _, c := range name {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			return Errorf(EINVALID, "Tên đăng nhập chỉ gồm chữ thường không dấu, số và các dấu . _ -")
		}
	}
	return nil
}

// ValidatePassword checks a new password's strength.
func ValidatePassword(pw string) error {
	switch n := utf8.RuneCountInString(pw); {
	case !utf8.ValidString(pw):
		return Errorf(EINVALID, "Mật khẩu chứa ký tự không hợp lệ.")
	case n < 10:
		return Errorf(EINVALID, "Mật khẩu phải có ít nhất 10 ký tự.")
	case n > 200:
		return Errorf(EINVALID, "Mật khẩu quá dài (tối đa 200 ký tự).")
	}
	return nil
}

// ValidateDisplayName checks the name shown on articles and in the log.
func ValidateDisplayName(name string) error {
	if strings.TrimSpace(name) == "" || !validText(name) || utf8.RuneCountInString(name) > MaxAuthorLen {
		return Errorf(EINVALID, "Họ tên không được để trống và tối đa %d ký tự.", MaxAuthorLen)
	}
	return nil
}

// Session is a signed-in browser.
type Session struct {
	ID        int64
	UserID    int64
	User      *User
	CreatedAt time.Time
	ExpiresAt time.Time
	IP        string
}

// APIToken is an API token as the back office lists it: never its secret
// (only its hash is stored).
type APIToken struct {
	ID          int64
	UserID      int64
	Username    string
	DisplayName string
	Name        string
	CreatedAt   time.Time
	LastUsedAt  time.Time // zero: never used
}

// UserService stores users, roles, sessions and API tokens.
type UserService interface {
	UserStore

	// CreateUser adds a user with an already hashed password. ECONFLICT if
	// the user name is taken; EINVALID for a bad name.
	CreateUser(ctx context.Context, u *User) error
	// SetPasswordHash replaces a user's password hash and ends all their
	// sessions except keepSession (0 ends all) and all their API tokens:
	// whoever knew the old password may have made one.
	SetPasswordHash(ctx context.Context, userID int64, hash string, keepSession int64) error
	// SetDisabled disables or enables a user; disabling ends their sessions.
	SetDisabled(ctx context.Context, userID int64, disabled bool) error
	// SetRole gives a user a role on a site; an empty role removes it.
	SetRole(ctx context.Context, siteID, userID int64, role string) error
	// ChangeRole is a site administrator changing (or, with "", removing)
	// the role of one of the site's members, audited; it returns the
	// member. NotFound(KindUser) when the user holds no role on the site:
	// another site's user is not this administrator's to see (issue 16);
	// EFORBIDDEN for a non-administrator; EINVALID for a bad role or an
	// administrator giving up their own role.
	ChangeRole(ctx context.Context, actor Actor, siteID, userID int64, role string) (*User, error)
	// APITokens lists the tokens an actor may see on a site, newest
	// first: an administrator those of the site's members, anyone else
	// their own.
	APITokens(ctx context.Context, actor Actor, siteID int64) ([]*APIToken, error)
	// RevokeAPIToken deletes a token the actor may see (APITokens),
	// audited; NotFound(KindAPIToken) for any other.
	RevokeAPIToken(ctx context.Context, actor Actor, siteID, tokenID int64) error
}

// UserStore reads users, roles, sessions and API tokens, and keeps
// sessions, API tokens and sign-in failures (writes that need no rule).
type UserStore interface {
	// FindUserByUsername returns ENOTFOUND when there is no such user.
	FindUserByUsername(ctx context.Context, username string) (*User, error)
	// FindUserByID returns ENOTFOUND when there is no such user.
	FindUserByID(ctx context.Context, id int64) (*User, error)

	// FindRole returns the user's role on the site, or "" for none.
	FindRole(ctx context.Context, siteID, userID int64) (string, error)
	// FindMembers lists the site's users with their roles, by user name.
	FindMembers(ctx context.Context, siteID int64) ([]*Membership, error)

	// CreateSession stores a session for the token's hash; it sets s.ID
	// and s.CreatedAt, and sweeps away sessions expired for longer than
	// ExpiredSessionKept.
	CreateSession(ctx context.Context, s *Session, tokenHash string) error
	// FindSession returns the live session with the token hash, with its
	// user; ENOTFOUND when it does not exist, has expired, or its user is
	// disabled.
	FindSession(ctx context.Context, tokenHash string) (*Session, error)
	// DeleteSession ends a session.
	DeleteSession(ctx context.Context, tokenHash string) error

	// CreateAPIToken stores an API token hash for a user.
	CreateAPIToken(ctx context.Context, userID int64, name, tokenHash string) error
	// FindUserByAPIToken returns the token's user; ENOTFOUND when unknown
	// or when the user is disabled.
	FindUserByAPIToken(ctx context.Context, tokenHash string) (*User, error)
	// MarkAPITokenUsed records that the token was used now, at most once
	// a minute (a write per API request would be too many).
	MarkAPITokenUsed(ctx context.Context, tokenHash string) error
	// FindAPITokens lists tokens, newest first: those of the site's
	// members when siteID is not 0, those of the user when userID is not 0.
	FindAPITokens(ctx context.Context, siteID, userID int64) ([]*APIToken, error)

	// RecordLoginFailure notes a failed sign-in for the name and address.
	RecordLoginFailure(ctx context.Context, username, ip string) error
	// CountLoginFailures counts failures since a time, for the name and for
	// the address.
	CountLoginFailures(ctx context.Context, username, ip string, since time.Time) (byUser, byIP int, err error)
	// ClearLoginFailures forgets a name's failures after a good sign-in.
	ClearLoginFailures(ctx context.Context, username string) error
}

// UserTx writes users and roles.
type UserTx interface {
	// FindUser reads a user inside the transaction; NotFound(KindUser).
	FindUser(ctx context.Context, id int64) (*User, error)
	// UsernameFree reports whether no user has the name.
	UsernameFree(ctx context.Context, username string) (bool, error)
	// InsertUser stores a new user as it is given and sets its ID.
	InsertUser(ctx context.Context, u *User) error
	// UpdatePasswordHash writes a user's password hash;
	// NotFound(KindUser) when there is no such user.
	UpdatePasswordHash(ctx context.Context, userID int64, hash string) error
	// UpdateDisabled disables or enables a user; NotFound(KindUser) when
	// there is no such user.
	UpdateDisabled(ctx context.Context, userID int64, disabled bool) error
	// EndSessions deletes a user's sessions, all but keep (0: all).
	EndSessions(ctx context.Context, userID, keep int64) error
	// PutRole gives a user a role on a site, replacing the one they had.
	PutRole(ctx context.Context, siteID, userID int64, role string) error
	// DeleteRole takes a user's role on a site away, if they had one.
	DeleteRole(ctx context.Context, siteID, userID int64) error
	// FindRole returns the user's role on the site, or "" for none.
	FindRole(ctx context.Context, siteID, userID int64) (string, error)
	// FindAPIToken reads a token; NotFound(KindAPIToken).
	FindAPIToken(ctx context.Context, id int64) (*APIToken, error)
	// DeleteAPIToken deletes a token, if it is there.
	DeleteAPIToken(ctx context.Context, id int64) error
	// DeleteAPITokens deletes all of a user's tokens.
	DeleteAPITokens(ctx context.Context, userID int64) error
}
