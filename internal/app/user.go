package app

import (
	"context"

	"github.com/congtin/congtin"
)

// CreateUser implements congtin.UserService: a user with a valid, free
// name and an already hashed password.
func (a *App) CreateUser(ctx context.Context, u *congtin.User) error {
	if err := congtin.ValidateUsername(u.Username); err != nil {
		return err
	}
	if err := congtin.ValidateDisplayName(u.DisplayName); err != nil {
		return err
	}
	return a.WithTx(ctx, func(tx congtin.Tx) error {
		if free, err := tx.UsernameFree(ctx, u.Username); err != nil {
			return err
		} else if !free {
			return congtin.Errorf(congtin.ECONFLICT, "Tên đăng nhập “%s” đã có người dùng.", u.Username)
		}
		u.CreatedAt = tx.Now()
		return tx.InsertUser(ctx, u)
	})
}

// SetPasswordHash implements congtin.UserService: a new password ends
// the user's other sessions and their API tokens, which whoever knew the
// old password may have made (issue 16).
func (a *App) SetPasswordHash(ctx context.Context, userID int64, hash string, keepSession int64) error {
	return a.WithTx(ctx, func(tx congtin.Tx) error {
		if err := tx.UpdatePasswordHash(ctx, userID, hash); err != nil {
			return err
		}
		if err := tx.DeleteAPITokens(ctx, userID); err != nil {
			return err
		}
		return tx.EndSessions(ctx, userID, keepSession)
	})
}

// SetDisabled implements congtin.UserService: disabling ends the user's
// sessions for good (enabling does not bring them back).
func (a *App) SetDisabled(ctx context.Context, userID int64, disabled bool) error {
	return a.WithTx(ctx, func(tx congtin.Tx) error {
		if err := tx.UpdateDisabled(ctx, userID, disabled); err != nil {
			return err
		}
		if !disabled {
			return nil
		}
		return tx.EndSessions(ctx, userID, 0)
	})
}

// SetRole implements congtin.UserService.
func (a *App) SetRole(ctx context.Context, siteID, userID int64, role string) error {
	if role != "" && !congtin.ValidRole(role) {
		return congtin.Errorf(congtin.EINVALID, "Vai trò không hợp lệ.")
	}
	return a.WithTx(ctx, func(tx congtin.Tx) error {
		if role == "" {
			return tx.DeleteRole(ctx, siteID, userID)
		}
		if _, err := tx.FindUser(ctx, userID); congtin.ErrorCode(err) == congtin.ENOTFOUND {
			return congtin.NotFound(congtin.KindMember)
		} else if err != nil {
			return err
		}
		if _, err := tx.FindSite(ctx, siteID); congtin.ErrorCode(err) == congtin.ENOTFOUND {
			return congtin.NotFound(congtin.KindMember)
		} else if err != nil {
			return err
		}
		return tx.PutRole(ctx, siteID, userID, role)
	})
}

// ChangeRole implements congtin.UserService. The user must already hold a
// role on the site: the form names a member by ID, and an ID of another
// site's user must neither reveal that account nor give it a role here.
// Adding a user to the site goes by user name (CreateUser, SetRole).
func (a *App) ChangeRole(ctx context.Context, actor congtin.Actor, siteID, userID int64, role string) (*congtin.User, error) {
	if err := canManage(actor); err != nil {
		return nil, err
	}
	if role != "" && !congtin.ValidRole(role) {
		return nil, congtin.Errorf(congtin.EINVALID, "Vai trò không hợp lệ.")
	}
	if actor.User != nil && userID == actor.User.ID && role != congtin.RoleAdmin {
		return nil, congtin.Errorf(congtin.EINVALID, "Bạn không thể tự bỏ quyền quản trị của mình.")
	}
	var u *congtin.User
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		if had, err := tx.FindRole(ctx, siteID, userID); err != nil {
			return err
		} else if had == "" {
			return congtin.NotFound(congtin.KindUser)
		}
		var err error
		if u, err = tx.FindUser(ctx, userID); err != nil {
			return err
		}
		if role == "" {
			err = tx.DeleteRole(ctx, siteID, userID)
		} else {
			err = tx.PutRole(ctx, siteID, userID, role)
		}
		if err != nil {
			return err
		}
		return tx.AddAudit(ctx, actor.Entry(siteID, "user.role", "user", u.ID, u.Username+": "+congtin.RoleName(role)))
	})
	if err != nil {
		return nil, err
	}
	return u, nil
}

// APITokens implements congtin.UserService.
func (a *App) APITokens(ctx context.Context, actor congtin.Actor, siteID int64) ([]*congtin.APIToken, error) {
	if actor.User == nil {
		return nil, forbidden("Bạn không có quyền thực hiện thao tác này.")
	}
	if canManage(actor) == nil {
		return a.Store.FindAPITokens(ctx, siteID, 0)
	}
	return a.Store.FindAPITokens(ctx, 0, actor.User.ID)
}

// RevokeAPIToken implements congtin.UserService: the token's owner, or an
// administrator of a site the owner works for, ends it.
func (a *App) RevokeAPIToken(ctx context.Context, actor congtin.Actor, siteID, tokenID int64) error {
	if actor.User == nil {
		return forbidden("Bạn không có quyền thực hiện thao tác này.")
	}
	return a.WithTx(ctx, func(tx congtin.Tx) error {
		k, err := tx.FindAPIToken(ctx, tokenID)
		if err != nil {
			return err
		}
		if k.UserID != actor.User.ID {
			if canManage(actor) != nil {
				return congtin.NotFound(congtin.KindAPIToken)
			}
			if role, err := tx.FindRole(ctx, siteID, k.UserID); err != nil {
				return err
			} else if role == "" {
				return congtin.NotFound(congtin.KindAPIToken)
			}
		}
		if err := tx.DeleteAPIToken(ctx, k.ID); err != nil {
			return err
		}
		return tx.AddAudit(ctx, actor.Entry(siteID, "token.revoke", "user", k.UserID, k.Username+": "+k.Name))
	})
}
