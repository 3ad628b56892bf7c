package tabular

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/docfile/docfiletest"
)

// The fixtures in testdata hold the same five provinces:
//   - provinces-utf8.csv: typed in UTF-8;
//   - provinces-cp1258.csv: that file through glibc's iconv
//     (iconv -f UTF-8 -t CP1258), which writes tones as combining marks
//     after the base letter as Windows does;
//   - provinces-bom-semicolon.csv: UTF-8 with a byte-order mark and
//     semicolons, as Excel saves "CSV UTF-8" in Vietnamese locales;
//   - provinces-tcvn3.csv: the UTF-8 file converted with the
//     Unicode→TCVN3 table of the XuatThuy project (Utils/Unicode2TCVN3.cs),
//     a table written independently of this package's.
func TestCSVEncodings(t *testing.T) {
	for file, want := range map[string]string{
		"provinces-utf8.csv":          UTF8,
		"provinces-cp1258.csv":        Windows1258,
		"provinces-bom-semicolon.csv": UTF8BOM,
		"provinces-tcvn3.csv":         TCVN3,
	} {
		t.Run(file, func(t *testing.T) {
			f, err := os.Open("testdata/" + file)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			p, err := CSV(f)
			if err != nil {
				t.Fatal(err)
			}
			if p.Encoding != want {
				t.Errorf("encoding %q, want %q", p.Encoding, want)
			}
			if strings.Join(p.Header, "|") != "Mã|Tỉnh/Thành phố|Trung tâm hành chính|Dân số (người)" {
				t.Errorf("header %q", p.Header)
			}
			var names []string
			for _, r := range p.Rows {
				names = append(names, r[1])
			}
			if got := strings.Join(names, "|"); got != "Hà Nội|Đắk Lắk|Thừa Thiên Huế|Ninh Bình|Bến Tre" {
				t.Errorf("provinces %q", got)
			}
			if p.Rows[2][2] != "Thuận Hóa" || p.Rows[1][3] != "3346853" || p.More {
				t.Errorf("rows %q, more %v", p.Rows, p.More)
			}
		})
	}
}

// A table pasted together from a UTF-8 file and a line in Windows-1258
// reads as UTF-8: its Unicode rows intact, the odd line's bytes shown as
// U+FFFD, never the whole table garbled.
func TestCSVMixedEncodings(t *testing.T) {
	utf, err := os.ReadFile("testdata/provinces-utf8.csv")
	if err != nil {
		t.Fatal(err)
	}
	legacy, err := os.ReadFile("testdata/provinces-cp1258.csv")
	if err != nil {
		t.Fatal(err)
	}
	mixed := append(bytes.Clone(utf), bytes.SplitAfter(legacy, []byte("\n"))[2]...)
	p, err := CSV(bytes.NewReader(mixed))
	if err != nil {
		t.Fatal(err)
	}
	if p.Encoding != UTF8 || len(p.Rows) != 6 || p.Rows[0][1] != "Hà Nội" || p.Rows[1][1] != "Đắk Lắk" || !strings.Contains(p.Rows[5][1], "\uFFFD") {
		t.Fatalf("%s: %q", p.Encoding, p.Rows)
	}
}

