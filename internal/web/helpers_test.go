package web_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/counters"
	"github.com/congtin/congtin/internal/pagecache"
	"github.com/congtin/congtin/internal/render"
	"github.com/congtin/congtin/internal/sqlite"
	"github.com/congtin/congtin/internal/static"
	"github.com/congtin/congtin/internal/web"
	"golang.org/x/net/html"
)

const browserUA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"
const googlebotUA = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"

// env is a portal on a real SQLite file behind a real HTTP server.
type env struct {
	t       testing.TB
	raw     *sqlite.DB // a real SQLite file
	db      *app.App   // the service layer over it
	counter *counters.Counter
	site    *congtin.Site
	srv     *httptest.Server
	server  *web.Server
}

func newEnv(t testing.TB) *env {
	t.Helper()
	raw := sqlite.NewDB(filepath.Join(t.TempDir(), "congtin.db"))
	if err := raw.Open(); err != nil {
		t.Fatal(err)
	}
	db := app.New(raw)
	site, err := db.DefaultSite(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	assets, err := static.New()
	if err != nil {
		t.Fatal(err)
	}
	engine, err := render.New(assets.URL)
	if err != nil {
		t.Fatal(err)
	}
	c := counters.New(db, 20*time.Millisecond, log)
	c.Start()
	// The page cache is on, as in production: every test also checks that
	// cached pages count and show what rendered ones do.
	s := &web.Server{Services: web.NewServices(db), Counter: c, Render: engine, Assets: assets, Log: log,
		Cache: pagecache.New(32 << 20), Changes: raw}
	if err := s.SyncChanges(t.Context()); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s.Handler())
	// As a single-site install with -base-url: the tests compare absolute
	// URLs with the test server's. The host tests clear it.
	s.BaseURL = srv.URL
	t.Cleanup(func() {
		srv.Close()
		c.Close()
		raw.Close()
	})
	return &env{t: t, raw: raw, db: db, counter: c, site: site, srv: srv, server: s}
}

// sync applies the store's changes to the page cache at once, as the
// change watcher does within a quarter of a second.
func (e *env) sync() {
	e.t.Helper()
	if err := e.server.SyncChanges(e.t.Context()); err != nil {
		e.t.Fatal(err)
	}
}

func (e *env) mustImport(recs ...congtin.ArticleImport) []*congtin.ImportResult {
	e.t.Helper()
	res, err := e.db.ImportArticles(e.t.Context(), e.site.ID, recs)
	if err != nil {
		e.t.Fatal(err)
	}
	e.sync()
	return res
}

// response is a fetched page.
type response struct {
	status int
	header http.Header
	body   string
	doc    *html.Node
}

// client returns an HTTP client that does not follow redirects, with a
// cookie jar when withCookies.
func client(withCookies bool) *http.Client {
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	if withCookies {
		c.Jar, _ = cookiejar.New(nil)
	}
	return c
}

func (e *env) fetch(c *http.Client, method, path, ua string, hdr ...string) *response {
	e.t.Helper()
	req, err := http.NewRequest(method, e.srv.URL+path, nil)
	if err != nil {
		e.t.Fatal(err)
	}
	if ua != "" {
		req.Header.Set("User-Agent", ua)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := c.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		e.t.Fatal(err)
	}
	r := &response{status: resp.StatusCode, header: resp.Header, body: string(b)}
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		if r.doc, err = html.Parse(strings.NewReader(r.body)); err != nil {
			e.t.Fatal(err)
		}
	}
	return r
}

func (e *env) get(path string) *response {
	e.t.Helper()
	return e.fetch(client(false), "GET", path, browserUA)
}

// findAll returns the nodes under n that match.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func find(n *html.Node, match func(*html.Node) bool) *html.Node {
	if all := findAll(n, match); len(all) > 0 {
		return all[0]
	}
	return nil
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func tag(name string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == name }
}

func class(c string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		for _, f := range strings.Fields(attr(n, "class")) {
			if f == c {
				return true
			}
		}
		return false
	}
}

// text returns the node's text with white space folded.
func text(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func id(v string) func(*html.Node) bool {
	return func(n *html.Node) bool { return attr(n, "id") == v }
}
