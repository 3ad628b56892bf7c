package admin

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/url"
	"strings"
)

// A confirmation after a post/redirect/get travels in the redirect's URL
// (ok=), so it names what was done ("Đã lưu quyền của …"). A link anyone
// can make would paint any text on a back-office page, so the message is
// signed (k=) with a secret every process shares, and shown only when the
// signature holds (issue 16, finding 4).

// flashSecret names the key confirmations are signed with.
const flashSecret = "flash"

// redirect answers 303 to path with a signed confirmation, if any; a
// fragment of path (#…) stays at the end, where it belongs.
func (s *Server) redirect(w http.ResponseWriter, r *http.Request, path, flash string) {
	if key := s.flashSigner(r.Context()); flash != "" && key != nil {
		path, frag, hasFrag := strings.Cut(path, "#")
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		path += sep + "ok=" + url.QueryEscape(flash) + "&k=" + flashMAC(key, flash)
		if hasFrag {
			path += "#" + frag
		}
		http.Redirect(w, r, path, http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, path, http.StatusSeeOther)
}

// flash returns the request's confirmation when its signature holds, ""
// otherwise.
func (s *Server) flash(r *http.Request) string {
	q := r.URL.Query()
	f, mac := q.Get("ok"), q.Get("k")
	key := s.flashSigner(r.Context())
	if f == "" || key == nil || !hmac.Equal([]byte(mac), []byte(flashMAC(key, f))) {
		return ""
	}
	return f
}

// flashSigner returns the signing key, read once; nil (no confirmations
// shown) while the database cannot give it.
func (s *Server) flashSigner(ctx context.Context) []byte {
	if k := s.flashKey.Load(); k != nil {
		return *k
	}
	k, err := s.secrets.Secret(ctx, flashSecret)
	if err != nil {
		s.Log.Warn("reading the confirmations' key", "error", err)
		return nil
	}
	s.flashKey.Store(&k)
	return k
}

func flashMAC(key []byte, msg string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(msg))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:16])
}
