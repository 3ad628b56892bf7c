package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"

	"github.com/congtin/congtin/internal/copydb"
	"github.com/congtin/congtin/internal/sqlstore"
)

// This file is the SQLite side of `congtin copy-db` (package copydb): the
// tables as sqlite_master has them, read in one snapshot or written in
// one transaction.

var _ copydb.Store = (*DB)(nil)

// copySkipped are the tables of the schema a copy leaves out. The search
// index's FTS5 table (search_terms and its shadow tables) is virtual and
// is left out by kind; it is rebuilt on the target, with its ranking text.
var copySkipped = map[string]string{
	"search_text": "search index",
	// Compared by copydb, and filled by each database's own migrations.
	"migrations": "bookkeeping",
	// The change log tells the processes serving this database which
	// cached pages to drop, by an ID each of them follows; those IDs mean
	// nothing to a process serving the target, whose own triggers log the
	// copy as it is written (so a portal already running on the target
	// drops what it cached of the empty database).
	"changes": "change log",
	// The back office's search keys are derived from the articles and
	// documents, and written again on the target (Finish); their FTS5
	// indexes follow by their triggers.
	"article_keys":  "search keys",
	"document_keys": "search keys",
}

// CopyID implements copydb.Store: the database file's absolute path, links
// resolved.
func (db *DB) CopyID(ctx context.Context) (string, error) {
	if db.path == ":memory:" {
		return fmt.Sprintf("sqlite::memory:%p", db), nil
	}
	p, err := filepath.Abs(db.path)
	if err != nil {
		return "", fmt.Errorf("sqlite: %w", err)
	}
	if r, err := filepath.EvalSymlinks(p); err == nil {
		p = r
	}
	return "sqlite:" + p, nil
}

