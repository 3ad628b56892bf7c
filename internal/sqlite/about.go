package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/sanitize"
)

var _ congtin.AboutService = (*DB)(nil)

const pageColumns = `id, site_id, slug, title, body, slug_en, title_en, body_en, position, status, created_by, created_at, updated_at, published_at`

func scanPage(row interface{ Scan(...any) error }) (*congtin.Page, error) {
	var p congtin.Page
	var created, updated int64
	var pub sql.NullInt64
	err := row.Scan(&p.ID, &p.SiteID, &p.Slug, &p.Title, &p.Body, &p.SlugEN, &p.TitleEN, &p.BodyEN, &p.Position, &p.Status, &p.CreatedBy, &created, &updated, &pub)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy trang giới thiệu.")
	} else if err != nil {
		return nil, err
	}
	p.CreatedAt, p.UpdatedAt = fromUnix(created), fromUnix(updated)
	if pub.Valid {
		p.PublishedAt = fromUnix(pub.Int64)
	}
	return &p, nil
}

func findPageTx(ctx context.Context, tx *Tx, siteID, id int64) (*congtin.Page, error) {
	return scanPage(tx.QueryRowContext(ctx, `SELECT `+pageColumns+` FROM pages WHERE id = ? AND site_id = ?`, id, siteID))
}

// pageSlugsFree refuses slugs another page of the site has, in either
// language: /gioi-thieu/x and /en/about/x each name one page.
func pageSlugsFree(ctx context.Context, tx *Tx, siteID, self int64, slug, slugEN string) error {
	fe := congtin.FieldErrors{}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM pages WHERE site_id = ? AND slug = ? AND id <> ?`, siteID, slug, self).Scan(&n); err != nil {
		return err
	} else if n > 0 {
		fe["slug"] = "Đường dẫn “" + slug + "” đã được trang khác dùng; hãy chọn đường dẫn khác."
	}
	if slugEN != "" {
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM pages WHERE site_id = ? AND slug_en = ? AND id <> ?`, siteID, slugEN, self).Scan(&n); err != nil {
			return err
		} else if n > 0 {
			fe["slug_en"] = "Đường dẫn tiếng Anh “" + slugEN + "” đã được trang khác dùng; hãy chọn đường dẫn khác."
		}
	}
	if len(fe) > 0 {
		return &congtin.ValidationError{Fields: fe}
	}
	return nil
}

func addPageRevision(ctx context.Context, tx *Tx, actor congtin.Actor, siteID, pageID int64, note string) error {
	name, uid := "", int64(0)
	if actor.User != nil {
		name, uid = actor.User.DisplayName, actor.User.ID
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO page_revisions (site_id, page_id, user_id, user_name, created_at, note, title, slug, body, title_en, slug_en, body_en, position)
		SELECT site_id, id, ?, ?, ?, ?, title, slug, body, title_en, slug_en, body_en, position FROM pages WHERE id = ?`, uid, name, unix(tx.now), note, pageID)
	if err != nil {
		return fmt.Errorf("sqlite: add page revision: %w", err)
	}
	return nil
}

// FindPages implements congtin.AboutService.
func (db *DB) FindPages(ctx context.Context, siteID int64, public bool) ([]*congtin.Page, error) {
	q := `SELECT ` + pageColumns + ` FROM pages WHERE site_id = ?`
	if public {
		q += ` AND status = 'published'`
	}
	rows, err := db.db.QueryContext(ctx, q+` ORDER BY position, title, id`, siteID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: find pages: %w", err)
	}
	defer rows.Close()
	var out []*congtin.Page
	for rows.Next() {
		p, err := scanPage(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// FindPage implements congtin.AboutService.
func (db *DB) FindPage(ctx context.Context, siteID, id int64) (*congtin.Page, error) {
	return scanPage(db.db.QueryRowContext(ctx, `SELECT `+pageColumns+` FROM pages WHERE id = ? AND site_id = ?`, id, siteID))
}

// FindPageBySlug implements congtin.AboutService.
func (db *DB) FindPageBySlug(ctx context.Context, siteID int64, slug string, en bool) (*congtin.Page, error) {
	col := "slug"
	if en {
		if slug == "" {
			return nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy trang giới thiệu.")
		}
		col = "slug_en"
	}
	return scanPage(db.db.QueryRowContext(ctx, `SELECT `+pageColumns+` FROM pages WHERE site_id = ? AND `+col+` = ?`, siteID, slug))
}

// CreatePage implements congtin.AboutService.
func (db *DB) CreatePage(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.PageInput) (*congtin.Page, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	if !congtin.Can(actor, congtin.ActCreate, nil) {
		return nil, congtin.Errorf(congtin.EFORBIDDEN, "Bạn không có quyền tạo trang giới thiệu.")
	}
	slug, slugEN := in.Slugs()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	if err := pageSlugsFree(ctx, tx, siteID, 0, slug, slugEN); err != nil {
		return nil, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO pages (site_id, slug, title, body, slug_en, title_en, body_en, position, status, created_by, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?)`, siteID, slug, in.Title, sanitize.HTML(in.Body), slugEN, in.TitleEN, sanitize.HTML(in.BodyEN),
		in.Position, actor.User.ID, unix(tx.now), unix(tx.now))
	if err != nil {
		return nil, fmt.Errorf("sqlite: create page: %w", err)
	}
	id, _ := res.LastInsertId()
	if err := addPageRevision(ctx, tx, actor, siteID, id, "Tạo mới"); err != nil {
		return nil, err
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "page.create", "page", id, in.Title)); err != nil {
		return nil, err
	}
	p, err := findPageTx(ctx, tx, siteID, id)
	if err != nil {
		return nil, err
	}
	return p, tx.Commit()
}

