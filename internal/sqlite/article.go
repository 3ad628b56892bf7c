package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/congtin/congtin"
)

var _ congtin.ArticleService = (*DB)(nil)

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

// FindArticleByID implements congtin.ArticleService.
func (db *DB) FindArticleByID(ctx context.Context, siteID, id int64) (*congtin.Article, error) {
	a, err := scanArticle(db.db.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = ? AND site_id = ?`, id, siteID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy bài viết.")
	} else if err != nil {
		return nil, fmt.Errorf("sqlite: find article: %w", err)
	}
	return a, nil
}

// FindArticles implements congtin.ArticleService.
func (db *DB) FindArticles(ctx context.Context, f congtin.ArticleFilter) ([]*congtin.Article, int, error) {
	now := f.Now
	if now.IsZero() {
		now = db.Now()
	}
	where := []string{"site_id = ?", "status = 'published'", "published_at <= ?"}
	args := []any{f.SiteID, unix(now)}
	if len(f.CategoryIDs) > 0 {
		where = append(where, "category_id IN ("+placeholders(len(f.CategoryIDs))+")")
		for _, id := range f.CategoryIDs {
			args = append(args, id)
		}
	}
	if f.Featured != nil {
		where, args = append(where, "featured = ?"), append(args, boolInt(*f.Featured))
	}
	if !f.From.IsZero() {
		where, args = append(where, "published_at >= ?"), append(args, unix(f.From))
	}
	if !f.To.IsZero() {
		where, args = append(where, "published_at < ?"), append(args, unix(f.To))
	}
	if a := f.Before; a != nil {
		where = append(where, "(published_at < ? OR (published_at = ? AND id < ?))")
		args = append(args, unix(a.PublishedAt), unix(a.PublishedAt), a.ID)
	}
	if a := f.After; a != nil {
		where = append(where, "(published_at > ? OR (published_at = ? AND id > ?))")
		args = append(args, unix(a.PublishedAt), unix(a.PublishedAt), a.ID)
	}
	cond := strings.Join(where, " AND ")

	var total int
	if err := db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles WHERE `+cond, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("sqlite: count articles: %w", err)
	}
	order := "published_at DESC, id DESC"
	if f.Oldest {
		order = "published_at, id"
	}
	limit := f.Limit
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	rows, err := db.db.QueryContext(ctx, `SELECT `+listColumns+` FROM articles WHERE `+cond+
		` ORDER BY `+order+` LIMIT ? OFFSET ?`, append(args, limit, max(f.Offset, 0))...)
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: find articles: %w", err)
	}
	defer rows.Close()
	var out []*congtin.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, 0, fmt.Errorf("sqlite: scan article: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("sqlite: find articles: %w", err)
	}
	return out, total, nil
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
