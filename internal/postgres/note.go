package postgres

import (
	"context"

	"github.com/congtin/congtin"
)

// queryNotes runs a query on one of the workflow note tables (notes,
// document_notes, question_notes: the same columns, each keyed by its own
// owner) and returns the notes. The caller passes the whole query, which
// selects in order: id, the owner's id, user_name, action, status,
// comment, created_at. The owner's id lands in Note.ArticleID.
func (db *DB) queryNotes(ctx context.Context, query string, args ...any) ([]*congtin.Note, error) {
	rows, err := db.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*congtin.Note
	for rows.Next() {
		var n congtin.Note
		if err := rows.Scan(&n.ID, &n.Item.ID, &n.UserName, &n.Action, &n.Status, &n.Comment, &n.CreatedAt); err != nil {
			return nil, err
		}
		n.CreatedAt = fromTS(n.CreatedAt)
		out = append(out, &n)
	}
	return out, rows.Err()
}
