package app

import (
	"context"

	"github.com/congtin/congtin"
)

// canEditUnits refuses an actor who may not change the organisation
// chart.
func canEditUnits(actor congtin.Actor) error {
	if !congtin.CanEditUnits(actor) {
		return forbidden("Bạn không có quyền sửa cơ cấu tổ chức.")
	}
	return nil
}

// checkUnitParent refuses a parent outside the site, or one that would
// put the unit under itself.
func checkUnitParent(ctx context.Context, tx congtin.Tx, siteID, id, parentID int64) error {
	for p, hops := parentID, 0; p != 0; hops++ {
		if p == id || hops > 1000 {
			return invalid("parent_id", "Không thể đặt đơn vị vào bên trong chính nó.")
		}
		u, err := tx.FindUnit(ctx, siteID, p)
		if congtin.ErrorCode(err) == congtin.ENOTFOUND {
			return invalid("parent_id", "Đơn vị cấp trên không tồn tại.")
		} else if err != nil {
			return err
		}
		p = u.ParentID
	}
	return nil
}

// unitOf is the unit the form describes.
func unitOf(siteID, id int64, in congtin.UnitInput) *congtin.Unit {
	return &congtin.Unit{ID: id, SiteID: siteID, ParentID: in.ParentID, Name: in.Name, NameEN: in.NameEN, Position: in.Position,
		Phone: in.Phone, Email: in.Email, Leaders: in.Leaders}
}

// CreateUnit implements congtin.AboutService.
func (a *App) CreateUnit(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.UnitInput) (*congtin.Unit, error) {
	if err := canEditUnits(actor); err != nil {
		return nil, err
	}
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var u *congtin.Unit
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		if err := checkUnitParent(ctx, tx, siteID, 0, in.ParentID); err != nil {
			return err
		}
		n := unitOf(siteID, 0, in)
		if err := tx.InsertUnit(ctx, n); err != nil {
			return err
		}
		if err := tx.AddAudit(ctx, actor.Entry(siteID, "unit.create", "unit", n.ID, n.Name)); err != nil {
			return err
		}
		var err error
		u, err = tx.FindUnit(ctx, siteID, n.ID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return u, nil
}

// UpdateUnit implements congtin.AboutService.
func (a *App) UpdateUnit(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.UnitInput) (*congtin.Unit, error) {
	if err := canEditUnits(actor); err != nil {
		return nil, err
	}
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var u *congtin.Unit
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		cur, err := tx.FindUnit(ctx, siteID, id)
		if err != nil {
			return err
		}
		if err := checkUnitParent(ctx, tx, siteID, id, in.ParentID); err != nil {
			return err
		}
		if err := tx.UpdateUnit(ctx, unitOf(siteID, id, in)); err != nil {
			return err
		}
		detail := in.Name
		if cur.Name != in.Name {
			detail = cur.Name + " → " + in.Name
		}
		if err := tx.AddAudit(ctx, actor.Entry(siteID, "unit.update", "unit", id, detail)); err != nil {
			return err
		}
		u, err = tx.FindUnit(ctx, siteID, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return u, nil
}

// DeleteUnit implements congtin.AboutService: only a unit without
// sub-units goes.
func (a *App) DeleteUnit(ctx context.Context, actor congtin.Actor, siteID, id int64) error {
	if err := canEditUnits(actor); err != nil {
		return err
	}
	return a.WithTx(ctx, func(tx congtin.Tx) error {
		cur, err := tx.FindUnit(ctx, siteID, id)
		if err != nil {
			return err
		}
		if n, err := tx.UnitChildren(ctx, id); err != nil {
			return err
		} else if n > 0 {
			return congtin.Errorf(congtin.ECONFLICT, "Đơn vị “%s” còn đơn vị trực thuộc; hãy chuyển hoặc xóa chúng trước.", cur.Name)
		}
		if err := tx.DeleteUnit(ctx, id); err != nil {
			return err
		}
		return tx.AddAudit(ctx, actor.Entry(siteID, "unit.delete", "unit", id, cur.Name))
	})
}
