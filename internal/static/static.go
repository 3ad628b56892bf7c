// Package static serves the embedded CSS, JavaScript and images. Each URL
// carries the file's content hash (?v=…), so browsers may cache it for a
// year and still never see a stale file after an upgrade.
package static

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

//go:embed files
var files embed.FS

type file struct {
	data  []byte
	hash  string
	ctype string
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
	h.Set("ETag", `"`+f.hash+`"`)
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(f.data))
}
