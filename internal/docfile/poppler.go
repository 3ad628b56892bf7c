package docfile

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/subproc"
	"golang.org/x/text/unicode/norm"
)

// The text of a PDF comes from poppler's pdftotext (Debian poppler-utils),
// which reads what the hand-written reader in pdf.go cannot: Type0/CID
// fonts with ToUnicode maps, as Word, LibreOffice and Chromium write for
// Vietnamese. It runs as a bounded subprocess (internal/subproc: no
// shell, a time limit, a memory limit through prlimit, an output cap, a
// minimal environment) on the spooled file, by path (a temporary copy
// when the caller has only an io.ReaderAt), never a name the user chose.
// Without prlimit it runs unlimited in memory and the log says so once
// per extraction; at the output cap the text kept is what came first.
//
// When pdftotext is missing or fails (encrypted file, crash, time limit),
// the hand-written reader is tried and the reason is kept.

// Pages separate the pages of an extracted PDF's text: pdftotext writes a
// form feed after each page, and the text kept for the index keeps them,
// so a position in the text tells its page (PageAt).
const PageBreak = '\f'

// Extractor reads the text of attachments. The zero value uses the
// defaults below, pdftotext and prlimit from PATH, and slog.Default().
type Extractor struct {
	PDFToText string        // path of pdftotext; "" looks it up in PATH
	Prlimit   string        // path of prlimit; "" looks it up in PATH, "-" runs without it
	Timeout   time.Duration // per file; 0 is DefaultPDFTimeout
	MaxMemory int64         // address space of pdftotext in bytes; 0 is DefaultPDFMemory
	MaxText   int           // bytes of text kept; 0 is congtin.MaxFileText
	Log       *slog.Logger
}

// Defaults of an Extractor.
const (
	DefaultPDFTimeout = 30 * time.Second
	DefaultPDFMemory  = 1 << 30
)

// PDFError says why pdftotext gave no text. Its Error is the sentence the
// back office shows, in Vietnamese.
type PDFError struct {
	Reason string // e.g. "tệp bị mã hóa"
	Err    error  // the underlying error, for the log
}

func (e *PDFError) Error() string {
	return "Không đọc được chữ trong tệp PDF: " + e.Reason + "."
}
func (e *PDFError) Unwrap() error { return e.Err }

// Reasons of a PDFError.
const (
	ReasonNoProgram = "máy chủ chưa cài chương trình pdftotext (gói poppler-utils)"
	ReasonEncrypted = "tệp bị mã hóa (có mật khẩu)"
	ReasonTimeout   = "đọc quá thời gian cho phép"
	ReasonMemory    = "tệp quá phức tạp, vượt giới hạn bộ nhớ"
	ReasonDamaged   = "tệp bị hỏng hoặc không đúng định dạng PDF"
	ReasonCrashed   = "chương trình đọc PDF bị dừng đột ngột (có thể do tệp vượt giới hạn bộ nhớ)"
	ReasonFailed    = "chương trình đọc PDF gặp lỗi"
)

func (x *Extractor) log() *slog.Logger {
	if x.Log != nil {
		return x.Log
	}
	return slog.Default()
}

func (x *Extractor) maxText() int {
	if x.MaxText > 0 {
		return x.MaxText
	}
	return congtin.MaxFileText
}

// PDFPages runs pdftotext on the PDF at path and returns its pages' text,
// NFC-normalised, with lines broken inside a paragraph joined (PageText).
// truncated reports that the output cap stopped the reading; the pages
// returned are then those read so far. A failure is a *PDFError.
func (x *Extractor) PDFPages(ctx context.Context, path string) (pages []string, truncated bool, err error) {
	l := subproc.Limits{
		Timeout:   x.Timeout,
		MaxMemory: x.MaxMemory,
		// Raw text may shrink when lines are joined; read a little more
		// than is kept, and no more.
		MaxOutput: int64(x.maxText()) * 2,
		Prlimit:   x.Prlimit,
	}
	if l.Timeout <= 0 {
		l.Timeout = DefaultPDFTimeout
	}
	if l.MaxMemory <= 0 {
		l.MaxMemory = DefaultPDFMemory
	}
	prog := x.PDFToText
	if prog == "" {
		prog = "pdftotext"
	}
	res, err := subproc.Run(ctx, l, prog, "-enc", "UTF-8", "-eol", "unix", "--", path, "-")
	if res != nil && res.Unlimited {
		x.log().Warn("pdftotext runs without a memory limit: prlimit (util-linux) not found", "file", path)
	}
	if err != nil {
		return nil, false, classify(err)
	}
	return splitPages(string(res.Stdout), res.Truncated), res.Truncated, nil
}

