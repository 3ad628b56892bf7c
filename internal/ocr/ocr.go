// Package ocr reads the Vietnamese text of scanned pages: images with
// Tesseract (Debian tesseract-ocr and its Vietnamese data,
// tesseract-ocr-vie) and PDF pages rendered to images by poppler's
// pdftoppm (poppler-utils). Both run as bounded subprocesses
// (internal/subproc), and an image's size is checked in Go before either
// program sees it, so a decompression bomb costs a header read.
package ocr

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/congtin/congtin/internal/subproc"
	"golang.org/x/text/unicode/norm"
)

// Reader reads text from page images. The zero value uses the defaults
// below, the programs from PATH, and slog.Default().
type Reader struct {
	Tesseract, PDFToPPM, Prlimit string        // paths; "" looks them up in PATH (Prlimit "-": never used)
	Timeout                      time.Duration // per page or image; 0 is DefaultTimeout
	MaxMemory                    int64         // address space of each program in bytes; 0 is DefaultMemory
	MaxPixels                    int64         // largest image read (width × height); 0 is DefaultMaxPixels
	DPI                          int           // resolution PDF pages are rendered at; 0 is DefaultDPI
	Lang                         string        // Tesseract's language; "" is "vie"
	Log                          *slog.Logger
}

// Defaults of a Reader. An A4 page at 300 dpi is 8.7 million pixels and
// takes Tesseract a few seconds on one core; 50 million pixels is an A2
// poster at 300 dpi.
const (
	DefaultTimeout   = 90 * time.Second
	DefaultMemory    = 1 << 30
	DefaultMaxPixels = 50_000_000
	DefaultDPI       = 300
)

// maxPageText caps the text read from one page: a dense A4 page at 300
// dpi is under 10 KB, so more is a program gone wrong.
const maxPageText = 1 << 20

// Error says why no text was read. Its Error is the sentence the back
// office shows, in Vietnamese; Err is the detail for the log, and wraps
// ErrTooLarge, ErrDamaged, ErrNoPage or subproc's errors (ErrNotFound,
// ErrTimeout, *Crashed, *Failed) so a caller can tell a bad file from a
// missing program.
type Error struct {
	Reason string
	Err    error
}

func (e *Error) Error() string { return "Không nhận dạng được chữ: " + e.Reason + "." }
func (e *Error) Unwrap() error { return e.Err }

// Errors an *Error wraps for bad input.
var (
	ErrTooLarge = errors.New("ocr: image too large")
	ErrDamaged  = errors.New("ocr: damaged or unsupported image")
	ErrNoPage   = errors.New("ocr: no such page")
)

// Reasons of an Error. The reason for an image too large says its size
// (tooLarge).
const (
	ReasonNoTesseract = "máy chủ chưa cài chương trình nhận dạng chữ tesseract (gói tesseract-ocr, tesseract-ocr-vie)"
	ReasonNoLanguage  = "máy chủ chưa cài dữ liệu tiếng Việt cho chương trình nhận dạng chữ (gói tesseract-ocr-vie)"
	ReasonNoPDFToPPM  = "máy chủ chưa cài chương trình pdftoppm để chuyển trang PDF thành ảnh (gói poppler-utils)"
	ReasonDamaged     = "ảnh bị hỏng hoặc không phải ảnh JPEG, PNG, TIFF"
	ReasonPDFDamaged  = "tệp PDF bị hỏng, bị mã hóa hoặc không chuyển được trang thành ảnh"
	ReasonTimeout     = "nhận dạng quá thời gian cho phép"
	ReasonCrashed     = "chương trình nhận dạng chữ bị dừng đột ngột (có thể do vượt giới hạn bộ nhớ)"
	ReasonFailed      = "chương trình nhận dạng chữ gặp lỗi"
)

func (r *Reader) log() *slog.Logger {
	if r.Log != nil {
		return r.Log
	}
	return slog.Default()
}

func (r *Reader) limits() subproc.Limits {
	l := subproc.Limits{
		Timeout:   r.Timeout,
		MaxMemory: r.MaxMemory,
		MaxOutput: maxPageText,
		Prlimit:   r.Prlimit,
		// Tesseract's OpenMP threads would take every core of a shared
		// server for one page; the job queue runs pages side by side instead.
		Env: []string{"OMP_THREAD_LIMIT=1"},
	}
	if l.Timeout <= 0 {
		l.Timeout = DefaultTimeout
	}
	if l.MaxMemory <= 0 {
		l.MaxMemory = DefaultMemory
	}
	return l
}

func (r *Reader) lang() string {
	if r.Lang != "" {
		return r.Lang
	}
	return "vie"
}

func orDefault(path, name string) string {
	if path != "" {
		return path
	}
	return name
}

// Check reports whether Tesseract is installed with the Reader's
// language data (tesseract --list-langs), as an *Error naming the
// package to install.
func (r *Reader) Check(ctx context.Context) error {
	l := r.limits()
	l.Timeout = min(l.Timeout, 10*time.Second)
	res, err := subproc.Run(ctx, l, orDefault(r.Tesseract, "tesseract"), "--list-langs")
	if err != nil {
		return r.fail("", programError(err, ReasonNoTesseract))
	}
	// The first line names the data folder; each next line is a language.
	lines := strings.Split(strings.TrimSpace(string(res.Stdout)), "\n")
	for _, line := range lines[1:] {
		if strings.TrimSpace(line) == r.lang() {
			return nil
		}
	}
	return r.fail("", &Error{Reason: ReasonNoLanguage, Err: fmt.Errorf("tesseract has no %q data: %s", r.lang(), strings.Join(lines, "; "))})
}

// programError turns a subprocess's failure into an *Error; missing is
// the reason when the program is not installed.
func programError(err error, missing string) *Error {
	var crashed *subproc.Crashed
	switch {
	case errors.Is(err, subproc.ErrNotFound):
		return &Error{Reason: missing, Err: err}
	case errors.Is(err, subproc.ErrTimeout):
		return &Error{Reason: ReasonTimeout, Err: err}
	case errors.As(err, &crashed):
		return &Error{Reason: ReasonCrashed, Err: err}
	}
	return &Error{Reason: ReasonFailed, Err: err}
}

// fail logs a failure once, in English, and returns it.
func (r *Reader) fail(path string, e *Error) *Error {
	r.log().Warn("ocr failed", "file", path, "reason", e.Reason, "err", e.Err)
	return e
}

// text tidies Tesseract's output: NFC (Tesseract may give a syllable's
// marks as combining characters), no form feed at the page's end, the
// lines as Tesseract laid them out.
func text(out []byte) string {
	s := strings.ToValidUTF8(string(out), "")
	s = strings.ReplaceAll(s, "\f", "")
	return strings.TrimSpace(norm.NFC.String(s))
}
