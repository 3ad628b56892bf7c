package postgres

import (
	"context"
	"strconv"
	"strings"

	"github.com/congtin/congtin"
)

const articleColumns = `id, site_id, category_id, title, slug, lead, body, author, image, featured, status,
	published_at, created_at, updated_at, COALESCE(external_id, ''), views, created_by`

// listColumns leaves out the body: lists never show it, and it is most of
// a row's bytes.
const listColumns = `id, site_id, category_id, title, slug, lead, '', author, image, featured, status,
	published_at, created_at, updated_at, COALESCE(external_id, ''), views, created_by`

func scanArticle(row interface{ Scan(...any) error }) (*congtin.Article, error) {
	var a congtin.Article
	err := row.Scan(&a.ID, &a.SiteID, &a.CategoryID, &a.Title, &a.Slug, &a.Lead, &a.Body, &a.Author, &a.Image,
		&a.Featured, &a.Status, &a.PublishedAt, &a.CreatedAt, &a.UpdatedAt, &a.ExternalID, &a.Views, &a.CreatedBy)
	if err != nil {
		return nil, err
	}
	a.PublishedAt, a.CreatedAt, a.UpdatedAt = fromTS(a.PublishedAt), fromTS(a.CreatedAt), fromTS(a.UpdatedAt)
	return &a, nil
}

// where builds a WHERE clause: conditions joined by AND, each with its
// placeholder numbered after the arguments so far.
type where struct {
	conds []string
	args  []any
}

// add appends a condition whose "?" placeholders take args in order.
func (w *where) add(cond string, args ...any) {
	var b strings.Builder
	for _, a := range args {
		i := strings.IndexByte(cond, '?')
		w.args = append(w.args, a)
		b.WriteString(cond[:i] + "$" + strconv.Itoa(len(w.args)))
		cond = cond[i+1:]
	}
	b.WriteString(cond)
	w.conds = append(w.conds, b.String())
}

// String returns the conditions joined with AND.
func (w *where) String() string { return strings.Join(w.conds, " AND ") }

// next returns the placeholder for the argument after the conditions',
// plus k.
func (w *where) next(k int) string { return "$" + strconv.Itoa(len(w.args)+1+k) }

// SetArticleStatus implements congtin.ArticleService.
func (db *DB) SetArticleStatus(ctx context.Context, siteID, id int64, status string) error {
	if !congtin.ValidStatus(status) {
		return congtin.Errorf(congtin.EINVALID, "Trạng thái bài viết không hợp lệ.")
	}
	tx, err := db.beginChange(ctx)
	if err != nil {
		return wrap("set status", err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `UPDATE articles SET status = $1, updated_at = $2 WHERE id = $3 AND site_id = $4`, status, tx.now, id, siteID)
	if err != nil {
		return wrap("set status", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy bài viết.")
	}
	if err := indexArticle(ctx, tx, id); err != nil {
		return err
	}
	return wrap("set status: commit", tx.Commit())
}
