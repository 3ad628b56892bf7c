package web

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/clientip"
	"github.com/congtin/congtin/internal/httperr"
)

// The question form's spam defence, without a CAPTCHA:
//
//   - a trap field (honeypot) that people do not see and bots fill in;
//   - a signed form token carrying the moment the form was drawn: a form
//     sent back faster than a person can fill it in (qaMinFormAge), or
//     after qaMaxFormAge, is refused politely and shown again with what
//     was typed. The token also carries a one-time nonce, so one drawn
//     form sends one question: a bot cannot fetch the form once and post
//     it a thousand times;
//   - a limit per sender: qaSubmitLimit questions per qaSubmitWindow,
//     counted in the database on the keyed hash of the address, so every
//     process sharing a PostgreSQL database counts the same questions;
//   - cross-site request forgery: the token is bound to a cookie set with
//     the form (a double-submit check: a page on another site can neither
//     read the cookie nor make the browser send it with a cross-site POST,
//     SameSite=Lax), and the POST also passes Go's cross-origin protection
//     (Sec-Fetch-Site / Origin), as the back office's forms do. The form
//     page is drawn for each request and sent with Cache-Control: no-store,
//     never from the page cache: its token is the reader's own.
//
// The keys come from the database (congtin.SecretService), so that a form
// drawn by one process is accepted by another.
const (
	qaMinFormAge   = 3 * time.Second
	qaMaxFormAge   = 2 * time.Hour
	qaSubmitLimit  = 3
	qaSubmitWindow = 10 * time.Minute
	// Lookups are limited in memory, per process: codes are 50 random
	// bits, so the limit only makes guessing slower still, and a lookup
	// writes nothing worth counting in the database.
	qaLookupLimit  = 20
	qaLookupWindow = 10 * time.Minute
	qaCookie       = "ct_hoidap"
	qaHoneypot     = "website"
	qaMaxFormBytes = 256 << 10
)

// qaKeys are the Q&A section's secrets: one signs forms, one hashes
// addresses.
type qaKeys struct {
	form, ip []byte
}

// qaGuard holds the keys once read, and the lookup limiter.
type qaGuard struct {
	mu      sync.Mutex
	keys    *qaKeys
	lookups windowLimiter
}

// qaKeys returns the keys, reading them from the store on first use (and
// again after a failure).
func (s *Server) qaKeys(ctx context.Context) (*qaKeys, error) {
	g := &s.qa
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.keys != nil {
		return g.keys, nil
	}
	form, err := s.QA.Secret(ctx, "qa-form")
	if err != nil {
		return nil, err
	}
	ip, err := s.QA.Secret(ctx, "qa-ip")
	if err != nil {
		return nil, err
	}
	g.keys = &qaKeys{form: form, ip: ip}
	return g.keys, nil
}

// formToken is what a question form's token says.
type formToken struct {
	site   int64
	issued time.Time
	nonce  string
}

var b64 = base64.RawURLEncoding

func (k *qaKeys) mac(payload, binding string) string {
	m := hmac.New(sha256.New, k.form)
	m.Write([]byte(payload + "|" + binding))
	return b64.EncodeToString(m.Sum(nil))
}

// sign makes the token for a form drawn at issued, bound to the cookie
// value binding.
func (k *qaKeys) sign(site int64, issued time.Time, binding string) string {
	nonce := make([]byte, 16)
	rand.Read(nonce)
	payload := "1." + strconv.FormatInt(site, 10) + "." + strconv.FormatInt(issued.Unix(), 10) + "." + hex.EncodeToString(nonce)
	return payload + "." + k.mac(payload, binding)
}

// verify checks a token's signature, site and binding; the age is the
// caller's to judge.
func (k *qaKeys) verify(token string, site int64, binding string) (formToken, bool) {
	if len(token) > 200 || binding == "" {
		return formToken{}, false
	}
	i := strings.LastIndexByte(token, '.')
	if i < 0 {
		return formToken{}, false
	}
	payload, sig := token[:i], token[i+1:]
	if !hmac.Equal([]byte(sig), []byte(k.mac(payload, binding))) {
		return formToken{}, false
	}
	parts := strings.Split(payload, ".")
	if len(parts) != 4 || parts[0] != "1" || len(parts[3]) != 32 {
		return formToken{}, false
	}
	sid, err1 := strconv.ParseInt(parts[1], 10, 64)
	at, err2 := strconv.ParseInt(parts[2], 10, 64)
	if err1 != nil || err2 != nil || sid != site {
		return formToken{}, false
	}
	return formToken{site: sid, issued: time.Unix(at, 0), nonce: parts[3]}, true
}

// senderHash is the keyed hash of the request's address that a question
// keeps instead of the address: enough to count one sender's questions,
// useless for finding who sent them without the key. IPv6 addresses are
// taken by their /64 network, which one subscriber usually holds whole
// and could otherwise walk through to dodge the limit.
func (k *qaKeys) senderHash(r *http.Request) string {
	host := clientip.Addr(r)
	if ip := net.ParseIP(host); ip != nil {
		if v4 := ip.To4(); v4 != nil {
			host = v4.String()
		} else {
			host = ip.Mask(net.CIDRMask(64, 128)).String() + "/64"
		}
	}
	m := hmac.New(sha256.New, k.ip)
	m.Write([]byte(host))
	return hex.EncodeToString(m.Sum(nil))[:32]
}

