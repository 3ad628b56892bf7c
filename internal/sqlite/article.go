package sqlite

import (
	"context"
	"fmt"

	"github.com/congtin/congtin"
)

const articleColumns = `id, site_id, category_id, title, slug, lead, body, author, image, featured, status,
	published_at, created_at, updated_at, IFNULL(external_id, ''), views, created_by`

// listColumns leaves out the body: lists never show it, and it is most of
// a row's bytes.
const listColumns = `id, site_id, category_id, title, slug, lead, '', author, image, featured, status,
	published_at, created_at, updated_at, IFNULL(external_id, ''), views, created_by`

func scanArticle(row interface{ Scan(...any) error }) (*congtin.Article, error) {
	var a congtin.Article
	var pub, created, updated int64
	err := row.Scan(&a.ID, &a.SiteID, &a.CategoryID, &a.Title, &a.Slug, &a.Lead, &a.Body, &a.Author, &a.Image,
		&a.Featured, &a.Status, &pub, &created, &updated, &a.ExternalID, &a.Views, &a.CreatedBy)
	if err != nil {
		return nil, err
	}
	a.PublishedAt, a.CreatedAt, a.UpdatedAt = fromUnix(pub), fromUnix(created), fromUnix(updated)
	return &a, nil
}

// SetArticleStatus implements congtin.ArticleService.
func (db *DB) SetArticleStatus(ctx context.Context, siteID, id int64, status string) error {
	if !congtin.ValidStatus(status) {
		return congtin.Errorf(congtin.EINVALID, "Trạng thái bài viết không hợp lệ.")
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: set status: %w", err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `UPDATE articles SET status = ?, updated_at = ? WHERE id = ? AND site_id = ?`, status, unix(tx.now), id, siteID)
	if err != nil {
		return fmt.Errorf("sqlite: set status: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy bài viết.")
	}
	if err := indexArticle(ctx, tx, id); err != nil {
		return err
	}
	return tx.Commit()
}
