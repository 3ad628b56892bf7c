package docx_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/congtin/congtin/internal/docfile/docfiletest"
	"github.com/congtin/congtin/internal/docx"
)

var created = time.Date(2026, 3, 2, 9, 30, 0, 0, time.FixedZone("ICT", 7*3600))

// hostile holds what a citizen may type: markup, an entity, quotes, a
// NUL and other controls XML 1.0 forbids, a non-character, invalid UTF-8,
// and Vietnamese typed decomposed ("ế" as e + two combining marks).
const hostile = "<script>alert(\"x\")</script> & &amp; 'a'\x00\x01\x0b\x1f\uFFFE\xff Bi\u0065\u0302\u0301n ch\u1EBF"

// cleaned is hostile as the document must hold it.
const cleaned = "<script>alert(\"x\")</script> & &amp; 'a' Biến chế"

func sample() *docx.Document {
	d := &docx.Document{Title: "Tổng hợp <ý kiến>", Creator: "congtin", Created: created, Landscape: true}
	d.Heading(1, "TỔNG HỢP Ý KIẾN GÓP Ý")
	d.Heading(2, "Dự thảo Nghị quyết")
	d.Paragraph("Dòng một\nDòng hai")
	d.Table([]int{800, 4000, 2000}, []string{"STT", "Nội dung góp ý", "Người góp ý"}, [][]string{
		{"Điều 2"},
		{"1", "Đề nghị sửa khoản 1.\nBỏ khoản 3.", "Nguyễn Văn Á"},
		{"2", hostile, ""},
		{"3", "Chỉ hai ô"},
	})
	return d
}

func write(t *testing.T, d *docx.Document) []byte {
	t.Helper()
	var b bytes.Buffer
	n, err := d.WriteTo(&b)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(b.Len()) {
		t.Errorf("WriteTo returned %d bytes, wrote %d", n, b.Len())
	}
	return b.Bytes()
}

// parts reads every part of a .docx file.
func parts(t *testing.T, file []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = string(b)
	}
	return out
}

// texts parses an XML part strictly and returns the character data of
// its w:t elements, one string per paragraph, "\n" for each w:br.
func texts(t *testing.T, part string) []string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(part))
	var paras []string
	var cur strings.Builder
	inT := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return paras
		}
		if err != nil {
			t.Fatalf("the part is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "t":
				inT = true
			case "br":
				cur.WriteString("\n")
			case "p":
				cur.Reset()
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "t":
				inT = false
			case "p":
				paras = append(paras, cur.String())
			}
		case xml.CharData:
			if inT {
				cur.Write(tok)
			}
		}
	}
}

// TestParts: the package holds the parts Word needs, each declared in
// [Content_Types].xml and well-formed; the page is A4 landscape; the
// header row repeats on each page and a group's heading stays with the
// row after it; text is Times New Roman 13 pt in Vietnamese; the
// properties have the title, creator and the time given.
func TestParts(t *testing.T) {
	p := parts(t, write(t, sample()))
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml",
		"word/_rels/document.xml.rels", "word/styles.xml", "docProps/core.xml"} {
		data, ok := p[name]
		if !ok {
			t.Errorf("no part %s", name)
			continue
		}
		texts(t, data) // fails on XML that is not well-formed
		if name != "[Content_Types].xml" && !strings.HasSuffix(name, ".rels") &&
			!strings.Contains(p["[Content_Types].xml"], `PartName="/`+name+`"`) {
			t.Errorf("[Content_Types].xml does not declare %s", name)
		}
	}
	doc := p["word/document.xml"]
	if !strings.Contains(doc, `<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>`) {
		t.Error("the page is not A4 landscape")
	}
	if !strings.Contains(doc, `<w:tblHeader/>`) {
		t.Error("the table's header row is not repeated on each page")
	}
	if !strings.Contains(doc, `<w:keepNext/></w:pPr><w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">Điều 2</w:t>`) {
		t.Error("the group's heading row is not kept with the next row")
	}
	st := p["word/styles.xml"]
	for _, want := range []string{`w:ascii="Times New Roman"`, `<w:sz w:val="26"/>`, `w:val="vi-VN"`} {
		if !strings.Contains(st, want) {
			t.Errorf("styles.xml lacks %s", want)
		}
	}
	core := p["docProps/core.xml"]
	for _, want := range []string{"<dc:title>Tổng hợp &lt;ý kiến&gt;</dc:title>", "<dc:creator>congtin</dc:creator>",
		">2026-03-02T02:30:00Z</dcterms:created>"} {
		if !strings.Contains(core, want) {
			t.Errorf("core.xml lacks %s:\n%s", want, core)
		}
	}
}

