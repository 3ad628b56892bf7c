package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/sanitize"
)

// ImportArticles implements congtin.ArticleService.
func (db *DB) ImportArticles(ctx context.Context, siteID int64, recs []congtin.ArticleImport) ([]*congtin.ImportResult, error) {
	prepared, err := congtin.PrepareImport(recs)
	if err != nil {
		return nil, err
	}
	tx, err := db.beginChange(ctx)
	if err != nil {
		return nil, wrap("import", err)
	}
	defer tx.Rollback()
	// Two imports into one site at once would both miss a category or an
	// external ID the other is creating; they take turns instead.
	if err := lockCategories(ctx, tx, siteID); err != nil {
		return nil, wrap("import", err)
	}
	results := make([]*congtin.ImportResult, 0, len(prepared))
	cats := map[string]*congtin.Category{} // by path, to avoid a lookup per record
	for i := range prepared {
		res, err := importOne(ctx, tx, siteID, &prepared[i], cats)
		if err != nil {
			return nil, wrap(fmt.Sprintf("import record %d", i), err)
		}
		results = append(results, res)
	}
	if err := tx.Commit(); err != nil {
		return nil, wrap("import: commit", err)
	}
	return results, nil
}

func importOne(ctx context.Context, tx *Tx, siteID int64, p *congtin.PreparedImport, cats map[string]*congtin.Category) (*congtin.ImportResult, error) {
	var cat *congtin.Category
	key := ""
	for _, name := range p.CategoryPath {
		key += congtin.CategoryPathSep + name
		if c, ok := cats[key]; ok {
			cat = c
			continue
		}
		var parentID int64
		if cat != nil {
			parentID = cat.ID
		}
		c, err := findOrCreateCategory(ctx, tx, siteID, parentID, name)
		if err != nil {
			return nil, fmt.Errorf("category: %w", err)
		}
		cats[key], cat = c, c
	}

	// The key for re-imports: the external ID, else title and time.
	var id int64
	var err error
	if p.ExternalID != "" {
		err = tx.QueryRowContext(ctx, `SELECT id FROM articles WHERE site_id = $1 AND external_id = $2`, siteID, p.ExternalID).Scan(&id)
	} else {
		err = tx.QueryRowContext(ctx, `SELECT id FROM articles WHERE site_id = $1 AND title = $2 AND published_at = $3 AND external_id IS NULL`,
			siteID, p.Title, ts(p.PublishedAt)).Scan(&id)
	}
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	var external any
	if p.ExternalID != "" {
		external = p.ExternalID
	}
	body := sanitize.HTML(p.Body)
	created := id == 0
	if created {
		if err := tx.QueryRowContext(ctx, `INSERT INTO articles (site_id, category_id, title, slug, lead, body, author, image, featured,
			status, published_at, created_at, updated_at, external_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'published', $10, $11, $11, $12)
			RETURNING id`,
			siteID, cat.ID, p.Title, p.Slug, p.Lead, body, p.Author, p.Image, p.Featured,
			ts(p.PublishedAt), tx.now, external).Scan(&id); err != nil {
			return nil, err
		}
	} else if _, err := tx.ExecContext(ctx, `UPDATE articles SET category_id = $1, title = $2, slug = $3, lead = $4, body = $5, author = $6,
		image = $7, featured = $8, published_at = $9, updated_at = $10 WHERE id = $11`,
		cat.ID, p.Title, p.Slug, p.Lead, body, p.Author, p.Image, p.Featured, ts(p.PublishedAt), tx.now, id); err != nil {
		return nil, err
	}
	if err := indexArticle(ctx, tx, id); err != nil {
		return nil, err
	}
	a, err := scanArticle(tx.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = $1`, id))
	if err != nil {
		return nil, err
	}
	return &congtin.ImportResult{Article: a, Category: cat, Created: created}, nil
}
