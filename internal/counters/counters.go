// Package counters counts article views, site visits and the open-data
// catalogue's downloads in memory and
// writes them to the store in batches, so that a busy page costs no write
// per request. The numbers it reports are exact: what is stored plus what
// is still pending.
package counters

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/congtin/congtin"
)

// ActiveWindow is how long a visitor counts as "Đang truy cập" after their
// last page.
const ActiveWindow = 5 * time.Minute

// maxActive bounds the visitors remembered for the active count, so that a
// flood of cookie-less requests cannot grow memory without limit.
const maxActive = 200_000

// Counter gathers counts and flushes them to a store.
type Counter struct {
	store    congtin.CounterStore
	now      congtin.NowFunc
	interval time.Duration
	log      *slog.Logger

	// flushMu is held for writing while a batch is written, and for reading
	// while a stored count and the pending count are read together, so a
	// reader never sees a batch both stored and pending, or neither.
	flushMu sync.RWMutex

	mu     sync.Mutex
	views  map[congtin.ViewKey]int64
	visits map[congtin.VisitKey]int64
	// downloads of dataset resources; a dataset page adds the pending
	// ones of its resources to what is stored.
	downloads map[congtin.DownloadKey]int64
	pending   map[int64]int64                // article → views in views, over all days
	active    map[int64]map[string]time.Time // site → visitor → last seen
	nActive   int
	pruned    time.Time // when the active visitors were last pruned

	// Snapshots of stored counts, so that a page view costs no database
	// read: a snapshot is read from the store at most once per interval
	// (which brings in what other processes wrote) and our own flushes are
	// added to it as they are written, so it stays exact for this process.
	storedViews  map[int64]viewSnap
	storedVisits map[int64]visitSnap

	// OnFlush, when set before Start, is told of each batch written or
	// failed: the events in it and the time taken (for /metrics).
	OnFlush func(events int64, d time.Duration, err error)

	stop chan struct{}
	done chan struct{}
	once sync.Once
}

// New returns a counter that writes to store every interval once Start is
// called.
func New(store congtin.CounterStore, interval time.Duration, log *slog.Logger) *Counter {
	return &Counter{
		store: store, now: time.Now, interval: interval, log: log,
		views:  map[congtin.ViewKey]int64{},
		visits: map[congtin.VisitKey]int64{},
		active: map[int64]map[string]time.Time{},

		pending:      map[int64]int64{},
		downloads:    map[congtin.DownloadKey]int64{},
		storedViews:  map[int64]viewSnap{},
		storedVisits: map[int64]visitSnap{},
		stop:         make(chan struct{}),
		done:         make(chan struct{}),
	}
}

// SetClock replaces the clock, for tests.
func (c *Counter) SetClock(now congtin.NowFunc) { c.now = now }

// Start runs the flush loop in the background until Close.
func (c *Counter) Start() {
	go func() {
		defer close(c.done)
		t := time.NewTicker(c.interval)
		defer t.Stop()
		for {
			select {
			case <-c.stop:
				return
			case <-t.C:
				if err := c.Flush(context.Background()); err != nil {
					c.log.Error("counters: flush failed; will retry", "error", err)
				}
				c.pruneActive()
			}
		}
	}()
}

// Close stops the loop and writes everything pending. Safe to call twice.
func (c *Counter) Close() error {
	var err error
	c.once.Do(func() {
		close(c.stop)
		<-c.done
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		err = c.Flush(ctx)
	})
	return err
}

// CountView adds one view of an article.
func (c *Counter) CountView(siteID, articleID int64) {
	k := congtin.ViewKey{SiteID: siteID, ArticleID: articleID, Day: congtin.Day(c.now())}
	c.mu.Lock()
	c.views[k]++
	c.pending[articleID]++
	c.mu.Unlock()
}

// CountDownload adds one download of a dataset's resource.
func (c *Counter) CountDownload(siteID, datasetID, resourceID int64) {
	k := congtin.DownloadKey{SiteID: siteID, DatasetID: datasetID, ResourceID: resourceID, Day: congtin.Day(c.now())}
	c.mu.Lock()
	c.downloads[k]++
	c.mu.Unlock()
}

// DatasetDownloads returns the exact downloads of each resource of a
// dataset (stored plus pending), by resource ID. The dataset page is
// rendered per request, not cached, so the store is read each time.
func (c *Counter) DatasetDownloads(ctx context.Context, datasetID int64) (map[int64]int64, error) {
	c.flushMu.RLock()
	defer c.flushMu.RUnlock()
	n, err := c.store.ResourceDownloads(ctx, datasetID)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	for k, v := range c.downloads {
		if k.DatasetID == datasetID {
			n[k.ResourceID] += v
		}
	}
	c.mu.Unlock()
	return n, nil
}

// CountVisit adds one visit to the site, made by the visitor with the
// given ID (a fresh ID for a new visit).
func (c *Counter) CountVisit(siteID int64, visitor string) {
	now := c.now()
	k := congtin.VisitKey{SiteID: siteID, Day: congtin.Day(now)}
	c.mu.Lock()
	c.visits[k]++
	c.seeLocked(siteID, visitor, now)
	c.mu.Unlock()
}

// See records that a visitor is still browsing, for the active count.
func (c *Counter) See(siteID int64, visitor string) {
	now := c.now()
	c.mu.Lock()
	c.seeLocked(siteID, visitor, now)
	c.mu.Unlock()
}

func (c *Counter) seeLocked(siteID int64, visitor string, now time.Time) {
	m := c.active[siteID]
	if m == nil {
		m = map[string]time.Time{}
		c.active[siteID] = m
	}
	if _, ok := m[visitor]; !ok {
		if c.nActive >= maxActive {
			return
		}
		c.nActive++
	}
	m[visitor] = now
}

