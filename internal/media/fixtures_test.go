package media

// Test inputs, all built in code: no binary fixture is committed.

import (
	"bytes"
	"compress/zlib"
	"encoding/base64"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"testing"

	"github.com/congtin/congtin"
)

// photo returns a w×h image with smooth gradients and some deterministic
// noise, so that it compresses like a photograph rather than a flat area.
func photo(w, h int) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	seed := uint32(2463534242)
	for y := range h {
		for x := range w {
			seed ^= seed << 13
			seed ^= seed >> 17
			seed ^= seed << 5
			n := uint8(seed & 31)
			i := m.PixOffset(x, y)
			m.Pix[i+0] = uint8(x*255/max(1, w-1)) ^ n
			m.Pix[i+1] = uint8(y*255/max(1, h-1)) ^ n
			m.Pix[i+2] = uint8((x+y)*255/max(1, w+h-2)) ^ n
			m.Pix[i+3] = 0xFF
		}
	}
	return m
}

func encodeJPEG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodePNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// encodeGIF encodes frames as an animated GIF (one frame is a still GIF).
// Frames use a palette of opaque red, opaque blue and transparent.
func encodeGIF(t testing.TB, w, h int, frames ...func(m *image.Paletted)) []byte {
	t.Helper()
	pal := color.Palette{color.RGBA{0xFF, 0, 0, 0xFF}, color.RGBA{0, 0, 0xFF, 0xFF}, color.RGBA{}}
	g := &gif.GIF{Config: image.Config{ColorModel: pal, Width: w, Height: h}}
	for _, f := range frames {
		m := image.NewPaletted(image.Rect(0, 0, w, h), pal)
		f(m)
		g.Image = append(g.Image, m)
		g.Delay = append(g.Delay, 10)
	}
	var b bytes.Buffer
	if err := gif.EncodeAll(&b, g); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func fill(m *image.Paletted, index uint8) {
	for i := range m.Pix {
		m.Pix[i] = index
	}
}

// pngChunk returns one PNG chunk with its CRC.
func pngChunk(typ string, data []byte) []byte {
	b := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	b = append(b, typ...)
	b = append(b, data...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(append([]byte(typ), data...)))
}

// bombPNG returns a well-formed PNG header claiming w×h RGBA pixels,
// followed by a tiny IDAT (one compressed row of zeroes) and IEND: a few
// dozen bytes that a naive decoder would expand into w*h*4 bytes.
func bombPNG(w, h uint32) []byte {
	ihdr := binary.BigEndian.AppendUint32(nil, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, 6, 0, 0, 0) // 8-bit RGBA, deflate, no filter, no interlace
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(make([]byte, 1024))
	zw.Close()
	b := []byte("\x89PNG\r\n\x1a\n")
	b = append(b, pngChunk("IHDR", ihdr)...)
	b = append(b, pngChunk("IDAT", z.Bytes())...)
	return append(b, pngChunk("IEND", nil)...)
}

// withSOFSize returns a copy of a baseline JPEG whose frame header claims
// w×h pixels.
func withSOFSize(t testing.TB, j []byte, w, h uint16) []byte {
	t.Helper()
	j = bytes.Clone(j)
	i := bytes.Index(j, []byte{0xFF, 0xC0})
	if i < 0 {
		t.Fatal("no SOF0 marker")
	}
	// FF C0, length (2), precision (1), height (2), width (2).
	binary.BigEndian.PutUint16(j[i+5:], h)
	binary.BigEndian.PutUint16(j[i+7:], w)
	return j
}

// webpLossless returns a lossless WebP (VP8L) of w×h pixels, all of color
// c. Each of the five prefix codes is a "simple" code of one symbol, so
// pixels take no bits at all: the file is ~40 bytes whatever w and h (up to
// 16384 each), which also makes it a perfect decompression bomb.
func webpLossless(w, h int, c color.NRGBA) []byte {
	var bw bitWriter
	bw.write(0x2F, 8) // VP8L signature
	bw.write(uint64(w-1), 14)
	bw.write(uint64(h-1), 14)
	alpha := uint64(0)
	if c.A != 0xFF {
		alpha = 1
	}
	bw.write(alpha, 1) // alpha_is_used hint
	bw.write(0, 3)     // version
	bw.write(0, 1)     // no transform
	bw.write(0, 1)     // no color cache
	bw.write(0, 1)     // no meta prefix codes
	// Prefix codes, in order green, red, blue, alpha, distance: each
	// simple (1), one symbol (0), 8-bit symbol (1), the symbol.
	for _, v := range []uint8{c.G, c.R, c.B, c.A} {
		bw.write(1, 1)
		bw.write(0, 1)
		bw.write(1, 1)
		bw.write(uint64(v), 8)
	}
	bw.write(1, 1) // distance: simple, one symbol, 1-bit symbol 0
	bw.write(0, 1)
	bw.write(0, 1)
	bw.write(0, 1)
	return riffWebP("VP8L", bw.flush())
}

// webpLossy1x1 returns a 1×1 lossy (VP8) WebP without alpha. The VP8 frame
// is the one of the well-known 1×1 WebP used by feature detection scripts.
func webpLossy1x1(t testing.TB) []byte {
	t.Helper()
	const withAlpha = "UklGRkoAAABXRUJQVlA4WAoAAAAQAAAAAAAAAAAAQUxQSAwAAAARBxAR/Q9ERP8DAABWUDggGAAAABQBAJ0BKgEAAQAAAP4AAA3AAP7mtQAAAA=="
	b, err := base64.StdEncoding.DecodeString(withAlpha)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(b, []byte("VP8 "))
	if i < 0 {
		t.Fatal("no VP8 chunk")
	}
	n := binary.LittleEndian.Uint32(b[i+4:])
	return riffWebP("VP8 ", b[i+8:i+8+int(n)])
}

// webpLossyAlpha1x1 is a 1×1 lossy WebP with an alpha channel (VP8X, ALPH
// and VP8 chunks), fully transparent.
func webpLossyAlpha1x1(t testing.TB) []byte {
	t.Helper()
	b, err := base64.StdEncoding.DecodeString("UklGRkoAAABXRUJQVlA4WAoAAAAQAAAAAAAAAAAAQUxQSAwAAAARBxAR/Q9ERP8DAABWUDggGAAAABQBAJ0BKgEAAQAAAP4AAA3AAP7mtQAAAA==")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func riffWebP(fourCC string, chunk []byte) []byte {
	body := []byte("WEBP" + fourCC)
	body = binary.LittleEndian.AppendUint32(body, uint32(len(chunk)))
	body = append(body, chunk...)
	if len(chunk)%2 == 1 {
		body = append(body, 0)
	}
	b := []byte("RIFF")
	b = binary.LittleEndian.AppendUint32(b, uint32(len(body)))
	return append(b, body...)
}

// bitWriter writes bits least significant first, as VP8L reads them.
type bitWriter struct {
	buf []byte
	acc uint64
	n   uint
}

func (w *bitWriter) write(v uint64, bits uint) {
	w.acc |= v << w.n
	w.n += bits
	for w.n >= 8 {
		w.buf = append(w.buf, byte(w.acc))
		w.acc >>= 8
		w.n -= 8
	}
}

func (w *bitWriter) flush() []byte {
	if w.n > 0 {
		w.buf = append(w.buf, byte(w.acc))
	}
	return w.buf
}

// byteOrder is a byte order that can also append, as both of encoding/binary's are.
type byteOrder interface {
	binary.ByteOrder
	binary.AppendByteOrder
}

// exifOptions describe the EXIF segment that withEXIF splices in.
type exifOptions struct {
	order       byteOrder
	orientation uint16
}

// secretMake is the camera make written into test EXIF data; it must not
// survive processing.
const secretMake = "SECRETCAM"

// gpsLatitude is the rational triple 21/1 1/1 4242/100 as written in the
// test EXIF data (big or little endian), to look for in outputs.
func gpsLatitude(bo byteOrder) []byte {
	var b []byte
	for _, v := range []uint32{21, 1, 1, 1, 4242, 100} {
		b = bo.AppendUint32(b, v)
	}
	return b
}

// exifTIFF builds a TIFF structure: IFD0 with Make, Orientation and a GPS
// IFD pointer; the GPS IFD with a latitude reference and a latitude.
func exifTIFF(o exifOptions) []byte {
	bo := o.order
	var t []byte
	if bo == binary.BigEndian {
		t = append(t, "MM"...)
	} else {
		t = append(t, "II"...)
	}
	t = bo.AppendUint16(t, 42)
	t = bo.AppendUint32(t, 8) // IFD0 offset

	const ifd0Size = 2 + 3*12 + 4
	makeOff := 8 + ifd0Size
	makeVal := secretMake + "\x00"
	gpsOff := makeOff + len(makeVal)
	const gpsSize = 2 + 2*12 + 4
	latOff := gpsOff + gpsSize

	entry := func(tag, typ uint16, count uint32, value []byte) {
		t = bo.AppendUint16(t, tag)
		t = bo.AppendUint16(t, typ)
		t = bo.AppendUint32(t, count)
		var v [4]byte
		copy(v[:], value)
		t = append(t, v[:]...)
	}
	u16 := func(v uint16) []byte { return bo.AppendUint16(nil, v) }
	u32 := func(v uint32) []byte { return bo.AppendUint32(nil, v) }

	t = bo.AppendUint16(t, 3)
	entry(0x010F, 2, uint32(len(makeVal)), u32(uint32(makeOff))) // Make
	entry(0x0112, 3, 1, u16(o.orientation))                      // Orientation
	entry(0x8825, 4, 1, u32(uint32(gpsOff)))                     // GPS IFD pointer
	t = bo.AppendUint32(t, 0)                                    // no IFD1
	t = append(t, makeVal...)

	t = bo.AppendUint16(t, 2)
	entry(0x0001, 2, 2, []byte("N\x00"))     // GPSLatitudeRef
	entry(0x0002, 5, 3, u32(uint32(latOff))) // GPSLatitude
	t = bo.AppendUint32(t, 0)
	return append(t, gpsLatitude(bo)...)
}

// withEXIF returns a copy of the JPEG j with an APP1 EXIF segment built
// from o inserted right after SOI, where cameras put it.
func withEXIF(j []byte, o exifOptions) []byte {
	payload := append([]byte("Exif\x00\x00"), exifTIFF(o)...)
	return withSegment(j, 0xE1, payload)
}

// withSegment inserts a marker segment right after SOI.
func withSegment(j []byte, marker byte, payload []byte) []byte {
	seg := []byte{0xFF, marker}
	seg = binary.BigEndian.AppendUint16(seg, uint16(len(payload)+2))
	seg = append(seg, payload...)
	out := append([]byte{}, j[:2]...)
	out = append(out, seg...)
	return append(out, j[2:]...)
}

// jpegMarkers lists the markers of the segments before the scan data.
func jpegMarkers(t testing.TB, j []byte) []byte {
	t.Helper()
	var ms []byte
	for i := 2; i+4 <= len(j); {
		if j[i] != 0xFF {
			t.Fatalf("no marker at %d", i)
		}
		m := j[i+1]
		ms = append(ms, m)
		if m == 0xDA {
			break
		}
		i += 2 + int(binary.BigEndian.Uint16(j[i+2:]))
	}
	return ms
}

func mustProcess(t testing.TB, data []byte) *Processed {
	t.Helper()
	p, err := Process(bytes.NewReader(data), DefaultLimits)
	if err != nil {
		t.Fatalf("Process: %v", err)
	}
	return p
}

func decodeVariant(t testing.TB, v Variant) image.Image {
	t.Helper()
	img, format, err := image.Decode(bytes.NewReader(v.Data))
	if err != nil {
		t.Fatalf("decode variant %s: %v", v.Key, err)
	}
	if want := "image/" + format; want != v.ContentType {
		t.Fatalf("variant %s is %s, labelled %s", v.Key, want, v.ContentType)
	}
	if b := img.Bounds(); b.Dx() != v.Width || b.Dy() != v.Height {
		t.Fatalf("variant %s is %dx%d, labelled %dx%d", v.Key, b.Dx(), b.Dy(), v.Width, v.Height)
	}
	return img
}

// wantInvalid checks that err is an EINVALID application error with the
// message want (or any message, if want is "").
func wantInvalid(t testing.TB, err error, want string) {
	t.Helper()
	if err == nil {
		t.Fatal("no error")
	}
	if code := congtin.ErrorCode(err); code != congtin.EINVALID {
		t.Fatalf("code %q, want %q (err %v)", code, congtin.EINVALID, err)
	}
	if msg := congtin.ErrorMessage(err); want != "" && msg != want {
		t.Fatalf("message %q, want %q", msg, want)
	}
}
