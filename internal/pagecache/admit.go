package pagecache

import (
	"hash/maphash"
	"sync"
)

// A deep archive is read as a long tail: crawlers and old links ask for
// thousands of pages once each. Stored on a full cache, every one of them
// would evict a page that is asked for again (the home page, today's
// news). So once the cache is full, a page is admitted only when it was
// missed before, recently: a doorkeeper counts the misses of the last few
// tens of thousands of keys, by hash, in two generations (the older one
// dropped when the newer fills), a few hundred kilobytes at most.
type doorkeeper struct {
	mu        sync.Mutex
	seed      maphash.Seed
	cur, prev map[uint64]uint8
	limit     int
}

// doorkeeperKeys is how many keys a generation remembers.
const doorkeeperKeys = 32 << 10

func newDoorkeeper(limit int) *doorkeeper {
	return &doorkeeper{seed: maphash.MakeSeed(), cur: map[uint64]uint8{}, prev: map[uint64]uint8{}, limit: limit}
}

// miss counts a miss of key.
func (d *doorkeeper) miss(key string) {
	h := maphash.String(d.seed, key)
	d.mu.Lock()
	defer d.mu.Unlock()
	if n := d.cur[h]; n < 255 {
		d.cur[h] = n + 1
	}
	if len(d.cur) >= d.limit {
		d.prev, d.cur = d.cur, make(map[uint64]uint8, d.limit)
	}
}

// again reports whether key has been missed more than once lately: the
// miss that built the page is one.
func (d *doorkeeper) again(key string) bool {
	h := maphash.String(d.seed, key)
	d.mu.Lock()
	defer d.mu.Unlock()
	return int(d.cur[h])+int(d.prev[h]) >= 2
}
