package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/importer"
	"github.com/congtin/congtin/internal/wxr"
)

func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c := newCommand("import", stderr)
	fs := c.fs
	maxBytes := fs.Int64("max-bytes", importer.DefaultMaxBytes, "largest file accepted, in bytes (default for -format wxr: 512 MiB)")
	format := fs.String("format", "json", "json: congtin's own format; documents: a documents register; wxr: a WordPress export; procedures: administrative procedures (CSV)")
	uploads := fs.String("uploads", "", "with -format wxr: the local copy of the WordPress site's wp-content/uploads folder")
	siteHost := fs.String("site", "", "with -format procedures: host of the site to import into (default: the default site)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: congtin import [-db sqlite:congtin.db] FILE.json")
		fmt.Fprintln(stderr, "       congtin import -format documents [-db …] DOCUMENTS.json")
		fmt.Fprintln(stderr, "       congtin import -format wxr [-uploads DIR] [-db …] export.xml")
		fmt.Fprintln(stderr, "       congtin import -format procedures [-site HOST] [-db …] procedures.csv")
		fs.PrintDefaults()
	}
	if err := c.parse(args, func() error {
		if fs.NArg() != 1 {
			fs.Usage()
			return fmt.Errorf("import: give exactly one file")
		}
		return nil
	}); err != nil {
		return err
	}
	name := fs.Arg(0)
	if *siteHost != "" && *format != "procedures" {
		return fmt.Errorf("import: -site goes with -format procedures")
	}
	switch *format {
	case "json":
		if *uploads != "" {
			return fmt.Errorf("import: -uploads goes with -format wxr")
		}
	case "documents":
		if *uploads != "" {
			return fmt.Errorf("import: -uploads goes with -format wxr")
		}
		return runImportDocuments(ctx, &c.cfg, name, *maxBytes, stdout, stderr)
	case "wxr":
		limit := int64(wxr.DefaultMaxBytes)
		fs.Visit(func(f *flag.Flag) {
			if f.Name == "max-bytes" {
				limit = *maxBytes
			}
		})
		return runImportWXR(ctx, &c.cfg, name, limit, *uploads, stdout, stderr)
	case "procedures":
		if *uploads != "" {
			return fmt.Errorf("import: -uploads goes with -format wxr")
		}
		limit := int64(congtin.MaxProcedureImportBytes)
		fs.Visit(func(f *flag.Flag) {
			if f.Name == "max-bytes" {
				limit = *maxBytes
			}
		})
		return runImportProcedures(ctx, &c.cfg, name, *siteHost, limit, stdout, stderr)
	default:
		return fmt.Errorf("import: unknown -format %q: json, documents, wxr or procedures", *format)
	}
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	defer f.Close()
	recs, err := importer.ReadJSON(f, *maxBytes)
	if err != nil {
		return fmt.Errorf("import %s: %w; nothing was imported", name, err)
	}
	db, site, err := openSite(ctx, &c.cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := db.ImportArticles(withProgress(ctx, stderr), site.ID, recs)
	if err != nil {
		return importFailed(name, err)
	}
	created := 0
	for _, r := range res {
		fmt.Fprintln(stdout, r.Article.Path(r.Category.Slug))
		if r.Created {
			created++
		}
	}
	fmt.Fprintf(stderr, "imported %d articles (%d new, %d updated)\n", len(res), created, len(res)-created)
	if len(res) >= bulkRows {
		maintain(ctx, db.DB, stderr)
	}
	return nil
}

// bulkRows is the size of an import after which the database's
// statistics are brought up to date at once.
const bulkRows = 1000

// maintain lets a store that needs it (PostgreSQL) catch up after a bulk
// load; a failure only costs speed until autovacuum runs, so it is
// reported, not returned.
func maintain(ctx context.Context, db any, stderr io.Writer) {
	m, ok := db.(interface{ Maintain(context.Context) error })
	if !ok {
		return
	}
	if err := m.Maintain(ctx); err != nil {
		fmt.Fprintf(stderr, "updating the database's statistics failed (autovacuum will do it later): %v\n", err)
	}
}

// importFailed is the error of an import that wrote nothing: a refusal of
// the service by its message (which names the record), anything else as
// it is.
func importFailed(name string, err error) error {
	msg := err.Error()
	if congtin.ErrorCode(err) == congtin.EINVALID {
		msg = congtin.ErrorMessage(err)
	}
	return fmt.Errorf("import %s: %s; nothing was imported", name, msg)
}
