// Package counters counts article views and site visits in memory and
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
	store    congtin.CounterService
	now      congtin.NowFunc
	interval time.Duration
	log      *slog.Logger

	// flushMu is held for writing while a batch is written, and for reading
	// while a stored count and the pending count are read together, so a
	// reader never sees a batch both stored and pending, or neither.
	flushMu sync.RWMutex

	mu      sync.Mutex
	views   map[congtin.ViewKey]int64
	visits  map[congtin.VisitKey]int64
	active  map[int64]map[string]time.Time // site → visitor → last seen
	nActive int

	stop chan struct{}
	done chan struct{}
	once sync.Once
}

// New returns a counter that writes to store every interval once Start is
// called.
func New(store congtin.CounterService, interval time.Duration, log *slog.Logger) *Counter {
	return &Counter{
		store: store, now: time.Now, interval: interval, log: log,
		views:  map[congtin.ViewKey]int64{},
		visits: map[congtin.VisitKey]int64{},
		active: map[int64]map[string]time.Time{},
		stop:   make(chan struct{}),
		done:   make(chan struct{}),
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
	c.mu.Unlock()
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
	cutoff := c.now().Add(-ActiveWindow)
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, m := range c.active {
		for id, seen := range m {
			if seen.Before(cutoff) {
				delete(m, id)
				c.nActive--
			}
		}
	}
}

// ArticleViews returns the exact view count of an article: stored plus
// pending.
func (c *Counter) ArticleViews(ctx context.Context, siteID, articleID int64) (int64, error) {
	c.flushMu.RLock()
	defer c.flushMu.RUnlock()
	n, err := c.store.ArticleViews(ctx, articleID)
	if err != nil {
		return 0, err
	}
	c.mu.Lock()
	for k, v := range c.views {
		if k.ArticleID == articleID && k.SiteID == siteID {
			n += v
		}
	}
	c.mu.Unlock()
	return n, nil
}

// VisitStats returns what the visit counter box shows for a site.
func (c *Counter) VisitStats(ctx context.Context, site *congtin.Site) (congtin.VisitStats, error) {
	now := c.now()
	day := congtin.Day(now)
	c.flushMu.RLock()
	defer c.flushMu.RUnlock()
	total, today, err := c.store.Visits(ctx, site.ID, day)
	if err != nil {
		return congtin.VisitStats{}, err
	}
	st := congtin.VisitStats{Total: total + site.CounterOffset, Today: today}
	cutoff := now.Add(-ActiveWindow)
	c.mu.Lock()
	for k, v := range c.visits {
		if k.SiteID == site.ID {
			st.Total += v
			if k.Day == day {
				st.Today += v
			}
		}
	}
	for _, seen := range c.active[site.ID] {
		if !seen.Before(cutoff) {
			st.Active++
		}
	}
	c.mu.Unlock()
	return st, nil
}

// Flush writes everything pending in one transaction. On failure the batch
// is put back, to be retried by the next flush: nothing counted is lost
// while the process lives.
func (c *Counter) Flush(ctx context.Context) error {
	c.flushMu.Lock()
	defer c.flushMu.Unlock()
	c.mu.Lock()
	b := &congtin.CounterBatch{Views: c.views, Visits: c.visits}
	c.views, c.visits = map[congtin.ViewKey]int64{}, map[congtin.VisitKey]int64{}
	c.mu.Unlock()
	if b.Empty() {
		return nil
	}
	if err := c.store.AddCounts(ctx, b); err != nil {
		c.mu.Lock()
		for k, v := range b.Views {
			c.views[k] += v
		}
		for k, v := range b.Visits {
			c.visits[k] += v
		}
		c.mu.Unlock()
		return err
	}
	return nil
}
