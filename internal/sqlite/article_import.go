package sqlite

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
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("sqlite: import: %w", err)
	}
	defer tx.Rollback()
	results := make([]*congtin.ImportResult, 0, len(prepared))
	cats := map[string]*congtin.Category{} // by path, to avoid a lookup per record
	for i := range prepared {
		res, err := importOne(ctx, tx, siteID, &prepared[i], cats)
		if err != nil {
			return nil, fmt.Errorf("sqlite: import record %d: %w", i, err)
		}
		results = append(results, res)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("sqlite: import: commit: %w", err)
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
		err = tx.QueryRowContext(ctx, `SELECT id FROM articles WHERE site_id = ? AND external_id = ?`, siteID, p.ExternalID).Scan(&id)
	} else {
		err = tx.QueryRowContext(ctx, `SELECT id FROM articles WHERE site_id = ? AND title = ? AND published_at = ? AND external_id IS NULL`,
			siteID, p.Title, unix(p.PublishedAt)).Scan(&id)
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
		res, err := tx.ExecContext(ctx, `INSERT INTO articles (site_id, category_id, title, slug, lead, body, author, image, featured,
			status, published_at, created_at, updated_at, external_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'published', ?, ?, ?, ?)`,
			siteID, cat.ID, p.Title, p.Slug, p.Lead, body, p.Author, p.Image, boolInt(p.Featured),
			unix(p.PublishedAt), unix(tx.now), unix(tx.now), external)
		if err != nil {
			return nil, err
		}
		if id, err = res.LastInsertId(); err != nil {
			return nil, err
		}
	} else if _, err := tx.ExecContext(ctx, `UPDATE articles SET category_id = ?, title = ?, slug = ?, lead = ?, body = ?, author = ?,
		image = ?, featured = ?, published_at = ?, updated_at = ? WHERE id = ?`,
		cat.ID, p.Title, p.Slug, p.Lead, body, p.Author, p.Image, boolInt(p.Featured), unix(p.PublishedAt), unix(tx.now), id); err != nil {
		return nil, err
	}
	if err := indexArticle(ctx, tx, id); err != nil {
		return nil, err
	}
	a, err := scanArticle(tx.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = ?`, id))
	if err != nil {
		return nil, err
	}
	return &congtin.ImportResult{Article: a, Category: cat, Created: created}, nil
}
