package docfile

import (
	"bytes"
	"compress/zlib"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// A PDF is read without a PDF library: the text a search needs sits in the
// page content streams, whose text operators (Tj, TJ, ' and ") show
// strings between BT and ET. The reader finds every stream by its
// "stream … endstream" keywords, which also covers files whose cross-
// reference table is broken or compressed, inflates FlateDecode ones
// within a budget, and reads their text operators. Fonts whose codes are
// not ASCII-compatible (CID fonts mapped by a ToUnicode CMap) give no
// usable text here; such a file is kept, and the search covers its number
// and summary only.

// pdfMaxInflated bounds the bytes inflated from all of a file's streams:
// a compression bomb stops here.
const pdfMaxInflated = 64 << 20

// pdfMaxStreamInflated bounds one stream's inflated bytes: a page's
// content is far smaller, and the buffer holding it (reused from stream
// to stream) never grows past about twice this.
const pdfMaxStreamInflated = 16 << 20

// pdfMaxStreams bounds the streams looked at.
const pdfMaxStreams = 20000

// PDFText returns the text shown by a PDF's content streams, cut at
// maxText bytes. A malformed file gives an error (never a panic), and the
// work is linear in the file's size plus the inflation budget.
func PDFText(data []byte, maxText int) (text string, err error) {
	defer func() {
		if v := recover(); v != nil {
			text, err = "", refuse("Tệp PDF bị hỏng, không đọc được chữ.")
		}
	}()
	return pdfText(data, maxText)
}

// pdfText is PDFText without the recover, which FuzzPDFText calls so that
// a panic is found rather than turned into "malformed".
func pdfText(data []byte, maxText int) (string, error) {
	if !bytes.HasPrefix(data, magicPDF) {
		return "", refuse("Tệp không phải PDF.")
	}
	var out strings.Builder
	budget := int64(pdfMaxInflated)
	var buf bytes.Buffer
	pos, streams, failed := 0, 0, 0
	for out.Len() < maxText && streams < pdfMaxStreams {
		i := bytes.Index(data[pos:], []byte("stream"))
		if i < 0 {
			break
		}
		kw := pos + i
		pos = kw + len("stream")
		if kw >= 3 && string(data[kw-3:kw]) == "end" {
			continue
		}
		// The data starts after the keyword's end of line.
		start := pos
		if start < len(data) && data[start] == '\r' {
			start++
		}
		if start < len(data) && data[start] == '\n' {
			start++
		}
		if start == pos {
			continue // "stream" inside some other word
		}
		end := bytes.Index(data[start:], []byte("endstream"))
		if end < 0 {
			break
		}
		raw := data[start : start+end]
		pos = start + end + len("endstream")
		streams++
		dict := streamDict(data[:kw])
		if skipStream(dict) {
			continue
		}
		content := raw
		switch filter := streamFilter(dict); filter {
		case "":
		case "FlateDecode":
			zr, err := zlib.NewReader(bytes.NewReader(raw))
			if err != nil {
				failed++
				continue
			}
			buf.Reset()
			n, err := io.Copy(&buf, io.LimitReader(zr, min(budget, pdfMaxStreamInflated)+1))
			budget -= n
			if budget < 0 || n > pdfMaxStreamInflated {
				return "", refuse("Tệp PDF giải nén ra quá lớn; tệp được lưu nhưng không được đưa vào tìm kiếm.")
			}
			// A stream cut short (a missing checksum, say) still gives the
			// text inflated so far.
			if err != nil && buf.Len() == 0 {
				failed++
				continue
			}
			content = buf.Bytes()
		default:
			continue // images and rarer encodings hold no text we read
		}
		contentText(content, &out, maxText)
	}
	if streams == 0 || out.Len() == 0 && failed > 0 {
		return "", refuse("Tệp PDF bị hỏng hoặc không có nội dung chữ đọc được.")
	}
	return clip(out.String(), maxText), nil
}

// streamDict returns the dictionary in front of a stream keyword: from the
// last "obj" before it (at most 4 KB back).
func streamDict(before []byte) []byte {
	from := max(0, len(before)-4096)
	b := before[from:]
	if i := bytes.LastIndex(b, []byte("obj")); i >= 0 {
		b = b[i:]
	}
	return b
}

// skipStream leaves out streams that are not page content: images, fonts,
// metadata, cross-reference and object streams.
func skipStream(dict []byte) bool {
	names := pdfNames(dict)
	for i, n := range names {
		switch n {
		case "Length1", "Length2", "Length3", "XRef", "ObjStm", "Metadata", "EmbeddedFile", "Image", "XML":
			if n != "Image" && n != "XML" || i > 0 && names[i-1] == "Subtype" {
				return true
			}
		}
	}
	return false
}

// pdfNames returns the /Names in a dictionary's text, in order.
func pdfNames(dict []byte) []string {
	var out []string
	for i := 0; i < len(dict); i++ {
		if dict[i] != '/' {
			continue
		}
		j := i + 1
		for j < len(dict) && !isPDFSpace(dict[j]) && !isPDFDelim(dict[j]) {
			j++
		}
		out = append(out, string(dict[i+1:j]))
		i = j - 1
	}
	return out
}

// streamFilter returns the one filter a stream uses, "" for none, or
// "other" for a chain or an unknown one.
func streamFilter(dict []byte) string {
	i := bytes.Index(dict, []byte("/Filter"))
	if i < 0 {
		return ""
	}
	rest := bytes.TrimLeft(dict[i+len("/Filter"):], " \r\n\t")
	if bytes.HasPrefix(rest, []byte("[")) {
		j := bytes.IndexByte(rest, ']')
		if j < 0 {
			return "other"
		}
		names := bytes.Fields(bytes.ReplaceAll(rest[1:j], []byte("/"), []byte(" /")))
		if len(names) == 1 {
			rest = names[0]
		} else {
			return "other"
		}
	}
	switch {
	case bytes.HasPrefix(rest, []byte("/FlateDecode")), bytes.HasPrefix(rest, []byte("/Fl")) && !bytes.HasPrefix(rest, []byte("/Fla")):
		return "FlateDecode"
	}
	return "other"
}

// pdfToken is a lexical token of a content stream.
type pdfToken struct {
	kind byte // 's' string, 'n' number, 'o' operator, '[' and ']'
	str  []byte
	num  float64
}

// contentText reads a content stream's text operators into out.
func contentText(c []byte, out *strings.Builder, maxText int) {
	var stack []pdfToken
	var array []pdfToken
	inArray := false
	emit := func(s []byte) {
		if out.Len() < maxText {
			out.WriteString(decodePDFString(s))
		}
	}
	sep := func(s string) {
		if out.Len() > 0 && out.Len() < maxText {
			out.WriteString(s)
		}
	}
	lx := pdfLexer{b: c}
	for out.Len() < maxText {
		tok, ok := lx.next()
		if !ok {
			return
		}
		switch tok.kind {
		case '[':
			inArray, array = true, array[:0]
			continue
		case ']':
			// One mark is enough for TJ; a million closing brackets
			// must not pile up.
			if inArray || len(stack) == 0 || stack[len(stack)-1].kind != ']' {
				stack = append(stack[:min(len(stack), 63)], pdfToken{kind: ']'})
			}
			inArray = false
			continue
		}
		if inArray {
			if len(array) < 100000 {
				array = append(array, tok)
			}
			continue
		}
		if tok.kind != 'o' {
			if len(stack) >= 64 {
				stack = stack[1:]
			}
			stack = append(stack, tok)
			continue
		}
		lastStr := func() []byte {
			if n := len(stack); n > 0 && stack[n-1].kind == 's' {
				return stack[n-1].str
			}
			return nil
		}
		switch string(tok.str) {
		case "Tj":
			emit(lastStr())
		case "'", "\"":
			sep("\n")
			emit(lastStr())
		case "TJ":
			for _, t := range array {
				switch {
				case t.kind == 's':
					emit(t.str)
				case t.kind == 'n' && t.num < -200:
					sep(" ") // a wide gap between glyphs is a word space
				}
			}
		case "Td", "TD":
			if n := len(stack); n >= 1 && stack[n-1].kind == 'n' && stack[n-1].num != 0 {
				sep("\n")
			} else {
				sep(" ")
			}
		case "T*", "ET":
			sep("\n")
		case "Tm":
			sep(" ")
		case "ID":
			lx.skipInlineImage()
		}
		stack = stack[:0]
	}
}

// pdfLexer splits a content stream into tokens. It never looks back, and
// each call moves forward, so a stream is read in linear time.
type pdfLexer struct {
	b []byte
	i int
}

func isPDFSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isPDFDelim(c byte) bool {
	return strings.IndexByte("()<>[]{}/%", c) >= 0
}

func (lx *pdfLexer) next() (pdfToken, bool) {
	b := lx.b
	for lx.i < len(b) {
		c := b[lx.i]
		switch {
		case isPDFSpace(c):
			lx.i++
		case c == '%':
			for lx.i < len(b) && b[lx.i] != '\n' && b[lx.i] != '\r' {
				lx.i++
			}
		case c == '(':
			return pdfToken{kind: 's', str: lx.literal()}, true
		case c == '<' && lx.i+1 < len(b) && b[lx.i+1] == '<', c == '>' && lx.i+1 < len(b) && b[lx.i+1] == '>':
			lx.i += 2 // dictionaries (marked content properties) are skipped
		case c == '<':
			return pdfToken{kind: 's', str: lx.hex()}, true
		case c == '[' || c == ']':
			lx.i++
			return pdfToken{kind: c}, true
		case c == '/':
			lx.i++
			for lx.i < len(b) && !isPDFSpace(b[lx.i]) && !isPDFDelim(b[lx.i]) {
				lx.i++
			}
		case c == '{' || c == '}' || c == ')' || c == '>':
			lx.i++
		default:
			start := lx.i
			for lx.i < len(b) && !isPDFSpace(b[lx.i]) && !isPDFDelim(b[lx.i]) {
				lx.i++
			}
			w := b[start:lx.i]
			if w[0] == '-' || w[0] == '+' || w[0] == '.' || w[0] >= '0' && w[0] <= '9' {
				if f, err := strconv.ParseFloat(string(w), 64); err == nil {
					return pdfToken{kind: 'n', num: f}, true
				}
			}
			return pdfToken{kind: 'o', str: w}, true
		}
	}
	return pdfToken{}, false
}

// literal reads a (string) with its escapes and balanced parentheses.
func (lx *pdfLexer) literal() []byte {
	b := lx.b
	lx.i++ // (
	depth := 1
	var out []byte
	for lx.i < len(b) {
		c := b[lx.i]
		lx.i++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return out
			}
		case '\\':
			if lx.i >= len(b) {
				return out
			}
			e := b[lx.i]
			lx.i++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if lx.i < len(b) && b[lx.i] == '\n' {
					lx.i++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && lx.i < len(b) && b[lx.i] >= '0' && b[lx.i] <= '7'; k++ {
						v = v*8 + int(b[lx.i]-'0')
						lx.i++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return out
}

// hex reads a <hex string>.
func (lx *pdfLexer) hex() []byte {
	b := lx.b
	lx.i++ // <
	var out []byte
	var hi, have = byte(0), false
	for lx.i < len(b) {
		c := b[lx.i]
		lx.i++
		var v byte
		switch {
		case c == '>':
			if have {
				out = append(out, hi<<4)
			}
			return out
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			continue
		}
		if have {
			out = append(out, hi<<4|v)
			have = false
		} else {
			hi, have = v, true
		}
	}
	return out
}

// skipInlineImage moves past an inline image's binary data, to its EI.
func (lx *pdfLexer) skipInlineImage() {
	for lx.i+2 < len(lx.b) {
		if lx.b[lx.i] == 'E' && lx.b[lx.i+1] == 'I' && isPDFSpace(lx.b[lx.i-1]) && (lx.i+2 == len(lx.b) || isPDFSpace(lx.b[lx.i+2])) {
			lx.i += 2
			return
		}
		lx.i++
	}
	lx.i = len(lx.b)
}

// winAnsi maps the bytes 0x80–0x9F of WinAnsiEncoding, where it differs
// from Latin-1; the standard fonts' other codes are Latin-1.
var winAnsi = map[byte]rune{
	0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰',
	0x8A: 'Š', 0x8B: '‹', 0x8C: 'Œ', 0x8E: 'Ž', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•',
	0x96: '–', 0x97: '—', 0x98: '˜', 0x99: '™', 0x9A: 'š', 0x9B: '›', 0x9C: 'œ', 0x9E: 'ž', 0x9F: 'Ÿ',
}

// decodePDFString turns a shown string into text: UTF-16 with its byte
// order mark, else the simple fonts' WinAnsi/Latin-1 codes. Control codes
// (what a two-byte font's codes look like read one byte at a time) are
// dropped.
func decodePDFString(s []byte) string {
	if len(s) >= 2 && s[0] == 0xFE && s[1] == 0xFF {
		u := make([]uint16, 0, len(s)/2)
		for i := 2; i+1 < len(s); i += 2 {
			u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
		}
		return string(utf16.Decode(u))
	}
	var b strings.Builder
	for _, c := range s {
		switch {
		case c == '\n' || c == '\t' || c == '\r':
			b.WriteByte(' ')
		case c < 0x20 || c == 0x7F:
		case c < utf8.RuneSelf:
			b.WriteByte(c)
		case winAnsi[c] != 0:
			b.WriteRune(winAnsi[c])
		case c >= 0xA0:
			b.WriteRune(rune(c))
		}
	}
	return b.String()
}