// UpdatePage implements congtin.AboutService.
func (db *DB) UpdatePage(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.PageInput) (*congtin.Page, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	slug, slugEN := in.Slugs()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	cur, err := findPageTx(ctx, tx, siteID, id)
	if err != nil {
		return nil, err
	}
	if !congtin.Can(actor, congtin.ActEdit, cur.Item()) {
		return nil, congtin.Errorf(congtin.EFORBIDDEN, "Bạn không thể sửa trang ở trạng thái “%s”.", congtin.StatusName(cur.Status))
	}
	if err := pageSlugsFree(ctx, tx, siteID, id, slug, slugEN); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE pages SET slug = ?, title = ?, body = ?, slug_en = ?, title_en = ?, body_en = ?, position = ?, updated_at = ? WHERE id = ?`,
		slug, in.Title, sanitize.HTML(in.Body), slugEN, in.TitleEN, sanitize.HTML(in.BodyEN), in.Position, unix(tx.now), id); err != nil {
		return nil, fmt.Errorf("sqlite: update page: %w", err)
	}
	if err := addPageRevision(ctx, tx, actor, siteID, id, "Sửa"); err != nil {
		return nil, err
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "page.edit", "page", id, in.Title)); err != nil {
		return nil, err
	}
	p, err := findPageTx(ctx, tx, siteID, id)
	if err != nil {
		return nil, err
	}
	return p, tx.Commit()
}

// TransitionPage implements congtin.AboutService.
func (db *DB) TransitionPage(ctx context.Context, actor congtin.Actor, siteID, id int64, act, comment string) (*congtin.Page, error) {
	next := congtin.NextStatus(act)
	if next == "" {
		return nil, congtin.Errorf(congtin.EINVALID, "Thao tác không hợp lệ.")
	}
	if err := congtin.CheckComment(act, comment); err != nil {
		return nil, err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	cur, err := findPageTx(ctx, tx, siteID, id)
	if err != nil {
		return nil, err
	}
	if !congtin.Can(actor, act, cur.Item()) {
		return nil, congtin.Errorf(congtin.EFORBIDDEN, "Bạn không có quyền thực hiện thao tác này với trang ở trạng thái “%s”.", congtin.StatusName(cur.Status))
	}
	pub := nullTime(cur.PublishedAt)
	if act == congtin.ActPublish {
		pub = unix(tx.now)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE pages SET status = ?, published_at = ?, updated_at = ? WHERE id = ?`, next, pub, unix(tx.now), id); err != nil {
		return nil, fmt.Errorf("sqlite: transition page: %w", err)
	}
	detail := cur.Title + ": " + congtin.StatusName(cur.Status) + " → " + congtin.StatusName(next)
	if comment != "" {
		detail += ": " + comment
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "page."+act, "page", id, detail)); err != nil {
		return nil, err
	}
	p, err := findPageTx(ctx, tx, siteID, id)
	if err != nil {
		return nil, err
	}
	return p, tx.Commit()
}

const pageRevisionColumns = `id, page_id, user_name, created_at, note, title, slug, body, title_en, slug_en, body_en, position`

func scanPageRevision(row interface{ Scan(...any) error }) (*congtin.PageRevision, error) {
	var r congtin.PageRevision
	var created int64
	err := row.Scan(&r.ID, &r.PageID, &r.UserName, &created, &r.Note, &r.Title, &r.Slug, &r.Body, &r.TitleEN, &r.SlugEN, &r.BodyEN, &r.Position)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy phiên bản.")
	} else if err != nil {
		return nil, err
	}
	r.CreatedAt = fromUnix(created)
	return &r, nil
}

