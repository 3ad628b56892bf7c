package media

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"slices"
	"strconv"
	"sync"

	"github.com/congtin/congtin"
)

// Content types of the files Process produces.
const (
	ContentTypeJPEG = "image/jpeg"
	ContentTypePNG  = "image/png"
)

// jpegQuality is the quality of every JPEG that Process writes.
const jpegQuality = 85

// Limits bounds what Process accepts. A zero field means the value of the
// same field in DefaultLimits.
type Limits struct {
	MaxBytes  int64 // size of the uploaded file
	MaxPixels int64 // width × height, as declared by the image header
	MaxSide   int   // width and height, each
}

// DefaultLimits are generous for photographs from any current camera or
// phone (a 40-megapixel frame decodes to about 160 MB of RGBA at most).
var DefaultLimits = Limits{MaxBytes: 20 << 20, MaxPixels: 40_000_000, MaxSide: 12000}

// Widths are the widths, in pixels, of the variants Process produces, in
// ascending order. An image gets every width strictly smaller than its own,
// plus one variant at its own width capped at the largest of Widths, so
// images are never enlarged.
var Widths = []int{320, 640, 1024, 1600}

// Processed is the result of Process.
type Processed struct {
	Hash        string    // hex SHA-256 of the uploaded bytes, for dedupe
	Width       int       // of the original, after EXIF orientation
	Height      int       // of the original, after EXIF orientation
	ContentType string    // of every variant: ContentTypeJPEG or ContentTypePNG
	Variants    []Variant // ascending by width; never empty
}

// Variant is one encoded size of a processed image.
type Variant struct {
	Width       int
	Height      int
	Key         string // storage key, e.g. "ab/ab12…ef-640.jpg"
	ContentType string
	Data        []byte
}

// Process reads an uploaded image from r, checks it against lim and returns
// its re-encoded variants. Errors that the editor can act on (too big, not
// an image, too many pixels, corrupt) are *congtin.Error values with code
// congtin.EINVALID; a failure to read r (a dropped connection) is returned
// wrapped, and so counts as an internal error.
//
// Only the first frame of an animated GIF is kept. See the package
// documentation for the output formats.
func Process(r io.Reader, lim Limits) (*Processed, error) {
	return process(r, lim, nil)
}

