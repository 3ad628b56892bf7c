package app

import (
	"context"
	"strconv"

	"github.com/congtin/congtin"
)

// AddMedia implements congtin.MediaService: an image already in the
// site's library (the same content hash) is the record there, as it is;
// only a new one is logged.
func (a *App) AddMedia(ctx context.Context, actor congtin.Actor, m *congtin.Media) (*congtin.Media, error) {
	if !congtin.Can(actor, congtin.ActUpload, nil) {
		return nil, forbidden("Bạn không có quyền thực hiện thao tác này.")
	}
	var out *congtin.Media
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		var err error
		if out, err = tx.FindMediaByHash(ctx, m.SiteID, m.Hash); congtin.ErrorCode(err) != congtin.ENOTFOUND {
			return err
		}
		rec := *m
		rec.CreatedAt = tx.Now()
		// The texts come with an image only from an import; an upload
		// has none until someone writes them.
		in := congtin.MediaInput{Alt: rec.Alt, Caption: rec.Caption}
		in.Normalize()
		if in.Validate() != nil {
			in = congtin.MediaInput{}
		}
		rec.Alt, rec.Caption = in.Alt, in.Caption
		if err := tx.InsertMedia(ctx, &rec); err != nil {
			return err
		}
		if err := tx.AddAudit(ctx, actor.Entry(m.SiteID, "media.upload", "media", rec.ID, m.Name)); err != nil {
			return err
		}
		out, err = tx.FindMediaByHash(ctx, m.SiteID, m.Hash)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// mayChangeMedia refuses an actor who may not change or delete the image.
func mayChangeMedia(actor congtin.Actor, m *congtin.Media) error {
	if congtin.CanChangeMedia(actor, m) {
		return nil
	}
	if congtin.Can(actor, congtin.ActUpload, nil) {
		return forbidden("Bạn chỉ sửa hoặc xóa được ảnh do mình tải lên; ảnh của người khác do biên tập viên quản lý.")
	}
	return forbidden("Bạn không có quyền thực hiện thao tác này.")
}

// UpdateMedia implements congtin.MediaService.
func (a *App) UpdateMedia(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.MediaInput) (*congtin.Media, error) {
	if !congtin.Can(actor, congtin.ActUpload, nil) {
		return nil, forbidden("Bạn không có quyền thực hiện thao tác này.")
	}
	in.Normalize()
	var out *congtin.Media
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		m, err := tx.FindMediaInTx(ctx, siteID, id)
		if err != nil {
			return err
		}
		if err := mayChangeMedia(actor, m); err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if m.Alt == in.Alt && m.Caption == in.Caption {
			out = m
			return nil
		}
		m.Alt, m.Caption = in.Alt, in.Caption
		if err := tx.UpdateMediaText(ctx, m); err != nil {
			return err
		}
		if err := tx.AddAudit(ctx, actor.Entry(siteID, "media.edit", "media", m.ID, m.Name)); err != nil {
			return err
		}
		out = m
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// DeleteMedia implements congtin.MediaService. An image is in use while
// the store's index of the images each item shows (congtin.MediaTx)
// names its hash for the site: any article's body or featured image, any
// about page's body (either language), any answer, in whatever state,
// drafts and withdrawn items included. Their earlier revisions do not
// count: a revision restored later shows the image missing.
func (a *App) DeleteMedia(ctx context.Context, actor congtin.Actor, siteID, id int64) (*congtin.Media, bool, error) {
	if !congtin.Can(actor, congtin.ActUpload, nil) {
		return nil, false, forbidden("Bạn không có quyền thực hiện thao tác này.")
	}
	var out *congtin.Media
	var shared bool
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		m, err := tx.FindMediaInTx(ctx, siteID, id)
		if err != nil {
			return err
		}
		if err := mayChangeMedia(actor, m); err != nil {
			return err
		}
		n, err := tx.MediaUseCount(ctx, siteID, m.Hash)
		if err != nil {
			return err
		}
		if n > 0 {
			return congtin.Errorf(congtin.ECONFLICT, "Không xóa được: ảnh đang được dùng ở %s. Hãy gỡ ảnh khỏi các nội dung đó trước.", places(n))
		}
		if err := tx.DeleteMedia(ctx, siteID, id); err != nil {
			return err
		}
		if shared, err = tx.MediaHashShared(ctx, siteID, m.Hash); err != nil {
			return err
		}
		if err := tx.AddAudit(ctx, actor.Entry(siteID, "media.delete", "media", m.ID, m.Name)); err != nil {
			return err
		}
		out = m
		return nil
	})
	if err != nil {
		return nil, false, err
	}
	return out, shared, nil
}

// places words a count of items: "1 nội dung", "3 nội dung".
func places(n int) string { return strconv.Itoa(n) + " nội dung" }
