package ocr_test

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/jpeg"
	"image/png"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/docfile/docfiletest"
	"github.com/congtin/congtin/internal/ocr"
	"github.com/congtin/congtin/internal/subproc"
	"golang.org/x/image/tiff"
)

// fake writes an executable shell script standing in for tesseract or
// pdftoppm: a program that misbehaves on purpose.
func fake(t *testing.T, body string) string { return docfiletest.Program(t, body) }

// file writes data into a temporary file and returns its path.
func file(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// smallPNG is a valid 64 × 48 grey image.
func smallPNG(t *testing.T) string {
	t.Helper()
	var b bytes.Buffer
	png.Encode(&b, image.NewGray(image.Rect(0, 0, 64, 48)))
	return file(t, "page.png", b.Bytes())
}

// reason checks err is an *ocr.Error with the reason and, when target is
// not nil, wrapping it.
func reason(t *testing.T, err error, want string, target error) *ocr.Error {
	t.Helper()
	var e *ocr.Error
	if !errors.As(err, &e) {
		t.Fatalf("err %v (%T), want *ocr.Error", err, err)
	}
	if !strings.HasPrefix(e.Reason, want) {
		t.Errorf("reason %q, want %q", e.Reason, want)
	}
	if !strings.HasPrefix(e.Error(), "Không nhận dạng được chữ: "+e.Reason) {
		t.Errorf("message %q", e.Error())
	}
	if target != nil && !errors.Is(err, target) {
		t.Errorf("err %v does not wrap %v", e.Err, target)
	}
	return e
}

func TestImageTooLarge(t *testing.T) {
	// Tesseract must not even start: the fake one leaves a mark.
	mark := filepath.Join(t.TempDir(), "ran")
	r := &ocr.Reader{Tesseract: fake(t, "touch "+mark+"; exit 1")}
	for name, data := range map[string][]byte{"bomb.jpg": docfiletest.BombJPEG(t), "bomb.tif": docfiletest.BombTIFF(t), "bomb-page2.tif": docfiletest.BombTIFFPage2(t)} {
		cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
		if want := 20000; name == "bomb-page2.tif" {
			want = 8 // its first page is small: DecodeConfig alone misses the bomb
			if err != nil || cfg.Width != want || cfg.Height != want {
				t.Fatalf("%s: first page %v %v, want 8×8", name, cfg, err)
			}
		} else if err != nil || cfg.Width != want || cfg.Height != want {
			t.Fatalf("%s: not a valid header claiming 20000×20000: %v %v", name, cfg, err)
		}
		_, err = r.Image(context.Background(), file(t, name, data))
		e := reason(t, err, "ảnh quá lớn", ocr.ErrTooLarge)
		if want := "(20.000 × 20.000 điểm ảnh, giới hạn 50.000.000 điểm ảnh)"; !strings.Contains(e.Reason, want) {
			t.Errorf("%s: reason %q lacks %q", name, e.Reason, want)
		}
	}
	if _, err := os.Stat(mark); err == nil {
		t.Error("tesseract ran on an image too large")
	}
}

func TestImageDamaged(t *testing.T) {
	mark := filepath.Join(t.TempDir(), "ran")
	r := &ocr.Reader{Tesseract: fake(t, "touch "+mark+"; exit 1")}
	whole := docfiletest.BombJPEG(t)
	for name, data := range map[string][]byte{
		"garbage.jpg":   []byte("this is not an image at all"),
		"truncated.jpg": whole[:20], // before the frame header
		"empty.png":     nil,
		"page.gif":      []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
	} {
		_, err := r.Image(context.Background(), file(t, name, data))
		reason(t, err, ocr.ReasonDamaged, ocr.ErrDamaged)
	}
	if _, err := os.Stat(mark); err == nil {
		t.Error("tesseract ran on a file that is no image")
	}
	// A PNG cut after its header passes the size check; the real
	// Tesseract then cannot read its pixels.
	r = &ocr.Reader{Tesseract: docfiletest.Tool(t, "tesseract")}
	var b bytes.Buffer
	img := image.NewGray(image.Rect(0, 0, 800, 600))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 7)
	}
	png.Encode(&b, img)
	_, err := r.Image(context.Background(), file(t, "cut.png", b.Bytes()[:b.Len()/2]))
	reason(t, err, ocr.ReasonDamaged, ocr.ErrDamaged)
}

