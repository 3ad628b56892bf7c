package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/config"
	"github.com/congtin/congtin/internal/importer"
)

// runImportProcedures imports the administrative procedures of a CSV file
// into the site whose host is siteHost (the default site when empty): every
// row or none, updating the procedures whose code the site has.
func runImportProcedures(ctx context.Context, cfg *config.Config, name, siteHost string, maxBytes int64, stdout, stderr io.Writer) error {
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	rows, err := importer.ReadProceduresCSV(f, maxBytes)
	f.Close()
	if err != nil {
		return importFailed(name, err)
	}
	db, site, err := openSite(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	if siteHost != "" {
		// FindSiteByHost falls back to the default site: a host no site
		// has must not import into it.
		if site, err = db.FindSiteByHost(ctx, siteHost); err != nil || site.Host != congtin.HostName(siteHost) {
			return fmt.Errorf("import: no site has the host %q", siteHost)
		}
	}
	res, err := db.ImportProcedures(ctx, congtin.SystemActor("import"), site.ID, rows)
	if err != nil {
		return importFailed(name, err)
	}
	fmt.Fprintln(stdout, res.Summary())
	if res.Created+res.Updated >= bulkRows {
		maintain(ctx, db.DB, stderr)
	}
	return nil
}
