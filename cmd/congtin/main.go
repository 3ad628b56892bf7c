// Command congtin runs an electronic information portal ("Cổng thông tin
// điện tử"): `congtin serve` serves it, `congtin import` loads articles,
// `congtin demo` serves it filled with demo content.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
)

const usage = `congtin: an electronic information portal (Cổng thông tin điện tử)

Usage:
  congtin serve [-db sqlite:congtin.db] [-addr :8080] [-demo]   serve the portal
  congtin demo  [-db …] [-addr …]                               serve, filling an empty database with demo content
  congtin import [-db …] FILE.json                              import articles (all or nothing; re-runs update)
  congtin import -format wxr [-uploads DIR] [-db …] export.xml   import a WordPress site (posts, pages, images, old addresses)
  congtin site set [-db …] [-site HOST] [-name …] [-tagline …] [-agency …] [-address …] [-phone …] [-email …] [-counter-offset N]
                   [-canonical-host HOST] [-scheme https|http]   a site's settings and the host and scheme of its URLs
  congtin site add [-db …] -host HOST -name NAME [-scheme https|http]   add an agency's portal, chosen by host name
  congtin user add [-db …] -name NAME -role admin [-super]      add a back-office user (password from stdin or made up)
  congtin user token [-db …] -name NAME                          print a new API token for the admin API
  congtin user password [-db …] -name NAME                       set a user's password (e.g. an imported author's)
  congtin reindex [-db …]                                        rebuild the search index
  congtin media check [-db …] [-delete-unreferenced]             list stored files missing or no longer referenced
  congtin qa purge [-db …] [-qa-retention-days 365]              blank the personal data of older citizens' questions
  congtin backup [-db sqlite:…] FILE                             a consistent copy of a live SQLite database
  congtin restore [-db sqlite:…] FILE                            put a backup in place (congtin serve stopped)
  congtin copy-db -from DB -to DB                                copy a whole installation into an empty database
                                                                 (e.g. -from sqlite:congtin.db -to postgres://congtin@db/congtin)

Every command but copy-db takes -db (env CONGTIN_DB): sqlite:PATH or postgres://USER@HOST/NAME.
Run "congtin COMMAND -h" for its flags.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "congtin:", err)
		}
		os.Exit(1)
	}
}

// run dispatches a subcommand; ctx ends on SIGINT or SIGTERM.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errors.New("no command given")
	}
	switch args[0] {
	case "serve":
		return runServe(ctx, args[1:], stderr, false)
	case "demo":
		return runServe(ctx, args[1:], stderr, true)
	case "import":
		return runImport(ctx, args[1:], stdout, stderr)
	case "site":
		return runSite(ctx, args[1:], stdout, stderr)
	case "reindex":
		return runReindex(ctx, args[1:], stdout, stderr)
	case "media":
		return runMedia(ctx, args[1:], stdout, stderr)
	case "qa":
		return runQA(ctx, args[1:], stdout, stderr)
	case "user":
		return runUser(ctx, args[1:], os.Stdin, stdout, stderr)
	case "copy-db":
		return runCopyDB(ctx, args[1:], stdout, stderr)
	case "backup":
		return runBackup(ctx, args[1:], stdout, stderr)
	case "restore":
		return runRestore(ctx, args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q", args[0])
}

func newLogger(w io.Writer, json bool) *slog.Logger {
	if json {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}
