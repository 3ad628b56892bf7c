package static

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/andybalholm/brotli"
)

// TestCompressedAssets: brotli where accepted, else gzip, else plain; each
// decodes to the file, with a year's caching for the hashed URL.
func TestCompressedAssets(t *testing.T) {
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	orig := a.files["site.css"].data
	for _, c := range []struct{ accept, enc string }{
		{"gzip, deflate, br", "br"}, {"gzip", "gzip"}, {"br;q=0, gzip;q=0.5", "gzip"}, {"", ""}, {"identity", ""}, {"gzip;q=0", ""},
	} {
		req := httptest.NewRequest("GET", a.URL("site.css"), nil)
		req.Header.Set("Accept-Encoding", c.accept)
		rec := httptest.NewRecorder()
		a.ServeHTTP(rec, req)
		if got := rec.Header().Get("Content-Encoding"); got != c.enc {
			t.Fatalf("Accept-Encoding %q: got %q, want %q", c.accept, got, c.enc)
		}
		if rec.Header().Get("Cache-Control") != "public, max-age=31536000, immutable" {
			t.Fatalf("hashed URL cached as %q", rec.Header().Get("Cache-Control"))
		}
		var r io.Reader = rec.Body
		switch c.enc {
		case "br":
			r = brotli.NewReader(r)
		case "gzip":
			if r, err = gzip.NewReader(r); err != nil {
				t.Fatal(err)
			}
		}
		got, err := io.ReadAll(r)
		if err != nil || !bytes.Equal(got, orig) {
			t.Fatalf("%q: body does not decode to the file (%v)", c.enc, err)
		}
		if c.enc != "" && rec.Body.Len() >= len(orig) {
			t.Fatalf("%q: %d bytes for a %d-byte file", c.enc, rec.Body.Len(), len(orig))
		}
		// Revalidation per representation.
		req2 := httptest.NewRequest("GET", a.URL("site.css"), nil)
		req2.Header.Set("Accept-Encoding", c.accept)
		req2.Header.Set("If-None-Match", rec.Header().Get("ETag"))
		rec2 := httptest.NewRecorder()
		a.ServeHTTP(rec2, req2)
		if rec2.Code != http.StatusNotModified {
			t.Fatalf("%q: revalidation gave %d", c.enc, rec2.Code)
		}
	}
}
