package main_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/congtin/congtin/internal/docfile/docfiletest"
)

// portalHost is the host name of the checked-in nginx config.
const portalHost = "portal.example.gov.vn"

// TestBehindNginx runs congtin behind a real nginx with the configuration
// the operations guide recommends (docs/nginx/congtin.conf, as checked
// in but for its ports, certificate paths and upstream), TLS on a
// self-signed certificate: cookies are Secure and HSTS is sent through
// it, plain http is sent to https, the sign-in lock-out and the Q&A limit
// count the address in X-Forwarded-For, and the same header sent by a
// client that is not a trusted proxy, directly or through nginx, is not
// believed.
func TestBehindNginx(t *testing.T) {
	nginx := docfiletest.Tool(t, "nginx", "/usr/sbin/nginx")
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "c.db")
	addUser(t, db, "btv", "Biên tập viên", "editor", "mat-khau-bien-tap-1")
	// The site's address is its configuration (as a multi-site install
	// gives it, without -base-url), so no Host header can change its URLs.
	runCmdInput(t, "", "site", "set", "-db", db, "-canonical-host", portalHost)
	p := StartPortal(t, "serve", "-db", db, "-trusted-proxies", "127.0.0.1/32")
	n := startNginx(t, nginx, strings.TrimPrefix(p.URL, "http://"))

	// Browsers: one at 127.0.0.1, an address congtin trusts as a proxy
	// (so the X-Forwarded-For it sends stands for the client, as a chain
	// of proxies would), and one at 127.0.0.3, an ordinary client.
	chain, stranger := n.client("127.0.0.1", false), n.client("127.0.0.3", false)

	// Plain http at nginx: a redirect to https, by nginx.
	r, _ := n.do(t, chain, "GET", n.http+"/tin-tuc?trang=2", nil, "")
	if r.StatusCode != http.StatusMovedPermanently || r.Header.Get("Location") != "https://"+portalHost+"/tin-tuc?trang=2" {
		t.Fatalf("http at nginx: %d to %q", r.StatusCode, r.Header.Get("Location"))
	}

	// Secure cookies and HSTS through TLS.
	login := func(c *http.Client, xff, user, pw string) *http.Response {
		t.Helper()
		form := url.Values{"username": {user}, "password": {pw}, "next": {"/admin/"}}
		r, _ := n.do(t, c, "POST", n.https+"/admin/dang-nhap", strings.NewReader(form.Encode()), xff)
		return r
	}
	r = login(chain, "198.51.100.20", "btv", "mat-khau-bien-tap-1")
	if ck := setCookie(r, sessionCookie); r.StatusCode != http.StatusSeeOther || !ck.Secure || !ck.HttpOnly {
		t.Fatalf("sign-in through nginx: %d, session cookie %+v", r.StatusCode, ck)
	}
	if got := r.Header.Get("Strict-Transport-Security"); got != "max-age=15552000" {
		t.Errorf("HSTS through nginx: %q", got)
	}
	r, _ = n.do(t, chain, "GET", n.https+"/", nil, "")
	if ck := setCookie(r, "ctv"); r.StatusCode != http.StatusOK || !ck.Secure || r.Header.Get("Strict-Transport-Security") == "" {
		t.Errorf("home page through nginx: %d, visitor cookie %+v, HSTS %q", r.StatusCode, ck, r.Header.Get("Strict-Transport-Security"))
	}

	// A poisoned Host through nginx (its first TLS server answers any
	// name, as a default server does): the pages that request stored in
	// the page cache, then served to everyone, name only the portal.
	for _, path := range []string{"/", "/rss", "/sitemap.xml"} {
		for _, host := range []string{"attacker.example", portalHost + ":31337"} {
			req, _ := http.NewRequest("GET", n.https+path, nil)
			req.Host = host
			req.Header.Set("User-Agent", browserUA)
			resp, err := stranger.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
		}
		r, body := n.do(t, stranger, "GET", n.https+path, nil, "")
		if r.StatusCode != http.StatusOK || strings.Contains(body, "attacker.example") || strings.Contains(body, ":31337") ||
			!strings.Contains(body, "https://"+portalHost+"/") {
			t.Errorf("%s through nginx after poisoned Host headers: %d, or it names another host, or not the portal's", path, r.StatusCode)
		}
	}

	// Twenty wrong passwords from 203.0.113.7 (for as many accounts, each
	// of which locks after five) lock that address only.
	for i := range 20 {
		if r := login(chain, "203.0.113.7", fmt.Sprintf("khong-co-%d", i), "sai"); r.StatusCode != http.StatusUnauthorized {
			t.Fatalf("wrong password %d: %d", i, r.StatusCode)
		}
	}
	if r := login(chain, "203.0.113.7", "btv", "mat-khau-bien-tap-1"); r.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("203.0.113.7 after twenty failures: %d, want 429", r.StatusCode)
	}
	if r := login(chain, "198.51.100.21", "btv", "mat-khau-bien-tap-1"); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("another address after 203.0.113.7's failures: %d, want 303", r.StatusCode)
	}
	// An ordinary client cannot claim the locked address, nor escape its
	// own: nginx appends its real one, which congtin takes.
	if r := login(stranger, "198.51.100.22", "btv", "mat-khau-bien-tap-1"); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("a client at 127.0.0.3 through nginx: %d", r.StatusCode)
	}
	// A request's log line is written once its answer is sent: the last
	// one may still be on its way.
	hasAll := func(log string) bool {
		return strings.Contains(log, "remote=203.0.113.7") && strings.Contains(log, "remote=127.0.0.3") && strings.Contains(log, "proxy=127.0.0.1")
	}
	for deadline := time.Now().Add(5 * time.Second); !hasAll(p.Log()) && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
	}
	if log := p.Log(); !hasAll(log) {
		t.Errorf("the request log lacks the forwarded addresses:\n%s", log)
	}

	// Three questions per address per ten minutes, counted per client.
	asker := n.client("127.0.0.1", true)
	tokens := make([]string, 4)
	for i := range tokens {
		tokens[i] = n.qaToken(t, asker, "203.0.113.8")
	}
	other := n.client("127.0.0.1", true)
	otherToken := n.qaToken(t, other, "198.51.100.23")
	time.Sleep(3500 * time.Millisecond) // the form's minimum age
	for i, tok := range tokens {
		want := http.StatusSeeOther
		if i == 3 {
			want = http.StatusTooManyRequests
		}
		if got := n.ask(t, asker, "203.0.113.8", tok, i); got != want {
			t.Fatalf("question %d from 203.0.113.8: %d, want %d", i, got, want)
		}
	}
	if got := n.ask(t, other, "198.51.100.23", otherToken, 9); got != http.StatusSeeOther {
		t.Fatalf("a question from another address: %d, want 303", got)
	}

	// Straight to congtin from a peer it does not trust: the header is
	// ignored, and the peer's own address is what gets locked.
	direct := n.client("127.0.0.3", false)
	post := func(xff, user, pw string) int {
		form := url.Values{"username": {user}, "password": {pw}}
		r, _ := n.do(t, direct, "POST", p.URL+"/admin/dang-nhap", strings.NewReader(form.Encode()), xff)
		return r.StatusCode
	}
	for i := range 20 {
		post(fmt.Sprintf("198.51.100.%d", 100+i), fmt.Sprintf("khong-co-%d", i), "sai")
	}
	if got := post("198.51.100.200", "btv", "mat-khau-bien-tap-1"); got != http.StatusTooManyRequests {
		t.Fatalf("a forged X-Forwarded-For sent directly dodged the lock-out: %d", got)
	}
}

