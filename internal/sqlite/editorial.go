package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/sanitize"
)

var _ congtin.EditorialService = (*DB)(nil)

// checkCategory makes sure a category exists in the site: a form may name
// one deleted since it was loaded.
func checkCategory(ctx context.Context, tx *Tx, siteID, id int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM categories WHERE id = ? AND site_id = ?`, id, siteID).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return &congtin.ValidationError{Fields: congtin.FieldErrors{"category_id": "Chuyên mục này không còn tồn tại; hãy chọn chuyên mục khác."}}
	}
	return nil
}

// CreateArticle implements congtin.EditorialService.
func (db *DB) CreateArticle(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.ArticleInput) (*congtin.Article, error) {
	in.Normalize()
	if err := in.Validate(db.Now()); err != nil {
		return nil, err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	if err := checkCategory(ctx, tx, siteID, in.CategoryID); err != nil {
		return nil, err
	}
	slug := in.Slug
	if slug == "" {
		slug = congtin.Slugify(in.Title)
	}
	pub := in.PublishedAt
	if pub.IsZero() {
		pub = tx.now
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO articles (site_id, category_id, title, slug, lead, body, author, image, featured,
		status, published_at, created_at, updated_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?)`,
		siteID, in.CategoryID, in.Title, slug, in.Lead, sanitize.HTML(in.Body), in.Author, in.Image, boolInt(in.Featured),
		unix(pub), unix(tx.now), unix(tx.now), actor.User.ID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: create article: %w", err)
	}
	id, _ := res.LastInsertId()
	if err := addRevision(ctx, tx, actor, siteID, id, "Tạo mới"); err != nil {
		return nil, err
	}
	if err := addNote(ctx, tx, actor, siteID, id, congtin.ActCreate, congtin.StatusDraft, ""); err != nil {
		return nil, err
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "article.create", "article", id, in.Title)); err != nil {
		return nil, err
	}
	if err := indexArticle(ctx, tx, id); err != nil {
		return nil, err
	}
	a, err := scanArticle(tx.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = ?`, id))
	if err != nil {
		return nil, err
	}
	return a, tx.Commit()
}

// UpdateArticle implements congtin.EditorialService.
func (db *DB) UpdateArticle(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.ArticleInput) (*congtin.Article, error) {
	in.Normalize()
	if err := in.Validate(db.Now()); err != nil {
		return nil, err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	cur, err := findArticleTx(ctx, tx, siteID, id)
	if err != nil {
		return nil, err
	}
	if err := checkCategory(ctx, tx, siteID, in.CategoryID); err != nil {
		return nil, err
	}
	slug := in.Slug
	if slug == "" {
		slug = congtin.Slugify(in.Title)
	}
	pub := in.PublishedAt
	if pub.IsZero() {
		pub = cur.PublishedAt
	}
	if _, err := tx.ExecContext(ctx, `UPDATE articles SET category_id = ?, title = ?, slug = ?, lead = ?, body = ?, author = ?, image = ?,
		featured = ?, published_at = ?, updated_at = ? WHERE id = ?`,
		in.CategoryID, in.Title, slug, in.Lead, sanitize.HTML(in.Body), in.Author, in.Image, boolInt(in.Featured), unix(pub), unix(tx.now), id); err != nil {
		return nil, fmt.Errorf("sqlite: update article: %w", err)
	}
	if err := addRevision(ctx, tx, actor, siteID, id, "Sửa"); err != nil {
		return nil, err
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "article.edit", "article", id, in.Title)); err != nil {
		return nil, err
	}
	if err := indexArticle(ctx, tx, id); err != nil {
		return nil, err
	}
	a, err := findArticleTx(ctx, tx, siteID, id)
	if err != nil {
		return nil, err
	}
	return a, tx.Commit()
}

func findArticleTx(ctx context.Context, tx *Tx, siteID, id int64) (*congtin.Article, error) {
	a, err := scanArticle(tx.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = ? AND site_id = ?`, id, siteID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy bài viết.")
	}
	return a, err
}

