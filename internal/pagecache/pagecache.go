// Package pagecache keeps rendered public pages in memory, with their
// gzip form, and drops them by tag when a change makes them stale. Pages
// have holes for live values (see render.Doc), filled per response, so
// cached pages still show exact counters.
package pagecache

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/congtin/congtin/internal/render"
)

// Entry is one cached page. Only the compressed form of its static parts
// is kept, with what it takes to splice live values in and to check the
// whole (see gzip.go and crc.go): a quarter of the memory of the page.
type Entry struct {
	ArticleID int64     // the article whose view count the page shows, if any
	Modified  time.Time // for Last-Modified
	Expires   time.Time // when it must be built again, if set
	Status    int

	parts []part
	hash  uint64 // of the static parts, for the ETag
	size  int    // bytes held
	tags  []string
	key   string
}

// part is a static part, compressed, or the name of a live value.
type part struct {
	live string
	gz   []byte // byte-aligned, non-final DEFLATE blocks
	crc  uint32 // of the uncompressed part
	n    int    // its length
	op   uint32 // crcShiftOp(n)
}

// NewEntry prepares a rendered page for caching: its compressed parts and
// the hash its ETags are built on.
func NewEntry(d *render.Doc, articleID int64, modified time.Time, tags []string) *Entry {
	e := &Entry{ArticleID: articleID, Modified: modified, Status: 200, tags: tags}
	h := fnv.New64a()
	for _, p := range d.Parts {
		if p.Live != "" {
			e.parts = append(e.parts, part{live: p.Live})
			h.Write([]byte{0, 0})
			h.Write([]byte(p.Live))
			continue
		}
		z := deflatePart(p.Static)
		e.parts = append(e.parts, part{gz: z, crc: crc32.Checksum(p.Static, crcTable), n: len(p.Static), op: crcShiftOp(len(p.Static))})
		h.Write(p.Static)
		e.size += len(z) + 64
	}
	e.hash = h.Sum64()
	return e
}

// Has reports whether the page has a hole for the named live value.
func (e *Entry) Has(name string) bool {
	for _, p := range e.parts {
		if p.live == name {
			return true
		}
	}
	return false
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
	if live.Poll != nil {
		// The home page's poll box: its counts move, and it differs for a
		// browser that has voted.
		h := fnv.New64a()
		h.Write(live.Poll)
		b = append(b, '-')
		b = strconv.AppendUint(b, h.Sum64(), 36)
	}
	return string(append(b, '"'))
}

// Write writes the page, filled with live values, gzipped or plain. The
// plain form is inflated from the gzip one: clients that do not take gzip
// are few (scripts, some crawlers), and memory is what a cache spends.
func (e *Entry) Write(buf *bytes.Buffer, live render.Live, gzipped bool) error {
	if !gzipped {
		var z bytes.Buffer
		if err := e.Write(&z, live, true); err != nil {
			return err
		}
		zr, _ := readers.Get().(*gzip.Reader)
		var err error
		if zr == nil {
			zr, err = gzip.NewReader(&z)
		} else {
			err = zr.Reset(&z)
		}
		if err != nil {
			return err
		}
		_, err = buf.ReadFrom(zr)
		readers.Put(zr)
		return err
	}
	out := append(buf.AvailableBuffer(), gzipHeader...)
	var crc uint32
	size := 0
	for _, p := range e.parts {
		if p.live == "" {
			out = append(out, p.gz...)
			crc = crcCombine(crc, p.crc, p.op)
			size += p.n
			continue
		}
		var fragBuf [1024]byte
		frag := fragBuf[:0]
		switch p.live {
		case "counter":
			frag = render.AppendCounter(frag, live.Counter)
		case "views":
			frag = render.AppendViews(frag, live.Views)
		case "poll":
			frag = live.Poll
		default:
			return fmt.Errorf("pagecache: no live value %q", p.live)
		}
		out = appendStored(out, frag)
		crc = crc32.Update(crc, crcTable, frag)
		size += len(frag)
	}
	out = appendTrailer(out, crc, size)
	buf.Write(out)
	return nil
}

// readers reuses inflaters for the plain form.
var readers sync.Pool

// Cache holds entries up to a byte budget.
type Cache struct {
	max int

	mu      sync.RWMutex
	entries map[string]*Entry
	byTag   map[string]map[string]struct{}
	size    int

	hits, misses atomic.Int64
	refused      atomic.Int64  // pages not admitted (admit.go)
	epoch        atomic.Uint64 // purges so far
	now          func() time.Time
	door         *doorkeeper
}

// New returns a cache holding up to maxBytes of pages.
func New(maxBytes int) *Cache {
	return &Cache{max: maxBytes, entries: map[string]*Entry{}, byTag: map[string]map[string]struct{}{}, now: time.Now,
		door: newDoorkeeper(doorkeeperKeys)}
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
		c.door.miss(key)
	} else {
		c.hits.Add(1)
	}
	return e
}

// Stats returns the hits and misses so far.
func (c *Cache) Stats() (hits, misses int64) { return c.hits.Load(), c.misses.Load() }

// Refused returns how many built pages were not kept: the cache was full
// and the page had not been asked for before.
func (c *Cache) Refused() int64 { return c.refused.Load() }

// Size returns the bytes held.
func (c *Cache) Size() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.size
}

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
// budget is not kept, nor, once the cache is full, a page asked for only
// once lately (admit.go).
func (c *Cache) PutIf(key string, e *Entry, epoch uint64) {
	if e.size > c.max/10 {
		return
	}
	e.key = key
	again := c.door.again(key)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.epoch.Load() != epoch {
		return
	}
	if old := c.entries[key]; old == nil && c.size+e.size > c.max && !again {
		c.refused.Add(1)
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
