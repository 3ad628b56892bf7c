package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/blob"
	"github.com/congtin/congtin/internal/docfile"
)

// strayAge is how old an unreferenced object must be to be deleted: a
// younger one may be an upload whose row is about to commit.
const strayAge = 24 * time.Hour

// runMedia runs the media store's commands: `congtin media check`.
func runMedia(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "check" {
		fmt.Fprint(stderr, "usage: congtin media check [-db …] [-media-dir DIR | -media-store URL] [-delete-unreferenced]\n")
		return errors.New("media: unknown or missing subcommand (want check)")
	}
	c := newCommand("media check", stderr)
	del := c.fs.Bool("delete-unreferenced", false, "delete the unreferenced objects older than 24 hours (younger ones may belong to an upload in progress)")
	db, err := c.open(args[1:], func() error {
		if c.fs.NArg() > 0 {
			return fmt.Errorf("media check: unexpected argument %q", c.fs.Arg(0))
		}
		return nil
	})
	if err != nil {
		return err
	}
	defer db.Close()
	blobs, err := openBlobs(&c.cfg)
	if err != nil {
		return err
	}
	refs, err := db.FindFileRefs(ctx)
	if err != nil {
		return fmt.Errorf("media check: %w", err)
	}
	res, err := checkMedia(ctx, blobs, refs)
	if err != nil {
		return fmt.Errorf("media check: %w", err)
	}
	for _, k := range res.missing {
		fmt.Fprintf(stdout, "MISSING %s\n", k)
	}
	var strayBytes int64
	for _, o := range res.unreferenced {
		strayBytes += o.Size
		fmt.Fprintf(stdout, "UNREFERENCED %s %d bytes, %s\n", o.Key, o.Size, o.Modified.In(congtin.VietnamZone).Format("2006-01-02 15:04"))
	}
	fmt.Fprintf(stdout, "%d files referenced, %d objects stored: %d missing, %d unreferenced (%d bytes)\n",
		res.referenced, res.stored, len(res.missing), len(res.unreferenced), strayBytes)
	if *del {
		deleted, kept, err := deleteStrays(ctx, blobs, res.unreferenced, time.Now())
		fmt.Fprintf(stdout, "deleted %d unreferenced objects older than 24 hours; kept %d younger ones\n", deleted, kept)
		if err != nil {
			return fmt.Errorf("media check: %w", err)
		}
	}
	if len(res.missing) > 0 {
		return fmt.Errorf("media check: %d referenced files are missing from the store", len(res.missing))
	}
	return nil
}

// mediaCheck is what checkMedia found.
type mediaCheck struct {
	referenced, stored int
	missing            []string    // keys the database names that the store lacks
	unreferenced       []blob.Info // objects the database does not name
}

// checkMedia compares the keys the database names with one listing of
// the store (not a request per key: an object store bills and answers
// listings by the thousand).
func checkMedia(ctx context.Context, blobs blob.Store, refs *congtin.FileRefs) (*mediaCheck, error) {
	want := map[string]bool{}
	for _, k := range refs.MediaKeys {
		want[k] = true
	}
	for _, a := range refs.Attachments {
		// A row whose hash or kind is not a key names no file there can
		// be: reported missing under what it holds.
		k, ok := docfile.BlobKey(a.Hash, a.Kind)
		if !ok {
			k = docfile.Prefix + a.Hash + "." + a.Kind
		}
		want[k] = true
	}
	res := &mediaCheck{referenced: len(want)}
	found := map[string]bool{}
	err := blobs.List(ctx, "", func(o blob.Info) error {
		res.stored++
		if want[o.Key] {
			found[o.Key] = true
		} else {
			res.unreferenced = append(res.unreferenced, o)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for k := range want {
		if !found[k] {
			res.missing = append(res.missing, k)
		}
	}
	slices.Sort(res.missing)
	slices.SortFunc(res.unreferenced, func(a, b blob.Info) int { return strings.Compare(a.Key, b.Key) })
	return res, nil
}

// deleteStrays deletes the unreferenced objects older than strayAge at
// now and counts the younger ones it keeps.
func deleteStrays(ctx context.Context, blobs blob.Store, stray []blob.Info, now time.Time) (deleted, kept int, err error) {
	for _, o := range stray {
		if now.Sub(o.Modified) < strayAge {
			kept++
			continue
		}
		if err := blobs.Delete(ctx, o.Key); err != nil {
			return deleted, kept, err
		}
		deleted++
	}
	return deleted, kept, nil
}