// classify turns subproc's error into a reason. pdftotext's stderr tells
// a password and a failed allocation from the rest; exit status 1 is
// "error opening a PDF file" and 3 "error related to PDF permissions";
// a signal is a crash or, under the address-space limit, usually an
// allocation that failed.
func classify(err error) *PDFError {
	var (
		failed  *subproc.Failed
		crashed *subproc.Crashed
		stderr  string
	)
	switch {
	case errors.As(err, &failed):
		stderr = failed.Stderr
	case errors.As(err, &crashed):
		stderr = crashed.Stderr
	}
	low := strings.ToLower(stderr)
	switch {
	case errors.Is(err, subproc.ErrNotFound):
		return &PDFError{Reason: ReasonNoProgram, Err: err}
	case errors.Is(err, subproc.ErrTimeout):
		return &PDFError{Reason: ReasonTimeout, Err: err}
	case strings.Contains(low, "password") || strings.Contains(low, "encrypt"):
		return &PDFError{Reason: ReasonEncrypted, Err: err}
	case strings.Contains(low, "bad_alloc") || strings.Contains(low, "out of memory") || strings.Contains(low, "cannot allocate"):
		return &PDFError{Reason: ReasonMemory, Err: err}
	case failed != nil && (failed.Code == 1 || failed.Code == 3):
		return &PDFError{Reason: ReasonDamaged, Err: err}
	case crashed != nil:
		return &PDFError{Reason: ReasonCrashed, Err: err}
	}
	return &PDFError{Reason: ReasonFailed, Err: err}
}

// splitPages cuts pdftotext's output at its form feeds (one after each
// page) and tidies each page. A truncated output's last page is kept as
// far as it was read.
func splitPages(raw string, truncated bool) []string {
	raw = strings.ToValidUTF8(raw, "")
	parts := strings.Split(raw, string(PageBreak))
	if !truncated && len(parts) > 1 && strings.TrimSpace(parts[len(parts)-1]) == "" {
		parts = parts[:len(parts)-1]
	}
	pages := make([]string, len(parts))
	for i, p := range parts {
		pages[i] = PageText(p)
	}
	return pages
}

// PageText normalises one page of extracted text for the index and for
// snippets: NFC (a syllable's marks composed, whatever the PDF's glyphs
// were), paragraphs separated by one blank line, the lines of a paragraph
// joined by a space (unless one ends a sentence or a heading in capitals
// and the next starts with a capital), a word hyphenated at a line end joined again. A line
// that starts a list item ("1.", "a)", "-", "•", "Điều 5") stays on its
// own line.
func PageText(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	for i, para := range paragraphs(s) {
		if i > 0 {
			b.WriteString("\n\n")
		}
		for j, line := range para {
			if j > 0 {
				prev := para[j-1]
				switch {
				case listItem(line), lineEnd(prev, line):
					b.WriteByte('\n')
				case hyphenated(prev, line):
					// The hyphen was written: take it back for a
					// lower-case continuation ("thông-\ntin" is one word).
					out := b.String()
					b.Reset()
					b.WriteString(strings.TrimSuffix(out, "-"))
				case strings.HasSuffix(prev, "-"):
					// "COVID-\n19": keep the hyphen, no space.
				default:
					b.WriteByte(' ')
				}
			}
			b.WriteString(line)
		}
	}
	return rejoinSyllables(b.String())
}

// paragraphs splits text into paragraphs (runs of non-blank lines), each
// line trimmed and its inner runs of spaces made one.
func paragraphs(s string) [][]string {
	var out [][]string
	var cur []string
	for _, line := range strings.Split(s, "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			if cur != nil {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, line)
	}
	if cur != nil {
		out = append(out, cur)
	}
	return out
}

// lineEnd reports a line break that ends a paragraph although pdftotext
// wrote no blank line: after a heading in capitals, or after a sentence's
// end when the next line starts with a capital.
func lineEnd(prev, next string) bool {
	if !strings.ContainsFunc(prev, unicode.IsLower) && strings.ContainsFunc(prev, unicode.IsUpper) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(prev)
	first, _ := utf8.DecodeRuneInString(next)
	return strings.ContainsRune(".:;!?", last) && unicode.IsUpper(first)
}

