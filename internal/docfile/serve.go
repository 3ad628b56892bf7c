package docfile

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/congtin/congtin"
)

// DownloadName is the name a file is downloaded under: its uploaded name
// with the extension of its sniffed kind, so a PDF uploaded as "x.exe"
// downloads as "x.pdf" and opens in a PDF reader, not as a program.
func DownloadName(f *congtin.DocumentFile) string {
	name := f.Name
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		name = name[:i]
	}
	return name + "." + f.Kind
}

// ContentDisposition returns an attachment header with the name in
// RFC 5987 form (filename*=UTF-8”…) and a plain ASCII fallback.
func ContentDisposition(name string) string {
	ascii := strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7E || r == '"' || r == '\\' || r == '%' || r == ';' {
			return '_'
		}
		return r
	}, name)
	return `attachment; filename="` + ascii + `"; filename*=UTF-8''` + strings.ReplaceAll(url.PathEscape(name), "+", "%2B")
}

// PresignTTL is how long a redirect's presigned URL serves the file:
// long enough to start a download, short enough that a copied link soon
// stops working.
const PresignTTL = 5 * time.Minute

// Serve writes an attachment for download, never for display: its own
// Content-Type, Content-Disposition: attachment, nosniff, and a sandbox
// policy in case a browser renders it anyway. Ranges are served. Only a
// published document's file (public) may be kept by shared caches; any
// other (a draft's, in the back office or a preview) is private and never
// stored: a proxy must not hand it to the next reader (issue 16).
//
// A public file larger than Files.RedirectAbove in an object store that
// presigns URLs is not passed through congtin: the answer is a redirect
// to a URL of the store valid PresignTTL, which serves it with the same
// Content-Type and Content-Disposition. The redirect itself is private
// and never stored, so no cache keeps a URL that expires. A draft's file
// is always passed through: its URL must not leave the back office.
func Serve(w http.ResponseWriter, r *http.Request, store Store, f *congtin.DocumentFile, public bool) error {
	ctype, disposition := congtin.FileContentType(f.Kind), ContentDisposition(DownloadName(f))
	if fs, ok := store.(Files); ok && public {
		u, err := fs.presign(r.Context(), f, ctype, disposition)
		if err != nil {
			return err
		}
		if u != "" {
			w.Header().Set("Cache-Control", "private, no-store")
			http.Redirect(w, r, u, http.StatusFound)
			return nil
		}
	}
	rc, err := store.Open(r.Context(), f.Hash, f.Kind)
	if err != nil {
		return err
	}
	defer rc.Close()
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Disposition", disposition)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	if public {
		h.Set("Cache-Control", "public, max-age=300")
	} else {
		h.Set("Cache-Control", "private, no-store")
	}
	http.ServeContent(w, r, "", time.Time{}, rc)
	return nil
}
