package main_test

import (
	"bufio"
	"encoding/json"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// TestMetricsAndRequestLog: /metrics, read by Prometheus's own parser,
// counts the requests a real portal answered by route and status, the
// views its counter batches wrote, the page cache's hits and the
// database pools; it is refused to requests through a proxy or without
// the token; and every request gets one JSON log line.
func TestMetricsAndRequestLog(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "c.db")
	file := writeJSON(t, dir, "a.json", articleRecords(3))
	out, errOut, err := runCmd(t, "import", "-db", "sqlite:"+path, file)
	if err != nil {
		t.Fatalf("import: %v\n%s", err, errOut)
	}
	article := strings.Fields(out)[0]
	p := StartPortal(t, "serve", "-db", "sqlite:"+path, "-log-json")

	const views = 7
	for range views {
		if code, _ := p.Get(article, browserUA); code != 200 {
			t.Fatalf("article: %d", code)
		}
	}
	if code, _ := p.Get("/khong-co-chuyen-muc-nay", browserUA); code != 404 {
		t.Fatalf("missing category: %d", code)
	}
	time.Sleep(400 * time.Millisecond) // a few flushes at -flush 100ms

	fams := scrape(t, p.URL+"/metrics", nil, 200)
	if got := sample(t, fams, "congtin_http_requests_total", map[string]string{"route": "article", "method": "GET", "status": "200"}); got != views {
		t.Errorf("article requests = %v, want %d", got, views)
	}
	if got := sample(t, fams, "congtin_http_requests_total", map[string]string{"route": "category", "status": "404"}); got != 1 {
		t.Errorf("404 category requests = %v, want 1", got)
	}
	h := fams["congtin_http_request_duration_seconds"]
	if h == nil {
		t.Fatal("no latency histogram")
	}
	for _, m := range h.Metric {
		if label(m, "route") == "article" && m.Histogram.GetSampleCount() != views {
			t.Errorf("article latency count = %d, want %d", m.Histogram.GetSampleCount(), views)
		}
	}
	// Every view and visit went through counter batches; a reader without
	// a cookie is a new visit each time.
	batch := fams["congtin_counter_batch_events"].Metric[0].Histogram
	if got := batch.GetSampleSum(); got != 2*views {
		t.Errorf("events in counter batches = %v, want %d (views and as many visits)", got, 2*views)
	}
	if got := sample(t, fams, "congtin_page_cache_hits_total", nil); got < views-2 {
		t.Errorf("page cache hits = %v, want at least %d", got, views-2)
	}
	hits := sample(t, fams, "congtin_page_cache_hits_total", nil)
	misses := sample(t, fams, "congtin_page_cache_misses_total", nil)
	if got, want := sample(t, fams, "congtin_page_cache_hit_ratio", nil), hits/(hits+misses); got != want || got < 0.5 {
		t.Errorf("page cache hit ratio = %v, want %v (hits %v, misses %v)", got, want, hits, misses)
	}
	if got := sample(t, fams, "congtin_db_max_open_connections", map[string]string{"pool": "main"}); got < 1 {
		t.Errorf("main pool limit = %v", got)
	}
	sample(t, fams, "congtin_db_open_connections", map[string]string{"pool": "search"})

	// Through a proxy on this machine, every visitor looks local: refused.
	scrape(t, p.URL+"/metrics", map[string]string{"X-Forwarded-For": "203.0.113.9"}, 404)

	// One JSON line per request, with its route, status and time.
	p.Stop(15) // SIGTERM: a graceful stop
	lines := 0
	sc := bufio.NewScanner(strings.NewReader(p.Log()))
	for sc.Scan() {
		var rec map[string]any
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("log line is not JSON: %q", sc.Text())
		}
		if rec["msg"] != "request" {
			continue
		}
		lines++
		for _, k := range []string{"method", "path", "route", "status", "ms", "remote"} {
			if _, ok := rec[k]; !ok {
				t.Errorf("request line without %q: %s", k, sc.Text())
			}
		}
	}
	if want := views + 3; lines != want { // + the 404, two scrapes
		t.Errorf("request lines = %d, want %d\n%s", lines, want, p.Log())
	}
}

// TestMetricsToken: with a token set, /metrics needs it, even from here.
func TestMetricsToken(t *testing.T) {
	dir := t.TempDir()
	p := StartPortal(t, "serve", "-db", "sqlite:"+filepath.Join(dir, "c.db"), "-metrics-token", "s3cret-token")
	scrape(t, p.URL+"/metrics", nil, 404)
	scrape(t, p.URL+"/metrics", map[string]string{"Authorization": "Bearer wrong"}, 404)
	fams := scrape(t, p.URL+"/metrics", map[string]string{"Authorization": "Bearer s3cret-token"}, 200)
	if fams["go_goroutines"] == nil {
		t.Error("no go_goroutines")
	}
	if strings.Contains(p.Log(), "s3cret-token") {
		t.Error("the token was logged")
	}
}

func scrape(t *testing.T, url string, headers map[string]string, want int) map[string]*dto.MetricFamily {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != want {
		t.Fatalf("GET /metrics with %v: %d, want %d", headers, resp.StatusCode, want)
	}
	if want != 200 {
		return nil
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain; version=0.0.4") {
		t.Errorf("Content-Type %q", ct)
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := parser.TextToMetricFamilies(resp.Body)
	if err != nil {
		t.Fatalf("Prometheus cannot parse /metrics: %v", err)
	}
	return fams
}

// sample returns the value of the one series of name whose labels include
// want, failing when there is not exactly one.
func sample(t *testing.T, fams map[string]*dto.MetricFamily, name string, want map[string]string) float64 {
	t.Helper()
	f := fams[name]
	if f == nil {
		t.Fatalf("no %s", name)
	}
	var found []float64
	for _, m := range f.Metric {
		ok := true
		for k, v := range want {
			if label(m, k) != v {
				ok = false
			}
		}
		if !ok {
			continue
		}
		switch {
		case m.Counter != nil:
			found = append(found, m.Counter.GetValue())
		case m.Gauge != nil:
			found = append(found, m.Gauge.GetValue())
		}
	}
	if len(found) != 1 {
		t.Fatalf("%s%v: %d series", name, want, len(found))
	}
	return found[0]
}

func label(m *dto.Metric, name string) string {
	for _, l := range m.Label {
		if l.GetName() == name {
			return l.GetValue()
		}
	}
	return ""
}
