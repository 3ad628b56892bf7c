package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/congtin/congtin"
)

var _ congtin.UserService = (*DB)(nil)

const userColumns = `id, username, display_name, password_hash, super_admin, disabled, created_at`

func scanUser(row interface{ Scan(...any) error }) (*congtin.User, error) {
	var u congtin.User
	var created int64
	err := row.Scan(&u.ID, &u.Username, &u.DisplayName, &u.PasswordHash, &u.SuperAdmin, &u.Disabled, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy người dùng.")
	} else if err != nil {
		return nil, fmt.Errorf("sqlite: scan user: %w", err)
	}
	u.CreatedAt = fromUnix(created)
	return &u, nil
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
		return err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `INSERT INTO users (username, display_name, password_hash, super_admin, created_at)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING`, u.Username, u.DisplayName, u.PasswordHash, boolInt(u.SuperAdmin), unix(tx.now))
	if err != nil {
		return fmt.Errorf("sqlite: create user: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return congtin.Errorf(congtin.ECONFLICT, "Tên đăng nhập “%s” đã có người dùng.", u.Username)
	}
	u.ID, _ = res.LastInsertId()
	u.CreatedAt = tx.now
	return tx.Commit()
}

// FindUserByUsername implements congtin.UserService.
func (db *DB) FindUserByUsername(ctx context.Context, username string) (*congtin.User, error) {
	return scanUser(db.db.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE username = ?`, username))
}

// FindUserByID implements congtin.UserService.
func (db *DB) FindUserByID(ctx context.Context, id int64) (*congtin.User, error) {
	return scanUser(db.db.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE id = ?`, id))
}

// SetPasswordHash implements congtin.UserService.
func (db *DB) SetPasswordHash(ctx context.Context, userID int64, hash string, keepSession int64) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `UPDATE users SET password_hash = ? WHERE id = ?`, hash, userID)
	if err != nil {
		return fmt.Errorf("sqlite: set password: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy người dùng.")
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = ? AND id <> ?`, userID, keepSession); err != nil {
		return fmt.Errorf("sqlite: end sessions: %w", err)
	}
	return tx.Commit()
}

// SetDisabled implements congtin.UserService.
func (db *DB) SetDisabled(ctx context.Context, userID int64, disabled bool) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `UPDATE users SET disabled = ? WHERE id = ?`, boolInt(disabled), userID)
	if err != nil {
		return fmt.Errorf("sqlite: disable user: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy người dùng.")
	}
	if disabled {
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = ?`, userID); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// SetRole implements congtin.UserService.
func (db *DB) SetRole(ctx context.Context, siteID, userID int64, role string) error {
	if role != "" && !congtin.ValidRole(role) {
		return congtin.Errorf(congtin.EINVALID, "Vai trò không hợp lệ.")
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if role == "" {
		_, err = tx.ExecContext(ctx, `DELETE FROM memberships WHERE site_id = ? AND user_id = ?`, siteID, userID)
	} else {
		_, err = tx.ExecContext(ctx, `INSERT INTO memberships (site_id, user_id, role) VALUES (?, ?, ?)
			ON CONFLICT (site_id, user_id) DO UPDATE SET role = excluded.role`, siteID, userID, role)
	}
	if err != nil {
		if strings.Contains(err.Error(), "FOREIGN KEY") {
			return congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy người dùng hoặc cổng thông tin.")
		}
		return fmt.Errorf("sqlite: set role: %w", err)
	}
	return tx.Commit()
}

// FindRole implements congtin.UserService.
func (db *DB) FindRole(ctx context.Context, siteID, userID int64) (string, error) {
	var role string
	err := db.db.QueryRowContext(ctx, `SELECT role FROM memberships WHERE site_id = ? AND user_id = ?`, siteID, userID).Scan(&role)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return role, err
}

// FindMembers implements congtin.UserService.
func (db *DB) FindMembers(ctx context.Context, siteID int64) ([]*congtin.Membership, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT m.role, `+prefixed("u.", userColumns)+`
		FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.site_id = ? ORDER BY u.username`, siteID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: find members: %w", err)
	}
	defer rows.Close()
	var out []*congtin.Membership
	for rows.Next() {
		var m congtin.Membership
		var u congtin.User
		var created int64
		if err := rows.Scan(&m.Role, &u.ID, &u.Username, &u.DisplayName, &u.PasswordHash, &u.SuperAdmin, &u.Disabled, &created); err != nil {
			return nil, err
		}
		u.CreatedAt = fromUnix(created)
		m.UserID, m.SiteID, m.User = u.ID, siteID, &u
		out = append(out, &m)
	}
	return out, rows.Err()
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
		return err
	}
	defer tx.Rollback()
	// Expired sessions are swept here, on the rare write, not on reads.
	if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at < ?`, unix(tx.now)); err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO sessions (token_hash, user_id, ip, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
		tokenHash, s.UserID, s.IP, unix(tx.now), unix(s.ExpiresAt))
	if err != nil {
		return fmt.Errorf("sqlite: create session: %w", err)
	}
	s.ID, _ = res.LastInsertId()
	s.CreatedAt = tx.now
	return tx.Commit()
}