// Words converted to TCVN3 by other tools read back.
func TestTCVN3KnownWords(t *testing.T) {
	for in, want := range map[string]string{
		"H\xb5 N\xe9i":             "Hà Nội",
		"Ninh B\xd7nh":             "Ninh Bình",
		"B\xb6o Th\xbeng":          "Bảo Thắng",
		"M\xad\xeang Kh\xad\xacng": "Mường Khương",
		"\xa7\xbek L\xbek":         "Đắk Lắk",
		"Th\xf5a Thi\xaan Hu\xd5":  "Thừa Thiên Huế",
		"\xa7\xb5 N\xbdng":         "Đà Nẵng",
	} {
		if got := decodeTCVN3([]byte(in)); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

// endless yields CSV rows forever and counts what was read of it.
type endless struct {
	n    int
	read int64
	buf  []byte
}

func (e *endless) Read(p []byte) (int, error) {
	for len(e.buf) < len(p) {
		e.n++
		e.buf = fmt.Appendf(e.buf, "%d,Xã %d,Huyện Đắk Lắk\n", e.n, e.n)
	}
	n := copy(p, e.buf)
	e.buf = e.buf[n:]
	e.read += int64(n)
	return n, nil
}

// A table of ten million rows (here endless) is previewed from its first
// megabytes only, quickly.
func TestCSVReadsOnlyItsHead(t *testing.T) {
	src := &endless{}
	start := time.Now()
	p, err := CSV(io.MultiReader(strings.NewReader("STT,Tên,Huyện\n"), src))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Rows) != congtin.PreviewRows || !p.More || p.Rows[99][1] != "Xã 100" || p.Rows[0][2] != "Huyện Đắk Lắk" {
		t.Fatalf("%d rows, more %v: %q", len(p.Rows), p.More, p.Rows[len(p.Rows)-1])
	}
	if src.read > maxHeadBytes+1 {
		t.Errorf("read %d bytes of an endless table", src.read)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
	// One row longer than the bound: what fits is shown, cut.
	long := "a,b\n1,\"" + strings.Repeat("x", 2*maxHeadBytes) + "\"\n"
	if p, err := CSV(strings.NewReader(long)); err != nil || !p.More || len(p.Rows) > 1 {
		t.Errorf("one huge row: %+v, %v", p, err)
	}
}

func TestSeparator(t *testing.T) {
	for in, want := range map[string]rune{
		"a,b,c\n1,2,3\n":               ',',
		"a;b;c\n1;2,5;3\n":             ';',
		"a\tb\n1\t2\n":                 '\t',
		"\"x;y\",b\n\"1;2\",3\n":       ',',
		"only\n":                       ',',
		"Tên;Ghi chú\nA;\"có, dấu\"\n": ';',
	} {
		if got := Separator(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

// xlsx builds a workbook whose first sheet ("Tỉnh", in sheet2.xml through
// the relationships) has a header of shared strings and rows mixing
// inline strings and numbers, with a gap in the columns.
func xlsx(rows int) []byte {
	var sheet strings.Builder
	sheet.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	sheet.WriteString(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>`)
	for i := 2; i <= rows+1; i++ {
		fmt.Fprintf(&sheet, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>Đắk Lắk %d</t></is></c><c r="C%d"><v>%d</v></c></row>`, i, i, i, i, i*10)
	}
	sheet.WriteString(`</sheetData></worksheet>`)
	return docfiletest.Zip(map[string]string{
		"[Content_Types].xml": `<Types/>`,
		"xl/workbook.xml": `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<sheets><sheet name="Tỉnh" sheetId="1" r:id="rId7"/><sheet name="Khác" sheetId="2" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId7" Target="worksheets/sheet2.xml"/></Relationships>`,
		"xl/sharedStrings.xml":     `<sst><si><t>Tỉnh</t></si><si><r><t>Dân </t></r><r><t>số</t></r><rPh><t>x</t></rPh></si></sst>`,
		"xl/worksheets/sheet1.xml": `<worksheet><sheetData><row><c t="inlineStr"><is><t>sai trang</t></is></c></row></sheetData></worksheet>`,
		"xl/worksheets/sheet2.xml": sheet.String(),
	})
}

func TestXLSX(t *testing.T) {
	b := xlsx(3)
	p, err := XLSX(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	if p.Sheet != "Tỉnh" || strings.Join(p.Header, "|") != "Tỉnh||Dân số" || len(p.Rows) != 3 || p.Rows[0][0] != "Đắk Lắk 2" ||
		p.Rows[2][2] != "40" || p.More {
		t.Fatalf("%+v", p)
	}
	b = xlsx(5000)
	if p, err = XLSX(bytes.NewReader(b), int64(len(b))); err != nil || len(p.Rows) != congtin.PreviewRows || !p.More {
		t.Fatalf("a long sheet: %d rows, %v", len(p.Rows), err)
	}
}

// rawZip is a workbook whose sheet part is head then n inflated bytes of
// c: a bomb of a few kilobytes that inflates to gigabytes.
func rawZip(t *testing.T, part, head string, c byte, n int64) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, body := range map[string]string{"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"} {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	var h bytes.Buffer
	fw, _ := flate.NewWriter(&h, flate.NoCompression)
	fw.Write([]byte(head))
	fw.Flush()
	raw := append(h.Bytes(), docfiletest.Deflate(c, n)...)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: part, Method: zip.Deflate, CompressedSize64: uint64(len(raw)), UncompressedSize64: 1000})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(raw)
	zw.Close()
	return b.Bytes()
}

// An XLSX bomb (a sheet or the shared strings inflating to 2 GB, their
// headers lying) is read only up to the bounds, quickly.
func TestXLSXBomb(t *testing.T) {
	for _, tc := range []struct{ part, head string }{
		{"xl/worksheets/sheet1.xml", "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>"},
		{"xl/worksheets/sheet1.xml", "<worksheet><sheetData>"},
		{"xl/sharedStrings.xml", "<sst><si><t>"},
	} {
		b := rawZip(t, tc.part, tc.head, ' ', 2<<30)
		start := time.Now()
		p, err := XLSX(bytes.NewReader(b), int64(len(b)))
		if err == nil && p.Header != nil && len(p.Header[0]) > 4*MaxCell {
			t.Errorf("%s: a cell of %d bytes", tc.part, len(p.Header[0]))
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%s: took %v", tc.part, d)
		}
		if tc.part != "xl/sharedStrings.xml" && congtin.ErrorCode(err) != congtin.EINVALID {
			t.Errorf("%s: %v", tc.part, err)
		}
	}
}

func TestSniff(t *testing.T) {
	deep := strings.Repeat("[", MaxJSONDepth+1) + strings.Repeat("]", MaxJSONDepth+1)
	cp1258, err := os.ReadFile("testdata/provinces-cp1258.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, data, kind, refusal string
	}{
		{"csv", "a,b\n1,2\n", congtin.FileCSV, ""},
		{"legacy csv", string(cp1258), congtin.FileCSV, ""},
		{"json", " \n{\"tinh\": [\"Hà Nội\", 1]}", congtin.FileJSON, ""},
		{"json with bom", "\xef\xbb\xbf[1,2]", congtin.FileJSON, ""},
		{"xlsx", string(xlsx(2)), congtin.FileXLSX, ""},
		{"docx", string(docfiletest.DOCX("Văn bản")), "", "Word"},
		{"pdf", string(docfiletest.PDF("Văn bản")), "", "PDF"},
		{"bad json", "{\"a\": ", "", "JSON"},
		{"deep json", deep, "", "lồng quá sâu"},
		{"binary", "\x01\x02\x03\x04abc\x05", "", "không phải văn bản"},
		{"nul", "a,b\x00\n", "", "không phải văn bản"},
		{"empty", "", "", "rỗng"},
		{"zip", string(docfiletest.Zip(map[string]string{"a.txt": "x"})), "", "ZIP"},
	} {
		kind, err := Sniff(strings.NewReader(tc.data), int64(len(tc.data)))
		if kind != tc.kind || (tc.refusal == "") != (err == nil) || err != nil && !strings.Contains(congtin.ErrorMessage(err), tc.refusal) {
			t.Errorf("%s: %q, %v", tc.name, kind, err)
		}
	}
}

// TestHeaderSeparator: the header row decides, whatever the multi-line
// cells below it hold.
func TestHeaderSeparator(t *testing.T) {
	for text, want := range map[string]rune{
		"Mã;Tên;Phí, lệ phí\n1;\"a\nb, c, d\";x\n": ';',
		"Mã,Tên,\"Phí; lệ phí\"\n1,a,b\n":          ',',
		"Mã\tTên\n":                                '\t',
		"Mã\n":                                     ',',
	} {
		if got := HeaderSeparator(text); got != want {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
}
