package docfile_test

import (
	"bytes"
	"context"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/docfile"
	"github.com/congtin/congtin/internal/docfile/docfiletest"
)

// Bounds every hostile file must stay within: the time bound is the
// Extractor's 30 s limit plus room for a loaded CI machine; the memory
// bound is what the Go readers may allocate in all (pdftotext's own memory
// is bounded by prlimit).
const (
	bombMaxTime  = 40 * time.Second
	bombMaxAlloc = 200 << 20
)

// bounded runs f and fails the test if it took longer than bombMaxTime or
// allocated more than bombMaxAlloc bytes in this process.
func bounded(t *testing.T, f func()) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	f()
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("took %v, allocated %d MB", took.Round(time.Millisecond), alloc>>20)
	if took > bombMaxTime {
		t.Errorf("took %v, over %v", took, bombMaxTime)
	}
	if alloc > bombMaxAlloc {
		t.Errorf("allocated %d MB, over %d MB", alloc>>20, bombMaxAlloc>>20)
	}
}

// vietnamese reports a message with Vietnamese letters in it: the notes
// and errors are for the back office.
func vietnamese(s string) bool {
	return strings.ContainsAny(s, "ăâđêôơưạảấầẩậắằẳặẹẻẽếềểệỉịọỏốồổộớờởợụủứừửựỳỷỹàáèéìíòóùúý")
}

func TestPDFBombs(t *testing.T) {
	flate := docfiletest.FlateBombPDF(20 << 30)
	nested := docfiletest.NestedPDF(1_000_000)
	t.Logf("flate bomb %d MB, nested %d MB", len(flate)>>20, len(nested)>>20)
	x := extractor(t)
	for name, pdf := range map[string][]byte{"flate 20 GB": flate, "nested 1e6": nested} {
		t.Run(name, func(t *testing.T) {
			t.Run("Extract", func(t *testing.T) {
				bounded(t, func() {
					text, note := x.Extract(context.Background(), "bomb.pdf", bytes.NewReader(pdf), int64(len(pdf)), "pdf")
					t.Logf("note %q, %d bytes of text", note, len(text))
					if strings.TrimSpace(strings.ReplaceAll(text, "\f", "")) != "" || !vietnamese(note) {
						t.Errorf("text %.100q, note %q: want no text and a Vietnamese note", text, note)
					}
				})
			})
			t.Run("built-in reader", func(t *testing.T) {
				bounded(t, func() {
					text, err := docfile.PDFText(pdf, congtin.MaxFileText)
					t.Logf("err %v, %d bytes of text", err, len(text))
					if strings.TrimSpace(text) != "" || err != nil && !vietnamese(congtin.ErrorMessage(err)) {
						t.Errorf("text %.100q, err %v: want no text, and a Vietnamese error if any", text, err)
					}
				})
			})
		})
	}
}

func TestDOCXBadInput(t *testing.T) {
	good := docfiletest.DOCX("Kế hoạch phát triển du lịch")
	cases := map[string][]byte{
		"truncated zip":         good[:len(good)/2],
		"not a zip":             []byte("PK\x03\x04 this is not a zip file at all " + strings.Repeat("x", 1000)),
		"zip bomb 10 GB":        docfiletest.DOCXBomb(10<<30, 10<<30),
		"zip bomb 10 GB, lying": docfiletest.DOCXBomb(10<<30, 1<<10),
		"nested XML 1e6":        docfiletest.Zip(map[string]string{"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document>" + strings.Repeat("<w:p>", 1_000_000) + "<w:t>x</w:t>" + strings.Repeat("</w:p>", 1_000_000) + "</w:document>"}),
		"nested XML open":       docfiletest.Zip(map[string]string{"[Content_Types].xml": "<Types/>", "word/document.xml": strings.Repeat("<a>", 2_000_000)}),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			bounded(t, func() {
				text, err := docfile.DOCXText(bytes.NewReader(data), int64(len(data)), congtin.MaxFileText)
				t.Logf("err %v", err)
				if err == nil || text != "" || !vietnamese(congtin.ErrorMessage(err)) {
					t.Errorf("text %.100q, err %v: want a Vietnamese error", text, err)
				}
			})
		})
	}
	// Just under the bound, a single 60 MB run of text: read, bounded,
	// and cut to the text kept.
	big := docfiletest.DOCXBomb(60<<20, 60<<20)
	bounded(t, func() {
		text, err := docfile.DOCXText(bytes.NewReader(big), int64(len(big)), congtin.MaxFileText)
		if err != nil || len(text) == 0 || len(text) > congtin.MaxFileText {
			t.Errorf("60 MB run: %d bytes of text, err %v; want text cut at %d bytes", len(text), err, congtin.MaxFileText)
		}
	})
}