// FindPageRevisions implements congtin.AboutService.
func (db *DB) FindPageRevisions(ctx context.Context, siteID, pageID int64) ([]*congtin.PageRevision, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT `+pageRevisionColumns+` FROM page_revisions WHERE page_id = ? AND site_id = ? ORDER BY id DESC`, pageID, siteID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: find page revisions: %w", err)
	}
	defer rows.Close()
	var out []*congtin.PageRevision
	for rows.Next() {
		r, err := scanPageRevision(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// RestorePageRevision implements congtin.AboutService.
func (db *DB) RestorePageRevision(ctx context.Context, actor congtin.Actor, siteID, revisionID int64) (*congtin.Page, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rev, err := scanPageRevision(tx.QueryRowContext(ctx, `SELECT `+pageRevisionColumns+` FROM page_revisions WHERE id = ? AND site_id = ?`, revisionID, siteID))
	if err != nil {
		return nil, err
	}
	cur, err := findPageTx(ctx, tx, siteID, rev.PageID)
	if err != nil {
		return nil, err
	}
	if !congtin.Can(actor, congtin.ActRestore, cur.Item()) {
		return nil, congtin.Errorf(congtin.EFORBIDDEN, "Bạn không có quyền khôi phục trang này.")
	}
	if err := pageSlugsFree(ctx, tx, siteID, cur.ID, rev.Slug, rev.SlugEN); congtin.ErrorCode(err) == congtin.EINVALID {
		return nil, congtin.Errorf(congtin.ECONFLICT, "Đường dẫn của phiên bản này đã được trang khác dùng; hãy đổi đường dẫn rồi khôi phục.")
	} else if err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE pages SET slug = ?, title = ?, body = ?, slug_en = ?, title_en = ?, body_en = ?, position = ?, updated_at = ? WHERE id = ?`,
		rev.Slug, rev.Title, rev.Body, rev.SlugEN, rev.TitleEN, rev.BodyEN, rev.Position, unix(tx.now), cur.ID); err != nil {
		return nil, fmt.Errorf("sqlite: restore page: %w", err)
	}
	note := fmt.Sprintf("Khôi phục phiên bản #%d", rev.ID)
	if err := addPageRevision(ctx, tx, actor, siteID, cur.ID, note); err != nil {
		return nil, err
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "page.restore", "page", cur.ID, note)); err != nil {
		return nil, err
	}
	p, err := findPageTx(ctx, tx, siteID, cur.ID)
	if err != nil {
		return nil, err
	}
	return p, tx.Commit()
}

// FindUnits implements congtin.AboutService.
func (db *DB) FindUnits(ctx context.Context, siteID int64) ([]*congtin.Unit, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT id, site_id, IFNULL(parent_id, 0), name, name_en, position, phone, email FROM units
		WHERE site_id = ? ORDER BY position, name, id`, siteID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: find units: %w", err)
	}
	var out []*congtin.Unit
	byID := map[int64]*congtin.Unit{}
	for rows.Next() {
		u := &congtin.Unit{Leaders: []congtin.Leader{}}
		if err := rows.Scan(&u.ID, &u.SiteID, &u.ParentID, &u.Name, &u.NameEN, &u.Position, &u.Phone, &u.Email); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, u)
		byID[u.ID] = u
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = db.db.QueryContext(ctx, `SELECT l.unit_id, l.name, l.title, l.title_en FROM unit_leaders l JOIN units u ON u.id = l.unit_id
		WHERE u.site_id = ? ORDER BY l.unit_id, l.position`, siteID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: find unit leaders: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var l congtin.Leader
		if err := rows.Scan(&id, &l.Name, &l.Title, &l.TitleEN); err != nil {
			return nil, err
		}
		if u := byID[id]; u != nil {
			u.Leaders = append(u.Leaders, l)
		}
	}
	return out, rows.Err()
}

// checkUnitParent refuses a parent outside the site, or one that would
// put the unit under itself.
func checkUnitParent(ctx context.Context, tx *Tx, siteID, id, parentID int64) error {
	for p, hops := parentID, 0; p != 0; hops++ {
		if p == id || hops > 1000 {
			return &congtin.ValidationError{Fields: congtin.FieldErrors{"parent_id": "Không thể đặt đơn vị vào bên trong chính nó."}}
		}
		var next int64
		err := tx.QueryRowContext(ctx, `SELECT IFNULL(parent_id, 0) FROM units WHERE id = ? AND site_id = ?`, p, siteID).Scan(&next)
		if errors.Is(err, sql.ErrNoRows) {
			return &congtin.ValidationError{Fields: congtin.FieldErrors{"parent_id": "Đơn vị cấp trên không tồn tại."}}
		} else if err != nil {
			return err
		}
		p = next
	}
	return nil
}

func writeLeaders(ctx context.Context, tx *Tx, id int64, ls []congtin.Leader) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM unit_leaders WHERE unit_id = ?`, id); err != nil {
		return err
	}
	for i, l := range ls {
		if _, err := tx.ExecContext(ctx, `INSERT INTO unit_leaders (unit_id, position, name, title, title_en) VALUES (?, ?, ?, ?, ?)`,
			id, i, l.Name, l.Title, l.TitleEN); err != nil {
			return fmt.Errorf("sqlite: write leaders: %w", err)
		}
	}
	return nil
}

