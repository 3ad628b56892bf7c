// Package web serves the public portal: home, category, article, print and
// browse-by-date pages, with the visit and view counters.
package web

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/blob"
	"github.com/congtin/congtin/internal/clientip"
	"github.com/congtin/congtin/internal/counters"
	"github.com/congtin/congtin/internal/docfile"
	"github.com/congtin/congtin/internal/media"
	"github.com/congtin/congtin/internal/metrics"
	"github.com/congtin/congtin/internal/pagecache"
	"github.com/congtin/congtin/internal/render"
	"github.com/congtin/congtin/internal/static"
)

// Page sizes.
const (
	listPageSize = 20 // category and date lists
	newerCount   = 5  // TIN MỚI HƠN
	olderCount   = 10 // TIN ĐÃ ĐƯA
	homeFeatured = 5
	homeLatest   = 8
	homePerCat   = 5
)

// Server holds what the public handlers need.
type Server struct {
	// Services are what the handlers read and write: NewServices fills
	// them from the app.
	Services
	// polls is the newest open poll of each site, for the home page's
	// box (poll_box.go).
	polls   pollMemo
	Counter *counters.Counter
	Render  *render.Engine
	Assets  *static.Assets
	Log     *slog.Logger
	// BaseURL, when set (e.g. https://anphu.gov.vn), makes the default
	// site's absolute URLs; otherwise each site's canonical host and
	// scheme do (congtin.Site.URL).
	BaseURL string
	Now     congtin.NowFunc
	// Admin serves /admin/ and /api/v1/admin/ when set.
	Admin http.Handler
	// Media holds uploaded images, served under /media/.
	Media media.Store
	// Cache, when set, keeps rendered pages; Changes must then be set too,
	// and WatchChanges running, to drop them when they go stale.
	Cache   *pagecache.Cache
	Changes congtin.ChangeStore
	// Metrics, when set, counts requests and is served at /metrics to
	// those MetricsAllowed lets in.
	Metrics *metrics.Registry
	// MetricsToken, when set, is the bearer token /metrics asks for;
	// without it only direct loopback requests (no proxy headers) may read
	// it.
	MetricsToken string
	// LogRequests writes one line per request at Info level; otherwise at
	// Debug.
	LogRequests bool
	// Files holds the documents register's attachments.
	Files docfile.Store
	// Blobs, when set, is the object store that holds Media and Files
	// and can say whether it answers: /readyz asks it.
	Blobs blob.Pinger
	// QARetentionDays is how long askers' personal data is kept, as the
	// question form tells them; 0 leaves it unsaid.
	QARetentionDays int
	// TrustedProxies are the peers whose X-Forwarded-For,
	// X-Forwarded-Proto and Forwarded headers are believed; nobody when
	// empty.
	TrustedProxies clientip.Trusted
	// HSTSMaxAge is the max-age, in seconds, of the Strict-Transport-Security
	// header sent on HTTPS responses; 0 sends none.
	HSTSMaxAge int
	// PollVotesPerHour is how many poll votes one address may cast in an
	// hour, counted in the database; 0 is DefaultPollVotesPerHour.
	PollVotesPerHour int

	sites siteCache
	watch changeWatch

	searchOnce sync.Once
	searchSem  chan struct{}

	qa qaGuard
}

