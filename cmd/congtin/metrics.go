package main

import (
	"database/sql"
	"runtime"
	"sort"

	"github.com/congtin/congtin/internal/counters"
	"github.com/congtin/congtin/internal/metrics"
	"github.com/congtin/congtin/internal/pagecache"
)

// poolStater is a store that reports its connection pools (both do).
type poolStater interface {
	PoolStats() map[string]sql.DBStats
}

// newMetrics makes the registry /metrics serves and hooks the counters,
// the page cache (when on) and the store's pools into it.
func newMetrics(store any, counter *counters.Counter, cache func() *pagecache.Cache) *metrics.Registry {
	reg := metrics.New()
	counter.OnFlush = reg.ObserveBatch

	cacheGauge := func(read func(*pagecache.Cache) float64) func() []metrics.Sample {
		return func() []metrics.Sample {
			c := cache()
			if c == nil {
				return nil
			}
			return []metrics.Sample{{Value: read(c)}}
		}
	}
	reg.Gauge("congtin_page_cache_hits_total", "counter", "Pages answered from the page cache.",
		cacheGauge(func(c *pagecache.Cache) float64 { h, _ := c.Stats(); return float64(h) }))
	reg.Gauge("congtin_page_cache_misses_total", "counter", "Cacheable pages that had to be built.",
		cacheGauge(func(c *pagecache.Cache) float64 { _, m := c.Stats(); return float64(m) }))
	reg.Gauge("congtin_page_cache_hit_ratio", "gauge", "Share of cacheable pages answered from the page cache since start (0 before any).",
		cacheGauge(func(c *pagecache.Cache) float64 {
			h, m := c.Stats()
			if h+m == 0 {
				return 0
			}
			return float64(h) / float64(h+m)
		}))
	reg.Gauge("congtin_page_cache_refused_total", "counter", "Pages built but not kept: the cache was full and the page had not been asked for before lately.",
		cacheGauge(func(c *pagecache.Cache) float64 { return float64(c.Refused()) }))
	reg.Gauge("congtin_page_cache_entries", "gauge", "Pages held in the page cache.",
		cacheGauge(func(c *pagecache.Cache) float64 { return float64(c.Len()) }))
	reg.Gauge("congtin_page_cache_bytes", "gauge", "Bytes held in the page cache.",
		cacheGauge(func(c *pagecache.Cache) float64 { return float64(c.Size()) }))

	if ps, ok := store.(poolStater); ok {
		pool := func(read func(sql.DBStats) float64) func() []metrics.Sample {
			return func() []metrics.Sample {
				stats := ps.PoolStats()
				names := make([]string, 0, len(stats))
				for n := range stats {
					names = append(names, n)
				}
				sort.Strings(names)
				out := make([]metrics.Sample, 0, len(names))
				for _, n := range names {
					out = append(out, metrics.Sample{Labels: []string{"pool", n}, Value: read(stats[n])})
				}
				return out
			}
		}
		reg.Gauge("congtin_db_open_connections", "gauge", "Open database connections.",
			pool(func(s sql.DBStats) float64 { return float64(s.OpenConnections) }))
		reg.Gauge("congtin_db_in_use_connections", "gauge", "Database connections in use.",
			pool(func(s sql.DBStats) float64 { return float64(s.InUse) }))
		reg.Gauge("congtin_db_idle_connections", "gauge", "Idle database connections.",
			pool(func(s sql.DBStats) float64 { return float64(s.Idle) }))
		reg.Gauge("congtin_db_max_open_connections", "gauge", "The pool's limit on open connections.",
			pool(func(s sql.DBStats) float64 { return float64(s.MaxOpenConnections) }))
		reg.Gauge("congtin_db_wait_count_total", "counter", "Times a query waited for a free connection.",
			pool(func(s sql.DBStats) float64 { return float64(s.WaitCount) }))
		reg.Gauge("congtin_db_wait_seconds_total", "counter", "Time spent waiting for a free connection.",
			pool(func(s sql.DBStats) float64 { return s.WaitDuration.Seconds() }))
	}

	reg.Gauge("go_goroutines", "gauge", "Goroutines that currently exist.", func() []metrics.Sample {
		return []metrics.Sample{{Value: float64(runtime.NumGoroutine())}}
	})
	reg.Gauge("go_memstats_heap_inuse_bytes", "gauge", "Heap bytes in use.", func() []metrics.Sample {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return []metrics.Sample{{Value: float64(m.HeapInuse)}}
	})
	return reg
}
