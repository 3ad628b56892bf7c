package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/http/cookiejar"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// User agents. congtin counts a view only from a browser; the set-up
// requests say they are a bot, so that they count nothing.
const (
	browserUA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36"
	setupUA   = "congtin-loadbench/1 (set-up bot)"
)

// acceptEncoding is what a current browser accepts.
const acceptEncoding = "gzip, deflate, br, zstd"

// requestTimeout bounds one request, so that a stuck server ends the run.
const requestTimeout = 30 * time.Second

// dialLoopback refuses every address but a loopback one: the benchmark
// sends nothing off the machine.
func dialLoopback(ctx context.Context, network, addr string) (net.Conn, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return nil, fmt.Errorf("loadbench connects to loopback addresses only, not %s", addr)
	}
	var d net.Dialer
	return d.DialContext(ctx, network, addr)
}

func newTransport(conns int) *http.Transport {
	return &http.Transport{
		Proxy:                 nil, // never a proxy from the environment
		DialContext:           dialLoopback,
		MaxIdleConns:          conns,
		MaxIdleConnsPerHost:   conns,
		MaxConnsPerHost:       conns,
		IdleConnTimeout:       time.Minute,
		ResponseHeaderTimeout: requestTimeout,
	}
}

// noRedirect makes a redirect a response of its own: an article URL that
// redirects is a wrong URL here, and its view is not counted.
func noRedirect(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

// setupClient is for the requests around the load: start-up, page checks.
func setupClient() *http.Client {
	return &http.Client{Transport: newTransport(4), CheckRedirect: noRedirect, Timeout: requestTimeout}
}

// fetch GETs url, reads the whole body and returns the status. Set-up
// requests (a client without a cookie jar) say they are a bot.
func fetch(ctx context.Context, c *http.Client, url string) (int, []byte, error) {
	resp, err := get(ctx, c, url, setupUA)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp.StatusCode, body, err
}

func get(ctx context.Context, c *http.Client, url, ua string) (*http.Response, error) {
	req, err := newRequest(ctx, http.MethodGet, url, ua, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

// newRequest is a request with a browser's headers (or a bot's, by ua).
func newRequest(ctx context.Context, method, url, ua string, body io.Reader) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, method, url, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
	req.Header.Set("Accept-Language", "vi-VN,vi;q=0.9,en;q=0.8")
	// Set by hand, the transport leaves compressed bodies as they are: the
	// reference then sends the very bytes congtin sent, and neither side's
	// numbers include the client decompressing, which on one machine
	// would take CPU from the server.
	req.Header.Set("Accept-Encoding", acceptEncoding)
	return req, nil
}

// stats is what one scenario measured.
type stats struct {
	ok       int             // 200 responses to requests started in the measured window
	window   time.Duration   // the measured window
	lat      []time.Duration // their latencies, sorted
	errors   int             // non-200 responses and failed requests, warm-up included
	firstErr string
	served   map[string]int64 // 200 responses per path, warm-up included
}

// rate is 200 responses per second.
func (s *stats) rate() float64 { return float64(s.ok) / s.window.Seconds() }

// percentile returns the nearest-rank percentile p (0 < p ≤ 100).
func (s *stats) percentile(p float64) time.Duration {
	if len(s.lat) == 0 {
		return 0
	}
	i := int(math.Ceil(p/100*float64(len(s.lat)))) - 1
	return s.lat[min(max(i, 0), len(s.lat)-1)]
}

// load keeps conns connections busy with GETs of base+paths, in turn, for
// warmup and then duration; with extra, the connection that asked for
// paths[i] asks next for each of extra[i], as a browser loads a page's
// images, and each of those is a request of the stats as well. Each connection is one browser with its own
// cookie jar, so it stays one visit as a reader's browser does. A request
// started before the end is finished, never cancelled, so that what the
// server counted and what was received agree.
func load(ctx context.Context, base string, paths []string, extra [][]string, conns int, warmup, duration time.Duration) *stats {
	tr := newTransport(conns)
	defer tr.CloseIdleConnections()
	var next atomic.Uint64
	begin := time.Now()
	from := begin.Add(warmup)
	end := from.Add(duration)
	workers := make([]*stats, conns)
	var wg sync.WaitGroup
	for i := range workers {
		w := &stats{served: map[string]int64{}}
		workers[i] = w
		jar, _ := cookiejar.New(nil)
		c := &http.Client{Transport: tr, Jar: jar, CheckRedirect: noRedirect, Timeout: requestTimeout}
		wg.Go(func() {
			for ctx.Err() == nil {
				if !time.Now().Before(end) {
					return
				}
				i := (next.Add(1) - 1) % uint64(len(paths))
				if !w.get(ctx, c, base, paths[i], from, end) {
					continue // a browser loads no images of a page it did not get
				}
				if extra != nil {
					for _, path := range extra[i] {
						w.get(ctx, c, base, path, from, end)
					}
				}
			}
		})
	}
	wg.Wait()
	s := &stats{window: duration, served: map[string]int64{}}
	for _, w := range workers {
		s.ok += w.ok
		s.errors += w.errors
		s.lat = append(s.lat, w.lat...)
		if s.firstErr == "" {
			s.firstErr = w.firstErr
		}
		for p, n := range w.served {
			s.served[p] += n
		}
	}
	slices.Sort(s.lat)
	return s
}

// get asks for one path and records it: an error, or a success, whose
// latency counts when the request started in the measured window, from
// to end (a page's images may be asked for after its end).
func (w *stats) get(ctx context.Context, c *http.Client, base, path string, from, end time.Time) bool {
	t0 := time.Now()
	status, err := browse(ctx, c, base+path)
	d := time.Since(t0)
	if err != nil || status != http.StatusOK {
		w.errors++
		if w.firstErr == "" {
			w.firstErr = fmt.Sprintf("GET %s: %d %v", path, status, err)
		}
		return false
	}
	w.served[path]++
	if !t0.Before(from) && t0.Before(end) {
		w.ok++
		w.lat = append(w.lat, d)
	}
	return true
}

// browse GETs a page as a browser would and reads all of it.
func browse(ctx context.Context, c *http.Client, url string) (int, error) {
	resp, err := get(ctx, c, url, browserUA)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, err
}
