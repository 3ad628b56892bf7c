package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/congtin/congtin"
)

var _ congtin.CategoryAdminService = (*DB)(nil)

func findCategoryTx(ctx context.Context, tx *Tx, siteID, id int64) (*congtin.Category, error) {
	var c congtin.Category
	err := tx.QueryRowContext(ctx, `SELECT id, site_id, IFNULL(parent_id, 0), name, slug, position, hidden FROM categories WHERE id = ? AND site_id = ?`, id, siteID).
		Scan(&c.ID, &c.SiteID, &c.ParentID, &c.Name, &c.Slug, &c.Position, &c.Hidden)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy chuyên mục.")
	}
	return &c, err
}

// slugFree reports whether no category and no redirect of the site uses
// slug, other than the category self.
func slugFree(ctx context.Context, tx *Tx, siteID int64, slug string, self int64) (bool, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM categories WHERE site_id = ? AND slug = ? AND id <> ?)
		+ (SELECT COUNT(*) FROM category_redirects WHERE site_id = ? AND old_slug = ? AND category_id <> ?)`,
		siteID, slug, self, siteID, slug, self).Scan(&n)
	return n == 0, err
}

// checkParent refuses a parent outside the site, or one that would put the
// category under itself.
func checkParent(ctx context.Context, tx *Tx, siteID, id, parentID int64) error {
	for p := parentID; p != 0; {
		if p == id {
			return &congtin.ValidationError{Fields: congtin.FieldErrors{"parent_id": "Không thể đặt chuyên mục vào bên trong chính nó."}}
		}
		c, err := findCategoryTx(ctx, tx, siteID, p)
		if err != nil {
			return &congtin.ValidationError{Fields: congtin.FieldErrors{"parent_id": "Chuyên mục cha không tồn tại."}}
		}
		p = c.ParentID
	}
	return nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// CreateCategory implements congtin.CategoryAdminService.
func (db *DB) CreateCategory(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.CategoryInput) (*congtin.Category, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	if err := checkParent(ctx, tx, siteID, 0, in.ParentID); err != nil {
		return nil, err
	}
	slug := in.Slug
	if slug == "" {
		slug = congtin.Slugify(in.Name)
	}
	if ok, err := slugFree(ctx, tx, siteID, slug, 0); err != nil {
		return nil, err
	} else if !ok {
		return nil, &congtin.ValidationError{Fields: congtin.FieldErrors{"slug": "Đường dẫn “" + slug + "” đã được dùng; hãy chọn đường dẫn khác."}}
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO categories (site_id, parent_id, name, slug, position, hidden) VALUES (?, ?, ?, ?, ?, ?)`,
		siteID, nullID(in.ParentID), in.Name, slug, in.Position, boolInt(in.Hidden))
	if err != nil {
		return nil, &congtin.ValidationError{Fields: congtin.FieldErrors{"name": "Đã có chuyên mục cùng tên ở cùng cấp."}}
	}
	id, _ := res.LastInsertId()
	if err := addAudit(ctx, tx, actor.Entry(siteID, "category.create", "category", id, in.Name)); err != nil {
		return nil, err
	}
	c, err := findCategoryTx(ctx, tx, siteID, id)
	if err != nil {
		return nil, err
	}
	return c, tx.Commit()
}

// UpdateCategory implements congtin.CategoryAdminService.
func (db *DB) UpdateCategory(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.CategoryInput) (*congtin.Category, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	cur, err := findCategoryTx(ctx, tx, siteID, id)
	if err != nil {
		return nil, err
	}
	if err := checkParent(ctx, tx, siteID, id, in.ParentID); err != nil {
		return nil, err
	}
	slug := in.Slug
	if slug == "" {
		slug = cur.Slug // renaming keeps the address unless a new one is asked for
	}
	if slug != cur.Slug {
		if ok, err := slugFree(ctx, tx, siteID, slug, id); err != nil {
			return nil, err
		} else if !ok {
			return nil, &congtin.ValidationError{Fields: congtin.FieldErrors{"slug": "Đường dẫn “" + slug + "” đã được dùng; hãy chọn đường dẫn khác."}}
		}
		// The old address keeps working as a redirect; the new one must not
		// redirect to where it was before.
		if _, err := tx.ExecContext(ctx, `DELETE FROM category_redirects WHERE site_id = ? AND old_slug = ?`, siteID, slug); err != nil {
			return nil, err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO category_redirects (site_id, old_slug, category_id) VALUES (?, ?, ?)
			ON CONFLICT (site_id, old_slug) DO UPDATE SET category_id = excluded.category_id`, siteID, cur.Slug, id); err != nil {
			return nil, err
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE categories SET parent_id = ?, name = ?, slug = ?, position = ?, hidden = ? WHERE id = ?`,
		nullID(in.ParentID), in.Name, slug, in.Position, boolInt(in.Hidden), id); err != nil {
		return nil, &congtin.ValidationError{Fields: congtin.FieldErrors{"name": "Đã có chuyên mục cùng tên ở cùng cấp."}}
	}
	detail := in.Name
	if cur.Name != in.Name {
		detail = cur.Name + " → " + in.Name
	}
	if slug != cur.Slug {
		detail += " (/" + cur.Slug + " → /" + slug + ")"
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "category.update", "category", id, detail)); err != nil {
		return nil, err
	}
	c, err := findCategoryTx(ctx, tx, siteID, id)
	if err != nil {
		return nil, err
	}
	return c, tx.Commit()
}

// DeleteCategory implements congtin.CategoryAdminService.
func (db *DB) DeleteCategory(ctx context.Context, actor congtin.Actor, siteID, id int64) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	cur, err := findCategoryTx(ctx, tx, siteID, id)
	if err != nil {
		return err
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM articles WHERE category_id = ?) + (SELECT COUNT(*) FROM categories WHERE parent_id = ?)`, id, id).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return congtin.Errorf(congtin.ECONFLICT, "Chuyên mục “%s” còn bài viết hoặc chuyên mục con; hãy chuyển chúng đi trước khi xóa.", cur.Name)
	}
	for _, q := range []string{`DELETE FROM category_redirects WHERE category_id = ?`, `DELETE FROM categories WHERE id = ?`} {
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return fmt.Errorf("sqlite: delete category: %w", err)
		}
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "category.delete", "category", id, cur.Name)); err != nil {
		return err
	}
	return tx.Commit()
}

// FindCategoryRedirect implements congtin.CategoryAdminService.
func (db *DB) FindCategoryRedirect(ctx context.Context, siteID int64, oldSlug string) (*congtin.Category, error) {
	var c congtin.Category
	err := db.db.QueryRowContext(ctx, `SELECT c.id, c.site_id, IFNULL(c.parent_id, 0), c.name, c.slug, c.position, c.hidden
		FROM category_redirects r JOIN categories c ON c.id = r.category_id WHERE r.site_id = ? AND r.old_slug = ?`, siteID, oldSlug).
		Scan(&c.ID, &c.SiteID, &c.ParentID, &c.Name, &c.Slug, &c.Position, &c.Hidden)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy chuyên mục.")
	}
	return &c, err
}
