package admin_test

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/admin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/blob"
	"github.com/congtin/congtin/internal/clientip"
	"github.com/congtin/congtin/internal/counters"
	"github.com/congtin/congtin/internal/docfile"
	"github.com/congtin/congtin/internal/media"
	"github.com/congtin/congtin/internal/ocr"
	"github.com/congtin/congtin/internal/render"
	"github.com/congtin/congtin/internal/sqlite"
	"github.com/congtin/congtin/internal/static"
	"github.com/congtin/congtin/internal/web"
)

const password = "mat-khau-thu-nghiem-1"

// clock is a settable time shared by the store and the servers, so tests
// can move time forward instead of sleeping.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// env is the whole portal, public side and back office, on a real SQLite
// file behind a real HTTP server.
type env struct {
	t     *testing.T
	path  string
	raw   *sqlite.DB // the database
	db    *app.App   // the service layer over it
	clock *clock
	srv   *httptest.Server
	site  *congtin.Site
	site2 *congtin.Site
	users map[string]*congtin.User
	cat   *congtin.Category
	cat2  *congtin.Category // on site2
	media string
	// blobs, when set, stores the files instead of a folder on media
	// (restart to apply).
	blobs blob.Store
	tls   bool
	// fileMax bounds document attachments (0: the default, 20 MB).
	fileMax int64
	// mail turns on e-mailed notifications (an SMTP server set).
	mail bool
	// proxy sets the public site's trusted proxies, HSTS and base URL
	// (restart to apply).
	proxy proxySettings
}

// proxySettings are what a portal behind a reverse proxy is given.
type proxySettings struct {
	trusted clientip.Trusted
	hsts    int
	baseURL string
}

// newEnvTLS is newEnv behind TLS.
func newEnvTLS(t *testing.T) *env { return newEnvOpts(t, true) }

func newEnv(t *testing.T) *env { return newEnvOpts(t, false) }

func newEnvOpts(t *testing.T, tls bool) *env {
	t.Helper()
	e := &env{tls: tls, t: t, path: filepath.Join(t.TempDir(), "c.db"), clock: &clock{t: time.Date(2026, 3, 2, 9, 0, 0, 0, congtin.VietnamZone)},
		users: map[string]*congtin.User{}, media: t.TempDir()}
	e.open()
	ctx := t.Context()
	var err error
	if e.site, err = e.db.DefaultSite(ctx); err != nil {
		t.Fatal(err)
	}
	cli := congtin.SystemActor("test")
	if e.site2, err = e.db.CreateSite(ctx, cli, "so.example", "Cổng Sở Y tế"); err != nil {
		t.Fatal(err)
	}
	// The test server speaks plain http: a site published on https would
	// get Secure cookies, which the test browser keeps for https only.
	plain := congtin.SchemeHTTP
	if e.site2, err = e.db.UpdateSite(ctx, e.site2.ID, congtin.SiteUpdate{Scheme: &plain}); err != nil {
		t.Fatal(err)
	}
	if e.cat, err = e.db.CreateCategory(ctx, cli, e.site.ID, congtin.CategoryInput{Name: "Tin tức"}); err != nil {
		t.Fatal(err)
	}
	if e.cat2, err = e.db.CreateCategory(ctx, cli, e.site2.ID, congtin.CategoryInput{Name: "Tin y tế"}); err != nil {
		t.Fatal(err)
	}
	hash, _ := auth.HashPassword(password)
	for _, u := range []struct {
		name, role string
		site       int64
		super      bool
	}{
		{"pv1", congtin.RoleReporter, e.site.ID, false},
		{"pv2", congtin.RoleReporter, e.site.ID, false},
		{"btv", congtin.RoleEditor, e.site.ID, false},
		{"qtv", congtin.RoleAdmin, e.site.ID, false},
		{"qt2", congtin.RoleAdmin, e.site2.ID, false},
		{"super", congtin.RoleAdmin, e.site.ID, true},
	} {
		user := &congtin.User{Username: u.name, DisplayName: "Người " + u.name, PasswordHash: hash, SuperAdmin: u.super}
		if err := e.db.CreateUser(ctx, user); err != nil {
			t.Fatal(err)
		}
		if err := e.db.SetRole(ctx, u.site, user.ID, u.role); err != nil {
			t.Fatal(err)
		}
		e.users[u.name] = user
	}
	return e
}

// open starts (or restarts) the server on the database file.
func (e *env) open() {
	e.t.Helper()
	e.raw = sqlite.NewDB(e.path)
	if err := e.raw.Open(); err != nil {
		e.t.Fatal(err)
	}
	e.raw.SetNow(e.clock.Now)
	e.db = app.New(e.raw)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	assets, _ := static.New()
	engine, err := render.New(assets.URL)
	if err != nil {
		e.t.Fatal(err)
	}
	c := counters.New(e.db, 50*time.Millisecond, log)
	c.SetClock(e.clock.Now)
	c.Start()
	blobs := e.blobStore()
	store := media.Files{Blobs: blobs}
	files := docfile.Files{Blobs: blobs}
	e.db.Mail = e.mail
	// The listener first: its address is the -base-url the absolute
	// URLs (preview links to send) are made of, as a single-site install's.
	e.srv = httptest.NewUnstartedServer(nil)
	base := "http://" + e.srv.Listener.Addr().String()
	if e.tls {
		base = "https://" + e.srv.Listener.Addr().String()
	}
	if e.proxy.baseURL != "" {
		base = e.proxy.baseURL
	}
	adm := admin.New(e.db, admin.Config{Render: engine, Blobs: blobs, Log: log, Now: e.clock.Now, FileMaxBytes: e.fileMax, Mail: e.mail,
		BaseURL: base})
	ws := &web.Server{Services: web.NewServices(e.db), Counter: c, Render: engine, Assets: assets, Log: log, Now: e.clock.Now, Admin: adm.Handler(), Media: store, Files: files,
		TrustedProxies: e.proxy.trusted, HSTSMaxAge: e.proxy.hsts, BaseURL: base}
	e.srv.Config.Handler = ws.Handler()
	if e.tls {
		e.srv.StartTLS()
	} else {
		e.srv.Start()
	}
	db, srv := e.raw, e.srv
	e.t.Cleanup(func() { srv.Close(); c.Close(); db.Close() })
}

