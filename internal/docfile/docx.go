package docfile

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// errTooBig stops reading a part past its bound.
var errTooBig = errors.New("docfile: part too large")

// limitedReader fails, instead of ending quietly, past its bound: a part
// cut short would pass for a whole one.
type limitedReader struct {
	r io.Reader
	n int64
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		return 0, errTooBig
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

// DOCXText returns the text of a Word document's body (word/document.xml):
// paragraphs on their own lines, tabs and breaks as spaces and newlines.
// The part is read through a bound (maxXMLBytes uncompressed, whatever
// the ZIP headers claim) and the text is cut at maxText bytes.
func DOCXText(ra io.ReaderAt, size int64, maxText int) (string, error) {
	zr, err := openZIP(ra, size)
	if err != nil {
		return "", err
	}
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			continue
		}
		if f.UncompressedSize64 > maxXMLBytes {
			return "", refuse("Nội dung tệp Word quá lớn khi giải nén; tệp được lưu nhưng không được đưa vào tìm kiếm.")
		}
		rc, err := f.Open()
		if err != nil {
			return "", refuse("Tệp Word bị hỏng.")
		}
		defer rc.Close()
		return wordText(&limitedReader{r: rc, n: maxXMLBytes}, maxText)
	}
	return "", refuse("Tệp Word không có phần nội dung (word/document.xml).")
}

// maxXMLDepth bounds the nesting of a document part's elements.
const maxXMLDepth = 256

// wordText reads WordprocessingML: text runs (w:t), tabs, breaks and
// paragraph ends. Namespaces are matched by local name, which is what
// every producer uses for these elements.
func wordText(r io.Reader, maxText int) (string, error) {
	d := xml.NewDecoder(r)
	d.Strict = false
	var b strings.Builder
	inText := false
	depth := 0
	for b.Len() < maxText {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if errors.Is(err, errTooBig) {
				return "", refuse("Nội dung tệp Word quá lớn khi giải nén; tệp được lưu nhưng không được đưa vào tìm kiếm.")
			}
			return "", refuse("Nội dung tệp Word bị hỏng, không đọc được chữ.")
		}
		switch t := tok.(type) {
		case xml.StartElement:
			// Word nests a document a dozen levels deep; a million
			// levels is an attack on the decoder's memory.
			if depth++; depth > maxXMLDepth {
				return "", refuse("Nội dung tệp Word lồng nhau quá sâu, không đọc được chữ.")
			}
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab":
				b.WriteByte('\t')
			case "br", "cr":
				b.WriteByte('\n')
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				b.WriteByte('\n')
			}
		case xml.CharData:
			if inText {
				b.Write(t[:min(len(t), maxText-b.Len())])
			}
		}
	}
	return clip(b.String(), maxText), nil
}

// clip cuts s to at most n bytes at a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return strings.TrimSpace(s)
	}
	s = s[:n]
	for len(s) > 0 && !validEnd(s) {
		s = s[:len(s)-1]
	}
	return strings.TrimSpace(s)
}

func validEnd(s string) bool {
	return strings.ToValidUTF8(s, "") == s
}
