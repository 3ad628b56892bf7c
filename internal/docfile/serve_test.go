package docfile_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/blob"
	"github.com/congtin/congtin/internal/docfile"
)

// presigning is a folder that also makes presigned URLs, as an object
// store does, remembering what it was asked.
type presigning struct {
	blob.Dir
	ttl                     time.Duration
	key, ctype, disposition string
}

func (p *presigning) PresignGet(_ context.Context, key string, ttl time.Duration, ctype, disposition string) (string, error) {
	p.ttl, p.key, p.ctype, p.disposition = ttl, key, ctype, disposition
	return "https://kho.example/" + key + "?X-Amz-Signature=abc", nil
}

// TestServeRedirect: a public attachment larger than the threshold in a
// store that presigns is a private 302 to a URL valid five minutes with
// the download's headers; anything else is passed through, ranges and
// all.
func TestServeRedirect(t *testing.T) {
	data := bytes.Repeat([]byte("%PDF-1.4 văn bản "), 1000) // about 18 kB
	sum := sha256.Sum256(data)
	f := &congtin.DocumentFile{Name: "Quyết định 15.pdf", Kind: congtin.FilePDF, Size: int64(len(data)), Hash: hex.EncodeToString(sum[:])}
	ps := &presigning{Dir: blob.Dir{Path: t.TempDir()}}
	if err := (docfile.Files{Blobs: ps}).Put(t.Context(), f.Hash, f.Kind, bytes.NewReader(data), f.Size); err != nil {
		t.Fatal(err)
	}
	var store docfile.Store
	var public bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := docfile.Serve(w, r, store, f, public); err != nil {
			http.Error(w, err.Error(), 500)
		}
	}))
	defer srv.Close()
	cli := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	get := func(rng string) *http.Response {
		t.Helper()
		req, _ := http.NewRequest("GET", srv.URL, nil)
		if rng != "" {
			req.Header.Set("Range", rng)
		}
		res, err := cli.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { res.Body.Close() })
		return res
	}

	store, public = docfile.Files{Blobs: ps, RedirectAbove: 10 << 10}, true
	res := get("")
	loc, _ := url.Parse(res.Header.Get("Location"))
	if res.StatusCode != http.StatusFound || loc == nil || loc.Host != "kho.example" || res.Header.Get("Cache-Control") != "private, no-store" {
		t.Fatalf("large public file: %d %q %q", res.StatusCode, res.Header.Get("Location"), res.Header.Get("Cache-Control"))
	}
	if ps.ttl != 5*time.Minute || ps.key != "van-ban/"+f.Hash[:2]+"/"+f.Hash+".pdf" || ps.ctype != "application/pdf" ||
		ps.disposition != docfile.ContentDisposition("Quyết định 15.pdf") {
		t.Fatalf("presigned for %s, %q, %q, %q", ps.ttl, ps.key, ps.ctype, ps.disposition)
	}

	for _, c := range []struct {
		name   string
		store  docfile.Store
		public bool
	}{
		{"small file", docfile.Files{Blobs: ps, RedirectAbove: int64(len(data))}, true},
		{"draft's file", docfile.Files{Blobs: ps, RedirectAbove: 10 << 10}, false},
		{"redirects off", docfile.Files{Blobs: ps}, true},
		{"store without presigning", docfile.Files{Blobs: ps.Dir, RedirectAbove: 10 << 10}, true},
	} {
		store, public = c.store, c.public
		res := get("bytes=0-8")
		body, _ := io.ReadAll(res.Body)
		if res.StatusCode != http.StatusPartialContent || string(body) != "%PDF-1.4 " || res.Header.Get("Content-Disposition") != docfile.ContentDisposition("Quyết định 15.pdf") {
			t.Errorf("%s: %d %q %q", c.name, res.StatusCode, body, res.Header.Get("Content-Disposition"))
		}
	}
}
