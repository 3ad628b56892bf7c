package app

import (
	"context"

	"github.com/congtin/congtin"
)

// canManage refuses an actor who is not the site's administrator.
func canManage(actor congtin.Actor) error {
	if !congtin.Can(actor, congtin.ActManage, nil) {
		return forbidden("Bạn không có quyền thực hiện thao tác này.")
	}
	return nil
}

// checkParent refuses a parent outside the site, or one that would put the
// category under itself.
func checkParent(ctx context.Context, tx congtin.Tx, siteID, id, parentID int64) error {
	for p := parentID; p != 0; {
		if p == id {
			return invalid("parent_id", "Không thể đặt chuyên mục vào bên trong chính nó.")
		}
		c, err := tx.FindCategory(ctx, siteID, p)
		if congtin.ErrorCode(err) == congtin.ENOTFOUND {
			return invalid("parent_id", "Chuyên mục cha không tồn tại.")
		} else if err != nil {
			return err
		}
		p = c.ParentID
	}
	return nil
}

// checkCategoryNames refuses a slug or a name another category has.
func checkCategoryNames(ctx context.Context, tx congtin.Tx, c *congtin.Category, slugChanged bool) error {
	if slugChanged {
		if ok, err := tx.CategorySlugFree(ctx, c.SiteID, c.Slug, c.ID); err != nil {
			return err
		} else if !ok {
			return invalid("slug", "Đường dẫn “"+c.Slug+"” đã được dùng; hãy chọn đường dẫn khác.")
		}
	}
	if ok, err := tx.CategoryNameFree(ctx, c.SiteID, c.ParentID, c.Name, c.ID); err != nil {
		return err
	} else if !ok {
		return invalid("name", "Đã có chuyên mục cùng tên ở cùng cấp.")
	}
	return nil
}

// CreateCategory implements congtin.CategoryAdminService.
func (a *App) CreateCategory(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.CategoryInput) (*congtin.Category, error) {
	if err := canManage(actor); err != nil {
		return nil, err
	}
	if err := in.Validate(); err != nil {
		return nil, err
	}
	c := &congtin.Category{SiteID: siteID, ParentID: in.ParentID, Name: in.Name, Slug: in.Slug, Position: in.Position, Hidden: in.Hidden}
	if c.Slug == "" {
		c.Slug = congtin.Slugify(in.Name)
	}
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		if err := checkParent(ctx, tx, siteID, 0, in.ParentID); err != nil {
			return err
		}
		if err := checkCategoryNames(ctx, tx, c, true); err != nil {
			return err
		}
		if err := tx.InsertCategory(ctx, c); err != nil {
			return err
		}
		return tx.AddAudit(ctx, actor.Entry(siteID, "category.create", "category", c.ID, c.Name))
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// UpdateCategory implements congtin.CategoryAdminService. Renaming keeps
// the address unless a new one is asked for; a new one keeps the old as a
// redirect.
func (a *App) UpdateCategory(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.CategoryInput) (*congtin.Category, error) {
	if err := canManage(actor); err != nil {
		return nil, err
	}
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var c *congtin.Category
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		cur, err := tx.FindCategory(ctx, siteID, id)
		if err != nil {
			return err
		}
		if err := checkParent(ctx, tx, siteID, id, in.ParentID); err != nil {
			return err
		}
		n := *cur
		c = &n
		c.ParentID, c.Name, c.Position, c.Hidden = in.ParentID, in.Name, in.Position, in.Hidden
		if in.Slug != "" {
			c.Slug = in.Slug
		}
		if err := checkCategoryNames(ctx, tx, c, c.Slug != cur.Slug); err != nil {
			return err
		}
		if c.Slug != cur.Slug {
			if err := tx.RedirectCategorySlug(ctx, siteID, cur.Slug, c.Slug, id); err != nil {
				return err
			}
		}
		if err := tx.UpdateCategory(ctx, c); err != nil {
			return err
		}
		detail := c.Name
		if cur.Name != c.Name {
			detail = cur.Name + " → " + c.Name
		}
		if c.Slug != cur.Slug {
			detail += " (/" + cur.Slug + " → /" + c.Slug + ")"
		}
		return tx.AddAudit(ctx, actor.Entry(siteID, "category.update", "category", id, detail))
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// DeleteCategory implements congtin.CategoryAdminService: only an empty
// category goes.
func (a *App) DeleteCategory(ctx context.Context, actor congtin.Actor, siteID, id int64) error {
	if err := canManage(actor); err != nil {
		return err
	}
	return a.WithTx(ctx, func(tx congtin.Tx) error {
		cur, err := tx.FindCategory(ctx, siteID, id)
		if err != nil {
			return err
		}
		if n, err := tx.CategoryInUse(ctx, id); err != nil {
			return err
		} else if n > 0 {
			return congtin.Errorf(congtin.ECONFLICT, "Chuyên mục “%s” còn bài viết hoặc chuyên mục con; hãy chuyển chúng đi trước khi xóa.", cur.Name)
		}
		if err := tx.DeleteCategory(ctx, id); err != nil {
			return err
		}
		return tx.AddAudit(ctx, actor.Entry(siteID, "category.delete", "category", id, cur.Name))
	})
}
