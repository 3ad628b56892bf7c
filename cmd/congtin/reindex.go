package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/congtin/congtin/internal/config"
)

// runReindex rebuilds the search index from the articles.
func runReindex(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var cfg config.Config
	fs := flag.NewFlagSet("reindex", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg.Register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	db, err := openStore(&cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	start := time.Now()
	n, err := db.Reindex(ctx)
	if err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	fmt.Fprintf(stdout, "reindexed %d articles in %s\n", n, time.Since(start).Round(time.Millisecond))
	nd, err := db.ReindexDocuments(ctx)
	if err != nil {
		return fmt.Errorf("reindex documents: %w", err)
	}
	fmt.Fprintf(stdout, "reindexed %d documents\n", nd)
	return nil
}
