package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/congtin/congtin"
)

// Targets from the issue.
const (
	articleMinRatio = 0.60
	articleMaxP99   = 10 * time.Millisecond
	pageMinRatio    = 0.50
	// The long tail (issue 15): articles asked for in turn over 20,000 of
	// them, none from the page cache but by chance. PostgreSQL's ratio
	// target is lower: every query crosses a socket.
	rotatingMinRatio   = 0.25
	rotatingMinRatioPG = 0.15
	rotatingMaxP99     = 50 * time.Millisecond
	maxPeakRSS         = 150 << 20
	maxStartup         = time.Second
	stopTimeout        = time.Minute
	settleLimit        = time.Minute // waiting for congtin to go idle after failed requests
)

// scenario is one row of the table.
type scenario struct {
	name     string
	paths    []string   // asked for in turn
	extra    [][]string // when set, extra[i] is asked for after paths[i], by the same reader
	ref      bool       // served by the reference server
	article  bool       // article pages: every 200 is a view
	minRatio float64    // of the reference's requests per second; 0: no target
	maxP99   time.Duration
	stats    *stats
}

// result is a whole run.
type result struct {
	opts    options
	portal  *portal
	gen     *generation
	startup time.Duration
	mem     memory // congtin's, at the end of the load
	sampled memory // congtin's largest RSS, anonymous and file-backed, sampled during the load
	refMem  memory
	rows    []*scenario
	views   viewCheck
	// The images the article + images scenario loads, and how many of
	// them congtin served with the bytes put into its store.
	images        *imageSet
	imagesChecked int
	// The reference page as congtin sent it: size and content coding.
	refBytes    int
	refEncoding string
}

