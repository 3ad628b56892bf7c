// Command loadbench measures how fast congtin serves its public pages, on a
// generated portal of 100,000 articles, against a reference measured in the
// same run on the same machine: a minimal net/http server that returns the
// bytes of the same article page from memory. Absolute numbers vary between
// machines; the ratios to the reference are what the targets are about.
//
// It generates the portal through `congtin import` (cached between runs,
// into -db or a SQLite file in the temporary folder),
// builds and starts congtin as a separate process, runs each scenario with
// 64 keep-alive connections from browser-like clients, and prints a table
// of requests per second, the ratio to the reference, p50 and p99 latency
// and errors, with the targets marked PASS or FAIL. Then it stops congtin
// with SIGTERM and checks that every article view it was served was stored,
// exactly.
//
//	./scripts/loadbench.sh                 # 100,000 articles, 10 s per scenario
//	./scripts/loadbench.sh -n 20000 -duration 3s
//
// Images: before congtin starts it puts -images variants (cached, made by
// congtin's own image processing) into the store congtin serves them
// from, a -media-dir folder or with -media-store a bucket, and the
// "article + images" scenario loads each article page with three of them
// after it, as a browser does. -media-compare runs everything twice, the
// folder then a throwaway SeaweedFS bucket, and compares the two
// (compare.go).
//
//	./scripts/loadbench.sh -media-compare -n 2000 -duration 3s
//
// With -soak it runs instead one long load (-soak-duration, 60 s, with 256
// connections) over a realistic mix, congtin behind a trusted proxy, and
// checks errors, memory over time, views and questions (soak.go).
//
//	go run ./cmd/loadbench -soak
//
// It is run by hand, not by go test (its own test runs it on a tiny portal
// and checks only that it works, never how fast).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"
)

// options are the command's flags.
type options struct {
	n          int           // articles
	categories int           // categories, a quarter of them top level
	words      int           // words per article body
	duration   time.Duration // measured time per scenario
	warmup     time.Duration // unmeasured time before it
	conns      int           // concurrent connections
	db         string        // database URL for congtin; empty: a cached SQLite file
	cache      string        // folder of the cached portal and manifests
	congtin    string        // a built congtin binary; empty: go build
	page       int           // the deep category page
	rotate     int           // article URLs in the rotating scenario
	query      string        // the search scenario's query
	fresh      bool          // generate again even when cached
	flush      time.Duration // congtin's -flush
	soak       bool          // the soak test instead of the scenarios
	soakFor    time.Duration // the soak's one load
	mediaStore string        // congtin's -media-store; empty: the -media-dir folder
	images     int           // distinct image variants the article + images scenario loads
	compare    bool          // both media modes back to back, on a throwaway SeaweedFS
}

// Bounds on the flags, so a typo cannot start an hour-long run.
const (
	minDuration = 100 * time.Millisecond
	maxDuration = 10 * time.Minute
	maxConns    = 1024
	soakConns   = 256 // -conns unless given, in -soak mode
)

func (o *options) register(fs *flag.FlagSet) {
	fs.IntVar(&o.n, "n", 100000, "articles in the generated portal")
	fs.IntVar(&o.categories, "categories", 20, "categories in the generated portal (a quarter of them top level, the rest under them)")
	fs.IntVar(&o.words, "words", 800, "words per article body")
	fs.DurationVar(&o.duration, "duration", 10*time.Second, "measured time per scenario ("+minDuration.String()+" to "+maxDuration.String()+")")
	fs.DurationVar(&o.warmup, "warmup", time.Second, "load before each scenario's measured time, not measured")
	fs.IntVar(&o.conns, "conns", 64, "concurrent keep-alive connections")
	fs.StringVar(&o.db, "db", "", "database for congtin, as for congtin serve -db (sqlite:PATH or postgres://…); default: a SQLite file in -cache, by -n, -categories and -words")
	fs.StringVar(&o.cache, "cache", filepath.Join(os.TempDir(), "congtin-loadbench"), "folder for the generated portal and the record of what was generated where")
	fs.StringVar(&o.congtin, "congtin", "", "congtin binary to run (default: go build ./cmd/congtin)")
	fs.IntVar(&o.page, "page", 500, "the deep category page to measure")
	fs.IntVar(&o.rotate, "rotate", 20000, "different article URLs in the rotating article scenario")
	fs.StringVar(&o.query, "query", "nông nghiệp", "query of the search scenario")
	fs.BoolVar(&o.fresh, "fresh", false, "generate the portal again even when a cached one exists")
	fs.DurationVar(&o.flush, "flush", time.Second, "congtin's counter flush interval (-flush)")
	fs.BoolVar(&o.soak, "soak", false, fmt.Sprintf("soak test: one load over a realistic mix for -soak-duration (-conns defaults to %d), then checks of errors, memory, views and questions", soakConns))
	fs.DurationVar(&o.soakFor, "soak-duration", time.Minute, "the soak test's load ("+minDuration.String()+" to "+maxDuration.String()+")")
	fs.StringVar(&o.mediaStore, "media-store", "", "congtin's -media-store: images in the object store s3://BUCKET/PREFIX?endpoint=HOST:PORT&insecure=1 (credentials from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, as congtin reads them); default: a -media-dir folder")
	fs.IntVar(&o.images, "images", 200, "distinct image variants (made with congtin's own image processing, cached) put into the media store for the article + images scenario")
	fs.BoolVar(&o.compare, "media-compare", false, "run the scenarios twice, images in a -media-dir folder and then in a throwaway SeaweedFS bucket (weed, as the tests find it), and compare the article pages")
}

