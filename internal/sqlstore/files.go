package sqlstore

import (
	"context"

	"github.com/congtin/congtin"
)

// fileTable is a table of attachments: the documents register's, and its
// sibling for the drafts put out for comment, which have the same columns
// but for the one naming what holds the file. Their SQL is written once,
// here.
type fileTable struct {
	table, owner string
}

var (
	documentFiles     = fileTable{table: "document_files", owner: "document_id"}
	consultationFiles = fileTable{table: "consultation_files", owner: "consultation_id"}
)

// columns are what scanFile reads.
func (t fileTable) columns() string {
	return `id, ` + t.owner + `, name, kind, size, hash, text_note, text_state, text_source, position, created_at`
}

func scanFile(row scanner) (*congtin.DocumentFile, error) {
	var f congtin.DocumentFile
	err := row.Scan(&f.ID, &f.DocumentID, &f.Name, &f.Kind, &f.Size, &f.Hash, &f.TextNote, &f.TextState, &f.TextSource, &f.Position, at(&f.CreatedAt))
	return &f, err
}

// of lists the files of one holder, in order.
func (t fileTable) of(ctx context.Context, c conn, ownerID int64) ([]*congtin.DocumentFile, error) {
	return list(ctx, c, scanFile, `SELECT `+t.columns()+` FROM `+t.table+` WHERE `+t.owner+` = ? ORDER BY position, id`, ownerID)
}

// find reads a file of the site, without its text.
func (t fileTable) find(ctx context.Context, c conn, siteID, fileID int64) (*congtin.DocumentFile, error) {
	f, err := scanFile(c.QueryRow(ctx, `SELECT `+t.columns()+` FROM `+t.table+` WHERE id = ? AND site_id = ?`, fileID, siteID))
	return f, found(err, congtin.KindDocumentFile)
}

// findText reads a file of the site with its text.
func (t fileTable) findText(ctx context.Context, c conn, siteID, fileID int64) (*congtin.DocumentFile, error) {
	var f congtin.DocumentFile
	err := c.QueryRow(ctx, `SELECT text, `+t.columns()+` FROM `+t.table+` WHERE id = ? AND site_id = ?`, fileID, siteID).Scan(&f.Text,
		&f.ID, &f.DocumentID, &f.Name, &f.Kind, &f.Size, &f.Hash, &f.TextNote, &f.TextState, &f.TextSource, &f.Position, at(&f.CreatedAt))
	return &f, found(err, congtin.KindDocumentFile)
}

// setText writes what reading a file gave.
func (t fileTable) setText(ctx context.Context, tx *Tx, siteID int64, f *congtin.DocumentFile) error {
	_, err := tx.Exec(ctx, `UPDATE `+t.table+` SET text = ?, text_note = ?, text_state = ?, text_source = ? WHERE id = ? AND site_id = ?`,
		f.Text, f.TextNote, f.TextState, f.TextSource, f.ID, siteID)
	return err
}

// write makes the stored files of a holder those of files: the stored
// ones it no longer lists removed, the new ones (no ID yet) added after
// the others, their IDs set.
func (t fileTable) write(ctx context.Context, tx *Tx, siteID, ownerID int64, files []*congtin.DocumentFile) error {
	var keep []int64
	for _, f := range files {
		if f.ID != 0 {
			keep = append(keep, f.ID)
		}
	}
	del, args := `DELETE FROM `+t.table+` WHERE `+t.owner+` = ?`, []any{ownerID}
	if len(keep) > 0 {
		del, args = del+` AND id NOT IN (`+placeholders(len(keep))+`)`, append(args, ids(keep)...)
	}
	if _, err := tx.Exec(ctx, del, args...); err != nil {
		return err
	}
	var pos int
	if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(position), 0) FROM `+t.table+` WHERE `+t.owner+` = ?`, ownerID).Scan(&pos); err != nil {
		return err
	}
	for _, f := range files {
		if f.ID != 0 {
			continue
		}
		pos++
		id, err := tx.insert(ctx, `INSERT INTO `+t.table+` (site_id, `+t.owner+`, name, kind, size, hash, text, text_note, text_state, text_source, position, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, siteID, ownerID, f.Name, f.Kind, f.Size, f.Hash, f.Text, f.TextNote, f.TextState, f.TextSource, pos, tx.now)
		if err != nil {
			return err
		}
		f.ID, f.DocumentID, f.Position, f.CreatedAt = id, ownerID, pos, tx.now
	}
	return nil
}
