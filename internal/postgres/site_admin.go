package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
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
		return nil, wrap("create site", err)
	}
	defer tx.Rollback()
	if _, err := defaultSite(ctx, tx); err != nil { // the default site comes first
		return nil, wrap("create site", err)
	}
	// A taken host inserts nothing and returns no row: the conflict, found
	// without an error that would end the transaction (and, thanks to NOT
	// EXISTS, without using up an ID; see defaultSite).
	err = tx.QueryRowContext(ctx, `INSERT INTO sites (host, name, created_at, updated_at)
		SELECT $1, $2, $3, $3 WHERE NOT EXISTS (SELECT 1 FROM sites WHERE host = $1)
		ON CONFLICT (host) DO NOTHING RETURNING id`, host, s.Name, tx.now).Scan(&s.ID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congtin.Errorf(congtin.ECONFLICT, "Tên miền “%s” đã có cổng thông tin.", host)
	} else if err != nil {
		return nil, wrap("create site", err)
	}
	if err := seedDocumentLists(ctx, tx, s.ID); err != nil {
		return nil, err
	}
	if err := seedLinks(ctx, tx, s.ID); err != nil {
		return nil, err
	}
	if err := addAudit(ctx, tx, actor.Entry(s.ID, "site.create", "site", s.ID, host+": "+s.Name)); err != nil {
		return nil, err
	}
	return s, wrap("create site: commit", tx.Commit())
}

// FindSites implements congtin.SiteAdminService.
func (db *DB) FindSites(ctx context.Context) ([]*congtin.Site, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT `+siteColumns+` FROM sites ORDER BY host`)
	if err != nil {
		return nil, wrap("find sites", err)
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
	return out, wrap("find sites", rows.Err())
}

// UpdateSiteAs implements congtin.SiteAdminService.
func (db *DB) UpdateSiteAs(ctx context.Context, actor congtin.Actor, id int64, upd congtin.SiteUpdate) (*congtin.Site, error) {
	s, err := db.UpdateSite(ctx, id, upd)
	if err != nil {
		return nil, err
	}
	// The settings and their audit entry are two transactions, as in the
	// SQLite store; an entry lost to a crash between them would say less
	// than happened, never more.
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
		return nil, wrap("add media", err)
	}
	defer tx.Rollback()
	// The same image uploaded twice, even by two editors at once, is one
	// record: the second insert does nothing and the record is read back.
	var id int64
	err = tx.QueryRowContext(ctx, `INSERT INTO media (site_id, hash, name, content_type, width, height, variants, uploaded_by, created_at)
		SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9 WHERE NOT EXISTS (SELECT 1 FROM media WHERE site_id = $1 AND hash = $2)
		ON CONFLICT (site_id, hash) DO NOTHING RETURNING id`,
		m.SiteID, m.Hash, clean(m.Name), m.ContentType, m.Width, m.Height, string(vs), m.UploadedBy, tx.now).Scan(&id)
	switch {
	case err == nil:
		if err := addAudit(ctx, tx, actor.Entry(m.SiteID, "media.upload", "media", id, m.Name)); err != nil {
			return nil, err
		}
	case !errors.Is(err, sql.ErrNoRows):
		return nil, wrap("add media", err)
	}
	out, err := scanMedia(tx.QueryRowContext(ctx, `SELECT `+mediaColumns+` FROM media WHERE site_id = $1 AND hash = $2`, m.SiteID, m.Hash))
	if err != nil {
		return nil, err
	}
	return out, wrap("add media: commit", tx.Commit())
}

const mediaColumns = `id, site_id, hash, name, content_type, width, height, variants, uploaded_by, created_at`

func scanMedia(row interface{ Scan(...any) error }) (*congtin.Media, error) {
	var m congtin.Media
	var vs string
	if err := row.Scan(&m.ID, &m.SiteID, &m.Hash, &m.Name, &m.ContentType, &m.Width, &m.Height, &vs, &m.UploadedBy, &m.CreatedAt); err != nil {
		return nil, wrap("find media", err)
	}
	m.CreatedAt = fromTS(m.CreatedAt)
	if err := json.Unmarshal([]byte(vs), &m.Variants); err != nil {
		return nil, wrap("media variants", err)
	}
	return &m, nil
}

// FindMedia implements congtin.MediaService.
func (db *DB) FindMedia(ctx context.Context, siteID int64, offset, limit int) ([]*congtin.Media, int, error) {
	var total int
	if err := db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM media WHERE site_id = $1`, siteID).Scan(&total); err != nil {
		return nil, 0, wrap("count media", err)
	}
	rows, err := db.db.QueryContext(ctx, `SELECT `+mediaColumns+` FROM media WHERE site_id = $1 ORDER BY id DESC LIMIT $2 OFFSET $3`, siteID, max(limit, 1), max(offset, 0))
	if err != nil {
		return nil, 0, wrap("find media", err)
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
	return out, total, wrap("find media", rows.Err())
}
