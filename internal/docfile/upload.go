package docfile

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/congtin/congtin"
	"golang.org/x/text/unicode/norm"
)

// DefaultMaxBytes is the largest attachment taken unless configured.
const DefaultMaxBytes = 20 << 20

// Upload is an uploaded file spooled to a temporary file, checked and
// hashed. Close removes the temporary file.
type Upload struct {
	Name     string // the name the browser sent, cleaned (no directories)
	Kind     string
	Size     int64
	Hash     string
	Text     string // extracted, for the index
	TextNote string // why there is no text
	f        *os.File
}

// ErrTooLarge is returned by Spool when a file passes the limit; reading
// stops there.
var ErrTooLarge = errors.New("docfile: file too large")

// Spool copies r to a temporary file in dir ("" for the system's), at most
// maxBytes: a larger file is cut off after maxBytes+1 bytes and refused
// with ErrTooLarge, so nothing larger is ever held. It then sniffs the
// kind (refusing anything but PDF, DOC, DOCX, XLS, XLSX) and extracts the
// text of PDF and DOCX files. A file whose text cannot be read is kept,
// with a TextNote saying so.
//
// The text is read by a zero Extractor (pdftotext with the default
// limits); Extractor.Spool takes other limits and a context.
func Spool(dir, name string, r io.Reader, maxBytes int64) (*Upload, error) {
	var x Extractor
	return x.Spool(context.Background(), dir, name, r, maxBytes)
}

// Spool is the package's Spool with x's limits and programs; ctx bounds
// the text extraction as well as x.Timeout.
func (x *Extractor) Spool(ctx context.Context, dir, name string, r io.Reader, maxBytes int64) (*Upload, error) {
	u, err := Receive(dir, name, r, maxBytes)
	if err != nil {
		return nil, err
	}
	u.Text, u.TextNote = x.extract(ctx, u.Name, u.f.Name(), u.f, u.Size, u.Kind)
	return u, nil
}

// Receive is Spool without reading the text: what an upload or an import
// does, the text being read in the background (TextReader) once the file
// is stored.
func Receive(dir, name string, r io.Reader, maxBytes int64) (*Upload, error) {
	return ReceiveAs(dir, name, r, maxBytes, Sniff)
}

// ReceiveAs is Receive with another sniffer: the open-data catalogue's
// files (CSV, XLSX, JSON) are spooled, bounded and hashed alike.
func ReceiveAs(dir, name string, r io.Reader, maxBytes int64, sniff func(io.ReaderAt, int64) (string, error)) (*Upload, error) {
	f, err := os.CreateTemp(dir, "congtin-upload-*")
	if err != nil {
		return nil, err
	}
	u := &Upload{Name: CleanName(name), f: f}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(f, h), io.LimitReader(r, maxBytes+1))
	if err != nil {
		u.Close()
		return nil, err
	}
	if n > maxBytes {
		u.Close()
		return nil, ErrTooLarge
	}
	u.Size, u.Hash = n, hex.EncodeToString(h.Sum(nil))
	if u.Kind, err = sniff(f, n); err != nil {
		u.Close()
		return nil, err
	}
	return u, nil
}

// Input is what a save needs of the upload once it is stored.
func (u *Upload) Input() congtin.DocumentFileInput {
	return congtin.DocumentFileInput{Name: u.Name, Kind: u.Kind, Size: u.Size, Hash: u.Hash, Text: u.Text, TextNote: u.TextNote, TextSource: u.source()}
}

// source says where Spool's text came from.
func (u *Upload) source() string {
	switch {
	case u.Text == "":
		return ""
	case u.Kind == congtin.FileDOCX:
		return congtin.TextFromDOCX
	}
	return congtin.TextFromPDF
}

// Extract returns the text of a PDF or DOCX file, or a note saying why
// there is none, with a zero Extractor. A PDF's pages are separated by
// PageBreak.
func Extract(f io.ReaderAt, size int64, kind string) (text, note string) {
	var x Extractor
	return x.Extract(context.Background(), "", f, size, kind)
}

// Extract returns the text of a PDF or DOCX file named name (for the
// log), or a note saying why there is none.
func (x *Extractor) Extract(ctx context.Context, name string, f io.ReaderAt, size int64, kind string) (text, note string) {
	path := ""
	if osf, ok := f.(*os.File); ok {
		path = osf.Name()
	}
	return x.extract(ctx, name, path, f, size, kind)
}

func (x *Extractor) extract(ctx context.Context, name, path string, f io.ReaderAt, size int64, kind string) (text, note string) {
	var err error
	switch kind {
	case congtin.FilePDF:
		return x.pdfText(ctx, name, path, f, size)
	case congtin.FileDOCX:
		text, err = DOCXText(f, size, x.maxText())
	default:
		return "", "Không trích được chữ từ loại tệp này; tìm kiếm theo số, ký hiệu và trích yếu."
	}
	if err != nil {
		x.log().Warn("attachment text not read", "file", name, "reason", congtin.ErrorMessage(err))
		return "", congtin.ErrorMessage(err)
	}
	if strings.TrimSpace(text) == "" {
		return "", "Tệp không có chữ đọc được (có thể là bản quét); tìm kiếm theo số, ký hiệu và trích yếu."
	}
	return norm.NFC.String(text), ""
}

// ReaderAt reads the spooled bytes where asked.
func (u *Upload) ReaderAt() io.ReaderAt { return u.f }

// Reader returns the spooled bytes from the start.
func (u *Upload) Reader() (io.Reader, error) {
	if _, err := u.f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	return u.f, nil
}

// Save stores the spooled bytes in s under their hash and kind.
func (u *Upload) Save(ctx context.Context, s Store) error {
	r, err := u.Reader()
	if err != nil {
		return err
	}
	return s.Put(ctx, u.Hash, u.Kind, r, u.Size)
}

// Close removes the temporary file.
func (u *Upload) Close() error {
	if u.f == nil {
		return nil
	}
	u.f.Close()
	err := os.Remove(u.f.Name())
	u.f = nil
	return err
}

// CleanName keeps the last element of a sent file name, as valid UTF-8
// without control characters, at most 200 characters; "tep" when nothing
// is left.
func CleanName(name string) string {
	name = strings.ToValidUTF8(name, "")
	name = filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7F || r == '"' {
			return -1
		}
		return r
	}, name)
	name = strings.TrimSpace(name)
	if utf8.RuneCountInString(name) > 200 {
		name = string([]rune(name)[:200])
	}
	if name == "" || name == "." || name == "/" {
		return "tep"
	}
	return name
}
