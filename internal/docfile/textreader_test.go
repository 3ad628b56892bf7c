package docfile_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/blob"
	"github.com/congtin/congtin/internal/docfile"
	"github.com/congtin/congtin/internal/docfile/docfiletest"
	"github.com/congtin/congtin/internal/ocr"
)

// stored puts data in a file store as an upload is stored and returns
// the attachment as the worker finds it.
func stored(t *testing.T, store docfile.Store, name, kind string, data []byte) *congtin.DocumentFile {
	t.Helper()
	sum := sha256.Sum256(data)
	f := &congtin.DocumentFile{ID: 7, DocumentID: 3, Name: name, Kind: kind, Size: int64(len(data)), Hash: hex.EncodeToString(sum[:])}
	if err := store.Put(context.Background(), f.Hash, f.Kind, bytes.NewReader(data), f.Size); err != nil {
		t.Fatal(err)
	}
	return f
}

// TestTextReaderBadInput reads hostile and broken attachments the way
// the background worker does: each ends as a clear state on the file and
// a line in the log, inside the limits, never an error that would have
// the job tried again.
func TestTextReaderBadInput(t *testing.T) {
	docfiletest.Tool(t, "pdftotext", "tesseract", "pdftoppm")
	store := docfile.Files{Blobs: blob.Dir{Path: t.TempDir()}}
	quick := &docfile.Extractor{Timeout: 5 * time.Second}
	page := `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>body{font-family:"Liberation Serif",serif;font-size:15pt}</style></head>
<body><p>Ủy ban nhân dân phường Hòa Thuận thông báo kế hoạch nạo vét kênh thoát nước trước mùa mưa bão.</p></body></html>`
	for _, c := range []struct {
		name, kind string
		data       func(t *testing.T) []byte
		reader     func(t *testing.T) *docfile.TextReader
		state      string
		source     string // with TextDone
		want       string // in the note, or with TextDone in the text
		within     time.Duration
	}{
		{name: "encrypted.pdf", kind: congtin.FilePDF, data: func(*testing.T) []byte { return docfiletest.EncryptedPDF() },
			state: congtin.TextFailed, want: "mã hóa", within: 10 * time.Second},
		{name: "no-tounicode.pdf", kind: congtin.FilePDF, data: func(t *testing.T) []byte { return docfiletest.NoToUnicode(t, docfiletest.ChromiumPDF(t, page)) },
			// The glyph codes are judged unreadable and the page goes to OCR.
			state: congtin.TextDone, source: congtin.TextFromOCR, want: "nạo vét kênh thoát nước", within: 60 * time.Second},
		{name: "2000-pages.pdf", kind: congtin.FilePDF, data: func(*testing.T) []byte { return docfiletest.ManyPagesPDF(2000) },
			reader: func(*testing.T) *docfile.TextReader {
				return &docfile.TextReader{Extractor: quick, OCR: &ocr.Reader{}, MaxOCRPages: 3}
			},
			state: congtin.TextDone, source: congtin.TextFromPDFOCR, want: "chỉ 3 trang đầu được nhận dạng", within: 60 * time.Second},
		{name: "bomb.pdf", kind: congtin.FilePDF, data: func(*testing.T) []byte { return docfiletest.FlateBombPDF(4 << 30) },
			reader: func(*testing.T) *docfile.TextReader { return &docfile.TextReader{Extractor: quick} },
			state:  congtin.TextFailed, want: "", within: 30 * time.Second},
		{name: "nested.pdf", kind: congtin.FilePDF, data: func(*testing.T) []byte { return docfiletest.NestedPDF(1_000_000) },
			reader: func(*testing.T) *docfile.TextReader { return &docfile.TextReader{Extractor: quick} },
			state:  congtin.TextFailed, want: "", within: 30 * time.Second},
		{name: "huge.jpg", kind: congtin.FileJPEG, data: func(t *testing.T) []byte { return docfiletest.BombJPEG(t) },
			state: congtin.TextFailed, want: "ảnh quá lớn", within: 5 * time.Second},
		{name: "huge.tif", kind: congtin.FileTIFF, data: func(t *testing.T) []byte { return docfiletest.BombTIFF(t) },
			state: congtin.TextFailed, want: "ảnh quá lớn", within: 5 * time.Second},
		{name: "broken.docx", kind: congtin.FileDOCX, data: func(*testing.T) []byte { return []byte("PK\x03\x04 not really a zip") },
			state: congtin.TextFailed, want: "", within: 5 * time.Second},
		{name: "bomb.docx", kind: congtin.FileDOCX, data: func(*testing.T) []byte { return docfiletest.DOCXBomb(10<<30, 10<<30) },
			state: congtin.TextFailed, want: "", within: 20 * time.Second},
		{name: "scan-hangs.pdf", kind: congtin.FilePDF, data: func(t *testing.T) []byte { return docfiletest.ScanPDF(t, page) },
			reader: func(t *testing.T) *docfile.TextReader {
				hang := docfiletest.Program(t, `case "$1" in --list-langs) echo "List of available languages (2):"; echo eng; echo vie;; *) sleep 60;; esac`)
				return &docfile.TextReader{OCR: &ocr.Reader{Tesseract: hang, Timeout: 2 * time.Second}}
			},
			state: congtin.TextFailed, want: "Không nhận dạng được trang 1", within: 20 * time.Second},
		{name: "scan-crashes.jpg", kind: congtin.FileJPEG, data: func(t *testing.T) []byte { return docfiletest.ScanImage(t, page) },
			reader: func(t *testing.T) *docfile.TextReader {
				crash := docfiletest.Program(t, `case "$1" in --list-langs) echo "List of available languages (1):"; echo vie;; *) kill -SEGV $$;; esac`)
				return &docfile.TextReader{OCR: &ocr.Reader{Tesseract: crash}}
			},
			state: congtin.TextFailed, want: "Không nhận dạng được chữ", within: 20 * time.Second},
		{name: "scan-no-ocr.pdf", kind: congtin.FilePDF, data: func(t *testing.T) []byte { return docfiletest.ScanPDF(t, page) },
			reader: func(*testing.T) *docfile.TextReader { return &docfile.TextReader{} },
			state:  congtin.TextFailed, want: "không bật nhận dạng chữ", within: 20 * time.Second},
		{name: "no-vietnamese.png", kind: congtin.FileJPEG, data: func(t *testing.T) []byte { return docfiletest.ScanImage(t, page) },
			reader: func(t *testing.T) *docfile.TextReader {
				return &docfile.TextReader{OCR: &ocr.Reader{Tesseract: docfiletest.Program(t, `echo eng`)}}
			},
			state: congtin.TextFailed, want: "tiếng Việt", within: 5 * time.Second},
		{name: "table.xlsx", kind: congtin.FileXLSX, data: func(*testing.T) []byte { return docfiletest.XLSX() },
			state: congtin.TextFailed, want: "Không trích được chữ từ loại tệp này", within: time.Second},
	} {
		t.Run(c.name, func(t *testing.T) {
			var log bytes.Buffer
			r := &docfile.TextReader{OCR: &ocr.Reader{}}
			if c.reader != nil {
				r = c.reader(t)
			}
			r.Files, r.TempDir = store, t.TempDir()
			r.Log = slog.New(slog.NewTextHandler(&log, nil))
			if r.Extractor != nil {
				r.Extractor.Log = r.Log
			}
			if o, ok := r.OCR.(*ocr.Reader); ok {
				o.Log = r.Log
			}
			f := stored(t, store, c.name, c.kind, c.data(t))
			start := time.Now()
			ft, err := r.ReadFileText(context.Background(), f)
			took := time.Since(start)
			if err != nil {
				t.Fatalf("error %v: the job would be tried again", err)
			}
			t.Logf("%s in %v: state %s, source %q, %d bytes of text, note %q", c.name, took.Round(time.Millisecond), ft.State, ft.Source, len(ft.Text), ft.Note)
			if ft.State != c.state {
				t.Errorf("state %q, want %q (note %q, text %.200q)", ft.State, c.state, ft.Note, ft.Text)
			}
			if ft.State == congtin.TextDone && ft.Source != c.source {
				t.Errorf("source %q, want %q", ft.Source, c.source)
			}
			if ft.State == congtin.TextFailed && (ft.Note == "" || ft.Text != "") {
				t.Errorf("failed without a reason, or with text: note %q text %.100q", ft.Note, ft.Text)
			}
			if c.want != "" && !strings.Contains(ft.Note+ft.Text, c.want) {
				t.Errorf("want %q in note %q / text %.300q", c.want, ft.Note, ft.Text)
			}
			if took > c.within {
				t.Errorf("took %v, limit %v", took, c.within)
			}
			if ft.State == congtin.TextFailed && c.kind != congtin.FileXLSX && log.Len() == 0 {
				t.Error("nothing in the log")
			}
			if matches, _ := filepath.Glob(filepath.Join(r.TempDir, "*")); len(matches) != 0 {
				t.Errorf("temporary files left: %v", matches)
			}
		})
	}
}