func TestTesseractMisbehaves(t *testing.T) {
	page := smallPNG(t)
	t.Run("Hangs", func(t *testing.T) {
		r := &ocr.Reader{Tesseract: fake(t, "sleep 60"), Timeout: 500 * time.Millisecond}
		start := time.Now()
		_, err := r.Image(context.Background(), page)
		reason(t, err, ocr.ReasonTimeout, subproc.ErrTimeout)
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("stopped after %v, limit 500ms", d)
		}
	})
	t.Run("Crashes", func(t *testing.T) {
		r := &ocr.Reader{Tesseract: fake(t, "kill -SEGV $$")}
		_, err := r.Image(context.Background(), page)
		var crashed *subproc.Crashed
		reason(t, err, ocr.ReasonCrashed, nil)
		if !errors.As(err, &crashed) {
			t.Errorf("err %v does not wrap *subproc.Crashed", err)
		}
	})
	t.Run("Floods", func(t *testing.T) {
		r := &ocr.Reader{Tesseract: fake(t, "yes 'chữ đầy màn hình'")}
		start := time.Now()
		s, err := r.Image(context.Background(), page)
		if err != nil {
			t.Fatal(err)
		}
		if len(s) > 1<<20 || !strings.HasPrefix(s, "chữ đầy màn hình\n") {
			t.Errorf("%d bytes of text, want at most 1 MiB", len(s))
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("stopped after %v", d)
		}
	})
	t.Run("Fails", func(t *testing.T) {
		r := &ocr.Reader{Tesseract: fake(t, "echo 'Error: something odd' >&2; exit 2")}
		_, err := r.Image(context.Background(), page)
		var failed *subproc.Failed
		reason(t, err, ocr.ReasonFailed, nil)
		if !errors.As(err, &failed) || failed.Code != 2 {
			t.Errorf("err %v does not wrap *subproc.Failed with status 2", err)
		}
	})
	t.Run("Missing", func(t *testing.T) {
		r := &ocr.Reader{Tesseract: filepath.Join(t.TempDir(), "tesseract")}
		_, err := r.Image(context.Background(), page)
		reason(t, err, ocr.ReasonNoTesseract, subproc.ErrNotFound)
		reason(t, r.Check(context.Background()), ocr.ReasonNoTesseract, subproc.ErrNotFound)
	})
	t.Run("NoVietnamese", func(t *testing.T) {
		// What Tesseract says without tesseract-ocr-vie.
		r := &ocr.Reader{Tesseract: fake(t, `if [ "$1" = --list-langs ]; then
  printf 'List of available languages in "/usr/share/tesseract-ocr/5/tessdata/" (2):\neng\nosd\n'; exit 0
fi
echo "Error opening data file /usr/share/tesseract-ocr/5/tessdata/vie.traineddata" >&2
echo "Failed loading language 'vie'" >&2
echo "Tesseract couldn't load any languages!" >&2
echo "Could not initialize tesseract." >&2
exit 1`)}
		reason(t, r.Check(context.Background()), ocr.ReasonNoLanguage, nil)
		_, err := r.Image(context.Background(), page)
		reason(t, err, ocr.ReasonNoLanguage, nil)
	})
}

func TestCheck(t *testing.T) {
	r := &ocr.Reader{Tesseract: docfiletest.Tool(t, "tesseract")}
	if err := r.Check(context.Background()); err != nil {
		t.Fatalf("%v (is tesseract-ocr-vie installed?)", err)
	}
	r.Lang = "congtin-no-such-language"
	reason(t, r.Check(context.Background()), ocr.ReasonNoLanguage, nil)
}

