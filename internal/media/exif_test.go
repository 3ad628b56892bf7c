package media

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"testing"
)

// markedJPEG returns a 40×20 JPEG, white with an 8×8 red block in the
// top-left corner and an 8×8 green block in the top-right corner, so that
// every one of the eight orientations puts the two blocks in a different
// pair of corners.
func markedJPEG(t testing.TB) []byte {
	m := image.NewRGBA(image.Rect(0, 0, 40, 20))
	for y := range 20 {
		for x := range 40 {
			c := color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
			switch {
			case y < 8 && x < 8:
				c = color.RGBA{0xFF, 0, 0, 0xFF}
			case y < 8 && x >= 32:
				c = color.RGBA{0, 0xFF, 0, 0xFF}
			}
			m.SetRGBA(x, y, c)
		}
	}
	return encodeJPEG(t, m)
}

type corner int

const (
	topLeft corner = iota
	topRight
	bottomLeft
	bottomRight
)

func (c corner) String() string {
	return [...]string{"top-left", "top-right", "bottom-left", "bottom-right"}[c]
}

// point returns a pixel inside the 8×8 block at corner c of a w×h image.
func (c corner) point(w, h int) (int, int) {
	x, y := 3, 3
	if c == topRight || c == bottomRight {
		x = w - 4
	}
	if c == bottomLeft || c == bottomRight {
		y = h - 4
	}
	return x, y
}

func classify(c color.Color) string {
	r, g, b, _ := c.RGBA()
	r, g, b = r>>8, g>>8, b>>8
	switch {
	case r > 200 && g < 80 && b < 80:
		return "red"
	case g > 200 && r < 80 && b < 80:
		return "green"
	case r > 200 && g > 200 && b > 200:
		return "white"
	}
	return fmt.Sprintf("other %v", c)
}

// Every EXIF orientation is applied: the output has the displayed size and
// the marked corners are where a viewer would show them.
func TestProcessEXIFOrientation(t *testing.T) {
	tests := []struct {
		orientation uint16
		w, h        int
		red, green  corner
	}{
		{1, 40, 20, topLeft, topRight},       // as stored
		{2, 40, 20, topRight, topLeft},       // mirrored
		{3, 40, 20, bottomRight, bottomLeft}, // rotated 180°
		{4, 40, 20, bottomLeft, bottomRight}, // mirrored vertically
		{5, 20, 40, topLeft, bottomLeft},     // transposed
		{6, 20, 40, topRight, bottomRight},   // rotated 90° clockwise
		{7, 20, 40, bottomRight, topRight},   // transversed
		{8, 20, 40, bottomLeft, topLeft},     // rotated 90° counter-clockwise
		{0, 40, 20, topLeft, topRight},       // invalid: ignored
		{9, 40, 20, topLeft, topRight},       // invalid: ignored
	}
	base := markedJPEG(t)
	for _, bo := range []byteOrder{binary.BigEndian, binary.LittleEndian} {
		for _, tt := range tests {
			t.Run(fmt.Sprintf("%s/%d", bo, tt.orientation), func(t *testing.T) {
				p := mustProcess(t, withEXIF(base, exifOptions{order: bo, orientation: tt.orientation}))
				if p.Width != tt.w || p.Height != tt.h {
					t.Fatalf("Processed is %dx%d, want %dx%d", p.Width, p.Height, tt.w, tt.h)
				}
				if len(p.Variants) != 1 {
					t.Fatalf("%d variants", len(p.Variants))
				}
				img := decodeVariant(t, p.Variants[0])
				for _, c := range []corner{topLeft, topRight, bottomLeft, bottomRight} {
					want := "white"
					switch c {
					case tt.red:
						want = "red"
					case tt.green:
						want = "green"
					}
					x, y := c.point(tt.w, tt.h)
					if got := classify(img.At(x, y)); got != want {
						t.Errorf("%v corner is %s, want %s", c, got, want)
					}
				}
			})
		}
	}
}

// The orientation applies to every variant, not only the full-size one.
func TestProcessEXIFOrientationResized(t *testing.T) {
	src := withEXIF(encodeJPEG(t, photo(1200, 800)), exifOptions{order: binary.BigEndian, orientation: 6})
	p := mustProcess(t, src)
	if p.Width != 800 || p.Height != 1200 {
		t.Fatalf("Processed is %dx%d, want 800x1200", p.Width, p.Height)
	}
	want := [][2]int{{320, 480}, {640, 960}, {800, 1200}}
	for i, v := range p.Variants {
		if [2]int{v.Width, v.Height} != want[i] {
			t.Errorf("variant %d is %dx%d, want %v", i, v.Width, v.Height, want[i])
		}
		decodeVariant(t, v)
	}
}

