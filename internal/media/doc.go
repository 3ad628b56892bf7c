// Package media turns an image uploaded by an editor into the files the
// portal serves, and keeps those files.
//
// Process is the only way an upload becomes a served file. It treats every
// upload as hostile:
//
//   - It reads at most Limits.MaxBytes (+1, to detect an overflow).
//   - It decides the format from the bytes (magic numbers), never from a file
//     name or a client-supplied Content-Type. Only JPEG, PNG, GIF and WebP
//     are accepted; SVG, HTML, PDF and everything else are refused.
//   - It reads the dimensions from the header first and refuses an image
//     whose width, height or pixel count exceeds the limits before a single
//     pixel is decoded. A tiny file claiming 100000×100000 pixels (a
//     decompression bomb) is refused in microseconds without allocating the
//     pixel buffer.
//   - It decodes the pixels, applies the JPEG EXIF orientation (parsed here,
//     with no EXIF library), and re-encodes every output. Re-encoding is what
//     strips metadata: EXIF (including GPS position), XMP, ICC profiles and
//     comments never reach a reader.
//
// Output format: JPEG (quality 85) for JPEG sources and for WebP sources
// whose pixels are all opaque; PNG for PNG and GIF sources and for WebP
// sources with transparency, so that transparency survives. An animated GIF
// keeps only its first frame, drawn on a transparent canvas of the GIF's
// logical screen size; the animation is lost on purpose (it would need a GIF
// encoder that can bound the work and memory per frame). WebP files are read
// but never written: the standard library has no WebP encoder.
//
// Each upload yields several widths (see Widths) for use in an HTML srcset,
// resized with the Catmull-Rom kernel of golang.org/x/image/draw. The
// largest variant is scaled from the original; each smaller one from the
// next larger variant, which keeps the cost of a large photo close to that
// of one resize. Resizing runs on all CPUs in row and column bands, which
// also bounds the scaler's temporary memory.
//
// Variant keys are content addressed: the SHA-256 of the original upload,
// sharded by its first two hex digits, e.g.
// "ab/ab12…ef-640.jpg". Processing the same bytes twice gives the same keys
// and the same output bytes, so storing is idempotent and uploads dedupe.
//
// Store is the storage interface; Files implements it over a blob.Store
// (the local folder or an object store). SrcSet formats the
// variants for an <img srcset> attribute.
//
// Errors meant for the editor are *congtin.Error values with code
// congtin.EINVALID and a Vietnamese message; anything else (a failed read of
// the request body, a full disk) is an internal error.
package media
