package postgres

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"github.com/congtin/congtin"
)

var _ congtin.ArticleService = (*DB)(nil)

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

// FindArticleByID implements congtin.ArticleService.
func (db *DB) FindArticleByID(ctx context.Context, siteID, id int64) (*congtin.Article, error) {
	a, err := scanArticle(db.db.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = $1 AND site_id = $2`, id, siteID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy bài viết.")
	} else if err != nil {
		return nil, wrap("find article", err)
	}
	return a, nil
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

// FindArticles implements congtin.ArticleService.
func (db *DB) FindArticles(ctx context.Context, f congtin.ArticleFilter) ([]*congtin.Article, int, error) {
	now := f.Now
	if now.IsZero() {
		now = db.Now()
	}
	var w where
	w.add("site_id = ?", f.SiteID)
	w.add("status = 'published'")
	w.add("published_at <= ?", ts(now))
	if len(f.CategoryIDs) > 0 {
		w.add("category_id = ANY(?)", f.CategoryIDs)
	}
	if f.Featured != nil {
		w.add("featured = ?", *f.Featured)
	}
	if !f.From.IsZero() {
		w.add("published_at >= ?", ts(f.From))
	}
	if !f.To.IsZero() {
		w.add("published_at < ?", ts(f.To))
	}
	// Row comparisons, not the equivalent OR: PostgreSQL can then use them
	// as index conditions on (…, published_at DESC, id DESC).
	if a := f.Before; a != nil {
		w.add("(published_at, id) < (?, ?)", ts(a.PublishedAt), a.ID)
	}
	if a := f.After; a != nil {
		w.add("(published_at, id) > (?, ?)", ts(a.PublishedAt), a.ID)
	}

	var total int
	if err := db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles WHERE `+w.String(), w.args...).Scan(&total); err != nil {
		return nil, 0, wrap("count articles", err)
	}
	order := "published_at DESC, id DESC"
	if f.Oldest {
		order = "published_at, id"
	}
	var limit any // NULL: no limit
	if f.Limit > 0 {
		limit = f.Limit
	}
	rows, err := db.db.QueryContext(ctx, `SELECT `+listColumns+` FROM articles WHERE `+w.String()+
		` ORDER BY `+order+` LIMIT `+w.next(0)+` OFFSET `+w.next(1), append(w.args, limit, max(f.Offset, 0))...)
	if err != nil {
		return nil, 0, wrap("find articles", err)
	}
	defer rows.Close()
	var out []*congtin.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, 0, wrap("scan article", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, wrap("find articles", err)
	}
	return out, total, nil
}

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
