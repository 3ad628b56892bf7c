package media

import (
	"image"
	stddraw "image/draw"
	"runtime"
	"sync"
	"sync/atomic"

	"golang.org/x/image/draw"
)

// resize scales src to w×h pixels with the Catmull-Rom kernel and returns a
// new image (or src itself, if it is already an *image.RGBA of that size at
// the origin).
//
// The kernel is separable, and draw's scaler keeps a float64 buffer of
// (source height × destination width) pixels: 150 MB for a 4000×3000 photo
// scaled to 1600 wide, 600 MB for the tallest image the limits allow. So
// the two passes are done separately, in bands that run on all CPUs:
//
//  1. horizontal: bands of rows, each scaled in width only;
//  2. vertical: bands of columns, each scaled in height only.
//
// A pass along an axis whose size does not change is an exact copy
// (Catmull-Rom weighs the nearest sample 1 and its neighbours 0), so each
// band computes exactly what a single Scale call would, bar the rounding
// of the intermediate image to 8 bits.
func resize(src image.Image, w, h int) *image.RGBA {
	sb := src.Bounds()
	sw, sh := sb.Dx(), sb.Dy()
	if sw == w && sh == h {
		return toRGBA(src)
	}

	mid := src
	if w != sw {
		m := image.NewRGBA(image.Rect(0, 0, w, sh))
		_, isRGBA := src.(*image.RGBA)
		var bufs sync.Pool // of *image.RGBA, one band of source rows
		bandScale(sh, 64, func(n int) draw.Scaler {
			return draw.CatmullRom.NewScaler(w, n, sw, n)
		}, func(s draw.Scaler, y0, y1 int) {
			band := image.Rect(sb.Min.X, sb.Min.Y+y0, sb.Max.X, sb.Min.Y+y1)
			if isRGBA {
				s.Scale(m, image.Rect(0, y0, w, y1), src, band, draw.Src, nil)
				return
			}
			// Convert the band to RGBA first: the scaler reads each
			// source pixel several times (10 for 4000 → 1600), and
			// converting YCbCr once per pixel instead of once per
			// read makes the pass about twice as fast, without an
			// RGBA copy of the whole image.
			rgba, _ := bufs.Get().(*image.RGBA)
			if rgba == nil || len(rgba.Pix) < 4*sw*(y1-y0) {
				rgba = image.NewRGBA(image.Rect(0, 0, sw, y1-y0))
			}
			rgba.Rect.Max.Y = y1 - y0 // bands differ in height
			stddraw.Draw(rgba, rgba.Rect, src, band.Min, stddraw.Src)
			s.Scale(m, image.Rect(0, y0, w, y1), rgba, rgba.Rect, draw.Src, nil)
			bufs.Put(rgba)
		})
		if h == sh {
			return m
		}
		mid = m
	}

	mb := mid.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	bandScale(w, 32, func(n int) draw.Scaler {
		return draw.CatmullRom.NewScaler(n, h, n, sh)
	}, func(s draw.Scaler, x0, x1 int) {
		s.Scale(dst, image.Rect(x0, 0, x1, h),
			mid, image.Rect(mb.Min.X+x0, mb.Min.Y, mb.Min.X+x1, mb.Max.Y), draw.Src, nil)
	})
	return dst
}

// bandScale splits [0, n) into bands of at most maxBand and calls scale for
// each, on up to GOMAXPROCS goroutines. newScaler makes the scaler for a
// band of a given size; it is called at most twice (full bands and the
// last, shorter one), and the scalers are shared by the goroutines, which
// draw's scalers allow.
func bandScale(n, maxBand int, newScaler func(size int) draw.Scaler, scale func(s draw.Scaler, a, b int)) {
	workers := runtime.GOMAXPROCS(0)
	// Enough bands to keep every worker busy, small enough to bound the
	// scaler's buffers, big enough that per-band overhead stays small.
	band := min(maxBand, max(8, (n+4*workers-1)/(4*workers)))
	bands := (n + band - 1) / band
	workers = min(workers, bands)

	full := newScaler(band)
	last := full
	if r := n % band; r != 0 {
		last = newScaler(r)
	}
	var next atomic.Int64
	work := func() {
		for {
			i := int(next.Add(1) - 1)
			if i >= bands {
				return
			}
			a, b := i*band, min(n, (i+1)*band)
			s := full
			if b-a != band {
				s = last
			}
			scale(s, a, b)
		}
	}
	var wg sync.WaitGroup
	for range workers - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
}

// toRGBA returns img as an *image.RGBA with its top-left corner at the
// origin, converting (and copying) only when needed.
func toRGBA(img image.Image) *image.RGBA {
	if m, ok := img.(*image.RGBA); ok && m.Rect.Min == (image.Point{}) {
		return m
	}
	b := img.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	stddraw.Draw(dst, dst.Bounds(), img, b.Min, stddraw.Src)
	return dst
}
