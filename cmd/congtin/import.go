package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/config"
	"github.com/congtin/congtin/internal/importer"
)

func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var cfg config.Config
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg.Register(fs)
	maxBytes := fs.Int64("max-bytes", importer.DefaultMaxBytes, "largest file accepted, in bytes")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: congtin import [-db sqlite:congtin.db] FILE.json")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return fmt.Errorf("import: give exactly one file")
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	name := fs.Arg(0)
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	defer f.Close()
	recs, err := importer.ReadJSON(f, *maxBytes)
	if err != nil {
		return fmt.Errorf("import %s: %w; nothing was imported", name, err)
	}
	db, err := openStore(&cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	site, err := db.DefaultSite(ctx)
	if err != nil {
		return err
	}
	res, err := db.ImportArticles(ctx, site.ID, recs)
	if err != nil {
		msg := err.Error()
		if congtin.ErrorCode(err) == congtin.EINVALID {
			msg = congtin.ErrorMessage(err)
		}
		return fmt.Errorf("import %s: %s; nothing was imported", name, msg)
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
		maintain(ctx, db, stderr)
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
