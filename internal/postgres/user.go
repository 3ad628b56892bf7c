package postgres

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/congtin/congtin"
)

var _ congtin.UserService = (*DB)(nil)

const userColumns = `id, username, display_name, password_hash, super_admin, disabled, created_at`

func scanUser(row interface{ Scan(...any) error }) (*congtin.User, error) {
	var u congtin.User
	err := row.Scan(&u.ID, &u.Username, &u.DisplayName, &u.PasswordHash, &u.SuperAdmin, &u.Disabled, &u.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errNoUser()
	} else if err != nil {
		return nil, wrap("scan user", err)
	}
	u.CreatedAt = fromTS(u.CreatedAt)
	return &u, nil
}

func errNoUser() error {
	return congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy người dùng.")
}

// CreateUser implements congtin.UserService.
func (db *DB) CreateUser(ctx context.Context, u *congtin.User) error {
	if err := congtin.ValidateUsername(u.Username); err != nil {
		return err
	}
	if err := congtin.ValidateDisplayName(u.DisplayName); err != nil {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return wrap("create user", err)
	}
	defer tx.Rollback()
	// A taken name inserts nothing and returns no row; a concurrent insert
	// of the same name waits for the other to commit, then does the same.
	// NOT EXISTS keeps the ID for the next user (see defaultSite).
	err = tx.QueryRowContext(ctx, `INSERT INTO users (username, display_name, password_hash, super_admin, created_at)
		SELECT $1, $2, $3, $4, $5 WHERE NOT EXISTS (SELECT 1 FROM users WHERE username = $1)
		ON CONFLICT (username) DO NOTHING RETURNING id`, u.Username, u.DisplayName, u.PasswordHash, u.SuperAdmin, tx.now).Scan(&u.ID)
	if errors.Is(err, sql.ErrNoRows) {
		return congtin.Errorf(congtin.ECONFLICT, "Tên đăng nhập “%s” đã có người dùng.", u.Username)
	} else if err != nil {
		return wrap("create user", err)
	}
	u.CreatedAt = tx.now
	return wrap("create user: commit", tx.Commit())
}

// FindUserByUsername implements congtin.UserService.
func (db *DB) FindUserByUsername(ctx context.Context, username string) (*congtin.User, error) {
	if !storable(username) { // straight from the sign-in form
		return nil, errNoUser()
	}
	return scanUser(db.db.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE username = $1`, username))
}

// FindUserByID implements congtin.UserService.
func (db *DB) FindUserByID(ctx context.Context, id int64) (*congtin.User, error) {
	return scanUser(db.db.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE id = $1`, id))
}

// SetPasswordHash implements congtin.UserService.
func (db *DB) SetPasswordHash(ctx context.Context, userID int64, hash string, keepSession int64) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return wrap("set password", err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `UPDATE users SET password_hash = $1 WHERE id = $2`, hash, userID)
	if err != nil {
		return wrap("set password", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errNoUser()
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1 AND id <> $2`, userID, keepSession); err != nil {
		return wrap("end sessions", err)
	}
	return wrap("set password: commit", tx.Commit())
}

// SetDisabled implements congtin.UserService.
func (db *DB) SetDisabled(ctx context.Context, userID int64, disabled bool) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return wrap("disable user", err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `UPDATE users SET disabled = $1 WHERE id = $2`, disabled, userID)
	if err != nil {
		return wrap("disable user", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errNoUser()
	}
	if disabled {
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID); err != nil {
			return wrap("end sessions", err)
		}
	}
	return wrap("disable user: commit", tx.Commit())
}

// SetRole implements congtin.UserService.
func (db *DB) SetRole(ctx context.Context, siteID, userID int64, role string) error {
	if role != "" && !congtin.ValidRole(role) {
		return congtin.Errorf(congtin.EINVALID, "Vai trò không hợp lệ.")
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return wrap("set role", err)
	}
	defer tx.Rollback()
	if role == "" {
		_, err = tx.ExecContext(ctx, `DELETE FROM memberships WHERE site_id = $1 AND user_id = $2`, siteID, userID)
	} else {
		_, err = tx.ExecContext(ctx, `INSERT INTO memberships (site_id, user_id, role) VALUES ($1, $2, $3)
			ON CONFLICT (site_id, user_id) DO UPDATE SET role = excluded.role`, siteID, userID, role)
	}
	if pgCode(err) == foreignKeyViolation {
		return congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy người dùng hoặc cổng thông tin.")
	} else if err != nil {
		return wrap("set role", err)
	}
	return wrap("set role: commit", tx.Commit())
}

// FindRole implements congtin.UserService.
func (db *DB) FindRole(ctx context.Context, siteID, userID int64) (string, error) {
	var role string
	err := db.db.QueryRowContext(ctx, `SELECT role FROM memberships WHERE site_id = $1 AND user_id = $2`, siteID, userID).Scan(&role)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return role, wrap("find role", err)
}

// FindMembers implements congtin.UserService.
func (db *DB) FindMembers(ctx context.Context, siteID int64) ([]*congtin.Membership, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT m.role, `+prefixed("u.", userColumns)+`
		FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.site_id = $1 ORDER BY u.username`, siteID)
	if err != nil {
		return nil, wrap("find members", err)
	}
	defer rows.Close()
	var out []*congtin.Membership
	for rows.Next() {
		var m congtin.Membership
		var u congtin.User
		if err := rows.Scan(&m.Role, &u.ID, &u.Username, &u.DisplayName, &u.PasswordHash, &u.SuperAdmin, &u.Disabled, &u.CreatedAt); err != nil {
			return nil, wrap("find members", err)
		}
		u.CreatedAt = fromTS(u.CreatedAt)
		m.UserID, m.SiteID, m.User = u.ID, siteID, &u
		out = append(out, &m)
	}
	return out, wrap("find members", rows.Err())
}

