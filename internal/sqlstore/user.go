package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/congtin/congtin"
)

var _ congtin.UserStore = (*DB)(nil)
var _ congtin.UserTx = (*Tx)(nil)

const userColumns = `u.id, u.username, u.display_name, u.password_hash, u.super_admin, u.disabled, u.created_at`

// scanUser reads userColumns, after the columns scanned into before.
func scanUser(row scanner, before ...any) (*congtin.User, error) {
	var u congtin.User
	err := row.Scan(append(before, &u.ID, &u.Username, &u.DisplayName, &u.PasswordHash, &u.SuperAdmin, &u.Disabled, at(&u.CreatedAt))...)
	if err != nil {
		return nil, err
	}
	return &u, nil
}

func (c conn) findUser(ctx context.Context, id int64) (*congtin.User, error) {
	u, err := scanUser(c.QueryRow(ctx, `SELECT `+userColumns+` FROM users u WHERE u.id = ?`, id))
	return u, c.db.wrap("find user", found(err, congtin.KindUser))
}

// FindUserByUsername implements congtin.UserStore.
func (db *DB) FindUserByUsername(ctx context.Context, username string) (*congtin.User, error) {
	if !db.d.Lookupable(username) { // straight from the sign-in form
		return nil, congtin.NotFound(congtin.KindUser)
	}
	u, err := scanUser(db.QueryRow(ctx, `SELECT `+userColumns+` FROM users u WHERE u.username = ?`, username))
	return u, db.wrap("find user", found(err, congtin.KindUser))
}

// FindUserByID implements congtin.UserStore.
func (db *DB) FindUserByID(ctx context.Context, id int64) (*congtin.User, error) {
	return db.findUser(ctx, id)
}

// FindUser implements congtin.UserTx.
func (tx *Tx) FindUser(ctx context.Context, id int64) (*congtin.User, error) {
	return tx.findUser(ctx, id)
}

// UsernameFree implements congtin.UserTx.
func (tx *Tx) UsernameFree(ctx context.Context, username string) (bool, error) {
	taken, err := tx.exists(ctx, `SELECT 1 FROM users WHERE username = ?`, username)
	return !taken, tx.db.wrap("user name", err)
}

