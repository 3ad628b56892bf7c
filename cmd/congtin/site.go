package main

import (
	"context"
	"fmt"
	"io"

	"github.com/congtin/congtin"
)

// runSite changes a site's settings (the default site's unless -site
// names another): the header and footer, and the host and scheme of its
// absolute URLs.
func runSite(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "add" {
		return runSiteAdd(ctx, args[1:], stdout, stderr)
	}
	if len(args) == 0 || args[0] != "set" {
		return fmt.Errorf("usage: congtin site set [-site HOST] [-name …] [-tagline …] [-agency …] [-address …] [-phone …] [-email …] [-counter-offset N] [-canonical-host HOST] [-scheme https|http]")
	}
	c := newCommand("site set", stderr)
	fs := c.fs
	var upd congtin.SiteUpdate
	str := func(name, help string, dst **string) {
		fs.Func(name, help, func(v string) error { *dst = &v; return nil })
	}
	str("name", "portal name shown in the header", &upd.Name)
	str("tagline", "line under the name", &upd.Tagline)
	str("agency", "agency shown in the footer", &upd.Agency)
	str("address", "agency address", &upd.Address)
	str("phone", "agency phone", &upd.Phone)
	str("email", "agency email", &upd.Email)
	str("canonical-host", "host name of the site's absolute URLs (canonical links, feeds, sitemaps); the default site's public host", &upd.CanonicalHost)
	str("scheme", "scheme of the site's absolute URLs: https (the default) or http", &upd.Scheme)
	which := fs.String("site", "", "host of the site to change (default: the default site)")
	offset := fs.Int64("counter-offset", -1, "number added to the visit total (to continue an old portal's count)")
	if err := c.parse(args[1:]); err != nil {
		return err
	}
	if *offset >= 0 {
		upd.CounterOffset = offset
	}
	db, site, err := openSite(ctx, &c.cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	if *which != "" {
		// FindSiteByHost falls back to the default site: a host no site
		// has must not change it.
		if site, err = db.FindSiteByHost(ctx, *which); err != nil || site.Host != congtin.HostName(*which) {
			return fmt.Errorf("site set: no site has the host %q", *which)
		}
	}
	site, err = db.UpdateSite(ctx, site.ID, upd)
	if err != nil {
		return fmt.Errorf("site set: %s", congtin.ErrorMessage(err))
	}
	fmt.Fprintf(stdout, "site %q updated\n", site.Name)
	return nil
}

// runSiteAdd adds a site for a host name.
func runSiteAdd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c := newCommand("site add", stderr)
	host := c.fs.String("host", "", "host name, e.g. soyte.anphu.gov.vn")
	name := c.fs.String("name", "", "portal name")
	scheme := c.fs.String("scheme", congtin.SchemeHTTPS, "scheme of the site's absolute URLs: https or http")
	db, err := c.open(args)
	if err != nil {
		return err
	}
	defer db.Close()
	s, err := db.CreateSite(ctx, congtin.SystemActor("cli"), *host, *name)
	if err != nil {
		return fmt.Errorf("site add: %s", congtin.ErrorMessage(err))
	}
	if *scheme != s.Scheme {
		if s, err = db.UpdateSite(ctx, s.ID, congtin.SiteUpdate{Scheme: scheme}); err != nil {
			return fmt.Errorf("site add: the site is added, its scheme is not: %s", congtin.ErrorMessage(err))
		}
	}
	fmt.Fprintf(stdout, "site %q added for host %s, URLs %s\n", s.Name, s.Host, s.URL("", "/"))
	return nil
}
