package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin/internal/copydb"
	"github.com/congtin/congtin/internal/sqlstore"
)

// This file is the PostgreSQL side of `congtin copy-db` (package copydb):
// the tables as pg_catalog has them, read in one snapshot or written in
// one transaction.

var _ copydb.Store = (*DB)(nil)

// copySkipped are the tables of the schema a copy leaves out.
var copySkipped = map[string]string{
	// Compared by copydb, and filled by each database's own migrations.
	"migrations": "bookkeeping",
	// The change log tells the processes serving this database which
	// cached pages to drop, by an ID each of them follows; those IDs mean
	// nothing to a process serving the target, whose own triggers log the
	// copy as it is written (so a portal already running on the target
	// drops what it cached of the empty database).
	"changes": "change log",
	// Rebuilt on the target, inside the copy's transaction.
	"search_docs": "search index",
	// The documents register's index, likewise.
	"document_search": "search index",
	// The back office's search keys, likewise.
	"article_keys":  "search keys",
	"document_keys": "search keys",
}

// CopyID implements copydb.Store: the database's name and the time its
// server started, which two servers do not share to the microsecond. Host
// names and ports would not do: one server answers on several.
func (db *DB) CopyID(ctx context.Context) (string, error) {
	var name string
	var started time.Time
	if err := db.db.QueryRowContext(ctx, `SELECT current_database(), pg_postmaster_start_time()`).Scan(&name, &started); err != nil {
		return "", copyErr("identify", err)
	}
	return "postgres:" + name + "@" + started.UTC().Format(time.RFC3339Nano), nil
}

