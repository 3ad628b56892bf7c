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
	}
	return `SELECT ` + id + ` FROM ` + table + ` WHERE doc @@ to_tsquery('simple', ?)`, expr
}
