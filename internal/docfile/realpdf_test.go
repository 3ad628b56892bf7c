package docfile_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/docfile"
	"github.com/congtin/congtin/internal/docfile/docfiletest"
	"golang.org/x/text/unicode/norm"
)

// wordParagraphs is a decision as a clerk types it in Word: a long
// paragraph that wraps, a list item, and a second page.
var wordParagraphs = []string{
	"ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI",
	"Ủy ban nhân dân tỉnh Quảng Ngãi ban hành kế hoạch về việc phòng, chống dịch sốt xuất huyết trên địa bàn tỉnh năm 2026, giao Sở Y tế chủ trì phối hợp với các sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, thành phố triển khai các biện pháp cần thiết để bảo vệ sức khỏe người dân.",
	"1. Tổ chức chiến dịch diệt lăng quăng, bọ gậy tại các khu dân cư.",
	"\f",
	"Điều 2. Quyết định có hiệu lực kể từ ngày ký; kinh phí thực hiện được bảo đảm từ nguồn ngân sách tỉnh.",
	"Nơi nhận: Văn phòng Ủy ban nhân dân tỉnh; lưu văn thư.",
}

// wordPhrases are phrases of wordParagraphs and their pages.
var wordPhrases = []struct {
	phrase string
	page   int
}{
	{"Ủy ban nhân dân tỉnh Quảng Ngãi ban hành kế hoạch về việc phòng, chống dịch sốt xuất huyết", 1},
	{"triển khai các biện pháp cần thiết để bảo vệ sức khỏe người dân.", 1},
	{"1. Tổ chức chiến dịch diệt lăng quăng, bọ gậy", 1},
	{"Điều 2. Quyết định có hiệu lực kể từ ngày ký", 2},
	{"lưu văn thư", 2},
}

// rawPDFText is pdftotext's own output, lines as it broke them.
func rawPDFText(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "raw.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(docfiletest.Tool(t, "pdftotext"), "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return norm.NFC.String(string(out))
}

func TestLibreOffice(t *testing.T) {
	x := extractor(t)
	docx, pdf := docfiletest.LibreOfficePDF(t, wordParagraphs...)

	fonts := docfiletest.Fonts(t, pdf)
	if len(fonts) == 0 {
		t.Fatal("pdffonts lists no fonts")
	}
	for _, f := range fonts {
		t.Logf("font %+v", f)
		// Embedded subsets whose codes are glyph numbers, mapped to
		// text only by their ToUnicode CMaps: the case pdf.go cannot read.
		if !f.Embedded || !f.Subset || !f.ToUnicode {
			t.Errorf("font %+v: want an embedded subset with a ToUnicode map", f)
		}
	}
	if !strings.Contains(fonts[0].Name, "LiberationSerif") {
		t.Errorf("first font %s: want Liberation Serif, fontconfig's Times New Roman", fonts[0].Name)
	}

	t.Run("PDF", func(t *testing.T) {
		text, note := x.Extract(context.Background(), "quyet-dinh.pdf", bytes.NewReader(pdf), int64(len(pdf)), "pdf")
		if note != "" {
			t.Errorf("note %q", note)
		}
		if !norm.NFC.IsNormalString(text) {
			t.Error("text is not NFC")
		}
		for _, c := range wordPhrases {
			i := strings.Index(text, c.phrase)
			if i < 0 {
				t.Errorf("text lacks %q:\n%s", c.phrase, text)
				continue
			}
			if p := docfile.PageAt(text, i); p != c.page {
				t.Errorf("%q on page %d, want %d", c.phrase, p, c.page)
			}
		}
		// The long paragraph wraps: some phrase of it crosses a line end
		// in pdftotext's own output and is whole in the text.
		raw := rawPDFText(t, pdf)
		crossed := 0
		words := strings.Fields(wordParagraphs[1])
		for i := 0; i+4 <= len(words); i++ {
			phrase := strings.Join(words[i:i+4], " ")
			if !strings.Contains(raw, phrase) {
				crossed++
				if !strings.Contains(text, phrase) {
					t.Errorf("%q, cut by a line end, is not whole in the text", phrase)
				}
			}
		}
		if crossed == 0 {
			t.Errorf("no phrase crosses a line end in pdftotext's output; the test is not testing joins:\n%s", raw)
		}
		pages, _, err := x.PDFPages(context.Background(), writeTemp(t, pdf))
		if err != nil || len(pages) != 2 {
			t.Fatalf("PDFPages: %d pages, %v", len(pages), err)
		}
		for i, p := range pages {
			if docfile.NeedsOCR(p) {
				t.Errorf("page %d judged NeedsOCR: %q", i+1, p)
			}
		}
		// The hand-written reader sees the subset codes, not the text,
		// and must not index them when pdftotext is missing.
		if old, _ := docfile.PDFText(pdf, 1<<20); strings.Contains(old, "sốt xuất huyết") {
			t.Log("the built-in reader read LibreOffice's fonts too")
		} else {
			fallback := docfile.Extractor{PDFToText: "/nonexistent/pdftotext"}
			if text, note := fallback.Extract(context.Background(), "quyet-dinh.pdf", bytes.NewReader(pdf), int64(len(pdf)), "pdf"); text != "" || note == "" {
				t.Errorf("built-in reader: text %.200q, note %q; want no text and a note", text, note)
			}
		}
	})

	t.Run("DOCX", func(t *testing.T) {
		text, err := docfile.DOCXText(bytes.NewReader(docx), int64(len(docx)), 1<<20)
		if err != nil {
			t.Fatal(err)
		}
		docfiletest.CheckTimesNewRoman(t, docx)
		for _, c := range wordPhrases {
			if !strings.Contains(norm.NFC.String(text), c.phrase) {
				t.Errorf("DOCX text lacks %q:\n%s", c.phrase, text)
			}
		}
	})

	t.Run("no ToUnicode", func(t *testing.T) {
		bad := docfiletest.NoToUnicode(t, pdf)
		for _, f := range docfiletest.Fonts(t, bad) {
			if f.ToUnicode {
				t.Fatalf("font %s still has a ToUnicode map", f.Name)
			}
		}
		pages, _, err := x.PDFPages(context.Background(), writeTemp(t, bad))
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range pages {
			t.Logf("page %d: %q", i+1, p)
			if !docfile.NeedsOCR(p) {
				t.Errorf("page %d not judged NeedsOCR: %q", i+1, p)
			}
		}
		checkGarbled(t, bad)
	})
}

// checkGarbled checks that a PDF whose fonts lost their ToUnicode maps
// gives no text, only a note, by pdftotext and by the built-in reader.
func checkGarbled(t *testing.T, bad []byte) {
	t.Helper()
	for _, x := range []*docfile.Extractor{extractor(t), {PDFToText: "/nonexistent/pdftotext"}} {
		text, note := x.Extract(context.Background(), "no-unicode.pdf", bytes.NewReader(bad), int64(len(bad)), "pdf")
		t.Logf("%s: note %q", x.PDFToText, note)
		if text != "" {
			t.Errorf("%s: text %.300q, want none", x.PDFToText, text)
		}
		if note == "" {
			t.Errorf("%s: no note", x.PDFToText)
		}
	}
}

func writeTemp(t *testing.T, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "file.pdf")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
