package main

import (
	"context"
	"fmt"
	"io"

	"github.com/congtin/congtin"
)

// runSite changes the default site's settings: the header and footer.
func runSite(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "add" {
		return runSiteAdd(ctx, args[1:], stdout, stderr)
	}
	if len(args) == 0 || args[0] != "set" {
		return fmt.Errorf("usage: congtin site set [-name …] [-tagline …] [-agency …] [-address …] [-phone …] [-email …] [-counter-offset N]")
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
	db, err := c.open(args)
	if err != nil {
		return err
	}
	defer db.Close()
	s, err := db.CreateSite(ctx, congtin.SystemActor("cli"), *host, *name)
	if err != nil {
		return fmt.Errorf("site add: %s", congtin.ErrorMessage(err))
	}
	fmt.Fprintf(stdout, "site %q added for host %s\n", s.Name, s.Host)
	return nil
}