func prefixed(p, cols string) string {
	parts := strings.Split(cols, ",")
	for i := range parts {
		parts[i] = p + strings.TrimSpace(parts[i])
	}
	return strings.Join(parts, ", ")
}

// CreateSession implements congtin.UserService.
func (db *DB) CreateSession(ctx context.Context, s *congtin.Session, tokenHash string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return wrap("create session", err)
	}
	defer tx.Rollback()
	// Expired sessions are swept here, on the rare write, not on reads.
	if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at < $1`, tx.now); err != nil {
		return wrap("sweep sessions", err)
	}
	if err := tx.QueryRowContext(ctx, `INSERT INTO sessions (token_hash, user_id, ip, created_at, expires_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
		tokenHash, s.UserID, clean(s.IP), tx.now, ts(s.ExpiresAt)).Scan(&s.ID); err != nil {
		return wrap("create session", err)
	}
	s.CreatedAt = tx.now
	return wrap("create session: commit", tx.Commit())
}

// FindSession implements congtin.UserService.
func (db *DB) FindSession(ctx context.Context, tokenHash string) (*congtin.Session, error) {
	expired := congtin.Errorf(congtin.ENOTFOUND, "Phiên đăng nhập đã hết hạn.")
	if !storable(tokenHash) {
		return nil, expired
	}
	var s congtin.Session
	var u congtin.User
	row := db.db.QueryRowContext(ctx, `SELECT s.id, s.user_id, s.ip, s.created_at, s.expires_at, `+prefixed("u.", userColumns)+`
		FROM sessions s JOIN users u ON u.id = s.user_id
		WHERE s.token_hash = $1 AND s.expires_at > $2 AND NOT u.disabled`, tokenHash, ts(db.Now()))
	err := row.Scan(&s.ID, &s.UserID, &s.IP, &s.CreatedAt, &s.ExpiresAt, &u.ID, &u.Username, &u.DisplayName, &u.PasswordHash, &u.SuperAdmin, &u.Disabled, &u.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, expired
	} else if err != nil {
		return nil, wrap("find session", err)
	}
	s.CreatedAt, s.ExpiresAt, u.CreatedAt = fromTS(s.CreatedAt), fromTS(s.ExpiresAt), fromTS(u.CreatedAt)
	s.User = &u
	return &s, nil
}

// DeleteSession implements congtin.UserService.
func (db *DB) DeleteSession(ctx context.Context, tokenHash string) error {
	if !storable(tokenHash) {
		return nil // no session has it
	}
	_, err := db.db.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = $1`, tokenHash)
	return wrap("delete session", err)
}

// CreateAPIToken implements congtin.UserService.
func (db *DB) CreateAPIToken(ctx context.Context, userID int64, name, tokenHash string) error {
	_, err := db.db.ExecContext(ctx, `INSERT INTO api_tokens (token_hash, user_id, name, created_at) VALUES ($1, $2, $3, $4)`,
		tokenHash, userID, name, ts(db.Now()))
	return wrap("create token", err)
}

// FindUserByAPIToken implements congtin.UserService.
func (db *DB) FindUserByAPIToken(ctx context.Context, tokenHash string) (*congtin.User, error) {
	if !storable(tokenHash) {
		return nil, errNoUser()
	}
	return scanUser(db.db.QueryRowContext(ctx, `SELECT `+prefixed("u.", userColumns)+`
		FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1 AND NOT u.disabled`, tokenHash))
}

// RecordLoginFailure implements congtin.UserService. The name is cleaned
// as CountLoginFailures cleans it, so a name of stray bytes is counted
// like any other.
func (db *DB) RecordLoginFailure(ctx context.Context, username, ip string) error {
	_, err := db.db.ExecContext(ctx, `INSERT INTO login_failures (username, ip, at) VALUES ($1, $2, $3)`, clean(username), clean(ip), ts(db.Now()))
	return wrap("record login failure", err)
}

// CountLoginFailures implements congtin.UserService.
func (db *DB) CountLoginFailures(ctx context.Context, username, ip string, since time.Time) (byUser, byIP int, err error) {
	err = db.db.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM login_failures WHERE username = $1 AND at >= $3),
		(SELECT COUNT(*) FROM login_failures WHERE ip = $2 AND at >= $3)`, clean(username), clean(ip), ts(since)).Scan(&byUser, &byIP)
	return byUser, byIP, wrap("count login failures", err)
}

// ClearLoginFailures implements congtin.UserService.
func (db *DB) ClearLoginFailures(ctx context.Context, username string) error {
	_, err := db.db.ExecContext(ctx, `DELETE FROM login_failures WHERE username = $1`, clean(username))
	return wrap("clear login failures", err)
}
