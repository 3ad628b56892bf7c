package sqlstore

import (
	"context"

	"github.com/congtin/congtin"
)

const qaFieldColumns = `id, site_id, name, slug, position`

func scanQAField(row scanner) (*congtin.QAField, error) {
	var f congtin.QAField
	if err := row.Scan(&f.ID, &f.SiteID, &f.Name, &f.Slug, &f.Position); err != nil {
		return nil, err
	}
	return &f, nil
}

// FindQAFields implements congtin.QuestionStore.
func (db *DB) FindQAFields(ctx context.Context, siteID int64) (congtin.QAFields, error) {
	fs, err := list(ctx, db.conn, scanQAField, `SELECT `+qaFieldColumns+` FROM qa_fields WHERE site_id = ? ORDER BY position, name, id`, siteID)
	return fs, db.wrap("find fields", err)
}

// FindQAField implements congtin.QuestionTx.
func (tx *Tx) FindQAField(ctx context.Context, siteID, id int64) (*congtin.QAField, error) {
	f, err := scanQAField(tx.QueryRow(ctx, `SELECT `+qaFieldColumns+` FROM qa_fields WHERE id = ? AND site_id = ?`, id, siteID))
	return f, tx.db.wrap("find field", found(err, congtin.KindQAField))
}

// HasQAFields implements congtin.QuestionTx.
func (tx *Tx) HasQAFields(ctx context.Context, siteID int64) (bool, error) {
	ok, err := tx.exists(ctx, `SELECT 1 FROM qa_fields WHERE site_id = ?`, siteID)
	return ok, tx.db.wrap("find fields", err)
}

// QAFieldNameFree implements congtin.QuestionTx.
func (tx *Tx) QAFieldNameFree(ctx context.Context, siteID int64, name, slug string, self int64) (bool, error) {
	taken, err := tx.exists(ctx, `SELECT 1 FROM qa_fields WHERE site_id = ? AND (name = ? OR slug = ?) AND id <> ?`, siteID, name, slug, self)
	return !taken, tx.db.wrap("check field", err)
}

// QAFieldInUse implements congtin.QuestionTx.
func (tx *Tx) QAFieldInUse(ctx context.Context, id int64) (int, error) {
	n, err := tx.count(ctx, `SELECT COUNT(*) FROM questions WHERE field_id = ?`, id)
	return n, tx.db.wrap("count field's questions", err)
}

// InsertQAField implements congtin.QuestionTx.
func (tx *Tx) InsertQAField(ctx context.Context, f *congtin.QAField) error {
	id, err := tx.insert(ctx, `INSERT INTO qa_fields (site_id, name, slug, position) VALUES (?, ?, ?, ?)`, f.SiteID, f.Name, f.Slug, f.Position)
	if err != nil {
		return tx.db.wrap("insert field", err)
	}
	f.ID = id
	return nil
}

// UpdateQAField implements congtin.QuestionTx.
func (tx *Tx) UpdateQAField(ctx context.Context, f *congtin.QAField) error {
	_, err := tx.Exec(ctx, `UPDATE qa_fields SET name = ?, slug = ?, position = ? WHERE id = ? AND site_id = ?`, f.Name, f.Slug, f.Position, f.ID, f.SiteID)
	return tx.db.wrap("update field", err)
}

// DeleteQAField implements congtin.QuestionTx.
func (tx *Tx) DeleteQAField(ctx context.Context, id int64) error {
	_, err := tx.Exec(ctx, `DELETE FROM qa_fields WHERE id = ?`, id)
	return tx.db.wrap("delete field", err)
}