// nginxUnderTest is a running nginx in front of a congtin.
type nginxUnderTest struct {
	http, https string // base URLs
	roots       *x509.CertPool
}

// startNginx writes a certificate and an nginx.conf that includes
// docs/nginx/congtin.conf with only its ports, certificate paths and
// upstream replaced, and starts nginx, not as root, until the test ends.
func startNginx(t *testing.T, bin, upstream string) *nginxUnderTest {
	t.Helper()
	dir := t.TempDir()
	doc, err := os.ReadFile("../../docs/nginx/congtin.conf")
	if err != nil {
		t.Fatal(err)
	}
	httpPort, httpsPort := freePort(t), freePort(t)
	certPath, keyPath := filepath.Join(dir, "portal.crt"), filepath.Join(dir, "portal.key")
	roots := selfSigned(t, certPath, keyPath)
	// Each replaced string must be in the file exactly once, so that the
	// test notices when the documented config changes under it.
	conf := string(doc)
	for _, rep := range [][2]string{
		{"server 127.0.0.1:8080;", "server " + upstream + ";"},
		{"listen 80;", "listen 127.0.0.1:" + httpPort + ";"},
		{"listen [::]:80;", "# no IPv6 in the test"},
		{"listen 443 ssl http2;", "listen 127.0.0.1:" + httpsPort + " ssl http2;"},
		{"listen [::]:443 ssl http2;", "# no IPv6 in the test"},
		{"/etc/ssl/certs/portal.example.gov.vn.crt", certPath},
		{"/etc/ssl/private/portal.example.gov.vn.key", keyPath},
	} {
		if c := strings.Count(conf, rep[0]); c != 1 {
			t.Fatalf("docs/nginx/congtin.conf has %q %d times, want once", rep[0], c)
		}
		conf = strings.Replace(conf, rep[0], rep[1], 1)
	}
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	write("congtin.conf", conf)
	var temp strings.Builder
	for _, k := range []string{"client_body", "proxy", "fastcgi", "uwsgi", "scgi"} {
		fmt.Fprintf(&temp, "    %s_temp_path %s;\n", k, filepath.Join(dir, k))
	}
	main := write("nginx.conf", "worker_processes 1;\nevents { worker_connections 64; }\nhttp {\n"+
		"    access_log "+filepath.Join(dir, "access.log")+";\n"+temp.String()+
		"    include "+filepath.Join(dir, "congtin.conf")+";\n}\n")

	cmd := exec.Command(bin, "-p", dir, "-c", main, "-e", "stderr", "-g", "daemon off; pid "+filepath.Join(dir, "nginx.pid")+"; error_log stderr;")
	if os.Geteuid() == 0 {
		// Run as nobody: what nginx may touch is this folder.
		const nobody = 65534
		if err := os.Chmod(filepath.Dir(dir), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := filepath.Walk(dir, func(path string, _ os.FileInfo, err error) error {
			if err != nil {
				return err
			}
			return os.Chown(path, nobody, nobody)
		}); err != nil {
			t.Fatal(err)
		}
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	}
	// A file, not a pipe: read only when something went wrong.
	logPath := filepath.Join(dir, "nginx.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	defer logFile.Close()
	cmd.Stdout, cmd.Stderr = logFile, logFile
	nginxLog := func() string { b, _ := os.ReadFile(logPath); return string(b) }
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
	})
	deadline := time.Now().Add(15 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", "127.0.0.1:"+httpsPort, time.Second)
		if err == nil {
			c.Close()
			break
		}
		select {
		case err := <-exited:
			t.Fatalf("nginx exited: %v\n%s", err, nginxLog())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("nginx did not listen\n%s", nginxLog())
		}
		time.Sleep(50 * time.Millisecond)
	}
	return &nginxUnderTest{http: "http://127.0.0.1:" + httpPort, https: "https://127.0.0.1:" + httpsPort, roots: roots}
}

