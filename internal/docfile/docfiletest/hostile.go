package docfiletest

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/image/tiff"
)

// Hostile files for the readers' bounds: pictures claiming to be huge,
// PDFs whose fonts cannot be mapped back to characters.

// BombJPEG is a tiny valid JPEG whose frame header (SOF0) is patched to
// claim 20,000 × 20,000 pixels: what a decompression bomb looks like.
func BombJPEG(t testing.TB) []byte {
	var b bytes.Buffer
	jpeg.Encode(&b, image.NewGray(image.Rect(0, 0, 8, 8)), nil)
	data := b.Bytes()
	i := bytes.Index(data, []byte{0xFF, 0xC0})
	if i < 0 {
		t.Fatal("no SOF0 in the JPEG")
	}
	// Marker, length (2), precision (1), height (2), width (2).
	binary.BigEndian.PutUint16(data[i+5:], 20000)
	binary.BigEndian.PutUint16(data[i+7:], 20000)
	return data
}

// BombTIFF is a tiny valid TIFF whose first directory is patched to
// claim 20,000 × 20,000 pixels.
func BombTIFF(t testing.TB) []byte { return patchTIFF(t, false) }

// BombTIFFPage2 is a TIFF whose first page is 8 × 8 and whose second
// page claims 20,000 × 20,000 pixels: Tesseract reads every page.
func BombTIFFPage2(t testing.TB) []byte { return patchTIFF(t, true) }

func patchTIFF(t testing.TB, second bool) []byte {
	var b bytes.Buffer
	if err := tiff.Encode(&b, image.NewGray(image.Rect(0, 0, 8, 8)), nil); err != nil {
		t.Fatal(err)
	}
	data := b.Bytes()
	var bo binary.ByteOrder = binary.LittleEndian
	if string(data[:2]) == "MM" {
		bo = binary.BigEndian
	}
	ifd := int(bo.Uint32(data[4:]))
	if second {
		// A copy of the directory at the end, chained after the first;
		// its strips are the first page's.
		n := 2 + 12*int(bo.Uint16(data[ifd:]))
		at := len(data)
		data = append(data, data[ifd:ifd+n]...)
		data = append(data, 0, 0, 0, 0)
		bo.PutUint32(data[ifd+n:], uint32(at))
		ifd = at
	}
	patched := 0
	for e := range int(bo.Uint16(data[ifd:])) {
		entry := data[ifd+2+12*e:]
		if tag := bo.Uint16(entry); tag != 256 && tag != 257 { // ImageWidth, ImageLength
			continue
		}
		switch bo.Uint16(entry[2:]) {
		case 3: // SHORT
			bo.PutUint16(entry[8:], 20000)
		case 4: // LONG
			bo.PutUint32(entry[8:], 20000)
		}
		patched++
	}
	if patched != 2 {
		t.Fatalf("patched %d size tags, want 2", patched)
	}
	return data
}

// NoToUnicode returns pdf with its ToUnicode maps unlinked: the key is
// renamed in place, same length, so the cross-reference offsets stay
// right; the fonts' codes then no longer say which characters they show.
// It needs a file without object streams, where the fonts' dictionaries
// are in plain text.
func NoToUnicode(t testing.TB, pdf []byte) []byte {
	t.Helper()
	if bytes.Contains(pdf, []byte("/ObjStm")) {
		t.Fatal("the PDF has object streams: its font dictionaries cannot be edited in place")
	}
	n := bytes.Count(pdf, []byte("/ToUnicode"))
	if n == 0 {
		t.Fatal("the PDF has no ToUnicode maps to remove")
	}
	return bytes.ReplaceAll(pdf, []byte("/ToUnicode"), []byte("/ToUnicodX"))
}

// Program writes an executable shell script standing in for one of the
// external programs (pdftotext, pdftoppm, tesseract) that misbehaves on
// purpose: hangs, crashes, floods its output.
func Program(t testing.TB, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "prog")
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body+"\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	return p
}
