package app

import (
	"context"
	"strconv"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/sanitize"
)

// articleFlow is the articles' part in the workflow: an editor may
// choose when an article goes out.
var articleFlow = &flow{noun: "bài viết", audit: "article", schedulable: true}

// categoryGone is the form error for a category deleted since the form
// was loaded.
var categoryGone = invalid("category_id", "Chuyên mục này không còn tồn tại; hãy chọn chuyên mục khác.")

// checkCategory makes sure a category exists in the site.
func checkCategory(ctx context.Context, tx congtin.Tx, siteID, id int64) error {
	if _, err := tx.FindCategory(ctx, siteID, id); congtin.ErrorCode(err) == congtin.ENOTFOUND {
		return categoryGone
	} else if err != nil {
		return err
	}
	return nil
}

// CreateArticle implements congtin.EditorialService: a new draft by the
// actor, with its first revision and workflow note.
func (a *App) CreateArticle(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.ArticleInput) (*congtin.Article, error) {
	if !congtin.Can(actor, congtin.ActCreate, nil) {
		return nil, forbidden("Bạn không có quyền viết bài.")
	}
	in.Normalize()
	if err := in.Validate(a.Now()); err != nil {
		return nil, err
	}
	var art *congtin.Article
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		if err := checkCategory(ctx, tx, siteID, in.CategoryID); err != nil {
			return err
		}
		now := tx.Now()
		art = &congtin.Article{SiteID: siteID, Status: congtin.StatusDraft, CreatedAt: now, UpdatedAt: now, CreatedBy: actor.UserID()}
		setArticle(art, in, now)
		if err := tx.InsertArticle(ctx, art); err != nil {
			return err
		}
		if err := tx.AddRevision(ctx, &congtin.Revision{ArticleID: art.ID, UserID: actor.UserID(), UserName: actor.Name(), Note: "Tạo mới"}); err != nil {
			return err
		}
		ref := congtin.Ref{Kind: congtin.KindArticle, SiteID: siteID, ID: art.ID}
		if err := tx.AddNote(ctx, &congtin.Note{Item: ref, UserName: actor.Name(), Action: congtin.ActCreate, Status: congtin.StatusDraft}); err != nil {
			return err
		}
		if err := saved(ctx, tx, actor, congtin.Ref{Kind: congtin.KindArticle, SiteID: siteID}); err != nil {
			return err
		}
		return tx.AddAudit(ctx, actor.Entry(siteID, "article.create", "article", art.ID, art.Title))
	})
	if err != nil {
		return nil, err
	}
	return art, nil
}

// setArticle copies the form into the article: the slug made from the
// title when none is given, the body sanitized, and no publication time
// meaning "when it is published" (now, for a new draft; unchanged for an
// existing one).
func setArticle(art *congtin.Article, in congtin.ArticleInput, now time.Time) {
	art.CategoryID, art.Title, art.Lead, art.Author, art.Image, art.Featured = in.CategoryID, in.Title, in.Lead, in.Author, in.Image, in.Featured
	art.Slug = in.Slug
	if art.Slug == "" {
		art.Slug = congtin.Slugify(in.Title)
	}
	art.Body = sanitize.HTML(in.Body)
	if !in.PublishedAt.IsZero() {
		art.PublishedAt = in.PublishedAt
	} else if art.PublishedAt.IsZero() {
		art.PublishedAt = now
	}
}

// UpdateArticle implements congtin.EditorialService: new content, kept as
// a revision.
func (a *App) UpdateArticle(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.ArticleInput) (*congtin.Article, error) {
	in.Normalize()
	if err := in.Validate(a.Now()); err != nil {
		return nil, err
	}
	var art *congtin.Article
	err := a.WithTx(ctx, func(tx congtin.Tx) (err error) {
		art, _, err = updateArticle(ctx, tx, actor, siteID, id, in, false)
		return err
	})
	if err != nil {
		return nil, err
	}
	return art, nil
}

// updateArticle writes the form over article id inside tx, with its
// revision and audit entry, once the form is found to be loaded from the
// stored version. When onlyChanged, a form that changes nothing writes
// nothing (a step taken from the form saves it first). It reports whether
// it wrote.
func updateArticle(ctx context.Context, tx congtin.Tx, actor congtin.Actor, siteID, id int64, in congtin.ArticleInput, onlyChanged bool) (*congtin.Article, bool, error) {
	art, err := tx.FindArticle(ctx, siteID, id)
	if err != nil {
		return nil, false, err
	}
	if !congtin.Can(actor, congtin.ActEdit, art.Item()) {
		return nil, false, forbidden("Bạn không có quyền sửa bài viết ở trạng thái “%s”.", congtin.StatusName(art.Status))
	}
	if err := congtin.CheckVersion(art.Version, in.Version); err != nil {
		return nil, false, err
	}
	if err := checkCategory(ctx, tx, siteID, in.CategoryID); err != nil {
		return nil, false, err
	}
	before := *art
	setArticle(art, in, tx.Now())
	ref := congtin.Ref{Kind: congtin.KindArticle, SiteID: siteID, ID: id}
	if onlyChanged && sameArticle(&before, art) {
		return art, false, saved(ctx, tx, actor, ref)
	}
	if err := tx.UpdateArticle(ctx, art); err != nil {
		return nil, false, err
	}
	if err := tx.AddRevision(ctx, &congtin.Revision{ArticleID: id, UserID: actor.UserID(), UserName: actor.Name(), Note: "Sửa"}); err != nil {
		return nil, false, err
	}
	if err := tx.AddAudit(ctx, actor.Entry(siteID, "article.edit", "article", id, art.Title)); err != nil {
		return nil, false, err
	}
	return art, true, saved(ctx, tx, actor, ref)
}

