package postgres

import (
	"context"
	"database/sql"
	"errors"
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
	} else if err != nil {
		return nil, wrap("find site", err)
	}
	return &s, nil
}

// FindSiteByHost implements congtin.SiteService.
func (db *DB) FindSiteByHost(ctx context.Context, host string) (*congtin.Site, error) {
	host = strings.ToLower(host)
	if !storable(host) {
		host = "" // no site has such a host: the default site answers
	}
	// false sorts before true: the host's own site before the default.
	return scanSite(db.db.QueryRowContext(ctx,
		`SELECT `+siteColumns+` FROM sites WHERE host = $1 OR host = '' ORDER BY host = '' LIMIT 1`, host))
}

// DefaultSite implements congtin.SiteService.
func (db *DB) DefaultSite(ctx context.Context) (*congtin.Site, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, wrap("default site", err)
	}
	defer tx.Rollback()
	s, err := defaultSite(ctx, tx)
	if err != nil {
		return nil, wrap("default site", err)
	}
	return s, wrap("default site: commit", tx.Commit())
}

// defaultSite creates the default site unless it exists. ON CONFLICT DO
// NOTHING covers two processes starting at once: the second insert waits
// for the first and then does nothing. NOT EXISTS spares the identity
// sequence: an INSERT … VALUES takes an ID even when it then does
// nothing, and IDs would drift from the SQLite store's at every start.
func defaultSite(ctx context.Context, tx *Tx) (*congtin.Site, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO sites (host, name, created_at, updated_at)
		SELECT '', 'Cổng thông tin điện tử', $1, $1 WHERE NOT EXISTS (SELECT 1 FROM sites WHERE host = '')
		ON CONFLICT (host) DO NOTHING`, tx.now)
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
	tx, err := db.beginChange(ctx)
	if err != nil {
		return nil, wrap("update site", err)
	}
	defer tx.Rollback()
	// FOR UPDATE: two settings forms saved at once each keep the other's
	// fields, as they would one after the other.
	s, err := scanSite(tx.QueryRowContext(ctx, `SELECT `+siteColumns+` FROM sites WHERE id = $1 FOR UPDATE`, id))
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
	if _, err := tx.ExecContext(ctx, `UPDATE sites SET name = $1, tagline = $2, agency = $3, address = $4, phone = $5, email = $6, counter_offset = $7, updated_at = $8 WHERE id = $9`,
		s.Name, s.Tagline, s.Agency, s.Address, s.Phone, s.Email, s.CounterOffset, tx.now, id); err != nil {
		return nil, wrap("update site", err)
	}
	return s, wrap("update site: commit", tx.Commit())
}
