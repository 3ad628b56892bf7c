package admin_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/clientip"
	"github.com/congtin/congtin/internal/config"
)

// behindProxy is the portal as an agency runs it: behind a reverse proxy
// at an address in trusted (httptest's clients come from 127.0.0.1), HSTS
// at its default, served on baseURL when set.
func behindProxy(t *testing.T, trusted, baseURL string) *env {
	t.Helper()
	e := newEnv(t)
	tr, err := clientip.ParseTrusted(trusted)
	if err != nil {
		t.Fatal(err)
	}
	e.proxy = proxySettings{trusted: tr, hsts: config.DefaultHSTSMaxAge, baseURL: baseURL}
	e.restart()
	return e
}

// via is a browser whose requests the proxy forwards as coming from addr
// over proto ("" when the proxy does not say).
func (e *env) via(addr, proto string) *client {
	c := e.client("")
	c.hdr.Set("X-Forwarded-For", addr)
	if proto != "" {
		c.hdr.Set("X-Forwarded-Proto", proto)
	}
	return c
}

// cookie returns the Set-Cookie line of the named cookie, "" when none.
func cookie(r *resp, name string) string {
	for _, line := range r.header.Values("Set-Cookie") {
		if strings.HasPrefix(line, name+"=") {
			return line
		}
	}
	return ""
}

func secure(line string) bool {
	for attr := range strings.SplitSeq(line, ";") {
		if strings.TrimSpace(attr) == "Secure" {
			return true
		}
	}
	return false
}

const hsts = "max-age=15552000"

// TestSecureCookiesBehindTLSProxy (issue 16, finding 2): behind a proxy
// that terminates TLS and says so, the session, visitor and Q&A cookies
// are Secure and responses carry HSTS; over plain http, or when the peer
// that says "https" is not trusted, neither.
func TestSecureCookiesBehindTLSProxy(t *testing.T) {
	e := behindProxy(t, "127.0.0.1/32", "")
	login := url.Values{"username": {"btv"}, "password": {password}}
	tlsBrowser := e.via("203.0.113.7", "https")
	r := tlsBrowser.post("/admin/dang-nhap", login)
	if ck := cookie(r, "ct_admin"); r.status != http.StatusSeeOther || !secure(ck) {
		t.Fatalf("sign-in over TLS at the proxy: %d, session cookie %q", r.status, ck)
	}
	if got := r.header.Get("Strict-Transport-Security"); got != hsts {
		t.Errorf("HSTS %q, want %q", got, hsts)
	}
	if r := tlsBrowser.post("/admin/dang-xuat", nil); !secure(cookie(r, "ct_admin")) {
		t.Errorf("sign-out's cookie %q", cookie(r, "ct_admin"))
	}
	if r := tlsBrowser.get("/"); !secure(cookie(r, "ctv")) || r.header.Get("Strict-Transport-Security") != hsts {
		t.Errorf("home page: visitor cookie %q, HSTS %q", cookie(r, "ctv"), r.header.Get("Strict-Transport-Security"))
	}
	if r := tlsBrowser.get("/hoi-dap/gui-cau-hoi"); !secure(cookie(r, "ct_hoidap")) {
		t.Errorf("question form's cookie %q", cookie(r, "ct_hoidap"))
	}

	// Plain http at the proxy: no Secure (the browser would drop the
	// cookie), no HSTS (browsers ignore it there).
	r = e.via("203.0.113.7", "http").post("/admin/dang-nhap", login)
	if ck := cookie(r, "ct_admin"); r.status != http.StatusSeeOther || ck == "" || secure(ck) || r.header.Get("Strict-Transport-Security") != "" {
		t.Errorf("sign-in over http: %d, cookie %q, HSTS %q", r.status, ck, r.header.Get("Strict-Transport-Security"))
	}

	// The same headers from a peer that is not a trusted proxy say nothing.
	e2 := behindProxy(t, "10.0.0.0/8", "")
	r = e2.via("203.0.113.7", "https").post("/admin/dang-nhap", login)
	if ck := cookie(r, "ct_admin"); r.status != http.StatusSeeOther || secure(ck) || r.header.Get("Strict-Transport-Security") != "" {
		t.Errorf("untrusted peer saying https: %d, cookie %q, HSTS %q", r.status, ck, r.header.Get("Strict-Transport-Security"))
	}
}

