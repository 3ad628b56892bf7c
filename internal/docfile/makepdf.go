package docfile

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"
)

// MakePDF returns a one-page PDF showing each line, the way ordinary
// producers write one: a page content stream compressed with FlateDecode
// that shows each line with Tj in the standard Helvetica font (a simple
// font without a ToUnicode map). Lines should be ASCII (Helvetica's
// WinAnsi codes); parentheses and backslashes are escaped. The demo
// attaches such files to its documents, and tests upload them.
func MakePDF(lines ...string) []byte {
	var content bytes.Buffer
	content.WriteString("BT\n/F1 12 Tf\n72 760 Td\n14 TL\n")
	for i, l := range lines {
		esc := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`).Replace(l)
		if i == 0 {
			fmt.Fprintf(&content, "(%s) Tj\n", esc)
		} else {
			fmt.Fprintf(&content, "T* (%s) Tj\n", esc)
		}
	}
	content.WriteString("ET\n")
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(content.Bytes())
	zw.Close()

	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	var offsets []int
	obj := func(body string) {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offsets), body)
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>")
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	offsets = append(offsets, b.Len())
	fmt.Fprintf(&b, "5 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n", z.Len())
	b.Write(z.Bytes())
	b.WriteString("\nendstream\nendobj\n")
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return b.Bytes()
}
