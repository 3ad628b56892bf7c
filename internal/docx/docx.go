// Package docx writes small Word documents (WordprocessingML, ECMA-376
// transitional): headings, paragraphs and bordered tables, on an A4 page
// set in Times New Roman 13 pt, the type Vietnamese administrative
// documents use (Nghị định 30/2020/NĐ-CP). It is what the back office's
// exports need and nothing more: no images, lists, fields or numbering.
//
// The package writes only the parts Word and LibreOffice require, with
// archive/zip and encoding/xml, so that an export needs no template file
// and no third-party library.
package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Page sizes and margins, in twentieths of a point (twips): 1 mm is
// about 56.7 twips.
const (
	a4Short = 11906 // 210 mm
	a4Long  = 16838 // 297 mm
	// Nghị định 30 asks for 20–25 mm at the top and bottom, 30–35 mm on
	// the left (binding) and 15–20 mm on the right of a portrait page.
	marginTop    = 1134 // 20 mm
	marginBottom = 1134
	marginLeft   = 1701 // 30 mm
	marginRight  = 1134
	// A landscape page is bound on its short side: 20 mm all round
	// leaves the widest table.
	marginLandscape = 1134
)

// Document is a Word document being built: calls to Heading, Paragraph
// and Table append to its body, in order; WriteTo writes the file. The
// zero value is an empty portrait document.
type Document struct {
	// Title and Creator go to the file's properties (docProps/core.xml),
	// which file managers and Word's "Properties" show.
	Title   string
	Creator string
	// Created is the file's creation time, given by the caller so that
	// the same input makes the same bytes.
	Created time.Time
	// Landscape turns the page: a wide table reads better across.
	Landscape bool

	body bytes.Buffer
}

// Width returns the width of the page's text area in twips: what a table
// spanning the page has to share among its columns.
func (d *Document) Width() int {
	if d.Landscape {
		return a4Long - 2*marginLandscape
	}
	return a4Short - marginLeft - marginRight
}

// Heading appends a heading of level 1 (the document's title, centred)
// to 3. Other levels are brought into that range.
func (d *Document) Heading(level int, text string) {
	level = min(max(level, 1), 3)
	d.body.WriteString(`<w:p><w:pPr><w:pStyle w:val="Heading` + strconv.Itoa(level) + `"/></w:pPr>`)
	run(&d.body, text, false)
	d.body.WriteString(`</w:p>`)
}

// Paragraph appends a paragraph of text; each "\n" in it is a line break
// within the paragraph.
func (d *Document) Paragraph(text string) {
	d.body.WriteString(`<w:p>`)
	run(&d.body, text, false)
	d.body.WriteString(`</w:p>`)
}

