package postgres

import (
	"context"
	"database/sql"
	"errors"

	"github.com/congtin/congtin"
)

// FindQAFields implements congtin.QuestionService.
func (db *DB) FindQAFields(ctx context.Context, siteID int64) (congtin.QAFields, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT id, site_id, name, slug, position FROM qa_fields WHERE site_id = $1 ORDER BY position, name, id`, siteID)
	if err != nil {
		return nil, wrap("find fields", err)
	}
	defer rows.Close()
	var out congtin.QAFields
	for rows.Next() {
		var f congtin.QAField
		if err := rows.Scan(&f.ID, &f.SiteID, &f.Name, &f.Slug, &f.Position); err != nil {
			return nil, wrap("find fields", err)
		}
		out = append(out, &f)
	}
	return out, wrap("find fields", rows.Err())
}

func findQAFieldTx(ctx context.Context, tx *Tx, siteID, id int64) (*congtin.QAField, error) {
	var f congtin.QAField
	err := tx.QueryRowContext(ctx, `SELECT id, site_id, name, slug, position FROM qa_fields WHERE id = $1 AND site_id = $2`, id, siteID).
		Scan(&f.ID, &f.SiteID, &f.Name, &f.Slug, &f.Position)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy lĩnh vực.")
	} else if err != nil {
		return nil, wrap("find field", err)
	}
	return &f, nil
}

// lockQAFields serializes, per site, the transactions that read the
// field list before changing it (is the name taken; is the field in use),
// which SQLite's single writer makes safe and PostgreSQL does not.
func lockQAFields(ctx context.Context, tx *Tx, siteID int64) error {
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtextextended('congtin qa fields', $1))`, siteID)
	return wrap("lock fields", err)
}

// qaFieldTaken refuses a name, or a slug, that another field of the site has.
func qaFieldTaken(ctx context.Context, tx *Tx, siteID int64, name, slug string, self int64) error {
	var taken bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM qa_fields WHERE site_id = $1 AND (name = $2 OR slug = $3) AND id <> $4)`,
		siteID, name, slug, self).Scan(&taken); err != nil {
		return wrap("check field", err)
	}
	if taken {
		return &congtin.ValidationError{Fields: congtin.FieldErrors{"name": "Đã có lĩnh vực “" + name + "” (hoặc một tên rất giống)."}}
	}
	return nil
}

// CreateQAField implements congtin.QuestionService.
func (db *DB) CreateQAField(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.QAFieldInput) (*congtin.QAField, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, wrap("create field", err)
	}
	defer tx.Rollback()
	if err := lockQAFields(ctx, tx, siteID); err != nil {
		return nil, err
	}
	slug := congtin.Slugify(in.Name)
	if err := qaFieldTaken(ctx, tx, siteID, in.Name, slug, 0); err != nil {
		return nil, err
	}
	var id int64
	if err := tx.QueryRowContext(ctx, `INSERT INTO qa_fields (site_id, name, slug, position) VALUES ($1, $2, $3, $4) RETURNING id`,
		siteID, in.Name, slug, in.Position).Scan(&id); err != nil {
		return nil, wrap("create field", err)
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "qa_field.create", "qa_field", id, in.Name)); err != nil {
		return nil, err
	}
	f, err := findQAFieldTx(ctx, tx, siteID, id)
	if err != nil {
		return nil, err
	}
	return f, wrap("create field: commit", tx.Commit())
}

// UpdateQAField implements congtin.QuestionService.
func (db *DB) UpdateQAField(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.QAFieldInput) (*congtin.QAField, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, wrap("update field", err)
	}
	defer tx.Rollback()
	if err := lockQAFields(ctx, tx, siteID); err != nil {
		return nil, err
	}
	cur, err := findQAFieldTx(ctx, tx, siteID, id)
	if err != nil {
		return nil, err
	}
	slug := congtin.Slugify(in.Name)
	if err := qaFieldTaken(ctx, tx, siteID, in.Name, slug, id); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE qa_fields SET name = $1, slug = $2, position = $3 WHERE id = $4`, in.Name, slug, in.Position, id); err != nil {
		return nil, wrap("update field", err)
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "qa_field.update", "qa_field", id, cur.Name+" → "+in.Name)); err != nil {
		return nil, err
	}
	f, err := findQAFieldTx(ctx, tx, siteID, id)
	if err != nil {
		return nil, err
	}
	return f, wrap("update field: commit", tx.Commit())
}

// DeleteQAField implements congtin.QuestionService. A question filed
// under the field by a concurrent transaction makes the delete fail on
// the foreign key, which is the same conflict.
func (db *DB) DeleteQAField(ctx context.Context, actor congtin.Actor, siteID, id int64) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return wrap("delete field", err)
	}
	defer tx.Rollback()
	if err := lockQAFields(ctx, tx, siteID); err != nil {
		return err
	}
	cur, err := findQAFieldTx(ctx, tx, siteID, id)
	if err != nil {
		return err
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM questions WHERE field_id = $1`, id).Scan(&n); err != nil {
		return wrap("delete field", err)
	}
	inUse := congtin.Errorf(congtin.ECONFLICT, "Không thể xóa lĩnh vực “%s”: đang có %d câu hỏi thuộc lĩnh vực này.", cur.Name, max(n, 1))
	if n > 0 {
		return inUse
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM qa_fields WHERE id = $1`, id); err != nil {
		if pgCode(err) == foreignKeyViolation {
			return inUse
		}
		return wrap("delete field", err)
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "qa_field.delete", "qa_field", id, cur.Name)); err != nil {
		return err
	}
	return wrap("delete field: commit", tx.Commit())
}
