package app_test

import (
	"testing"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
)

// TestLinkRefused: only an administrator changes the links, and a link
// goes to an absolute http(s) address and nowhere else. Refused changes
// write nothing.
func TestLinkRefused(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	ed := storetest.MustUser(t, a, site.ID, "btv", congtin.RoleEditor)
	ad := storetest.MustUser(t, a, site.ID, "qtv", congtin.RoleAdmin)
	in := congtin.LinkInput{Name: "Sở Y tế", URL: "https://soyte.anphu.gov.vn/", Group: "Cơ quan liên quan", Position: 5}
	_, err := a.CreateLink(ctx, ed, site.ID, in)
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "editor adds a link")
	for _, u := range []string{"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<b>x</b>", "//evil.example", "/lien-ket",
		"ftp://x.example", "https://", "https://a b.example", "http://user:pw@x.example", " javascript:alert(1)", "https://x.example/\"onmouseover=\"x"} {
		bad := in
		bad.URL = u
		_, err := a.CreateLink(ctx, ad, site.ID, bad)
		storetest.WantField(t, err, "url", "link to "+u)
	}
	if ls, err := a.FindLinks(ctx, site.ID); err != nil || len(ls) != 2 {
		t.Fatalf("after refused links: %+v, %v; want the 2 defaults", ls, err)
	}
	wantAudit(t, a, site.ID, "link", 0, "refused links")
}