// Table appends a bordered table spanning widths' sum (in twips; see
// Width). header, when not empty, is its first row, in bold and repeated
// at the top of every page the table runs over. Each row of rows has one
// cell per column, shorter rows being padded with empty cells; a row of
// exactly one cell spans every column, in bold on a grey ground: a
// group's heading. A cell's "\n" are line breaks. Table panics when a row
// has more cells than widths has columns, which is a programming error.
func (d *Document) Table(widths []int, header []string, rows [][]string) {
	total := 0
	d.body.WriteString(`<w:tbl><w:tblPr>`)
	for _, w := range widths {
		total += w
	}
	// A fixed layout keeps the widths asked for, whatever the cells hold.
	fmt.Fprintf(&d.body, `<w:tblW w:w="%d" w:type="dxa"/><w:tblBorders>`, total)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		d.body.WriteString(`<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
	}
	d.body.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/>` +
		`<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>` +
		`</w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		fmt.Fprintf(&d.body, `<w:gridCol w:w="%d"/>`, w)
	}
	d.body.WriteString(`</w:tblGrid>`)
	if len(header) > 0 {
		d.row(widths, header, true)
	}
	for _, r := range rows {
		if len(r) == 1 && len(widths) > 1 {
			d.body.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr>`)
			fmt.Fprintf(&d.body, `<w:tcW w:w="%d" w:type="dxa"/><w:gridSpan w:val="%d"/>`, total, len(widths))
			d.body.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/></w:tcPr>`)
			// Kept with the next row: a group's heading never ends a page.
			d.body.WriteString(`<w:p><w:pPr><w:pStyle w:val="TableText"/><w:keepNext/></w:pPr>`)
			run(&d.body, r[0], true)
			d.body.WriteString(`</w:p></w:tc></w:tr>`)
			continue
		}
		d.row(widths, r, false)
	}
	d.body.WriteString(`</w:tbl>`)
	// Word merges a table with one that follows it directly, and a
	// document may not end with a table: an empty paragraph ends it.
	d.body.WriteString(`<w:p/>`)
}

// row writes a table row of one cell per column; a header row is bold,
// shaded and repeated on each page.
func (d *Document) row(widths []int, cells []string, header bool) {
	if len(cells) > len(widths) {
		panic(fmt.Sprintf("docx: a row of %d cells in a table of %d columns", len(cells), len(widths)))
	}
	d.body.WriteString(`<w:tr>`)
	if header {
		d.body.WriteString(`<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`)
	}
	for i, w := range widths {
		fmt.Fprintf(&d.body, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, w)
		if header {
			d.body.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>`)
		}
		d.body.WriteString(`</w:tcPr>`)
		text := ""
		if i < len(cells) {
			text = cells[i]
		}
		cell(&d.body, text, header)
		d.body.WriteString(`</w:tc>`)
	}
	d.body.WriteString(`</w:tr>`)
}

// cell writes a cell's one paragraph (every cell must hold one), in the
// tighter style of table text.
func cell(b *bytes.Buffer, text string, bold bool) {
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr>`)
	run(b, text, bold)
	b.WriteString(`</w:p>`)
}

// run writes text as one run: "\n" (or "\r\n", "\r") as <w:br/>, a tab as
// <w:tab/>, the rest escaped by Text.
func run(b *bytes.Buffer, text string, bold bool) {
	b.WriteString(`<w:r>`)
	if bold {
		b.WriteString(`<w:rPr><w:b/><w:bCs/></w:rPr>`)
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString(`<w:br/>`)
		}
		for j, part := range strings.Split(line, "\t") {
			if j > 0 {
				b.WriteString(`<w:tab/>`)
			}
			if part != "" {
				// xml:space keeps the spaces at either end of the text.
				b.WriteString(`<w:t xml:space="preserve">`)
				b.WriteString(Text(part))
				b.WriteString(`</w:t>`)
			}
		}
	}
	b.WriteString(`</w:r>`)
}

// Text returns s escaped for XML character data, in Unicode's composed
// form (NFC: the form Vietnamese is searched and compared in), without the
// characters XML 1.0 does not allow (control characters other than tab,
// line feed and carriage return, U+FFFE, U+FFFF, surrogates) nor bytes
// that are not UTF-8: a Word file holding one of those does not open.
func Text(s string) string {
	clean := strings.Map(func(r rune) rune {
		if xmlChar(r) {
			return r
		}
		return -1
	}, strings.ToValidUTF8(s, ""))
	var b strings.Builder
	// EscapeText writes to a strings.Builder, which cannot fail.
	_ = xml.EscapeText(&b, []byte(norm.NFC.String(clean)))
	return b.String()
}

// xmlChar reports whether XML 1.0 allows r in a document (production
// [2] Char).
func xmlChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20:
		return false
	case r <= 0xD7FF:
		return true
	case r < 0xE000:
		return false
	case r <= 0xFFFD:
		return true
	case r < 0x10000:
		return false
	}
	return r <= utf8.MaxRune
}

// WriteTo writes the document as a .docx file to w and returns the number
// of bytes written.
func (d *Document) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw := zip.NewWriter(cw)
	for _, p := range d.parts() {
		// A fixed time in every entry keeps the file the same for the
		// same input.
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: d.Created})
		if err != nil {
			return cw.n, fmt.Errorf("docx: %w", err)
		}
		if _, err := io.WriteString(f, p.data); err != nil {
			return cw.n, fmt.Errorf("docx: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return cw.n, fmt.Errorf("docx: %w", err)
	}
	return cw.n, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