// TransitionArticle implements congtin.EditorialService.
func (db *DB) TransitionArticle(ctx context.Context, actor congtin.Actor, siteID, id int64, act, comment string, publishAt time.Time) (*congtin.Article, error) {
	next := congtin.NextStatus(act)
	if next == "" {
		return nil, congtin.Errorf(congtin.EINVALID, "Thao tác không hợp lệ.")
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	cur, err := findArticleTx(ctx, tx, siteID, id)
	if err != nil {
		return nil, err
	}
	// Checked again inside the transaction: the state may have changed
	// since the page was loaded.
	if !congtin.Can(actor, act, cur) {
		return nil, congtin.Errorf(congtin.EFORBIDDEN, "Bạn không có quyền thực hiện thao tác này với bài viết ở trạng thái “%s”.", congtin.StatusName(cur.Status))
	}
	pub, err := congtin.TransitionTime(cur, act, publishAt, tx.now)
	if err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE articles SET status = ?, published_at = ?, updated_at = ? WHERE id = ?`,
		next, unix(pub), unix(tx.now), id); err != nil {
		return nil, fmt.Errorf("sqlite: transition: %w", err)
	}
	if err := addNote(ctx, tx, actor, siteID, id, act, next, comment); err != nil {
		return nil, err
	}
	detail := congtin.StatusName(cur.Status) + " → " + congtin.StatusName(next)
	if act == congtin.ActPublish && pub.After(tx.now) {
		detail += ", hẹn giờ " + pub.In(congtin.VietnamZone).Format("02/01/2006 15:04:05")
	}
	if comment != "" {
		detail += ": " + comment
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "article."+act, "article", id, detail)); err != nil {
		return nil, err
	}
	if err := indexArticle(ctx, tx, id); err != nil {
		return nil, err
	}
	a, err := findArticleTx(ctx, tx, siteID, id)
	if err != nil {
		return nil, err
	}
	return a, tx.Commit()
}

// FindAdminArticles implements congtin.EditorialService.
func (db *DB) FindAdminArticles(ctx context.Context, f congtin.AdminArticleFilter) ([]*congtin.Article, int, error) {
	where, args := []string{"site_id = ?"}, []any{f.SiteID}
	if f.Status != "" {
		where, args = append(where, "status = ?"), append(args, f.Status)
	}
	if f.CreatedBy != 0 {
		where, args = append(where, "created_by = ?"), append(args, f.CreatedBy)
	}
	cond := strings.Join(where, " AND ")
	var total int
	if err := db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles WHERE `+cond, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("sqlite: count admin articles: %w", err)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	rows, err := db.db.QueryContext(ctx, `SELECT `+listColumns+` FROM articles WHERE `+cond+` ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?`,
		append(args, limit, max(f.Offset, 0))...)
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: find admin articles: %w", err)
	}
	defer rows.Close()
	var out []*congtin.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, a)
	}
	return out, total, rows.Err()
}