// restart stops the server and the database and opens them again.
// blobStore is where the portal keeps its files: the media folder unless
// a test set another store.
func (e *env) blobStore() blob.Store {
	if e.blobs != nil {
		return e.blobs
	}
	return blob.Dir{Path: e.media}
}

func (e *env) restart() {
	e.srv.Close()
	e.raw.Close()
	e.open()
}

// client is a browser: a cookie jar, no redirects followed, a host.
type client struct {
	e    *env
	http *http.Client
	host string
	hdr  http.Header
}

func (e *env) client(host string) *client {
	jar, _ := cookiejar.New(nil)
	hc := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	if e.tls {
		hc.Transport = e.srv.Client().Transport
	}
	return &client{e: e, host: host, hdr: http.Header{}, http: hc}
}

type resp struct {
	status int
	header http.Header
	body   string
}

func (c *client) do(method, path string, body io.Reader, ctype string) *resp {
	c.e.t.Helper()
	req, err := http.NewRequest(method, c.e.srv.URL+path, body)
	if err != nil {
		c.e.t.Fatal(err)
	}
	if c.host != "" {
		req.Host = c.host
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	req.Header.Set("User-Agent", "Mozilla/5.0 Chrome/126.0")
	for k, v := range c.hdr {
		req.Header[k] = v
	}
	r, err := c.http.Do(req)
	if err != nil {
		c.e.t.Fatal(err)
	}
	defer r.Body.Close()
	b, _ := io.ReadAll(r.Body)
	return &resp{status: r.StatusCode, header: r.Header, body: string(b)}
}

func (c *client) get(path string) *resp { return c.do("GET", path, nil, "") }

func (c *client) post(path string, form url.Values) *resp {
	return c.do("POST", path, strings.NewReader(form.Encode()), "application/x-www-form-urlencoded")
}

func (c *client) postJSON(path string, v any) *resp {
	b, _ := json.Marshal(v)
	return c.do("POST", path, strings.NewReader(string(b)), "application/json")
}

// login signs a user in on the client's host.
func (c *client) login(name string) *client {
	c.e.t.Helper()
	r := c.post("/admin/dang-nhap", url.Values{"username": {name}, "password": {password}})
	if r.status != http.StatusSeeOther {
		c.e.t.Fatalf("login %s: %d %.300s", name, r.status, r.body)
	}
	// The jar files cookies under the Host header when one is set; keep
	// them for the server's address too, so the browser can be pointed at
	// another site afterwards.
	u, _ := url.Parse(c.e.srv.URL)
	c.http.Jar.SetCookies(u, (&http.Response{Header: r.header}).Cookies())
	return c
}

// as returns a signed-in client for a user on the default site.
func (e *env) as(name string) *client { return e.client("").login(name) }

// article makes an article by a user in a state, through the store.
func (e *env) article(owner, status string) *congtin.Article {
	e.t.Helper()
	ctx := e.t.Context()
	u := e.users[owner]
	actor := congtin.Actor{User: u, Role: congtin.RoleReporter}
	a, err := e.db.CreateArticle(ctx, actor, e.site.ID, congtin.ArticleInput{CategoryID: e.cat.ID, Title: "Bài của " + owner, Body: "<p>Nội dung</p>"})
	if err != nil {
		e.t.Fatal(err)
	}
	ed := congtin.Actor{User: e.users["btv"], Role: congtin.RoleEditor}
	steps := map[string][]string{
		congtin.StatusDraft:       nil,
		congtin.StatusSubmitted:   {congtin.ActSubmit},
		congtin.StatusReturned:    {congtin.ActSubmit, congtin.ActReturn},
		congtin.StatusPublished:   {congtin.ActSubmit, congtin.ActPublish},
		congtin.StatusUnpublished: {congtin.ActSubmit, congtin.ActPublish, congtin.ActUnpublish},
	}[status]
	for _, act := range steps {
		by := ed
		if act == congtin.ActSubmit {
			by = actor
		}
		if a, err = e.db.TransitionArticle(ctx, by, e.site.ID, a.ID, act, "ý kiến", time.Time{}); err != nil {
			e.t.Fatalf("%s: %v", act, err)
		}
	}
	return a
}

// token makes an API token for a user.
func (e *env) token(name string) string {
	tok, hash := auth.NewToken()
	if err := e.db.CreateAPIToken(e.t.Context(), e.users[name].ID, "test", hash); err != nil {
		e.t.Fatal(err)
	}
	return tok
}

// readFiles runs the queue of attachments waiting to be read, as the
// server's background worker does, with the real programs.
func (e *env) readFiles() int {
	e.t.Helper()
	r := &docfile.TextReader{Files: docfile.Files{Blobs: e.blobStore()}, OCR: &ocr.Reader{}}
	n, err := e.db.RunFileTextJobs(e.t.Context(), r, "test", slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		e.t.Fatal(err)
	}
	return n
}