func (db *DB) findUnitTx(ctx context.Context, tx *Tx, siteID, id int64) (*congtin.Unit, error) {
	u := &congtin.Unit{Leaders: []congtin.Leader{}}
	err := tx.QueryRowContext(ctx, `SELECT id, site_id, IFNULL(parent_id, 0), name, name_en, position, phone, email FROM units WHERE id = ? AND site_id = ?`, id, siteID).
		Scan(&u.ID, &u.SiteID, &u.ParentID, &u.Name, &u.NameEN, &u.Position, &u.Phone, &u.Email)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy đơn vị.")
	} else if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT name, title, title_en FROM unit_leaders WHERE unit_id = ? ORDER BY position`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var l congtin.Leader
		if err := rows.Scan(&l.Name, &l.Title, &l.TitleEN); err != nil {
			return nil, err
		}
		u.Leaders = append(u.Leaders, l)
	}
	return u, rows.Err()
}

// CreateUnit implements congtin.AboutService.
func (db *DB) CreateUnit(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.UnitInput) (*congtin.Unit, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	if !congtin.CanEditUnits(actor) {
		return nil, congtin.Errorf(congtin.EFORBIDDEN, "Bạn không có quyền sửa cơ cấu tổ chức.")
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	if err := checkUnitParent(ctx, tx, siteID, 0, in.ParentID); err != nil {
		return nil, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO units (site_id, parent_id, name, name_en, position, phone, email) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		siteID, nullID(in.ParentID), in.Name, in.NameEN, in.Position, in.Phone, in.Email)
	if err != nil {
		return nil, fmt.Errorf("sqlite: create unit: %w", err)
	}
	id, _ := res.LastInsertId()
	if err := writeLeaders(ctx, tx, id, in.Leaders); err != nil {
		return nil, err
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "unit.create", "unit", id, in.Name)); err != nil {
		return nil, err
	}
	u, err := db.findUnitTx(ctx, tx, siteID, id)
	if err != nil {
		return nil, err
	}
	return u, tx.Commit()
}

// UpdateUnit implements congtin.AboutService.
func (db *DB) UpdateUnit(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.UnitInput) (*congtin.Unit, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	if !congtin.CanEditUnits(actor) {
		return nil, congtin.Errorf(congtin.EFORBIDDEN, "Bạn không có quyền sửa cơ cấu tổ chức.")
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	cur, err := db.findUnitTx(ctx, tx, siteID, id)
	if err != nil {
		return nil, err
	}
	if err := checkUnitParent(ctx, tx, siteID, id, in.ParentID); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE units SET parent_id = ?, name = ?, name_en = ?, position = ?, phone = ?, email = ? WHERE id = ?`,
		nullID(in.ParentID), in.Name, in.NameEN, in.Position, in.Phone, in.Email, id); err != nil {
		return nil, fmt.Errorf("sqlite: update unit: %w", err)
	}
	if err := writeLeaders(ctx, tx, id, in.Leaders); err != nil {
		return nil, err
	}
	detail := in.Name
	if cur.Name != in.Name {
		detail = cur.Name + " → " + in.Name
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "unit.update", "unit", id, detail)); err != nil {
		return nil, err
	}
	u, err := db.findUnitTx(ctx, tx, siteID, id)
	if err != nil {
		return nil, err
	}
	return u, tx.Commit()
}

// DeleteUnit implements congtin.AboutService.
func (db *DB) DeleteUnit(ctx context.Context, actor congtin.Actor, siteID, id int64) error {
	if !congtin.CanEditUnits(actor) {
		return congtin.Errorf(congtin.EFORBIDDEN, "Bạn không có quyền sửa cơ cấu tổ chức.")
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	cur, err := db.findUnitTx(ctx, tx, siteID, id)
	if err != nil {
		return err
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM units WHERE parent_id = ?`, id).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return congtin.Errorf(congtin.ECONFLICT, "Đơn vị “%s” còn đơn vị trực thuộc; hãy chuyển hoặc xóa chúng trước.", cur.Name)
	}
	for _, q := range []string{`DELETE FROM unit_leaders WHERE unit_id = ?`, `DELETE FROM units WHERE id = ?`} {
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return fmt.Errorf("sqlite: delete unit: %w", err)
		}
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "unit.delete", "unit", id, cur.Name)); err != nil {
		return err
	}
	return tx.Commit()
}
