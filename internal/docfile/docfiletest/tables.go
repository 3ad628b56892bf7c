package docfiletest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// OpenDOCX opens a Word document with LibreOffice, as the staff member
// who downloads it does, and returns the document as LibreOffice reads
// it: converted to HTML and parsed. A file LibreOffice cannot read fails
// the test.
func OpenDOCX(t testing.TB, docx []byte) *html.Node {
	t.Helper()
	in := filepath.Join(t.TempDir(), "tai-lieu.docx")
	if err := os.WriteFile(in, docx, 0o600); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(ConvertWithLibreOffice(t, in, "html", "html"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// Table is a table of an HTML page: its header rows (in <thead>, which
// LibreOffice writes for the rows a document repeats on every page) and
// its other rows; each row is its cells' text, "\n" between lines.
type Table struct {
	Head, Body [][]string
}

// Tables returns the tables of a page, in order.
func Tables(doc *html.Node) []Table {
	var tables []Table
	for n := range doc.Descendants() {
		if n.DataAtom != atom.Table {
			continue
		}
		var tb Table
		for tr := range n.Descendants() {
			if tr.DataAtom != atom.Tr {
				continue
			}
			var row []string
			for td := tr.FirstChild; td != nil; td = td.NextSibling {
				if td.DataAtom == atom.Td || td.DataAtom == atom.Th {
					row = append(row, cellText(td))
				}
			}
			if tr.Parent != nil && tr.Parent.DataAtom == atom.Thead {
				tb.Head = append(tb.Head, row)
			} else {
				tb.Body = append(tb.Body, row)
			}
		}
		tables = append(tables, tb)
	}
	return tables
}

// cellText reads a cell as a reader sees it: white space collapsed (the
// HTML's own line wrapping is not the document's), a line break at each
// <br> and between paragraphs.
func cellText(td *html.Node) string {
	var b strings.Builder
	for n := range td.Descendants() {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(strings.Map(func(r rune) rune {
				if unicode.IsSpace(r) {
					return ' '
				}
				return r
			}, n.Data))
		case n.DataAtom == atom.Br || (n.DataAtom == atom.P && n.PrevSibling != nil):
			b.WriteString("\n")
		}
	}
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}
