// Package docfiletest makes small PDF and DOCX files for tests, the way
// ordinary producers write them: a PDF as docfile.MakePDF writes it, and a
// DOCX with its content types, relationships and document part.
package docfiletest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"

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
