package app

import (
	"context"

	"github.com/congtin/congtin"
)

var _ congtin.DisclosureService = (*App)(nil)

// SaveDisclosure implements congtin.DisclosureService: administrators set
// the groups, as they set the register's lists the groups draw on.
func (a *App) SaveDisclosure(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.DisclosureInput) (*congtin.Disclosure, error) {
	if err := canManage(actor); err != nil {
		return nil, err
	}
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	d := &congtin.Disclosure{ID: id, SiteID: siteID, Slug: congtin.Slugify(in.Name), Name: in.Name, Intro: in.Intro,
		TypeIDs: distinct(in.TypeIDs), FieldIDs: distinct(in.FieldIDs), Position: in.Position}
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		action := "disclosure.create"
		if id != 0 {
			cur, err := tx.FindDisclosureByID(ctx, siteID, id)
			if err != nil {
				return err
			}
			// Its address stays: links to it live on.
			d.Slug, action = cur.Slug, "disclosure.update"
		}
		if free, err := tx.DisclosureNameFree(ctx, siteID, d.Name, congtin.Slugify(d.Name), id); err != nil {
			return err
		} else if !free {
			return invalid("name", "Đã có trang công khai “"+d.Name+"” (hoặc một tên rất giống).")
		}
		for _, l := range []struct {
			list string
			ids  []int64
		}{{congtin.ListTypes, d.TypeIDs}, {congtin.ListFields, d.FieldIDs}} {
			if n, err := tx.CountDocumentTerms(ctx, siteID, l.list, l.ids); err != nil {
				return err
			} else if n != len(distinct(l.ids)) {
				return invalid("terms", "Có loại văn bản hoặc lĩnh vực không còn trong danh mục; hãy tải lại trang và chọn lại.")
			}
		}
		if err := tx.SaveDisclosure(ctx, d); err != nil {
			return err
		}
		return tx.AddAudit(ctx, actor.Entry(siteID, action, "disclosure", d.ID, d.Name))
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}

// distinct drops repeated IDs.
func distinct(ids []int64) []int64 {
	seen := map[int64]bool{}
	var out []int64
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// DeleteDisclosure implements congtin.DisclosureService.
func (a *App) DeleteDisclosure(ctx context.Context, actor congtin.Actor, siteID, id int64) error {
	if err := canManage(actor); err != nil {
		return err
	}
	return a.WithTx(ctx, func(tx congtin.Tx) error {
		d, err := tx.FindDisclosureByID(ctx, siteID, id)
		if err != nil {
			return err
		}
		if err := tx.DeleteDisclosure(ctx, siteID, id); err != nil {
			return err
		}
		return tx.AddAudit(ctx, actor.Entry(siteID, "disclosure.delete", "disclosure", id, d.Name))
	})
}
