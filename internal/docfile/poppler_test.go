package docfile_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/docfile"
	"github.com/congtin/congtin/internal/docfile/docfiletest"
	"golang.org/x/text/unicode/norm"
)

// vietnameseHTML is a three-page notice in a Times-like font, the way an
// agency's page prints to PDF from a browser.
const vietnameseHTML = `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<style>body{font-family:"Liberation Serif","Times New Roman",serif;font-size:13pt;width:15cm}.pb{break-after:page}</style></head><body>
<p>ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI</p>
<p>Ủy ban nhân dân tỉnh Quảng Ngãi ban hành kế hoạch về việc phòng, chống dịch sốt xuất huyết trên địa bàn tỉnh năm 2026, giao Sở Y tế chủ trì phối hợp với các sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, thành phố triển khai các biện pháp cần thiết.</p>
<p class="pb">1. Tổ chức chiến dịch diệt lăng quăng, bọ gậy tại các khu dân cư.</p>
<p>Kinh phí thực hiện được bảo đảm từ nguồn ngân sách tỉnh phân bổ cho công tác y tế dự phòng.</p>
<p class="pb">Điều 2. Quyết định có hiệu lực kể từ ngày ký.</p>
<p>Nơi nhận: Văn phòng Ủy ban nhân dân tỉnh; lưu văn thư.</p>
</body></html>`

// extractor is an Extractor that must use pdftotext.
func extractor(t *testing.T) *docfile.Extractor {
	t.Helper()
	return &docfile.Extractor{PDFToText: docfiletest.Tool(t, "pdftotext")}
}

func TestPDFTextChromium(t *testing.T) {
	x := extractor(t)
	pdf := docfiletest.ChromiumPDF(t, vietnameseHTML)
	if !bytes.Contains(pdf, []byte("/ToUnicode")) {
		t.Fatal("Chromium's PDF has no ToUnicode map: not the file this test is about")
	}
	text, note := x.Extract(context.Background(), "ke-hoach.pdf", bytes.NewReader(pdf), int64(len(pdf)), "pdf")
	if note != "" {
		t.Fatalf("note %q", note)
	}
	if !norm.NFC.IsNormalString(text) {
		t.Error("text is not NFC")
	}
	for _, c := range []struct {
		phrase string
		page   int
	}{
		{"Ủy ban nhân dân tỉnh Quảng Ngãi ban hành kế hoạch về việc phòng, chống dịch sốt xuất huyết", 1},
		{"triển khai các biện pháp cần thiết.", 1}, // across a line break inside the paragraph
		{"1. Tổ chức chiến dịch diệt lăng quăng, bọ gậy", 1},
		{"nguồn ngân sách tỉnh phân bổ cho công tác y tế dự phòng", 2},
		{"Điều 2. Quyết định có hiệu lực", 2},
		{"lưu văn thư", 3},
	} {
		i := strings.Index(text, c.phrase)
		if i < 0 {
			t.Errorf("text lacks %q:\n%s", c.phrase, text)
			continue
		}
		if p := docfile.PageAt(text, i); p != c.page {
			t.Errorf("%q on page %d, want %d", c.phrase, p, c.page)
		}
	}
	if n := strings.Count(text, "\f") + 1; n != 3 {
		t.Errorf("%d pages, want 3", n)
	}
	// The hand-written reader finds none of it: the reason for pdftotext.
	old, _ := docfile.PDFText(pdf, 1<<20)
	if strings.Contains(old, "sốt xuất huyết") {
		t.Log("the built-in reader read the CID fonts too")
	}
}

