package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/congtin/congtin"
)

var _ congtin.SiteService = (*DB)(nil)

const siteColumns = `id, host, name, tagline, agency, address, phone, email, counter_offset`

func scanSite(row interface{ Scan(...any) error }) (*congtin.Site, error) {
	var s congtin.Site
	err := row.Scan(&s.ID, &s.Host, &s.Name, &s.Tagline, &s.Agency, &s.Address, &s.Phone, &s.Email, &s.CounterOffset)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy trang.")
	}
	return &s, err
}

// FindSiteByHost implements congtin.SiteService.
func (db *DB) FindSiteByHost(ctx context.Context, host string) (*congtin.Site, error) {
	host = strings.ToLower(host)
	s, err := scanSite(db.db.QueryRowContext(ctx,
		`SELECT `+siteColumns+` FROM sites WHERE host = ? OR host = '' ORDER BY host = '' LIMIT 1`, host))
	if err != nil && congtin.ErrorCode(err) != congtin.ENOTFOUND {
		return nil, fmt.Errorf("sqlite: find site: %w", err)
	}
	return s, err
}

// DefaultSite implements congtin.SiteService.
func (db *DB) DefaultSite(ctx context.Context) (*congtin.Site, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	s, err := defaultSite(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("sqlite: default site: %w", err)
	}
	return s, tx.Commit()
}

func defaultSite(ctx context.Context, tx *Tx) (*congtin.Site, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO sites (host, name, created_at, updated_at)
		VALUES ('', 'Cổng thông tin điện tử', ?, ?) ON CONFLICT (host) DO NOTHING`, unix(tx.now), unix(tx.now))
	if err != nil {
		return nil, err
	}
	s, err := scanSite(tx.QueryRowContext(ctx, `SELECT `+siteColumns+` FROM sites WHERE host = ''`))
	if n, _ := res.RowsAffected(); err == nil && n > 0 {
		err = seedDocumentLists(ctx, tx, s.ID)
		if err == nil {
			err = seedLinks(ctx, tx, s.ID)
		}
	}
	return s, err
}

// UpdateSite implements congtin.SiteService.
func (db *DB) UpdateSite(ctx context.Context, id int64, upd congtin.SiteUpdate) (*congtin.Site, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	s, err := scanSite(tx.QueryRowContext(ctx, `SELECT `+siteColumns+` FROM sites WHERE id = ?`, id))
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
	if err := s.Validate(); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE sites SET name = ?, tagline = ?, agency = ?, address = ?, phone = ?, email = ?, counter_offset = ?, updated_at = ? WHERE id = ?`,
		s.Name, s.Tagline, s.Agency, s.Address, s.Phone, s.Email, s.CounterOffset, unix(tx.now), id); err != nil {
		return nil, fmt.Errorf("sqlite: update site: %w", err)
	}
	return s, tx.Commit()
}
