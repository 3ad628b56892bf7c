package postgres

import (
	"strconv"
	"strings"
)

// where builds a WHERE clause: conditions joined by AND, each with its
// placeholder numbered after the arguments so far. (The articles' queries
// have moved to package sqlstore; what is left of this package's own
// queries still uses it.)
type where struct {
	conds []string
	args  []any
}

// add appends a condition whose "?" placeholders take args in order.
func (w *where) add(cond string, args ...any) {
	var b strings.Builder
	for _, a := range args {
		i := strings.IndexByte(cond, '?')
		w.args = append(w.args, a)
		b.WriteString(cond[:i] + "$" + strconv.Itoa(len(w.args)))
		cond = cond[i+1:]
	}
	b.WriteString(cond)
	w.conds = append(w.conds, b.String())
}

// String returns the conditions joined with AND.
func (w *where) String() string { return strings.Join(w.conds, " AND ") }

// next returns the placeholder for the argument after the conditions',
// plus k.
func (w *where) next(k int) string { return "$" + strconv.Itoa(len(w.args)+1+k) }
