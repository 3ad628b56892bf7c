package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxPrefix bounds the folded prefix a suggestion looks up: no title is
// longer, and a pasted page of text must cost no more than a title.
const maxPrefix = 300

// TitlePrefix returns what a reader typed into the search box in the
// form article titles' keys are stored (the folded words, lowercase
// [a-z0-9], one space apart: IndexFields' title), for a lookup of the
// titles that start with it. Diacritics, NFD, đ and punctuation fold as
// they do in the index, so "Tiêm chủ", "tiem chu" and "TIÊM-CHỦ" give
// "tiem chu". A trailing space is kept, as the reader has finished the
// word: "an " must not suggest "ang". It returns "" when nothing
// searchable was typed (punctuation, an emoji, a lone accent).
func TitlePrefix(q string) string {
	q = strings.ToValidUTF8(q, " ")
	if len(q) > 4*maxPrefix {
		// Cut on a rune boundary before folding: the rest cannot fit.
		cut := 4 * maxPrefix
		for cut > 0 && !utf8.RuneStart(q[cut]) {
			cut--
		}
		q = q[:cut]
	}
	p := IndexFields(q, "", "")[0].Fold
	if p == "" {
		return ""
	}
	if len(p) > maxPrefix {
		// Cut anywhere: the last word may be partial, so no space follows.
		return strings.TrimRight(p[:maxPrefix], " ")
	}
	if r, _ := utf8.DecodeLastRuneInString(q); unicode.IsSpace(r) {
		p += " "
	}
	return p
}
