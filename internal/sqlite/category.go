package sqlite

import (
	"context"
	"strconv"

	"github.com/congtin/congtin"
)

// findOrCreateCategory returns the category named name under parent (0 for
// top level), creating it with a slug unique in the site when missing. New
// categories go to the end of the menu.
func findOrCreateCategory(ctx context.Context, tx *Tx, siteID, parentID int64, name string) (*congtin.Category, error) {
	c := &congtin.Category{SiteID: siteID, ParentID: parentID, Name: name}
	err := tx.QueryRowContext(ctx, `SELECT id, slug, position, hidden FROM categories
		WHERE site_id = ? AND IFNULL(parent_id, 0) = ? AND name = ?`, siteID, parentID, name).
		Scan(&c.ID, &c.Slug, &c.Position, &c.Hidden)
	if err == nil {
		return c, nil
	}
	base := congtin.Slugify(name)
	for i := 1; ; i++ {
		slug := base
		if i > 1 {
			slug = base + "-" + strconv.Itoa(i)
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM categories WHERE site_id = ? AND slug = ?`, siteID, slug).Scan(&n); err != nil {
			return nil, err
		}
		if n == 0 && !congtin.ReservedSlug(slug) {
			c.Slug = slug
			break
		}
	}
	if err := tx.QueryRowContext(ctx, `SELECT IFNULL(MAX(position), 0) + 1 FROM categories WHERE site_id = ?`, siteID).Scan(&c.Position); err != nil {
		return nil, err
	}
	var parent any
	if parentID != 0 {
		parent = parentID
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO categories (site_id, parent_id, name, slug, position) VALUES (?, ?, ?, ?, ?)`,
		siteID, parent, name, c.Slug, c.Position)
	if err != nil {
		return nil, err
	}
	c.ID, err = res.LastInsertId()
	return c, err
}