// orient matches the definition of each orientation, pixel by pixel:
// dst(x, y) = src(f(x, y)) for a source of w×h.
func TestOrient(t *testing.T) {
	const w, h = 3, 2
	src := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			src.SetRGBA(x, y, color.RGBA{uint8(x), uint8(y), 0, 0xFF})
		}
	}
	from := map[int]func(x, y int) (int, int){
		1: func(x, y int) (int, int) { return x, y },
		2: func(x, y int) (int, int) { return w - 1 - x, y },
		3: func(x, y int) (int, int) { return w - 1 - x, h - 1 - y },
		4: func(x, y int) (int, int) { return x, h - 1 - y },
		5: func(x, y int) (int, int) { return y, x },
		6: func(x, y int) (int, int) { return y, h - 1 - x },
		7: func(x, y int) (int, int) { return w - 1 - y, h - 1 - x },
		8: func(x, y int) (int, int) { return w - 1 - y, x },
	}
	for o, f := range from {
		dst := orient(src, o)
		dw, dh := w, h
		if o >= 5 {
			dw, dh = h, w
		}
		if dst.Rect != image.Rect(0, 0, dw, dh) {
			t.Fatalf("orientation %d: bounds %v", o, dst.Rect)
		}
		for y := range dh {
			for x := range dw {
				sx, sy := f(x, y)
				if got, want := dst.RGBAAt(x, y), src.RGBAAt(sx, sy); got != want {
					t.Errorf("orientation %d: (%d,%d) = %v, want %v", o, x, y, got, want)
				}
			}
		}
	}
}

// jpegOrientation finds the orientation behind other segments, and gives 1
// for anything malformed rather than failing.
func TestJPEGOrientation(t *testing.T) {
	base := encodeJPEG(t, photo(8, 8))
	good := func(o uint16) []byte { return withEXIF(base, exifOptions{order: binary.BigEndian, orientation: o}) }
	exifPayload := func(tiff []byte) []byte { return append([]byte("Exif\x00\x00"), tiff...) }
	tiff := exifTIFF(exifOptions{order: binary.LittleEndian, orientation: 8})
	mutate := func(f func(tiff []byte)) []byte {
		t := bytes.Clone(tiff)
		f(t)
		return withSegment(base, 0xE1, exifPayload(t))
	}

	tests := []struct {
		name string
		data []byte
		want int
	}{
		{"no exif", base, 1},
		{"orientation 6", good(6), 6},
		{"little endian 8", withSegment(base, 0xE1, exifPayload(tiff)), 8},
		{"after APP0 and XMP", withSegment(withSegment(good(3), 0xE1, []byte("http://ns.adobe.com/xap/1.0/\x00<x/>")), 0xE0, []byte("JFIF\x00\x01\x01")), 3},
		{"fill bytes before the marker", append([]byte{0xFF, 0xD8, 0xFF, 0xFF}, good(5)[2:]...), 5},
		{"exif after the scan is ignored", append(bytes.Clone(base[:len(base)-2]), good(6)[2:]...), 1},
		{"bad byte order", mutate(func(t []byte) { t[0], t[1] = 'X', 'X' }), 1},
		{"bad magic", mutate(func(t []byte) { t[2] = 43 }), 1},
		{"IFD0 offset past the end", mutate(func(t []byte) { binary.LittleEndian.PutUint32(t[4:], 1<<31) }), 1},
		{"IFD0 offset into the header", mutate(func(t []byte) { binary.LittleEndian.PutUint32(t[4:], 2) }), 1},
		{"entry count past the end, orientation within", mutate(func(t []byte) { binary.LittleEndian.PutUint16(t[8:], 60000) }), 8},
		{"orientation entry past the end", withSegment(base, 0xE1, exifPayload(tiff[:8+2+12+6])), 1},
		{"orientation of type ASCII", mutate(func(t []byte) { binary.LittleEndian.PutUint16(t[8+2+12+2:], 2) }), 1},
		{"orientation of count 0", mutate(func(t []byte) { binary.LittleEndian.PutUint32(t[8+2+12+4:], 0) }), 1},
		{"tiff cut short", withSegment(base, 0xE1, exifPayload(tiff[:20])), 1},
		{"segment length past the end", append([]byte{0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF}, "Exif\x00\x00"...), 1},
		{"segment length too small", append([]byte{0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x01}, base[2:]...), 1},
		{"not a jpeg", []byte("hello"), 1},
		{"empty", nil, 1},
	}
	for _, tt := range tests {
		if got := jpegOrientation(tt.data); got != tt.want {
			t.Errorf("%s: orientation %d, want %d", tt.name, got, tt.want)
		}
	}
}

func FuzzJPEGOrientation(f *testing.F) {
	base := encodeJPEG(f, photo(8, 8))
	f.Add(base)
	f.Add(withEXIF(base, exifOptions{order: binary.BigEndian, orientation: 6}))
	f.Add(withEXIF(base, exifOptions{order: binary.LittleEndian, orientation: 3}))
	f.Fuzz(func(t *testing.T, data []byte) {
		if o := jpegOrientation(data); o < 1 || o > 8 {
			t.Fatalf("orientation %d", o)
		}
	})
}
