package postgres

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

// categoryGone is the form error for a category deleted since the form
// was loaded.
var categoryGone = &congtin.ValidationError{Fields: congtin.FieldErrors{"category_id": "Chuyên mục này không còn tồn tại; hãy chọn chuyên mục khác."}}

// checkCategory makes sure a category exists in the site: a form may name
// one deleted since it was loaded.
func checkCategory(ctx context.Context, tx *Tx, siteID, id int64) error {
	var ok bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM categories WHERE id = $1 AND site_id = $2)`, id, siteID).Scan(&ok); err != nil {
		return wrap("check category", err)
	}
	if !ok {
		return categoryGone
	}
	return nil
}

// writeErr is the error of an insert or update of an article: a category
// deleted by a transaction that committed after checkCategory looked (the
// foreign key catches it) is the same form error as one deleted before.
func writeErr(op string, err error) error {
	if pgCode(err) == foreignKeyViolation {
		return categoryGone
	}
	return wrap(op, err)
}

// CreateArticle implements congtin.EditorialService.
func (db *DB) CreateArticle(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.ArticleInput) (*congtin.Article, error) {
	in.Normalize()
	if err := in.Validate(db.Now()); err != nil {
		return nil, err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, wrap("create article", err)
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
	var id int64
	if err := tx.QueryRowContext(ctx, `INSERT INTO articles (site_id, category_id, title, slug, lead, body, author, image, featured,
		status, published_at, created_at, updated_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'draft', $10, $11, $11, $12)
		RETURNING id`,
		siteID, in.CategoryID, in.Title, slug, in.Lead, sanitize.HTML(in.Body), in.Author, in.Image, in.Featured,
		ts(pub), tx.now, actor.User.ID).Scan(&id); err != nil {
		return nil, writeErr("create article", err)
	}
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
	a, err := scanArticle(tx.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = $1`, id))
	if err != nil {
		return nil, wrap("create article", err)
	}
	return a, wrap("create article: commit", tx.Commit())
}

// UpdateArticle implements congtin.EditorialService.
func (db *DB) UpdateArticle(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.ArticleInput) (*congtin.Article, error) {
	in.Normalize()
	if err := in.Validate(db.Now()); err != nil {
		return nil, err
	}
	tx, err := db.beginChange(ctx)
	if err != nil {
		return nil, wrap("update article", err)
	}
	defer tx.Rollback()
	cur, err := lockArticleTx(ctx, tx, siteID, id)
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
	if _, err := tx.ExecContext(ctx, `UPDATE articles SET category_id = $1, title = $2, slug = $3, lead = $4, body = $5, author = $6, image = $7,
		featured = $8, published_at = $9, updated_at = $10 WHERE id = $11`,
		in.CategoryID, in.Title, slug, in.Lead, sanitize.HTML(in.Body), in.Author, in.Image, in.Featured, ts(pub), tx.now, id); err != nil {
		return nil, writeErr("update article", err)
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
	return a, wrap("update article: commit", tx.Commit())
}

func findArticleTx(ctx context.Context, tx *Tx, siteID, id int64) (*congtin.Article, error) {
	return scanArticleTx(tx.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = $1 AND site_id = $2`, id, siteID))
}

// lockArticleTx reads an article that the transaction is about to change
// from what it read (its state, its time), and locks its row until the
// end: a second editor acting at the same moment waits and then sees the
// first one's change, as with SQLite's single writer.
func lockArticleTx(ctx context.Context, tx *Tx, siteID, id int64) (*congtin.Article, error) {
	return scanArticleTx(tx.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = $1 AND site_id = $2 FOR UPDATE`, id, siteID))
}

func scanArticleTx(row *sql.Row) (*congtin.Article, error) {
	a, err := scanArticle(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy bài viết.")
	} else if err != nil {
		return nil, wrap("find article", err)
	}
	return a, nil
}

// TransitionArticle implements congtin.EditorialService.
func (db *DB) TransitionArticle(ctx context.Context, actor congtin.Actor, siteID, id int64, act, comment string, publishAt time.Time) (*congtin.Article, error) {
	next := congtin.NextStatus(act)
	if next == "" {
		return nil, congtin.Errorf(congtin.EINVALID, "Thao tác không hợp lệ.")
	}
	tx, err := db.beginChange(ctx)
	if err != nil {
		return nil, wrap("transition", err)
	}
	defer tx.Rollback()
	cur, err := lockArticleTx(ctx, tx, siteID, id)
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
	if _, err := tx.ExecContext(ctx, `UPDATE articles SET status = $1, published_at = $2, updated_at = $3 WHERE id = $4`,
		next, ts(pub), tx.now, id); err != nil {
		return nil, wrap("transition", err)
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
	return a, wrap("transition: commit", tx.Commit())
}

// FindAdminArticles implements congtin.EditorialService.
func (db *DB) FindAdminArticles(ctx context.Context, f congtin.AdminArticleFilter) ([]*congtin.Article, int, error) {
	var w where
	w.add("site_id = ?", f.SiteID)
	if f.Status != "" {
		w.add("status = ?", clean(f.Status))
	}
	if f.CreatedBy != 0 {
		w.add("created_by = ?", f.CreatedBy)
	}
	var total int
	if err := db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles WHERE `+w.String(), w.args...).Scan(&total); err != nil {
		return nil, 0, wrap("count admin articles", err)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	rows, err := db.db.QueryContext(ctx, `SELECT `+listColumns+` FROM articles WHERE `+w.String()+` ORDER BY updated_at DESC, id DESC LIMIT `+w.next(0)+` OFFSET `+w.next(1),
		append(w.args, limit, max(f.Offset, 0))...)
	if err != nil {
		return nil, 0, wrap("find admin articles", err)
	}
	defer rows.Close()
	var out []*congtin.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, 0, wrap("find admin articles", err)
		}
		out = append(out, a)
	}
	return out, total, wrap("find admin articles", rows.Err())
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
		SELECT site_id, id, $1, $2, $3, category_id, title, lead, body, author, image, slug, featured, published_at, $4
		FROM articles WHERE id = $5`, uid, name, tx.now, note, articleID)
	return wrap("add revision", err)
}