// sameArticle reports whether two versions of an article have the same
// content.
func sameArticle(a, b *congtin.Article) bool {
	return a.CategoryID == b.CategoryID && a.Title == b.Title && a.Slug == b.Slug && a.Lead == b.Lead && a.Body == b.Body &&
		a.Author == b.Author && a.Image == b.Image && a.Featured == b.Featured && a.PublishedAt.Equal(b.PublishedAt)
}

// UpdateArticleStep implements congtin.EditorialService: the step a
// button of the edit form asks for, with the form saved first, in one
// transaction, so that what the editor sees is what goes out. Xuất bản
// takes the form's publication time; left empty, it publishes now, not
// at a time the article was once given.
func (a *App) UpdateArticleStep(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.ArticleInput, s congtin.Step) (*congtin.Item, bool, error) {
	in.Normalize()
	if err := in.Validate(a.Now()); err != nil {
		return nil, false, err
	}
	if s.Act == congtin.ActPublish && s.PublishAt.IsZero() {
		s.PublishAt = in.PublishedAt
	}
	if err := a.checkStep(congtin.KindArticle, &s); err != nil {
		return nil, false, err
	}
	var it *congtin.Item
	var wrote bool
	err := a.WithTx(ctx, func(tx congtin.Tx) (err error) {
		if _, wrote, err = updateArticle(ctx, tx, actor, siteID, id, in, true); err != nil {
			return err
		}
		if s.Act == congtin.ActPublish && s.PublishAt.IsZero() {
			s.PublishAt = tx.Now()
		}
		it, err = a.step(ctx, tx, actor, congtin.Ref{Kind: congtin.KindArticle, SiteID: siteID, ID: id}, s)
		return err
	})
	if err != nil {
		return nil, false, err
	}
	return it, wrote, nil
}

// TransitionArticle implements congtin.EditorialService.
func (a *App) TransitionArticle(ctx context.Context, actor congtin.Actor, siteID, id int64, act, comment string, publishAt time.Time) (*congtin.Article, error) {
	if _, err := a.Transition(ctx, actor, congtin.Ref{Kind: congtin.KindArticle, SiteID: siteID, ID: id}, act, comment, publishAt); err != nil {
		return nil, err
	}
	return a.FindArticleByID(ctx, siteID, id)
}

// RestoreRevision implements congtin.EditorialService. The content comes
// back; the publication time stays: it belongs to the workflow, and
// restoring an early revision of a scheduled article must not publish it
// ahead of its time.
func (a *App) RestoreRevision(ctx context.Context, actor congtin.Actor, siteID, revisionID int64) (*congtin.Article, error) {
	var art *congtin.Article
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		rev, err := tx.FindRevision(ctx, siteID, revisionID)
		if err != nil {
			return err
		}
		if art, err = tx.FindArticle(ctx, siteID, rev.ArticleID); err != nil {
			return err
		}
		if !congtin.Can(actor, congtin.ActRestore, art.Item()) {
			return forbidden("Bạn không có quyền khôi phục bài viết này.")
		}
		if err := checkCategory(ctx, tx, siteID, rev.CategoryID); err != nil {
			return congtin.Errorf(congtin.EINVALID, "Chuyên mục của phiên bản này không còn tồn tại; hãy chọn chuyên mục khác rồi khôi phục.")
		}
		art.CategoryID, art.Title, art.Slug, art.Lead, art.Body = rev.CategoryID, rev.Title, rev.Slug, rev.Lead, rev.Body
		art.Author, art.Image, art.Featured = rev.Author, rev.Image, rev.Featured
		if err := tx.UpdateArticle(ctx, art); err != nil {
			return err
		}
		note := revisionNote(rev.ID)
		if err := tx.AddRevision(ctx, &congtin.Revision{ArticleID: art.ID, UserID: actor.UserID(), UserName: actor.Name(), Note: note}); err != nil {
			return err
		}
		return tx.AddAudit(ctx, actor.Entry(siteID, "article.restore", "article", art.ID, note))
	})
	if err != nil {
		return nil, err
	}
	return art, nil
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
