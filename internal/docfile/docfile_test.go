package docfile_test

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/blob"
	"github.com/congtin/congtin/internal/docfile"
	"github.com/congtin/congtin/internal/docfile/docfiletest"
)

func ole(stream string) []byte {
	b := []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	b = append(b, make([]byte, 3000)...)
	for i := range len(stream) {
		b = append(b, stream[i], 0)
	}
	return append(b, make([]byte, 100)...)
}

func TestSniff(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		kind string
		msg  string // part of the refusal
	}{
		{"pdf", docfiletest.PDF("hello"), congtin.FilePDF, ""},
		{"docx", docfiletest.DOCX("xin chào"), congtin.FileDOCX, ""},
		{"xlsx", docfiletest.XLSX(), congtin.FileXLSX, ""},
		{"doc", ole("WordDocument"), congtin.FileDOC, ""},
		{"xls", ole("Workbook"), congtin.FileXLS, ""},
		{"other ole", ole("PowerPoint Document"), "", "không phải Word (DOC) hay Excel"},
		{"exe", append([]byte("MZ\x90\x00"), make([]byte, 100)...), "", "chương trình chạy được của Windows"},
		{"elf", append([]byte("\x7fELF\x02\x01\x01"), make([]byte, 100)...), "", "chương trình chạy được (ELF)"},
		{"script", []byte("#!/bin/sh\nrm -rf /\n"), "", "kịch bản lệnh"},
		{"plain zip", docfiletest.Zip(map[string]string{"a.txt": "x"}), "", "tệp nén ZIP"},
		{"broken zip", []byte("PK\x03\x04garbage"), "", "Tệp nén bị hỏng"},
		{"html", []byte("<html><script>alert(1)</script>"), "", "không phải PDF, Word"},
		{"empty", nil, "", "Tệp rỗng"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			kind, err := docfile.Sniff(bytes.NewReader(c.data), int64(len(c.data)))
			if c.kind != "" {
				if err != nil || kind != c.kind {
					t.Fatalf("Sniff = %q, %v; want %q", kind, err, c.kind)
				}
				return
			}
			if err == nil || congtin.ErrorCode(err) != congtin.EINVALID || !strings.Contains(congtin.ErrorMessage(err), c.msg) {
				t.Fatalf("Sniff = %q, %v; want a refusal saying %q", kind, err, c.msg)
			}
		})
	}
}

func TestPDFText(t *testing.T) {
	data := docfiletest.PDF("Quarterly report on rice exports", "Word (with) parens \\ and backslash", "zebracrossing")
	text, err := docfile.PDFText(data, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"Quarterly report on rice exports", "Word (with) parens \\ and backslash", "zebracrossing"} {
		if !strings.Contains(text, w) {
			t.Errorf("text %q lacks %q", text, w)
		}
	}
	if !strings.Contains(text, "exports\nWord") {
		t.Errorf("lines not separated: %q", text)
	}
	// The cap holds.
	if text, err := docfile.PDFText(data, 10); err != nil || len(text) > 10 {
		t.Errorf("capped text %q, %v", text, err)
	}
}

// A TJ array with kerning, hex strings, octal escapes and an
// uncompressed stream: the forms other producers write.
func TestPDFTextOperators(t *testing.T) {
	content := "BT /F1 10 Tf [(Hel) -20 (lo) -400 (world)] TJ 0 -14 Td <41424320> Tj (\\101\\102C) ' ET"
	data := []byte(fmt.Sprintf("%%PDF-1.3\n1 0 obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\n%%%%EOF\n", len(content), content))
	text, err := docfile.PDFText(data, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"Hello world", "ABC ", "ABC"} {
		if !strings.Contains(text, w) {
			t.Errorf("text %q lacks %q", text, w)
		}
	}
}

func deflate(b []byte) []byte {
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(b)
	zw.Close()
	return z.Bytes()
}

// Malformed files never panic and never run away: they give an error.
func TestPDFTextMalformed(t *testing.T) {
	good := docfiletest.PDF("some words here")
	bomb := deflate(bytes.Repeat([]byte(" "), 80<<20))
	cases := map[string][]byte{
		"header only":      []byte("%PDF-1.7\n"),
		"truncated":        good[:len(good)/2],
		"no endstream":     []byte("%PDF-1.4\n1 0 obj << /Filter /FlateDecode >> stream\n\x78\x9c\x01\x02"),
		"bad flate":        []byte("%PDF-1.4\n1 0 obj << /Filter /FlateDecode /Length 5 >> stream\nnotzl\nendstream\nendobj"),
		"flate bomb":       append(append([]byte("%PDF-1.4\n1 0 obj << /Filter /FlateDecode >> stream\n"), bomb...), []byte("\nendstream\nendobj")...),
		"unclosed strings": []byte("%PDF-1.4\n1 0 obj << >> stream\nBT ((((((( Tj <414 Tj [ (a\nendstream"),
		"not a pdf":        []byte("MZ\x90\x00 pretending"),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			text, err := docfile.PDFText(data, 1<<20)
			if name == "unclosed strings" {
				return // any text or error, but no panic
			}
			if err == nil && name != "truncated" {
				t.Fatalf("PDFText = %q, want an error", text)
			}
		})
	}
	// Random damage to a good file: no panic, whatever comes out.
	rng := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		b := bytes.Clone(good)
		for range 1 + rng.IntN(20) {
			b[rng.IntN(len(b))] = byte(rng.IntN(256))
		}
		docfile.PDFText(b, 1<<20)
	}
}

