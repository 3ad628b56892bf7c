package congtin

import (
	"context"
	"log/slog"
)

// The text of an attachment is read in the background: an upload or an
// import stores the file with TextPending and queues a JobFileText; the
// worker reads it (pdftotext, OCR of scanned pages and images, the XML of
// a DOCX) and writes TextDone or TextFailed.
const (
	TextPending = "pending"
	TextDone    = "done"
	TextFailed  = "failed"
)

// Where a file's text came from.
const (
	TextFromPDF    = "pdf"     // the PDF's text layer
	TextFromOCR    = "ocr"     // character recognition of page images
	TextFromPDFOCR = "pdf+ocr" // both: some pages had text, others were scans
	TextFromDOCX   = "docx"
	TextFromEditor = "editor" // typed or corrected in the back office
)

// TextStateName is how the back office names a file's text state.
func TextStateName(state string) string {
	switch state {
	case TextPending:
		return "Đang nhận dạng"
	case TextDone:
		return "Đã có văn bản"
	case TextFailed:
		return "Không đọc được"
	}
	return state
}

// TextSourceName says in the back office where a file's text came from.
func TextSourceName(source string) string {
	switch source {
	case TextFromPDF:
		return "lớp chữ của tệp PDF"
	case TextFromOCR:
		return "nhận dạng chữ (OCR) từ ảnh quét"
	case TextFromPDFOCR:
		return "lớp chữ của tệp PDF và nhận dạng chữ (OCR) các trang quét"
	case TextFromDOCX:
		return "nội dung tệp Word"
	case TextFromEditor:
		return "biên tập viên nhập hoặc sửa"
	}
	return ""
}

// FileText is what reading a file gave: its text (State TextDone) or why
// there is none (TextFailed). Note may accompany a text too, saying what
// was left out (pages not read, a program missing).
type FileText struct {
	State, Text, Note, Source string
}

// FileTextReader reads the text of a stored attachment. It never returns
// an error for the file's content (that is a TextFailed FileText); err is
// for what another try may cure: the context ended, the file store is
// unreachable.
type FileTextReader interface {
	ReadFileText(ctx context.Context, f *DocumentFile) (FileText, error)
}

// FileTextService runs the queue of attachments waiting to be read.
type FileTextService interface {
	// RunFileTextJobs reads queued attachments with r until none is due
	// or ctx ends, and returns how many it finished; worker names the
	// process in the queue.
	RunFileTextJobs(ctx context.Context, r FileTextReader, worker string, log *slog.Logger) (int, error)
}
