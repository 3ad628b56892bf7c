package media

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/gif"
	"image/jpeg"
	"image/png"

	"golang.org/x/image/webp"
)

// format is an accepted input format, identified from magic numbers.
type format int

const (
	formatUnknown format = iota
	formatJPEG
	formatPNG
	formatGIF
	formatWebP
)

// sniff identifies the format of data from its first bytes only. A file
// name or a client-supplied content type is never consulted: both are
// chosen by the uploader.
func sniff(data []byte) format {
	switch {
	case len(data) >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF:
		return formatJPEG // SOI followed by the next marker
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return formatPNG
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		return formatGIF
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return formatWebP
	}
	return formatUnknown
}

// decodeConfig reads only the header of data: its dimensions. Each format's
// own decoder is used, so the header read is the one that sniff matched.
func (f format) decodeConfig(data []byte) (image.Config, error) {
	r := bytes.NewReader(data)
	switch f {
	case formatJPEG:
		return jpeg.DecodeConfig(r)
	case formatPNG:
		return png.DecodeConfig(r)
	case formatGIF:
		return gif.DecodeConfig(r)
	case formatWebP:
		return webp.DecodeConfig(r)
	}
	return image.Config{}, fmt.Errorf("media: unknown format %d", f)
}

// decode decodes the pixels of data. Callers must have checked the
// dimensions from decodeConfig first. For a GIF it decodes the first frame
// only, and stops reading there.
//
// A panic inside a decoder (a bug reachable by a crafted file) is turned
// into an error, so that one bad upload cannot take the server down.
func (f format) decode(data []byte) (img image.Image, err error) {
	defer func() {
		if p := recover(); p != nil {
			img, err = nil, fmt.Errorf("media: decoder panic: %v", p)
		}
	}()
	r := bytes.NewReader(data)
	switch f {
	case formatJPEG:
		return jpeg.Decode(r)
	case formatPNG:
		return png.Decode(r)
	case formatGIF:
		return gif.Decode(r)
	case formatWebP:
		return webp.Decode(r)
	}
	return nil, fmt.Errorf("media: unknown format %d", f)
}

// onCanvas draws img on a transparent canvas of w×h pixels at its own
// position, as a browser shows the first frame of a GIF.
func onCanvas(img image.Image, w, h int) *image.RGBA {
	canvas := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(canvas, img.Bounds(), img, img.Bounds().Min, draw.Src)
	return canvas
}