// Handler returns the portal's routes wrapped in the middleware.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /static/{path...}", s.Assets)
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, s.Assets.URL("favicon.svg"), http.StatusMovedPermanently)
	})
	mux.HandleFunc("GET /rss", s.handleFeed)
	mux.HandleFunc("GET /rss/{slug}", s.handleFeed)
	mux.HandleFunc("GET /kenh-rss", s.handleFeedList)
	mux.HandleFunc("GET /robots.txt", s.handleRobots)
	mux.HandleFunc("GET /sitemap.xml", s.handleSitemapIndex)
	mux.HandleFunc("GET /sitemap/chuyen-muc.xml", s.handleSitemapCategories)
	mux.HandleFunc("GET /sitemap/bai-viet/{page}", s.handleSitemapArticles)
	mux.HandleFunc("GET /sitemap/tin-moi.xml", s.handleSitemapNews)
	mux.HandleFunc("GET /healthz", s.handleHealthz)
	mux.HandleFunc("GET /readyz", s.handleReadyz)
	if s.Metrics != nil {
		mux.HandleFunc("GET /metrics", s.handleMetrics)
	}
	mux.HandleFunc("GET /{$}", s.handleHome)
	mux.HandleFunc("GET /theo-ngay", s.handleDate)
	mux.HandleFunc("GET /tim-kiem", s.handleSearch)
	mux.HandleFunc("GET /api/v1/search", s.handleSearchAPI)
	mux.HandleFunc("GET /api/v1/search/suggest", s.handleSuggest)
	mux.HandleFunc("GET /ban-in/{id}", s.handlePrint)
	s.documentRoutes(mux)
	s.consultationRoutes(mux)
	s.datasetRoutes(mux)
	s.projectRoutes(mux)
	s.ckanRoutes(mux)
	s.procedureRoutes(mux)
	s.commentRoutes(mux)
	s.disclosureRoutes(mux)
	s.qaRoutes(mux)
	s.pollRoutes(mux)
	s.sectionRoutes(mux)
	s.previewRoutes(mux)
	// Without a method, so that /admin/ (all methods) can sit beside it;
	// handleContent refuses anything but GET and HEAD itself.
	mux.HandleFunc("/{path...}", s.handleContent)
	if s.Admin != nil {
		adm := s.syncAfterWrites(s.Admin)
		mux.Handle("/admin/", adm)
		mux.Handle("/api/v1/admin/", adm)
	}
	if s.Media != nil {
		mux.HandleFunc("GET /media/{key...}", s.handleMedia)
	}
	// Anything else (POST to a page, say) is a plain 405 from the mux.
	return s.recoverPanics(s.withClient(s.securityHeaders(s.logRequests(s.withSite(s.httpsOnly(routeOf(mux)))))))
}

type ctxKey int

const siteKey ctxKey = 0

// withSite picks the site by the request's host name.
func (s *Server) withSite(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Static files and health checks need no site (a load balancer's
		// probe may not send the portal's host name).
		if strings.HasPrefix(r.URL.Path, "/static/") || r.URL.Path == "/healthz" || r.URL.Path == "/readyz" || r.URL.Path == "/metrics" {
			next.ServeHTTP(w, r)
			return
		}
		host := congtin.HostName(r.Host)
		sc := s.sites.get(host)
		if sc == nil {
			site, err := s.Sites.FindSiteByHost(r.Context(), host)
			if err != nil {
				s.error(w, r, err)
				return
			}
			cats, err := s.Sites.FindCategories(r.Context(), site.ID)
			if err != nil {
				s.error(w, r.WithContext(congtin.NewContextWithSite(r.Context(), site)), err)
				return
			}
			links, err := s.Sites.FindLinks(r.Context(), site.ID)
			if err != nil {
				s.error(w, r.WithContext(congtin.NewContextWithSite(r.Context(), site)), err)
				return
			}
			sc = &siteContext{site: site, cats: cats, links: links, chrome: render.NewChrome()}
			// Kept only while the change log is watched, which clears it.
			if s.Changes != nil {
				s.sites.put(host, sc)
			}
		}
		ctx := context.WithValue(congtin.NewContextWithSite(r.Context(), sc.site), siteKey, sc)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// SiteReader is what every request reads first: its site, with the
// categories and links nearly every page shows.
type SiteReader interface {
	// FindSiteByHost returns the site for a host name, or the default
	// site; ENOTFOUND only when there is no site at all.
	FindSiteByHost(ctx context.Context, host string) (*congtin.Site, error)
	// FindCategories lists the site's categories in menu order.
	FindCategories(ctx context.Context, siteID int64) ([]*congtin.Category, error)
	// FindLinks lists the site's links by position, then ID.
	FindLinks(ctx context.Context, siteID int64) ([]*congtin.Link, error)
}

// siteContext is the site a request is for, with its categories, which
// nearly every page needs.
type siteContext struct {
	site  *congtin.Site
	cats  congtin.Categories
	links []*congtin.Link // the footer's
	// chrome holds the layout's parts drawn from the above, rendered
	// once: it is dropped with them when the site changes.
	chrome *render.Chrome
}

func chromeFrom(ctx context.Context) *render.Chrome {
	if sc, _ := ctx.Value(siteKey).(*siteContext); sc != nil {
		return sc.chrome
	}
	return nil
}

func siteFrom(ctx context.Context) *congtin.Site {
	if sc, _ := ctx.Value(siteKey).(*siteContext); sc != nil {
		return sc.site
	}
	return nil
}

func linksFrom(ctx context.Context) []*congtin.Link {
	if sc, _ := ctx.Value(siteKey).(*siteContext); sc != nil {
		return sc.links
	}
	return nil
}

func categoriesFrom(ctx context.Context) congtin.Categories {
	if sc, _ := ctx.Value(siteKey).(*siteContext); sc != nil {
		return sc.cats
	}
	return nil
}

// securityHeaders sets the headers every response carries. Scripts come
// only from our own static files: no inline script anywhere.
func (s *Server) securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("X-Frame-Options", "SAMEORIGIN")
		if h.Get("Content-Security-Policy") == "" {
			h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' https:; script-src 'self'; style-src 'self'; "+
				// Style attributes only: the sanitizer lets bodies keep text-align
				// and nothing else, and <style> elements stay forbidden.
				"style-src-attr 'unsafe-inline'; "+
				"object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'")
		}
		next.ServeHTTP(w, r)
	})
}

