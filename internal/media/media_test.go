package media

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// Each accepted format is decoded and re-encoded in the expected output
// format, with the right dimensions, keys and hash.
func TestProcessFormats(t *testing.T) {
	semiTransparent := image.NewNRGBA(image.Rect(0, 0, 50, 30))
	for i := range semiTransparent.Pix {
		semiTransparent.Pix[i] = []uint8{0x20, 0x40, 0xC0, 0x80}[i%4]
	}
	tests := []struct {
		name   string
		data   []byte
		w, h   int
		ctype  string
		widths []int
		check  func(t *testing.T, img image.Image) // on the largest variant
	}{
		{name: "jpeg", data: encodeJPEG(t, photo(700, 300)), w: 700, h: 300, ctype: ContentTypeJPEG, widths: []int{320, 640, 700}},
		{name: "png", data: encodePNG(t, photo(400, 400)), w: 400, h: 400, ctype: ContentTypePNG, widths: []int{320, 400}},
		{
			name: "png with alpha keeps alpha", data: encodePNG(t, semiTransparent),
			w: 50, h: 30, ctype: ContentTypePNG, widths: []int{50},
			check: func(t *testing.T, img image.Image) {
				c := color.NRGBAModel.Convert(img.At(10, 10)).(color.NRGBA)
				if c.A < 0x7E || c.A > 0x82 || c.B < 0xBE {
					t.Errorf("pixel %v, want about {0x20 0x40 0xC0 0x80}", c)
				}
			},
		},
		{
			name: "gif", data: encodeGIF(t, 30, 20, func(m *image.Paletted) { fill(m, 0) }),
			w: 30, h: 20, ctype: ContentTypePNG, widths: []int{30},
			check: wantColorAt(5, 5, color.RGBA{0xFF, 0, 0, 0xFF}),
		},
		{
			name: "gif transparency survives", data: encodeGIF(t, 30, 20, func(m *image.Paletted) { fill(m, 2) }),
			w: 30, h: 20, ctype: ContentTypePNG, widths: []int{30},
			check: wantColorAt(5, 5, color.RGBA{}),
		},
		{
			name: "animated gif keeps the first frame",
			data: encodeGIF(t, 30, 20,
				func(m *image.Paletted) { fill(m, 0) }, // red
				func(m *image.Paletted) { fill(m, 1) }, // blue
			),
			w: 30, h: 20, ctype: ContentTypePNG, widths: []int{30},
			check: wantColorAt(5, 5, color.RGBA{0xFF, 0, 0, 0xFF}),
		},
		{
			name: "webp lossless opaque", data: webpLossless(700, 350, color.NRGBA{0x10, 0x80, 0xF0, 0xFF}),
			w: 700, h: 350, ctype: ContentTypeJPEG, widths: []int{320, 640, 700},
			check: func(t *testing.T, img image.Image) {
				r, g, b, _ := img.At(300, 100).RGBA()
				if !near(r>>8, 0x10) || !near(g>>8, 0x80) || !near(b>>8, 0xF0) {
					t.Errorf("pixel %v, want about {0x10 0x80 0xF0}", img.At(300, 100))
				}
			},
		},
		{
			name: "webp lossless with alpha", data: webpLossless(64, 32, color.NRGBA{0xFF, 0, 0, 0x80}),
			w: 64, h: 32, ctype: ContentTypePNG, widths: []int{64},
			check: func(t *testing.T, img image.Image) {
				c := color.NRGBAModel.Convert(img.At(3, 3)).(color.NRGBA)
				if c.R != 0xFF || c.G != 0 || !near(uint32(c.A), 0x80) {
					t.Errorf("pixel %v, want {0xFF 0 0 0x80}", c)
				}
			},
		},
		{name: "webp lossy", data: webpLossy1x1(t), w: 1, h: 1, ctype: ContentTypeJPEG, widths: []int{1}},
		{name: "webp lossy with alpha", data: webpLossyAlpha1x1(t), w: 1, h: 1, ctype: ContentTypePNG, widths: []int{1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := mustProcess(t, tt.data)
			sum := sha256.Sum256(tt.data)
			if want := hex.EncodeToString(sum[:]); p.Hash != want {
				t.Errorf("Hash %s, want %s", p.Hash, want)
			}
			if p.Width != tt.w || p.Height != tt.h || p.ContentType != tt.ctype {
				t.Errorf("got %dx%d %s, want %dx%d %s", p.Width, p.Height, p.ContentType, tt.w, tt.h, tt.ctype)
			}
			if got := variantList(p); !slices.Equal(got, tt.widths) {
				t.Errorf("widths %v, want %v", got, tt.widths)
			}
			ext := ".jpg"
			if tt.ctype == ContentTypePNG {
				ext = ".png"
			}
			var last image.Image
			for _, v := range p.Variants {
				if want := fmt.Sprintf("%s/%s-%d%s", p.Hash[:2], p.Hash, v.Width, ext); v.Key != want {
					t.Errorf("key %q, want %q", v.Key, want)
				}
				if !ValidKey(v.Key) {
					t.Errorf("key %q is not a valid storage key", v.Key)
				}
				last = decodeVariant(t, v)
			}
			if tt.check != nil {
				tt.check(t, last)
			}
		})
	}
}