// soakDefaults sets what -soak changes unless given on the command line.
func (o *options) soakDefaults(fs *flag.FlagSet) {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	if o.soak && !given["conns"] {
		o.conns = soakConns
	}
}

func (o *options) validate() error {
	switch {
	case o.n < 1 || o.n > 10_000_000:
		return errors.New("-n must be between 1 and 10,000,000")
	case o.categories < 1 || o.categories > 1000:
		return errors.New("-categories must be between 1 and 1000")
	case o.words < 4 || o.words > 20000:
		return errors.New("-words must be between 4 and 20,000")
	case o.duration < minDuration || o.duration > maxDuration:
		return fmt.Errorf("-duration must be between %s and %s", minDuration, maxDuration)
	case o.warmup < 0 || o.warmup > o.duration:
		return errors.New("-warmup must be between 0 and -duration")
	case o.conns < 1 || o.conns > maxConns:
		return fmt.Errorf("-conns must be between 1 and %d", maxConns)
	case o.page < 2:
		return errors.New("-page must be 2 or more (page 1 is measured anyway)")
	case o.rotate < 1:
		return errors.New("-rotate must be 1 or more")
	case o.query == "":
		return errors.New("-query must not be empty")
	case o.cache == "":
		return errors.New("-cache must not be empty")
	case o.images < imagesPerArticle || o.images > 10000:
		return fmt.Errorf("-images must be between %d and 10,000", imagesPerArticle)
	case o.compare && (o.mediaStore != "" || o.soak):
		return errors.New("-media-compare makes its own bucket, without -media-store or -soak")
	case o.soak && (o.soakFor < minDuration || o.soakFor > maxDuration):
		return fmt.Errorf("-soak-duration must be between %s and %s", minDuration, maxDuration)
	}
	return nil
}

func main() {
	// The reference server is this same program started again.
	if len(os.Args) > 1 && os.Args[1] == referenceFlag {
		os.Exit(referenceMain(os.Args[2:]))
	}
	var o options
	fs := flag.NewFlagSet("loadbench", flag.ExitOnError)
	o.register(fs)
	_ = fs.Parse(os.Args[1:])
	o.soakDefaults(fs)
	if err := o.validate(); err != nil {
		fmt.Fprintln(os.Stderr, "loadbench:", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var failed []string
	var err error
	if o.soak {
		var res *soakResult
		if res, err = runSoak(ctx, &o, os.Stdout, os.Stderr); err == nil {
			failed = res.failed()
		}
	} else if o.compare {
		var res *comparison
		if res, err = runCompare(ctx, &o, os.Stdout, os.Stderr); err == nil {
			failed = res.failed()
		}
	} else {
		var res *result
		if res, err = run(ctx, &o, os.Stdout, os.Stderr); err == nil {
			failed = res.failed()
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadbench:", err)
		os.Exit(1)
	}
	if len(failed) > 0 {
		fmt.Fprintf(os.Stderr, "loadbench: %d of the targets not met: %v\n", len(failed), failed)
		os.Exit(1)
	}
}

// run does the whole benchmark and prints the table to stdout; progress
// goes to stderr. An error means the benchmark could not be carried out;
// targets missed are in the result.
func run(ctx context.Context, o *options, stdout, stderr io.Writer) (*result, error) {
	work, err := os.MkdirTemp("", "loadbench-run")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	pr, err := prepare(ctx, o, work, stderr)
	if err != nil {
		return nil, err
	}
	if pr.images, err = prepareImages(o.cache, o.images, stderr); err != nil {
		return nil, err
	}
	return pr.measure(ctx, *o, work, stdout, stderr)
}

// prepared is what every run on one portal shares.
type prepared struct {
	bin    string
	portal *portal
	gen    *generation
	images *imageSet // for the scenarios, not the soak
}

// prepare builds congtin (unless -congtin names it) into work and makes
// the portal ready, generated or from the cache.
func prepare(ctx context.Context, o *options, work string, stderr io.Writer) (*prepared, error) {
	pr := &prepared{bin: o.congtin}
	var err error
	if pr.bin == "" {
		fmt.Fprintln(stderr, "building congtin")
		if pr.bin, err = buildCongtin(ctx, work); err != nil {
			return nil, err
		}
	}
	pr.portal = newPortal(o.n, o.categories, o.words)
	if pr.gen, err = preparePortal(ctx, pr.portal, o, pr.bin, work, stderr); err != nil {
		return nil, err
	}
	return pr, nil
}

// measure runs the scenarios with o (its -media-store) in a folder of
// work of their own, and prints the table.
func (pr *prepared) measure(ctx context.Context, o options, work string, stdout, stderr io.Writer) (*result, error) {
	dir, err := os.MkdirTemp(work, "run")
	if err != nil {
		return nil, err
	}
	res := &result{opts: o, portal: pr.portal, gen: pr.gen, images: pr.images}
	if err := res.measure(ctx, pr.bin, dir, stderr); err != nil {
		return nil, err
	}
	res.print(stdout)
	return res, nil
}
