// Package static serves the embedded CSS, JavaScript and images. Each URL
// carries the file's content hash (?v=…), so browsers may cache it for a
// year and still never see a stale file after an upgrade.
package static

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/andybalholm/brotli"
)

//go:embed files
var files embed.FS

type file struct {
	data  []byte
	hash  string
	ctype string

	// Compressed forms, made on first request (brotli on the editor's
	// bundle takes a moment, which start-up should not wait for).
	once   sync.Once
	br, gz []byte
}

// compressible reports whether a content type gains from compression.
func compressible(ctype string) bool {
	return strings.HasPrefix(ctype, "text/") || strings.Contains(ctype, "javascript") ||
		strings.Contains(ctype, "json") || strings.Contains(ctype, "svg")
}

func (f *file) compress() {
	f.once.Do(func() {
		if !compressible(f.ctype) || len(f.data) < 512 {
			return
		}
		var b bytes.Buffer
		bw := brotli.NewWriterLevel(&b, 9)
		bw.Write(f.data)
		bw.Close()
		f.br = bytes.Clone(b.Bytes())
		b.Reset()
		gw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression) // the level is valid
		gw.Write(f.data)
		gw.Close()
		f.gz = bytes.Clone(b.Bytes())
	})
}

// pickEncoding chooses brotli, then gzip, among what the client accepts
// (an encoding with q=0 is refused).
func pickEncoding(accept string) string {
	ok := map[string]bool{}
	for _, part := range strings.Split(accept, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, found := strings.CutPrefix(strings.ReplaceAll(strings.TrimSpace(params), " ", ""), "q="); found {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		ok[strings.ToLower(strings.TrimSpace(name))] = q > 0
	}
	switch {
	case ok["br"]:
		return "br"
	case ok["gzip"]:
		return "gzip"
	}
	return ""
}

// Assets is the set of embedded static files, hashed once at start-up.
type Assets struct {
	files map[string]*file
}

// New reads and hashes the embedded files.
func New() (*Assets, error) {
	a := &Assets{files: map[string]*file{}}
	err := fs.WalkDir(files, "files", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := files.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		ctype := mime.TypeByExtension(path.Ext(p))
		if ctype == "" {
			ctype = http.DetectContentType(data)
		}
		a.files[strings.TrimPrefix(p, "files/")] = &file{data: data, hash: hex.EncodeToString(sum[:])[:12], ctype: ctype}
		return nil
	})
	return a, err
}

// URL returns the versioned URL of a file, e.g. /static/site.css?v=1a2b3c.
// An unknown name gives a plain URL, which will 404: a typo in a template
// shows up as a broken link rather than a crash.
func (a *Assets) URL(name string) string {
	if f, ok := a.files[name]; ok {
		return "/static/" + name + "?v=" + f.hash
	}
	return "/static/" + name
}

// ServeHTTP serves /static/{name}. A request with the current hash is
// cached for a year; one without (such as an image URL stored in an
// article) for a day.
func (a *Assets) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/static/")
	f, ok := a.files[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", f.ctype)
	h.Set("X-Content-Type-Options", "nosniff")
	if strings.HasSuffix(name, ".svg") {
		// An SVG opened directly is a document; forbid it any script.
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
	}
	if r.URL.Query().Get("v") == f.hash {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "public, max-age=86400")
	}
	data, etag := f.data, f.hash
	h.Add("Vary", "Accept-Encoding")
	if f.compress(); f.br != nil {
		switch pickEncoding(r.Header.Get("Accept-Encoding")) {
		case "br":
			data, etag = f.br, f.hash+"-br"
			h.Set("Content-Encoding", "br")
		case "gzip":
			data, etag = f.gz, f.hash+"-gz"
			h.Set("Content-Encoding", "gzip")
		}
	}
	h.Set("ETag", `"`+etag+`"`)
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
}
