package postgres

import (
	"context"
	"strconv"

	"github.com/congtin/congtin"
)

const categoryColumns = `id, site_id, COALESCE(parent_id, 0), name, slug, position, hidden`

// findOrCreateCategory returns the category named name under parent (0 for
// top level), creating it with a slug unique in the site when missing. New
// categories go to the end of the menu. The caller holds lockCategories.
func findOrCreateCategory(ctx context.Context, tx *Tx, siteID, parentID int64, name string) (*congtin.Category, error) {
	c := &congtin.Category{SiteID: siteID, ParentID: parentID, Name: name}
	err := tx.QueryRowContext(ctx, `SELECT id, slug, position, hidden FROM categories
		WHERE site_id = $1 AND COALESCE(parent_id, 0) = $2 AND name = $3`, siteID, parentID, name).
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
		var taken bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM categories WHERE site_id = $1 AND slug = $2)`, siteID, slug).Scan(&taken); err != nil {
			return nil, err
		}
		if !taken && !congtin.ReservedSlug(slug) {
			c.Slug = slug
			break
		}
	}
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(position), 0) + 1 FROM categories WHERE site_id = $1`, siteID).Scan(&c.Position); err != nil {
		return nil, err
	}
	err = tx.QueryRowContext(ctx, `INSERT INTO categories (site_id, parent_id, name, slug, position) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
		siteID, nullID(parentID), name, c.Slug, c.Position).Scan(&c.ID)
	return c, err
}
