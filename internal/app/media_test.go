package app_test

import (
	"testing"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
)

// TestMediaUploadNeedsRole: uploading takes a role on the site; a refused
// upload writes nothing.
func TestMediaUploadNeedsRole(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	rep := storetest.MustUser(t, a, site.ID, "phongvien", congtin.RoleReporter)
	if _, err := a.AddMedia(ctx, rep, &congtin.Media{SiteID: site.ID, Hash: "b2", Name: "le-hoi.png", ContentType: "image/png", Width: 800, Height: 600}); err != nil {
		t.Fatal(err)
	}
	guest := storetest.MustUser(t, a, site.ID, "khach", "")
	m := congtin.Media{SiteID: site.ID, Hash: "d4", Name: "khach.jpg", ContentType: "image/jpeg", Width: 10, Height: 10}
	_, err := a.AddMedia(ctx, guest, &m)
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "an upload without a role")
	if _, total, err := a.FindMedia(ctx, site.ID, 0, 10); err != nil || total != 1 {
		t.Fatalf("total %d after a refused upload, want 1 (%v)", total, err)
	}
	wantAudit(t, a, site.ID, "media", 1, "a refused upload")
}
