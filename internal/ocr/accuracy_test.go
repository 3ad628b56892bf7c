package ocr_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/congtin/congtin/internal/docfile/docfiletest"
	"github.com/congtin/congtin/internal/ocr"
	"golang.org/x/text/unicode/norm"
)

// noticeParagraphs is a plan of a commune's People's Committee as such
// plans are written: headings in capitals, long sentences, and most of
// the tone marks and vowels with marks Vietnamese has.
var noticeParagraphs = []string{
	"ỦY BAN NHÂN DÂN XÃ BÌNH THUẬN",
	"KẾ HOẠCH",
	"Triển khai công tác phòng, chống dịch bệnh và bảo đảm vệ sinh môi trường trên địa bàn xã năm 2026",
	"Thực hiện chỉ đạo của Ủy ban nhân dân huyện về việc chủ động phòng, chống dịch bệnh mùa mưa bão, Ủy ban nhân dân xã ban hành kế hoạch triển khai với những nội dung chủ yếu sau đây.",
	"1. Mục đích, yêu cầu: nâng cao nhận thức của người dân về giữ gìn vệ sinh, thu gom rác thải đúng nơi quy định; huy động sự tham gia của các đoàn thể, trường học và hộ gia đình; bảo đảm sức khỏe cộng đồng, hạn chế thấp nhất số ca mắc bệnh.",
	"2. Nội dung thực hiện: tổ chức ra quân tổng vệ sinh vào sáng thứ bảy hằng tuần; khơi thông cống rãnh, phát quang bụi rậm, xử lý các vũng nước đọng quanh nhà; phun thuốc diệt muỗi tại những thôn có nguy cơ cao; kiểm tra việc bảo quản lương thực, thực phẩm và nguồn nước uống của các bếp ăn tập thể.",
	"3. Tổ chức thực hiện: Trạm y tế xã chủ trì, phối hợp với Công an xã, Đoàn thanh niên và Hội Liên hiệp phụ nữ hướng dẫn người dân; trưởng các thôn, ấp đôn đốc từng hộ thực hiện đầy đủ, báo cáo kết quả về Ủy ban nhân dân xã trước ngày hai mươi lăm hằng tháng. Kinh phí được bảo đảm từ nguồn ngân sách xã và sự đóng góp tự nguyện của các tổ chức, cá nhân.",
	"Trong quá trình triển khai, nếu có khó khăn, vướng mắc, các đơn vị kịp thời phản ánh về Văn phòng Ủy ban nhân dân xã để được giải quyết.",
}

func noticeHTML() string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>` +
		`body{font-family:"Liberation Serif","Times New Roman",serif;font-size:14pt;line-height:1.35;margin:2cm 2cm 2cm 3cm}` +
		`p{text-align:justify;margin:0 0 8pt}p.c{text-align:center;font-weight:bold}</style></head><body>`)
	for i, p := range noticeParagraphs {
		if i < 2 {
			fmt.Fprintf(&b, `<p class="c">%s</p>`, p)
		} else {
			fmt.Fprintf(&b, `<p>%s</p>`, p)
		}
	}
	b.WriteString(`</body></html>`)
	return b.String()
}

func TestOCRAccuracy(t *testing.T) {
	r := &ocr.Reader{Tesseract: docfiletest.Tool(t, "tesseract"), PDFToPPM: docfiletest.Tool(t, "pdftoppm")}
	if err := r.Check(context.Background()); err != nil {
		if os.Getenv("CONGTIN_REQUIRE_TOOLS") != "" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	want := strings.Join(noticeParagraphs, "\n")
	// One print and scan serves both: Chromium is the slow part.
	pages := docfiletest.ScanPages(t, noticeHTML())
	dir := t.TempDir()

	t.Run("PDF", func(t *testing.T) {
		t.Parallel()
		path := filepath.Join(dir, "scan.pdf")
		if err := os.WriteFile(path, docfiletest.ImagesPDF(t, pages), 0o600); err != nil {
			t.Fatal(err)
		}
		got, err := r.PDFPage(context.Background(), path, 1)
		if err != nil {
			t.Fatal(err)
		}
		report(t, "scanned PDF page", got, want)
	})
	t.Run("Image", func(t *testing.T) {
		t.Parallel()
		path := filepath.Join(dir, "scan.jpg")
		if err := os.WriteFile(path, pages[0], 0o600); err != nil {
			t.Fatal(err)
		}
		got, err := r.Image(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		report(t, "scanned JPEG", got, want)
	})
}

// report measures got against want, prints the figures where CI output
// shows them, and fails below 95 % of syllables right.
func report(t *testing.T, what, got, want string) {
	t.Helper()
	if !norm.NFC.IsNormalString(got) || got != strings.TrimSpace(got) {
		t.Error("text is not NFC and trimmed")
	}
	a := measure(syllables(got), syllables(want))
	line := fmt.Sprintf("OCR syllable accuracy (%s): %.1f%% (%d/%d); syllables with diacritics: %.1f%% (%d/%d)",
		what, a.percent(), a.matched, a.total, a.marksPercent(), a.marksMatched, a.marks)
	t.Log(line)
	if !testing.Verbose() {
		fmt.Println(line)
	}
	if a.percent() < 95 {
		t.Errorf("accuracy below 95%%; read:\n%s", got)
	}
}

// syllables are the words of s, NFC, lower case, without punctuation.
func syllables(s string) []string {
	s = strings.ToLower(norm.NFC.String(s))
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

type accuracy struct{ matched, total, marksMatched, marks int }

func (a accuracy) percent() float64 { return 100 * float64(a.matched) / float64(max(a.total, 1)) }
func (a accuracy) marksPercent() float64 {
	return 100 * float64(a.marksMatched) / float64(max(a.marks, 1))
}

// measure aligns the syllables read with the reference's by their
// longest common subsequence: a syllable counts when it was read exactly,
// marks and all, in its place.
func measure(got, want []string) accuracy {
	// lcs[i][j] is the LCS of want[i:] and got[j:].
	lcs := make([][]int, len(want)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(got)+1)
	}
	for i := len(want) - 1; i >= 0; i-- {
		for j := len(got) - 1; j >= 0; j-- {
			if want[i] == got[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	a := accuracy{total: len(want)}
	for _, w := range want {
		if hasMarks(w) {
			a.marks++
		}
	}
	for i, j := 0, 0; i < len(want) && j < len(got); {
		switch {
		case want[i] == got[j]:
			a.matched++
			if hasMarks(want[i]) {
				a.marksMatched++
			}
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			i++
		default:
			j++
		}
	}
	return a
}

// hasMarks reports a syllable with a letter beyond ASCII: a tone mark,
// a vowel's mark or đ.
func hasMarks(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r > unicode.MaxASCII })
}
