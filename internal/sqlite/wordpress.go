package sqlite

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
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("sqlite: import wordpress: %w", err)
	}
	defer tx.Rollback()
	res := &congtin.WPImportResult{}

	cats := map[string]*congtin.Category{}
	for _, c := range imp.Categories {
		var parentID int64
		if c.Parent != "" {
			parentID = cats[c.Parent].ID
		}
		cat, created, err := wpCategory(ctx, tx, siteID, parentID, c)
		if err != nil {
			return nil, fmt.Errorf("sqlite: import wordpress: category %q: %w", c.Key, err)
		}
		cats[c.Key] = cat
		count(&res.Categories, created, false)
	}

	users := map[string]int64{}
	for _, a := range imp.Authors {
		id, created, err := wpAuthor(ctx, tx, siteID, a)
		if err != nil {
			return nil, fmt.Errorf("sqlite: import wordpress: author %q: %w", a.Login, err)
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
			VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?) ON CONFLICT (site_id, hash) DO NOTHING`,
			siteID, m.Hash, m.Name, m.ContentType, m.Width, m.Height, string(vs), unix(tx.now))
		if err != nil {
			return nil, fmt.Errorf("sqlite: import wordpress: media %s: %w", m.Name, err)
		}
		n, _ := r.RowsAffected()
		count(&res.Media, n > 0, false)
	}

	for i := range imp.Posts {
		p := &imp.Posts[i]
		cat := cats[p.Category]
		pr, err := wpPost(ctx, tx, siteID, cat, users[p.Author], p)
		if err != nil {
			return nil, fmt.Errorf("sqlite: import wordpress: post %s: %w", p.ExternalID, err)
		}
		res.Posts = append(res.Posts, *pr)
		for _, path := range p.OldPaths {
			created, changed, err := wpRedirect(ctx, tx, siteID, path, pr.Article.ID)
			if err != nil {
				return nil, fmt.Errorf("sqlite: import wordpress: redirect %q: %w", path, err)
			}
			count(&res.Redirects, created, changed)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("sqlite: import wordpress: commit: %w", err)
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
		WHERE site_id = ? AND IFNULL(parent_id, 0) = ? AND name = ?`, siteID, parentID, c.Name).
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
		if err := tx.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM categories WHERE site_id = ? AND slug = ?)
			+ (SELECT COUNT(*) FROM category_redirects WHERE site_id = ? AND old_slug = ?)`, siteID, slug, siteID, slug).Scan(&n); err != nil {
			return nil, false, err
		}
		if n == 0 && !congtin.ReservedSlug(slug) {
			cat.Slug = slug
			break
		}
	}
	if err := tx.QueryRowContext(ctx, `SELECT IFNULL(MAX(position), 0) + 1 FROM categories WHERE site_id = ?`, siteID).Scan(&cat.Position); err != nil {
		return nil, false, err
	}
	var parent any
	if parentID != 0 {
		parent = parentID
	}
	r, err := tx.ExecContext(ctx, `INSERT INTO categories (site_id, parent_id, name, slug, position, hidden) VALUES (?, ?, ?, ?, ?, ?)`,
		siteID, parent, c.Name, cat.Slug, cat.Position, boolInt(c.Hidden))
	if err != nil {
		return nil, false, err
	}
	cat.ID, err = r.LastInsertId()
	return cat, true, err
}

// wpAuthor finds the user named a.Username, or creates them without a
// password and makes them a reporter of the site.
func wpAuthor(ctx context.Context, tx *Tx, siteID int64, a congtin.WPAuthor) (int64, bool, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM users WHERE username = ?`, a.Username).Scan(&id)
	if err == nil {
		return id, false, nil
	} else if !errors.Is(err, sql.ErrNoRows) {
		return 0, false, err
	}
	r, err := tx.ExecContext(ctx, `INSERT INTO users (username, display_name, password_hash, created_at) VALUES (?, ?, ?, ?)`,
		a.Username, a.DisplayName, congtin.NoPassword, unix(tx.now))
	if err != nil {
		return 0, false, err
	}
	if id, err = r.LastInsertId(); err != nil {
		return 0, false, err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO memberships (site_id, user_id, role) VALUES (?, ?, ?)`, siteID, id, congtin.RoleReporter)
	return id, true, err
}

// wpPost creates the article of a post, or updates the one imported from
// it before when anything differs.
func wpPost(ctx context.Context, tx *Tx, siteID int64, cat *congtin.Category, userID int64, p *congtin.WPPost) (*congtin.WPPostResult, error) {
	body := sanitize.HTML(p.Body)
	old, err := scanArticle(tx.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE site_id = ? AND external_id = ?`, siteID, p.ExternalID))
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	res := &congtin.WPPostResult{CategorySlug: cat.Slug}
	var id int64
	switch {
	case old == nil:
		r, err := tx.ExecContext(ctx, `INSERT INTO articles (site_id, category_id, title, slug, lead, body, author, image, featured,
			status, published_at, created_at, updated_at, external_id, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			siteID, cat.ID, p.Title, p.Slug, p.Lead, body, p.AuthorName, p.Image, boolInt(p.Featured),
			p.Status, unix(p.PublishedAt), unix(tx.now), unix(tx.now), p.ExternalID, userID)
		if err != nil {
			return nil, err
		}
		if id, err = r.LastInsertId(); err != nil {
			return nil, err
		}
		res.Created = true
	case old.CategoryID != cat.ID || old.Title != p.Title || old.Slug != p.Slug || old.Lead != p.Lead || old.Body != body ||
		old.Author != p.AuthorName || old.Image != p.Image || old.Featured != p.Featured || old.Status != p.Status ||
		!old.PublishedAt.Equal(fromUnix(unix(p.PublishedAt))) || old.CreatedBy != userID:
		id = old.ID
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET category_id = ?, title = ?, slug = ?, lead = ?, body = ?, author = ?,
			image = ?, featured = ?, status = ?, published_at = ?, updated_at = ?, created_by = ? WHERE id = ?`,
			cat.ID, p.Title, p.Slug, p.Lead, body, p.AuthorName, p.Image, boolInt(p.Featured), p.Status,
			unix(p.PublishedAt), unix(tx.now), userID, id); err != nil {
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
	if res.Article, err = scanArticle(tx.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = ?`, id)); err != nil {
		return nil, err
	}
	return res, nil
}

// wpRedirect points an old path at an article.
func wpRedirect(ctx context.Context, tx *Tx, siteID int64, path string, articleID int64) (created, changed bool, err error) {
	var cur int64
	err = tx.QueryRowContext(ctx, `SELECT article_id FROM redirects WHERE site_id = ? AND path = ?`, siteID, path).Scan(&cur)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		_, err = tx.ExecContext(ctx, `INSERT INTO redirects (site_id, path, article_id) VALUES (?, ?, ?)`, siteID, path, articleID)
		return err == nil, false, err
	case err != nil:
		return false, false, err
	case cur == articleID:
		return false, false, nil
	}
	_, err = tx.ExecContext(ctx, `UPDATE redirects SET article_id = ? WHERE site_id = ? AND path = ?`, articleID, siteID, path)
	return false, err == nil, err
}

// FindRedirect implements congtin.RedirectService.
func (db *DB) FindRedirect(ctx context.Context, siteID int64, path string) (int64, error) {
	var id int64
	err := db.db.QueryRowContext(ctx, `SELECT article_id FROM redirects WHERE site_id = ? AND path = ?`, siteID, path).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy trang.")
	} else if err != nil {
		return 0, fmt.Errorf("sqlite: find redirect: %w", err)
	}
	return id, nil
}
