package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/congtin/congtin/internal/config"
	"github.com/congtin/congtin/internal/copydb"
	"github.com/congtin/congtin/internal/postgres"
	"github.com/congtin/congtin/internal/sqlite"
)

var (
	_ copydb.Store = (*sqlite.DB)(nil)
	_ copydb.Store = (*postgres.DB)(nil)
)

const copyDBUsage = `usage: congtin copy-db -from DB -to DB

Copies a whole installation (sites, categories, articles with their IDs,
revisions, notes, users with their passwords, roles, sessions, API tokens,
the audit log, media records and counters) from one database to another,
each sqlite:PATH or postgres://USER@HOST/NAME, in one transaction: all of
it or nothing. The target must be empty (a new database, or one a portal
has only been started on). The search index is rebuilt on the target; the
change log is not copied. Image files are not in the database: copy the
media folder too.
`

// runCopyDB copies one database into another.
func runCopyDB(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("copy-db", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, copyDBUsage)
		fs.PrintDefaults()
	}
	from := fs.String("from", "", "the database to copy: sqlite:PATH or postgres://USER@HOST/NAME")
	to := fs.String("to", "", "the empty database to copy into: sqlite:PATH or postgres://USER@HOST/NAME")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 || *from == "" || *to == "" {
		fs.Usage()
		return errors.New("copy-db: give -from and -to, and nothing else")
	}
	src := &config.Config{DB: *from, FlushInterval: time.Second}
	dst := &config.Config{DB: *to, FlushInterval: time.Second}
	if err := src.Validate(); err != nil {
		return fmt.Errorf("copy-db: -from: %w", err)
	}
	if err := dst.Validate(); err != nil {
		return fmt.Errorf("copy-db: -to: %w", err)
	}
	// Opening a SQLite file that is not there would create an empty one.
	if path, err := src.SQLitePath(); err == nil {
		if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() {
			return fmt.Errorf("copy-db: the source %s does not exist (or is not a file)", src.DBForLog())
		}
	}

	// The source first: a source that cannot be opened leaves the target
	// untouched, not even created.
	fmt.Fprintf(stderr, "copy-db: opening the source %s\n", src.DBForLog())
	srcDB, err := openStore(src)
	if err != nil {
		return fmt.Errorf("copy-db: source %s: %w", src.DBForLog(), err)
	}
	defer srcDB.Close()
	fmt.Fprintf(stderr, "copy-db: opening the target %s\n", dst.DBForLog())
	dstDB, err := openStore(dst)
	if err != nil {
		return fmt.Errorf("copy-db: target %s: %w", dst.DBForLog(), err)
	}
	defer dstDB.Close()

	res, err := copydb.Copy(ctx, srcDB.DB.(copydb.Store), dstDB.DB.(copydb.Store), stderr)
	if len(res.Tables) > 0 {
		width := len("table")
		for _, t := range res.Tables {
			width = max(width, len(t.Table))
		}
		fmt.Fprintf(stdout, "%-*s %10s %10s\n", width, "table", "source", "target")
		for _, t := range res.Tables {
			mark := ""
			if t.Source != t.Target {
				mark = "  ≠"
			}
			fmt.Fprintf(stdout, "%-*s %10d %10d%s\n", width, t.Table, t.Source, t.Target, mark)
		}
		fmt.Fprintf(stdout, "search index: %d articles (rebuilt); change log: not copied\n", res.Indexed)
	}
	switch {
	case err == nil:
		maintain(ctx, dstDB.DB, stderr)
		fmt.Fprintf(stdout, "copied %s to %s in %s\n", src.DBForLog(), dst.DBForLog(), res.Elapsed.Round(time.Millisecond))
		return nil
	case res.Committed:
		return fmt.Errorf("copy-db: the copy was committed, but %w", err)
	case ctx.Err() != nil:
		return fmt.Errorf("copy-db: interrupted; the target is unchanged (its transaction was rolled back)")
	}
	return fmt.Errorf("copy-db: %w; the target is unchanged", err)
}
