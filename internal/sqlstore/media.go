package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/congtin/congtin"
)

var _ congtin.MediaStore = (*DB)(nil)
var _ congtin.MediaTx = (*Tx)(nil)

const mediaColumns = `id, site_id, hash, name, content_type, width, height, variants, uploaded_by, created_at`

// scanMedia reads a record; its variants are stored as JSON text, as
// written ([{"width":320,"height":180,"key":"ab/…-320.jpg"}, …]).
func scanMedia(row scanner) (*congtin.Media, error) {
	var m congtin.Media
	var vs string
	if err := row.Scan(&m.ID, &m.SiteID, &m.Hash, &m.Name, &m.ContentType, &m.Width, &m.Height, &vs, &m.UploadedBy, at(&m.CreatedAt)); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(vs), &m.Variants); err != nil {
		return nil, fmt.Errorf("media variants: %w", err)
	}
	return &m, nil
}

// FindMedia implements congtin.MediaStore.
func (db *DB) FindMedia(ctx context.Context, siteID int64, offset, limit int) ([]*congtin.Media, int, error) {
	total, err := db.count(ctx, `SELECT COUNT(*) FROM media WHERE site_id = ?`, siteID)
	if err != nil {
		return nil, 0, db.wrap("count media", err)
	}
	ms, err := list(ctx, db.conn, scanMedia, `SELECT `+mediaColumns+` FROM media WHERE site_id = ? ORDER BY id DESC LIMIT ? OFFSET ?`,
		siteID, max(limit, 1), max(offset, 0))
	return ms, total, db.wrap("find media", err)
}

// FindMediaByHash implements congtin.MediaTx.
func (tx *Tx) FindMediaByHash(ctx context.Context, siteID int64, hash string) (*congtin.Media, error) {
	if !tx.db.d.Lookupable(hash) {
		return nil, congtin.NotFound(congtin.KindMedia)
	}
	m, err := scanMedia(tx.QueryRow(ctx, `SELECT `+mediaColumns+` FROM media WHERE site_id = ? AND hash = ?`, siteID, hash))
	return m, tx.db.wrap("find media", found(err, congtin.KindMedia))
}

// InsertMedia implements congtin.MediaTx. The file name comes from the
// upload: whatever bytes it carries, the record is written, with what
// cannot be stored replaced.
func (tx *Tx) InsertMedia(ctx context.Context, m *congtin.Media) error {
	vs, err := json.Marshal(m.Variants)
	if err != nil {
		return err
	}
	id, err := tx.insert(ctx, `INSERT INTO media (site_id, hash, name, content_type, width, height, variants, uploaded_by, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, m.SiteID, m.Hash, clean(m.Name), m.ContentType, m.Width, m.Height, string(vs), m.UploadedBy, m.CreatedAt)
	if err != nil {
		return tx.db.wrap("add media", err)
	}
	m.ID = id
	return nil
}
