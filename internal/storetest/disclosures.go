package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// testDisclosures: every site starts with the three default groups, their
// types and fields found by name; a group narrows the register's query
// and its facets; administrators only change the groups; a group needs a
// type or a field of its own site, and a name no other group's slug has.
func testDisclosures(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	mustClock(t, s, clockStart)
	site := MustSite(t, s)
	other := MustCreateSite(t, s, "xa-an-phu.example.vn", "Xã An Phú")
	admin := MustUser(t, s, site.ID, "quantri", congtin.RoleAdmin)
	ed := MustUser(t, s, site.ID, "bientap", congtin.RoleEditor)

	for _, sid := range []int64{site.ID, other.ID} {
		gs, err := s.FindDisclosures(ctx, sid)
		if err != nil || len(gs) != 3 || gs[0].Slug != "ngan-sach" || gs[1].Slug != "bao-cao-thong-ke" || gs[2].Slug != "chien-luoc-quy-hoach-ke-hoach" {
			t.Fatalf("site %d's default groups: %+v %v", sid, gs, err)
		}
		if len(gs[0].FieldIDs) != 1 || gs[0].FieldIDs[0] != TermID(t, s, sid, congtin.ListFields, "Kinh tế - Tài chính") || len(gs[0].TypeIDs) != 0 ||
			len(gs[2].TypeIDs) != 1 || gs[2].TypeIDs[0] != TermID(t, s, sid, congtin.ListTypes, "Kế hoạch") {
			t.Fatalf("site %d's default groups' terms: %+v %+v", sid, gs[0], gs[2])
		}
	}
	plan := func(number, typ string, issued time.Time) *congtin.Document {
		t.Helper()
		d, err := s.CreateDocument(ctx, ed, site.ID, congtin.DocumentInput{TypeID: TermID(t, s, site.ID, congtin.ListTypes, typ), Number: number,
			Issuer: "Ủy ban nhân dân tỉnh", IssuedOn: issued, Summary: typ + " " + number})
		if err == nil {
			d, err = s.TransitionDocument(ctx, ed, site.ID, d.ID, congtin.ActPublish, "")
		}
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	k1 := plan("12/KH-UBND", "Kế hoạch", day("2026-02-10"))
	k2 := plan("98/KH-UBND", "Kế hoạch", day("2025-11-03"))
	plan("15/QĐ-UBND", "Quyết định", day("2026-02-11"))
	g, err := s.FindDisclosure(ctx, site.ID, "chien-luoc-quy-hoach-ke-hoach")
	if err != nil {
		t.Fatal(err)
	}
	q := g.Query()
	q.Facets = true
	res, err := s.FindDocuments(ctx, q)
	if err != nil || res.Total != 2 || res.Documents[0].ID != k1.ID || res.Documents[1].ID != k2.ID || len(res.Facets.Years) != 2 ||
		res.Facets.Years[0].Value != "2026" || res.Facets.Years[0].Count != 1 {
		t.Fatalf("the group's documents: %+v %+v %v", res, res.Facets, err)
	}
	q.Year = 2025
	if res, err = s.FindDocuments(ctx, q); err != nil || res.Total != 1 || res.Documents[0].ID != k2.ID {
		t.Fatalf("the group's 2025: %+v %v", res, err)
	}
	if congtin.Quarter(k1.IssuedOn) != 1 || congtin.Quarter(k2.IssuedOn) != 4 {
		t.Fatalf("quarters %d %d", congtin.Quarter(k1.IssuedOn), congtin.Quarter(k2.IssuedOn))
	}
	if _, err := s.FindDisclosure(ctx, site.ID, "khong-co"); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("unknown slug: %v", err)
	}

	// Changes: administrators only, and checked.
	in := congtin.DisclosureInput{Name: "Công khai đầu tư công", TypeIDs: []int64{TermID(t, s, site.ID, congtin.ListTypes, "Quyết định")}}
	if _, err := s.SaveDisclosure(ctx, ed, site.ID, 0, in); congtin.ErrorCode(err) != congtin.EFORBIDDEN {
		t.Fatalf("an editor adds a group: %v", err)
	}
	for _, bad := range []congtin.DisclosureInput{
		{Name: "Không chọn gì"},
		{Name: "Của cổng khác", TypeIDs: []int64{TermID(t, s, other.ID, congtin.ListTypes, "Quyết định")}},
		{Name: "Công khai ngân sách", TypeIDs: in.TypeIDs},
		{Name: "   ", TypeIDs: in.TypeIDs},
	} {
		if _, err := s.SaveDisclosure(ctx, admin, site.ID, 0, bad); congtin.ErrorCode(err) != congtin.EINVALID {
			t.Fatalf("%q: %v", bad.Name, err)
		}
	}
	d, err := s.SaveDisclosure(ctx, admin, site.ID, 0, in)
	if err != nil || d.Slug != "cong-khai-dau-tu-cong" {
		t.Fatalf("new group: %+v %v", d, err)
	}
	in.FieldIDs = []int64{TermID(t, s, site.ID, congtin.ListFields, "Kinh tế - Tài chính")}
	in.Position, in.Name = 9, "Đầu tư công"
	if _, err := s.SaveDisclosure(ctx, admin, site.ID, d.ID, in); err != nil {
		t.Fatal(err)
	}
	got, err := s.FindDisclosure(ctx, site.ID, "cong-khai-dau-tu-cong")
	if err != nil || len(got.TypeIDs) != 1 || len(got.FieldIDs) != 1 || got.Position != 9 {
		t.Fatalf("changed group: %+v %v", got, err)
	}
	if err := s.DeleteDisclosure(ctx, admin, site.ID, d.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.FindDisclosure(ctx, site.ID, "cong-khai-dau-tu-cong"); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("deleted group: %v", err)
	}
	if err := s.DeleteDisclosure(ctx, admin, other.ID, g.ID); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("another site's group: %v", err)
	}
}