// formBinding returns the value of the form cookie, setting a new one
// when the browser has none (or a malformed one).
func formBinding(w http.ResponseWriter, r *http.Request) string {
	return bindingCookie(w, r, qaCookie, "/hoi-dap")
}

// bindingCookie returns the value of the cookie a form's token is bound
// to, setting a new one (for path) when the browser has none or a
// malformed one.
func bindingCookie(w http.ResponseWriter, r *http.Request, name, path string) string {
	if v := bindingOf(r, name); v != "" {
		return v
	}
	b := make([]byte, 16)
	rand.Read(b)
	v := hex.EncodeToString(b)
	// A session cookie: it only needs to outlive the form.
	clientip.SetCookie(w, r, &http.Cookie{Name: name, Value: v, Path: path, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	return v
}

// bindingOf returns the binding cookie's value, "" when absent or
// malformed.
func bindingOf(r *http.Request, name string) string {
	if ck, err := r.Cookie(name); err == nil && validBinding(ck.Value) {
		return ck.Value
	}
	return ""
}

func validBinding(v string) bool {
	if len(v) != 32 {
		return false
	}
	_, err := hex.DecodeString(v)
	return err == nil
}

// Lookup codes: 10 characters from an alphabet without look-alikes (no
// 0, 1, I or O: 32 symbols, so 50 random bits), shown as ABCDE-FGHJK.
const (
	codeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
	codeLen      = 10
)

// newCode returns a fresh lookup code.
func newCode() string {
	b := make([]byte, codeLen)
	rand.Read(b)
	for i := range b {
		b[i] = codeAlphabet[b[i]%32]
	}
	return string(b)
}

// normalizeCode reads a code as a person types it: any case, with spaces
// or hyphens. ok is false for anything that cannot be a code.
func normalizeCode(s string) (string, bool) {
	if len(s) > 40 {
		return "", false
	}
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		switch {
		case r == ' ' || r == '-' || r == '.' || r == '\t':
			continue
		case r < 128 && strings.IndexByte(codeAlphabet, byte(r)) >= 0:
			b.WriteRune(r)
		default:
			return "", false
		}
	}
	if b.Len() != codeLen {
		return "", false
	}
	return b.String(), true
}

// displayCode groups a code for reading aloud and copying down.
func displayCode(c string) string {
	if len(c) != codeLen {
		return c
	}
	return c[:5] + "-" + c[5:]
}

// windowLimiter allows max events per key within window, in memory.
type windowLimiter struct {
	mu   sync.Mutex
	hits map[string][]time.Time
}

// maxLimiterKeys bounds the memory a flood of distinct addresses takes.
const maxLimiterKeys = 10000

func (l *windowLimiter) allow(key string, now time.Time, max int, window time.Duration) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.hits == nil || len(l.hits) >= maxLimiterKeys {
		// Forget what no longer counts; a map still full of live keys is
		// dropped whole (some senders get a fresh allowance, memory stays
		// bounded).
		fresh := map[string][]time.Time{}
		for k, ts := range l.hits {
			if len(ts) > 0 && now.Sub(ts[len(ts)-1]) < window && len(fresh) < maxLimiterKeys/2 {
				fresh[k] = ts
			}
		}
		l.hits = fresh
	}
	ts := l.hits[key]
	keep := ts[:0]
	for _, t := range ts {
		if now.Sub(t) < window {
			keep = append(keep, t)
		}
	}
	if len(keep) >= max {
		l.hits[key] = keep
		return false
	}
	l.hits[key] = append(keep, now)
	return true
}

// lookupCode reads a lookup code as typed (the Q&A's and the comments'
// lookups), within the per-address lookup limit. A code it cannot take
// comes back "" with the status and the message to show: the keys'
// failure, the limit (Retry-After set), or a code not of the right form.
func (s *Server) lookupCode(w http.ResponseWriter, r *http.Request, raw string) (code string, status int, msg string) {
	keys, err := s.qaKeys(r.Context())
	if err != nil {
		return "", httperr.Status(err), congtin.ErrorMessage(err)
	}
	if !s.qa.lookups.allow(keys.senderHash(r), s.now(), qaLookupLimit, qaLookupWindow) {
		w.Header().Set("Retry-After", strconv.Itoa(int(qaLookupWindow.Seconds())))
		return "", http.StatusTooManyRequests, congtin.ErrorMessage(errQALookupLimit)
	}
	code, ok := normalizeCode(raw)
	if !ok {
		return "", http.StatusBadRequest, "Mã tra cứu không đúng dạng: mã gồm 10 ký tự chữ và số (không có chữ O, I và số 0, 1), ví dụ K7QM2-XR9TA."
	}
	return code, 0, ""
}

// errQALookupLimit is the refusal of a lookup over the limit.
var errQALookupLimit = congtin.Errorf(congtin.ETOOMANY, "Bạn đã tra cứu quá nhiều lần trong ít phút. Xin vui lòng đợi khoảng 10 phút rồi thử lại.")