// statusWriter remembers what the request log and the metrics need: the
// status sent and the route that answered.
type statusWriter struct {
	http.ResponseWriter
	status int
	route  string
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// routeOf records the pattern the mux chose. The mux sets it on the
// request it is given, which is a copy made further out, so it is read
// back here and kept on the status writer, at no allocation.
func routeOf(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mux.ServeHTTP(w, r)
		if sw, ok := w.(*statusWriter); ok && sw.route == "" {
			sw.route = r.Pattern
		}
	})
}

// setRoute names the route of a request more finely than its pattern
// (the catch-all serves both categories and articles).
func setRoute(w http.ResponseWriter, name string) {
	if sw, ok := w.(*statusWriter); ok {
		sw.route = name
	}
}

// logRequests writes one structured line per request and counts it.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		d := time.Since(start)
		if sw.status == 0 {
			sw.status = http.StatusOK // nothing written: net/http sends 200
		}
		if sw.route == "" {
			sw.route = "other" // refused before routing (unknown host, say)
		}
		if s.Metrics != nil {
			s.Metrics.ObserveRequest(sw.route, r.Method, sw.status, d)
		}
		level := slog.LevelDebug
		if s.LogRequests {
			level = slog.LevelInfo
		}
		if s.Log.Enabled(r.Context(), level) {
			c := clientip.From(r)
			attrs := []slog.Attr{
				slog.String("method", r.Method),
				slog.String("path", r.URL.Path),
				slog.String("route", sw.route),
				slog.Int("status", sw.status),
				slog.Float64("ms", float64(d.Microseconds())/1000),
				slog.String("remote", c.Addr),
				slog.String("ua", clipBytes(r.UserAgent(), 200)),
			}
			// The proxy that vouched for the address, so that a wrong
			// -trusted-proxies shows in the log.
			if c.Proxy != "" {
				attrs = append(attrs, slog.String("proxy", c.Proxy))
			}
			s.Log.LogAttrs(r.Context(), level, "request", attrs...)
		}
	})
}

// recoverPanics turns a panic into a logged 500 page instead of a dropped
// connection.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.Log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", v)
				s.error(w, r, congtin.Errorf(congtin.EINTERNAL, "panic"))
			}
		}()
		next.ServeHTTP(w, r)
	})
}

func (s *Server) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// siteURL makes an absolute URL of a path on the site, from its
// configuration and -base-url only (congtin.Site.URL): a cached page
// never carries the Host header of the request that rendered it.
func (s *Server) siteURL(site *congtin.Site, path string) string {
	return site.URL(s.BaseURL, path)
}

// syncAfterWrites applies the change log as soon as a back-office write
// is done, so the editor who just published sees the new page at once
// instead of after the next poll.
func (s *Server) syncAfterWrites(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r)
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			if err := s.SyncChanges(context.WithoutCancel(r.Context())); err != nil {
				s.Log.Warn("reading changes after a write failed", "error", err)
			}
		}
	})
}