func TestPDFPageBad(t *testing.T) {
	pdftoppm := docfiletest.Tool(t, "pdftoppm")
	two := file(t, "two.pdf", docfiletest.ManyPagesPDF(2))
	// Tesseract must not run for a page that is not there.
	mark := filepath.Join(t.TempDir(), "ran")
	r := &ocr.Reader{PDFToPPM: pdftoppm, Tesseract: fake(t, "touch "+mark+"; exit 1")}
	for _, page := range []int{3, 1000, 0, -1} {
		_, err := r.PDFPage(context.Background(), two, page)
		reason(t, err, "tệp PDF không có trang", ocr.ErrNoPage)
	}
	for name, data := range map[string][]byte{
		"encrypted.pdf": docfiletest.EncryptedPDF(),
		"garbage.pdf":   []byte("%PDF-1.4\nnot really\n"),
	} {
		_, err := r.PDFPage(context.Background(), file(t, name, data), 1)
		reason(t, err, ocr.ReasonPDFDamaged, nil)
	}
	if _, err := os.Stat(mark); err == nil {
		t.Error("tesseract ran without a rendered page")
	}

	t.Run("Hangs", func(t *testing.T) {
		r := &ocr.Reader{PDFToPPM: fake(t, "sleep 60"), Timeout: 500 * time.Millisecond}
		start := time.Now()
		_, err := r.PDFPage(context.Background(), two, 1)
		reason(t, err, ocr.ReasonTimeout, subproc.ErrTimeout)
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("stopped after %v, limit 500ms", d)
		}
	})
	t.Run("Crashes", func(t *testing.T) {
		r := &ocr.Reader{PDFToPPM: fake(t, "kill -ABRT $$")}
		_, err := r.PDFPage(context.Background(), two, 1)
		reason(t, err, "chương trình chuyển trang PDF thành ảnh bị dừng đột ngột", nil)
	})
	t.Run("Missing", func(t *testing.T) {
		r := &ocr.Reader{PDFToPPM: filepath.Join(t.TempDir(), "pdftoppm")}
		_, err := r.PDFPage(context.Background(), two, 1)
		reason(t, err, ocr.ReasonNoPDFToPPM, subproc.ErrNotFound)
	})
	t.Run("GiantPage", func(t *testing.T) {
		// A page that claims 200 × 200 inches is rendered inside the crop
		// box: at most MaxPixels, whatever the PDF says.
		giant := bytes.Replace(docfiletest.ManyPagesPDF(1), []byte("/MediaBox [0 0 595 842]"), []byte("/MediaBox [0 0 14400 14400]"), 1)
		r := &ocr.Reader{PDFToPPM: pdftoppm, Tesseract: fake(t, `echo "$(head -c 24 "$1" | tail -c 8 | od -An -tu1)"`), MaxPixels: 1_000_000, DPI: 72}
		s, err := r.PDFPage(context.Background(), file(t, "giant.pdf", giant), 1)
		if err != nil {
			t.Fatal(err)
		}
		// The PNG header's width and height, big-endian: 1000 × 1000.
		if got := strings.Join(strings.Fields(s), " "); got != "0 0 3 232 0 0 3 232" {
			t.Errorf("rendered size bytes %q, want 1000 × 1000", got)
		}
	})
}

func TestFailureLogged(t *testing.T) {
	var log bytes.Buffer
	r := &ocr.Reader{Tesseract: fake(t, "exit 1"), Log: slog.New(slog.NewTextHandler(&log, nil))}
	_, err := r.Image(context.Background(), file(t, "bomb.jpg", docfiletest.BombJPEG(t)))
	reason(t, err, "ảnh quá lớn", ocr.ErrTooLarge)
	lines := strings.Split(strings.TrimSpace(log.String()), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], "image too large: jpeg 20000×20000, limit 50000000 pixels") || !strings.Contains(lines[0], "bomb.jpg") {
		t.Errorf("log %q, want one line with the file and the English detail", log.String())
	}
}

func TestImageFormats(t *testing.T) {
	// Tesseract may give a syllable's marks as combining characters and
	// ends a page with a form feed: the text is NFC and trimmed.
	r := &ocr.Reader{Tesseract: fake(t, `printf '  Thông ba\314\201o s\341\273\221 12\n\nU\314\211y ban\n\f'`)}
	img := image.NewGray(image.Rect(0, 0, 64, 48))
	var j, ti bytes.Buffer
	jpeg.Encode(&j, img, nil)
	tiff.Encode(&ti, img, nil)
	for name, data := range map[string][]byte{"a.jpg": j.Bytes(), "a.tif": ti.Bytes(), "a.png": nil} {
		path := smallPNG(t)
		if data != nil {
			path = file(t, name, data)
		}
		s, err := r.Image(context.Background(), path)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if want := "Thông báo số 12\n\nỦy ban"; s != want {
			t.Errorf("%s: %q, want %q", name, s, want)
		}
	}
}