// CopySource implements copydb.Store: a read-only transaction at
// REPEATABLE READ, whose every query sees the snapshot of its first.
func (db *DB) CopySource(ctx context.Context) (copydb.Source, error) {
	tx, err := db.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return nil, copyErr("begin", err)
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM migrations`).Scan(&n); err != nil {
		tx.Rollback()
		return nil, copyErr("", err)
	}
	return &copySource{copyReader{sqlstore.CopyReader{Tx: tx, Name: "postgres"}}}, nil
}

// CopyTarget implements copydb.Store. The transaction takes the change
// log's lock first, as every write transaction of the store does (the
// dialect's BeginWrite), so that it never waits for that lock holding
// tables another writer needs: the triggers take it on the first category.
func (db *DB) CopyTarget(ctx context.Context) (copydb.Target, error) {
	tx, err := db.Begin(ctx)
	if err != nil {
		return nil, copyErr("begin", err)
	}
	return &copyTarget{copyReader: copyReader{sqlstore.CopyReader{Tx: tx.SQL(), Name: "postgres"}}, tx: tx}, nil
}

// copyReader reads the tables inside a transaction.
type copyReader struct {
	sqlstore.CopyReader
}

// Tables implements copydb.Reader: the ordinary tables of the current
// schema, in the order they were created, without copySkipped. Generated
// columns are left out: the target computes them.
func (r copyReader) Tables(ctx context.Context) ([]copydb.Table, error) {
	var tables []copydb.Table
	index := map[string]int{}
	rows, err := r.Tx.QueryContext(ctx, `SELECT cl.relname, a.attname, format_type(a.atttypid, a.atttypmod)
		FROM pg_class cl JOIN pg_attribute a ON a.attrelid = cl.oid
		WHERE cl.relnamespace = to_regnamespace(current_schema()) AND cl.relkind IN ('r', 'p')
			AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
		ORDER BY cl.oid, a.attnum`)
	if err != nil {
		return nil, copyErr("tables", err)
	}
	for rows.Next() {
		var table, col, typ string
		if err := rows.Scan(&table, &col, &typ); err != nil {
			rows.Close()
			return nil, copyErr("tables", err)
		}
		if _, skip := copySkipped[table]; skip {
			continue
		}
		var k copydb.Kind
		switch typ {
		case "bigint", "integer", "smallint":
			k = copydb.Integer
		case "text":
			k = copydb.Text
		case "boolean":
			k = copydb.Bool
		case "timestamp with time zone":
			k = copydb.Time
		default:
			rows.Close()
			return nil, fmt.Errorf("postgres: copy: column %s.%s has type %s, which copy-db cannot copy", table, col, typ)
		}
		i, ok := index[table]
		if !ok {
			i = len(tables)
			index[table] = i
			tables = append(tables, copydb.Table{Name: table})
		}
		tables[i].Columns = append(tables[i].Columns, copydb.Column{Name: col, Kind: k})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, copyErr("tables", err)
	}

	rows, err = r.Tx.QueryContext(ctx, `SELECT cl.relname, a.attname
		FROM pg_index i JOIN pg_class cl ON cl.oid = i.indrelid
		JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
		WHERE i.indisprimary AND cl.relnamespace = to_regnamespace(current_schema())
		ORDER BY cl.relname, array_position(i.indkey::int2[], a.attnum)`)
	if err != nil {
		return nil, copyErr("keys", err)
	}
	for rows.Next() {
		var table, col string
		if err := rows.Scan(&table, &col); err != nil {
			rows.Close()
			return nil, copyErr("keys", err)
		}
		if i, ok := index[table]; ok {
			tables[i].Key = append(tables[i].Key, col)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, copyErr("keys", err)
	}

	rows, err = r.Tx.QueryContext(ctx, `SELECT cl.relname, a.attname, rcl.relname, ra.attname
		FROM pg_constraint co
		JOIN pg_class cl ON cl.oid = co.conrelid
		JOIN pg_class rcl ON rcl.oid = co.confrelid
		CROSS JOIN LATERAL unnest(co.conkey, co.confkey) AS k (col, refcol)
		JOIN pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.col
		JOIN pg_attribute ra ON ra.attrelid = co.confrelid AND ra.attnum = k.refcol
		WHERE co.contype = 'f' AND cl.relnamespace = to_regnamespace(current_schema())
		ORDER BY cl.relname, co.conname, a.attnum`)
	if err != nil {
		return nil, copyErr("foreign keys", err)
	}
	defer rows.Close()
	for rows.Next() {
		var table string
		var fk copydb.ForeignKey
		if err := rows.Scan(&table, &fk.Column, &fk.Table, &fk.RefColumn); err != nil {
			return nil, copyErr("foreign keys", err)
		}
		if i, ok := index[table]; ok {
			tables[i].ForeignKeys = append(tables[i].ForeignKeys, fk)
		}
	}
	return tables, copyErr("foreign keys", rows.Err())
}

type copySource struct{ copyReader }

// Close implements copydb.Source.
func (s *copySource) Close() error { return s.Tx.Rollback() }

type copyTarget struct {
	copyReader
	tx *sqlstore.Tx
}

// Lock implements copydb.Target. EXCLUSIVE keeps every other writer out
// and lets readers (a portal serving the empty database) go on; the
// search table is locked as Reindex locks it.
func (t *copyTarget) Lock(ctx context.Context, tables []string) error {
	_, err := t.tx.SQL().ExecContext(ctx, `LOCK TABLE `+sqlstore.QuoteIdents(append(tables[:len(tables):len(tables)], "search_docs"))+` IN EXCLUSIVE MODE`)
	return copyErr("lock", err)
}

// Delete implements copydb.Target.
func (t *copyTarget) Delete(ctx context.Context, table string) error {
	_, err := t.tx.SQL().ExecContext(ctx, `DELETE FROM `+sqlstore.QuoteIdent(table))
	return copyErr("delete "+table, err)
}

// maxParams is how many parameters one statement may carry.
const maxParams = 65535

// Insert implements copydb.Target, as many rows per statement as the
// parameter limit allows: a statement per row would cost a round trip
// each.
func (t *copyTarget) Insert(ctx context.Context, table string, cols []string, rows [][]any) error {
	per := max(1, maxParams/len(cols))
	head := `INSERT INTO ` + sqlstore.QuoteIdent(table) + ` (` + sqlstore.QuoteIdents(cols) + `) VALUES `
	for len(rows) > 0 {
		n := min(per, len(rows))
		var b strings.Builder
		b.WriteString(head)
		args := make([]any, 0, n*len(cols))
		for i, row := range rows[:n] {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteByte('(')
			for j := range cols {
				if j > 0 {
					b.WriteString(", ")
				}
				b.WriteString("$" + strconv.Itoa(len(args)+1))
				args = append(args, row[j])
			}
			b.WriteByte(')')
		}
		if _, err := t.tx.SQL().ExecContext(ctx, b.String(), args...); err != nil {
			return copyErr("insert "+table, err)
		}
		rows = rows[n:]
	}
	return nil
}

// Finish implements copydb.Target: it moves each identity column's
// sequence to the highest copied ID (rows were inserted with their IDs, so
// the sequences have not moved), then builds the search index as Reindex
// does, inside the copy's transaction so that the copy is searchable the
// moment it is committed.
func (t *copyTarget) Finish(ctx context.Context) (int, error) {
	tx := t.tx.SQL()
	rows, err := tx.QueryContext(ctx, `SELECT cl.relname, a.attname
		FROM pg_attribute a JOIN pg_class cl ON cl.oid = a.attrelid
		WHERE cl.relnamespace = to_regnamespace(current_schema()) AND cl.relkind IN ('r', 'p')
			AND a.attnum > 0 AND NOT a.attisdropped AND a.attidentity <> ''
		ORDER BY cl.oid`)
	if err != nil {
		return 0, copyErr("identities", err)
	}
	var idents [][2]string
	for rows.Next() {
		var table, col string
		if err := rows.Scan(&table, &col); err != nil {
			rows.Close()
			return 0, copyErr("identities", err)
		}
		if _, skip := copySkipped[table]; !skip {
			idents = append(idents, [2]string{table, col})
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, copyErr("identities", err)
	}
	for _, id := range idents {
		// An empty table keeps its sequence where it is.
		if _, err := tx.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence($1, $2), m)
			FROM (SELECT MAX(`+sqlstore.QuoteIdent(id[1])+`) AS m FROM `+sqlstore.QuoteIdent(id[0])+`) AS s WHERE m IS NOT NULL`,
			sqlstore.QuoteIdent(id[0]), id[1]); err != nil {
			return 0, copyErr("sequence of "+id[0], err)
		}
	}

	n, err := t.tx.ReindexAll(ctx)
	if err != nil {
		return 0, copyErr("index", err)
	}
	return n, nil
}

// Commit implements copydb.Target.
func (t *copyTarget) Commit() error { return copyErr("commit", t.tx.SQL().Commit()) }

// Rollback implements copydb.Target; after Commit it does nothing.
func (t *copyTarget) Rollback() error {
	if err := t.tx.Rollback(); err != nil && !errors.Is(err, sql.ErrTxDone) {
		return copyErr("rollback", err)
	}
	return nil
}

// copyErr prefixes an error of the copy. Unlike wrap it keeps
// PostgreSQL's own message: a unique violation here is no user's edit to
// retry but a fault in the data copied, for the administrator to read.
func copyErr(op string, err error) error {
	if err == nil {
		return nil
	}
	if op == "" {
		return fmt.Errorf("postgres: copy: %w", err)
	}
	return fmt.Errorf("postgres: copy: %s: %w", op, err)
}