func variantList(p *Processed) []int {
	var ws []int
	for _, v := range p.Variants {
		ws = append(ws, v.Width)
	}
	return ws
}

func near(got, want uint32) bool {
	return got+6 >= want && got <= want+6
}

func wantColorAt(x, y int, want color.RGBA) func(t *testing.T, img image.Image) {
	return func(t *testing.T, img image.Image) {
		t.Helper()
		if got := color.RGBAModel.Convert(img.At(x, y)); got != want {
			t.Errorf("pixel (%d,%d) is %v, want %v", x, y, got, want)
		}
	}
}

// The variant widths: every standard width below the image's, plus the
// image's own width capped at 1600; heights keep the aspect ratio.
func TestProcessVariantSizes(t *testing.T) {
	tests := []struct {
		w, h int
		want [][2]int
	}{
		{500, 300, [][2]int{{320, 192}, {500, 300}}},
		{3000, 2000, [][2]int{{320, 213}, {640, 427}, {1024, 683}, {1600, 1067}}},
		{1600, 900, [][2]int{{320, 180}, {640, 360}, {1024, 576}, {1600, 900}}},
		{640, 480, [][2]int{{320, 240}, {640, 480}}},
		{1700, 100, [][2]int{{320, 19}, {640, 38}, {1024, 60}, {1600, 94}}},
		{100, 1000, [][2]int{{100, 1000}}},
		{2000, 1, [][2]int{{320, 1}, {640, 1}, {1024, 1}, {1600, 1}}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%dx%d", tt.w, tt.h), func(t *testing.T) {
			p := mustProcess(t, encodeJPEG(t, photo(tt.w, tt.h)))
			var got [][2]int
			for _, v := range p.Variants {
				got = append(got, [2]int{v.Width, v.Height})
				decodeVariant(t, v)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("variants %v, want %v", got, tt.want)
			}
		})
	}
}

