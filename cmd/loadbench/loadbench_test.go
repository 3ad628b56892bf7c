package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/media"
	"github.com/congtin/congtin/internal/pgtest"
)

// TestMain lets the test binary be the reference server too, as the
// command is: run starts os.Executable again with referenceFlag.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == referenceFlag {
		os.Exit(referenceMain(os.Args[2:]))
	}
	pgtest.Main(m)
}

// tinyOptions are the flags for a run on a tiny portal in dir.
func tinyOptions(dir, db string) options {
	return options{n: 300, categories: 20, words: 60, duration: 300 * time.Millisecond, warmup: 50 * time.Millisecond,
		conns: 64, db: db, cache: dir, page: 3, rotate: 1000, query: "nông nghiệp", flush: time.Second, images: 8}
}

// TestRun runs the whole benchmark on a tiny portal, twice (generated, then
// from the cache), and checks that the table and the exact view check come
// out. It checks nothing about speed.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	o := tinyOptions(dir, "sqlite:"+filepath.Join(dir, "bench.db"))
	for i, cached := range []bool{false, true} {
		checkRun(t, &o, i, cached)
	}
}

// TestRunPostgres runs it once on PostgreSQL: generated through congtin
// import, served by congtin serve, views read back from the store.
func TestRunPostgres(t *testing.T) {
	o := tinyOptions(t.TempDir(), pgtest.URL(t))
	checkRun(t, &o, 0, false)
}

// checkRun runs the benchmark and checks its output; i numbers the run
// in messages, cached says whether the portal should come from the cache.
func checkRun(t *testing.T, o *options, i int, cached bool) {
	t.Helper()
	if err := o.validate(); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	res, err := run(context.Background(), o, &stdout, &stderr)
	if err != nil {
		t.Fatalf("run %d: %v\n%s", i, err, stderr.String())
	}
	t.Logf("run %d:\n%s", i, stdout.String())
	if got := res.gen.took == 0; got != cached {
		t.Errorf("run %d: from the cache = %v, want %v", i, got, cached)
	}
	checkResult(t, res, stdout.String(), fmt.Sprint("run ", i))
}

// checkResult checks one run's result and its printed tables, out; run
// names it in messages.
func checkResult(t *testing.T, res *result, out, run string) {
	t.Helper()
	rows := tableRows(out, "| scenario |")
	for _, name := range []string{"reference: the article's bytes from memory", "article (one URL)", "article (rotating over 300)",
		imagesRow, "home", "category page 1", "category page 3", "browse by date", "search “nông nghiệp”"} {
		cells, ok := rows[name]
		if !ok {
			t.Errorf("%s: no row %q", run, name)
			continue
		}
		if len(cells) != 8 {
			t.Errorf("%s: row %q has %d cells: %q", run, name, len(cells), cells)
		} else if cells[5] != "0" {
			t.Errorf("%s: row %q: %s errors", run, name, cells[5])
		}
	}
	checks := tableRows(out, "| check |")
	if c := checks["exact view count"]; len(c) != 4 || c[3] != "PASS" {
		t.Errorf("%s: exact view count row: %q", run, c)
	}
	for _, name := range []string{"start-up to first page", "peak RSS (VmHWM)", "errors"} {
		if _, ok := checks[name]; !ok {
			t.Errorf("%s: no check %q", run, name)
		}
	}

	// The check itself, on the numbers behind the row: every page
	// served to a browser is one stored view, and there were some.
	v := res.views
	if v.err != nil || v.served == 0 || v.served != v.stored || len(v.mismatches) > 0 {
		t.Errorf("%s: views: %s", run, v)
	}
	checkImages(t, res, run)
	if res.errorCount() != 0 {
		t.Errorf("%s: %d errors", run, res.errorCount())
	}
}

// tableRows returns the rows of the markdown table whose header starts
// with header, by first cell.
func tableRows(out, header string) map[string][]string {
	rows := map[string][]string{}
	in := false
	for line := range strings.Lines(out) {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, header):
			in = true
		case in && strings.HasPrefix(line, "|---"):
		case in && strings.HasPrefix(line, "|"):
			cells := strings.Split(strings.Trim(line, "|"), "|")
			for i := range cells {
				cells[i] = strings.TrimSpace(cells[i])
			}
			rows[cells[0]] = cells
		default:
			in = false
		}
	}
	return rows
}

func TestCompareViews(t *testing.T) {
	before := map[int64]int64{1: 10, 2: 0, 3: 5}
	for _, tc := range []struct {
		name   string
		served map[int64]int64
		after  map[int64]int64
		ok     bool
	}{
		{"OK", map[int64]int64{1: 3, 2: 4}, map[int64]int64{1: 13, 2: 4, 3: 5}, true},
		{"LostView", map[int64]int64{1: 3, 2: 4}, map[int64]int64{1: 12, 2: 4, 3: 5}, false},
		{"ExtraView", map[int64]int64{1: 3}, map[int64]int64{1: 14, 2: 0, 3: 5}, false},
		// Equal sums hide a view stored on the wrong article.
		{"WrongArticle", map[int64]int64{1: 3, 2: 4}, map[int64]int64{1: 14, 2: 3, 3: 5}, false},
		{"NoCount", map[int64]int64{4: 1}, map[int64]int64{1: 10, 2: 0, 3: 5}, false},
		{"NothingServed", map[int64]int64{}, map[int64]int64{1: 10, 2: 0, 3: 5}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := compareViews(tc.served, before, tc.after)
			if v.ok() != tc.ok {
				t.Errorf("ok() = %v, want %v: %s", v.ok(), tc.ok, v)
			}
		})
	}
}