// TestLimitsUseForwardedAddress (issue 16, finding 3): behind a trusted
// proxy, the sign-in lock-out, the audit log and the Q&A limit count the
// address the proxy forwarded, so one client cannot lock everyone out or
// use up everyone's questions; without trust, a forged X-Forwarded-For
// changes nothing.
func TestLimitsUseForwardedAddress(t *testing.T) {
	e := behindProxy(t, "127.0.0.1", "")
	attacker := e.via("203.0.113.7", "https")
	for i := range 20 {
		if r := attacker.post("/admin/dang-nhap", url.Values{"username": {fmt.Sprintf("khong-co-%d", i)}, "password": {"x"}}); r.status != http.StatusUnauthorized {
			t.Fatalf("attempt %d: %d", i, r.status)
		}
	}
	if r := e.via("203.0.113.7", "https").post("/admin/dang-nhap", url.Values{"username": {"btv"}, "password": {password}}); r.status != http.StatusTooManyRequests {
		t.Fatalf("the attacker's address is not locked: %d", r.status)
	}
	if r := e.via("198.51.100.4", "https").post("/admin/dang-nhap", url.Values{"username": {"btv"}, "password": {password}}); r.status != http.StatusSeeOther {
		t.Fatalf("another address behind the same proxy is locked out: %d", r.status)
	}
	es, _, err := e.db.FindAudit(t.Context(), congtin.AuditFilter{SiteID: e.site.ID, Action: "login_failed"})
	if err != nil || len(es) != 20 {
		t.Fatalf("failed sign-ins in the audit log: %d, %v", len(es), err)
	}
	for _, en := range es {
		if en.IP != "203.0.113.7" {
			t.Fatalf("audit entry's address %q, want the forwarded one", en.IP)
		}
	}
	ok, _, _ := e.db.FindAudit(t.Context(), congtin.AuditFilter{SiteID: e.site.ID, Action: "login"})
	if len(ok) != 1 || ok[0].IP != "198.51.100.4" {
		t.Fatalf("sign-in's audit entry: %+v", ok)
	}

	// Three questions per address per ten minutes, counted per client.
	bot := e.via("203.0.113.7", "https")
	tokens := make([]string, 4)
	for i := range tokens {
		tokens[i] = bot.qaFormToken()
	}
	e.clock.Add(10 * time.Second)
	for i, tok := range tokens {
		want := http.StatusSeeOther
		if i == 3 {
			want = http.StatusTooManyRequests
		}
		if r := bot.post("/hoi-dap/gui-cau-hoi", qaForm(tok, 0)); r.status != want {
			t.Fatalf("question %d from one address: %d, want %d", i, r.status, want)
		}
	}
	e.via("198.51.100.4", "https").qaSubmit(qaForm("", 0))

	// Nobody trusted (the default): the header is the client's word, and
	// the address is the peer's.
	d := newEnv(t)
	for i := range 20 {
		d.via(fmt.Sprintf("203.0.113.%d", i), "").post("/admin/dang-nhap", url.Values{"username": {fmt.Sprintf("khong-co-%d", i)}, "password": {"x"}})
	}
	if r := d.via("198.51.100.4", "").post("/admin/dang-nhap", url.Values{"username": {"btv"}, "password": {password}}); r.status != http.StatusTooManyRequests {
		t.Fatalf("forged X-Forwarded-For from an untrusted peer dodged the lock-out: %d", r.status)
	}
	es, _, _ = d.db.FindAudit(t.Context(), congtin.AuditFilter{SiteID: d.site.ID, Action: "login_failed"})
	if len(es) == 0 || es[0].IP != "127.0.0.1" {
		t.Fatalf("audit address with a forged header: %+v", es)
	}
}

// TestHTTPSSiteKeepsToHTTPS: on a site whose base URL is https, a request
// the proxy received over plain http is redirected (GET, HEAD) or refused
// (a form, whose content has already crossed in clear), and the site's
// cookies are Secure even when the proxy does not say how a request came.
func TestHTTPSSiteKeepsToHTTPS(t *testing.T) {
	e := behindProxy(t, "127.0.0.1", "https://anphu.example")
	plain := e.via("203.0.113.7", "http")
	r := plain.get("/hoi-dap?trang=2")
	if r.status != http.StatusPermanentRedirect || r.header.Get("Location") != "https://anphu.example/hoi-dap?trang=2" {
		t.Fatalf("GET over http: %d to %q", r.status, r.header.Get("Location"))
	}
	if r.header.Get("Strict-Transport-Security") != "" {
		t.Errorf("HSTS on a plain-http response")
	}
	if r := plain.do("HEAD", "/", nil, ""); r.status != http.StatusPermanentRedirect {
		t.Errorf("HEAD over http: %d", r.status)
	}
	r = plain.post("/admin/dang-nhap", url.Values{"username": {"btv"}, "password": {password}})
	badPage(t, "sign-in over http", r, http.StatusBadRequest, "chỉ nhận dữ liệu gửi qua kết nối bảo mật (https)")
	if ck := cookie(r, "ct_admin"); ck != "" {
		t.Errorf("a session over http: %q", ck)
	}
	if r := e.via("203.0.113.7", "https").get("/"); r.status != http.StatusOK || r.header.Get("Strict-Transport-Security") != hsts {
		t.Errorf("over https: %d, HSTS %q", r.status, r.header.Get("Strict-Transport-Security"))
	}
	// Straight to congtin (a health check, an operator on the machine):
	// answered, with Secure cookies, without HSTS.
	r = e.client("").get("/")
	if r.status != http.StatusOK || !secure(cookie(r, "ctv")) || r.header.Get("Strict-Transport-Security") != "" {
		t.Errorf("direct: %d, cookie %q, HSTS %q", r.status, cookie(r, "ctv"), r.header.Get("Strict-Transport-Security"))
	}
}
