package postgres

import (
	"context"

	"github.com/congtin/congtin/internal/search"
	"github.com/congtin/congtin/internal/sqlstore"
)

// The documents register's index is the table document_search, whose doc
// column PostgreSQL computes from the folded fields
// (migrations/0009_documents.sql).

// IndexDocument implements sqlstore.DocumentIndexer.
func (dialect) IndexDocument(ctx context.Context, tx *sqlstore.Tx, id int64, f [3]search.Field) error {
	_, err := tx.Exec(ctx, `INSERT INTO document_search (document_id, number_f, summary_f, body_f, number_e, summary_e, body_e) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (document_id) DO UPDATE SET number_f = excluded.number_f, summary_f = excluded.summary_f, body_f = excluded.body_f,
			number_e = excluded.number_e, summary_e = excluded.summary_e, body_e = excluded.body_e`,
		id, f[0].Fold, f[1].Fold, f[2].Fold, f[0].Exact, f[1].Exact, f[2].Exact)
	return err
}

// UnindexDocument implements sqlstore.DocumentIndexer.
func (dialect) UnindexDocument(ctx context.Context, tx *sqlstore.Tx, id int64) error {
	if id == 0 {
		_, err := tx.Exec(ctx, `DELETE FROM document_search`)
		return err
	}
	_, err := tx.Exec(ctx, `DELETE FROM document_search WHERE document_id = ?`, id)
	return err
}

// DocumentIndexJoin implements sqlstore.DocumentIndexer.
func (dialect) DocumentIndexJoin() string { return `JOIN document_search s ON s.document_id = d.id` }

// DocumentMatch implements sqlstore.DocumentIndexer. Tokens are [a-z0-9]+
// by construction: nothing a reader types reaches tsquery's syntax. A run
// with other spellings ("UBND", "Ủy ban nhân dân") is an OR of them.
func (dialect) DocumentMatch(q *search.Query) (string, any) {
	match := q.MatchExpr(tsSyntax)
	if q.Quoted {
		match = phraseQuery(q.Folds())
	}
	return "d.id IN (SELECT document_id FROM document_search WHERE doc @@ to_tsquery('simple', ?))", match
}