// TestText: the document holds hostile text as text: markup escaped,
// forbidden characters and invalid bytes gone, Vietnamese composed
// (NFC), line breaks as w:br.
func TestText(t *testing.T) {
	got := texts(t, parts(t, write(t, sample()))["word/document.xml"])
	want := []string{"TỔNG HỢP Ý KIẾN GÓP Ý", "Dự thảo Nghị quyết", "Dòng một\nDòng hai",
		"STT", "Nội dung góp ý", "Người góp ý",
		"Điều 2",
		"1", "Đề nghị sửa khoản 1.\nBỏ khoản 3.", "Nguyễn Văn Á",
		"2", cleaned, "",
		"3", "Chỉ hai ô", "",
		""}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("paragraphs:\n got %q\nwant %q", got, want)
	}
	for _, tc := range []struct{ in, want string }{
		{`<a href="x">&</a>`, "&lt;a href=&#34;x&#34;&gt;&amp;&lt;/a&gt;"},
		{"a\x00b\x08c\x7fd", "abc\x7fd"}, // DEL is allowed in XML 1.0
		{"\uFFFE\uFFFF\U0001F600", "\U0001F600"},
		{"e\u0302\u0301", "ế"},
		{"\xc3\x28ok", "(ok"},
	} {
		if got := docx.Text(tc.in); got != tc.want {
			t.Errorf("Text(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestSameBytes: the same document makes the same file, so an export is
// reproducible.
func TestSameBytes(t *testing.T) {
	if !bytes.Equal(write(t, sample()), write(t, sample())) {
		t.Error("two writes of the same document differ")
	}
}

// TestTooManyCells: a row wider than the table is a programming error.
func TestTooManyCells(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Table took a row of 3 cells in 2 columns")
		}
	}()
	(&docx.Document{}).Table([]int{100, 100}, nil, [][]string{{"a", "b", "c"}})
}

// TestLibreOfficeReads: LibreOffice opens the file and finds the
// headings, the paragraph's line break, and the table's cells in their
// rows and columns: the header as the rows repeated on each page, the
// group's heading as one cell spanning the row, a short row padded.
func TestLibreOfficeReads(t *testing.T) {
	doc := docfiletest.OpenDOCX(t, write(t, sample()))
	var h1, lang string
	for n := range doc.Descendants() {
		if n.DataAtom == atom.H1 && h1 == "" {
			h1 = strings.Join(strings.Fields(textOf(n)), " ")
		}
		if n.DataAtom == atom.Body {
			for _, a := range n.Attr {
				if a.Key == "lang" {
					lang = a.Val
				}
			}
		}
	}
	if h1 != "TỔNG HỢP Ý KIẾN GÓP Ý" || lang != "vi-VN" {
		t.Errorf("LibreOffice reads heading 1 %q in language %q", h1, lang)
	}
	tables := docfiletest.Tables(doc)
	if len(tables) != 1 {
		t.Fatalf("LibreOffice reads %d tables, want 1", len(tables))
	}
	want := docfiletest.Table{
		Head: [][]string{{"STT", "Nội dung góp ý", "Người góp ý"}},
		Body: [][]string{
			{"Điều 2"},
			{"1", "Đề nghị sửa khoản 1.\nBỏ khoản 3.", "Nguyễn Văn Á"},
			{"2", cleaned, ""},
			{"3", "Chỉ hai ô", ""},
		},
	}
	if !reflect.DeepEqual(tables[0], want) {
		t.Errorf("LibreOffice reads the table\n %q\nwant\n %q", tables[0], want)
	}
}

func textOf(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}
