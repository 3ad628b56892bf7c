package ocr

import (
	"context"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // formats DecodeConfig reads
	_ "image/png"
	"os"
	"path/filepath"
	"strings"

	"github.com/congtin/congtin/internal/subproc"
	_ "golang.org/x/image/tiff"
)

// Image reads the text of a JPEG, PNG or TIFF image at path (a temporary
// path, never a name a user chose). The image's size is read from its
// header first: one wider × higher than MaxPixels is refused without
// running Tesseract, as is a file that is not one of these images.
func (r *Reader) Image(ctx context.Context, path string) (string, error) {
	s, e := r.image(ctx, path)
	if e != nil {
		return "", r.fail(path, e)
	}
	return s, nil
}

func (r *Reader) image(ctx context.Context, path string) (string, *Error) {
	if e := r.checkSize(path); e != nil {
		return "", e
	}
	// An absolute path cannot be read as an option.
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", &Error{Reason: ReasonFailed, Err: err}
	}
	l := r.limits()
	l.Dir = filepath.Dir(abs)
	res, err := subproc.Run(ctx, l, orDefault(r.Tesseract, "tesseract"), abs, "stdout", "-l", r.lang())
	if err != nil {
		return "", r.tesseractError(err)
	}
	if res.Unlimited {
		r.log().Warn("tesseract runs without a memory limit: prlimit (util-linux) not found", "file", path)
	}
	if res.Truncated {
		r.log().Warn("ocr text cut at the output limit", "file", path, "bytes", len(res.Stdout))
	}
	return text(res.Stdout), nil
}

// checkSize reads the image's header and refuses one too large to read
// or not an image at all.
func (r *Reader) checkSize(path string) *Error {
	f, err := os.Open(path)
	if err != nil {
		return &Error{Reason: ReasonFailed, Err: err}
	}
	defer f.Close()
	cfg, format, err := image.DecodeConfig(f)
	if err != nil {
		return &Error{Reason: ReasonDamaged, Err: fmt.Errorf("%w: %v", ErrDamaged, err)}
	}
	w, h := int64(cfg.Width), int64(cfg.Height)
	if format == "tiff" {
		if w, h, err = tiffLargestPage(f); err != nil {
			return &Error{Reason: ReasonDamaged, Err: fmt.Errorf("%w: %v", ErrDamaged, err)}
		}
	}
	limit := r.maxPixels()
	if w*h > limit || w <= 0 || h <= 0 {
		return &Error{
			Reason: fmt.Sprintf("ảnh quá lớn (%s × %s điểm ảnh, giới hạn %s điểm ảnh)", number(w), number(h), number(limit)),
			Err:    fmt.Errorf("%w: %s %d×%d, limit %d pixels", ErrTooLarge, format, w, h, limit),
		}
	}
	return nil
}

// tesseractError reads Tesseract's failure: missing language data and an
// image Leptonica cannot read have reasons of their own.
func (r *Reader) tesseractError(err error) *Error {
	var failed *subproc.Failed
	if errors.As(err, &failed) {
		low := strings.ToLower(failed.Stderr)
		switch {
		case strings.Contains(low, "failed loading language"), strings.Contains(low, "could not initialize tesseract"):
			return &Error{Reason: ReasonNoLanguage, Err: err}
		case strings.Contains(low, "read image"), strings.Contains(low, "pixread"), strings.Contains(low, "image file"):
			return &Error{Reason: ReasonDamaged, Err: fmt.Errorf("%w: %v", ErrDamaged, err)}
		}
	}
	return programError(err, ReasonNoTesseract)
}

// number writes n the Vietnamese way, with dots between thousands.
func number(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

func (r *Reader) maxPixels() int64 {
	if r.MaxPixels > 0 {
		return r.MaxPixels
	}
	return DefaultMaxPixels
}
