package ocr

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/congtin/congtin/internal/subproc"
)

// PDFPage reads the text of one page (from 1) of the PDF at pdfPath (a
// temporary path): pdftoppm renders it in grey at DPI into a temporary
// folder, and the image is read as Image reads one, its size checked
// first.
func (r *Reader) PDFPage(ctx context.Context, pdfPath string, page int) (string, error) {
	s, e := r.pdfPage(ctx, pdfPath, page)
	if e != nil {
		return "", r.fail(fmt.Sprintf("%s page %d", pdfPath, page), e)
	}
	return s, nil
}

func (r *Reader) pdfPage(ctx context.Context, pdfPath string, page int) (string, *Error) {
	noPage := &Error{Reason: fmt.Sprintf("tệp PDF không có trang %d", page), Err: fmt.Errorf("%w: %d", ErrNoPage, page)}
	if page < 1 {
		return "", noPage
	}
	// One deadline for the page: rendering and reading share Timeout.
	ctx, cancel := context.WithTimeout(ctx, r.limits().Timeout)
	defer cancel()
	abs, err := filepath.Abs(pdfPath)
	if err != nil {
		return "", &Error{Reason: ReasonFailed, Err: err}
	}
	dir, err := os.MkdirTemp("", "congtin-ocr-*")
	if err != nil {
		return "", &Error{Reason: ReasonFailed, Err: err}
	}
	defer os.RemoveAll(dir)
	dpi := r.DPI
	if dpi <= 0 {
		dpi = DefaultDPI
	}
	n := strconv.Itoa(page)
	// A page's size is the PDF's to choose: a 200-inch page at 300 dpi
	// would be a bitmap of gigabytes. pdftoppm renders only the crop box
	// given (-W, -H), so the bitmap stays within a square of MaxPixels;
	// what lies beyond it on a giant page is not read.
	side := strconv.Itoa(int(math.Sqrt(float64(r.maxPixels()))))
	l := r.limits()
	l.Dir = dir
	_, err = subproc.Run(ctx, l, orDefault(r.PDFToPPM, "pdftoppm"),
		"-r", strconv.Itoa(dpi), "-gray", "-png", "-f", n, "-l", n, "-W", side, "-H", side,
		"--", abs, filepath.Join(dir, "page"))
	var failed *subproc.Failed
	switch {
	case errors.As(err, &failed) && strings.Contains(failed.Stderr, "Wrong page range"):
		return "", noPage
	case errors.As(err, &failed):
		// Exit 1 is an error opening the file (damaged, or a password),
		// 3 a permission error.
		return "", &Error{Reason: ReasonPDFDamaged, Err: err}
	case err != nil:
		e := programError(err, ReasonNoPDFToPPM)
		if e.Reason == ReasonCrashed {
			e.Reason = "chương trình chuyển trang PDF thành ảnh bị dừng đột ngột (có thể do vượt giới hạn bộ nhớ)"
		}
		return "", e
	}
	// pdftoppm pads the page number to the width of the last page's.
	names, _ := filepath.Glob(filepath.Join(dir, "page-*.png"))
	if len(names) != 1 {
		return "", noPage
	}
	return r.image(ctx, names[0])
}
