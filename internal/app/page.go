package app

import (
	"context"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/sanitize"
)

// pageFlow is the about section's pages' part in the workflow: a page
// goes out when it is published.
var pageFlow = &flow{noun: "trang", audit: "page"}

// checkPageSlugs refuses slugs another page of the site has, in either
// language: /gioi-thieu/x and /en/about/x each name one page.
func checkPageSlugs(ctx context.Context, tx congtin.Tx, siteID, self int64, slug, slugEN string) error {
	fe := congtin.FieldErrors{}
	if ok, err := tx.PageSlugFree(ctx, siteID, slug, false, self); err != nil {
		return err
	} else if !ok {
		fe["slug"] = "Đường dẫn “" + slug + "” đã được trang khác dùng; hãy chọn đường dẫn khác."
	}
	if slugEN != "" {
		if ok, err := tx.PageSlugFree(ctx, siteID, slugEN, true, self); err != nil {
			return err
		} else if !ok {
			fe["slug_en"] = "Đường dẫn tiếng Anh “" + slugEN + "” đã được trang khác dùng; hãy chọn đường dẫn khác."
		}
	}
	if len(fe) > 0 {
		return &congtin.ValidationError{Fields: fe}
	}
	return nil
}

// setPage copies the form into the page: the slugs made from the titles
// when none are given, the bodies sanitized.
func setPage(p *congtin.Page, in congtin.PageInput) {
	p.Slug, p.SlugEN = in.Slugs()
	p.Title, p.TitleEN, p.Position = in.Title, in.TitleEN, in.Position
	p.Body, p.BodyEN = sanitize.HTML(in.Body), sanitize.HTML(in.BodyEN)
}

// pageRevision is a revision of the page's stored content by the actor.
func pageRevision(actor congtin.Actor, id int64, note string) *congtin.PageRevision {
	return &congtin.PageRevision{PageID: id, UserID: actor.UserID(), UserName: actor.Name(), Note: note}
}

