package sqlite

import (
	"strings"

	"github.com/congtin/congtin/internal/search"
)

// KeyMatch implements sqlstore.KeyIndexer over the FTS5 table that
// indexes a keys' table (table_index, kept by the migration's triggers).
// FTS5 matches a phrase within one column, never from the title into the
// lead.
func (*dialect) KeyMatch(table, _ string, q *search.Query) (string, any) {
	folds := q.Folds()
	expr := `"` + strings.Join(folds, `" AND "`) + `"`
	if q.Quoted {
		expr = `"` + strings.Join(folds, " ") + `"`
	}
	index := table + "_index"
	return `SELECT rowid FROM ` + index + ` WHERE ` + index + ` MATCH ?`, expr
}
