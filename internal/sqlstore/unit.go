package sqlstore

import (
	"context"

	"github.com/congtin/congtin"
)

var _ congtin.UnitStore = (*DB)(nil)
var _ congtin.UnitTx = (*Tx)(nil)

const unitColumns = `id, site_id, COALESCE(parent_id, 0), name, name_en, position, phone, email`

// scanUnit reads a unit without its leaders (an empty list, not nil: the
// API shows "leaders": []).
func scanUnit(row scanner) (*congtin.Unit, error) {
	u := &congtin.Unit{Leaders: []congtin.Leader{}}
	if err := row.Scan(&u.ID, &u.SiteID, &u.ParentID, &u.Name, &u.NameEN, &u.Position, &u.Phone, &u.Email); err != nil {
		return nil, err
	}
	return u, nil
}

// unitLeader is a leader with the ID of their unit.
type unitLeader struct {
	unitID int64
	congtin.Leader
}

func scanLeader(row scanner) (unitLeader, error) {
	var l unitLeader
	err := row.Scan(&l.unitID, &l.Name, &l.Title, &l.TitleEN, &l.Spokesperson, &l.Phone, &l.Email)
	return l, err
}

// FindUnits implements congtin.UnitStore.
func (db *DB) FindUnits(ctx context.Context, siteID int64) ([]*congtin.Unit, error) {
	us, err := list(ctx, db.conn, scanUnit, `SELECT `+unitColumns+` FROM units WHERE site_id = ? ORDER BY position, name, id`, siteID)
	if err != nil {
		return nil, db.wrap("find units", err)
	}
	ls, err := list(ctx, db.conn, scanLeader, `SELECT l.unit_id, l.name, l.title, l.title_en, l.spokesperson, l.phone, l.email FROM unit_leaders l JOIN units u ON u.id = l.unit_id
		WHERE u.site_id = ? ORDER BY l.unit_id, l.position`, siteID)
	if err != nil {
		return nil, db.wrap("find unit leaders", err)
	}
	byID := make(map[int64]*congtin.Unit, len(us))
	for _, u := range us {
		byID[u.ID] = u
	}
	for _, l := range ls {
		if u := byID[l.unitID]; u != nil {
			u.Leaders = append(u.Leaders, l.Leader)
		}
	}
	return us, nil
}

// FindUnit implements congtin.UnitTx.
func (tx *Tx) FindUnit(ctx context.Context, siteID, id int64) (*congtin.Unit, error) {
	u, err := scanUnit(tx.QueryRow(ctx, `SELECT `+unitColumns+` FROM units WHERE id = ? AND site_id = ?`, id, siteID))
	if err != nil {
		return nil, tx.db.wrap("find unit", found(err, congtin.KindUnit))
	}
	ls, err := list(ctx, tx.conn, scanLeader, `SELECT unit_id, name, title, title_en, spokesperson, phone, email FROM unit_leaders WHERE unit_id = ? ORDER BY position`, id)
	if err != nil {
		return nil, tx.db.wrap("find unit leaders", err)
	}
	for _, l := range ls {
		u.Leaders = append(u.Leaders, l.Leader)
	}
	return u, nil
}

// writeLeaders replaces a unit's leaders, in order.
func (tx *Tx) writeLeaders(ctx context.Context, id int64, ls []congtin.Leader) error {
	if _, err := tx.Exec(ctx, `DELETE FROM unit_leaders WHERE unit_id = ?`, id); err != nil {
		return tx.db.wrap("write leaders", err)
	}
	for i, l := range ls {
		if _, err := tx.Exec(ctx, `INSERT INTO unit_leaders (unit_id, position, name, title, title_en, spokesperson, phone, email)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, id, i, l.Name, l.Title, l.TitleEN, l.Spokesperson, l.Phone, l.Email); err != nil {
			return tx.db.wrap("write leaders", err)
		}
	}
	return nil
}

// InsertUnit implements congtin.UnitTx.
func (tx *Tx) InsertUnit(ctx context.Context, u *congtin.Unit) error {
	id, err := tx.insert(ctx, `INSERT INTO units (site_id, parent_id, name, name_en, position, phone, email) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		u.SiteID, nullID(u.ParentID), u.Name, u.NameEN, u.Position, u.Phone, u.Email)
	if err != nil {
		return tx.db.wrap("insert unit", err)
	}
	u.ID = id
	return tx.writeLeaders(ctx, id, u.Leaders)
}

// UpdateUnit implements congtin.UnitTx.
func (tx *Tx) UpdateUnit(ctx context.Context, u *congtin.Unit) error {
	if _, err := tx.Exec(ctx, `UPDATE units SET parent_id = ?, name = ?, name_en = ?, position = ?, phone = ?, email = ? WHERE id = ? AND site_id = ?`,
		nullID(u.ParentID), u.Name, u.NameEN, u.Position, u.Phone, u.Email, u.ID, u.SiteID); err != nil {
		return tx.db.wrap("update unit", err)
	}
	return tx.writeLeaders(ctx, u.ID, u.Leaders)
}

// UnitChildren implements congtin.UnitTx.
func (tx *Tx) UnitChildren(ctx context.Context, id int64) (int, error) {
	n, err := tx.count(ctx, `SELECT COUNT(*) FROM units WHERE parent_id = ?`, id)
	return n, tx.db.wrap("unit children", err)
}

// DeleteUnit implements congtin.UnitTx.
func (tx *Tx) DeleteUnit(ctx context.Context, id int64) error {
	for _, q := range []string{`DELETE FROM unit_leaders WHERE unit_id = ?`, `DELETE FROM units WHERE id = ?`} {
		if _, err := tx.Exec(ctx, q, id); err != nil {
			return tx.db.wrap("delete unit", err)
		}
	}
	return nil
}
