// Package pagecache keeps rendered public pages in memory, with their
// gzip form, and drops them by tag when a change makes them stale. Pages
// have holes for live values (see render.Doc), filled per response, so
// cached pages still show exact counters.
package pagecache

import (
	"bytes"
	"hash/crc32"
	"hash/fnv"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/congtin/congtin/internal/render"
)

// Entry is one cached page.
type Entry struct {
	Doc       *render.Doc
	ArticleID int64     // the article whose view count the page shows, if any
	Modified  time.Time // for Last-Modified
	Expires   time.Time // when it must be built again, if set
	Status    int

	gz   [][]byte // per part: compressed static part, nil for a live part
	hash uint64   // of the static parts, for the ETag
	size int      // bytes held
	tags []string
	key  string
}

// NewEntry prepares a rendered page for caching: its compressed parts and
// the hash its ETags are built on.
func NewEntry(d *render.Doc, articleID int64, modified time.Time, tags []string) *Entry {
	e := &Entry{Doc: d, ArticleID: articleID, Modified: modified, Status: 200, tags: tags}
	h := fnv.New64a()
	for _, p := range d.Parts {
		if p.Live != "" {
			e.gz = append(e.gz, nil)
			h.Write([]byte{0, 0})
			h.Write([]byte(p.Live))
			continue
		}
		z := deflatePart(p.Static)
		e.gz = append(e.gz, z)
		h.Write(p.Static)
		e.size += len(p.Static) + len(z)
	}
	e.hash = h.Sum64()
	return e
}

// ETag returns the entity tag for the page with these live values: weak,
// because equal tags promise equal content, not equal bytes (gzip or not).
func (e *Entry) ETag(live render.Live) string {
	b := make([]byte, 0, 64)
	b = append(b, `W/"`...)
	b = strconv.AppendUint(b, e.hash, 36)
	for _, n := range []int64{live.Counter.Total, live.Counter.Today, live.Counter.Active, live.Views} {
		b = append(b, '-')
		b = strconv.AppendInt(b, n, 36)
	}
	return string(append(b, '"'))
}

// Write writes the page, filled with live values, plain or gzipped.
func (e *Entry) Write(buf *bytes.Buffer, eng *render.Engine, live render.Live, gzipped bool) error {
	if !gzipped {
		return eng.Fill(buf, e.Doc, live)
	}
	var frag bytes.Buffer
	out := append(buf.AvailableBuffer(), gzipHeader...)
	var crc uint32
	size := 0
	for i, p := range e.Doc.Parts {
		if p.Live == "" {
			out = append(out, e.gz[i]...)
			// The standard library cannot combine CRCs, so the static part
			// is hashed again: hardware CRC makes that a few microseconds.
			crc = crc32.Update(crc, crcTable, p.Static)
			size += len(p.Static)
			continue
		}
		frag.Reset()
		if err := eng.WriteLive(&frag, p.Live, live); err != nil {
			return err
		}
		out = appendStored(out, frag.Bytes())
		crc = crc32.Update(crc, crcTable, frag.Bytes())
		size += frag.Len()
	}
	out = appendTrailer(out, crc, size)
	buf.Write(out)
	return nil
}

// Cache holds entries up to a byte budget.
type Cache struct {
	max int

	mu      sync.RWMutex
	entries map[string]*Entry
	byTag   map[string]map[string]struct{}
	size    int

	hits, misses atomic.Int64
	epoch        atomic.Uint64 // purges so far
	now          func() time.Time
}

// New returns a cache holding up to maxBytes of pages.
func New(maxBytes int) *Cache {
	return &Cache{max: maxBytes, entries: map[string]*Entry{}, byTag: map[string]map[string]struct{}{}, now: time.Now}
}

// Get returns the entry for key, or nil.
func (c *Cache) Get(key string) *Entry {
	c.mu.RLock()
	e := c.entries[key]
	c.mu.RUnlock()
	if e != nil && !e.Expires.IsZero() && !c.now().Before(e.Expires) {
		e = nil
	}
	if e == nil {
		c.misses.Add(1)
	} else {
		c.hits.Add(1)
	}
	return e
}

// Stats returns the hits and misses so far.
func (c *Cache) Stats() (hits, misses int64) { return c.hits.Load(), c.misses.Load() }

// Len returns the number of entries.
func (c *Cache) Len() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.entries)
}

// Epoch returns the number of purges so far. A page built from data read
// after Epoch returned n may be stored with PutIf(…, n).
func (c *Cache) Epoch() uint64 { return c.epoch.Load() }

// Put stores an entry under key, replacing any before it.
func (c *Cache) Put(key string, e *Entry) { c.PutIf(key, e, c.Epoch()) }

// PutIf stores an entry unless a purge happened since epoch: the page may
// then hold data the purge was for. A page larger than a tenth of the
// budget is not kept.
func (c *Cache) PutIf(key string, e *Entry, epoch uint64) {
	if e.size > c.max/10 {
		return
	}
	e.key = key
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.epoch.Load() != epoch {
		return
	}
	c.removeLocked(key)
	// Over budget: drop entries in map order, which Go randomizes, so
	// eviction is random; cheap, and fair enough for pages.
	for k := range c.entries {
		if c.size+e.size <= c.max {
			break
		}
		c.removeLocked(k)
	}
	c.entries[key] = e
	c.size += e.size
	for _, t := range e.tags {
		m := c.byTag[t]
		if m == nil {
			m = map[string]struct{}{}
			c.byTag[t] = m
		}
		m[key] = struct{}{}
	}
}

func (c *Cache) removeLocked(key string) {
	e := c.entries[key]
	if e == nil {
		return
	}
	delete(c.entries, key)
	c.size -= e.size
	for _, t := range e.tags {
		if m := c.byTag[t]; m != nil {
			delete(m, key)
			if len(m) == 0 {
				delete(c.byTag, t)
			}
		}
	}
}

// Purge drops every entry carrying any of the tags, and returns how many.
func (c *Cache) Purge(tags ...string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.epoch.Add(1)
	n := 0
	for _, t := range tags {
		for k := range c.byTag[t] {
			c.removeLocked(k)
			n++
		}
	}
	return n
}

// Clear drops everything.
func (c *Cache) Clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.epoch.Add(1)
	c.entries = map[string]*Entry{}
	c.byTag = map[string]map[string]struct{}{}
	c.size = 0
}
