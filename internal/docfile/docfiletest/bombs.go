package docfiletest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"strings"
)

// bombUnit is what one repeated deflate block of a bomb inflates to.
const bombUnit = 1 << 20

// Deflate returns a raw deflate stream (as a ZIP entry holds it) that
// inflates to n bytes of c, n rounded up to a whole MiB: about 1 KB per
// MiB, so 20 MB of it inflate to some 20 GB. Compressing that much would
// take minutes; instead one MiB is compressed and its block, which only
// refers back to bytes equal to c, is repeated.
func Deflate(c byte, n int64) []byte {
	var out bytes.Buffer
	fw, _ := flate.NewWriter(&out, flate.BestCompression)
	chunk := bytes.Repeat([]byte{c}, bombUnit)
	fw.Write(chunk)
	fw.Flush() // ends on a byte boundary, so what follows can be repeated
	head := out.Len()
	fw.Write(chunk)
	fw.Flush()
	block := bytes.Clone(out.Bytes()[head:])
	units := max(1, (n+bombUnit-1)/bombUnit)
	var b bytes.Buffer
	b.Grow(head + int(units-1)*len(block) + 2)
	b.Write(out.Bytes()[:head])
	for range units - 1 {
		b.Write(block)
	}
	b.Write([]byte{0x03, 0x00}) // an empty final block
	return b.Bytes()
}

// Zlib returns Deflate(c, n) in a zlib wrapper (as a PDF's FlateDecode
// holds it), with the right Adler-32 checksum, computed without
// inflating it.
func Zlib(c byte, n int64) []byte {
	d := Deflate(c, n)
	n = max(1, (n+bombUnit-1)/bombUnit) * bombUnit
	const mod = 65521
	// Adler-32 of n bytes c: A = 1 + n·c, B = n + c·n(n+1)/2 (mod 65521).
	nm := uint64(n % mod)
	half := uint64(n) / 2 % mod * (uint64(n+1) % mod) % mod
	if n%2 == 1 {
		half = uint64(n) % mod * (uint64(n+1) / 2 % mod) % mod
	}
	a := (1 + nm*uint64(c)) % mod
	bsum := (nm + uint64(c)*half) % mod
	out := make([]byte, 0, len(d)+6)
	out = append(out, 0x78, 0xda)
	out = append(out, d...)
	return binary.BigEndian.AppendUint32(out, uint32(bsum<<16|a))
}

// FlateBombPDF returns a one-page PDF whose content stream inflates to n
// bytes of spaces.
func FlateBombPDF(n int64) []byte {
	return RawPDF("",
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
		Stream("/Filter /FlateDecode", Zlib(' ', n)))
}

// NestedPDF returns a one-page PDF whose page dictionary holds depth
// nested arrays, and whose content stream holds depth nested arrays and
// dictionaries too.
func NestedPDF(depth int) []byte {
	nest := strings.Repeat("[", depth) + strings.Repeat("]", depth)
	content := "BT " + strings.Repeat("[<<", depth) + strings.Repeat(">>]", depth) + " TJ ET"
	return RawPDF("",
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Nest "+nest+" >>",
		Stream("", []byte(content)))
}

// DOCXBomb returns a DOCX whose document part inflates to n bytes of
// text in one run, while its ZIP header claims it inflates to claimed
// bytes (a liar claims little).
func DOCXBomb(n, claimed int64) []byte {
	open := "<w:document><w:body><w:p><w:r><w:t>"
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.Create("[Content_Types].xml")
	w.Write([]byte("<Types/>"))
	// A deflate stream may be split only at block boundaries: the opening
	// tags go in a stored block of their own, then the bomb's blocks.
	var head bytes.Buffer
	fw, _ := flate.NewWriter(&head, flate.NoCompression)
	fw.Write([]byte(open))
	fw.Flush()
	raw := append(head.Bytes(), Deflate('a', n)...)
	w, _ = zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
		CompressedSize64: uint64(len(raw)), UncompressedSize64: uint64(claimed)})
	w.Write(raw)
	zw.Close()
	return b.Bytes()
}
