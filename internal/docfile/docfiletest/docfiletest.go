// Package docfiletest makes small PDF and DOCX files for tests, the way
// ordinary producers write them: a PDF as docfile.MakePDF writes it, and a
// DOCX with its content types, relationships and document part.
package docfiletest

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/docfile"
)

// PDF returns a one-page PDF showing each line: docfile.MakePDF, which
// the demo uses too.
func PDF(lines ...string) []byte { return docfile.MakePDF(lines...) }

// DOCX returns a Word document with one paragraph per argument.
func DOCX(paragraphs ...string) []byte {
	var doc strings.Builder
	doc.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	for _, p := range paragraphs {
		var esc bytes.Buffer
		xmlEscape(&esc, p)
		fmt.Fprintf(&doc, `<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>`, esc.String())
	}
	doc.WriteString(`</w:body></w:document>`)
	return Zip(map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml": doc.String(),
	})
}

// XLSX returns a minimal spreadsheet container (content types and a
// workbook part), enough to be told from other ZIP files.
func XLSX() []byte {
	return Zip(map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"xl/workbook.xml":     `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>`,
	})
}

// Zip returns a ZIP file of the named entries, in name order.
func Zip(entries map[string]string) []byte {
	var names []string
	for n := range entries {
		names = append(names, n)
	}
	for i := range names {
		for j := i + 1; j < len(names); j++ {
			if names[j] < names[i] {
				names[i], names[j] = names[j], names[i]
			}
		}
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, n := range names {
		w, _ := zw.Create(n)
		w.Write([]byte(entries[n]))
	}
	zw.Close()
	return b.Bytes()
}

func xmlEscape(b *bytes.Buffer, s string) {
	strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").WriteString(b, s)
}

// Tool returns the path of an external program the tests need
// (pdftotext, chromium). Without it the test skips, unless
// CONGTIN_REQUIRE_TOOLS or CONGTIN_REQUIRE_BROWSER is set (as
// scripts/test.sh does), where a missing program fails the test rather
// than skipping it silently.
func Tool(t testing.TB, names ...string) string {
	t.Helper()
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := fmt.Sprintf("none of %s in PATH", strings.Join(names, ", "))
	if os.Getenv("CONGTIN_REQUIRE_TOOLS") != "" || os.Getenv("CONGTIN_REQUIRE_BROWSER") != "" {
		t.Fatal(msg + ", and CONGTIN_REQUIRE_TOOLS or CONGTIN_REQUIRE_BROWSER is set (scripts/test.sh installs them)")
	}
	t.Skip(msg + "; skipping (set CONGTIN_REQUIRE_TOOLS=1 to fail instead)")
	return ""
}

// ChromiumPDF prints an HTML page to PDF with headless Chromium, as a
// browser's "Save as PDF" does: Type0/CID TrueType fonts with ToUnicode
// maps, the fonts fontconfig picks for the page's font-family.
func ChromiumPDF(t testing.TB, html string) []byte {
	t.Helper()
	browser := Tool(t, "chromium", "chromium-browser", "google-chrome")
	dir := t.TempDir()
	page := filepath.Join(dir, "page.html")
	out := filepath.Join(dir, "page.pdf")
	if err := os.WriteFile(page, []byte(html), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu",
		"--no-pdf-header-footer", "--user-data-dir="+filepath.Join(dir, "profile"),
		"--print-to-pdf="+out, "file://"+page)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium --print-to-pdf: %v\n%s", err, b)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// ManyPagesPDF returns a PDF of n pages, page i showing "Trang i" in
// Helvetica: a well-formed file (cross-reference table and all), cheap to
// make with thousands of pages.
func ManyPagesPDF(n int) []byte { return pagesPDF(n, "") }

// EncryptedPDF returns a one-page PDF under the standard security handler
// (RC4, revision 2) with a user password that is not empty: a reader
// without the password cannot open it.
func EncryptedPDF() []byte {
	o := strings.Repeat("4f", 32)
	u := strings.Repeat("a5", 32)
	return pagesPDF(1, fmt.Sprintf(" /Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <%s> /U <%s> >> /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]", o, u))
}

func pagesPDF(n int, trailer string) []byte {
	// 1: catalog, 2: pages, 3: font, then a page and its content each.
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>"}
	var kids strings.Builder
	for i := range n {
		fmt.Fprintf(&kids, "%d 0 R ", 4+2*i)
	}
	objs = append(objs, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids.String(), n),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	for i := range n {
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 5+2*i),
			Stream("", []byte(fmt.Sprintf("BT /F1 12 Tf 72 770 Td (Trang %d) Tj ET", i+1))))
	}
	return RawPDF(trailer, objs...)
}

// RawPDF returns a PDF file of the objects given (numbered from 1, the
// first being the catalog) with a cross-reference table that is right,
// so a reader gets as far as the objects themselves. trailer is added
// to the trailer dictionary.
func RawPDF(trailer string, objs ...string) []byte {
	var b bytes.Buffer
	offsets := make([]int, len(objs))
	b.WriteString("%PDF-1.4\n")
	for i, body := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, body)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, trailer, xref)
	return b.Bytes()
}

// Stream returns a stream object's text: its dictionary entries dict
// (e.g. "/Filter /FlateDecode"), its length and its data.
func Stream(dict string, data []byte) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}
