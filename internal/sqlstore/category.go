package sqlstore

import (
	"context"

	"github.com/congtin/congtin"
)

var _ congtin.CategoryStore = (*DB)(nil)
var _ congtin.CategoryTx = (*Tx)(nil)

const categoryColumns = `id, site_id, COALESCE(parent_id, 0), name, slug, position, hidden`

func scanCategory(row scanner) (*congtin.Category, error) {
	var c congtin.Category
	if err := row.Scan(&c.ID, &c.SiteID, &c.ParentID, &c.Name, &c.Slug, &c.Position, &c.Hidden); err != nil {
		return nil, err
	}
	return &c, nil
}

// FindCategories implements congtin.CategoryStore.
func (db *DB) FindCategories(ctx context.Context, siteID int64) ([]*congtin.Category, error) {
	cs, err := list(ctx, db.conn, scanCategory, `SELECT `+categoryColumns+` FROM categories WHERE site_id = ? ORDER BY position, name, id`, siteID)
	return cs, db.wrap("find categories", err)
}

// FindCategoryRedirect implements congtin.CategoryStore.
func (db *DB) FindCategoryRedirect(ctx context.Context, siteID int64, oldSlug string) (*congtin.Category, error) {
	if !db.d.Lookupable(oldSlug) {
		return nil, congtin.NotFound(congtin.KindCategory)
	}
	c, err := scanCategory(db.QueryRow(ctx, `SELECT c.id, c.site_id, COALESCE(c.parent_id, 0), c.name, c.slug, c.position, c.hidden
		FROM category_redirects r JOIN categories c ON c.id = r.category_id WHERE r.site_id = ? AND r.old_slug = ?`, siteID, oldSlug))
	return c, db.wrap("find category redirect", found(err, congtin.KindCategory))
}

// FindCategory implements congtin.CategoryTx.
func (tx *Tx) FindCategory(ctx context.Context, siteID, id int64) (*congtin.Category, error) {
	c, err := scanCategory(tx.QueryRow(ctx, `SELECT `+categoryColumns+` FROM categories WHERE id = ? AND site_id = ?`, id, siteID))
	return c, tx.db.wrap("find category", found(err, congtin.KindCategory))
}

// CategorySlugFree implements congtin.CategoryTx.
func (tx *Tx) CategorySlugFree(ctx context.Context, siteID int64, slug string, self int64) (bool, error) {
	n, err := tx.count(ctx, `SELECT (SELECT COUNT(*) FROM categories WHERE site_id = ? AND slug = ? AND id <> ?)
		+ (SELECT COUNT(*) FROM category_redirects WHERE site_id = ? AND old_slug = ? AND category_id <> ?)`,
		siteID, slug, self, siteID, slug, self)
	return n == 0, tx.db.wrap("category slug", err)
}

// CategoryNameFree implements congtin.CategoryTx.
func (tx *Tx) CategoryNameFree(ctx context.Context, siteID, parentID int64, name string, self int64) (bool, error) {
	taken, err := tx.exists(ctx, `SELECT 1 FROM categories WHERE site_id = ? AND COALESCE(parent_id, 0) = ? AND name = ? AND id <> ?`,
		siteID, parentID, name, self)
	return !taken, tx.db.wrap("category name", err)
}

// CategoryInUse implements congtin.CategoryTx.
func (tx *Tx) CategoryInUse(ctx context.Context, id int64) (int, error) {
	n, err := tx.count(ctx, `SELECT (SELECT COUNT(*) FROM articles WHERE category_id = ?) + (SELECT COUNT(*) FROM categories WHERE parent_id = ?)`, id, id)
	return n, tx.db.wrap("category in use", err)
}

// InsertCategory implements congtin.CategoryTx.
func (tx *Tx) InsertCategory(ctx context.Context, c *congtin.Category) error {
	id, err := tx.insert(ctx, `INSERT INTO categories (site_id, parent_id, name, slug, position, hidden) VALUES (?, ?, ?, ?, ?, ?)`,
		c.SiteID, nullID(c.ParentID), c.Name, c.Slug, c.Position, c.Hidden)
	c.ID = id
	return tx.db.wrap("insert category", err)
}

// UpdateCategory implements congtin.CategoryTx.
func (tx *Tx) UpdateCategory(ctx context.Context, c *congtin.Category) error {
	_, err := tx.Exec(ctx, `UPDATE categories SET parent_id = ?, name = ?, slug = ?, position = ?, hidden = ? WHERE id = ? AND site_id = ?`,
		nullID(c.ParentID), c.Name, c.Slug, c.Position, c.Hidden, c.ID, c.SiteID)
	return tx.db.wrap("update category", err)
}

// DeleteCategory implements congtin.CategoryTx.
func (tx *Tx) DeleteCategory(ctx context.Context, id int64) error {
	for _, q := range []string{`DELETE FROM category_redirects WHERE category_id = ?`, `DELETE FROM categories WHERE id = ?`} {
		if _, err := tx.Exec(ctx, q, id); err != nil {
			return tx.db.wrap("delete category", err)
		}
	}
	return nil
}

// RedirectCategorySlug implements congtin.CategoryTx.
func (tx *Tx) RedirectCategorySlug(ctx context.Context, siteID int64, oldSlug, newSlug string, id int64) error {
	if _, err := tx.Exec(ctx, `DELETE FROM category_redirects WHERE site_id = ? AND old_slug = ?`, siteID, newSlug); err != nil {
		return tx.db.wrap("category redirect", err)
	}
	_, err := tx.Exec(ctx, `INSERT INTO category_redirects (site_id, old_slug, category_id) VALUES (?, ?, ?)
		ON CONFLICT (site_id, old_slug) DO UPDATE SET category_id = excluded.category_id`, siteID, oldSlug, id)
	return tx.db.wrap("category redirect", err)
}
