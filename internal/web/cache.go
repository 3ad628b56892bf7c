package web

import (
	"bytes"
	"context"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/pagecache"
	"github.com/congtin/congtin/internal/render"
)

// Public pages are rendered once and kept (package pagecache) until a
// change makes them stale. Each cached page carries tags naming what it
// shows; a change names what it touched:
//
//	s:SITE    every page of a site (menus, settings)
//	a:ID      pages showing an article (its page, its print view)
//	c:CAT     pages listing a category's articles (category pages list
//	          their subtree; an article page lists its category's newer
//	          and older articles)
//	d:DAY     the browse-by-date page of one day; d:range the others
//	home      the home page
//	search    search result pages (any article may match)
//
// A page is only stored if no purge happened while it was being built,
// so a page built from data read before a change never outlives it.

// pageTags returns the tags every page of a site carries, plus extra.
func pageTags(site *congtin.Site, extra ...string) []string {
	return append([]string{"s:" + strconv.FormatInt(site.ID, 10)}, extra...)
}

func tagArticle(id int64) string  { return "a:" + strconv.FormatInt(id, 10) }
func tagCategory(id int64) string { return "c:" + strconv.FormatInt(id, 10) }
func tagDay(t time.Time) string   { return "d:" + congtin.Day(t) }

// cacheable reports whether a request may be answered from, and its
// response stored in, the page cache.
func (s *Server) cacheable(r *http.Request) bool {
	return s.Cache != nil && (r.Method == http.MethodGet || r.Method == http.MethodHead)
}

func pageKey(site *congtin.Site, r *http.Request) string {
	return strconv.FormatInt(site.ID, 10) + " " + r.URL.Path + "?" + r.URL.RawQuery
}

// serveCached answers from the cache when it can: it counts the visit and
// the view as a rendered page would, and fills in the live counters.
func (s *Server) serveCached(w http.ResponseWriter, r *http.Request) bool {
	if !s.cacheable(r) {
		return false
	}
	site := siteFrom(r.Context())
	e := s.Cache.Get(pageKey(site, r))
	if e == nil {
		return false
	}
	// As when it was rendered: pages with the visit counter count visits
	// (not the print view), pages with a view count count views.
	if e.Has("counter") {
		s.countVisit(w, r, s.Counter, site.ID)
	}
	var live render.Live
	var err error
	if live.Counter, err = s.Counter.VisitStats(r.Context(), site); err == nil && e.ArticleID != 0 {
		live.Views, err = s.Counter.ArticleViews(r.Context(), site.ID, e.ArticleID)
	}
	if err != nil {
		s.error(w, r, err)
		return true
	}
	if e.ArticleID != 0 {
		live.Views += s.countView(r, site.ID, e.ArticleID)
	}
	if e.Has("poll") {
		if live.Poll, err = s.pollBox(r); err != nil {
			s.error(w, r, err)
			return true
		}
	}
	s.writeEntry(w, r, e, live)
	return true
}

// servePage renders a page, stores it in the cache (for a 200 response to
// a cacheable request), and writes it. The epoch is the cache's, taken
// before the page's data was read.
func (s *Server) servePage(w http.ResponseWriter, r *http.Request, status int, name string, page render.LiveSource,
	epoch uint64, articleID int64, modified time.Time, tags []string) {
	d, err := s.Render.Doc(name, page)
	if err != nil {
		s.Log.Error("render", "page", name, "error", err)
		s.error(w, r, err)
		return
	}
	e := pagecache.NewEntry(d, articleID, modified, tags)
	e.Status = status
	// Pages show today's date (the date chooser's limit, the footer's
	// year): none outlives the day.
	e.Expires = nextMidnight(s.now())
	if status == http.StatusOK && s.cacheable(r) {
		s.Cache.PutIf(pageKey(siteFrom(r.Context()), r), e, epoch)
	}
	s.writeEntry(w, r, e, page.LiveValues())
}

// epoch returns the cache's purge count, to pass to servePage.
func (s *Server) epoch() uint64 {
	if s.Cache == nil {
		return 0
	}
	return s.Cache.Epoch()
}

func nextMidnight(now time.Time) time.Time {
	y, m, d := now.In(congtin.VietnamZone).Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, congtin.VietnamZone)
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// writeEntry writes a page with validators, as gzip when the client takes
// it, or 304 when the client's copy is current.
func (s *Server) writeEntry(w http.ResponseWriter, r *http.Request, e *pagecache.Entry, live render.Live) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	// Browsers keep the page but ask again each time: the counters move.
	h.Set("Cache-Control", "no-cache")
	h.Add("Vary", "Accept-Encoding")
	if e.Status == http.StatusOK {
		etag := e.ETag(live)
		h.Set("ETag", etag)
		if !e.Modified.IsZero() {
			h.Set("Last-Modified", e.Modified.UTC().Format(http.TimeFormat))
		}
		if notModified(r, etag, e.Modified) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	gz := acceptsGzip(r)
	buf := bufPool.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() <= 1<<20 {
			buf.Reset()
			bufPool.Put(buf)
		}
	}()
	if err := e.Write(buf, live, gz); err != nil {
		s.Log.Error("write page", "error", err)
		s.error(w, r, err)
		return
	}
	if gz {
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(e.Status)
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}

