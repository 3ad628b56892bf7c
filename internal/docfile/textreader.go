package docfile

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/congtin/congtin"
)

// OCR reads the characters of page images: *ocr.Reader (Tesseract with
// its Vietnamese data, pages rendered by pdftoppm) is one. Its errors are
// sentences for the back office.
type OCR interface {
	// Check says why OCR cannot run here (a program or the Vietnamese
	// data missing), or nil.
	Check(ctx context.Context) error
	Image(ctx context.Context, path string) (string, error)
	PDFPage(ctx context.Context, pdfPath string, page int) (string, error)
}

// TextReader reads the text of stored attachments, in the background
// (congtin.FileTextReader): a PDF's text layer with pdftotext, the pages
// that have none (or only unreadable glyph codes) and pictures with OCR,
// a DOCX's XML. Each program runs bounded (Extractor, OCR); what a file
// holds never makes it fail, only its state and note.
type TextReader struct {
	Files     Store
	Extractor *Extractor // nil: the defaults
	OCR       OCR        // nil: no OCR; scans stay without text, saying why
	// MaxOCRPages bounds the pages of one PDF given to OCR (a few seconds
	// each); 0 is DefaultMaxOCRPages.
	MaxOCRPages int
	TempDir     string // "" for the system's
	Log         *slog.Logger

	// ocrReady: OCR.Check has passed once. Only success is remembered
	// (Check runs tesseract --list-langs): a server that lacks Tesseract
	// reads scans as soon as it is installed.
	ocrReady atomic.Bool
}

// checkOCR is OCR.Check, run until it first passes.
func (r *TextReader) checkOCR(ctx context.Context) error {
	if r.ocrReady.Load() {
		return nil
	}
	if err := r.OCR.Check(ctx); err != nil {
		return err
	}
	r.ocrReady.Store(true)
	return nil
}

// DefaultMaxOCRPages is TextReader's bound on the scanned pages read of
// one file: a legal document's signed scan is a few pages; a 500-page
// scanned book would hold the queue for an hour.
const DefaultMaxOCRPages = 40

var _ congtin.FileTextReader = (*TextReader)(nil)

func (r *TextReader) log() *slog.Logger {
	if r.Log != nil {
		return r.Log
	}
	return slog.Default()
}

func (r *TextReader) extractor() *Extractor {
	if r.Extractor != nil {
		return r.Extractor
	}
	return &Extractor{Log: r.Log}
}

// ReadFileText implements congtin.FileTextReader.
func (r *TextReader) ReadFileText(ctx context.Context, f *congtin.DocumentFile) (congtin.FileText, error) {
	failed := func(note string) (congtin.FileText, error) {
		return congtin.FileText{State: congtin.TextFailed, Note: note}, nil
	}
	switch {
	case f.Kind == congtin.FilePDF, f.Kind == congtin.FileDOCX, congtin.FileIsImage(f.Kind):
	default:
		return failed("Không trích được chữ từ loại tệp này; tìm kiếm theo số, ký hiệu và trích yếu.")
	}
	tmp, err := r.spool(ctx, f)
	if congtin.ErrorCode(err) == congtin.ENOTFOUND {
		r.log().Error("attachment missing from the file store", "file", f.ID, "hash", f.Hash)
		return failed("Không tìm thấy tệp trong kho lưu trữ của máy chủ.")
	}
	if err != nil {
		return congtin.FileText{}, err
	}
	defer func() { tmp.Close(); os.Remove(tmp.Name()) }()

	var ft congtin.FileText
	switch {
	case f.Kind == congtin.FileDOCX:
		text, note := r.extractor().Extract(ctx, f.Name, tmp, f.Size, f.Kind)
		ft = congtin.FileText{Text: text, Note: note, Source: congtin.TextFromDOCX}
	case congtin.FileIsImage(f.Kind):
		ft, err = r.image(ctx, f, tmp.Name())
	default:
		ft, err = r.pdf(ctx, f, tmp)
	}
	if err == nil && ctx.Err() != nil {
		// Cut short by a shutdown, not by the file: read it again later.
		err = ctx.Err()
	}
	if err != nil {
		return congtin.FileText{}, err
	}
	ft.State = congtin.TextDone
	if strings.TrimSpace(strings.ReplaceAll(ft.Text, string(PageBreak), "")) == "" {
		ft.State, ft.Text, ft.Source = congtin.TextFailed, "", ""
		if ft.Note == "" {
			ft.Note = "Tệp không có chữ đọc được."
		}
	}
	return ft, nil
}

// spool copies the stored file to a temporary one, which the programs
// read by path.
func (r *TextReader) spool(ctx context.Context, f *congtin.DocumentFile) (*os.File, error) {
	src, err := r.Files.Open(ctx, f.Hash, f.Kind)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	tmp, err := os.CreateTemp(r.TempDir, "congtin-read-*")
	if err != nil {
		return nil, err
	}
	if _, err = io.Copy(tmp, io.LimitReader(src, f.Size+1)); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, fmt.Errorf("docfile: copy %s: %w", f.Hash, err)
	}
	return tmp, nil
}

