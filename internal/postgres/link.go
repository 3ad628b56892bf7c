package postgres

import (
	"context"
	"database/sql"
	"errors"

	"github.com/congtin/congtin"
)

var _ congtin.LinkService = (*DB)(nil)

const linkColumns = `id, site_id, name, url, grp, position`

func scanLink(row interface{ Scan(...any) error }) (*congtin.Link, error) {
	var l congtin.Link
	err := row.Scan(&l.ID, &l.SiteID, &l.Name, &l.URL, &l.Group, &l.Position)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy liên kết.")
	} else if err != nil {
		return nil, wrap("find link", err)
	}
	return &l, nil
}

// FindLinks implements congtin.LinkService.
func (db *DB) FindLinks(ctx context.Context, siteID int64) ([]*congtin.Link, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT `+linkColumns+` FROM links WHERE site_id = $1 ORDER BY position, id`, siteID)
	if err != nil {
		return nil, wrap("find links", err)
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
	tx, err := db.beginChange(ctx)
	if err != nil {
		return nil, wrap("begin", err)
	}
	defer tx.Rollback()
	var id int64
	if err := tx.QueryRowContext(ctx, `INSERT INTO links (site_id, name, url, grp, position) VALUES ($1, $2, $3, $4, $5) RETURNING id`, siteID, in.Name, in.URL, in.Group, in.Position).Scan(&id); err != nil {
		return nil, wrap("create link", err)
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "link.create", "link", id, in.Name+" ("+in.URL+")")); err != nil {
		return nil, err
	}
	l, err := scanLink(tx.QueryRowContext(ctx, `SELECT `+linkColumns+` FROM links WHERE id = $1`, id))
	if err != nil {
		return nil, err
	}
	return l, wrap("commit", tx.Commit())
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
	tx, err := db.beginChange(ctx)
	if err != nil {
		return nil, wrap("begin", err)
	}
	defer tx.Rollback()
	if _, err := scanLink(tx.QueryRowContext(ctx, `SELECT `+linkColumns+` FROM links WHERE id = $1 AND site_id = $2`, id, siteID)); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE links SET name = $1, url = $2, grp = $3, position = $4 WHERE id = $5`, in.Name, in.URL, in.Group, in.Position, id); err != nil {
		return nil, wrap("update link", err)
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "link.update", "link", id, in.Name+" ("+in.URL+")")); err != nil {
		return nil, err
	}
	l, err := scanLink(tx.QueryRowContext(ctx, `SELECT `+linkColumns+` FROM links WHERE id = $1`, id))
	if err != nil {
		return nil, err
	}
	return l, wrap("commit", tx.Commit())
}

// DeleteLink implements congtin.LinkService.
func (db *DB) DeleteLink(ctx context.Context, actor congtin.Actor, siteID, id int64) error {
	if err := canManageLinks(actor); err != nil {
		return err
	}
	tx, err := db.beginChange(ctx)
	if err != nil {
		return wrap("begin", err)
	}
	defer tx.Rollback()
	cur, err := scanLink(tx.QueryRowContext(ctx, `SELECT `+linkColumns+` FROM links WHERE id = $1 AND site_id = $2`, id, siteID))
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM links WHERE id = $1`, id); err != nil {
		return wrap("delete link", err)
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "link.delete", "link", id, cur.Name+" ("+cur.URL+")")); err != nil {
		return err
	}
	return wrap("commit", tx.Commit())
}
