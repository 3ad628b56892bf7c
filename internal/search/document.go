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

// NamesNumber reports whether a query holds a number ("115/KH-UBND",
// "115 kh ubnd", "2024"): in the documents register, a number, a year or
// a date is what identifies a document, so a search naming one is never
// relaxed to near matches: those would be other documents ("115/QĐ-UBND"
// for "115/KH-UBND", last year's plan for this year's). The digits of a
// run with other spellings ("Covid-19") are a name's, not a number.
func NamesNumber(q *Query) bool {
	ai := 0
	for i := 0; i < len(q.Terms); i++ {
		if ai < len(q.Alts) && q.Alts[ai].Start == i {
			i += q.Alts[ai].Len - 1
			ai++
			continue
		}
		if strings.ContainsAny(q.Terms[i].Fold, "0123456789") {
			return true
		}
	}
	return false
}