func TestPercentile(t *testing.T) {
	s := &stats{}
	for i := 1; i <= 200; i++ {
		s.lat = append(s.lat, time.Duration(i)*time.Millisecond)
	}
	for _, tc := range []struct {
		p    float64
		want time.Duration
	}{{50, 100 * time.Millisecond}, {99, 198 * time.Millisecond}, {100, 200 * time.Millisecond}} {
		if got := s.percentile(tc.p); got != tc.want {
			t.Errorf("p%v = %s, want %s", tc.p, got, tc.want)
		}
	}
}

func TestPortal(t *testing.T) {
	p := newPortal(100000, 20, 800)
	tops := 0
	for _, c := range p.cats {
		if !strings.Contains(c, " > ") {
			tops++
		}
	}
	if len(p.cats) != 20 || tops != 5 {
		t.Errorf("%d categories, %d top level; want 20 and 5", len(p.cats), tops)
	}
	// Page 500 of a top-level category exists at 20 articles a page.
	if perTop := p.n / tops; perTop < 500*20 {
		t.Errorf("a top-level category holds %d articles, too few for page 500", perTop)
	}
	if last := p.publishedAt(p.n - 1); !last.Before(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("last article published %s, want all in the past", last)
	}
}

// imagesRow is the article + images scenario's row on the tiny portal.
const imagesRow = "article + images (rotating over 300)"

// checkImages: congtin served every image put into its store with the
// bytes put (res.imagesChecked), and the article + images scenario asked
// for pages and images alike, each answered 200.
func checkImages(t *testing.T, res *result, run string) {
	t.Helper()
	if n := len(res.images.keys); n != res.opts.images || res.imagesChecked != n {
		t.Errorf("%s: %d images made, %d served with their bytes; want %d", run, n, res.imagesChecked, res.opts.images)
	}
	for _, s := range res.rows {
		if s.name != imagesRow {
			continue
		}
		var pages, images int64
		for path, n := range s.stats.served {
			key, ok := strings.CutPrefix(path, "/media/")
			switch {
			case !ok:
				pages += n
			case res.images.sum[key] == "":
				t.Errorf("%s: %s asked for, not one of the images put", run, path)
			default:
				images += n
			}
		}
		// A page's images follow it, but the last pages' images may have
		// been cut short by the end of the load.
		if pages == 0 || images < (pages-int64(res.opts.conns))*imagesPerArticle {
			t.Errorf("%s: %s: %d pages and %d images served", run, imagesRow, pages, images)
		}
		if s.stats.errors != 0 {
			t.Errorf("%s: %s: %d errors, first %s", run, imagesRow, s.stats.errors, s.stats.firstErr)
		}
		return
	}
	t.Errorf("%s: no scenario %q", run, imagesRow)
}

// TestRunMediaCompare runs -media-compare on a tiny portal: the scenarios
// with the images in a folder, then in a bucket of a SeaweedFS it starts,
// and the closing note comparing the article rows. It checks that both
// runs work, never how fast.
func TestRunMediaCompare(t *testing.T) {
	// runCompare puts the server's identity in the environment; these
	// put back what was there.
	for _, k := range []string{"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"} {
		t.Setenv(k, os.Getenv(k))
	}
	dir := t.TempDir()
	o := tinyOptions(dir, "sqlite:"+filepath.Join(dir, "bench.db"))
	o.compare = true
	if err := o.validate(); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	c, err := runCompare(context.Background(), &o, &stdout, &stderr)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	out := stdout.String()
	t.Logf("\n%s", out)
	folderOut, rest, ok1 := strings.Cut(out, "## images in the object store")
	storeOut, note, ok2 := strings.Cut(rest, "## closing note")
	if !ok1 || !ok2 {
		t.Fatal("no object store table or no closing note")
	}
	if c.folder.opts.mediaStore != "" || !strings.HasPrefix(c.store.opts.mediaStore, "s3://") {
		t.Errorf("media stores %q and %q", c.folder.opts.mediaStore, c.store.opts.mediaStore)
	}
	checkResult(t, c.folder, folderOut, "folder")
	checkResult(t, c.store, storeOut, "object store")
	if !strings.Contains(storeOut, "images: 8 variants in the object store s3://") {
		t.Errorf("the object store's table does not say where its images are")
	}
	rows := tableRows(note, "| scenario |")
	for _, name := range []string{"article (rotating over 300)", imagesRow} {
		if c := rows[name]; len(c) != 7 || (c[6] != "not slower" && c[6] != "slower") {
			t.Errorf("closing note row %q: %q", name, c)
		}
	}
}

// TestImagesCached: the images are made once by media.Process, every
// variant a valid media key, then read from the cache unchanged.
func TestImagesCached(t *testing.T) {
	dir := t.TempDir()
	var log bytes.Buffer
	made, err := prepareImages(dir, 5, &log)
	if err != nil {
		t.Fatal(err)
	}
	again, err := prepareImages(dir, 5, &log)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log.String(), "images: cached") {
		t.Errorf("made again:\n%s", log.String())
	}
	if strings.Join(made.keys, " ") != strings.Join(again.keys, " ") || len(made.keys) != 5 {
		t.Fatalf("keys %v, then %v", made.keys, again.keys)
	}
	widths := map[string]bool{}
	for _, k := range made.keys {
		if !media.ValidKey(k) {
			t.Errorf("key %q", k)
		}
		widths[k[strings.LastIndexByte(k, '-'):]] = true
		if again.sum[k] != made.sum[k] || made.size[k] == 0 {
			t.Errorf("%s: %s (%d bytes), then %s", k, made.sum[k], made.size[k], again.sum[k])
		}
	}
	// A photograph gives one variant of each width, as an upload does.
	if len(widths) != len(media.Widths) {
		t.Errorf("widths %v", widths)
	}
}
