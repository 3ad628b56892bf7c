package app_test

import (
	"testing"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
)

// superAdmin is a super administrator, who may create sites.
var superAdmin = congtin.Actor{User: &congtin.User{ID: 1, Username: "quantri", SuperAdmin: true}, Role: congtin.RoleAdmin, IP: testIP}

// TestUpdateSiteRefusesBlankName: a site keeps a name.
func TestUpdateSiteRefusesBlankName(t *testing.T) {
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	empty := " "
	_, err := a.UpdateSite(t.Context(), site.ID, congtin.SiteUpdate{Name: &empty})
	storetest.WantCode(t, err, congtin.EINVALID, "empty name")
	if got := storetest.MustSite(t, a); got.Name != site.Name {
		t.Fatalf("a refused update changed the name: %q, want %q", got.Name, site.Name)
	}
}

// TestCreateSiteRefused: only a super administrator creates a site, for a
// valid host no other site has and with a name; a refused creation writes
// nothing.
func TestCreateSiteRefused(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	soyte := storetest.MustCreateSite(t, a, "soyte.anphu.gov.vn", "Sở Y tế tỉnh An Phú")
	storetest.MustCreateSite(t, a, "anphu.gov.vn", "UBND tỉnh An Phú")
	def := storetest.MustSite(t, a)

	_, err := a.CreateSite(ctx, superAdmin, "soyte.anphu.gov.vn", "Trùng")
	storetest.WantCode(t, err, congtin.ECONFLICT, "a taken host")
	_, err = a.CreateSite(ctx, superAdmin, "AnPhu.gov.vn", "Trùng hoa thường")
	storetest.WantCode(t, err, congtin.ECONFLICT, "a taken host in capitals")
	for _, host := range []string{"", "co dau.vn", "a..b", ".anphu.vn", "anphu.vn.", "http://x.vn"} {
		_, err = a.CreateSite(ctx, superAdmin, host, "Tên")
		storetest.WantCode(t, err, congtin.EINVALID, "host "+host)
	}
	_, err = a.CreateSite(ctx, superAdmin, "moi.anphu.gov.vn", "  ")
	storetest.WantCode(t, err, congtin.EINVALID, "a blank name")
	siteAdmin := storetest.MustUser(t, a, def.ID, "quantricong", congtin.RoleAdmin)
	_, err = a.CreateSite(ctx, siteAdmin, "moi.anphu.gov.vn", "Cổng mới")
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "a site created by a site's administrator, not a super administrator")

	if sites, err := a.FindSites(ctx); err != nil || len(sites) != 3 {
		t.Fatalf("%d sites after refused creations, want 3 (%v)", len(sites), err)
	}
	if acts := storetest.AuditActions(t, a, congtin.AuditFilter{SiteID: soyte.ID}); len(acts) != 1 || acts[0] != "site.create" {
		t.Fatalf("the new site's audit log after refused creations: %v", acts)
	}
}

// TestUpdateSiteAsRefused: only the site's administrator changes its
// settings, and a counter offset is not negative; a refused update
// changes nothing.
func TestUpdateSiteAsRefused(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	soyte := storetest.MustCreateSite(t, a, "soyte.anphu.gov.vn", "Sở Y tế tỉnh An Phú")
	agency, off := "Sở Y tế", int64(123456)
	if _, err := a.UpdateSite(ctx, soyte.ID, congtin.SiteUpdate{Agency: &agency, CounterOffset: &off}); err != nil {
		t.Fatal(err)
	}
	reporter := storetest.MustUser(t, a, soyte.ID, "phongvien", congtin.RoleReporter)
	_, err := a.UpdateSiteAs(ctx, reporter, soyte.ID, congtin.SiteUpdate{Tagline: &agency})
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "settings changed by a reporter")
	neg := int64(-1)
	_, err = a.UpdateSiteAs(ctx, superAdmin, soyte.ID, congtin.SiteUpdate{CounterOffset: &neg})
	storetest.WantCode(t, err, congtin.EINVALID, "a negative counter offset")
	got, err := a.FindSiteByHost(ctx, "soyte.anphu.gov.vn")
	if err != nil || got.CounterOffset != off || got.Tagline != "" {
		t.Fatalf("refused updates changed the settings: %+v, %v", got, err)
	}
	wantAudit(t, a, soyte.ID, "site.settings", 0, "refused settings")
}
