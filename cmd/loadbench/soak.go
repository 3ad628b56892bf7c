package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"time"
)

// The soak test (-soak): congtin behind a trusted proxy, as deployed,
// under one long load over a mix of what readers, feed readers, crawlers,
// people asking questions and password guessers send, then checks that
// nothing failed, memory stayed flat, and every view and question was
// stored.

// Its targets.
const (
	soakRSSBaseline = 10 * time.Second // RSS at the end is compared with RSS then
	soakRSSMaxDrift = 0.10             // growth
	soakSample      = time.Second
	trustedProxy    = "127.0.0.1/32" // loadbench itself, passing addresses on in X-Forwarded-For
)

// soakResult is a whole soak.
type soakResult struct {
	opts    options
	portal  *portal
	gen     *generation
	kinds   []*soakKind
	rss     rssCheck
	views   viewCheck
	qa      questionCheck
	signIns limitCheck
	asks    limitCheck // the questions' limit
}

// rssCheck compares congtin's VmRSS at the end of the load with VmRSS at
// the baseline time: a leak, or a cache without a bound, shows as growth.
// A fall is memory the runtime gave back after the start's burst (one run
// fell by 8 %), not a fault, so only growth fails.
type rssCheck struct {
	err               error
	at                time.Duration // when the baseline was sampled
	base, peak, end   int64
	baseAnon, endAnon int64
	baseFile, endFile int64
}

func (c rssCheck) ratio() float64 { return float64(c.end) / float64(c.base) }

func (c rssCheck) ok() bool {
	return c.err == nil && c.base > 0 && c.ratio() <= 1+soakRSSMaxDrift
}

// rssFrom reads the check from samples taken every soakSample, the first
// at the start. The baseline is soakRSSBaseline in, or half-way through a
// soak shorter than twice that.
func rssFrom(samples []memory, d time.Duration) rssCheck {
	at := soakRSSBaseline
	if d < 2*soakRSSBaseline {
		at = d / 2
	}
	c := rssCheck{at: at}
	i := int(at / soakSample)
	if len(samples) < 2 || i >= len(samples)-1 {
		c.err = fmt.Errorf("%d memory samples, too few for one at %s and one at the end", len(samples), at)
		return c
	}
	b, e := samples[i], samples[len(samples)-1]
	if err := errors.Join(b.err, e.err); err != nil {
		c.err = err
		return c
	}
	c.base, c.end, c.baseAnon, c.endAnon, c.baseFile, c.endFile = b.rss, e.rss, b.anon, e.anon, b.file, e.file
	for _, s := range samples {
		c.peak = max(c.peak, s.rss)
	}
	return c
}

// questionCheck compares the questions congtin accepted (303) with the
// growth of the questions stored.
type questionCheck struct {
	err              error
	accepted, stored int64
}

func (c questionCheck) ok() bool { return c.err == nil && c.accepted > 0 && c.accepted == c.stored }

// limitCheck is what requests under a limit per address met (wrong
// passwords, questions): refused by address only, never as if every
// reader shared the proxy's address.
type limitCheck struct {
	limit                int
	sent, addrs, refused int
	early                []string // 429s to addresses that had sent limit or fewer
	late                 []string // no 429 though limit had been counted from the address
}

func (c limitCheck) ok() bool { return c.sent > 0 && len(c.early) == 0 && len(c.late) == 0 }

func (c limitCheck) String() string {
	list := func(l []string) string { return strings.Join(l[:min(5, len(l))], ", ") }
	wrong := "none early, none late"
	switch {
	case len(c.early) > 0:
		wrong = fmt.Sprintf("%d early (%s)", len(c.early), list(c.early))
	case len(c.late) > 0:
		wrong = fmt.Sprintf("%d late (%s)", len(c.late), list(c.late))
	}
	return fmt.Sprintf("%d from %d addresses; %d of those addresses got a 429, %s", c.sent, c.addrs, c.refused, wrong)
}

