package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// testNoSite: a fresh store has no site until the default one is made.
func testNoSite(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	_, err := s.FindSiteByHost(ctx, "anphu.gov.vn")
	WantCode(t, err, congtin.ENOTFOUND, "a host in an empty store")
	if sites, err := s.FindSites(ctx); err != nil || len(sites) != 0 {
		t.Fatalf("sites in an empty store: %v, %v", sites, err)
	}
	def, err := s.DefaultSite(ctx)
	if err != nil || def.ID == 0 || def.Host != "" || def.Name == "" {
		t.Fatalf("DefaultSite: %+v, %v", def, err)
	}
	got, err := s.FindSiteByHost(ctx, "anphu.gov.vn")
	if err != nil || got.ID != def.ID {
		t.Fatalf("any host after DefaultSite: %+v, %v", got, err)
	}
}

// testSiteAdmin: sites chosen by host name, their settings, and the walls
// between their content.
func testSiteAdmin(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	super := congtin.Actor{User: &congtin.User{ID: 1, Username: "quantri", SuperAdmin: true}, Role: congtin.RoleAdmin, IP: testIP}

	// The first site created makes the default site too.
	soyte, err := s.CreateSite(ctx, super, "  SoYTe.AnPhu.gov.vn ", " Sở Y tế tỉnh An Phú ")
	if err != nil {
		t.Fatal(err)
	}
	if soyte.ID == 0 || soyte.Host != "soyte.anphu.gov.vn" || soyte.Name != "Sở Y tế tỉnh An Phú" {
		t.Fatalf("created: %+v", soyte)
	}
	sites, err := s.FindSites(ctx)
	if err != nil || len(sites) != 2 || sites[0].Host != "" || sites[1].ID != soyte.ID {
		t.Fatalf("sites after the first CreateSite: %+v, %v", sites, err)
	}
	def := MustSite(t, s)
	if def.ID != sites[0].ID {
		t.Fatalf("DefaultSite %d, want the one CreateSite made, %d", def.ID, sites[0].ID)
	}
	ubnd, err := s.CreateSite(ctx, super, "anphu.gov.vn", "UBND tỉnh An Phú")
	if err != nil {
		t.Fatal(err)
	}
	sites, _ = s.FindSites(ctx)
	var hosts []string
	for _, x := range sites {
		hosts = append(hosts, x.Host)
	}
	wantStrings(t, hosts, []string{"", "anphu.gov.vn", "soyte.anphu.gov.vn"}, "FindSites, by host")

	for host, want := range map[string]int64{
		"soyte.anphu.gov.vn": soyte.ID, "SOYTE.ANPHU.GOV.VN": soyte.ID, "anphu.gov.vn": ubnd.ID,
		"khac.anphu.gov.vn": def.ID, "": def.ID,
	} {
		got, err := s.FindSiteByHost(ctx, host)
		if err != nil || got.ID != want {
			t.Fatalf("host %q: %+v, %v; want site %d", host, got, err, want)
		}
	}

	// The refusals (a taken host, a bad host, no name, not a super
	// administrator) are the service's: internal/app's TestCreateSiteRefused.
	if acts := AuditActions(t, s, congtin.AuditFilter{SiteID: soyte.ID}); len(acts) != 1 || acts[0] != "site.create" {
		t.Fatalf("the new site's audit log: %v", acts)
	}

	// Settings: only the fields given change.
	tagline, phone, email := "Vì sức khỏe nhân dân", "0290 3831 234", "soyte@anphu.gov.vn"
	got, err := s.UpdateSiteAs(ctx, super, soyte.ID, congtin.SiteUpdate{Tagline: &tagline, Phone: &phone, Email: &email})
	if err != nil || got.Name != "Sở Y tế tỉnh An Phú" || got.Tagline != tagline || got.Phone != phone || got.Email != email || got.Host != soyte.Host {
		t.Fatalf("UpdateSiteAs: %+v, %v", got, err)
	}
	agency, off := "Sở Y tế", int64(123456)
	if _, err := s.UpdateSite(ctx, soyte.ID, congtin.SiteUpdate{Agency: &agency, CounterOffset: &off}); err != nil {
		t.Fatal(err)
	}
	got, _ = s.FindSiteByHost(ctx, "soyte.anphu.gov.vn")
	if got.Tagline != tagline || got.Phone != phone || got.Email != email || got.Agency != agency || got.CounterOffset != off || got.Name != soyte.Name {
		t.Fatalf("settings after two updates: %+v", got)
	}
	if other, _ := s.FindSiteByHost(ctx, "anphu.gov.vn"); other.Tagline != "" || other.Agency != "" {
		t.Fatalf("another site's settings changed: %+v", other)
	}

	// Absolute URLs' host and scheme: https until set, stored as set
	// (issue 16); a bad scheme or host changes nothing.
	if got.Scheme != congtin.SchemeHTTPS || got.CanonicalHost != "" || got.URL("", "/a") != "https://soyte.anphu.gov.vn/a" {
		t.Fatalf("a new site's URLs: %+v", got)
	}
	canon, plain := "  SYT.AnPhu.gov.vn ", "HTTP"
	if _, err := s.UpdateSite(ctx, soyte.ID, congtin.SiteUpdate{CanonicalHost: &canon, Scheme: &plain}); err != nil {
		t.Fatal(err)
	}
	defHost := "anphu.example"
	if _, err := s.UpdateSite(ctx, def.ID, congtin.SiteUpdate{CanonicalHost: &defHost}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ bad congtin.SiteUpdate }{{congtin.SiteUpdate{Scheme: &tagline}}, {congtin.SiteUpdate{CanonicalHost: &email}}} {
		_, err := s.UpdateSite(ctx, soyte.ID, c.bad)
		WantCode(t, err, congtin.EINVALID, "a bad scheme or canonical host")
	}
	got, _ = s.FindSiteByHost(ctx, "soyte.anphu.gov.vn")
	if got.CanonicalHost != "syt.anphu.gov.vn" || got.Scheme != congtin.SchemeHTTP || got.URL("https://x.example", "/a") != "http://syt.anphu.gov.vn/a" {
		t.Fatalf("canonical host and scheme after an update: %+v", got)
	}
	if d, _ := s.FindSiteByHost(ctx, "khac.example"); d.ID != def.ID || d.URL("", "/") != "https://anphu.example/" ||
		d.URL("http://base.example/", "/") != "http://base.example/" {
		t.Fatalf("the default site's URLs: %+v", d)
	}
	es, _, err := s.FindAudit(ctx, congtin.AuditFilter{SiteID: soyte.ID, Action: "site.settings"})
	if err != nil || len(es) != 1 || es[0].Username != "quantri" || es[0].ObjectType != "site" || es[0].ObjectID != soyte.ID || es[0].IP != testIP {
		t.Fatalf("settings audit: %+v, %v", es, err)
	}
	_, err = s.UpdateSiteAs(ctx, super, ubnd.ID+1000, congtin.SiteUpdate{Tagline: &tagline})
	WantCode(t, err, congtin.ENOTFOUND, "settings of a missing site")
	if got, _ := s.FindSiteByHost(ctx, "soyte.anphu.gov.vn"); got.CounterOffset != off {
		t.Fatalf("a refused update changed the offset: %d", got.CounterOffset)
	}

	// Content stays within its site.
	res := MustImport(t, s, soyte.ID, Rec("Tiêm chủng mở rộng", "Tin y tế", time.Date(2024, 4, 1, 8, 0, 0, 0, congtin.VietnamZone)))
	id := res[0].Article.ID
	WantIDs(t, publicIDs(t, s, congtin.ArticleFilter{SiteID: soyte.ID}), []int64{id}, "the site's own articles")
	WantIDs(t, publicIDs(t, s, congtin.ArticleFilter{SiteID: def.ID}), nil, "another site's articles")
	_, err = s.FindArticleByID(ctx, def.ID, id)
	WantCode(t, err, congtin.ENOTFOUND, "an article through another site")
	if cats, _ := s.FindCategories(ctx, def.ID); len(cats) != 0 {
		t.Fatalf("another site's categories: %+v", cats)
	}
	if cats, _ := s.FindCategories(ctx, soyte.ID); len(cats) != 1 || cats[0].SiteID != soyte.ID {
		t.Fatalf("the site's categories: %+v", cats)
	}
}