// addRevision copies the article's current content into a revision.
func addRevision(ctx context.Context, tx *Tx, actor congtin.Actor, siteID, articleID int64, note string) error {
	name := ""
	var uid int64
	if actor.User != nil {
		name, uid = actor.User.DisplayName, actor.User.ID
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO revisions (site_id, article_id, user_id, user_name, created_at, category_id, title, lead, body,
		author, image, slug, featured, published_at, note)
		SELECT site_id, id, ?, ?, ?, category_id, title, lead, body, author, image, slug, featured, published_at, ?
		FROM articles WHERE id = ?`, uid, name, unix(tx.now), note, articleID)
	if err != nil {
		return fmt.Errorf("sqlite: add revision: %w", err)
	}
	return nil
}

func addNote(ctx context.Context, tx *Tx, actor congtin.Actor, siteID, articleID int64, act, status, comment string) error {
	name := ""
	if actor.User != nil {
		name = actor.User.DisplayName
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO notes (site_id, article_id, user_name, action, status, comment, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		siteID, articleID, name, act, status, comment, unix(tx.now))
	if err != nil {
		return fmt.Errorf("sqlite: add note: %w", err)
	}
	return nil
}

const revisionColumns = `id, article_id, user_id, user_name, created_at, category_id, title, lead, body, author, image, slug, featured, published_at, note`

func scanRevision(row interface{ Scan(...any) error }) (*congtin.Revision, error) {
	var r congtin.Revision
	var created, pub int64
	err := row.Scan(&r.ID, &r.ArticleID, &r.UserID, &r.UserName, &created, &r.CategoryID, &r.Title, &r.Lead, &r.Body, &r.Author, &r.Image, &r.Slug, &r.Featured, &pub, &r.Note)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy phiên bản.")
	} else if err != nil {
		return nil, err
	}
	r.CreatedAt, r.PublishedAt = fromUnix(created), fromUnix(pub)
	return &r, nil
}

// FindRevisions implements congtin.EditorialService.
func (db *DB) FindRevisions(ctx context.Context, siteID, articleID int64) ([]*congtin.Revision, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT `+strings.Replace(revisionColumns, "body", "''", 1)+` FROM revisions
		WHERE article_id = ? AND site_id = ? ORDER BY id DESC`, articleID, siteID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: find revisions: %w", err)
	}
	defer rows.Close()
	var out []*congtin.Revision
	for rows.Next() {
		r, err := scanRevision(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// FindRevision implements congtin.EditorialService.
func (db *DB) FindRevision(ctx context.Context, siteID, id int64) (*congtin.Revision, error) {
	return scanRevision(db.db.QueryRowContext(ctx, `SELECT `+revisionColumns+` FROM revisions WHERE id = ? AND site_id = ?`, id, siteID))
}

// RestoreRevision implements congtin.EditorialService.
func (db *DB) RestoreRevision(ctx context.Context, actor congtin.Actor, siteID, revisionID int64) (*congtin.Article, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rev, err := scanRevision(tx.QueryRowContext(ctx, `SELECT `+revisionColumns+` FROM revisions WHERE id = ? AND site_id = ?`, revisionID, siteID))
	if err != nil {
		return nil, err
	}
	cur, err := findArticleTx(ctx, tx, siteID, rev.ArticleID)
	if err != nil {
		return nil, err
	}
	if !congtin.Can(actor, congtin.ActRestore, cur) {
		return nil, congtin.Errorf(congtin.EFORBIDDEN, "Bạn không có quyền khôi phục bài viết này.")
	}
	if err := checkCategory(ctx, tx, siteID, rev.CategoryID); err != nil {
		return nil, congtin.Errorf(congtin.EINVALID, "Chuyên mục của phiên bản này không còn tồn tại; hãy chọn chuyên mục khác rồi khôi phục.")
	}
	// The content comes back; the publication time stays. It belongs to
	// the workflow: restoring an early revision of a scheduled article
	// must not publish it ahead of its time.
	if _, err := tx.ExecContext(ctx, `UPDATE articles SET category_id = ?, title = ?, slug = ?, lead = ?, body = ?, author = ?, image = ?,
		featured = ?, updated_at = ? WHERE id = ?`,
		rev.CategoryID, rev.Title, rev.Slug, rev.Lead, rev.Body, rev.Author, rev.Image, boolInt(rev.Featured), unix(tx.now), rev.ArticleID); err != nil {
		return nil, fmt.Errorf("sqlite: restore: %w", err)
	}
	note := fmt.Sprintf("Khôi phục phiên bản #%d", rev.ID)
	if err := addRevision(ctx, tx, actor, siteID, rev.ArticleID, note); err != nil {
		return nil, err
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "article.restore", "article", rev.ArticleID, note)); err != nil {
		return nil, err
	}
	if err := indexArticle(ctx, tx, rev.ArticleID); err != nil {
		return nil, err
	}
	a, err := findArticleTx(ctx, tx, siteID, rev.ArticleID)
	if err != nil {
		return nil, err
	}
	return a, tx.Commit()
}

// FindNotes implements congtin.EditorialService.
func (db *DB) FindNotes(ctx context.Context, siteID, articleID int64) ([]*congtin.Note, error) {
	out, err := db.queryNotes(ctx, `SELECT id, article_id, user_name, action, status, comment, created_at FROM notes
		WHERE article_id = ? AND site_id = ? ORDER BY id`, articleID, siteID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: find notes: %w", err)
	}
	return out, nil
}
