package docfiletest

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// ScanPDF returns a scanned PDF of an HTML page: what an agency's
// scanner makes of the signed paper original. Each page is printed by
// Chromium, rendered at 300 dpi in grey (pdftoppm), turned by a little
// under a degree and speckled as by a scanner (ScanPages), and the JPEG
// images are wrapped in a PDF (ImagesPDF).
func ScanPDF(t testing.TB, html string) []byte {
	t.Helper()
	return ImagesPDF(t, ScanPages(t, html))
}

// ImagesPDF wraps JPEG pages scanned at ScanDPI in a PDF with img2pdf, as
// a scanner's software does. The PDF holds no text and no font, only the
// images; the test fails if pdffonts says otherwise.
func ImagesPDF(t testing.TB, pages [][]byte) []byte {
	t.Helper()
	img2pdf := Tool(t, "img2pdf")
	pdffonts := Tool(t, "pdffonts")
	dir := t.TempDir()
	// Go's JPEG encoder records no resolution, which img2pdf would take
	// for 96 dpi: give the page its real size.
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(pages[0]))
	if err != nil {
		t.Fatal(err)
	}
	size := fmt.Sprintf("%.3finx%.3fin", float64(cfg.Width)/ScanDPI, float64(cfg.Height)/ScanDPI)
	args := []string{"--imgsize", size, "--output", filepath.Join(dir, "scan.pdf"), "--"}
	for i, page := range pages {
		p := filepath.Join(dir, "page-"+string(rune('a'+i/26))+string(rune('a'+i%26))+".jpg")
		if err := os.WriteFile(p, page, 0o600); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	run(t, img2pdf, args...)
	out := filepath.Join(dir, "scan.pdf")
	// pdffonts prints two heading lines and one line per font.
	if lines := strings.Split(strings.TrimSpace(run(t, pdffonts, out)), "\n"); len(lines) > 2 {
		t.Fatalf("the scanned PDF has fonts:\n%s", strings.Join(lines, "\n"))
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// ScanImage returns the first page of ScanPages: a JPEG scan, as an
// editor attaches a photographed or scanned page.
func ScanImage(t testing.TB, html string) []byte {
	t.Helper()
	return ScanPages(t, html)[0]
}

// ScanDPI is the resolution of the scans: what agencies' scanners use
// for text.
const ScanDPI = 300

// ScanPages prints an HTML page with Chromium and returns each page as a
// scanner would give it: 300 dpi, grey, turned by 0.8°, with noise, as
// JPEG.
func ScanPages(t testing.TB, html string) [][]byte {
	t.Helper()
	pdftoppm := Tool(t, "pdftoppm")
	pdf := ChromiumPDF(t, html)
	dir := t.TempDir()
	in := filepath.Join(dir, "print.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	run(t, pdftoppm, "-r", strconv.Itoa(ScanDPI), "-gray", "-png", in, filepath.Join(dir, "page"))
	names, _ := filepath.Glob(filepath.Join(dir, "page-*.png"))
	sort.Strings(names) // pdftoppm pads the page numbers to one width
	if len(names) == 0 {
		t.Fatal("pdftoppm rendered no page")
	}
	var pages [][]byte
	for i, name := range names {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		scan := Scanned(img, uint64(i+1))
		var b bytes.Buffer
		if err := jpeg.Encode(&b, scan, &jpeg.Options{Quality: 85}); err != nil {
			t.Fatal(err)
		}
		pages = append(pages, b.Bytes())
	}
	return pages
}

// Scanned returns img as a scanner would give it back: turned by 0.8°
// about its centre (bilinear, white where the paper was not), with
// a little gaussian grain and salt-and-pepper specks. The noise comes
// from seed, so a test sees the same page every run.
func Scanned(img image.Image, seed uint64) *image.Gray {
	b := img.Bounds()
	src, ok := img.(*image.Gray)
	if !ok || b.Min != (image.Point{}) {
		src = image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
		draw.Draw(src, src.Bounds(), img, b.Min, draw.Src)
	}
	w, h := b.Dx(), b.Dy()
	dst := image.NewGray(image.Rect(0, 0, w, h))
	sin, cos := math.Sincos(0.8 * math.Pi / 180)
	cx, cy := float64(w)/2, float64(h)/2
	at := func(x, y int) float64 {
		if x < 0 || y < 0 || x >= w || y >= h {
			return 255 // white paper around the page
		}
		return float64(src.Pix[y*src.Stride+x])
	}
	rng := rand.New(rand.NewPCG(seed, 14))
	for y := range h {
		for x := range w {
			// The source point that lands on (x, y).
			dx, dy := float64(x)-cx, float64(y)-cy
			sx, sy := cos*dx+sin*dy+cx, -sin*dx+cos*dy+cy
			x0, y0 := int(math.Floor(sx)), int(math.Floor(sy))
			fx, fy := sx-float64(x0), sy-float64(y0)
			v := (at(x0, y0)*(1-fx)+at(x0+1, y0)*fx)*(1-fy) + (at(x0, y0+1)*(1-fx)+at(x0+1, y0+1)*fx)*fy
			v += rng.NormFloat64() * 6
			switch r := rng.Float64(); {
			case r < 0.0004:
				v = 0
			case r < 0.0008:
				v = 255
			}
			dst.Pix[y*dst.Stride+x] = uint8(math.Round(math.Max(0, math.Min(255, v))))
		}
	}
	return dst
}

// run runs a test tool and returns its output; a failure fails the test.
func run(t testing.TB, prog string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, prog, args...).Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("%s %s: %v\n%s", filepath.Base(prog), strings.Join(args, " "), err, msg)
	}
	return string(out)
}
