package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/sanitize"
)

var (
	_ congtin.WordPressService = (*DB)(nil)
	_ congtin.RedirectService  = (*DB)(nil)
)

// ImportWordPress implements congtin.WordPressService.
func (db *DB) ImportWordPress(ctx context.Context, siteID int64, imp *congtin.WordPressImport) (*congtin.WPImportResult, error) {
	if err := imp.Validate(); err != nil {
		return nil, err
	}
	tx, err := db.beginChange(ctx)
	if err != nil {
		return nil, wrap("import wordpress", err)
	}
	defer tx.Rollback()
	// Categories are read before they are written (is the name there,
	// which slug is free); a second import or a category edit waits.
	if err := lockCategories(ctx, tx, siteID); err != nil {
		return nil, wrap("import wordpress", err)
	}
	res := &congtin.WPImportResult{}

	cats := map[string]*congtin.Category{}
	for _, c := range imp.Categories {
		var parentID int64
		if c.Parent != "" {
			parentID = cats[c.Parent].ID
		}
		cat, created, err := wpCategory(ctx, tx, siteID, parentID, c)
		if err != nil {
			return nil, wrap(fmt.Sprintf("import wordpress: category %q", c.Key), err)
		}
		cats[c.Key] = cat
		count(&res.Categories, created, false)
	}

	users := map[string]int64{}
	for _, a := range imp.Authors {
		id, created, err := wpAuthor(ctx, tx, siteID, a)
		if err != nil {
			return nil, wrap(fmt.Sprintf("import wordpress: author %q", a.Login), err)
		}
		users[a.Login] = id
		count(&res.Authors, created, false)
	}

	for _, m := range imp.Media {
		vs, err := json.Marshal(m.Variants)
		if err != nil {
			return nil, err
		}
		r, err := tx.ExecContext(ctx, `INSERT INTO media (site_id, hash, name, content_type, width, height, variants, uploaded_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8) ON CONFLICT (site_id, hash) DO NOTHING`,
			siteID, m.Hash, m.Name, m.ContentType, m.Width, m.Height, string(vs), tx.now)
		if err != nil {
			return nil, wrap(fmt.Sprintf("import wordpress: media %s", m.Name), err)
		}
		n, err := r.RowsAffected()
		if err != nil {
			return nil, wrap("import wordpress: media", err)
		}
		count(&res.Media, n > 0, false)
	}

	for i := range imp.Posts {
		p := &imp.Posts[i]
		cat := cats[p.Category]
		pr, err := wpPost(ctx, tx, siteID, cat, users[p.Author], p)
		if err != nil {
			return nil, wrap(fmt.Sprintf("import wordpress: post %s", p.ExternalID), err)
		}
		res.Posts = append(res.Posts, *pr)
		for _, path := range p.OldPaths {
			created, changed, err := wpRedirect(ctx, tx, siteID, path, pr.Article.ID)
			if err != nil {
				return nil, wrap(fmt.Sprintf("import wordpress: redirect %q", path), err)
			}
			count(&res.Redirects, created, changed)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, wrap("import wordpress: commit", err)
	}
	return res, nil
}

func count(c *congtin.WPCount, created, changed bool) {
	switch {
	case created:
		c.Created++
	case changed:
		c.Updated++
	default:
		c.Unchanged++
	}
}

// wpCategory finds the category named c.Name under parentID, or creates it
// with c.Slug, or the first of c.Slug-2, c.Slug-3, … that no category
// has, had (a rename's redirect) or the portal reserves.
func wpCategory(ctx context.Context, tx *Tx, siteID, parentID int64, c congtin.WPCategory) (*congtin.Category, bool, error) {
	cat := &congtin.Category{SiteID: siteID, ParentID: parentID, Name: c.Name, Hidden: c.Hidden}
	err := tx.QueryRowContext(ctx, `SELECT id, slug, position, hidden FROM categories
		WHERE site_id = $1 AND COALESCE(parent_id, 0) = $2 AND name = $3`, siteID, parentID, c.Name).
		Scan(&cat.ID, &cat.Slug, &cat.Position, &cat.Hidden)
	if err == nil {
		return cat, false, nil
	} else if !errors.Is(err, sql.ErrNoRows) {
		return nil, false, err
	}
	for i := 1; ; i++ {
		slug := c.Slug
		if i > 1 {
			slug = c.Slug + "-" + strconv.Itoa(i)
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM categories WHERE site_id = $1 AND slug = $2)
			+ (SELECT COUNT(*) FROM category_redirects WHERE site_id = $3 AND old_slug = $4)`, siteID, slug, siteID, slug).Scan(&n); err != nil {
			return nil, false, err
		}
		if n == 0 && !congtin.ReservedSlug(slug) {
			cat.Slug = slug
			break
		}
	}
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(position), 0) + 1 FROM categories WHERE site_id = $1`, siteID).Scan(&cat.Position); err != nil {
		return nil, false, err
	}
	var parent any
	if parentID != 0 {
		parent = parentID
	}
	err = tx.QueryRowContext(ctx, `INSERT INTO categories (site_id, parent_id, name, slug, position, hidden) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
		siteID, parent, c.Name, cat.Slug, cat.Position, c.Hidden).Scan(&cat.ID)
	return cat, true, err
}

// wpAuthor finds the user named a.Username, or creates them without a
// password and makes them a reporter of the site.
func wpAuthor(ctx context.Context, tx *Tx, siteID int64, a congtin.WPAuthor) (int64, bool, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM users WHERE username = $1`, a.Username).Scan(&id)
	if err == nil {
		return id, false, nil
	} else if !errors.Is(err, sql.ErrNoRows) {
		return 0, false, err
	}
	if err := tx.QueryRowContext(ctx, `INSERT INTO users (username, display_name, password_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id`,
		a.Username, a.DisplayName, congtin.NoPassword, tx.now).Scan(&id); err != nil {
		return 0, false, err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO memberships (site_id, user_id, role) VALUES ($1, $2, $3)`, siteID, id, congtin.RoleReporter)
	return id, true, err
}

// wpPost creates the article of a post, or updates the one imported from
// it before when anything differs.
func wpPost(ctx context.Context, tx *Tx, siteID int64, cat *congtin.Category, userID int64, p *congtin.WPPost) (*congtin.WPPostResult, error) {
	body := sanitize.HTML(p.Body)
	old, err := scanArticle(tx.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE site_id = $1 AND external_id = $2`, siteID, p.ExternalID))
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	res := &congtin.WPPostResult{CategorySlug: cat.Slug}
	var id int64
	switch {
	case old == nil:
		if err := tx.QueryRowContext(ctx, `INSERT INTO articles (site_id, category_id, title, slug, lead, body, author, image, featured,
			status, published_at, created_at, updated_at, external_id, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
			RETURNING id`,
			siteID, cat.ID, p.Title, p.Slug, p.Lead, body, p.AuthorName, p.Image, p.Featured,
			p.Status, ts(p.PublishedAt), tx.now, tx.now, p.ExternalID, userID).Scan(&id); err != nil {
			return nil, err
		}
		res.Created = true
	case old.CategoryID != cat.ID || old.Title != p.Title || old.Slug != p.Slug || old.Lead != p.Lead || old.Body != body ||
		old.Author != p.AuthorName || old.Image != p.Image || old.Featured != p.Featured || old.Status != p.Status ||
		!old.PublishedAt.Equal(ts(p.PublishedAt)) || old.CreatedBy != userID:
		id = old.ID
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET category_id = $1, title = $2, slug = $3, lead = $4, body = $5, author = $6,
			image = $7, featured = $8, status = $9, published_at = $10, updated_at = $11, created_by = $12 WHERE id = $13`,
			cat.ID, p.Title, p.Slug, p.Lead, body, p.AuthorName, p.Image, p.Featured, p.Status,
			ts(p.PublishedAt), tx.now, userID, id); err != nil {
			return nil, err
		}
		res.Changed = true
	default:
		res.Article = old
		return res, nil
	}
	if err := indexArticle(ctx, tx, id); err != nil {
		return nil, err
	}
	if res.Article, err = scanArticle(tx.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = $1`, id)); err != nil {
		return nil, err
	}
	return res, nil
}