// notModified applies RFC 9110's rules: If-None-Match when present (weak
// comparison), otherwise If-Modified-Since.
func notModified(r *http.Request, etag string, modified time.Time) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		want := strings.TrimPrefix(etag, "W/")
		for _, t := range strings.Split(inm, ",") {
			t = strings.TrimSpace(t)
			if t == "*" || strings.TrimPrefix(t, "W/") == want {
				return true
			}
		}
		return false
	}
	if ims := r.Header.Get("If-Modified-Since"); ims != "" && !modified.IsZero() {
		t, err := http.ParseTime(ims)
		return err == nil && !modified.Truncate(time.Second).After(t)
	}
	return false
}

// acceptsGzip reports whether the request's Accept-Encoding allows gzip.
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(name), "gzip") || strings.TrimSpace(name) == "*" {
			q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
			return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
		}
	}
	return false
}

// changePoll is how often the change log is read: an edit made by any
// process reaches every process's cache within it.
const changePoll = 250 * time.Millisecond

// changeWatch is where this process is in the change log.
type changeWatch struct {
	mu      sync.Mutex
	started bool
	last    int64     // the last change applied
	since   time.Time // scheduled publications up to here are applied
}

// WatchChanges reads the store's change log until ctx ends, dropping the
// cached pages and site data each change makes stale.
func (s *Server) WatchChanges(ctx context.Context) {
	if s.Changes == nil {
		return
	}
	t := time.NewTicker(changePoll)
	defer t.Stop()
	prune := time.Now()
	for {
		if err := s.SyncChanges(ctx); err != nil && ctx.Err() == nil {
			s.Log.Warn("reading changes failed; pages may stay stale until it works again", "error", err)
		}
		if time.Since(prune) > time.Minute {
			prune = time.Now()
			if err := s.Changes.PruneChanges(ctx, 10000); err != nil && ctx.Err() == nil {
				s.Log.Warn("pruning changes failed", "error", err)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// changeBatch bounds one read of the change log; more than that (a large
// import) and everything is dropped instead.
const changeBatch = 500

// SyncChanges applies the changes made since the last call (the first
// call only finds where the log is). WatchChanges calls it; tests call it
// to see a write at once.
func (s *Server) SyncChanges(ctx context.Context) error {
	if s.Changes == nil {
		return nil
	}
	cw := &s.watch
	cw.mu.Lock()
	defer cw.mu.Unlock()
	now := s.now()
	if !cw.started {
		last, err := s.Changes.LastChangeID(ctx)
		if err != nil {
			return err
		}
		cw.started, cw.last, cw.since = true, last, now
		return nil
	}
	cs, err := s.Changes.ChangesAfter(ctx, cw.last, changeBatch)
	if err != nil {
		return err
	}
	live, err := s.Changes.WentLive(ctx, cw.since, now)
	if err != nil {
		return err
	}
	if len(cs) == changeBatch {
		last, err := s.Changes.LastChangeID(ctx)
		if err != nil {
			return err
		}
		s.purgeAll()
		cw.last, cw.since = last, now
		return nil
	}
	for _, c := range append(cs, live...) {
		s.purgeChange(c)
	}
	if len(cs) > 0 {
		cw.last = cs[len(cs)-1].ID
	}
	cw.since = now
	return nil
}

// purgeChange drops what one change makes stale.
func (s *Server) purgeChange(c *congtin.Change) {
	if c.WholeSite() {
		s.sites.clear()
		if s.Cache != nil {
			s.Cache.Purge("s:" + strconv.FormatInt(c.SiteID, 10))
		}
		return
	}
	if s.Cache == nil {
		return
	}
	s.Cache.Purge(tagArticle(c.ArticleID), tagCategory(c.OldCategoryID), tagCategory(c.NewCategoryID),
		tagDay(c.OldPublishedAt), tagDay(c.NewPublishedAt), "d:range", "home", "search")
}

func (s *Server) purgeAll() {
	s.sites.clear()
	if s.Cache != nil {
		s.Cache.Clear()
	}
}

// siteCache keeps sites and their categories by host name, which every
// request needs; whole-site changes clear it.
type siteCache struct {
	mu sync.RWMutex
	m  map[string]*siteContext
}

// maxHosts bounds the host names remembered: the Host header is the
// client's to choose.
const maxHosts = 1000

func (c *siteCache) get(host string) *siteContext {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.m[host]
}

func (c *siteCache) put(host string, sc *siteContext) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= maxHosts {
		c.m = map[string]*siteContext{}
	}
	c.m[host] = sc
}

func (c *siteCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m = nil
}
