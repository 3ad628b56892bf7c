package storetest

import (
	"context"
	"slices"
	"testing"

	"github.com/congtin/congtin"
)

// testMedia: records of uploaded images, one per content hash and site.
func testMedia(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	other := MustCreateSite(t, s, "so.example", "Cổng Sở")
	rep := MustUser(t, s, site.ID, "phongvien", congtin.RoleReporter)
	add := func(m congtin.Media) *congtin.Media {
		t.Helper()
		got, err := s.AddMedia(ctx, rep, &m)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	m1 := congtin.Media{SiteID: site.ID, Hash: "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b", Name: "cau-nam-mu.jpg",
		ContentType: "image/jpeg", Width: 1600, Height: 900, UploadedBy: rep.User.ID,
		Variants: []congtin.MediaVariant{{Width: 320, Height: 180, Key: "3a/3a7b-320.jpg"}, {Width: 1600, Height: 900, Key: "3a/3a7b-1600.jpg"}}}
	got1 := add(m1)
	if got1.ID == 0 || got1.CreatedAt.IsZero() || got1.SiteID != site.ID || got1.Hash != m1.Hash || got1.Name != m1.Name || got1.ContentType != m1.ContentType ||
		got1.Width != 1600 || got1.Height != 900 || got1.UploadedBy != rep.User.ID || !slices.Equal(got1.Variants, m1.Variants) {
		t.Fatalf("AddMedia: %+v", got1)
	}

	// The same image again is the record already there, as it was.
	again := m1
	again.Name, again.UploadedBy = "anh-khac.jpg", rep.User.ID+1
	if got := add(again); got.ID != got1.ID || got.Name != "cau-nam-mu.jpg" || got.UploadedBy != rep.User.ID || !got.CreatedAt.Equal(got1.CreatedAt) {
		t.Fatalf("the same hash again: %+v, want %+v", got, got1)
	}
	m2 := congtin.Media{SiteID: site.ID, Hash: "b2", Name: "le-hoi.png", ContentType: "image/png", Width: 800, Height: 600,
		Variants: []congtin.MediaVariant{{Width: 800, Height: 600, Key: "b2/b2-800.png"}}}
	got2 := add(m2)
	m3 := congtin.Media{SiteID: site.ID, Hash: "c3", Name: "hoi-nghi.webp", ContentType: "image/webp", Width: 1200, Height: 800,
		Variants: []congtin.MediaVariant{{Width: 1200, Height: 800, Key: "c3/c3-1200.webp"}}}
	got3 := add(m3)
	// Another site's library is its own, even for the same image.
	elsewhere := m1
	elsewhere.SiteID = other.ID
	got4 := add(elsewhere)
	if got4.ID == got1.ID || got4.SiteID != other.ID {
		t.Fatalf("the same image in another site: %+v", got4)
	}

	list := func(siteID int64, offset, limit int) ([]int64, int) {
		t.Helper()
		ms, total, err := s.FindMedia(ctx, congtin.MediaFilter{SiteID: siteID, Offset: offset, Limit: limit})
		if err != nil {
			t.Fatal(err)
		}
		var out []int64
		for _, m := range ms {
			if m.SiteID != siteID {
				t.Fatalf("another site's image listed: %+v", m)
			}
			out = append(out, m.ID)
		}
		return out, total
	}
	got, total := list(site.ID, 0, 10)
	WantIDs(t, got, []int64{got3.ID, got2.ID, got1.ID}, "newest first")
	if total != 3 {
		t.Fatalf("total %d, want 3", total)
	}
	got, total = list(site.ID, 1, 1)
	WantIDs(t, got, []int64{got2.ID}, "second page of one")
	if total != 3 {
		t.Fatalf("paged total %d, want 3", total)
	}
	got, total = list(site.ID, 3, 10)
	if len(got) != 0 || total != 3 {
		t.Fatalf("past the end: %v of %d", got, total)
	}
	got, total = list(other.ID, 0, 10)
	WantIDs(t, got, []int64{got4.ID}, "the other site's library")
	if total != 1 {
		t.Fatalf("the other site's total %d, want 1", total)
	}
	ms, _, _ := s.FindMedia(ctx, congtin.MediaFilter{SiteID: site.ID, Limit: 10})
	if !slices.Equal(ms[2].Variants, m1.Variants) || ms[2].Name != m1.Name {
		t.Fatalf("listed record: %+v", ms[2])
	}

	// (Uploading takes a role on the site: internal/app's
	// TestMediaUploadNeedsRole.)

	// An upload is logged once; the repeated one is not.
	es, _, err := s.FindAudit(ctx, congtin.AuditFilter{SiteID: site.ID, Action: "media"})
	if err != nil || len(es) != 3 || es[0].ObjectID != got3.ID || es[2].ObjectID != got1.ID || es[2].Detail != "cau-nam-mu.jpg" ||
		es[0].Username != rep.User.Username || es[0].ObjectType != "media" || es[0].Action != "media.upload" {
		t.Fatalf("media audit: %+v, %v", es, err)
	}
}
