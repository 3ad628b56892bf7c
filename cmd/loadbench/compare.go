package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/congtin/congtin/internal/seaweed"
)

// notSlower is the share of the folder's requests per second the object
// store must reach for its row to read "not slower": a margin for the
// noise of runs minutes apart on a shared machine.
const notSlower = 0.90

// comparison is a -media-compare run: the same scenarios on the same
// portal, the images in a -media-dir folder and then in an object store.
type comparison struct {
	folder, store *result
}

// runCompare builds congtin and makes the portal and the images once,
// starts a throwaway SeaweedFS, runs the scenarios with the images in a
// folder and then in a bucket of it, and prints both tables and the
// closing note that compares the article pages.
func runCompare(ctx context.Context, o *options, stdout, stderr io.Writer) (*comparison, error) {
	work, err := os.MkdirTemp("", "loadbench-compare")
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
	fmt.Fprintln(stderr, "starting a throwaway SeaweedFS (weed) on loopback")
	began := time.Now()
	weed, err := seaweed.Start()
	if err != nil {
		return nil, err
	}
	defer weed.Remove()
	fmt.Fprintf(stderr, "SeaweedFS stores objects after %s\n", time.Since(began).Round(100*time.Millisecond))
	// The throwaway server's identity, where s3.Open reads credentials:
	// here, and in congtin, which inherits this environment.
	for k, v := range map[string]string{"AWS_ACCESS_KEY_ID": seaweed.AccessKey, "AWS_SECRET_ACCESS_KEY": seaweed.SecretKey, "AWS_SESSION_TOKEN": ""} {
		if err := os.Setenv(k, v); err != nil {
			return nil, err
		}
	}
	bctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	bucket, err := weed.NewBucket(bctx, "loadbench")
	cancel()
	if err != nil {
		return nil, err
	}

	c := &comparison{}
	folder, store := *o, *o
	folder.mediaStore, store.mediaStore = "", bucket
	fmt.Fprintf(stdout, "\n## images in the -media-dir folder\n")
	if c.folder, err = pr.measure(ctx, folder, work, stdout, stderr); err != nil {
		return nil, err
	}
	fmt.Fprintf(stdout, "\n## images in the object store (SeaweedFS on loopback, %s)\n", bucket)
	if c.store, err = pr.measure(ctx, store, work, stdout, stderr); err != nil {
		return nil, err
	}
	c.print(stdout)
	return c, nil
}

// failed names the targets either run missed.
func (c *comparison) failed() []string {
	var out []string
	for _, f := range c.folder.failed() {
		out = append(out, "folder: "+f)
	}
	for _, f := range c.store.failed() {
		out = append(out, "object store: "+f)
	}
	return out
}

// print writes the closing note: every article row of the two runs side
// by side.
func (c *comparison) print(w io.Writer) {
	fmt.Fprintf(w, "\n## closing note: article pages with the images in the object store, against the -media-dir folder\n")
	fmt.Fprintf(w, "\n| scenario | folder req/s | object store req/s | object store vs folder | folder p50 / p99 | object store p50 / p99 | result |\n|---|---|---|---|---|---|---|\n")
	for i, f := range c.folder.rows {
		s := c.store.rows[i]
		if !f.article {
			continue
		}
		ratio := s.stats.rate() / f.stats.rate()
		verdict := "not slower"
		if ratio < notSlower {
			verdict = "slower"
		}
		fmt.Fprintf(w, "| %s | %.0f | %.0f | %.0f%% | %s / %s | %s / %s | %s |\n", f.name, f.stats.rate(), s.stats.rate(), ratio*100,
			ms(f.stats.percentile(50)), ms(f.stats.percentile(99)), ms(s.stats.percentile(50)), ms(s.stats.percentile(99)), verdict)
	}
	fmt.Fprintf(w, "\n\"not slower\": at least %.0f%% of the folder's requests per second, a margin for the noise between two runs minutes apart; the object store's run comes second, on the same portal.\n", notSlower*100)
}
