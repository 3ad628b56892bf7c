package postgres

import (
	"strings"

	"github.com/congtin/congtin/internal/search"
)

// KeyMatch implements sqlstore.KeyIndexer over the keys' tsvector
// column; a phrase stands within one field, as the weights tell
// (phraseQuery).
func (dialect) KeyMatch(table, id string, q *search.Query) (string, any) {
	expr := strings.Join(q.Folds(), " & ")
	if q.Quoted {
		expr = phraseQuery(q.Folds())
	} else if len(q.Alts) > 0 {
		// Abbreviations and other spellings: any spelling of each run.
		expr = q.MatchExpr(keySyntax)
	}
	return `SELECT ` + id + ` FROM ` + table + ` WHERE doc @@ to_tsquery('simple', ?)`, expr
}

// keySyntax writes a query with alternative spellings as a tsquery over
// the keys' tsvector.
var keySyntax = search.Syntax{
	Word:   func(f string) string { return f },
	Phrase: func(fs []string) string { return "(" + strings.Join(fs, " <-> ") + ")" },
	And:    " & ",
	Or:     " | ",
}
