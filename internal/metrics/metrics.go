// Package metrics keeps the numbers /metrics shows to Prometheus: requests
// by route and status with their latencies, counter batches, and whatever
// gauges the rest of the program registers (page cache, database pools,
// the Go runtime).
//
// It writes the Prometheus text format itself: the format is a few lines
// of text, and the client library would bring a dependency tree and its
// own registry for the handful of series a portal has. Recording is
// lock-free after a series' first use, so it costs little on the hot path
// of a cached page.
package metrics

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// LatencyBuckets are the upper bounds, in seconds, of the request latency
// histogram: from a cached page (well under a millisecond) to a slow
// search or export.
var LatencyBuckets = []float64{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// BatchBuckets are the upper bounds of the counter batch size histogram,
// in counted events per flush.
var BatchBuckets = []float64{1, 10, 100, 1000, 10_000, 100_000, 1_000_000}

// Registry holds the series. The zero value is not usable; call New.
type Registry struct {
	requests sync.Map // reqKey → *atomic.Int64
	latency  sync.Map // route → *Histogram

	batchEvents   *Histogram
	batchDuration *Histogram
	batchFailures atomic.Int64

	mu      sync.Mutex
	gauges  []gauge
	writers []func(io.Writer)
}

type reqKey struct {
	route  string
	method string
	status int
}

// gauge is a value read when /metrics is scraped.
type gauge struct {
	name, help, typ string
	read            func() []Sample
}

// Sample is one value of a gauge, with its labels as name, value pairs.
type Sample struct {
	Labels []string
	Value  float64
}

// New returns an empty registry.
func New() *Registry {
	return &Registry{
		batchEvents:   NewHistogram(BatchBuckets),
		batchDuration: NewHistogram(LatencyBuckets),
	}
}

// ObserveRequest counts a request answered by route (the pattern that
// served it, or a name such as "article") with status, taking d.
func (r *Registry) ObserveRequest(route, method string, status int, d time.Duration) {
	k := reqKey{route, method, status}
	c, ok := r.requests.Load(k)
	if !ok {
		c, _ = r.requests.LoadOrStore(k, new(atomic.Int64))
	}
	c.(*atomic.Int64).Add(1)
	h, ok := r.latency.Load(route)
	if !ok {
		h, _ = r.latency.LoadOrStore(route, NewHistogram(LatencyBuckets))
	}
	h.(*Histogram).Observe(d.Seconds())
}

// ObserveBatch records a counter flush of events (views and visits) that
// took d; err says whether it was written.
func (r *Registry) ObserveBatch(events int64, d time.Duration, err error) {
	if err != nil {
		r.batchFailures.Add(1)
		return
	}
	r.batchEvents.Observe(float64(events))
	r.batchDuration.Observe(d.Seconds())
}

// Gauge registers a value read at each scrape. typ is "gauge" or
// "counter" (for totals kept elsewhere, like the page cache's hits).
func (r *Registry) Gauge(name, typ, help string, read func() []Sample) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.gauges = append(r.gauges, gauge{name: name, help: help, typ: typ, read: read})
}

// Writer registers a function that writes series of its own (a histogram
// with labels, which a gauge cannot express) at each scrape, after the
// gauges.
func (r *Registry) Writer(write func(io.Writer)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.writers = append(r.writers, write)
}

// WriteTo writes every series in the Prometheus text format, version 0.0.4.
func (r *Registry) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: bufio.NewWriter(w)}

	type reqRow struct {
		k reqKey
		n int64
	}
	var rows []reqRow
	r.requests.Range(func(k, v any) bool {
		rows = append(rows, reqRow{k.(reqKey), v.(*atomic.Int64).Load()})
		return true
	})
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i].k, rows[j].k
		if a.route != b.route {
			return a.route < b.route
		}
		if a.method != b.method {
			return a.method < b.method
		}
		return a.status < b.status
	})
	header(cw, "congtin_http_requests_total", "counter", "HTTP requests answered, by route, method and status.")
	for _, row := range rows {
		fmt.Fprintf(cw, "congtin_http_requests_total{route=%s,method=%s,status=\"%d\"} %d\n",
			quote(row.k.route), quote(row.k.method), row.k.status, row.n)
	}

	var routes []string
	r.latency.Range(func(k, _ any) bool { routes = append(routes, k.(string)); return true })
	sort.Strings(routes)
	header(cw, "congtin_http_request_duration_seconds", "histogram", "Time to answer an HTTP request, by route.")
	for _, route := range routes {
		h, _ := r.latency.Load(route)
		h.(*Histogram).write(cw, "congtin_http_request_duration_seconds", "route="+quote(route))
	}

	header(cw, "congtin_counter_batch_events", "histogram", "Views and visits written per counter flush.")
	r.batchEvents.write(cw, "congtin_counter_batch_events", "")
	header(cw, "congtin_counter_batch_duration_seconds", "histogram", "Time to write a counter batch.")
	r.batchDuration.write(cw, "congtin_counter_batch_duration_seconds", "")
	header(cw, "congtin_counter_batch_failures_total", "counter", "Counter flushes that failed and were kept for the next one.")
	fmt.Fprintf(cw, "congtin_counter_batch_failures_total %d\n", r.batchFailures.Load())

	r.mu.Lock()
	gauges := append([]gauge(nil), r.gauges...)
	writers := append([](func(io.Writer))(nil), r.writers...)
	r.mu.Unlock()
	for _, g := range gauges {
		header(cw, g.name, g.typ, g.help)
		for _, s := range g.read() {
			cw.WriteString(g.name)
			if len(s.Labels) > 0 {
				cw.WriteString("{")
				for i := 0; i+1 < len(s.Labels); i += 2 {
					if i > 0 {
						cw.WriteString(",")
					}
					cw.WriteString(s.Labels[i] + "=" + quote(s.Labels[i+1]))
				}
				cw.WriteString("}")
			}
			cw.WriteString(" " + formatFloat(s.Value) + "\n")
		}
	}
	for _, write := range writers {
		write(cw)
	}
	if err := cw.w.Flush(); err != nil && cw.err == nil {
		cw.err = err
	}
	return cw.n, cw.err
}

// Header writes the HELP and TYPE lines of a family of series, for a
// function registered with Writer.
func Header(w io.Writer, name, typ, help string) { header(w, name, typ, help) }

func header(w io.Writer, name, typ, help string) {
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, typ)
}

// quote writes a label value as the text format wants it: in double
// quotes, with backslash, quote and newline escaped.
func quote(s string) string {
	if !strings.ContainsAny(s, "\\\"\n") {
		return `"` + s + `"`
	}
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

func formatFloat(v float64) string {
	switch {
	case math.IsInf(v, +1):
		return "+Inf"
	case math.IsInf(v, -1):
		return "-Inf"
	case math.IsNaN(v):
		return "NaN"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

type countWriter struct {
	w   *bufio.Writer
	n   int64
	err error
}

func (c *countWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.err = err
	return n, err
}

func (c *countWriter) WriteString(s string) { c.Write([]byte(s)) }
