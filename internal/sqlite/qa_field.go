package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/congtin/congtin"
)

// FindQAFields implements congtin.QuestionService.
func (db *DB) FindQAFields(ctx context.Context, siteID int64) (congtin.QAFields, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT id, site_id, name, slug, position FROM qa_fields WHERE site_id = ? ORDER BY position, name, id`, siteID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: find fields: %w", err)
	}
	defer rows.Close()
	var out congtin.QAFields
	for rows.Next() {
		var f congtin.QAField
		if err := rows.Scan(&f.ID, &f.SiteID, &f.Name, &f.Slug, &f.Position); err != nil {
			return nil, err
		}
		out = append(out, &f)
	}
	return out, rows.Err()
}

func findQAFieldTx(ctx context.Context, tx *Tx, siteID, id int64) (*congtin.QAField, error) {
	var f congtin.QAField
	err := tx.QueryRowContext(ctx, `SELECT id, site_id, name, slug, position FROM qa_fields WHERE id = ? AND site_id = ?`, id, siteID).
		Scan(&f.ID, &f.SiteID, &f.Name, &f.Slug, &f.Position)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, congtin.Errorf(congtin.ENOTFOUND, "Không tìm thấy lĩnh vực.")
	} else if err != nil {
		return nil, fmt.Errorf("sqlite: find field: %w", err)
	}
	return &f, nil
}

// qaFieldTaken refuses a name, or a slug, that another field of the site has.
func qaFieldTaken(ctx context.Context, tx *Tx, siteID int64, name, slug string, self int64) error {
	var taken bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM qa_fields WHERE site_id = ? AND (name = ? OR slug = ?) AND id <> ?)`,
		siteID, name, slug, self).Scan(&taken); err != nil {
		return fmt.Errorf("sqlite: check field: %w", err)
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
		return nil, err
	}
	defer tx.Rollback()
	slug := congtin.Slugify(in.Name)
	if err := qaFieldTaken(ctx, tx, siteID, in.Name, slug, 0); err != nil {
		return nil, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO qa_fields (site_id, name, slug, position) VALUES (?, ?, ?, ?)`, siteID, in.Name, slug, in.Position)
	if err != nil {
		return nil, fmt.Errorf("sqlite: create field: %w", err)
	}
	id, _ := res.LastInsertId()
	if err := addAudit(ctx, tx, actor.Entry(siteID, "qa_field.create", "qa_field", id, in.Name)); err != nil {
		return nil, err
	}
	f, err := findQAFieldTx(ctx, tx, siteID, id)
	if err != nil {
		return nil, err
	}
	return f, tx.Commit()
}

// UpdateQAField implements congtin.QuestionService.
func (db *DB) UpdateQAField(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.QAFieldInput) (*congtin.QAField, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	cur, err := findQAFieldTx(ctx, tx, siteID, id)
	if err != nil {
		return nil, err
	}
	slug := congtin.Slugify(in.Name)
	if err := qaFieldTaken(ctx, tx, siteID, in.Name, slug, id); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE qa_fields SET name = ?, slug = ?, position = ? WHERE id = ?`, in.Name, slug, in.Position, id); err != nil {
		return nil, fmt.Errorf("sqlite: update field: %w", err)
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "qa_field.update", "qa_field", id, cur.Name+" → "+in.Name)); err != nil {
		return nil, err
	}
	f, err := findQAFieldTx(ctx, tx, siteID, id)
	if err != nil {
		return nil, err
	}
	return f, tx.Commit()
}

// DeleteQAField implements congtin.QuestionService.
func (db *DB) DeleteQAField(ctx context.Context, actor congtin.Actor, siteID, id int64) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	cur, err := findQAFieldTx(ctx, tx, siteID, id)
	if err != nil {
		return err
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM questions WHERE field_id = ?`, id).Scan(&n); err != nil {
		return fmt.Errorf("sqlite: delete field: %w", err)
	}
	if n > 0 {
		return congtin.Errorf(congtin.ECONFLICT, "Không thể xóa lĩnh vực “%s”: đang có %d câu hỏi thuộc lĩnh vực này.", cur.Name, n)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM qa_fields WHERE id = ?`, id); err != nil {
		return fmt.Errorf("sqlite: delete field: %w", err)
	}
	if err := addAudit(ctx, tx, actor.Entry(siteID, "qa_field.delete", "qa_field", id, cur.Name)); err != nil {
		return err
	}
	return tx.Commit()
}
