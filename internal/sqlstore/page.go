package sqlstore

import (
	"context"

	"github.com/congtin/congtin"
)

var _ congtin.PageStore = (*DB)(nil)
var _ congtin.PageTx = (*Tx)(nil)

const pageColumns = `id, site_id, slug, title, body, slug_en, title_en, body_en, position, status, created_by, created_at, updated_at, published_at,
	version`

func scanPage(row scanner) (*congtin.Page, error) {
	var p congtin.Page
	if err := row.Scan(&p.ID, &p.SiteID, &p.Slug, &p.Title, &p.Body, &p.SlugEN, &p.TitleEN, &p.BodyEN, &p.Position, &p.Status,
		&p.CreatedBy, at(&p.CreatedAt), at(&p.UpdatedAt), at(&p.PublishedAt), &p.Version); err != nil {
		return nil, err
	}
	return &p, nil
}

// FindPages implements congtin.PageStore.
func (db *DB) FindPages(ctx context.Context, siteID int64, public bool) ([]*congtin.Page, error) {
	var w where
	w.add("site_id = ?", siteID)
	if public {
		w.add("status = 'published'")
	}
	ps, err := list(ctx, db.conn, scanPage, `SELECT `+pageColumns+` FROM pages WHERE `+w.String()+` ORDER BY position, title, id`, w.args...)
	return ps, db.wrap("find pages", err)
}

// FindPage implements congtin.PageStore and congtin.PageTx.
func (c conn) FindPage(ctx context.Context, siteID, id int64) (*congtin.Page, error) {
	p, err := scanPage(c.QueryRow(ctx, `SELECT `+pageColumns+` FROM pages WHERE id = ? AND site_id = ?`, id, siteID))
	return p, c.db.wrap("find page", found(err, congtin.KindPage))
}

// FindPageBySlug implements congtin.PageStore. A page without an English
// version has no English slug: "" finds nothing.
func (db *DB) FindPageBySlug(ctx context.Context, siteID int64, slug string, en bool) (*congtin.Page, error) {
	col := "slug"
	if en {
		col = "slug_en"
	}
	if en && slug == "" || !db.d.Lookupable(slug) {
		return nil, congtin.NotFound(congtin.KindPage)
	}
	p, err := scanPage(db.QueryRow(ctx, `SELECT `+pageColumns+` FROM pages WHERE site_id = ? AND `+col+` = ?`, siteID, slug))
	return p, db.wrap("find page", found(err, congtin.KindPage))
}

// PageSlugFree implements congtin.PageTx.
func (tx *Tx) PageSlugFree(ctx context.Context, siteID int64, slug string, en bool, self int64) (bool, error) {
	col := "slug"
	if en {
		col = "slug_en"
	}
	taken, err := tx.exists(ctx, `SELECT 1 FROM pages WHERE site_id = ? AND `+col+` = ? AND id <> ?`, siteID, slug, self)
	return !taken, tx.db.wrap("page slug", err)
}

// InsertPage implements congtin.PageTx.
func (tx *Tx) InsertPage(ctx context.Context, p *congtin.Page) error {
	id, err := tx.insert(ctx, `INSERT INTO pages (site_id, slug, title, body, slug_en, title_en, body_en, position, status, created_by,
		created_at, updated_at, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		p.SiteID, p.Slug, p.Title, p.Body, p.SlugEN, p.TitleEN, p.BodyEN, p.Position, p.Status, p.CreatedBy,
		p.CreatedAt, p.UpdatedAt, nullTime(p.PublishedAt))
	if err != nil {
		return tx.db.wrap("insert page", err)
	}
	p.ID = id
	return tx.indexMediaUses(ctx, p.SiteID, usePage, id, p.Body, p.BodyEN)
}

// UpdatePage implements congtin.PageTx.
func (tx *Tx) UpdatePage(ctx context.Context, p *congtin.Page) error {
	_, err := tx.Exec(ctx, `UPDATE pages SET slug = ?, title = ?, body = ?, slug_en = ?, title_en = ?, body_en = ?, position = ?, updated_at = ?,
		version = version + 1 WHERE id = ? AND site_id = ?`, p.Slug, p.Title, p.Body, p.SlugEN, p.TitleEN, p.BodyEN, p.Position, tx.now, p.ID, p.SiteID)
	if err != nil {
		return tx.db.wrap("update page", err)
	}
	p.UpdatedAt = tx.now
	p.Version++
	return tx.indexMediaUses(ctx, p.SiteID, usePage, p.ID, p.Body, p.BodyEN)
}

const pageRevisionColumns = `id, page_id, user_id, user_name, created_at, note, title, slug, body, title_en, slug_en, body_en, position`

func scanPageRevision(row scanner) (*congtin.PageRevision, error) {
	var r congtin.PageRevision
	if err := row.Scan(&r.ID, &r.PageID, &r.UserID, &r.UserName, at(&r.CreatedAt), &r.Note, &r.Title, &r.Slug, &r.Body,
		&r.TitleEN, &r.SlugEN, &r.BodyEN, &r.Position); err != nil {
		return nil, err
	}
	return &r, nil
}

// AddPageRevision implements congtin.PageTx.
func (tx *Tx) AddPageRevision(ctx context.Context, r *congtin.PageRevision) error {
	id, err := tx.insert(ctx, `INSERT INTO page_revisions (site_id, page_id, user_id, user_name, created_at, note,
		title, slug, body, title_en, slug_en, body_en, position)
		SELECT site_id, id, ?, ?, ?, ?, title, slug, body, title_en, slug_en, body_en, position FROM pages WHERE id = ?`,
		r.UserID, r.UserName, tx.now, r.Note, r.PageID)
	r.ID, r.CreatedAt = id, tx.now
	return tx.db.wrap("add page revision", err)
}

// FindPageRevisions implements congtin.PageStore.
func (db *DB) FindPageRevisions(ctx context.Context, siteID, pageID int64) ([]*congtin.PageRevision, error) {
	rs, err := list(ctx, db.conn, scanPageRevision, `SELECT `+pageRevisionColumns+` FROM page_revisions
		WHERE page_id = ? AND site_id = ? ORDER BY id DESC`, pageID, siteID)
	return rs, db.wrap("find page revisions", err)
}

// FindPageRevision implements congtin.PageTx.
func (tx *Tx) FindPageRevision(ctx context.Context, siteID, id int64) (*congtin.PageRevision, error) {
	r, err := scanPageRevision(tx.QueryRow(ctx, `SELECT `+pageRevisionColumns+` FROM page_revisions WHERE id = ? AND site_id = ?`, id, siteID))
	return r, tx.db.wrap("find page revision", found(err, congtin.KindRevision))
}
