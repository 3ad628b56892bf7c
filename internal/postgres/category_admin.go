package postgres

import (
	"context"
	"database/sql"
	"errors"

	"github.com/congtin/congtin"
)

var _ congtin.CategoryAdminService = (*DB)(nil)

func findCategoryTx(ctx context.Context, tx *Tx, siteID, id int64) (*congtin.Category, error) {
	var c congtin.Category
	err := tx.QueryRowContext(ctx, `SELECT `+categoryColumns+` FROM categories WHERE id = $1 AND site_id = $2`, id, siteID).
		Scan(&c.ID, &c.SiteID, &c.ParentID, &c.Name, &c.Slug, &c.Position, &c.Hidden)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy chuyên mục.")
	} else if err != nil {
		return nil, wrap("find category", err)
	}
	return &c, nil
}

// slugFree reports whether no category and no redirect of the site uses
// slug, other than the category self.
func slugFree(ctx context.Context, tx *Tx, siteID int64, slug string, self int64) (bool, error) {
	var used bool
	err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM categories WHERE site_id = $1 AND slug = $2 AND id <> $3)
		OR EXISTS (SELECT 1 FROM category_redirects WHERE site_id = $1 AND old_slug = $2 AND category_id <> $3)`,
		siteID, slug, self).Scan(&used)
	return !used, err
}

// checkParent refuses a parent outside the site, or one that would put the
// category under itself.
func checkParent(ctx context.Context, tx *Tx, siteID, id, parentID int64) error {
	for p := parentID; p != 0; {
		if p == id {
			return &congtin.ValidationError{Fields: congtin.FieldErrors{"parent_id": "Không thể đặt chuyên mục vào bên trong chính nó."}}
		}
		c, err := findCategoryTx(ctx, tx, siteID, p)
		if congtin.ErrorCode(err) == congtin.ENOTFOUND {
			return &congtin.ValidationError{Fields: congtin.FieldErrors{"parent_id": "Chuyên mục cha không tồn tại."}}
		} else if err != nil {
			// On PostgreSQL a failed statement ends the transaction; it
			// is not a missing parent.
			return err
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

// errNameTaken is the form error for a name already used under the same
// parent.
func errNameTaken() error {
	return &congtin.ValidationError{Fields: congtin.FieldErrors{"name": "Đã có chuyên mục cùng tên ở cùng cấp."}}
}

// nameTaken is the error of a category insert or update: the unique index
// on the name within its parent is the one constraint the checks before
// do not cover.
func nameTaken(err error) error {
	if pgCode(err) == uniqueViolation {
		return errNameTaken()
	}
	return wrap("save category", err)
}

// CreateCategory implements congtin.CategoryAdminService.
func (db *DB) CreateCategory(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.CategoryInput) (*congtin.Category, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	tx, err := db.beginChange(ctx)
	if err != nil {
		return nil, wrap("create category", err)
	}
	defer tx.Rollback()
	if err := lockCategories(ctx, tx, siteID); err != nil {
		return nil, wrap("create category", err)
	}
	if err := checkParent(ctx, tx, siteID, 0, in.ParentID); err != nil {
		return nil, err
	}
	slug := in.Slug
	if slug == "" {
		slug = congtin.Slugify(in.Name)
	}
	if ok, err := slugFree(ctx, tx, siteID, slug, 0); err != nil {
		return nil, wrap("create category", err)
	} else if !ok {
		return nil, &congtin.ValidationError{Fields: congtin.FieldErrors{"slug": "Đường dẫn “" + slug + "” đã được dùng; hãy chọn đường dẫn khác."}}
	}
	// Checked before the insert, not caught from it: under the lock the
	// check is exact, and a failed insert would use up an ID that SQLite
	// gives to the next category.
	var taken bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM categories WHERE site_id = $1 AND COALESCE(parent_id, 0) = $2 AND name = $3)`,
		siteID, in.ParentID, in.Name).Scan(&taken); err != nil {
		return nil, wrap("create category", err)
	} else if taken {
		return nil, errNameTaken()
	}
	var id int64
	if err := tx.QueryRowContext(ctx, `INSERT INTO categories (site_id, parent_id, name, slug, position, hidden) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
		siteID, nullID(in.ParentID), in.Name, slug, in.Position, in.Hidden).Scan(&id); err != nil {
		return nil, nameTaken(err)
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "category.create", "category", id, in.Name)); err != nil {
		return nil, err
	}
	c, err := findCategoryTx(ctx, tx, siteID, id)
	if err != nil {
		return nil, wrap("create category", err)
	}
	return c, wrap("create category: commit", tx.Commit())
}

// UpdateCategory implements congtin.CategoryAdminService.
func (db *DB) UpdateCategory(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.CategoryInput) (*congtin.Category, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	tx, err := db.beginChange(ctx)
	if err != nil {
		return nil, wrap("update category", err)
	}
	defer tx.Rollback()
	if err := lockCategories(ctx, tx, siteID); err != nil {
		return nil, wrap("update category", err)
	}
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
			return nil, wrap("update category", err)
		} else if !ok {
			return nil, &congtin.ValidationError{Fields: congtin.FieldErrors{"slug": "Đường dẫn “" + slug + "” đã được dùng; hãy chọn đường dẫn khác."}}
		}
		// The old address keeps working as a redirect; the new one must not
		// redirect to where it was before.
		if _, err := tx.ExecContext(ctx, `DELETE FROM category_redirects WHERE site_id = $1 AND old_slug = $2`, siteID, slug); err != nil {
			return nil, wrap("update category", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO category_redirects (site_id, old_slug, category_id) VALUES ($1, $2, $3)
			ON CONFLICT (site_id, old_slug) DO UPDATE SET category_id = excluded.category_id`, siteID, cur.Slug, id); err != nil {
			return nil, wrap("update category", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE categories SET parent_id = $1, name = $2, slug = $3, position = $4, hidden = $5 WHERE id = $6`,
		nullID(in.ParentID), in.Name, slug, in.Position, in.Hidden, id); err != nil {
		return nil, nameTaken(err)
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
		return nil, wrap("update category", err)
	}
	return c, wrap("update category: commit", tx.Commit())
}

// DeleteCategory implements congtin.CategoryAdminService.
func (db *DB) DeleteCategory(ctx context.Context, actor congtin.Actor, siteID, id int64) error {
	tx, err := db.beginChange(ctx)
	if err != nil {
		return wrap("delete category", err)
	}
	defer tx.Rollback()
	if err := lockCategories(ctx, tx, siteID); err != nil {
		return wrap("delete category", err)
	}
	cur, err := findCategoryTx(ctx, tx, siteID, id)
	if err != nil {
		return err
	}
	// An article being written into the category by another transaction
	// is not seen here; the foreign key then refuses whichever of the two
	// commits second, so no article is left without its category.
	var used bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM articles WHERE category_id = $1) OR EXISTS (SELECT 1 FROM categories WHERE parent_id = $1)`, id).Scan(&used); err != nil {
		return wrap("delete category", err)
	}
	if used {
		return congtin.Errorf(congtin.ECONFLICT, "Chuyên mục “%s” còn bài viết hoặc chuyên mục con; hãy chuyển chúng đi trước khi xóa.", cur.Name)
	}
	for _, q := range []string{`DELETE FROM category_redirects WHERE category_id = $1`, `DELETE FROM categories WHERE id = $1`} {
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return wrap("delete category", err)
		}
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "category.delete", "category", id, cur.Name)); err != nil {
		return err
	}
	return wrap("delete category: commit", tx.Commit())
}

// FindCategoryRedirect implements congtin.CategoryAdminService.
func (db *DB) FindCategoryRedirect(ctx context.Context, siteID int64, oldSlug string) (*congtin.Category, error) {
	notFound := congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy chuyên mục.")
	if !storable(oldSlug) { // a slug from a URL path: any bytes
		return nil, notFound
	}
	var c congtin.Category
	err := db.db.QueryRowContext(ctx, `SELECT c.id, c.site_id, COALESCE(c.parent_id, 0), c.name, c.slug, c.position, c.hidden
		FROM category_redirects r JOIN categories c ON c.id = r.category_id WHERE r.site_id = $1 AND r.old_slug = $2`, siteID, oldSlug).
		Scan(&c.ID, &c.SiteID, &c.ParentID, &c.Name, &c.Slug, &c.Position, &c.Hidden)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound
	} else if err != nil {
		return nil, wrap("find category redirect", err)
	}
	return &c, nil
}