// measure starts congtin and the reference, runs the scenarios, stops
// congtin and checks the views.
func (res *result) measure(ctx context.Context, bin, work string, stderr io.Writer) error {
	o, p, paths := &res.opts, res.portal, res.gen.paths
	topSlug, _, _ := strings.Cut(strings.TrimPrefix(paths[0], "/"), "/") // record 0 is in the first top-level category
	single := paths[p.single()]
	var rotating []string
	var withImages [][]string
	for _, j := range p.rotating(o.rotate) {
		rotating = append(rotating, paths[j])
		withImages = append(withImages, res.images.forArticle(j))
	}
	rotMin := rotatingMinRatio
	if strings.HasPrefix(o.db, "postgres") {
		rotMin = rotatingMinRatioPG
	}
	// A crawler's pass: every article once, in the order of the portal,
	// as long as the measured time lasts (it never comes back to one).
	crawl := make([]string, len(paths))
	copy(crawl, paths)
	day := p.publishedAt(p.single()).In(congtin.VietnamZone).Format(time.DateOnly)
	res.rows = []*scenario{
		{name: "reference: the article's bytes from memory", paths: []string{single}, ref: true},
		{name: "article (one URL)", paths: []string{single}, article: true, minRatio: articleMinRatio, maxP99: articleMaxP99},
		{name: fmt.Sprintf("article (rotating over %d)", len(rotating)), paths: rotating, article: true, minRatio: rotMin, maxP99: rotatingMaxP99},
		{name: fmt.Sprintf("article + images (rotating over %d)", len(rotating)), paths: rotating, extra: withImages, article: true},
		{name: fmt.Sprintf("crawler (each of %d articles once)", len(crawl)), paths: crawl, article: true},
		{name: "home", paths: []string{"/"}, minRatio: pageMinRatio},
		{name: "category page 1", paths: []string{"/" + topSlug}, minRatio: pageMinRatio},
		{name: fmt.Sprintf("category page %d", o.page), paths: []string{fmt.Sprintf("/%s?trang=%d", topSlug, o.page)}, minRatio: pageMinRatio},
		{name: "browse by date", paths: []string{"/theo-ngay?ngay=" + day}, minRatio: pageMinRatio},
		{name: "search “" + o.query + "”", paths: []string{"/tim-kiem?q=" + url.QueryEscape(o.query)}},
	}

	// The views before, read from the store as congtin will write them.
	ids := map[int64]bool{}
	for _, s := range append(append([]string{single}, rotating...), crawl...) {
		id, err := articleID(s)
		if err != nil {
			return err
		}
		ids[id] = true
	}
	idList := make([]int64, 0, len(ids))
	for id := range ids {
		idList = append(idList, id)
	}
	before, err := readViews(ctx, res.gen.dbURL, idList)
	if err != nil {
		res.views.err = err
	}

	// The images go where congtin reads them before it starts, as
	// uploads would have put them. With an object store, the folder
	// holds only the node's copies.
	mediaDir := filepath.Join(work, "media")
	store, err := mediaStore(o.mediaStore, mediaDir)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "images: putting %d variants into %s\n", len(res.images.keys), res.mediaWhere())
	if err := res.images.putInto(ctx, store); err != nil {
		return err
	}
	serveFlags := []string{"-media-dir", mediaDir}
	if o.mediaStore != "" {
		serveFlags = append(serveFlags, "-media-store", o.mediaStore)
	}

	fmt.Fprintln(stderr, "starting congtin")
	srv, base, startup, err := startCongtin(ctx, bin, res.gen.dbURL, o.flush, serveFlags...)
	if err != nil {
		return err
	}
	defer srv.kill()
	res.startup = startup

	// The reference serves the bytes congtin serves for the article.
	client := setupClient()
	resp, err := get(ctx, client, base+single, setupUA)
	if err != nil {
		return err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %d", single, resp.StatusCode)
	}
	refDir := filepath.Join(work, "reference")
	if err := os.MkdirAll(refDir, 0o755); err != nil {
		return err
	}
	if err := saveReference(refDir, resp, body); err != nil {
		return err
	}
	res.refBytes, res.refEncoding = len(body), resp.Header.Get("Content-Encoding")
	// Every page of the scenarios must exist before it is timed.
	for _, s := range res.rows[1:] {
		for _, path := range []string{s.paths[0], s.paths[len(s.paths)-1]} {
			status, _, err := fetch(ctx, client, base+path)
			if err != nil || status != http.StatusOK {
				return fmt.Errorf("%s: GET %s: %d %v; the portal lacks that page (lower -page for a small -n?)", s.name, path, status, err)
			}
		}
	}
	// Every image, with the bytes that were put.
	if res.imagesChecked, err = res.images.check(ctx, client, base); err != nil {
		return err
	}
	client.CloseIdleConnections()
	ref, refBase, err := startReference(refDir)
	if err != nil {
		return err
	}
	defer ref.kill()

	sampler := sampleMemory(srv.pid(), 100*time.Millisecond)
	for _, s := range res.rows {
		b := base
		if s.ref {
			b = refBase
		}
		fmt.Fprintf(stderr, "load: %s (%d connections, %s + %s warm-up)\n", s.name, o.conns, o.duration, o.warmup)
		s.stats = load(ctx, b, s.paths, s.extra, o.conns, o.warmup, o.duration)
		if err := ctx.Err(); err != nil {
			return err
		}
		// Requests the clients gave up on may still run in congtin; let
		// them end before the next scenario. Without errors every request
		// was answered, and congtin's own background work is its own.
		if s.stats.errors > 0 && !s.ref {
			if waited, idle := waitIdle(ctx, srv.pid(), settleLimit); !idle {
				fmt.Fprintf(stderr, "load: congtin still busy %s after %d failed requests; going on\n", waited.Round(time.Second), s.stats.errors)
			} else {
				fmt.Fprintf(stderr, "load: waited %s for congtin to finish requests the clients gave up on\n", waited.Round(time.Second))
			}
		}
	}
	res.mem = readMemory(srv.pid())
	res.sampled = sampler.finish()
	res.refMem = readMemory(ref.pid())
	if err := ref.stop(stopTimeout); err != nil {
		fmt.Fprintln(stderr, "loadbench:", err)
	}

	// SIGTERM makes congtin write its pending counts; only then are the
	// stored views final.
	fmt.Fprintln(stderr, "stopping congtin")
	stopErr := srv.stop(stopTimeout)
	if res.views.err != nil {
		res.views.err = errors.Join(res.views.err, stopErr)
		return nil
	}
	served := map[int64]int64{}
	for _, s := range res.rows {
		if !s.article {
			continue
		}
		for path, n := range s.stats.served {
			if strings.HasPrefix(path, "/media/") {
				continue // an article's image, not a view
			}
			id, _ := articleID(path)
			served[id] += n
		}
	}
	after, err := readViews(ctx, res.gen.dbURL, idList)
	res.views = compareViews(served, before, after)
	res.views.err = errors.Join(stopErr, err)
	return nil
}

func (s *scenario) ratio(ref *scenario) float64 { return s.stats.rate() / ref.stats.rate() }

// verdict says whether the row meets its target: "" when it has none.
func (s *scenario) verdict(ref *scenario) string {
	ok := s.stats.errors == 0
	if s.minRatio > 0 {
		ok = ok && s.ratio(ref) >= s.minRatio
	}
	if s.maxP99 > 0 {
		ok = ok && s.stats.percentile(99) <= s.maxP99
	}
	switch {
	case !ok:
		return "FAIL"
	case s.minRatio > 0 || s.maxP99 > 0:
		return "PASS"
	}
	return ""
}

func (s *scenario) target() string {
	var t []string
	if s.minRatio > 0 {
		t = append(t, fmt.Sprintf("≥ %.0f%%", s.minRatio*100))
	}
	if s.maxP99 > 0 {
		t = append(t, "p99 ≤ "+ms(s.maxP99))
	}
	return strings.Join(t, ", ")
}

func passFail(ok bool) string {
	if ok {
		return "PASS"
	}
	return "FAIL"
}

// errorCount is the errors over every scenario.
func (res *result) errorCount() int {
	n := 0
	for _, s := range res.rows {
		n += s.stats.errors
	}
	return n
}