// FindSession implements congtin.UserService.
func (db *DB) FindSession(ctx context.Context, tokenHash string) (*congtin.Session, error) {
	var s congtin.Session
	var created, expires int64
	row := db.db.QueryRowContext(ctx, `SELECT s.id, s.user_id, s.ip, s.created_at, s.expires_at, `+prefixed("u.", userColumns)+`
		FROM sessions s JOIN users u ON u.id = s.user_id
		WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0`, tokenHash, unix(db.Now()))
	var u congtin.User
	var ucreated int64
	err := row.Scan(&s.ID, &s.UserID, &s.IP, &created, &expires, &u.ID, &u.Username, &u.DisplayName, &u.PasswordHash, &u.SuperAdmin, &u.Disabled, &ucreated)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congtin.Errorf(congtin.ENOTFOUND, "Phiên đăng nhập đã hết hạn.")
	} else if err != nil {
		return nil, fmt.Errorf("sqlite: find session: %w", err)
	}
	s.CreatedAt, s.ExpiresAt, u.CreatedAt = fromUnix(created), fromUnix(expires), fromUnix(ucreated)
	s.User = &u
	return &s, nil
}

// DeleteSession implements congtin.UserService.
func (db *DB) DeleteSession(ctx context.Context, tokenHash string) error {
	_, err := db.db.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = ?`, tokenHash)
	return err
}

// CreateAPIToken implements congtin.UserService.
func (db *DB) CreateAPIToken(ctx context.Context, userID int64, name, tokenHash string) error {
	_, err := db.db.ExecContext(ctx, `INSERT INTO api_tokens (token_hash, user_id, name, created_at) VALUES (?, ?, ?, ?)`,
		tokenHash, userID, name, unix(db.Now()))
	return err
}

// FindUserByAPIToken implements congtin.UserService.
func (db *DB) FindUserByAPIToken(ctx context.Context, tokenHash string) (*congtin.User, error) {
	u, err := scanUser(db.db.QueryRowContext(ctx, `SELECT `+prefixed("u.", userColumns)+`
		FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? AND u.disabled = 0`, tokenHash))
	return u, err
}

// RecordLoginFailure implements congtin.UserService.
func (db *DB) RecordLoginFailure(ctx context.Context, username, ip string) error {
	_, err := db.db.ExecContext(ctx, `INSERT INTO login_failures (username, ip, at) VALUES (?, ?, ?)`, username, ip, unix(db.Now()))
	return err
}

// CountLoginFailures implements congtin.UserService.
func (db *DB) CountLoginFailures(ctx context.Context, username, ip string, since time.Time) (byUser, byIP int, err error) {
	err = db.db.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM login_failures WHERE username = ? AND at >= ?),
		(SELECT COUNT(*) FROM login_failures WHERE ip = ? AND at >= ?)`, username, unix(since), ip, unix(since)).Scan(&byUser, &byIP)
	return byUser, byIP, err
}

// ClearLoginFailures implements congtin.UserService.
func (db *DB) ClearLoginFailures(ctx context.Context, username string) error {
	_, err := db.db.ExecContext(ctx, `DELETE FROM login_failures WHERE username = ?`, username)
	return err
}
