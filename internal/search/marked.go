package search

import (
	"strings"
	"unsafe"
)

// A marked text holds an article's three fields, folded and exact, in
// one string the size of the exact forms alone: each token is its Exact
// spelling with the letters Exact adds to Fold (the Telex mark letters
// and the tone letter) in upper case, so that dropping the upper-case
// letters gives Fold and lowering them gives Exact ("đường": Fold
// "duong", Exact "dduwowngf", marked "dDuWoWngF"). Tokens are lower-case
// ASCII, so the upper case is free to carry this. Fields are separated by
// a line break. An index that keeps the text to rank its candidates
// stores this instead of both spellings, about half the bytes.

// Mark returns the marked text of fields.
func Mark(fields [3]Field) string {
	var b strings.Builder
	for i, f := range fields {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.Grow(len(f.Exact))
		folds, exacts := f.Fold, f.Exact
		for first := true; folds != "" || exacts != ""; first = false {
			var fw, ew string
			fw, folds = cut(folds)
			ew, exacts = cut(exacts)
			if !first {
				b.WriteByte(' ')
			}
			markToken(&b, fw, ew)
		}
	}
	return b.String()
}

// markToken writes one token: Fold is a subsequence of Exact (Exact only
// adds letters), and the letters not matched in order are marked, so that
// dropping the marked ones gives Fold whichever letters matched. A token
// where it is not (a word cut at the length cap mid-mark) is written as
// its Fold: it then ranks as if typed without diacritics.
func markToken(b *strings.Builder, fold, exact string) {
	if fold == exact {
		b.WriteString(fold)
		return
	}
	j := 0
	for i := 0; i < len(exact) && j < len(fold); i++ {
		if exact[i] == fold[j] {
			j++
		}
	}
	if j < len(fold) || !isLowerASCII(exact) {
		b.WriteString(fold)
		return
	}
	j = 0
	for i := 0; i < len(exact); i++ {
		c := exact[i]
		if j < len(fold) && c == fold[j] {
			j++
			b.WriteByte(c)
			continue
		}
		b.WriteByte(c - 'a' + 'A')
	}
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

func cut(s string) (string, string) {
	if k := strings.IndexByte(s, ' '); k >= 0 {
		return s[:k], s[k+1:]
	}
	return s, ""
}

// Unmark returns the fields of a marked text: always their Fold, and
// their Exact when exact is set (a query typed with diacritics; the
// others rank on Fold alone). A search unmarks every candidate's text,
// about a megabyte per query, so the loops are kept to what compiles
// tight: the bytes are [a-zA-Z0-9 ], and setting bit 0x20 lowers a
// letter and leaves the others as they are.
func Unmark(text string, exact bool) [3]Field {
	var out [3]Field
	for i := range out {
		f := text
		if k := strings.IndexByte(text, '\n'); k >= 0 && i < 2 {
			f, text = text[:k], text[k+1:]
		} else {
			text = ""
		}
		out[i].Fold = dropUpper(f)
		if exact {
			out[i].Exact = lowerASCII(f)
		}
	}
	return out
}

// The buffers are handed out as strings without a copy (unsafe.String):
// nothing writes to them after.
func dropUpper(s string) string {
	if s == "" {
		return s
	}
	b := make([]byte, len(s))
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		b[n] = c
		if c-'A' >= 26 {
			n++
		}
	}
	if n == len(s) {
		return s
	}
	return unsafe.String(&b[0], n)
}

func lowerASCII(s string) string {
	if s == "" {
		return s
	}
	b := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		b[i] = s[i] | 0x20
	}
	return unsafe.String(&b[0], len(b))
}
