package metrics

import (
	"fmt"
	"io"
	"math"
	"sync/atomic"
)

// Histogram counts observations into fixed buckets, lock-free.
type Histogram struct {
	bounds []float64
	counts []atomic.Int64 // one per bound, plus +Inf; not cumulative
	sum    atomic.Uint64  // float64 bits
}

// NewHistogram returns a histogram with the given ascending upper bounds.
func NewHistogram(bounds []float64) *Histogram {
	return &Histogram{bounds: bounds, counts: make([]atomic.Int64, len(bounds)+1)}
}

// Observe adds one value.
func (h *Histogram) Observe(v float64) {
	i := 0
	for i < len(h.bounds) && v > h.bounds[i] {
		i++
	}
	h.counts[i].Add(1)
	for {
		old := h.sum.Load()
		if h.sum.CompareAndSwap(old, math.Float64bits(math.Float64frombits(old)+v)) {
			return
		}
	}
}

// WriteSeries writes the histogram's series (cumulative buckets, sum and
// count) for a package that keeps its own numbers and writes them into
// /metrics through Registry.Writer, after one Header for the family.
// labels, when not empty, go on every series (`op="put"`).
func (h *Histogram) WriteSeries(w io.Writer, name, labels string) {
	h.write(w, name, labels)
}

// write writes the histogram's series: cumulative buckets, sum and count.
// labels, when not empty, are put before le.
func (h *Histogram) write(w io.Writer, name, labels string) {
	sep := ""
	if labels != "" {
		sep = ","
	}
	var cum int64
	for i, b := range h.bounds {
		cum += h.counts[i].Load()
		fmt.Fprintf(w, "%s_bucket{%s%sle=%q} %d\n", name, labels, sep, formatFloat(b), cum)
	}
	cum += h.counts[len(h.bounds)].Load()
	fmt.Fprintf(w, "%s_bucket{%s%sle=\"+Inf\"} %d\n", name, labels, sep, cum)
	braces := ""
	if labels != "" {
		braces = "{" + labels + "}"
	}
	fmt.Fprintf(w, "%s_sum%s %s\n", name, braces, formatFloat(math.Float64frombits(h.sum.Load())))
	// The count is the +Inf bucket's, read once, so the two always agree
	// even while requests are being observed.
	fmt.Fprintf(w, "%s_count%s %d\n", name, braces, cum)
}
