package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/config"
	"github.com/congtin/congtin/internal/wxr"
)

// runImportWXR imports a WordPress export: the whole file is read and
// checked first, its images stored, then everything is written in one
// transaction. A post that cannot come in is skipped and reported; a file
// that cannot be read imports nothing.
func runImportWXR(ctx context.Context, cfg *config.Config, name string, maxBytes int64, uploads string, stdout, stderr io.Writer) error {
	fail := func(err error) error { return fmt.Errorf("import %s: %w; nothing was imported", name, err) }
	exp, err := wxr.ReadFile(name, maxBytes)
	if err != nil {
		return fail(err)
	}
	db, site, err := openSite(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	blobs, err := openBlobs(cfg)
	if err != nil {
		return err
	}
	plan, err := wxr.Prepare(ctx, exp, wxr.Options{Uploads: uploads, Blobs: blobs, Now: time.Now()})
	if err != nil {
		return fail(err)
	}
	res, err := db.ImportWordPress(withProgress(ctx, stderr), site.ID, plan.Import)
	if err != nil {
		// The image files stored for it are not needed now.
		plan.Undo(context.WithoutCancel(ctx))
		msg := err.Error()
		if congtin.ErrorCode(err) == congtin.EINVALID {
			msg = congtin.ErrorMessage(err)
		}
		return fail(fmt.Errorf("%s", msg))
	}
	report(stdout, exp, plan, res)
	if len(res.Posts) >= bulkRows {
		maintain(ctx, db.DB, stderr)
	}
	return nil
}

// report prints what the import did: each article, then the counts, then
// what was skipped and why.
func report(w io.Writer, exp *wxr.Export, plan *wxr.Plan, res *congtin.WPImportResult) {
	type counts struct{ created, updated, unchanged, skipped int }
	byKind := map[string]*counts{"post": {}, "page": {}}
	fmt.Fprintln(w, "articles:")
	for i, r := range res.Posts {
		p := plan.Import.Posts[i]
		kind := plan.Kinds[i]
		c := byKind[kind]
		what := "unchanged"
		switch {
		case r.Created:
			what = "new"
			c.created++
		case r.Changed:
			what = "updated"
			c.updated++
		default:
			c.unchanged++
		}
		state := p.Status
		if p.Status == congtin.StatusPublished && p.PublishedAt.After(time.Now()) {
			state = "scheduled"
		}
		id := p.ExternalID[strings.LastIndexByte(p.ExternalID, ':')+1:]
		fmt.Fprintf(w, "  %s %s %-9s %-11s %s", kind, id, what, state, r.Article.Path(r.CategorySlug))
		if len(p.OldPaths) > 0 {
			fmt.Fprintf(w, "  (old: %s)", strings.Join(p.OldPaths, " "))
		}
		fmt.Fprintln(w)
	}
	other := 0
	for _, s := range plan.Report.Skipped {
		kind, _, _ := strings.Cut(s.What, " ")
		if c := byKind[kind]; c != nil {
			c.skipped++
		} else if !strings.Contains(s.Why, "comes in without") && kind != "attachment" {
			other++
		}
	}
	rep := plan.Report
	source := exp.BaseSiteURL
	if source == "" {
		source = "the export"
	}
	fmt.Fprintf(w, "imported %s (WXR %s):\n", source, exp.Version)
	for _, k := range []string{"post", "page"} {
		c := byKind[k]
		fmt.Fprintf(w, "  %ss: %d new, %d updated, %d unchanged, %d skipped\n", k, c.created, c.updated, c.unchanged, c.skipped)
	}
	fmt.Fprintf(w, "  categories: %d new, %d existing\n", res.Categories.Created, res.Categories.Unchanged)
	fmt.Fprintf(w, "  authors: %d new users, %d existing users left as they were (new users have no password: they cannot sign in until one is set)\n",
		res.Authors.Created, res.Authors.Unchanged)
	fmt.Fprintf(w, "  images: %d in the media library (%d new), %d skipped\n", res.Media.Created+res.Media.Unchanged, res.Media.Created, rep.ImagesSkipped)
	fmt.Fprintf(w, "  old addresses: %d new, %d changed, %d unchanged\n", res.Redirects.Created, res.Redirects.Updated, res.Redirects.Unchanged)
	if other > 0 {
		fmt.Fprintf(w, "  other items skipped: %d\n", other)
	}
	if len(rep.Skipped) > 0 {
		fmt.Fprintf(w, "skipped (%d):\n", len(rep.Skipped))
		for _, s := range rep.Skipped {
			fmt.Fprintf(w, "  %s: %s\n", s.What, s.Why)
		}
	}
	if len(rep.Notes) > 0 {
		fmt.Fprintf(w, "notes (%d):\n", len(rep.Notes))
		for _, n := range rep.Notes {
			fmt.Fprintf(w, "  %s\n", n)
		}
	}
}
