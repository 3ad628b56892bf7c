package web_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/congtin/congtin"
)

// fetchHost gets path with the Host header host, as a client may send
// any (issue 16, finding 1).
func (e *env) fetchHost(host, path string) (int, string) {
	e.t.Helper()
	req, err := http.NewRequest("GET", e.srv.URL+path, nil)
	if err != nil {
		e.t.Fatal(err)
	}
	req.Host = host
	req.Header.Set("User-Agent", browserUA)
	resp, err := client(false).Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		e.t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// hostPaths are the pages and files that carry absolute URLs: canonical
// links, og:url, JSON-LD (the article), the RSS alternate links, the
// sitemaps, robots.txt and the feeds.
func hostPaths(e *env) []string {
	res := fixture(e)
	return []string{"/", res[11].Article.Path(res[11].Category.Slug), "/" + res[11].Category.Slug, "/kenh-rss",
		"/rss", "/rss/van-ban", "/rss/hoi-dap", "/sitemap.xml", "/sitemap/chuyen-muc.xml", "/sitemap/tin-moi.xml",
		"/robots.txt", "/van-ban", "/hoi-dap"}
}

// TestHostNeverReachesCachedPages: a request with a forged Host header,
// then an ordinary one: neither page names the forged host; the URLs
// are the site's configured ones. Without -base-url (multi-site), a
// default site with a canonical host uses it; a site's own host with a
// port added keeps no port.
func TestHostNeverReachesCachedPages(t *testing.T) {
	e := newEnv(t)
	e.server.BaseURL = ""
	paths := hostPaths(e)
	ctx := t.Context()
	if _, err := e.db.UpdateSite(ctx, e.site.ID, congtin.SiteUpdate{CanonicalHost: ptr("cong.example"), Scheme: ptr("http")}); err != nil {
		t.Fatal(err)
	}
	other, err := e.db.CreateSite(ctx, congtin.SystemActor("test"), "other.test", "Cổng Sở")
	if err != nil {
		t.Fatal(err)
	}
	e.sync()
	for _, c := range []struct{ forged, real, want string }{
		{"attacker.example", "127.0.0.1", "http://cong.example/"},
		{"attacker.example:8443", "cong.example", "http://cong.example/"},
		{"other.test:31337", other.Host, "https://other.test/"},
	} {
		for _, p := range paths {
			if (p == paths[1] || p == paths[2]) && c.real == other.Host {
				continue // the article and its category are the default site's
			}
			for _, host := range []string{c.forged, c.real} {
				status, body := e.fetchHost(host, p)
				if status != http.StatusOK {
					t.Fatalf("%s %s: %d", host, p, status)
				}
				if strings.Contains(body, "attacker") || strings.Contains(body, "31337") || strings.Contains(body, "8443") {
					t.Errorf("Host %s, then %s: %s names the forged host", c.forged, host, p)
				}
				// The news sitemap lists the last two days' articles:
				// none here.
				if p != "/sitemap/tin-moi.xml" && !strings.Contains(body, c.want) {
					t.Errorf("%s %s: no URL %s…", host, p, c.want)
				}
			}
		}
	}
}

// TestHostFallbackIsRelative: a default site with neither -base-url nor a
// canonical host gets relative URLs, never the request's host.
func TestHostFallbackIsRelative(t *testing.T) {
	e := newEnv(t)
	e.server.BaseURL = ""
	res := fixture(e)
	p := res[11].Article.Path(res[11].Category.Slug)
	for _, host := range []string{"attacker.example", "127.0.0.1"} {
		_, body := e.fetchHost(host, p)
		if strings.Contains(body, "attacker") || strings.Contains(body, "127.0.0.1") {
			t.Fatalf("Host %s: the page names a host", host)
		}
		if !strings.Contains(body, `<link rel="canonical" href="`+p+`"`) {
			t.Fatalf("Host %s: no relative canonical link", host)
		}
	}
}

func ptr[T any](v T) *T { return &v }