func addNote(ctx context.Context, tx *Tx, actor congtin.Actor, siteID, articleID int64, act, status, comment string) error {
	name := ""
	if actor.User != nil {
		name = actor.User.DisplayName
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO notes (site_id, article_id, user_name, action, status, comment, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		siteID, articleID, name, act, status, comment, tx.now)
	return wrap("add note", err)
}

const revisionColumns = `id, article_id, user_id, user_name, created_at, category_id, title, lead, body, author, image, slug, featured, published_at, note`

func scanRevision(row interface{ Scan(...any) error }) (*congtin.Revision, error) {
	var r congtin.Revision
	err := row.Scan(&r.ID, &r.ArticleID, &r.UserID, &r.UserName, &r.CreatedAt, &r.CategoryID, &r.Title, &r.Lead, &r.Body, &r.Author, &r.Image, &r.Slug, &r.Featured, &r.PublishedAt, &r.Note)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy phiên bản.")
	} else if err != nil {
		return nil, wrap("find revision", err)
	}
	r.CreatedAt, r.PublishedAt = fromTS(r.CreatedAt), fromTS(r.PublishedAt)
	return &r, nil
}

// FindRevisions implements congtin.EditorialService.
func (db *DB) FindRevisions(ctx context.Context, siteID, articleID int64) ([]*congtin.Revision, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT `+strings.Replace(revisionColumns, "body", "''", 1)+` FROM revisions
		WHERE article_id = $1 AND site_id = $2 ORDER BY id DESC`, articleID, siteID)
	if err != nil {
		return nil, wrap("find revisions", err)
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
	return out, wrap("find revisions", rows.Err())
}

// FindRevision implements congtin.EditorialService.
func (db *DB) FindRevision(ctx context.Context, siteID, id int64) (*congtin.Revision, error) {
	return scanRevision(db.db.QueryRowContext(ctx, `SELECT `+revisionColumns+` FROM revisions WHERE id = $1 AND site_id = $2`, id, siteID))
}

// RestoreRevision implements congtin.EditorialService.
func (db *DB) RestoreRevision(ctx context.Context, actor congtin.Actor, siteID, revisionID int64) (*congtin.Article, error) {
	tx, err := db.beginChange(ctx)
	if err != nil {
		return nil, wrap("restore", err)
	}
	defer tx.Rollback()
	rev, err := scanRevision(tx.QueryRowContext(ctx, `SELECT `+revisionColumns+` FROM revisions WHERE id = $1 AND site_id = $2`, revisionID, siteID))
	if err != nil {
		return nil, err
	}
	cur, err := lockArticleTx(ctx, tx, siteID, rev.ArticleID)
	if err != nil {
		return nil, err
	}
	if !congtin.Can(actor, congtin.ActRestore, cur) {
		return nil, congtin.Errorf(congtin.EFORBIDDEN, "Bạn không có quyền khôi phục bài viết này.")
	}
	restoreGone := congtin.Errorf(congtin.EINVALID, "Chuyên mục của phiên bản này không còn tồn tại; hãy chọn chuyên mục khác rồi khôi phục.")
	if err := checkCategory(ctx, tx, siteID, rev.CategoryID); congtin.ErrorCode(err) == congtin.EINVALID {
		return nil, restoreGone
	} else if err != nil {
		return nil, err
	}
	// The content comes back; the publication time stays. It belongs to
	// the workflow: restoring an early revision of a scheduled article
	// must not publish it ahead of its time.
	if _, err := tx.ExecContext(ctx, `UPDATE articles SET category_id = $1, title = $2, slug = $3, lead = $4, body = $5, author = $6, image = $7,
		featured = $8, updated_at = $9 WHERE id = $10`,
		rev.CategoryID, rev.Title, rev.Slug, rev.Lead, rev.Body, rev.Author, rev.Image, rev.Featured, tx.now, rev.ArticleID); err != nil {
		if pgCode(err) == foreignKeyViolation {
			return nil, restoreGone
		}
		return nil, wrap("restore", err)
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
	return a, wrap("restore: commit", tx.Commit())
}

// FindNotes implements congtin.EditorialService.
func (db *DB) FindNotes(ctx context.Context, siteID, articleID int64) ([]*congtin.Note, error) {
	out, err := db.queryNotes(ctx, `SELECT id, article_id, user_name, action, status, comment, created_at FROM notes
		WHERE article_id = $1 AND site_id = $2 ORDER BY id`, articleID, siteID)
	if err != nil {
		return nil, wrap("find notes", err)
	}
	return out, nil
}
