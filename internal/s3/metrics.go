package s3

import (
	"fmt"
	"io"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/metrics"
)

// The operations counted.
const (
	opPut = iota
	opOpen
	opStat
	opDelete
	opList
	opPing
	nOps
)

var opNames = [nOps]string{"put", "open", "stat", "delete", "list", "ping"}

// stats are the bucket's numbers for /metrics.
type stats struct {
	ok, failed [nOps]atomic.Int64
	latency    [nOps]*metrics.Histogram
	received   atomic.Int64 // response body bytes read
}

func newStats() *stats {
	s := &stats{}
	for i := range s.latency {
		s.latency[i] = metrics.NewHistogram(metrics.LatencyBuckets)
	}
	return s
}

// observe counts op, started at start, with the outcome *err. A missing
// object is an answer, not a failure of the store: it counts as ok.
func (s *stats) observe(op int, start time.Time, err *error) {
	s.latency[op].Observe(time.Since(start).Seconds())
	if *err != nil && congtin.ErrorCode(*err) != congtin.ENOTFOUND {
		s.failed[op].Add(1)
	} else {
		s.ok[op].Add(1)
	}
}

// WriteMetrics writes the bucket's series in the Prometheus text format:
// requests by operation and outcome, their latency by operation, and the
// bytes read from the store. A program registers it with
// (*metrics.Registry).Writer.
func (b *Bucket) WriteMetrics(w io.Writer) {
	s := b.metrics
	metrics.Header(w, "congtin_object_store_requests_total", "counter",
		"Object store operations by outcome (a missing object counts as ok).")
	for op, name := range opNames {
		fmt.Fprintf(w, "congtin_object_store_requests_total{op=%q,outcome=\"ok\"} %d\n", name, s.ok[op].Load())
		fmt.Fprintf(w, "congtin_object_store_requests_total{op=%q,outcome=\"error\"} %d\n", name, s.failed[op].Load())
	}
	metrics.Header(w, "congtin_object_store_request_seconds", "histogram",
		"Time an object store operation took (for open, until the object's size was known).")
	for op, name := range opNames {
		s.latency[op].WriteSeries(w, "congtin_object_store_request_seconds", fmt.Sprintf("op=%q", name))
	}
	metrics.Header(w, "congtin_object_store_received_bytes_total", "counter",
		"Response bytes read from the object store (objects and listings).")
	fmt.Fprintf(w, "congtin_object_store_received_bytes_total %d\n", s.received.Load())
}

// ReceivedBytes returns how many response bytes were read from the store.
func (b *Bucket) ReceivedBytes() int64 { return b.metrics.received.Load() }

// countingTransport counts the response bytes read, so that /metrics
// shows what ranged reads save.
type countingTransport struct {
	next  http.RoundTripper
	stats *stats
}

func (t *countingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(req)
	if resp != nil && resp.Body != nil {
		resp.Body = &countingBody{ReadCloser: resp.Body, n: &t.stats.received}
	}
	return resp, err
}

type countingBody struct {
	io.ReadCloser
	n *atomic.Int64
}

func (c *countingBody) Read(p []byte) (int, error) {
	n, err := c.ReadCloser.Read(p)
	c.n.Add(int64(n))
	return n, err
}