// runSoak does the soak and prints its tables to stdout; progress goes to
// stderr. An error means it could not be carried out; failed checks are
// in the result.
func runSoak(ctx context.Context, o *options, stdout, stderr io.Writer) (*soakResult, error) {
	work, err := os.MkdirTemp("", "loadbench-soak")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	pr, err := prepare(ctx, o, work, stderr)
	if err != nil {
		return nil, err
	}
	res := &soakResult{opts: *o, portal: pr.portal, gen: pr.gen}
	if err := res.soak(ctx, pr.bin, stderr); err != nil {
		return nil, err
	}
	res.print(stdout)
	return res, nil
}

// soak starts congtin, runs the load, stops congtin and reads what it
// stored.
func (res *soakResult) soak(ctx context.Context, bin string, stderr io.Writer) error {
	o, p, dbURL := &res.opts, res.portal, res.gen.dbURL
	var ids []int64
	for _, j := range p.rotating(o.rotate) {
		id, err := articleID(res.gen.paths[j])
		if err != nil {
			return err
		}
		ids = append(ids, id)
	}
	viewsBefore, err := readViews(ctx, dbURL, ids)
	if err != nil {
		res.views.err = err
	}
	qaBefore, err := countQuestions(ctx, dbURL)
	if err != nil {
		res.qa.err = err
	}

	fmt.Fprintln(stderr, "starting congtin -trusted-proxies", trustedProxy)
	srv, base, _, err := startCongtin(ctx, bin, dbURL, o.flush, "-trusted-proxies", trustedProxy)
	if err != nil {
		return err
	}
	defer srv.kill()
	if res.kinds, err = soakMix(ctx, o, p, res.gen.paths, base); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "soak: %d connections for %s\n", o.conns, o.soakFor)
	load := newSoakLoad(base, res.kinds, uint64(time.Now().UnixNano()))
	sampler := sampleMemory(srv.pid(), soakSample)
	load.run(ctx, o.conns, o.soakFor)
	sampler.finish()
	if err := ctx.Err(); err != nil {
		return err
	}
	res.rss = rssFrom(sampler.series, o.soakFor)
	res.signIns = load.signIns.check(load.kind(kindSignIn).stats.requests)
	res.asks = load.questions.check(load.kind(kindQAPost).stats.requests)
	res.qa.accepted = load.accepted.Load()

	// SIGTERM makes congtin write its pending counts; only then are the
	// stored views final.
	fmt.Fprintln(stderr, "stopping congtin")
	stopErr := srv.stop(stopTimeout)
	if res.views.err == nil {
		served := map[int64]int64{}
		for path, n := range res.kinds[0].stats.served {
			id, _ := articleID(path)
			served[id] += n
		}
		after, err := readViews(ctx, dbURL, ids)
		res.views = compareViews(served, viewsBefore, after)
		res.views.err = errors.Join(stopErr, err)
	}
	if res.qa.err == nil {
		n, err := countQuestions(ctx, dbURL)
		res.qa.stored, res.qa.err = int64(n-qaBefore), errors.Join(stopErr, err)
	}
	return nil
}

// total is the kinds' counts summed.
func (res *soakResult) total() *soakStats {
	t := newSoakStats()
	for _, k := range res.kinds {
		t.merge(k.stats)
	}
	return t
}

// failed names the checks not passed.
func (res *soakResult) failed() []string {
	t := res.total()
	var out []string
	for _, c := range []struct {
		name string
		ok   bool
	}{
		{"no 5xx", t.classes[5] == 0},
		{"no transport errors", t.errors == 0},
		{"expected answers", t.unexpected == 0},
		{"lock-out by address", res.signIns.ok()},
		{"Q&A limit by address", res.asks.ok()},
		{"RSS", res.rss.ok()},
		{"exact view count", res.views.ok()},
		{"questions stored", res.qa.ok()},
	} {
		if !c.ok {
			out = append(out, c.name)
		}
	}
	return out
}