// CreatePage implements congtin.AboutService: a new draft by the actor,
// with its first revision.
func (a *App) CreatePage(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.PageInput) (*congtin.Page, error) {
	if !congtin.Can(actor, congtin.ActCreate, nil) {
		return nil, forbidden("Bạn không có quyền tạo trang giới thiệu.")
	}
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var p *congtin.Page
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		now := tx.Now()
		n := &congtin.Page{SiteID: siteID, Status: congtin.StatusDraft, CreatedBy: actor.UserID(), CreatedAt: now, UpdatedAt: now}
		setPage(n, in)
		if err := checkPageSlugs(ctx, tx, siteID, 0, n.Slug, n.SlugEN); err != nil {
			return err
		}
		if err := tx.InsertPage(ctx, n); err != nil {
			return err
		}
		if err := tx.AddPageRevision(ctx, pageRevision(actor, n.ID, "Tạo mới")); err != nil {
			return err
		}
		ref := congtin.Ref{Kind: congtin.KindPage, SiteID: siteID, ID: n.ID}
		if err := tx.AddNote(ctx, &congtin.Note{Item: ref, UserName: actor.Name(), Action: congtin.ActCreate, Status: congtin.StatusDraft}); err != nil {
			return err
		}
		if err := tx.AddAudit(ctx, actor.Entry(siteID, "page.create", "page", n.ID, n.Title)); err != nil {
			return err
		}
		if err := saved(ctx, tx, actor, congtin.Ref{Kind: congtin.KindPage, SiteID: siteID}); err != nil {
			return err
		}
		var err error
		p, err = tx.FindPage(ctx, siteID, n.ID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// UpdatePage implements congtin.AboutService: new content, kept as a
// revision.
func (a *App) UpdatePage(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.PageInput) (*congtin.Page, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var p *congtin.Page
	err := a.WithTx(ctx, func(tx congtin.Tx) (err error) {
		if _, err = updatePage(ctx, tx, actor, siteID, id, in, false); err != nil {
			return err
		}
		p, err = tx.FindPage(ctx, siteID, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// updatePage writes the form over page id inside tx, with its revision
// and audit entry, once the form is found to be loaded from the stored
// version; when onlyChanged, a form that changes nothing writes nothing.
// It reports whether it wrote.
func updatePage(ctx context.Context, tx congtin.Tx, actor congtin.Actor, siteID, id int64, in congtin.PageInput, onlyChanged bool) (bool, error) {
	cur, err := tx.FindPage(ctx, siteID, id)
	if err != nil {
		return false, err
	}
	if !congtin.Can(actor, congtin.ActEdit, cur.Item()) {
		return false, forbidden("Bạn không thể sửa trang ở trạng thái “%s”.", congtin.StatusName(cur.Status))
	}
	if err := congtin.CheckVersion(cur.Version, in.Version); err != nil {
		return false, err
	}
	before := *cur
	setPage(cur, in)
	ref := congtin.Ref{Kind: congtin.KindPage, SiteID: siteID, ID: id}
	if onlyChanged && samePage(&before, cur) {
		return false, saved(ctx, tx, actor, ref)
	}
	if err := checkPageSlugs(ctx, tx, siteID, id, cur.Slug, cur.SlugEN); err != nil {
		return false, err
	}
	if err := tx.UpdatePage(ctx, cur); err != nil {
		return false, err
	}
	if err := tx.AddPageRevision(ctx, pageRevision(actor, id, "Sửa")); err != nil {
		return false, err
	}
	if err := tx.AddAudit(ctx, actor.Entry(siteID, "page.edit", "page", id, cur.Title)); err != nil {
		return false, err
	}
	return true, saved(ctx, tx, actor, ref)
}

// samePage reports whether two versions of a page have the same content.
func samePage(a, b *congtin.Page) bool {
	return a.Slug == b.Slug && a.Title == b.Title && a.Body == b.Body && a.SlugEN == b.SlugEN && a.TitleEN == b.TitleEN &&
		a.BodyEN == b.BodyEN && a.Position == b.Position
}

// UpdatePageStep implements congtin.AboutService: the form saved and the
// step taken in one transaction.
func (a *App) UpdatePageStep(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.PageInput, s congtin.Step) (*congtin.Item, bool, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, false, err
	}
	if err := a.checkStep(congtin.KindPage, &s); err != nil {
		return nil, false, err
	}
	var it *congtin.Item
	var wrote bool
	err := a.WithTx(ctx, func(tx congtin.Tx) (err error) {
		if wrote, err = updatePage(ctx, tx, actor, siteID, id, in, true); err != nil {
			return err
		}
		it, err = a.step(ctx, tx, actor, congtin.Ref{Kind: congtin.KindPage, SiteID: siteID, ID: id}, s)
		return err
	})
	if err != nil {
		return nil, false, err
	}
	return it, wrote, nil
}

// TransitionPage implements congtin.AboutService, through the one
// workflow.
func (a *App) TransitionPage(ctx context.Context, actor congtin.Actor, siteID, id int64, act, comment string) (*congtin.Page, error) {
	if _, err := a.Transition(ctx, actor, congtin.Ref{Kind: congtin.KindPage, SiteID: siteID, ID: id}, act, comment, time.Time{}); err != nil {
		return nil, err
	}
	return a.FindPage(ctx, siteID, id)
}

// RestorePageRevision implements congtin.AboutService: the revision's
// content comes back as a new revision; the state stays.
func (a *App) RestorePageRevision(ctx context.Context, actor congtin.Actor, siteID, revisionID int64) (*congtin.Page, error) {
	var p *congtin.Page
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		rev, err := tx.FindPageRevision(ctx, siteID, revisionID)
		if err != nil {
			return err
		}
		cur, err := tx.FindPage(ctx, siteID, rev.PageID)
		if err != nil {
			return err
		}
		if !congtin.Can(actor, congtin.ActRestore, cur.Item()) {
			return forbidden("Bạn không có quyền khôi phục trang này.")
		}
		if err := checkPageSlugs(ctx, tx, siteID, cur.ID, rev.Slug, rev.SlugEN); congtin.ErrorCode(err) == congtin.EINVALID {
			return congtin.Errorf(congtin.ECONFLICT, "Đường dẫn của phiên bản này đã được trang khác dùng; hãy đổi đường dẫn rồi khôi phục.")
		} else if err != nil {
			return err
		}
		// The revision's bodies were sanitized when they were saved.
		cur.Slug, cur.Title, cur.Body, cur.SlugEN, cur.TitleEN, cur.BodyEN, cur.Position = rev.Slug, rev.Title, rev.Body, rev.SlugEN, rev.TitleEN, rev.BodyEN, rev.Position
		if err := tx.UpdatePage(ctx, cur); err != nil {
			return err
		}
		note := revisionNote(rev.ID)
		if err := tx.AddPageRevision(ctx, pageRevision(actor, cur.ID, note)); err != nil {
			return err
		}
		if err := tx.AddAudit(ctx, actor.Entry(siteID, "page.restore", "page", cur.ID, note)); err != nil {
			return err
		}
		p, err = tx.FindPage(ctx, siteID, cur.ID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}
