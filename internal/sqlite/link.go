package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/congtin/congtin"
)

var _ congtin.LinkService = (*DB)(nil)

const linkColumns = `id, site_id, name, url, grp, position`

func scanLink(row interface{ Scan(...any) error }) (*congtin.Link, error) {
	var l congtin.Link
	err := row.Scan(&l.ID, &l.SiteID, &l.Name, &l.URL, &l.Group, &l.Position)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy liên kết.")
	}
	return &l, err
}

// FindLinks implements congtin.LinkService.
func (db *DB) FindLinks(ctx context.Context, siteID int64) ([]*congtin.Link, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT `+linkColumns+` FROM links WHERE site_id = ? ORDER BY position, id`, siteID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: find links: %w", err)
	}
	defer rows.Close()
	var out []*congtin.Link
	for rows.Next() {
		l, err := scanLink(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

func canManageLinks(actor congtin.Actor) error {
	if !congtin.Can(actor, congtin.ActManage, nil) {
		return congtin.Errorf(congtin.EFORBIDDEN, "Chỉ quản trị viên được sửa danh sách liên kết.")
	}
	return nil
}

// CreateLink implements congtin.LinkService.
func (db *DB) CreateLink(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.LinkInput) (*congtin.Link, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	if err := canManageLinks(actor); err != nil {
		return nil, err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `INSERT INTO links (site_id, name, url, grp, position) VALUES (?, ?, ?, ?, ?)`, siteID, in.Name, in.URL, in.Group, in.Position)
	if err != nil {
		return nil, fmt.Errorf("sqlite: create link: %w", err)
	}
	id, _ := res.LastInsertId()
	if err := addAudit(ctx, tx, actor.Entry(siteID, "link.create", "link", id, in.Name+" ("+in.URL+")")); err != nil {
		return nil, err
	}
	l, err := scanLink(tx.QueryRowContext(ctx, `SELECT `+linkColumns+` FROM links WHERE id = ?`, id))
	if err != nil {
		return nil, err
	}
	return l, tx.Commit()
}

// UpdateLink implements congtin.LinkService.
func (db *DB) UpdateLink(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.LinkInput) (*congtin.Link, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	if err := canManageLinks(actor); err != nil {
		return nil, err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	if _, err := scanLink(tx.QueryRowContext(ctx, `SELECT `+linkColumns+` FROM links WHERE id = ? AND site_id = ?`, id, siteID)); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE links SET name = ?, url = ?, grp = ?, position = ? WHERE id = ?`, in.Name, in.URL, in.Group, in.Position, id); err != nil {
		return nil, fmt.Errorf("sqlite: update link: %w", err)
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "link.update", "link", id, in.Name+" ("+in.URL+")")); err != nil {
		return nil, err
	}
	l, err := scanLink(tx.QueryRowContext(ctx, `SELECT `+linkColumns+` FROM links WHERE id = ?`, id))
	if err != nil {
		return nil, err
	}
	return l, tx.Commit()
}

// DeleteLink implements congtin.LinkService.
func (db *DB) DeleteLink(ctx context.Context, actor congtin.Actor, siteID, id int64) error {
	if err := canManageLinks(actor); err != nil {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	cur, err := scanLink(tx.QueryRowContext(ctx, `SELECT `+linkColumns+` FROM links WHERE id = ? AND site_id = ?`, id, siteID))
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM links WHERE id = ?`, id); err != nil {
		return fmt.Errorf("sqlite: delete link: %w", err)
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "link.delete", "link", id, cur.Name+" ("+cur.URL+")")); err != nil {
		return err
	}
	return tx.Commit()
}