func TestPageText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"thông tin về việc phòng,\nchống dịch", "thông tin về việc phòng, chống dịch"},
		{"phần mềm quản lý văn bản điện tử hóa-\nđơn", "phần mềm quản lý văn bản điện tử hóađơn"},
		{"mã số COVID-\n19 năm nay", "mã số COVID-19 năm nay"},
		{"Các việc sau:\n1. Diệt lăng quăng\n2. Phun thuốc\na) Khu dân cư", "Các việc sau:\n1. Diệt lăng quăng\n2. Phun thuốc\na) Khu dân cư"},
		{"ỦY BAN NHÂN DÂN\nQuyết định này", "ỦY BAN NHÂN DÂN\nQuyết định này"},
		{"Hết câu.\nCâu mới", "Hết câu.\nCâu mới"},
		{"đoạn một\n\n\n  đoạn   hai  ", "đoạn một\n\nđoạn hai"},
		{norm.NFD.String("Ủy ban nhân dân"), "Ủy ban nhân dân"},
	}
	for _, c := range cases {
		if got := docfile.PageText(c.in); got != c.want {
			t.Errorf("PageText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// script writes an executable shell script standing in for pdftotext.
func script(t *testing.T, body string) string { return docfiletest.Program(t, body) }

func TestPDFTextBadInput(t *testing.T) {
	pdftotext := docfiletest.Tool(t, "pdftotext")
	chromium := docfiletest.ChromiumPDF(t, vietnameseHTML)
	many := docfiletest.ManyPagesPDF(2000)
	simple := docfiletest.PDF("Hello register")
	cases := []struct {
		name     string
		x        docfile.Extractor
		pdf      []byte
		note     string // part of the note; "" for none
		text     string // part of the text
		maxTime  time.Duration
		maxBytes int
		noText   bool // no fallback text either
	}{
		{name: "truncated", x: docfile.Extractor{PDFToText: pdftotext}, pdf: chromium[:len(chromium)/3], note: "Không đọc được chữ trong tệp PDF", noText: true},
		{name: "garbage after header", x: docfile.Extractor{PDFToText: pdftotext}, pdf: append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte{0xff, 0, 7}, 5000)...), note: "Không đọc được chữ trong tệp PDF"},
		{name: "2000 pages", x: docfile.Extractor{PDFToText: pdftotext}, pdf: many, text: "Trang 2000", maxTime: 20 * time.Second},
		{name: "2000 pages, output cap", x: docfile.Extractor{PDFToText: pdftotext, MaxText: 1000}, pdf: many, text: "Trang 1\f", note: "chỉ phần đầu", maxBytes: 1000},
		{name: "2000 pages, time limit", x: docfile.Extractor{PDFToText: pdftotext, Timeout: time.Millisecond}, pdf: many, note: docfile.ReasonTimeout, maxTime: 5 * time.Second},
		{name: "hangs", x: docfile.Extractor{PDFToText: script(t, "sleep 60"), Timeout: 300 * time.Millisecond}, pdf: chromium, note: docfile.ReasonTimeout, maxTime: 5 * time.Second},
		{name: "crashes", x: docfile.Extractor{PDFToText: script(t, "echo partial; kill -SEGV $$")}, pdf: chromium, note: docfile.ReasonCrashed, noText: true},
		{name: "encrypted, fake", x: docfile.Extractor{PDFToText: script(t, "echo 'Command Line Error: Incorrect password' >&2; exit 1")}, pdf: chromium, note: docfile.ReasonEncrypted},
		{name: "encrypted, real", x: docfile.Extractor{PDFToText: pdftotext}, pdf: docfiletest.EncryptedPDF(), note: docfile.ReasonEncrypted, noText: true},
		{name: "memory limit", x: docfile.Extractor{PDFToText: pdftotext, MaxMemory: 8 << 20}, pdf: chromium, note: "Không đọc được chữ trong tệp PDF"},
		{name: "missing program, fallback reads", x: docfile.Extractor{PDFToText: "/nonexistent/pdftotext"}, pdf: simple, note: docfile.ReasonNoProgram, text: "Hello register"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			text, note := c.x.Extract(context.Background(), c.name+".pdf", bytes.NewReader(c.pdf), int64(len(c.pdf)), "pdf")
			took := time.Since(start)
			t.Logf("%v: note %q, %d bytes of text", took, note, len(text))
			if c.note == "" && note != "" || !strings.Contains(note, c.note) {
				t.Errorf("note %q, want one with %q", note, c.note)
			}
			if !strings.Contains(text, c.text) {
				t.Errorf("text lacks %q: %.200q", c.text, text)
			}
			if c.noText && text != "" {
				t.Errorf("text %.200q, want none", text)
			}
			if c.maxTime > 0 && took > c.maxTime {
				t.Errorf("took %v, over %v", took, c.maxTime)
			}
			if c.maxBytes > 0 && len(text) > c.maxBytes {
				t.Errorf("%d bytes of text, over %d", len(text), c.maxBytes)
			}
		})
	}
	t.Run("page numbers of 2000 pages", func(t *testing.T) {
		x := docfile.Extractor{PDFToText: pdftotext}
		text, _ := x.Extract(context.Background(), "many.pdf", bytes.NewReader(many), int64(len(many)), "pdf")
		for _, n := range []int{1, 2, 999, 2000} {
			i := strings.Index(text, fmt.Sprintf("Trang %d\f", n))
			if n == 2000 {
				i = strings.LastIndex(text, "Trang 2000")
			}
			if i < 0 || docfile.PageAt(text, i) != n {
				t.Errorf("Trang %d at %d, page %d", n, i, docfile.PageAt(text, i))
			}
		}
	})
}

// Without prlimit pdftotext still runs, and the log says once that it
// ran without a memory limit; with it, the log says nothing of the sort.
func TestPDFPagesWithoutPrlimit(t *testing.T) {
	lim := docfiletest.Tool(t, "prlimit")
	fake := script(t, `printf 'một\fhai\f'`)
	for _, c := range []struct {
		prlimit string
		warns   int
	}{{"-", 1}, {lim, 0}} {
		var log bytes.Buffer
		x := docfile.Extractor{PDFToText: fake, Prlimit: c.prlimit, Log: slog.New(slog.NewTextHandler(&log, nil))}
		pages, truncated, err := x.PDFPages(context.Background(), "in.pdf")
		if err != nil || truncated || len(pages) != 2 || pages[0] != "một" || pages[1] != "hai" {
			t.Errorf("prlimit %q: pages %q, truncated %v, err %v", c.prlimit, pages, truncated, err)
		}
		if n := strings.Count(log.String(), "without a memory limit"); n != c.warns {
			t.Errorf("prlimit %q: %d warnings, want %d:\n%s", c.prlimit, n, c.warns, log.String())
		}
	}
}
