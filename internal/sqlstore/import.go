package sqlstore

import (
	"context"
	"encoding/json"
	"time"

	"github.com/congtin/congtin"
)

var _ congtin.ImportStore = (*DB)(nil)
var _ congtin.ImportTx = (*Tx)(nil)

// FindRedirect implements congtin.ImportStore. The path comes from a
// request: any bytes.
func (db *DB) FindRedirect(ctx context.Context, siteID int64, path string) (int64, error) {
	if !db.d.Lookupable(path) {
		return 0, congtin.NotFound(congtin.KindRedirect)
	}
	return db.conn.findRedirect(ctx, siteID, path)
}

// FindRedirect implements congtin.ImportTx.
func (tx *Tx) FindRedirect(ctx context.Context, siteID int64, path string) (int64, error) {
	return tx.findRedirect(ctx, siteID, path)
}

func (c conn) findRedirect(ctx context.Context, siteID int64, path string) (int64, error) {
	var id int64
	err := c.QueryRow(ctx, `SELECT article_id FROM redirects WHERE site_id = ? AND path = ?`, siteID, path).Scan(&id)
	return id, c.db.wrap("find redirect", found(err, congtin.KindRedirect))
}

// PutRedirect implements congtin.ImportTx.
func (tx *Tx) PutRedirect(ctx context.Context, siteID int64, path string, articleID int64) error {
	_, err := tx.Exec(ctx, `INSERT INTO redirects (site_id, path, article_id) VALUES (?, ?, ?)
		ON CONFLICT (site_id, path) DO UPDATE SET article_id = excluded.article_id`, siteID, path, articleID)
	return tx.db.wrap("put redirect", err)
}

// FindCategoryByName implements congtin.ImportTx.
func (tx *Tx) FindCategoryByName(ctx context.Context, siteID, parentID int64, name string) (*congtin.Category, error) {
	c, err := scanCategory(tx.QueryRow(ctx, `SELECT `+categoryColumns+` FROM categories
		WHERE site_id = ? AND COALESCE(parent_id, 0) = ? AND name = ? ORDER BY id LIMIT 1`, siteID, parentID, name))
	return c, tx.db.wrap("find category by name", found(err, congtin.KindCategory))
}

// NextCategoryPosition implements congtin.ImportTx.
func (tx *Tx) NextCategoryPosition(ctx context.Context, siteID int64) (int, error) {
	n, err := tx.count(ctx, `SELECT COALESCE(MAX(position), 0) + 1 FROM categories WHERE site_id = ?`, siteID)
	return n, tx.db.wrap("next category position", err)
}

// FindArticleByExternalID implements congtin.ImportTx.
func (tx *Tx) FindArticleByExternalID(ctx context.Context, siteID int64, externalID string) (*congtin.Article, error) {
	a, err := scanArticle(tx.QueryRow(ctx, `SELECT `+articleColumns+` FROM articles WHERE site_id = ? AND external_id = ?`, siteID, externalID))
	return a, tx.db.wrap("find article by external ID", found(err, congtin.KindArticle))
}

// FindArticleByTitleTime implements congtin.ImportTx.
func (tx *Tx) FindArticleByTitleTime(ctx context.Context, siteID int64, title string, publishedAt time.Time) (*congtin.Article, error) {
	a, err := scanArticle(tx.QueryRow(ctx, `SELECT `+articleColumns+` FROM articles
		WHERE site_id = ? AND title = ? AND published_at = ? AND external_id IS NULL ORDER BY id LIMIT 1`, siteID, title, publishedAt))
	return a, tx.db.wrap("find article by title", found(err, congtin.KindArticle))
}

// FindAuthorID implements congtin.ImportTx.
func (tx *Tx) FindAuthorID(ctx context.Context, username string) (int64, error) {
	var id int64
	err := tx.QueryRow(ctx, `SELECT id FROM users WHERE username = ?`, username).Scan(&id)
	return id, tx.db.wrap("find author", found(err, congtin.KindUser))
}

// InsertAuthor implements congtin.ImportTx.
func (tx *Tx) InsertAuthor(ctx context.Context, siteID int64, u *congtin.User, role string) error {
	id, err := tx.insert(ctx, `INSERT INTO users (username, display_name, password_hash, created_at) VALUES (?, ?, ?, ?)`,
		u.Username, u.DisplayName, u.PasswordHash, tx.now)
	if err != nil {
		return tx.db.wrap("insert author", err)
	}
	u.ID, u.CreatedAt = id, tx.now
	_, err = tx.Exec(ctx, `INSERT INTO memberships (site_id, user_id, role) VALUES (?, ?, ?)`, siteID, id, role)
	return tx.db.wrap("insert author's role", err)
}

// AddImportedMedia implements congtin.ImportTx.
func (tx *Tx) AddImportedMedia(ctx context.Context, siteID int64, m *congtin.Media) (bool, error) {
	vs, err := json.Marshal(m.Variants)
	if err != nil {
		return false, err
	}
	r, err := tx.Exec(ctx, `INSERT INTO media (site_id, hash, name, content_type, width, height, variants, uploaded_by, created_at,
		size, alt, caption, search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (site_id, hash) DO NOTHING`,
		siteID, m.Hash, m.Name, m.ContentType, m.Width, m.Height, string(vs), m.UploadedBy, tx.now,
		m.Size, m.Alt, m.Caption, mediaSearchText(m.Name, m.Alt, m.Caption))
	if err != nil {
		return false, tx.db.wrap("add media", err)
	}
	n, err := r.RowsAffected()
	return n > 0, tx.db.wrap("add media", err)
}
