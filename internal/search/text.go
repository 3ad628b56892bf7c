// Package search holds what every search engine of congtin shares: the
// plain text of an article, the parsed query, the ranking that orders a
// store's candidates, and the highlighted snippet. The stores find
// candidates with their own engines (FTS5, PostgreSQL); the order and the
// snippets come from here, so both behave the same.
package search

import (
	"strings"

	"github.com/congtin/congtin/internal/search/vn"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// PlainText returns the readable text of an HTML body: block elements end
// with a line break, images give their alt text, scripts and styles give
// nothing.
func PlainText(body string) string {
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(body))
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.TrimSpace(b.String())
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch atom.Lookup(name) {
			case atom.Script, atom.Style, atom.Template, atom.Noscript:
				skip++
			case atom.Img:
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					if string(k) == "alt" && len(v) > 0 {
						b.WriteString(" " + string(v) + " ")
					}
				}
			case atom.Br, atom.Td, atom.Th:
				b.WriteByte(' ')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch atom.Lookup(name) {
			case atom.Script, atom.Style, atom.Template, atom.Noscript:
				if skip > 0 {
					skip--
				}
			case atom.P, atom.Div, atom.Li, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
				atom.Tr, atom.Figcaption, atom.Blockquote, atom.Pre, atom.Table:
				b.WriteByte('\n')
			}
		}
	}
}

// IndexFields returns the folded and exact token strings of an article's
// title, lead and body (HTML), as the index stores them.
func IndexFields(title, lead, body string) [3]Field {
	var out [3]Field
	for i, text := range [3]string{title, lead, PlainText(body)} {
		toks := vn.Tokens(text, 0)
		var f, e strings.Builder
		f.Grow(len(text))
		e.Grow(len(text) + len(text)/4)
		for j, t := range toks {
			if j > 0 {
				f.WriteByte(' ')
				e.WriteByte(' ')
			}
			f.WriteString(t.Fold)
			e.WriteString(t.Exact)
		}
		out[i] = Field{Fold: f.String(), Exact: e.String()}
	}
	return out
}

// Pairs returns the neighbouring syllable pairs of folded token strings,
// as index tokens: "an ninh trat tu" → "an_ninh ninh_trat trat_tu". Pairs
// do not cross fields.
func Pairs(fields ...string) string {
	var b strings.Builder
	for _, f := range fields {
		words := strings.Fields(f)
		for i := 0; i+1 < len(words); i++ {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[i])
			b.WriteByte('_')
			b.WriteString(words[i+1])
		}
	}
	return b.String()
}
