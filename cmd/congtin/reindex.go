package main

import (
	"context"
	"fmt"
	"io"
	"time"
)

// runReindex rebuilds the search index from the articles.
func runReindex(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	db, err := newCommand("reindex", stderr).open(args)
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