// CopySource implements copydb.Store. A read transaction in WAL mode sees
// the database as it was at its first read, while the portal, if it runs,
// goes on writing.
func (db *DB) CopySource(ctx context.Context) (copydb.Source, error) {
	// ReadOnly makes the driver begin a deferred transaction rather than
	// take the write lock (_txlock=immediate).
	tx, err := db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("sqlite: copy: begin: %w", err)
	}
	// The snapshot starts with the first read.
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM migrations`).Scan(&n); err != nil {
		tx.Rollback()
		return nil, fmt.Errorf("sqlite: copy: %w", err)
	}
	return &copySource{copyReader{sqlstore.CopyReader{Tx: tx, Name: "sqlite", NoKeyOrder: "rowid"}}}, nil
}

// CopyTarget implements copydb.Store. The transaction holds SQLite's write
// lock from its start: no other writer until it ends.
func (db *DB) CopyTarget(ctx context.Context) (copydb.Target, error) {
	tx, err := db.Begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("sqlite: copy: begin: %w", err)
	}
	return &copyTarget{copyReader: copyReader{sqlstore.CopyReader{Tx: tx.SQL(), Name: "sqlite", NoKeyOrder: "rowid"}}, tx: tx}, nil
}

// copyReader reads the tables inside a transaction.
type copyReader struct {
	sqlstore.CopyReader
}

// Tables implements copydb.Reader: the ordinary tables of the main
// database, in the order they were created, without SQLite's own
// (sqlite_*), the virtual search tables and their shadow tables, and
// copySkipped.
func (r copyReader) Tables(ctx context.Context) ([]copydb.Table, error) {
	rows, err := r.Tx.QueryContext(ctx, `SELECT m.name FROM sqlite_master m
		JOIN pragma_table_list t ON t.schema = 'main' AND t.name = m.name
		WHERE m.type = 'table' AND t.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
		ORDER BY m.rowid`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: copy: tables: %w", err)
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return nil, err
		}
		if _, skip := copySkipped[n]; !skip {
			names = append(names, n)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var tables []copydb.Table
	for _, n := range names {
		t, err := r.table(ctx, n)
		if err != nil {
			return nil, fmt.Errorf("sqlite: copy: table %s: %w", n, err)
		}
		tables = append(tables, t)
	}
	return tables, nil
}

// table describes one table from PRAGMA table_info and foreign_key_list.
func (r copyReader) table(ctx context.Context, name string) (copydb.Table, error) {
	t := copydb.Table{Name: name}
	rows, err := r.Tx.QueryContext(ctx, `SELECT name, upper(type), pk FROM pragma_table_info(?) ORDER BY cid`, name)
	if err != nil {
		return t, err
	}
	keys := map[int]string{}
	for rows.Next() {
		var col, typ string
		var pk int
		if err := rows.Scan(&col, &typ, &pk); err != nil {
			rows.Close()
			return t, err
		}
		var k copydb.Kind
		switch typ {
		case "INTEGER":
			k = copydb.Integer
		case "TEXT":
			k = copydb.Text
		default:
			rows.Close()
			return t, fmt.Errorf("column %s has type %q, which copy-db cannot copy", col, typ)
		}
		t.Columns = append(t.Columns, copydb.Column{Name: col, Kind: k})
		if pk > 0 {
			keys[pk] = col
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return t, err
	}
	for i := 1; i <= len(keys); i++ {
		t.Key = append(t.Key, keys[i])
	}
	rows, err = r.Tx.QueryContext(ctx, `SELECT "table", "from", "to" FROM pragma_foreign_key_list(?) ORDER BY id, seq`, name)
	if err != nil {
		return t, err
	}
	defer rows.Close()
	for rows.Next() {
		var fk copydb.ForeignKey
		var to sql.NullString
		if err := rows.Scan(&fk.Table, &fk.Column, &to); err != nil {
			return t, err
		}
		// Without a column named, a foreign key refers to the primary
		// key; every one in the schema names it.
		if !to.Valid {
			return t, fmt.Errorf("foreign key %s → %s names no column", fk.Column, fk.Table)
		}
		fk.RefColumn = to.String
		t.ForeignKeys = append(t.ForeignKeys, fk)
	}
	return t, rows.Err()
}

type copySource struct{ copyReader }

// Close implements copydb.Source.
func (s *copySource) Close() error { return s.Tx.Rollback() }

type copyTarget struct {
	copyReader
	tx *sqlstore.Tx
}

// Lock implements copydb.Target: the transaction has held SQLite's one
// write lock since it began.
func (t *copyTarget) Lock(ctx context.Context, tables []string) error { return nil }

// Delete implements copydb.Target.
func (t *copyTarget) Delete(ctx context.Context, table string) error {
	if _, err := t.tx.Exec(ctx, `DELETE FROM `+sqlstore.QuoteIdent(table)); err != nil {
		return fmt.Errorf("sqlite: copy: delete %s: %w", table, err)
	}
	return nil
}

// Insert implements copydb.Target, one prepared statement per batch: SQLite
// runs in this process, so a row per call costs no round trip.
func (t *copyTarget) Insert(ctx context.Context, table string, cols []string, rows [][]any) error {
	stmt, err := t.tx.SQL().PrepareContext(ctx, `INSERT INTO `+sqlstore.QuoteIdent(table)+` (`+sqlstore.QuoteIdents(cols)+`) VALUES (`+placeholders(len(cols))+`)`)
	if err != nil {
		return fmt.Errorf("sqlite: copy: insert %s: %w", table, err)
	}
	defer stmt.Close()
	for _, row := range rows {
		if _, err := stmt.ExecContext(ctx, row...); err != nil {
			return fmt.Errorf("sqlite: copy: insert %s: %w", table, err)
		}
	}
	return nil
}

// Finish implements copydb.Target. SQLite gives a new row the highest ID
// plus one, so only the search index needs building: the same as
// Reindex, inside the copy's transaction so that the copy is searchable
// the moment it is committed.
func (t *copyTarget) Finish(ctx context.Context) (int, error) {
	n, err := t.tx.ReindexAll(ctx)
	if err != nil {
		return 0, fmt.Errorf("sqlite: copy: index: %w", err)
	}
	return n, nil
}

// Commit implements copydb.Target.
func (t *copyTarget) Commit() error { return t.tx.Commit() }

// Rollback implements copydb.Target; after Commit it does nothing.
func (t *copyTarget) Rollback() error {
	if err := t.tx.Rollback(); err != nil && err != sql.ErrTxDone {
		return err
	}
	return nil
}
