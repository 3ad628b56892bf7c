package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/congtin/congtin"
)

var _ congtin.DraftStore = (*DB)(nil)
var _ congtin.DraftTx = (*Tx)(nil)

// Drafts keep the form's fields as a JSON object of lists, which both
// databases hold as text whatever was typed: invalid UTF-8 becomes U+FFFD
// and a NUL an escape.

func (c conn) findDraft(ctx context.Context, userID int64, r congtin.Ref) (*congtin.Draft, error) {
	d := &congtin.Draft{Item: congtin.Ref{Kind: r.Kind, SiteID: r.SiteID, ID: r.ID}, UserID: userID}
	var data string
	err := c.QueryRow(ctx, `SELECT version, data, saved_at FROM drafts WHERE site_id = ? AND user_id = ? AND kind = ? AND item_id = ?`,
		r.SiteID, userID, r.Kind, r.ID).Scan(&d.Version, &data, at(&d.SavedAt))
	if err != nil {
		return nil, c.db.wrap("find draft", found(err, congtin.KindDraft))
	}
	if err := json.Unmarshal([]byte(data), &d.Values); err != nil {
		return nil, fmt.Errorf("sqlstore: find draft: %w", err)
	}
	return d, nil
}

// FindDraft implements congtin.DraftStore.
func (db *DB) FindDraft(ctx context.Context, userID int64, r congtin.Ref) (*congtin.Draft, error) {
	return db.findDraft(ctx, userID, r)
}

// PutDraft implements congtin.DraftTx.
func (tx *Tx) PutDraft(ctx context.Context, d *congtin.Draft) error {
	data, err := json.Marshal(d.Values)
	if err != nil {
		return fmt.Errorf("sqlstore: put draft: %w", err)
	}
	if _, err := tx.Exec(ctx, `DELETE FROM drafts WHERE saved_at < ?`, tx.now.Add(-congtin.DraftKept)); err != nil {
		return tx.db.wrap("sweep drafts", err)
	}
	_, err = tx.Exec(ctx, `INSERT INTO drafts (site_id, user_id, kind, item_id, version, data, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (site_id, user_id, kind, item_id) DO UPDATE SET version = excluded.version, data = excluded.data, saved_at = excluded.saved_at`,
		d.Item.SiteID, d.UserID, d.Item.Kind, d.Item.ID, d.Version, string(data), tx.now)
	d.SavedAt = tx.now
	return tx.db.wrap("put draft", err)
}

// DeleteDraft implements congtin.DraftTx.
func (tx *Tx) DeleteDraft(ctx context.Context, userID int64, r congtin.Ref) error {
	_, err := tx.Exec(ctx, `DELETE FROM drafts WHERE site_id = ? AND user_id = ? AND kind = ? AND item_id = ?`, r.SiteID, userID, r.Kind, r.ID)
	return tx.db.wrap("delete draft", err)
}

// FindLocks implements congtin.DraftStore.
func (db *DB) FindLocks(ctx context.Context, r congtin.Ref, since time.Time) ([]*congtin.EditLock, error) {
	ls, err := list(ctx, db.conn, func(row scanner) (*congtin.EditLock, error) {
		l := &congtin.EditLock{Item: r}
		return l, row.Scan(&l.UserID, &l.UserName, at(&l.Since), at(&l.SeenAt))
	}, `SELECT user_id, user_name, since, seen_at FROM edit_locks WHERE site_id = ? AND kind = ? AND item_id = ? AND seen_at >= ?
		ORDER BY since, user_id`, r.SiteID, r.Kind, r.ID, since)
	return ls, db.wrap("find locks", err)
}

// PutLock implements congtin.DraftTx.
func (tx *Tx) PutLock(ctx context.Context, l *congtin.EditLock) error {
	// A lock not renewed for an hour belongs to a page long gone.
	if _, err := tx.Exec(ctx, `DELETE FROM edit_locks WHERE seen_at < ?`, tx.now.Add(-time.Hour)); err != nil {
		return tx.db.wrap("sweep locks", err)
	}
	// A lock gone stale starts again: "since" is when the user opened
	// the item this time.
	_, err := tx.Exec(ctx, `INSERT INTO edit_locks (site_id, kind, item_id, user_id, user_name, since, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (site_id, kind, item_id, user_id) DO UPDATE SET user_name = excluded.user_name, seen_at = excluded.seen_at,
		since = CASE WHEN edit_locks.seen_at < ? THEN excluded.since ELSE edit_locks.since END`,
		l.Item.SiteID, l.Item.Kind, l.Item.ID, l.UserID, clean(l.UserName), tx.now, tx.now, tx.now.Add(-congtin.LockTTL))
	if err != nil {
		return tx.db.wrap("put lock", err)
	}
	l.SeenAt = tx.now
	return tx.db.wrap("put lock", tx.QueryRow(ctx, `SELECT since FROM edit_locks WHERE site_id = ? AND kind = ? AND item_id = ? AND user_id = ?`,
		l.Item.SiteID, l.Item.Kind, l.Item.ID, l.UserID).Scan(at(&l.Since)))
}

// DeleteLock implements congtin.DraftTx.
func (tx *Tx) DeleteLock(ctx context.Context, userID int64, r congtin.Ref) error {
	_, err := tx.Exec(ctx, `DELETE FROM edit_locks WHERE site_id = ? AND kind = ? AND item_id = ? AND user_id = ?`, r.SiteID, r.Kind, r.ID, userID)
	return tx.db.wrap("delete lock", err)
}

// FindExpiredSession implements congtin.DraftStore.
func (db *DB) FindExpiredSession(ctx context.Context, tokenHash string) (*congtin.Session, error) {
	if !db.d.Lookupable(tokenHash) {
		return nil, congtin.NotFound(congtin.KindSession)
	}
	now := db.Now()
	var s congtin.Session
	u, err := scanUser(db.QueryRow(ctx, `SELECT s.id, s.user_id, s.ip, s.created_at, s.expires_at, `+userColumns+`
		FROM sessions s JOIN users u ON u.id = s.user_id
		WHERE s.token_hash = ? AND s.expires_at <= ? AND s.expires_at > ? AND NOT u.disabled`, tokenHash, now, now.Add(-congtin.ExpiredSessionKept)),
		&s.ID, &s.UserID, &s.IP, at(&s.CreatedAt), at(&s.ExpiresAt))
	if err != nil {
		return nil, db.wrap("find expired session", found(err, congtin.KindSession))
	}
	s.User = u
	return &s, nil
}
