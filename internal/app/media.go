package app

import (
	"context"

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
