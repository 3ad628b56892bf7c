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
	} else if len(q.Alts) > 0 {
		// Abbreviations and other spellings: any spelling of each run.
		expr = q.MatchExpr(keySyntax)
	}
	index := table + "_index"
	return `SELECT rowid FROM ` + index + ` WHERE ` + index + ` MATCH ?`, expr
}

// keySyntax writes a query with alternative spellings for the keys'
// FTS5 tables; folded words are [a-z0-9] only, safe in quotes.
var keySyntax = search.Syntax{
	Word:   func(f string) string { return `"` + f + `"` },
	Phrase: func(fs []string) string { return `"` + strings.Join(fs, " ") + `"` },
	And:    " AND ",
	Or:     " OR ",
}