func (res *soakResult) print(w io.Writer) {
	o := &res.opts
	fmt.Fprintf(w, "\nloadbench -soak: %d articles in %d categories (%d words each), %s; congtin -trusted-proxies %s; %d connections for %s; %d CPUs\n",
		o.n, len(res.portal.cats), o.words, dbForLog(res.gen.dbURL), trustedProxy, o.conns, o.soakFor, runtime.NumCPU())
	if res.gen.took > 0 {
		fmt.Fprintf(w, "portal generated through congtin import in %s\n", res.gen.took.Round(time.Second))
	} else {
		fmt.Fprintf(w, "portal from the cache (%s)\n", res.gen.where)
	}
	fmt.Fprintf(w, "\n| kind | share | requests | 2xx | 3xx | 4xx | 5xx | transport errors | unexpected | p50 | p99 |\n|---|---|---|---|---|---|---|---|---|---|---|\n")
	row := func(name, share string, s *soakStats) {
		p50, p99 := "—", "—"
		if len(s.lat) > 0 {
			p50, p99 = ms(s.percentile(50)), ms(s.percentile(99))
		}
		fmt.Fprintf(w, "| %s | %s | %d | %d | %d | %d | %d | %d | %d | %s | %s |\n", name, share, s.requests,
			s.classes[2], s.classes[3], s.classes[4], s.classes[5], s.errors, s.unexpected, p50, p99)
	}
	for _, k := range res.kinds {
		share := "with another"
		if k.weight > 0 {
			share = fmt.Sprintf("%d%%", k.weight)
		}
		row(k.name, share, k.stats)
	}
	t := res.total()
	slices.Sort(t.lat)
	row("total", "", t)
	fmt.Fprintf(w, "\n%.0f requests a second; answers by status:\n", float64(t.requests)/o.soakFor.Seconds())
	for _, k := range res.kinds {
		fmt.Fprintf(w, "  %-34s %s\n", k.name, statusList(k.stats.statuses))
		if k.stats.firstOdd != "" {
			fmt.Fprintf(w, "  %-34s first wrong: %s\n", "", k.stats.firstOdd)
		}
	}

	fmt.Fprintf(w, "\n| check | value | target | result |\n|---|---|---|---|\n")
	fmt.Fprintf(w, "| 5xx answers | %d | 0 | %s |\n", t.classes[5], passFail(t.classes[5] == 0))
	fmt.Fprintf(w, "| transport errors | %d | 0 | %s |\n", t.errors, passFail(t.errors == 0))
	fmt.Fprintf(w, "| unexpected answers | %d | 0 | %s |\n", t.unexpected, passFail(t.unexpected == 0))
	fmt.Fprintf(w, "| lock-out by address | wrong passwords: %s | 429 once %d counted from that address, not before | %s |\n",
		res.signIns, res.signIns.limit, passFail(res.signIns.ok()))
	fmt.Fprintf(w, "| Q&A limit by address | questions: %s | 429 once %d counted from that address, not before | %s |\n",
		res.asks, res.asks.limit, passFail(res.asks.ok()))
	r := res.rss
	if r.err != nil {
		fmt.Fprintf(w, "| RSS at the end vs at %s | unknown: %v | at most +%.0f%% | FAIL |\n", r.at, r.err, soakRSSMaxDrift*100)
	} else {
		fmt.Fprintf(w, "| RSS at the end vs at %s | at %s %s, peak %s, end %s: ×%.3f (anonymous %s → %s, file-backed %s → %s) | at most +%.0f%% | %s |\n",
			r.at, r.at, mb(r.base), mb(r.peak), mb(r.end), r.ratio(), mb(r.baseAnon), mb(r.endAnon), mb(r.baseFile), mb(r.endFile),
			soakRSSMaxDrift*100, passFail(r.ok()))
	}
	fmt.Fprintf(w, "| exact view count | %s | equal | %s |\n", res.views, passFail(res.views.ok()))
	if res.qa.err != nil {
		fmt.Fprintf(w, "| questions stored | not checked: %v | equal | FAIL |\n", res.qa.err)
	} else {
		fmt.Fprintf(w, "| questions stored | %d accepted (303), stored +%d | equal | %s |\n", res.qa.accepted, res.qa.stored, passFail(res.qa.ok()))
	}
}

// statusList is "200 ×5, 404 ×1", by status.
func statusList(m map[int]int) string {
	var codes []int
	for c := range m {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	var parts []string
	for _, c := range codes {
		parts = append(parts, fmt.Sprintf("%d ×%d", c, m[c]))
	}
	if len(parts) == 0 {
		return "no answer"
	}
	return strings.Join(parts, ", ")
}
