package docfile_test

import (
	"context"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/docfile"
	"github.com/congtin/congtin/internal/docfile/docfiletest"
)

func TestNeedsOCR(t *testing.T) {
	real := docfile.PageText("Ủy ban nhân dân tỉnh Quảng Ngãi ban hành kế hoạch về việc phòng,\nchống dịch sốt xuất huyết trên địa bàn tỉnh năm 2026.\n\nĐiều 2. Quyết định có hiệu lực kể từ ngày ký.")
	cases := []struct {
		name string
		page string
		want bool
	}{
		{"real page", real, false},
		{"English page", "The committee approved the plan for the prevention of dengue fever in the province.", false},
		{"real page with abbreviations", "UBND tỉnh; HĐND huyện; TP. Quảng Ngãi; Sở GTVT và Sở TN&MT phối hợp thực hiện.", false},
		{"blank page", "", true},
		{"blank lines", " \n\n \t", true},
		{"page number only", "- 3 -", true},
		{"running header only", "Trang 3", true},
		// pdftotext's output for a LibreOffice page whose fonts lost their ToUnicode maps.
		{"subset codes", "%& ' 0 21\n\n/\n\n1\n\n() *+*,\" \" $ \" 3(\n\n4 ( \"\n\n-\n\n%\n\n%. / /\n\n! / 1\n\n\" / # \"\n\n'\n\n\"\n\n#\n\n$ #", true},
		{"single letters", "Q u y ế t đ ị n h n à y c ó h i ệ u l ự c k ể t ừ n g à y k ý", true},
		{"private use", strings.Repeat("\ue001\ue002\ue003 ", 30), true},
		{"control characters", strings.Repeat("ab\x01\x02cd\x03 ", 30), true},
		{"glyph numbers as letters", strings.Repeat("ÑxÇ bqz ĳþð ʤʧ ", 10), true},
		{"other script", strings.Repeat("Привет мир это текст ", 5), true},
	}
	for _, c := range cases {
		if got := docfile.NeedsOCR(c.page); got != c.want {
			t.Errorf("%s: NeedsOCR(%.80q) = %v, want %v", c.name, c.page, got, c.want)
		}
	}
}

// A browser's PDF (Type0/Identity-H fonts) whose ToUnicode maps are gone:
// pdftotext's pages are judged NeedsOCR, and neither it nor the built-in
// reader gives the glyph numbers as text.
func TestChromiumNoToUnicode(t *testing.T) {
	pdf := docfiletest.ChromiumPDF(t, vietnameseHTML)
	for _, f := range docfiletest.Fonts(t, pdf) {
		if !strings.Contains(f.Type, "CID") || f.Encoding != "Identity-H" || !f.ToUnicode {
			t.Errorf("font %+v: want a CID font, Identity-H, with a ToUnicode map", f)
		}
	}
	bad := docfiletest.NoToUnicode(t, pdf)
	pages, _, err := extractor(t).PDFPages(context.Background(), writeTemp(t, bad))
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range pages {
		t.Logf("page %d: %.200q", i+1, p)
		if !docfile.NeedsOCR(p) {
			t.Errorf("page %d not judged NeedsOCR: %.200q", i+1, p)
		}
	}
	checkGarbled(t, bad)
}