func TestVariantWidths(t *testing.T) {
	tests := []struct {
		w    int
		want []int
	}{
		{1, []int{1}},
		{320, []int{320}},
		{321, []int{320, 321}},
		{500, []int{320, 500}},
		{1024, []int{320, 640, 1024}},
		{1599, []int{320, 640, 1024, 1599}},
		{1600, []int{320, 640, 1024, 1600}},
		{3000, []int{320, 640, 1024, 1600}},
	}
	for _, tt := range tests {
		if got := variantWidths(tt.w); !slices.Equal(got, tt.want) {
			t.Errorf("variantWidths(%d) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

// A resized variant looks like the original: compare the mean colour of
// the 1600-px variant of a two-colour image with the original's halves.
func TestProcessResizeKeepsContent(t *testing.T) {
	m := image.NewRGBA(image.Rect(0, 0, 3200, 1000))
	for y := range 1000 {
		for x := range 3200 {
			c := color.RGBA{0xF0, 0x20, 0x20, 0xFF} // left: red
			if x >= 1600 {
				c = color.RGBA{0x20, 0x20, 0xF0, 0xFF} // right: blue
			}
			m.SetRGBA(x, y, c)
		}
	}
	p := mustProcess(t, encodePNG(t, m))
	for _, v := range p.Variants {
		img := decodeVariant(t, v)
		w, h := v.Width, v.Height
		for _, pt := range []struct {
			x, y  int
			r, b  uint32
			label string
		}{
			{w / 4, h / 2, 0xF0, 0x20, "left"},
			{3 * w / 4, h / 2, 0x20, 0xF0, "right"},
			{0, 0, 0xF0, 0x20, "top-left corner"},
			{w - 1, h - 1, 0x20, 0xF0, "bottom-right corner"},
		} {
			r, _, b, a := img.At(pt.x, pt.y).RGBA()
			if !near(r>>8, pt.r) || !near(b>>8, pt.b) || a != 0xFFFF {
				t.Errorf("%d px: %s is %v", w, pt.label, img.At(pt.x, pt.y))
			}
		}
	}
}

// The same upload twice gives the same keys and the same bytes, which makes
// Store.Put idempotent and lets uploads dedupe.
func TestProcessDeterministic(t *testing.T) {
	data := encodeJPEG(t, photo(1800, 1200))
	a, b := mustProcess(t, data), mustProcess(t, data)
	if len(a.Variants) != len(b.Variants) {
		t.Fatal("different variant counts")
	}
	for i := range a.Variants {
		if a.Variants[i].Key != b.Variants[i].Key || !bytes.Equal(a.Variants[i].Data, b.Variants[i].Data) {
			t.Errorf("variant %d differs between runs", i)
		}
	}
}

// The type comes from the bytes: a PNG saved as photo.jpg is a PNG.
func TestProcessPNGNamedJPG(t *testing.T) {
	name := filepath.Join(t.TempDir(), "photo.jpg")
	if err := os.WriteFile(name, encodePNG(t, photo(100, 80)), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := Process(f, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if p.ContentType != ContentTypePNG || !strings.HasSuffix(p.Variants[0].Key, ".png") {
		t.Errorf("got %s, key %s; want a PNG", p.ContentType, p.Variants[0].Key)
	}
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// A 30 MB upload is refused after reading one byte over the limit.
func TestProcessTooManyBytes(t *testing.T) {
	r := &countingReader{r: io.MultiReader(
		bytes.NewReader([]byte{0xFF, 0xD8, 0xFF}),
		io.LimitReader(zeroReader{}, 30<<20),
	)}
	_, err := Process(r, DefaultLimits)
	wantInvalid(t, err, "Ảnh quá lớn: tối đa 20 MB.")
	if r.n != DefaultLimits.MaxBytes+1 {
		t.Errorf("read %d bytes, want %d", r.n, DefaultLimits.MaxBytes+1)
	}
}

// The limit is inclusive, and the message shows the configured limit.
func TestProcessByteLimit(t *testing.T) {
	data := encodePNG(t, photo(10, 10))
	n := int64(len(data))
	if _, err := Process(bytes.NewReader(data), Limits{MaxBytes: n}); err != nil {
		t.Errorf("exactly at the limit: %v", err)
	}
	_, err := Process(bytes.NewReader(data), Limits{MaxBytes: n - 1})
	wantInvalid(t, err, fmt.Sprintf("Ảnh quá lớn: tối đa %d byte.", n-1))
	_, err = Process(bytes.NewReader(make([]byte, 3<<20)), Limits{MaxBytes: 3 << 19})
	wantInvalid(t, err, "Ảnh quá lớn: tối đa 1,5 MB.")
}

func TestFormatBytes(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{20 << 20, "20 MB"},
		{1 << 20, "1 MB"},
		{3 << 19, "1,5 MB"},
		{(20 << 20) - 1, "19,9 MB"}, // rounded down: never promise more
		{512 << 10, "512 KB"},
		{1000, "1000 byte"},
	}
	for _, tt := range tests {
		if got := formatBytes(tt.n); got != tt.want {
			t.Errorf("formatBytes(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
	if got := formatPixels(40_000_000); got != "40 triệu điểm ảnh" {
		t.Errorf("formatPixels = %q", got)
	}
}

// Anything but JPEG, PNG, GIF and WebP is refused from its bytes.
func TestProcessNotAnImage(t *testing.T) {
	tests := []struct {
		name string
		data string
	}{
		{"empty", ""},
		{"text", "Xin chào, đây là một tệp văn bản.\n"},
		{"html", "<!DOCTYPE html><html><script>alert(1)</script></html>"},
		{"svg", `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>`},
		{"svg with xml prolog", `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>`},
		{"pdf", "%PDF-1.7\n1 0 obj <<>> endobj\n"},
		{"elf", "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00"},
		{"windows exe", "MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"},
		{"zip", "PK\x03\x04\x14\x00\x00\x00"},
		{"bmp", "BM\x36\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00"},
		{"tiff", "II*\x00\x08\x00\x00\x00"},
		{"riff wave", "RIFF\x24\x00\x00\x00WAVEfmt "},
		{"short gif magic", "GIF8"},
		{"jpeg magic cut", "\xFF\xD8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Process(strings.NewReader(tt.data), DefaultLimits)
			wantInvalid(t, err, "Tệp không phải là ảnh JPEG, PNG, GIF hoặc WebP.")
		})
	}
}

// Decompression bombs: headers that claim too many pixels are refused from
// the header alone, quickly and without allocating the pixel buffer.
func TestProcessDecompressionBomb(t *testing.T) {
	jpg := encodeJPEG(t, photo(16, 16))
	gif65535 := encodeGIF(t, 1, 1, func(m *image.Paletted) { fill(m, 0) })
	gif65535 = bytes.Clone(gif65535)
	binary.LittleEndian.PutUint16(gif65535[6:], 65535) // logical screen width
	binary.LittleEndian.PutUint16(gif65535[8:], 65535) // and height

	tests := []struct {
		name string
		data []byte
		lim  Limits
	}{
		{"png 100000x100000", bombPNG(100000, 100000), DefaultLimits},
		{"png 10000x10000: sides fit, pixels do not", bombPNG(10000, 10000), DefaultLimits},
		{"png 12001x1: one side too long", bombPNG(12001, 1), DefaultLimits},
		{"png 2^31-1 wide", bombPNG(1<<31-1, 1), DefaultLimits},
		{"jpeg 65000x65000", withSOFSize(t, jpg, 65000, 65000), DefaultLimits},
		{"gif 65535x65535 screen", gif65535, DefaultLimits},
		{"webp lossless 16384x16384", webpLossless(16384, 16384, color.NRGBA{A: 0xFF}), DefaultLimits},
		{"webp lossless 8000x8000", webpLossless(8000, 8000, color.NRGBA{A: 0xFF}), DefaultLimits},
		{"custom limit", encodePNG(t, photo(20, 20)), Limits{MaxPixels: 399}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if len(tt.data) > 2000 {
				t.Fatalf("bomb is %d bytes; should be tiny", len(tt.data))
			}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := Process(bytes.NewReader(tt.data), tt.lim)
			runtime.ReadMemStats(&after)

			wantInvalid(t, err, "")
			if msg := err.Error(); !strings.Contains(msg, "kích thước quá lớn") {
				t.Errorf("message %q does not say the image is too large", msg)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20 {
				t.Errorf("allocated %d bytes", alloc)
			}
		})
	}
}

func TestPixelLimitMessage(t *testing.T) {
	_, err := Process(bytes.NewReader(bombPNG(100000, 100000)), DefaultLimits)
	wantInvalid(t, err, "Ảnh có kích thước quá lớn (100000×100000 điểm ảnh): mỗi chiều tối đa 12000 điểm ảnh và tổng cộng tối đa 40 triệu điểm ảnh.")
}

// Files that start like an image but are broken are "corrupt", not "not an
// image" and not an internal error.
func TestProcessCorrupt(t *testing.T) {
	jpg := encodeJPEG(t, photo(200, 100))
	pngData := encodePNG(t, photo(200, 100))
	gifData := encodeGIF(t, 200, 100, func(m *image.Paletted) {
		for i := range m.Pix {
			m.Pix[i] = uint8(i % 3)
		}
	})
	webp := webpLossless(100, 100, color.NRGBA{A: 0xFF})
	tests := []struct {
		name string
		data []byte
	}{
		{"jpeg truncated in half", jpg[:len(jpg)/2]},
		{"jpeg truncated after the headers", jpg[:bytes.Index(jpg, []byte{0xFF, 0xDA})+20]},
		{"jpeg truncated in the headers", jpg[:40]},
		{"jpeg with garbage after SOI", append([]byte{0xFF, 0xD8, 0xFF, 0xE0, 0x00}, bytes.Repeat([]byte("x"), 100)...)},
		{"png truncated", pngData[:len(pngData)/2]},
		{"png header only", pngData[:8]},
		{"png bad crc", append(bytes.Clone(pngData[:len(pngData)-1]), pngData[len(pngData)-1]^1)},
		{"png zero width", bombPNG(0, 10)},
		{"gif truncated", gifData[:len(gifData)/2]},
		{"webp truncated", webp[:len(webp)-6]},
		{"webp header only", []byte("RIFF\x04\x00\x00\x00WEBP")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Process(bytes.NewReader(tt.data), DefaultLimits)
			wantInvalid(t, err, "Ảnh bị hỏng hoặc không đọc được.")
		})
	}
}

// errReader fails every read.
type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, io.ErrUnexpectedEOF }

// A failed read of the request body is not the editor's fault: it is
// returned as is, not as an application error.
func TestProcessReadError(t *testing.T) {
	_, err := Process(errReader{}, DefaultLimits)
	if err == nil || !strings.Contains(err.Error(), io.ErrUnexpectedEOF.Error()) {
		t.Fatalf("err %v", err)
	}
}

// Re-encoding strips the metadata: no EXIF segment, no camera make, no GPS
// position in any output.
func TestProcessStripsMetadata(t *testing.T) {
	for _, bo := range []byteOrder{binary.BigEndian, binary.LittleEndian} {
		t.Run(bo.String(), func(t *testing.T) {
			src := encodeJPEG(t, photo(800, 600))
			src = withSegment(src, 0xE1, []byte("http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta>GPSLatitude</x:xmpmeta>"))
			src = withSegment(src, 0xFE, []byte("comment: "+secretMake))
			src = withEXIF(src, exifOptions{order: bo, orientation: 1})
			for _, s := range [][]byte{[]byte("Exif"), []byte(secretMake), gpsLatitude(bo), []byte("xmpmeta")} {
				if !bytes.Contains(src, s) {
					t.Fatalf("test input lacks %q", s)
				}
			}
			p := mustProcess(t, src)
			for _, v := range p.Variants {
				for _, s := range [][]byte{[]byte("Exif"), []byte(secretMake), gpsLatitude(bo), []byte("xmpmeta"), []byte("GPS")} {
					if bytes.Contains(v.Data, s) {
						t.Errorf("%s contains %q", v.Key, s)
					}
				}
				for _, m := range jpegMarkers(t, v.Data) {
					if m >= 0xE0 && m <= 0xEF || m == 0xFE {
						t.Errorf("%s has an APP%d or COM segment (marker %#x)", v.Key, m-0xE0, m)
					}
				}
			}
		})
	}
}

// Process never panics and only returns application errors for any input
// (the reader never fails).
func FuzzProcess(f *testing.F) {
	f.Add(encodeJPEG(f, photo(20, 10)))
	f.Add(withEXIF(encodeJPEG(f, photo(20, 10)), exifOptions{order: binary.BigEndian, orientation: 6}))
	f.Add(encodePNG(f, photo(20, 10)))
	f.Add(encodeGIF(f, 20, 10, func(m *image.Paletted) { fill(m, 1) }))
	f.Add(webpLossless(20, 10, color.NRGBA{1, 2, 3, 4}))
	f.Add(webpLossyAlpha1x1(f))
	f.Add(bombPNG(5000, 5000))
	lim := Limits{MaxBytes: 1 << 20, MaxPixels: 1 << 20, MaxSide: 2048}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Process(bytes.NewReader(data), lim)
		if err != nil {
			wantInvalid(t, err, "")
			return
		}
		for _, v := range p.Variants {
			decodeVariant(t, v)
		}
	})
}
