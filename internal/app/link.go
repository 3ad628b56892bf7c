package app

import (
	"context"

	"github.com/congtin/congtin"
)

// canManageLinks refuses an actor who is not the site's administrator.
func canManageLinks(actor congtin.Actor) error {
	if !congtin.Can(actor, congtin.ActManage, nil) {
		return forbidden("Chỉ quản trị viên được sửa danh sách liên kết.")
	}
	return nil
}

// linkDetail names a link in the audit log.
func linkDetail(l *congtin.Link) string { return l.Name + " (" + l.URL + ")" }

// CreateLink implements congtin.LinkService.
func (a *App) CreateLink(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.LinkInput) (*congtin.Link, error) {
	if err := canManageLinks(actor); err != nil {
		return nil, err
	}
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var l *congtin.Link
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		n := &congtin.Link{SiteID: siteID, Name: in.Name, URL: in.URL, Group: in.Group, Position: in.Position}
		if err := tx.InsertLink(ctx, n); err != nil {
			return err
		}
		if err := tx.AddAudit(ctx, actor.Entry(siteID, "link.create", "link", n.ID, linkDetail(n))); err != nil {
			return err
		}
		var err error
		l, err = tx.FindLink(ctx, siteID, n.ID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return l, nil
}

// UpdateLink implements congtin.LinkService.
func (a *App) UpdateLink(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.LinkInput) (*congtin.Link, error) {
	if err := canManageLinks(actor); err != nil {
		return nil, err
	}
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var l *congtin.Link
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		if _, err := tx.FindLink(ctx, siteID, id); err != nil {
			return err
		}
		n := &congtin.Link{ID: id, SiteID: siteID, Name: in.Name, URL: in.URL, Group: in.Group, Position: in.Position}
		if err := tx.UpdateLink(ctx, n); err != nil {
			return err
		}
		if err := tx.AddAudit(ctx, actor.Entry(siteID, "link.update", "link", id, linkDetail(n))); err != nil {
			return err
		}
		var err error
		l, err = tx.FindLink(ctx, siteID, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return l, nil
}

// DeleteLink implements congtin.LinkService.
func (a *App) DeleteLink(ctx context.Context, actor congtin.Actor, siteID, id int64) error {
	if err := canManageLinks(actor); err != nil {
		return err
	}
	return a.WithTx(ctx, func(tx congtin.Tx) error {
		cur, err := tx.FindLink(ctx, siteID, id)
		if err != nil {
			return err
		}
		if err := tx.DeleteLink(ctx, id); err != nil {
			return err
		}
		return tx.AddAudit(ctx, actor.Entry(siteID, "link.delete", "link", id, linkDetail(cur)))
	})
}