// InsertUser implements congtin.UserTx.
func (tx *Tx) InsertUser(ctx context.Context, u *congtin.User) error {
	id, err := tx.insert(ctx, `INSERT INTO users (username, display_name, password_hash, super_admin, disabled, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
		u.Username, u.DisplayName, u.PasswordHash, u.SuperAdmin, u.Disabled, u.CreatedAt)
	if err != nil {
		return tx.db.wrap("insert user", err)
	}
	u.ID = id
	return nil
}

// updateUser runs an UPDATE of one user; NotFound(KindUser) when no row
// has the ID.
func (tx *Tx) updateUser(ctx context.Context, op, set string, v any, id int64) error {
	res, err := tx.Exec(ctx, `UPDATE users SET `+set+` = ? WHERE id = ?`, v, id)
	if err != nil {
		return tx.db.wrap(op, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return tx.db.wrap(op, err)
	} else if n == 0 {
		return congtin.NotFound(congtin.KindUser)
	}
	return nil
}

// UpdatePasswordHash implements congtin.UserTx.
func (tx *Tx) UpdatePasswordHash(ctx context.Context, userID int64, hash string) error {
	return tx.updateUser(ctx, "set password", "password_hash", hash, userID)
}

// UpdateDisabled implements congtin.UserTx.
func (tx *Tx) UpdateDisabled(ctx context.Context, userID int64, disabled bool) error {
	return tx.updateUser(ctx, "disable user", "disabled", disabled, userID)
}

// EndSessions implements congtin.UserTx.
func (tx *Tx) EndSessions(ctx context.Context, userID, keep int64) error {
	_, err := tx.Exec(ctx, `DELETE FROM sessions WHERE user_id = ? AND id <> ?`, userID, keep)
	return tx.db.wrap("end sessions", err)
}

// PutRole implements congtin.UserTx.
func (tx *Tx) PutRole(ctx context.Context, siteID, userID int64, role string) error {
	_, err := tx.Exec(ctx, `INSERT INTO memberships (site_id, user_id, role) VALUES (?, ?, ?)
		ON CONFLICT (site_id, user_id) DO UPDATE SET role = excluded.role`, siteID, userID, role)
	return tx.db.wrap("set role", err)
}

// DeleteRole implements congtin.UserTx.
func (tx *Tx) DeleteRole(ctx context.Context, siteID, userID int64) error {
	_, err := tx.Exec(ctx, `DELETE FROM memberships WHERE site_id = ? AND user_id = ?`, siteID, userID)
	return tx.db.wrap("remove role", err)
}

// FindRole implements congtin.UserStore.
func (db *DB) FindRole(ctx context.Context, siteID, userID int64) (string, error) {
	return db.findRole(ctx, siteID, userID)
}

// FindRole implements congtin.UserTx.
func (tx *Tx) FindRole(ctx context.Context, siteID, userID int64) (string, error) {
	return tx.findRole(ctx, siteID, userID)
}

func (c conn) findRole(ctx context.Context, siteID, userID int64) (string, error) {
	var role string
	err := c.QueryRow(ctx, `SELECT role FROM memberships WHERE site_id = ? AND user_id = ?`, siteID, userID).Scan(&role)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil // no role
	}
	return role, c.db.wrap("find role", err)
}

// FindMembers implements congtin.UserStore.
func (db *DB) FindMembers(ctx context.Context, siteID int64) ([]*congtin.Membership, error) {
	ms, err := list(ctx, db.conn, func(row scanner) (*congtin.Membership, error) {
		m := &congtin.Membership{SiteID: siteID}
		u, err := scanUser(row, &m.Role)
		if err != nil {
			return nil, err
		}
		m.UserID, m.User = u.ID, u
		return m, nil
	}, `SELECT m.role, `+userColumns+` FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.site_id = ? ORDER BY u.username`, siteID)
	return ms, db.wrap("find members", err)
}

// CreateSession implements congtin.UserStore. Sessions are not content:
// they are written outside the write transactions the newsroom queues in.
func (db *DB) CreateSession(ctx context.Context, s *congtin.Session, tokenHash string) error {
	now := db.Now().UTC().Truncate(time.Second)
	// Expired sessions are swept here, on the rare write, not on reads,
	// once they no longer name their user (congtin.ExpiredSessionKept).
	if _, err := db.Exec(ctx, `DELETE FROM sessions WHERE expires_at < ?`, now.Add(-congtin.ExpiredSessionKept)); err != nil {
		return db.wrap("sweep sessions", err)
	}
	id, err := db.insert(ctx, `INSERT INTO sessions (token_hash, user_id, ip, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
		tokenHash, s.UserID, clean(s.IP), now, s.ExpiresAt)
	if err != nil {
		return db.wrap("create session", err)
	}
	s.ID, s.CreatedAt = id, now
	return nil
}

// FindSession implements congtin.UserStore.
func (db *DB) FindSession(ctx context.Context, tokenHash string) (*congtin.Session, error) {
	if !db.d.Lookupable(tokenHash) {
		return nil, congtin.NotFound(congtin.KindSession)
	}
	var s congtin.Session
	u, err := scanUser(db.QueryRow(ctx, `SELECT s.id, s.user_id, s.ip, s.created_at, s.expires_at, `+userColumns+`
		FROM sessions s JOIN users u ON u.id = s.user_id
		WHERE s.token_hash = ? AND s.expires_at > ? AND NOT u.disabled`, tokenHash, db.Now()),
		&s.ID, &s.UserID, &s.IP, at(&s.CreatedAt), at(&s.ExpiresAt))
	if err != nil {
		return nil, db.wrap("find session", found(err, congtin.KindSession))
	}
	s.User = u
	return &s, nil
}

// DeleteSession implements congtin.UserStore.
func (db *DB) DeleteSession(ctx context.Context, tokenHash string) error {
	if !db.d.Lookupable(tokenHash) {
		return nil // no session has it
	}
	_, err := db.Exec(ctx, `DELETE FROM sessions WHERE token_hash = ?`, tokenHash)
	return db.wrap("delete session", err)
}

// CreateAPIToken implements congtin.UserStore.
func (db *DB) CreateAPIToken(ctx context.Context, userID int64, name, tokenHash string) error {
	_, err := db.Exec(ctx, `INSERT INTO api_tokens (token_hash, user_id, name, created_at) VALUES (?, ?, ?, ?)`,
		tokenHash, userID, name, db.Now())
	return db.wrap("create token", err)
}

// FindUserByAPIToken implements congtin.UserStore.
func (db *DB) FindUserByAPIToken(ctx context.Context, tokenHash string) (*congtin.User, error) {
	if !db.d.Lookupable(tokenHash) {
		return nil, congtin.NotFound(congtin.KindUser)
	}
	u, err := scanUser(db.QueryRow(ctx, `SELECT `+userColumns+`
		FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? AND NOT u.disabled`, tokenHash))
	return u, db.wrap("find token", found(err, congtin.KindUser))
}

// RecordLoginFailure implements congtin.UserStore. The name and address
// come straight from the request: they are cleaned as CountLoginFailures
// cleans them, so a name of stray bytes is counted like any other.
func (db *DB) RecordLoginFailure(ctx context.Context, username, ip string) error {
	_, err := db.Exec(ctx, `INSERT INTO login_failures (username, ip, at) VALUES (?, ?, ?)`, clean(username), clean(ip), db.Now())
	return db.wrap("record login failure", err)
}

// CountLoginFailures implements congtin.UserStore.
func (db *DB) CountLoginFailures(ctx context.Context, username, ip string, since time.Time) (byUser, byIP int, err error) {
	err = db.QueryRow(ctx, `SELECT
		(SELECT COUNT(*) FROM login_failures WHERE username = ? AND at >= ?),
		(SELECT COUNT(*) FROM login_failures WHERE ip = ? AND at >= ?)`, clean(username), since, clean(ip), since).Scan(&byUser, &byIP)
	return byUser, byIP, db.wrap("count login failures", err)
}

// ClearLoginFailures implements congtin.UserStore.
func (db *DB) ClearLoginFailures(ctx context.Context, username string) error {
	_, err := db.Exec(ctx, `DELETE FROM login_failures WHERE username = ?`, clean(username))
	return db.wrap("clear login failures", err)
}

const apiTokenColumns = `t.id, t.user_id, u.username, u.display_name, t.name, t.created_at, t.last_used_at`

func scanAPIToken(row scanner) (*congtin.APIToken, error) {
	var k congtin.APIToken
	if err := row.Scan(&k.ID, &k.UserID, &k.Username, &k.DisplayName, &k.Name, at(&k.CreatedAt), at(&k.LastUsedAt)); err != nil {
		return nil, err
	}
	return &k, nil
}

// apiTokenUseStep is how often a token's last use is written.
const apiTokenUseStep = time.Minute

// MarkAPITokenUsed implements congtin.UserStore.
func (db *DB) MarkAPITokenUsed(ctx context.Context, tokenHash string) error {
	if !db.d.Lookupable(tokenHash) {
		return nil
	}
	now := db.Now()
	_, err := db.Exec(ctx, `UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ? AND (last_used_at IS NULL OR last_used_at < ?)`,
		now, tokenHash, now.Add(-apiTokenUseStep))
	return db.wrap("mark token used", err)
}

// FindAPITokens implements congtin.UserStore.
func (db *DB) FindAPITokens(ctx context.Context, siteID, userID int64) ([]*congtin.APIToken, error) {
	w := where{conds: []string{"TRUE"}}
	if siteID != 0 {
		w.add(`EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = t.user_id AND m.site_id = ?)`, siteID)
	}
	if userID != 0 {
		w.add(`t.user_id = ?`, userID)
	}
	ks, err := list(ctx, db.conn, scanAPIToken, `SELECT `+apiTokenColumns+` FROM api_tokens t JOIN users u ON u.id = t.user_id
		WHERE `+w.String()+` ORDER BY t.created_at DESC, t.id DESC`, w.args...)
	return ks, db.wrap("find tokens", err)
}

// FindAPIToken implements congtin.UserTx.
func (tx *Tx) FindAPIToken(ctx context.Context, id int64) (*congtin.APIToken, error) {
	k, err := scanAPIToken(tx.QueryRow(ctx, `SELECT `+apiTokenColumns+` FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = ?`, id))
	return k, tx.db.wrap("find token", found(err, congtin.KindAPIToken))
}

// DeleteAPIToken implements congtin.UserTx.
func (tx *Tx) DeleteAPIToken(ctx context.Context, id int64) error {
	_, err := tx.Exec(ctx, `DELETE FROM api_tokens WHERE id = ?`, id)
	return tx.db.wrap("delete token", err)
}

// DeleteAPITokens implements congtin.UserTx.
func (tx *Tx) DeleteAPITokens(ctx context.Context, userID int64) error {
	_, err := tx.Exec(ctx, `DELETE FROM api_tokens WHERE user_id = ?`, userID)
	return tx.db.wrap("delete tokens", err)
}