// client is a browser connecting from the loopback address from, trusting
// the test's certificate, not following redirects.
func (n *nginxUnderTest) client(from string, jar bool) *http.Client {
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(from)}, Timeout: 5 * time.Second}
	c := &http.Client{
		Transport: &http.Transport{
			DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
				return d.DialContext(ctx, network, addr)
			},
			TLSClientConfig: &tls.Config{RootCAs: n.roots, ServerName: portalHost},
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Timeout:       30 * time.Second,
	}
	if jar {
		c.Jar, _ = cookiejar.New(nil)
	}
	return c
}

// do sends a request for the portal's host, with X-Forwarded-For xff when
// set (a form body when body is set).
func (n *nginxUnderTest) do(t *testing.T, c *http.Client, method, u string, body io.Reader, xff string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = portalHost
	req.Header.Set("User-Agent", browserUA)
	if body != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "same-origin")
	}
	if xff != "" {
		req.Header.Set("X-Forwarded-For", xff)
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// qaToken opens the question form through nginx and returns its token.
func (n *nginxUnderTest) qaToken(t *testing.T, c *http.Client, xff string) string {
	t.Helper()
	r, page := n.do(t, c, "GET", n.https+"/hoi-dap/gui-cau-hoi", nil, xff)
	if r.StatusCode != http.StatusOK {
		t.Fatalf("question form: %d", r.StatusCode)
	}
	tok := findElement(parseHTML(t, page), func(e *html.Node) bool { return e.Data == "input" && attrOf(e, "name") == "token" })
	if tok == nil || attrOf(tok, "value") == "" {
		t.Fatalf("no token in the question form")
	}
	return attrOf(tok, "value")
}

// ask sends question i with the token and returns the status.
func (n *nginxUnderTest) ask(t *testing.T, c *http.Client, xff, token string, i int) int {
	t.Helper()
	form := url.Values{"token": {token}, "name": {"Nguyễn Văn Hỏi"}, "email": {"hoi@example.vn"}, "phone": {""},
		"title": {"Câu hỏi qua nginx số " + strconv.Itoa(i)}, "body": {"Xin hỏi thủ tục cấp giấy phép xây dựng nhà ở riêng lẻ."}, "website": {""}}
	r, _ := n.do(t, c, "POST", n.https+"/hoi-dap/gui-cau-hoi", strings.NewReader(form.Encode()), xff)
	return r.StatusCode
}

// setCookie returns the named cookie a response sets, or an empty one.
func setCookie(r *http.Response, name string) *http.Cookie {
	for _, c := range r.Cookies() {
		if c.Name == name {
			return c
		}
	}
	return &http.Cookie{}
}

// selfSigned writes a certificate for portalHost and its key, and returns
// a pool that trusts it.
func selfSigned(t *testing.T, certPath, keyPath string) *x509.CertPool {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: portalHost}, DNSNames: []string{portalHost},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(certPath, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644); err != nil {
		t.Fatal(err)
	}
	// Readable by nginx's unprivileged user; a throwaway key.
	if err := os.WriteFile(keyPath, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}), 0o644); err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return pool
}

// freePort returns a loopback port nobody listens on now.
func freePort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
}