// failed names the targets not met.
func (res *result) failed() []string {
	var out []string
	ref := res.rows[0]
	for _, s := range res.rows[1:] {
		if s.verdict(ref) == "FAIL" {
			out = append(out, s.name)
		}
	}
	if res.errorCount() > 0 {
		out = append(out, "no errors")
	}
	if res.mem.err != nil || res.mem.peak >= maxPeakRSS {
		out = append(out, "peak RSS")
	}
	if res.startup >= maxStartup {
		out = append(out, "start-up")
	}
	if !res.views.ok() {
		out = append(out, "exact views")
	}
	return out
}

func (res *result) print(w io.Writer) {
	o, ref := &res.opts, res.rows[0]
	fmt.Fprintf(w, "\nloadbench: %d articles in %d categories (%d words each), %s; %d connections, %s per scenario after %s warm-up; %d CPUs\n",
		o.n, len(res.portal.cats), o.words, dbForLog(res.gen.dbURL), o.conns, o.duration, o.warmup, runtime.NumCPU())
	if res.gen.took > 0 {
		fmt.Fprintf(w, "portal generated through congtin import in %s\n", res.gen.took.Round(time.Second))
	} else {
		fmt.Fprintf(w, "portal from the cache (%s)\n", res.gen.where)
	}
	enc := res.refEncoding
	if enc == "" {
		enc = "not compressed"
	}
	fmt.Fprintf(w, "the reference serves the article page as congtin sent it: %d bytes, %s\n", res.refBytes, enc)
	fmt.Fprintf(w, "images: %d variants in %s, %d served by congtin with the bytes put\n", len(res.images.keys), res.mediaWhere(), res.imagesChecked)
	fmt.Fprintf(w, "\n| scenario | req/s | vs reference | p50 | p99 | errors | target | result |\n|---|---|---|---|---|---|---|---|\n")
	for _, s := range res.rows {
		p50, p99 := "—", "—" // no request both started and succeeded within the window
		if len(s.stats.lat) > 0 {
			p50, p99 = ms(s.stats.percentile(50)), ms(s.stats.percentile(99))
		}
		fmt.Fprintf(w, "| %s | %.0f | %.0f%% | %s | %s | %d | %s | %s |\n", s.name, s.stats.rate(), s.ratio(ref)*100,
			p50, p99, s.stats.errors, s.target(), s.verdict(ref))
	}
	if ref.stats.percentile(99) > articleMaxP99 {
		fmt.Fprintf(w, "\nnote: the reference's own p99 is %s, above the %s target: at %d connections on this machine no server meets it\n",
			ms(ref.stats.percentile(99)), ms(articleMaxP99), o.conns)
	}
	fmt.Fprintf(w, "\n| check | value | target | result |\n|---|---|---|---|\n")
	fmt.Fprintf(w, "| start-up to first page | %s | < %s | %s |\n", ms(res.startup), ms(maxStartup), passFail(res.startup < maxStartup))
	if res.mem.err != nil {
		fmt.Fprintf(w, "| peak RSS (VmHWM) | unknown: %v | < %d MB | FAIL |\n", res.mem.err, maxPeakRSS>>20)
	} else {
		fmt.Fprintf(w, "| peak RSS (VmHWM) | %s (sampled peaks: anonymous %s, file-backed %s; at the end %s) | < %d MB | %s |\n",
			mb(res.mem.peak), mb(res.sampled.anon), mb(res.sampled.file), mb(res.mem.rss), maxPeakRSS>>20, passFail(res.mem.peak < maxPeakRSS))
	}
	fmt.Fprintf(w, "| errors | %d | 0 | %s |\n", res.errorCount(), passFail(res.errorCount() == 0))
	failedArticles := 0
	for _, s := range res.rows {
		if s.article {
			failedArticles += s.stats.errors
		}
	}
	note := ""
	if failedArticles > 0 {
		note = fmt.Sprintf(" (%d article requests failed; congtin may have counted those)", failedArticles)
	}
	fmt.Fprintf(w, "| exact view count | %s%s | equal | %s |\n", res.views, note, passFail(res.views.ok()))

	fmt.Fprintf(w, "\npaths:\n")
	for _, s := range res.rows {
		p := s.paths[0]
		if len(s.paths) > 1 {
			p += fmt.Sprintf(" … %s (%d paths)", s.paths[len(s.paths)-1], len(s.paths))
		}
		if s.extra != nil {
			p += fmt.Sprintf(", each then %s …", strings.Join(s.extra[0], " "))
		}
		fmt.Fprintf(w, "  %-28s %s\n", s.name, p)
	}
	if res.refMem.err == nil {
		fmt.Fprintf(w, "reference server peak RSS: %s\n", mb(res.refMem.peak))
	}
}

// ms formats a latency: µs below a millisecond.
func ms(d time.Duration) string {
	switch {
	case d < time.Millisecond:
		return fmt.Sprintf("%.0f µs", float64(d)/1e3)
	case d < time.Second:
		return fmt.Sprintf("%.1f ms", float64(d)/1e6)
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}

func mb(n int64) string { return fmt.Sprintf("%.0f MB", float64(n)/(1<<20)) }

// mediaWhere says where congtin reads the images from, for the output.
func (res *result) mediaWhere() string {
	if res.opts.mediaStore != "" {
		return "the object store " + res.opts.mediaStore
	}
	return "the -media-dir folder"
}
