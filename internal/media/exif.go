package media

import (
	"encoding/binary"
	"image"
)

// jpegOrientation returns the EXIF orientation (1 to 8) of a JPEG file, or
// 1 (as stored) when there is none or the EXIF data is malformed.
//
// It walks the marker segments that precede the image data, takes the
// first APP1 segment that starts with "Exif\0", and reads tag 0x0112 of
// IFD0 from the TIFF structure inside it. Every offset is bounds-checked:
// the input is untrusted, and a bad EXIF block must never fail an upload.
func jpegOrientation(b []byte) int {
	if len(b) < 4 || b[0] != 0xFF || b[1] != 0xD8 {
		return 1
	}
	i := 2
	for i+4 <= len(b) {
		if b[i] != 0xFF {
			return 1 // lost sync: not at a marker
		}
		m := b[i+1]
		if m == 0xFF {
			i++ // fill byte before a marker
			continue
		}
		i += 2
		switch {
		case m == 0xD8 || m == 0x01 || (m >= 0xD0 && m <= 0xD7):
			continue // markers without a length
		case m == 0xD9 || m == 0xDA:
			return 1 // end of image, or start of scan: metadata comes before
		}
		n := int(b[i])<<8 | int(b[i+1]) // includes the two length bytes
		if n < 2 || i+n > len(b) {
			return 1
		}
		seg := b[i+2 : i+n]
		if m == 0xE1 && len(seg) >= 6 && string(seg[:5]) == "Exif\x00" {
			return tiffOrientation(seg[6:])
		}
		i += n
	}
	return 1
}

// tiffOrientation reads the Orientation tag (0x0112) of IFD0 of a TIFF
// structure, as found in an EXIF segment: a byte order mark ("II" little
// endian, "MM" big endian), the number 42, the offset of IFD0, then at that
// offset a count of 12-byte entries (tag, type, count, value).
func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return 1
	}
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 1
	}
	if bo.Uint16(t[2:]) != 42 {
		return 1
	}
	off := uint64(bo.Uint32(t[4:]))
	if off < 8 || off+2 > uint64(len(t)) {
		return 1
	}
	n := int(bo.Uint16(t[off:]))
	for k := range n {
		e := int(off) + 2 + 12*k
		if e+12 > len(t) {
			return 1
		}
		if bo.Uint16(t[e:]) != 0x0112 {
			continue
		}
		var v uint32
		switch typ, count := bo.Uint16(t[e+2:]), bo.Uint32(t[e+4:]); {
		case count == 0:
			return 1
		case typ == 3: // SHORT, left-justified in the 4-byte value field
			v = uint32(bo.Uint16(t[e+8:]))
		case typ == 4: // LONG: wrong by the standard, but seen in the wild
			v = bo.Uint32(t[e+8:])
		default:
			return 1
		}
		if v >= 1 && v <= 8 {
			return int(v)
		}
		return 1
	}
	return 1
}

// orient applies an EXIF orientation to src and returns an image with its
// top-left corner at (0, 0). Orientation o means:
//
//	1 as stored              5 transpose (mirror + 90° counter-clockwise)
//	2 mirror horizontally    6 rotate 90° clockwise
//	3 rotate 180°            7 transverse (mirror + 90° clockwise)
//	4 mirror vertically      8 rotate 90° counter-clockwise
//
// Orientations 5 to 8 swap width and height. For 1, or an unknown value,
// src is returned as is.
func orient(src *image.RGBA, o int) *image.RGBA {
	if o < 2 || o > 8 {
		return src
	}
	w, h := src.Rect.Dx(), src.Rect.Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	if w == 0 || h == 0 {
		return dst
	}
	// The source pixel (x, y) goes to byte offset start + x*stepX + y*stepY
	// in dst.Pix; one table row per orientation.
	ds := dst.Stride
	var start, stepX, stepY int
	switch o {
	case 2: // (x, y) → (w-1-x, y)
		start, stepX, stepY = (w-1)*4, -4, ds
	case 3: // (x, y) → (w-1-x, h-1-y)
		start, stepX, stepY = (w-1)*4+(h-1)*ds, -4, -ds
	case 4: // (x, y) → (x, h-1-y)
		start, stepX, stepY = (h-1)*ds, 4, -ds
	case 5: // (x, y) → (y, x)
		start, stepX, stepY = 0, ds, 4
	case 6: // (x, y) → (h-1-y, x)
		start, stepX, stepY = (h-1)*4, ds, -4
	case 7: // (x, y) → (h-1-y, w-1-x)
		start, stepX, stepY = (h-1)*4+(w-1)*ds, -ds, -4
	case 8: // (x, y) → (y, w-1-x)
		start, stepX, stepY = (w-1)*ds, -ds, 4
	}
	for y := range h {
		row := src.Pix[y*src.Stride : y*src.Stride+w*4]
		d := start + y*stepY
		for x := 0; x < len(row); x += 4 {
			copy(dst.Pix[d:d+4], row[x:x+4])
			d += stepX
		}
	}
	return dst
}
