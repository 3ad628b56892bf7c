package sqlstore

import (
	"context"

	"github.com/congtin/congtin"
)

var _ congtin.LinkStore = (*DB)(nil)
var _ congtin.LinkTx = (*Tx)(nil)

const linkColumns = `id, site_id, name, url, grp, position`

func scanLink(row scanner) (*congtin.Link, error) {
	var l congtin.Link
	if err := row.Scan(&l.ID, &l.SiteID, &l.Name, &l.URL, &l.Group, &l.Position); err != nil {
		return nil, err
	}
	return &l, nil
}

// FindLinks implements congtin.LinkStore.
func (db *DB) FindLinks(ctx context.Context, siteID int64) ([]*congtin.Link, error) {
	ls, err := list(ctx, db.conn, scanLink, `SELECT `+linkColumns+` FROM links WHERE site_id = ? ORDER BY position, id`, siteID)
	return ls, db.wrap("find links", err)
}

// FindLink implements congtin.LinkTx.
func (tx *Tx) FindLink(ctx context.Context, siteID, id int64) (*congtin.Link, error) {
	l, err := scanLink(tx.QueryRow(ctx, `SELECT `+linkColumns+` FROM links WHERE id = ? AND site_id = ?`, id, siteID))
	return l, tx.db.wrap("find link", found(err, congtin.KindLink))
}

// InsertLink implements congtin.LinkTx.
func (tx *Tx) InsertLink(ctx context.Context, l *congtin.Link) error {
	id, err := tx.insert(ctx, `INSERT INTO links (site_id, name, url, grp, position) VALUES (?, ?, ?, ?, ?)`,
		l.SiteID, l.Name, l.URL, l.Group, l.Position)
	l.ID = id
	return tx.db.wrap("insert link", err)
}

// UpdateLink implements congtin.LinkTx.
func (tx *Tx) UpdateLink(ctx context.Context, l *congtin.Link) error {
	_, err := tx.Exec(ctx, `UPDATE links SET name = ?, url = ?, grp = ?, position = ? WHERE id = ? AND site_id = ?`,
		l.Name, l.URL, l.Group, l.Position, l.ID, l.SiteID)
	return tx.db.wrap("update link", err)
}

// DeleteLink implements congtin.LinkTx.
func (tx *Tx) DeleteLink(ctx context.Context, id int64) error {
	_, err := tx.Exec(ctx, `DELETE FROM links WHERE id = ?`, id)
	return tx.db.wrap("delete link", err)
}