// process is Process; enter, when set, is called before the image is
// decoded and its release after the variants are encoded (Gate).
func process(r io.Reader, lim Limits, enter func() (func(), error)) (*Processed, error) {
	lim = lim.orDefaults()

	// Read one byte more than allowed, to tell "exactly the limit" from
	// "over the limit" without reading the rest of an oversized upload.
	data, err := io.ReadAll(io.LimitReader(r, lim.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("media: read upload: %w", err)
	}
	if int64(len(data)) > lim.MaxBytes {
		return nil, congtin.Errorf(congtin.EINVALID, "Ảnh quá lớn: tối đa %s.", formatBytes(lim.MaxBytes))
	}

	f := sniff(data)
	if f == formatUnknown {
		return nil, errNotImage()
	}

	// The header alone: refuse huge dimensions before any pixel buffer
	// is allocated.
	cfg, err := f.decodeConfig(data)
	if err != nil {
		return nil, errCorrupt()
	}
	if err := lim.check(cfg.Width, cfg.Height); err != nil {
		return nil, err
	}

	if enter != nil {
		release, err := enter()
		if err != nil {
			return nil, err
		}
		defer release()
	}
	src, err := f.decode(data)
	if err != nil {
		return nil, errCorrupt()
	}
	b := src.Bounds()
	if f == formatGIF && b != image.Rect(0, 0, cfg.Width, cfg.Height) {
		// The first frame of a GIF may cover only part of the logical
		// screen (the decoder has checked that it lies within it).
		src = onCanvas(src, cfg.Width, cfg.Height)
	} else if b.Dx() != cfg.Width || b.Dy() != cfg.Height {
		return nil, errCorrupt()
	}

	orientation := 1
	if f == formatJPEG {
		orientation = jpegOrientation(data)
	}
	asPNG := f == formatPNG || f == formatGIF || (f == formatWebP && !isOpaque(src))

	sum := sha256.Sum256(data)
	p := &Processed{
		Hash:        hex.EncodeToString(sum[:]),
		Width:       cfg.Width,
		Height:      cfg.Height,
		ContentType: ContentTypeJPEG,
	}
	ext := ".jpg"
	if asPNG {
		p.ContentType, ext = ContentTypePNG, ".png"
	}
	swap := orientation >= 5 // orientations 5-8 exchange width and height
	if swap {
		p.Width, p.Height = p.Height, p.Width
	}

	widths := variantWidths(p.Width)
	p.Variants = make([]Variant, len(widths))
	errs := make([]error, len(widths))
	var wg sync.WaitGroup

	// Scale from the largest variant down, each from the previous one,
	// in the stored (unoriented) orientation. Orienting a variant is a
	// cheap copy, so it is done after scaling, on the small image.
	prev := src
	for i := len(widths) - 1; i >= 0; i-- {
		w := widths[i]
		h := max(1, int((int64(p.Height)*int64(w)*2+int64(p.Width))/(2*int64(p.Width))))
		sw, sh := w, h
		if swap {
			sw, sh = h, w
		}
		scaled := resize(prev, sw, sh)
		prev = scaled

		wg.Go(func() {
			out, err := encode(orient(scaled, orientation), asPNG)
			p.Variants[i] = Variant{
				Width:       w,
				Height:      h,
				Key:         p.Hash[:2] + "/" + p.Hash + "-" + strconv.Itoa(w) + ext,
				ContentType: p.ContentType,
				Data:        out,
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return p, nil
}

// variantWidths returns the widths of the variants of an image w pixels
// wide, ascending: every width of Widths below w, then w itself capped at
// the largest of Widths.
func variantWidths(w int) []int {
	ws := slices.Clone(Widths)
	slices.Sort(ws)
	ws = slices.Compact(ws)
	var out []int
	for _, x := range ws {
		if x > 0 && x < w {
			out = append(out, x)
		}
	}
	own := w
	if len(ws) > 0 && ws[len(ws)-1] > 0 {
		own = min(w, ws[len(ws)-1])
	}
	if len(out) == 0 || out[len(out)-1] != own {
		out = append(out, own)
	}
	return out
}

// encode writes img as PNG or as a JPEG of quality jpegQuality. Neither
// encoder writes any metadata.
func encode(img image.Image, asPNG bool) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	if asPNG {
		err = (&png.Encoder{CompressionLevel: png.DefaultCompression}).Encode(&buf, img)
	} else {
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: jpegQuality})
	}
	if err != nil {
		return nil, fmt.Errorf("media: encode: %w", err)
	}
	return buf.Bytes(), nil
}

// isOpaque reports whether every pixel of img is fully opaque.
func isOpaque(img image.Image) bool {
	if o, ok := img.(interface{ Opaque() bool }); ok {
		return o.Opaque()
	}
	return false
}

func (l Limits) orDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultLimits.MaxBytes
	}
	if l.MaxPixels <= 0 {
		l.MaxPixels = DefaultLimits.MaxPixels
	}
	if l.MaxSide <= 0 {
		l.MaxSide = DefaultLimits.MaxSide
	}
	return l
}

// check refuses dimensions outside l, as declared by an image header.
func (l Limits) check(w, h int) error {
	if w <= 0 || h <= 0 {
		// Not a "too large" image: a header that declares no pixels
		// is a broken one.
		return errCorrupt()
	}
	if w > l.MaxSide || h > l.MaxSide || int64(w)*int64(h) > l.MaxPixels {
		return congtin.Errorf(congtin.EINVALID,
			"Ảnh có kích thước quá lớn (%d×%d điểm ảnh): mỗi chiều tối đa %d điểm ảnh và tổng cộng tối đa %s.",
			w, h, l.MaxSide, formatPixels(l.MaxPixels))
	}
	return nil
}

func errNotImage() error {
	return congtin.Errorf(congtin.EINVALID, "Tệp không phải là ảnh JPEG, PNG, GIF hoặc WebP.")
}

func errCorrupt() error {
	return congtin.Errorf(congtin.EINVALID, "Ảnh bị hỏng hoặc không đọc được.")
}

// formatBytes formats a byte count for an editor: "20 MB", "1,5 MB",
// "512 KB". It rounds down, so that the limit shown is never more than the
// real one. Vietnamese writes a decimal comma.
func formatBytes(n int64) string {
	if n >= 1<<20 {
		return decimal(n*10/(1<<20)) + " MB"
	}
	if n >= 1<<10 {
		return decimal(n*10/(1<<10)) + " KB"
	}
	return strconv.FormatInt(n, 10) + " byte"
}

// formatPixels formats a pixel count: "40 triệu điểm ảnh" (40 million).
func formatPixels(n int64) string {
	if n >= 1_000_000 {
		return decimal(n/100_000) + " triệu điểm ảnh"
	}
	return strconv.FormatInt(n, 10) + " điểm ảnh"
}

// decimal formats tenths (205 → "20,5"; 200 → "20").
func decimal(tenths int64) string {
	s := strconv.FormatInt(tenths/10, 10)
	if d := tenths % 10; d != 0 {
		s += "," + strconv.FormatInt(d, 10)
	}
	return s
}
