package docfile

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/congtin/congtin"
)

// FuzzPDFText checks the Go side of reading a PDF (pdftotext is never run
// here): the built-in content-stream reader on any bytes, without the
// recover that PDFText adds, and the rejoining of split syllables on any
// text. A PDF made of one printable line reads back as that line.
func FuzzPDFText(f *testing.F) {
	f.Add(MakePDF("Quyet dinh so 15/QD-UBND", "(parens) \\ backslash"), "các tổ chức ch ịu trách nhiệm, ngh ĩa vụ")
	f.Add([]byte("%PDF-1.7\n1 0 obj<</Length 9>>stream\nBT (a) Tj ET\nendstream"), "Ch ịu TP Hồ Chí Minh x ác")
	f.Add([]byte("%PDF-1.4\n<</Filter/FlateDecode>>stream\nx\x9c\x03\x00endstream stream"), "UBND ấp Tân Lập")
	f.Fuzz(func(t *testing.T, data []byte, line string) {
		const maxText = 4 << 10
		text, err := pdfText(data, maxText)
		if err != nil && congtin.ErrorCode(err) != congtin.EINVALID {
			t.Fatalf("pdfText(%q): %v is not a reader's error", data, err)
		}
		if len(text) > maxText || !utf8.ValidString(text) {
			t.Fatalf("pdfText(%q) = %d bytes of text, valid UTF-8 %v", data, len(text), utf8.ValidString(text))
		}

		joined := rejoinSyllables(line)
		if strings.ReplaceAll(joined, " ", "") != strings.ReplaceAll(line, " ", "") {
			t.Fatalf("rejoinSyllables(%q) = %q: more than spaces changed", line, joined)
		}

		// MakePDF writes printable ASCII lines (WinAnsi) only.
		if line == "" || strings.TrimSpace(line) != line || strings.IndexFunc(line, func(r rune) bool { return r < ' ' || r > '~' }) >= 0 {
			return
		}
		if text, err := pdfText(MakePDF(line), maxText); err != nil || !strings.Contains(text, line) {
			t.Fatalf("pdfText(MakePDF(%q)) = %q, %v", line, text, err)
		}
	})
}
