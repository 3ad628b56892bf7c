package ocr

import (
	"encoding/binary"
	"errors"
	"io"
)

// maxTIFFPages bounds the directories walked in a TIFF: more pages than
// any scanned document has.
const maxTIFFPages = 1000

// tiffLargestPage returns the largest page (width × height) of a TIFF.
// image.DecodeConfig reads the first page only, but Tesseract reads them
// all: a bomb on page two must be found too.
func tiffLargestPage(f io.ReaderAt) (width, height int64, err error) {
	var head [8]byte
	if _, err := f.ReadAt(head[:], 0); err != nil {
		return 0, 0, err
	}
	var bo binary.ByteOrder = binary.LittleEndian
	if string(head[:2]) == "MM" {
		bo = binary.BigEndian
	}
	off := int64(bo.Uint32(head[4:]))
	seen := map[int64]bool{}
	for off != 0 {
		if seen[off] || len(seen) == maxTIFFPages {
			return 0, 0, errors.New("tiff: directory loop or too many pages")
		}
		seen[off] = true
		var n [2]byte
		if _, err := f.ReadAt(n[:], off); err != nil {
			return 0, 0, err
		}
		dir := make([]byte, 12*int(bo.Uint16(n[:]))+4)
		if _, err := f.ReadAt(dir, off+2); err != nil {
			return 0, 0, err
		}
		var w, h int64
		for e := 0; e+12 <= len(dir)-4; e += 12 {
			var v int64
			switch bo.Uint16(dir[e+2:]) {
			case 3: // SHORT
				v = int64(bo.Uint16(dir[e+8:]))
			case 4: // LONG
				v = int64(bo.Uint32(dir[e+8:]))
			}
			switch bo.Uint16(dir[e:]) {
			case 256: // ImageWidth
				w = v
			case 257: // ImageLength
				h = v
			}
		}
		if w*h > width*height {
			width, height = w, h
		}
		off = int64(bo.Uint32(dir[len(dir)-4:]))
	}
	return width, height, nil
}