func TestDOCXText(t *testing.T) {
	data := docfiletest.DOCX("Kế hoạch phát triển du lịch", "second <paragraph> & more")
	text, err := docfile.DOCXText(bytes.NewReader(data), int64(len(data)), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if text != "Kế hoạch phát triển du lịch\nsecond <paragraph> & more" {
		t.Fatalf("text %q", text)
	}
}

func TestDOCXBounds(t *testing.T) {
	// A document part that inflates to 80 MB (past the 64 MB bound).
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.Create("[Content_Types].xml")
	w.Write([]byte("<Types/>"))
	w, _ = zw.Create("word/document.xml")
	w.Write([]byte("<w:document><w:body><w:p><w:t>"))
	chunk := bytes.Repeat([]byte("a"), 1<<20)
	for range 80 {
		w.Write(chunk)
	}
	zw.Close()
	data := b.Bytes()
	if len(data) > 1<<20 {
		t.Fatalf("bomb is %d bytes compressed", len(data))
	}
	if _, err := docfile.DOCXText(bytes.NewReader(data), int64(len(data)), 1<<20); err == nil || !strings.Contains(congtin.ErrorMessage(err), "quá lớn") {
		t.Fatalf("bomb: %v", err)
	}
	// Too many entries.
	entries := map[string]string{"[Content_Types].xml": "<Types/>"}
	for i := range 5001 {
		entries[fmt.Sprintf("word/x%d.xml", i)] = ""
	}
	many := docfiletest.Zip(entries)
	if _, err := docfile.Sniff(bytes.NewReader(many), int64(len(many))); err == nil || !strings.Contains(congtin.ErrorMessage(err), "quá nhiều thành phần") {
		t.Fatalf("many entries: %v", err)
	}
	// Broken XML gives an error, not a panic.
	broken := docfiletest.Zip(map[string]string{"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document><w:t>abc</w:x"})
	if _, err := docfile.DOCXText(bytes.NewReader(broken), int64(len(broken)), 1<<20); err == nil {
		t.Fatal("broken XML: no error")
	}
}

func TestSpool(t *testing.T) {
	dir := t.TempDir()
	pdf := docfiletest.PDF("alpha beta gamma")
	u, err := docfile.Spool(dir, `C:\Users\x\Kế hoạch "115".pdf`, bytes.NewReader(pdf), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if u.Kind != congtin.FilePDF || u.Size != int64(len(pdf)) || len(u.Hash) != 64 || !strings.Contains(u.Text, "alpha beta gamma") || u.Name != "Kế hoạch 115.pdf" {
		t.Fatalf("upload %+v", u)
	}
	dir2 := t.TempDir()
	store := docfile.Files{Blobs: blob.Dir{Path: dir2}}
	if err := u.Save(context.Background(), store); err != nil {
		t.Fatal(err)
	}
	// Where installs have always kept attachments: MEDIA_DIR/van-ban/ab/<sha256>.pdf.
	if _, err := os.Stat(filepath.Join(dir2, "van-ban", u.Hash[:2], u.Hash+".pdf")); err != nil {
		t.Fatalf("layout: %v", err)
	}
	u.Close()
	f, err := store.Open(context.Background(), u.Hash, u.Kind)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(f)
	f.Close()
	if !bytes.Equal(got, pdf) {
		t.Fatal("stored bytes differ")
	}
	if _, err := store.Open(context.Background(), "../../etc/passwd", "pdf"); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("bad key: %v", err)
	}
	// Too large: refused after limit+1 bytes, from an endless reader.
	if _, err := docfile.Spool(dir, "big.pdf", io.MultiReader(bytes.NewReader(pdf), zeros{}), 1<<20); err != docfile.ErrTooLarge {
		t.Fatalf("too large: %v", err)
	}
	// An executable named .pdf is refused and leaves no temporary file.
	if _, err := docfile.Spool(dir, "invoice.pdf", strings.NewReader("MZ\x90\x00\x03"), 1<<20); err == nil {
		t.Fatal("exe accepted")
	}
	// A malformed PDF is kept with a note.
	u, err = docfile.Spool(dir, "broken.pdf", strings.NewReader("%PDF-1.4\ngarbage"), 1<<20)
	if err != nil || u.Text != "" || u.TextNote == "" {
		t.Fatalf("malformed pdf: %+v, %v", u, err)
	}
	u.Close()
	if left, _ := filepathGlob(dir); len(left) != 0 {
		t.Fatalf("temporary files left: %v", left)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
