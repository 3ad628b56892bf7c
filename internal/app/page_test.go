package app_test

import (
	"strings"
	"testing"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
)

// TestPageRefused: a page's slugs are its own in each language and not
// the portal's; an English body needs a title; a body has a size limit; a
// reporter neither publishes a page nor edits a published one. Refused
// changes write nothing.
func TestPageRefused(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	pv := storetest.MustUser(t, a, site.ID, "pv1", congtin.RoleReporter)
	ed := storetest.MustUser(t, a, site.ID, "btv", congtin.RoleEditor)
	in := congtin.PageInput{Title: "Chức năng, nhiệm vụ", Body: "<p>Ủy ban nhân dân</p>",
		TitleEN: "Functions and duties", BodyEN: "<p>The People's Committee</p>", Position: 2}
	p, err := a.CreatePage(ctx, pv, site.ID, in)
	if err != nil {
		t.Fatal(err)
	}

	// Slugs are unique per site in each language; reserved ones refused.
	_, err = a.CreatePage(ctx, ed, site.ID, congtin.PageInput{Title: "Chức năng nhiệm vụ"})
	storetest.WantField(t, err, "slug", "taken slug")
	_, err = a.CreatePage(ctx, ed, site.ID, congtin.PageInput{Title: "Khác", TitleEN: "Functions and Duties"})
	storetest.WantField(t, err, "slug_en", "taken English slug")
	_, err = a.CreatePage(ctx, ed, site.ID, congtin.PageInput{Title: "Cơ cấu tổ chức"})
	storetest.WantField(t, err, "slug", "reserved slug")
	_, err = a.CreatePage(ctx, ed, site.ID, congtin.PageInput{Title: "Khác", BodyEN: "<p>only a body</p>"})
	storetest.WantField(t, err, "title_en", "English body without a title")
	_, err = a.CreatePage(ctx, ed, site.ID, congtin.PageInput{Title: "Lớn", Body: strings.Repeat("a", congtin.MaxBodyBytes+1)})
	storetest.WantField(t, err, "body", "body over 2 MB")
	if ps, err := a.FindPages(ctx, site.ID, false); err != nil || len(ps) != 1 {
		t.Fatalf("after refused creations: %d pages, %v", len(ps), err)
	}

	_, err = a.TransitionPage(ctx, pv, site.ID, p.ID, congtin.ActPublish, "")
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "reporter publishes a page")
	if got, err := a.FindPage(ctx, site.ID, p.ID); err != nil || got.Status != congtin.StatusDraft {
		t.Fatalf("after a refused publication: %+v, %v", got, err)
	}
	if _, err := a.TransitionPage(ctx, ed, site.ID, p.ID, congtin.ActPublish, ""); err != nil {
		t.Fatal(err)
	}
	// A reporter cannot edit a published page.
	changed := in
	changed.Title = "Chức năng và nhiệm vụ"
	_, err = a.UpdatePage(ctx, pv, site.ID, p.ID, changed)
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "reporter edits a published page")
	if got, err := a.FindPage(ctx, site.ID, p.ID); err != nil || got.Title != in.Title || got.Status != congtin.StatusPublished {
		t.Fatalf("after a refused edit: %+v, %v", got, err)
	}
	if revs, err := a.FindPageRevisions(ctx, site.ID, p.ID); err != nil || len(revs) != 1 {
		t.Fatalf("refused changes wrote revisions: %+v, %v", revs, err)
	}
	if acts := storetest.AuditActions(t, a, congtin.AuditFilter{SiteID: site.ID, Action: "page"}); strings.Join(acts, ",") != "page.publish,page.create" {
		t.Fatalf("audit after refused changes: %v", acts)
	}
}