func (c *Counter) pruneActive() {
	now := c.now()
	cutoff := now.Add(-ActiveWindow)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.pruned = now
	// Snapshots of articles nobody has read for a while go, to bound the
	// memory; a stale one of an article still read stays, as it is what
	// the page shows while the store cannot be read (a read that works
	// replaces it anyway).
	for id, s := range c.storedViews {
		if now.Sub(s.shown) >= ActiveWindow {
			delete(c.storedViews, id)
		}
	}
	for _, m := range c.active {
		for id, seen := range m {
			if seen.Before(cutoff) {
				delete(m, id)
				c.nActive--
			}
		}
	}
}

type viewSnap struct {
	n     int64
	at    time.Time // when n was read from the store
	shown time.Time // when it was last asked for: at, or later while the store fails
}

type visitSnap struct {
	total, today int64
	day          string
	at           time.Time
}

// fresh reports whether a snapshot taken at t may still be used.
func (c *Counter) fresh(t, now time.Time) bool {
	return !t.IsZero() && now.Sub(t) < c.interval && !now.Before(t)
}

// ArticleViews returns the exact view count of an article: stored plus
// pending.
func (c *Counter) ArticleViews(ctx context.Context, siteID, articleID int64) (int64, error) {
	now := c.now()
	c.flushMu.RLock()
	defer c.flushMu.RUnlock()
	c.mu.Lock()
	snap, ok := c.storedViews[articleID]
	c.mu.Unlock()
	if !ok || !c.fresh(snap.at, now) {
		n, err := c.store.ArticleViews(ctx, articleID)
		if err != nil && !ok {
			return 0, err
		}
		// With the database away, the last snapshot (with our own counts
		// still added) is better than an error page.
		if err == nil {
			snap = viewSnap{n: n, at: now}
		}
		snap.shown = now
		c.mu.Lock()
		c.storedViews[articleID] = snap
		c.mu.Unlock()
	}
	c.mu.Lock()
	n := snap.n + c.pending[articleID]
	c.mu.Unlock()
	return n, nil
}

// VisitStats returns what the visit counter box shows for a site.
func (c *Counter) VisitStats(ctx context.Context, site *congtin.Site) (congtin.VisitStats, error) {
	now := c.now()
	day := congtin.Day(now)
	if now.Sub(c.prunedAt()) >= time.Second || now.Before(c.prunedAt()) {
		c.pruneActive()
	}
	c.flushMu.RLock()
	defer c.flushMu.RUnlock()
	c.mu.Lock()
	snap, ok := c.storedVisits[site.ID]
	c.mu.Unlock()
	if !ok || snap.day != day || !c.fresh(snap.at, now) {
		total, today, err := c.store.Visits(ctx, site.ID, day)
		if err != nil && (!ok || snap.day != day) {
			return congtin.VisitStats{}, err
		}
		if err == nil {
			snap = visitSnap{total: total, today: today, day: day, at: now}
		}
		c.mu.Lock()
		c.storedVisits[site.ID] = snap
		c.mu.Unlock()
	}
	st := congtin.VisitStats{Total: snap.total + site.CounterOffset, Today: snap.today}
	c.mu.Lock()
	// Pending visits: one key per site and day, a handful at most.
	for k, v := range c.visits {
		if k.SiteID == site.ID {
			st.Total += v
			if k.Day == day {
				st.Today += v
			}
		}
	}
	// Pruned at most a second ago: exact to within that second, without
	// walking every visitor on every page.
	st.Active = int64(len(c.active[site.ID]))
	c.mu.Unlock()
	return st, nil
}

func (c *Counter) prunedAt() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.pruned
}

// Flush writes everything pending in one transaction. On failure the batch
// is put back, to be retried by the next flush: nothing counted is lost
// while the process lives.
func (c *Counter) Flush(ctx context.Context) error {
	c.flushMu.Lock()
	defer c.flushMu.Unlock()
	c.mu.Lock()
	b := &congtin.CounterBatch{Views: c.views, Visits: c.visits, Downloads: c.downloads}
	c.views, c.visits, c.pending = map[congtin.ViewKey]int64{}, map[congtin.VisitKey]int64{}, map[int64]int64{}
	c.downloads = map[congtin.DownloadKey]int64{}
	c.mu.Unlock()
	if b.Empty() {
		return nil
	}
	start := time.Now()
	err := c.store.AddCounts(ctx, b)
	if c.OnFlush != nil {
		var events int64
		for _, v := range b.Views {
			events += v
		}
		for _, v := range b.Visits {
			events += v
		}
		for _, v := range b.Downloads {
			events += v
		}
		c.OnFlush(events, time.Since(start), err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if err != nil {
		for k, v := range b.Views {
			c.views[k] += v
			c.pending[k.ArticleID] += v
		}
		for k, v := range b.Visits {
			c.visits[k] += v
		}
		for k, v := range b.Downloads {
			c.downloads[k] += v
		}
		return err
	}
	// What was pending is now stored: move it into the snapshots.
	for k, v := range b.Views {
		if s, ok := c.storedViews[k.ArticleID]; ok {
			s.n += v
			c.storedViews[k.ArticleID] = s
		}
	}
	for k, v := range b.Visits {
		if s, ok := c.storedVisits[k.SiteID]; ok {
			s.total += v
			if k.Day == s.day {
				s.today += v
			}
			c.storedVisits[k.SiteID] = s
		}
	}
	return nil
}