// image reads a scanned page attached as a picture.
func (r *TextReader) image(ctx context.Context, f *congtin.DocumentFile, path string) (congtin.FileText, error) {
	if r.OCR == nil {
		r.log().Warn("scanned image left unread: no OCR on this server", "file", f.ID)
		return congtin.FileText{Note: noOCR}, nil
	}
	if err := r.checkOCR(ctx); err != nil {
		r.log().Warn("scanned image left unread", "file", f.ID, "reason", err)
		return congtin.FileText{Note: err.Error()}, nil
	}
	text, err := r.OCR.Image(ctx, path)
	if err != nil {
		if ctx.Err() != nil {
			return congtin.FileText{}, ctx.Err()
		}
		r.log().Warn("attachment image not read", "file", f.ID, "reason", err)
		return congtin.FileText{Note: err.Error()}, nil
	}
	return congtin.FileText{Text: PageText(text), Source: congtin.TextFromOCR}, nil
}

// noOCR is the note of a scan when this server has no OCR.
const noOCR = "Tệp là bản quét nhưng máy chủ không bật nhận dạng chữ (OCR); tìm kiếm theo số, ký hiệu và trích yếu."

// pdf reads a PDF's text layer, then recognises the pages that have
// none: a scanned document, or a scan with a typed cover page.
func (r *TextReader) pdf(ctx context.Context, f *congtin.DocumentFile, file *os.File) (congtin.FileText, error) {
	x := r.extractor()
	pages, truncated, err := x.PDFPages(ctx, file.Name())
	if err != nil {
		if ctx.Err() != nil {
			return congtin.FileText{}, ctx.Err()
		}
		var pe *PDFError
		if errors.As(err, &pe) && pe.Reason != ReasonNoProgram && pe.Reason != ReasonDamaged && pe.Reason != ReasonFailed {
			// Encrypted, too slow, too big: neither the fallback reader
			// nor pdftoppm would do better.
			x.log().Warn("pdf text not read", "file", f.ID, "reason", pe.Reason, "err", pe.Err)
			return congtin.FileText{Note: pe.Error()}, nil
		}
		text, note := x.pdfText(ctx, f.Name, file.Name(), file, f.Size)
		return congtin.FileText{Text: text, Note: note, Source: congtin.TextFromPDF}, nil
	}
	var scanned []int
	for i, p := range pages {
		if NeedsOCR(p) {
			scanned = append(scanned, i)
		}
	}
	var notes []string
	if truncated {
		notes = append(notes, "Tệp có nhiều chữ; chỉ phần đầu được dùng cho tìm kiếm.")
	}
	var ocred map[int]bool
	if len(scanned) > 0 {
		read, note, err := r.ocrPages(ctx, f, file.Name(), pages, scanned)
		if err != nil {
			return congtin.FileText{}, err
		}
		ocred = read
		if note != "" {
			notes = append(notes, note)
		}
	}
	fromPDF := false
	for i, p := range pages {
		fromPDF = fromPDF || !ocred[i] && strings.TrimSpace(p) != ""
	}
	ft := congtin.FileText{Text: JoinPages(pages, x.maxText()), Note: strings.Join(notes, " ")}
	switch {
	case len(ocred) > 0 && fromPDF:
		ft.Source = congtin.TextFromPDFOCR
	case len(ocred) > 0:
		ft.Source = congtin.TextFromOCR
	default:
		ft.Source = congtin.TextFromPDF
	}
	return ft, nil
}

// ocrPages recognises the pages listed (0-based) in place, up to the
// bound; a page it cannot read keeps what pdftotext gave (nothing, for a
// page whose glyph codes could not be mapped: PDFPages empties those). It
// returns the pages it read and a note on the others.
func (r *TextReader) ocrPages(ctx context.Context, f *congtin.DocumentFile, path string, pages []string, scanned []int) (map[int]bool, string, error) {
	if r.OCR == nil {
		r.log().Warn("pdf pages without text left unread: no OCR on this server", "file", f.ID, "pages", len(scanned))
		return nil, noOCR, nil
	}
	if err := r.checkOCR(ctx); err != nil {
		r.log().Warn("pdf pages without text left unread", "file", f.ID, "pages", len(scanned), "reason", err)
		return nil, err.Error(), nil
	}
	limit := r.MaxOCRPages
	if limit <= 0 {
		limit = DefaultMaxOCRPages
	}
	read := map[int]bool{}
	var failed []string
	var firstErr error
	for k, i := range scanned {
		if k >= limit {
			break
		}
		text, err := r.OCR.PDFPage(ctx, path, i+1)
		if ctx.Err() != nil {
			return nil, "", ctx.Err()
		}
		if err != nil {
			r.log().Warn("pdf page not recognised", "file", f.ID, "page", i+1, "reason", err)
			failed = append(failed, strconv.Itoa(i+1))
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		// A page whose short text layer reads well ("- 3 -") keeps it
		// when the picture holds nothing more.
		if text = PageText(text); strings.TrimSpace(text) != "" {
			pages[i] = text
			read[i] = true
		}
	}
	var notes []string
	if len(failed) > 0 {
		notes = append(notes, "Không nhận dạng được trang "+strings.Join(failed, ", ")+": "+firstErr.Error())
	}
	if len(scanned) > limit {
		notes = append(notes, "Tệp có "+strconv.Itoa(len(scanned))+" trang quét; chỉ "+strconv.Itoa(limit)+" trang đầu được nhận dạng.")
	}
	return read, strings.Join(notes, " "), nil
}
