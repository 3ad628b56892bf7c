package app

import (
	"context"
	"strings"

	"github.com/congtin/congtin"
)

// DefaultSite implements congtin.SiteService: the site of no particular
// host, made (and seeded) the first time it is asked for.
func (a *App) DefaultSite(ctx context.Context) (*congtin.Site, error) {
	if s, err := a.Store.FindSiteByHost(ctx, ""); err == nil && s.Host == "" {
		return s, nil // there already: no write transaction
	} else if err != nil && congtin.ErrorCode(err) != congtin.ENOTFOUND {
		return nil, err
	}
	var s *congtin.Site
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		var err error
		s, err = defaultSite(ctx, tx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// defaultSite returns the default site, creating and seeding it when
// there is none yet.
func defaultSite(ctx context.Context, tx congtin.Tx) (*congtin.Site, error) {
	s, err := tx.FindSiteWithHost(ctx, "")
	if congtin.ErrorCode(err) != congtin.ENOTFOUND {
		return s, err
	}
	s = &congtin.Site{Name: congtin.DefaultSiteName, Scheme: congtin.SchemeHTTPS}
	if err := tx.InsertSite(ctx, s); err != nil {
		return nil, err
	}
	if err := tx.SeedSite(ctx, s.ID); err != nil {
		return nil, err
	}
	return s, nil
}

// CreateSite implements congtin.SiteAdminService: a super administrator
// adds a site for a host name no other site has. The default site comes
// first, if it is not there yet.
func (a *App) CreateSite(ctx context.Context, actor congtin.Actor, host, name string) (*congtin.Site, error) {
	if actor.User == nil || actor.User.Disabled || !actor.User.SuperAdmin {
		return nil, forbidden("Chỉ siêu quản trị mới tạo được cổng thông tin.")
	}
	host = strings.ToLower(strings.TrimSpace(host))
	if err := congtin.ValidateHost(host); err != nil {
		return nil, err
	}
	s := &congtin.Site{Host: host, Name: strings.TrimSpace(name), Scheme: congtin.SchemeHTTPS}
	if err := s.Validate(); err != nil {
		return nil, err
	}
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		if _, err := defaultSite(ctx, tx); err != nil {
			return err
		}
		if _, err := tx.FindSiteWithHost(ctx, host); err == nil {
			return congtin.Errorf(congtin.ECONFLICT, "Tên miền “%s” đã có cổng thông tin.", host)
		} else if congtin.ErrorCode(err) != congtin.ENOTFOUND {
			return err
		}
		if err := tx.InsertSite(ctx, s); err != nil {
			return err
		}
		if err := tx.SeedSite(ctx, s.ID); err != nil {
			return err
		}
		return tx.AddAudit(ctx, actor.Entry(s.ID, "site.create", "site", s.ID, host+": "+s.Name))
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// UpdateSite implements congtin.SiteService.
func (a *App) UpdateSite(ctx context.Context, id int64, upd congtin.SiteUpdate) (*congtin.Site, error) {
	var s *congtin.Site
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		var err error
		s, err = updateSite(ctx, tx, id, upd)
		return err
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// UpdateSiteAs implements congtin.SiteAdminService: the site's
// administrator changes its settings, logged in the same transaction.
func (a *App) UpdateSiteAs(ctx context.Context, actor congtin.Actor, id int64, upd congtin.SiteUpdate) (*congtin.Site, error) {
	if err := canManage(actor); err != nil {
		return nil, err
	}
	var s *congtin.Site
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		var err error
		if s, err = updateSite(ctx, tx, id, upd); err != nil {
			return err
		}
		return tx.AddAudit(ctx, actor.Entry(id, "site.settings", "site", id, s.Name))
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// updateSite changes the settings upd gives and keeps the others, and
// checks the result.
func updateSite(ctx context.Context, tx congtin.Tx, id int64, upd congtin.SiteUpdate) (*congtin.Site, error) {
	s, err := tx.FindSite(ctx, id)
	if err != nil {
		return nil, err
	}
	for _, f := range []struct {
		src *string
		dst *string
	}{{upd.Name, &s.Name}, {upd.Tagline, &s.Tagline}, {upd.Agency, &s.Agency}, {upd.Address, &s.Address}, {upd.Phone, &s.Phone}, {upd.Email, &s.Email}} {
		if f.src != nil {
			*f.dst = *f.src
		}
	}
	if upd.CounterOffset != nil {
		s.CounterOffset = *upd.CounterOffset
	}
	if upd.CanonicalHost != nil {
		s.CanonicalHost = strings.ToLower(strings.TrimSpace(*upd.CanonicalHost))
	}
	if upd.Scheme != nil {
		s.Scheme = strings.ToLower(strings.TrimSpace(*upd.Scheme))
	}
	if err := s.Validate(); err != nil {
		return nil, err
	}
	return s, tx.UpdateSiteSettings(ctx, s)
}
