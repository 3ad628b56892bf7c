package docfile_test

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/docfile"
	"github.com/congtin/congtin/internal/docfile/docfiletest"
)

// FuzzSniff checks an upload's type sniffing on any bytes, and the DOCX
// reader on whatever it takes for a DOCX: a refusal is a reader's error
// with a message, an accepted DOCX reads or is refused the same way, and
// its text keeps to the bound.
func FuzzSniff(f *testing.F) {
	f.Add(docfiletest.DOCX("Kế hoạch phát triển du lịch", "Điều 1. <Phạm vi> & đối tượng"))
	f.Add(docfiletest.XLSX())
	f.Add(docfiletest.Zip(map[string]string{"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document><w:body><w:p><w:r><w:t>abc</w:t><w:tab/><w:br/></w:r></w:p>"}))
	f.Add(docfile.MakePDF("Thong bao"))
	f.Add([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1MZ"))
	f.Fuzz(func(t *testing.T, data []byte) {
		kind, err := docfile.Sniff(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			if congtin.ErrorCode(err) != congtin.EINVALID || congtin.ErrorMessage(err) == "" {
				t.Fatalf("Sniff(%q): %v is not a refusal with a message", data, err)
			}
			return
		}
		if kind == "" {
			t.Fatalf("Sniff(%q): no kind and no error", data)
		}
		if kind != congtin.FileDOCX {
			return
		}
		const maxText = 4 << 10
		text, err := docfile.DOCXText(bytes.NewReader(data), int64(len(data)), maxText)
		if err != nil && congtin.ErrorCode(err) != congtin.EINVALID {
			t.Fatalf("DOCXText(%q): %v is not a reader's error", data, err)
		}
		if len(text) > maxText || !utf8.ValidString(text) {
			t.Fatalf("DOCXText(%q) = %d bytes, valid UTF-8 %v", data, len(text), utf8.ValidString(text))
		}
	})
}
