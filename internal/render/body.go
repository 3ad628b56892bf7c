package render

import (
	"html/template"
	"io"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// Body marks an article body as safe HTML for a page. Bodies are sanitized
// by package sanitize before they are stored, and only bodies go through
// here.
//
// Each table is put in a box of its own that scrolls sideways, so that a
// table wider than a phone scrolls by itself instead of the whole page
// (WCAG 1.4.10, reflow). The box is a named region, for screen readers,
// and site.js lets it take the keyboard focus when it scrolls. This is
// done when the page is drawn, not when the body is stored, so that the
// editor and the revisions keep the editor's own HTML.
func Body(s string) template.HTML {
	if !strings.Contains(s, "<table") {
		return template.HTML(s)
	}
	var b strings.Builder
	b.Grow(len(s) + 256)
	z := html.NewTokenizer(strings.NewReader(s))
	n, open := 0, 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				// The tokenizer reads from memory: this cannot happen. Show
				// the body as it is rather than half of it.
				return template.HTML(s)
			}
			return template.HTML(b.String())
		}
		name, _ := z.TagName()
		isTable := string(name) == "table"
		if tt == html.StartTagToken && isTable {
			n++
			open++
			b.WriteString(`<div class="table-wrap" role="region" aria-label="Bảng ` + strconv.Itoa(n) + `">`)
		}
		b.Write(z.Raw())
		// The sanitizer does not balance tags: a stray </table> gets no
		// </div>, which would close an element of the page around the body.
		if tt == html.EndTagToken && isTable && open > 0 {
			open--
			b.WriteString(`</div>`)
		}
	}
}
