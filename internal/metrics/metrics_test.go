package metrics

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

func TestWriteParsesBack(t *testing.T) {
	r := New()
	var wg sync.WaitGroup
	for i := range 100 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.ObserveRequest("GET /tim-kiem", "GET", 200, time.Duration(i)*time.Millisecond)
		}()
	}
	wg.Wait()
	r.ObserveRequest(`odd "route"\`+"\n", "POST", 403, 3*time.Second)
	r.ObserveBatch(120, 2*time.Millisecond, nil)
	r.ObserveBatch(5, time.Millisecond, errors.New("locked"))
	r.Gauge("x_items", "gauge", "Items.", func() []Sample {
		return []Sample{{Labels: []string{"pool", `a"b`}, Value: 2.5}}
	})
	var b strings.Builder
	if _, err := r.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := parser.TextToMetricFamilies(strings.NewReader(b.String()))
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	h := fams["congtin_http_request_duration_seconds"]
	var found bool
	for _, m := range h.Metric {
		if m.Label[0].GetValue() != "GET /tim-kiem" {
			continue
		}
		found = true
		hist := m.Histogram
		if hist.GetSampleCount() != 100 {
			t.Errorf("count %d", hist.GetSampleCount())
		}
		// 0..99 ms: 11 at or under 10 ms, 26 at or under 25 ms, 51 under 50.
		want := map[float64]uint64{0.01: 11, 0.025: 26, 0.05: 51, 0.1: 100}
		for _, bk := range hist.Bucket {
			if w, ok := want[bk.GetUpperBound()]; ok && bk.GetCumulativeCount() != w {
				t.Errorf("le=%v: %d, want %d", bk.GetUpperBound(), bk.GetCumulativeCount(), w)
			}
		}
		if s := hist.GetSampleSum(); s < 4.949 || s > 4.951 {
			t.Errorf("sum %v, want 4.95", s)
		}
	}
	if !found {
		t.Fatal("no series for GET /tim-kiem")
	}
	var odd bool
	for _, m := range fams["congtin_http_requests_total"].Metric {
		if m.Label[0].GetValue() == `odd "route"\`+"\n" {
			odd = true
		}
	}
	if !odd {
		t.Error("a route with quotes, backslash and newline did not survive")
	}
	if got := fams["congtin_counter_batch_failures_total"].Metric[0].Counter.GetValue(); got != 1 {
		t.Errorf("failures %v", got)
	}
	if got := fams["congtin_counter_batch_events"].Metric[0].Histogram.GetSampleSum(); got != 120 {
		t.Errorf("batch events %v", got)
	}
	if got := fams["x_items"].Metric[0].Gauge.GetValue(); got != 2.5 {
		t.Errorf("gauge %v", got)
	}
}
