package search

import (
	"strings"

	"github.com/congtin/congtin/internal/search/vn"
)

// DocumentFields returns the index fields of a register document: its
// number (split at its punctuation, so "115/KH-UBND" is found by "115 kh
// ubnd"), its summary, and everything else searchable (issuer, signer,
// type, field, the text of its attachments) as the third field. The texts
// are plain, not HTML.
func DocumentFields(number, summary string, rest ...string) [3]Field {
	var out [3]Field
	for i, text := range [3]string{number, summary, strings.Join(rest, "\n")} {
		out[i] = plainField(text)
	}
	return out
}

// NumberKey is a document number's folded tokens, space-separated: the
// form two spellings of one number share ("115/KH-UBND", "115 / kh–ubnd").
func NumberKey(number string) string { return plainField(number).Fold }

func plainField(text string) Field {
	toks := vn.Tokens(text, 0)
	var f, e strings.Builder
	for j, t := range toks {
		if j > 0 {
			f.WriteByte(' ')
			e.WriteByte(' ')
		}
		f.WriteString(t.Fold)
		e.WriteString(t.Exact)
	}
	return Field{Fold: f.String(), Exact: e.String()}
}
