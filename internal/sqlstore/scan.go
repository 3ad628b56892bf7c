package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/congtin/congtin"
)

// scanner is a *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

// list runs a query on c and scans every row with scan.
func list[T any](ctx context.Context, c conn, scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := c.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// found maps a missing row to the not-found error of kind k.
func found(err error, k congtin.Kind) error {
	if errors.Is(err, sql.ErrNoRows) {
		return congtin.NotFound(k)
	}
	return err
}

// at scans a stored time into t: Unix seconds (SQLite) or a timestamp
// (PostgreSQL), returned in UTC; NULL is the zero time.
func at(t *time.Time) sql.Scanner { return timeDest{t} }

type timeDest struct{ t *time.Time }

func (d timeDest) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		*d.t = time.Time{}
	case int64:
		*d.t = time.Unix(x, 0).UTC()
	case time.Time:
		*d.t = x.UTC()
	default:
		return fmt.Errorf("sqlstore: cannot scan %T as a time", v)
	}
	return nil
}

// nullTime stores the zero time as NULL.
func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

// nullID stores the ID 0 (none) as NULL, for optional foreign keys.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// placeholders returns n comma-separated placeholders, for IN (…).
func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?,", n), ",") }

// ids converts IDs to arguments.
func ids(v []int64) []any { return anys(v) }

// anys converts values to query arguments.
func anys[T any](v []T) []any {
	out := make([]any, len(v))
	for i, x := range v {
		out[i] = x
	}
	return out
}

// where builds a WHERE clause from conditions and their arguments, in
// order: only values are bound, never formatted into the query.
type where struct {
	conds []string
	args  []any
}

// add appends a condition whose ? placeholders take args in order.
func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

// String returns the conditions joined with AND.
func (w *where) String() string { return strings.Join(w.conds, " AND ") }

// noLimit is LIMIT's argument for "all rows": both databases take a
// number, and this one is larger than any table.
const noLimit = int64(1<<63 - 1)

// limit is a list's LIMIT: def when n is 0 or less.
func limit(n, def int) int {
	if n <= 0 {
		return def
	}
	return n
}

// clean makes text storable in either database: invalid UTF-8 and NUL
// bytes become U+FFFD. Records of events (a sign-in name, an address)
// come straight from requests, and must be written whatever they carry.
func clean(s string) string {
	if utf8.ValidString(s) && !strings.ContainsRune(s, 0) {
		return s
	}
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "\uFFFD")
}
