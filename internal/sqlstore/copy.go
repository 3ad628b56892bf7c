package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/congtin/congtin/internal/copydb"
)

// CopyReader is what both databases read alike for copy-db (package
// copydb), inside one transaction: the migrations applied, a table's count
// and its rows. The catalogue (copydb.Reader's Tables) and the writes are
// each dialect's own.
type CopyReader struct {
	Tx *sql.Tx
	// Name is the database's name in errors: "sqlite", "postgres".
	Name string
	// NoKeyOrder orders the rows of a table without a primary key
	// ("rowid" on SQLite); "" leaves them in the database's order.
	NoKeyOrder string
}

// Err prefixes an error of the copy with the database and the step.
func (r CopyReader) Err(op string, err error) error {
	if err == nil {
		return nil
	}
	if op == "" {
		return fmt.Errorf("%s: copy: %w", r.Name, err)
	}
	return fmt.Errorf("%s: copy: %s: %w", r.Name, op, err)
}

// Migrations implements copydb.Reader.
func (r CopyReader) Migrations(ctx context.Context) ([]string, error) {
	rows, err := r.Tx.QueryContext(ctx, `SELECT name FROM migrations ORDER BY name`)
	if err != nil {
		return nil, r.Err("migrations", err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, r.Err("migrations", err)
		}
		names = append(names, n)
	}
	return names, r.Err("migrations", rows.Err())
}

// Count implements copydb.Reader.
func (r CopyReader) Count(ctx context.Context, table string) (int64, error) {
	var n int64
	if err := r.Tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+QuoteIdent(table)).Scan(&n); err != nil {
		return 0, r.Err("count "+table, err)
	}
	return n, nil
}

// Rows implements copydb.Reader: the columns' values as the database
// gives them (int64, string, and on PostgreSQL bool and time.Time, in
// UTC), in the order of the key.
func (r CopyReader) Rows(ctx context.Context, t copydb.Table, cols []string, fn func([]any) error) error {
	table := t.Name
	q := `SELECT ` + QuoteIdents(cols) + ` FROM ` + QuoteIdent(table)
	if len(t.Key) > 0 {
		q += ` ORDER BY ` + QuoteIdents(t.Key)
	} else if r.NoKeyOrder != "" {
		q += ` ORDER BY ` + r.NoKeyOrder
	}
	rows, err := r.Tx.QueryContext(ctx, q)
	if err != nil {
		return r.Err("read "+table, err)
	}
	defer rows.Close()
	for rows.Next() {
		row := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range row {
			ptrs[i] = &row[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return r.Err("read "+table, err)
		}
		for i, v := range row {
			if tm, ok := v.(time.Time); ok {
				row[i] = tm.UTC()
			}
		}
		if err := fn(row); err != nil {
			return err
		}
	}
	return r.Err("read "+table, rows.Err())
}

// QuoteIdent quotes a table or column name from the catalogue, as both
// databases quote identifiers.
func QuoteIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// QuoteIdents quotes names and joins them with commas.
func QuoteIdents(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = QuoteIdent(n)
	}
	return strings.Join(q, ", ")
}
