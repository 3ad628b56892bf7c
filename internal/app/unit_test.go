package app_test

import (
	"strings"
	"testing"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
)

// TestUnitRefused: only an editor changes the organisation chart; a unit
// needs a name, valid contacts, named leaders and a parent of its site
// that is not below it; a unit with sub-units is not deleted. Refused
// changes write nothing.
func TestUnitRefused(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	other := storetest.MustCreateSite(t, a, "so.example", "Sở")
	pv := storetest.MustUser(t, a, site.ID, "pv1", congtin.RoleReporter)
	ed := storetest.MustUser(t, a, site.ID, "btv", congtin.RoleEditor)

	_, err := a.CreateUnit(ctx, pv, site.ID, congtin.UnitInput{Name: "Văn phòng"})
	storetest.WantCode(t, err, congtin.EFORBIDDEN, "reporter edits the chart")
	top, err := a.CreateUnit(ctx, ed, site.ID, congtin.UnitInput{Name: "Ủy ban nhân dân tỉnh"})
	if err != nil {
		t.Fatal(err)
	}
	vp, err := a.CreateUnit(ctx, ed, site.ID, congtin.UnitInput{Name: "Văn phòng UBND", ParentID: top.ID, Position: 2})
	if err != nil {
		t.Fatal(err)
	}
	for name, in := range map[string]congtin.UnitInput{
		"email":           {Name: "X", Email: "not an email"},
		"phone":           {Name: "X", Phone: "javascript:alert(1)"},
		"name":            {Name: " "},
		"leaders":         {Name: "X", Leaders: []congtin.Leader{{Title: "Giám đốc"}}},
		"parent_id":       {Name: "X", ParentID: 999999},
		"parent_id/other": {Name: "X", ParentID: top.ID},
	} {
		field, _, _ := strings.Cut(name, "/")
		siteID := site.ID
		if name == "parent_id/other" {
			siteID = other.ID
		}
		_, err := a.CreateUnit(ctx, ed, siteID, in)
		storetest.WantField(t, err, field, "bad unit "+name)
	}
	_, err = a.UpdateUnit(ctx, ed, site.ID, top.ID, congtin.UnitInput{Name: "Ủy ban nhân dân tỉnh", ParentID: vp.ID})
	storetest.WantField(t, err, "parent_id", "cycle")
	storetest.WantCode(t, a.DeleteUnit(ctx, ed, site.ID, top.ID), congtin.ECONFLICT, "delete a unit with sub-units")

	us, err := a.FindUnits(ctx, site.ID)
	if err != nil || len(us) != 2 {
		t.Fatalf("after refused changes: %+v, %v", us, err)
	}
	for _, u := range us {
		if u.ID == top.ID && u.ParentID != 0 {
			t.Fatalf("a refused move moved the unit: %+v", u)
		}
	}
	if us, _ := a.FindUnits(ctx, other.ID); len(us) != 0 {
		t.Fatalf("another site has %d units after a refused creation", len(us))
	}
	if acts := storetest.AuditActions(t, a, congtin.AuditFilter{SiteID: site.ID, Action: "unit"}); strings.Join(acts, ",") != "unit.create,unit.create" {
		t.Fatalf("audit after refused changes: %v", acts)
	}
}