// wpRedirect points an old path at an article.
func wpRedirect(ctx context.Context, tx *Tx, siteID int64, path string, articleID int64) (created, changed bool, err error) {
	var cur int64
	err = tx.QueryRowContext(ctx, `SELECT article_id FROM redirects WHERE site_id = $1 AND path = $2`, siteID, path).Scan(&cur)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		_, err = tx.ExecContext(ctx, `INSERT INTO redirects (site_id, path, article_id) VALUES ($1, $2, $3)`, siteID, path, articleID)
		return err == nil, false, err
	case err != nil:
		return false, false, err
	case cur == articleID:
		return false, false, nil
	}
	_, err = tx.ExecContext(ctx, `UPDATE redirects SET article_id = $1 WHERE site_id = $2 AND path = $3`, articleID, siteID, path)
	return false, err == nil, err
}

// FindRedirect implements congtin.RedirectService.
func (db *DB) FindRedirect(ctx context.Context, siteID int64, path string) (int64, error) {
	notFound := congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy trang.")
	if !storable(path) { // from a URL: any bytes
		return 0, notFound
	}
	var id int64
	err := db.db.QueryRowContext(ctx, `SELECT article_id FROM redirects WHERE site_id = $1 AND path = $2`, siteID, path).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, notFound
	} else if err != nil {
		return 0, wrap("find redirect", err)
	}
	return id, nil
}
