package docfile

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/congtin/congtin"
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
func Spool(dir, name string, r io.Reader, maxBytes int64) (*Upload, error) {
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
	if u.Kind, err = Sniff(f, n); err != nil {
		u.Close()
		return nil, err
	}
	u.Text, u.TextNote = Extract(f, n, u.Kind)
	return u, nil
}

// Extract returns the text of a PDF or DOCX file, or a note saying why
// there is none.
func Extract(f io.ReaderAt, size int64, kind string) (text, note string) {
	var err error
	switch kind {
	case congtin.FilePDF:
		data := make([]byte, size)
		if _, err = f.ReadAt(data, 0); err != nil && err != io.EOF {
			return "", "Không đọc được tệp."
		}
		text, err = PDFText(data, congtin.MaxFileText)
	case congtin.FileDOCX:
		text, err = DOCXText(f, size, congtin.MaxFileText)
	default:
		return "", "Không trích được chữ từ loại tệp này; tìm kiếm theo số, ký hiệu và trích yếu."
	}
	if err != nil {
		return "", congtin.ErrorMessage(err)
	}
	if strings.TrimSpace(text) == "" {
		return "", "Tệp không có chữ đọc được (có thể là bản quét); tìm kiếm theo số, ký hiệu và trích yếu."
	}
	return text, ""
}

// Reader returns the spooled bytes from the start.
func (u *Upload) Reader() (io.Reader, error) {
	if _, err := u.f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	return u.f, nil
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
