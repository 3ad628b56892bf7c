package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/congtin/congtin"
)

var (
	_ congtin.SiteAdminService = (*DB)(nil)
	_ congtin.MediaService     = (*DB)(nil)
)

// CreateSite implements congtin.SiteAdminService.
func (db *DB) CreateSite(ctx context.Context, actor congtin.Actor, host, name string) (*congtin.Site, error) {
	host = strings.ToLower(strings.TrimSpace(host))
	if err := congtin.ValidateHost(host); err != nil {
		return nil, err
	}
	s := &congtin.Site{Host: host, Name: strings.TrimSpace(name)}
	if err := s.Validate(); err != nil {
		return nil, err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	if _, err := defaultSite(ctx, tx); err != nil { // the default site comes first
		return nil, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO sites (host, name, created_at, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (host) DO NOTHING`,
		host, s.Name, unix(tx.now), unix(tx.now))
	if err != nil {
		return nil, fmt.Errorf("sqlite: create site: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil, congtin.Errorf(congtin.ECONFLICT, "Tên miền “%s” đã có cổng thông tin.", host)
	}
	s.ID, _ = res.LastInsertId()
	if err := seedDocumentLists(ctx, tx, s.ID); err != nil {
		return nil, err
	}
	if err := seedLinks(ctx, tx, s.ID); err != nil {
		return nil, err
	}
	if err := addAudit(ctx, tx, actor.Entry(s.ID, "site.create", "site", s.ID, host+": "+s.Name)); err != nil {
		return nil, err
	}
	return s, tx.Commit()
}

// FindSites implements congtin.SiteAdminService.
func (db *DB) FindSites(ctx context.Context) ([]*congtin.Site, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT `+siteColumns+` FROM sites ORDER BY host`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: find sites: %w", err)
	}
	defer rows.Close()
	var out []*congtin.Site
	for rows.Next() {
		s, err := scanSite(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// UpdateSiteAs implements congtin.SiteAdminService.
func (db *DB) UpdateSiteAs(ctx context.Context, actor congtin.Actor, id int64, upd congtin.SiteUpdate) (*congtin.Site, error) {
	s, err := db.UpdateSite(ctx, id, upd)
	if err != nil {
		return nil, err
	}
	// The settings and their audit entry are two transactions; an entry
	// lost to a crash between them would say less than happened, never more.
	return s, db.AddAudit(ctx, actor.Entry(id, "site.settings", "site", id, s.Name))
}

// AddMedia implements congtin.MediaService.
func (db *DB) AddMedia(ctx context.Context, actor congtin.Actor, m *congtin.Media) (*congtin.Media, error) {
	vs, err := json.Marshal(m.Variants)
	if err != nil {
		return nil, err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `INSERT INTO media (site_id, hash, name, content_type, width, height, variants, uploaded_by, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (site_id, hash) DO NOTHING`,
		m.SiteID, m.Hash, m.Name, m.ContentType, m.Width, m.Height, string(vs), m.UploadedBy, unix(tx.now))
	if err != nil {
		return nil, fmt.Errorf("sqlite: add media: %w", err)
	}
	if n, _ := res.RowsAffected(); n > 0 {
		id, _ := res.LastInsertId()
		if err := addAudit(ctx, tx, actor.Entry(m.SiteID, "media.upload", "media", id, m.Name)); err != nil {
			return nil, err
		}
	}
	out, err := scanMedia(tx.QueryRowContext(ctx, `SELECT `+mediaColumns+` FROM media WHERE site_id = ? AND hash = ?`, m.SiteID, m.Hash))
	if err != nil {
		return nil, err
	}
	return out, tx.Commit()
}

const mediaColumns = `id, site_id, hash, name, content_type, width, height, variants, uploaded_by, created_at`

func scanMedia(row interface{ Scan(...any) error }) (*congtin.Media, error) {
	var m congtin.Media
	var vs string
	var at int64
	if err := row.Scan(&m.ID, &m.SiteID, &m.Hash, &m.Name, &m.ContentType, &m.Width, &m.Height, &vs, &m.UploadedBy, &at); err != nil {
		return nil, err
	}
	m.CreatedAt = fromUnix(at)
	if err := json.Unmarshal([]byte(vs), &m.Variants); err != nil {
		return nil, fmt.Errorf("sqlite: media variants: %w", err)
	}
	return &m, nil
}

// FindMedia implements congtin.MediaService.
func (db *DB) FindMedia(ctx context.Context, siteID int64, offset, limit int) ([]*congtin.Media, int, error) {
	var total int
	if err := db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM media WHERE site_id = ?`, siteID).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := db.db.QueryContext(ctx, `SELECT `+mediaColumns+` FROM media WHERE site_id = ? ORDER BY id DESC LIMIT ? OFFSET ?`, siteID, max(limit, 1), max(offset, 0))
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: find media: %w", err)
	}
	defer rows.Close()
	var out []*congtin.Media
	for rows.Next() {
		m, err := scanMedia(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, m)
	}
	return out, total, rows.Err()
}
