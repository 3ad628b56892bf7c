package sqlite

import (
	"context"
	"strings"

	"github.com/congtin/congtin/internal/search"
	"github.com/congtin/congtin/internal/sqlstore"
)

// The documents register's index is the FTS5 table document_index, whose
// rowid is the document's id (migrations/0009_documents.sql).

// IndexDocument implements sqlstore.DocumentIndexer.
func (*dialect) IndexDocument(ctx context.Context, tx *sqlstore.Tx, id int64, f [3]search.Field) error {
	if _, err := tx.Exec(ctx, `DELETE FROM document_index WHERE rowid = ?`, id); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `INSERT INTO document_index (rowid, number_f, summary_f, body_f, number_e, summary_e, body_e) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		id, f[0].Fold, f[1].Fold, f[2].Fold, f[0].Exact, f[1].Exact, f[2].Exact)
	return err
}

// UnindexDocument implements sqlstore.DocumentIndexer.
func (*dialect) UnindexDocument(ctx context.Context, tx *sqlstore.Tx, id int64) error {
	if id == 0 {
		_, err := tx.Exec(ctx, `DELETE FROM document_index`)
		return err
	}
	_, err := tx.Exec(ctx, `DELETE FROM document_index WHERE rowid = ?`, id)
	return err
}

// DocumentIndexJoin implements sqlstore.DocumentIndexer. CROSS JOIN keeps
// the documents as the outer loop: each is looked up in the index by its
// rowid.
func (*dialect) DocumentIndexJoin() string { return `CROSS JOIN document_index s ON s.rowid = d.id` }

// DocumentMatch implements sqlstore.DocumentIndexer. Every word, a run
// with other spellings ("UBND", "Ủy ban nhân dân") as an OR of them.
func (*dialect) DocumentMatch(q *search.Query) (string, any) {
	match := "{number_f summary_f body_f} : (" + q.MatchExpr(ftsSyntax) + ")"
	if q.Quoted {
		match = "{number_f summary_f body_f} : \"" + strings.Join(q.Folds(), " ") + "\""
	}
	return "d.id IN (SELECT rowid FROM document_index WHERE document_index MATCH ?)", match
}