// hyphenated reports a word cut at the end of prev with a hyphen and
// continued in lower case at the start of next.
func hyphenated(prev, next string) bool {
	if len(prev) < 2 || !strings.HasSuffix(prev, "-") {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(prev[:len(prev)-1])
	first, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLetter(before) && unicode.IsLower(first)
}

// listItem reports a line that begins a list item or an article of a
// legal text, which keeps its own line.
func listItem(line string) bool {
	first, size := utf8.DecodeRuneInString(line)
	switch first {
	case '-', '+', '•', '–', '*', '·':
		return true
	}
	if strings.HasPrefix(line, "Điều ") || strings.HasPrefix(line, "Chương ") || strings.HasPrefix(line, "Mục ") {
		return true
	}
	// "1.", "12)", "a)", "b."
	rest := line[size:]
	if unicode.IsDigit(first) {
		rest = strings.TrimLeftFunc(rest, unicode.IsDigit)
	} else if !(first >= 'a' && first <= 'z' && len(rest) > 0 && rest[0] == ')') {
		return false
	}
	return strings.HasPrefix(rest, ". ") || strings.HasPrefix(rest, ") ")
}

// PageAt returns the page (from 1) of the byte offset i of a text whose
// pages are separated by PageBreak.
func PageAt(text string, i int) int {
	if i > len(text) {
		i = len(text)
	}
	return 1 + strings.Count(text[:max(i, 0)], string(PageBreak))
}

// JoinPages joins pages' text with PageBreak, cut at maxText bytes on a
// character boundary.
func JoinPages(pages []string, maxText int) string {
	return clip(strings.Join(pages, string(PageBreak)), maxText)
}

// pdfText reads a PDF spooled at path (or, with path "", from f) with
// pdftotext and, when that fails, with the hand-written reader. note says
// why there is no text or why it may be incomplete; every failure is
// logged with the file's name.
func (x *Extractor) pdfText(ctx context.Context, name, path string, f io.ReaderAt, size int64) (text, note string) {
	if path == "" {
		tmp, err := os.CreateTemp("", "congtin-pdf-*")
		if err != nil {
			return "", "Không đọc được tệp."
		}
		defer os.Remove(tmp.Name())
		_, err = io.Copy(tmp, io.NewSectionReader(f, 0, size))
		if cerr := tmp.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return "", "Không đọc được tệp."
		}
		path = tmp.Name()
	}
	start := time.Now()
	pages, truncated, err := x.PDFPages(ctx, path)
	if err == nil {
		garbled := dropGarbled(pages)
		text = JoinPages(pages, x.maxText())
		if strings.TrimSpace(strings.ReplaceAll(text, string(PageBreak), "")) != "" {
			switch {
			case truncated:
				x.log().Info("pdf text cut at the output limit", "file", name, "pages", len(pages), "elapsed", time.Since(start))
				return text, "Tệp có nhiều chữ; chỉ phần đầu được dùng cho tìm kiếm."
			case garbled > 0:
				x.log().Info("pdf pages without a usable text layer", "file", name, "pages", len(pages), "garbled", garbled)
				return text, NoteGarbledPages
			}
			return text, ""
		}
		if garbled > 0 {
			x.log().Info("pdf text layer is not text (fonts without ToUnicode?)", "file", name, "pages", len(pages))
			return "", NoteGarbled
		}
		x.log().Info("pdf has no text layer", "file", name, "pages", len(pages))
		return "", "Tệp không có chữ đọc được (có thể là bản quét); tìm kiếm theo số, ký hiệu và trích yếu."
	}
	var pe *PDFError
	if !errors.As(err, &pe) {
		pe = &PDFError{Reason: ReasonFailed, Err: err}
	}
	x.log().Warn("pdftotext failed; trying the built-in reader", "file", name, "reason", pe.Reason, "err", pe.Err, "elapsed", time.Since(start))
	// The built-in reader is bounded in memory and work by itself; an
	// encrypted file's streams would give it only ciphertext.
	if size > pdfMaxFallbackBytes || pe.Reason == ReasonEncrypted {
		return "", pe.Error()
	}
	data := make([]byte, size)
	if _, rerr := f.ReadAt(data, 0); rerr != nil && rerr != io.EOF {
		return "", pe.Error()
	}
	fallback, ferr := PDFText(data, x.maxText())
	if ferr != nil || !plausibleText(fallback) {
		return "", pe.Error()
	}
	return norm.NFC.String(fallback), pe.Error() + " Chữ được đọc bằng bộ đọc dự phòng, có thể thiếu."
}

// pdfMaxFallbackBytes bounds the files given to the built-in reader,
// which holds the whole file in memory.
const pdfMaxFallbackBytes = 64 << 20
