package storetest

import (
	"context"
	"testing"

	"github.com/congtin/congtin"
)

// testCategoryAdmin: create, nest, reorder, hide, rename with redirects,
// delete.
func testCategoryAdmin(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	other := MustCreateSite(t, s, "so.example", "Cổng Sở")
	ad := MustUser(t, s, site.ID, "quantri", congtin.RoleAdmin)

	kt := MustCategory(t, s, ad, site.ID, congtin.CategoryInput{Name: " Kinh tế ", Position: 2})
	if kt.ID == 0 || kt.SiteID != site.ID || kt.Name != "Kinh tế" || kt.Slug != "kinh-te" || kt.ParentID != 0 || kt.Position != 2 || kt.Hidden {
		t.Fatalf("created: %+v", kt)
	}
	xh := MustCategory(t, s, ad, site.ID, congtin.CategoryInput{Name: "Xã hội", Position: 1})
	nn := MustCategory(t, s, ad, site.ID, congtin.CategoryInput{Name: "Nông nghiệp", ParentID: kt.ID, Position: 1})
	tb := MustCategory(t, s, ad, site.ID, congtin.CategoryInput{Name: "Thông báo", Slug: "thong-bao-moi", Position: 3, Hidden: true})
	if nn.ParentID != kt.ID || tb.Slug != "thong-bao-moi" || !tb.Hidden {
		t.Fatalf("created: %+v %+v", nn, tb)
	}
	order := func(what string, want ...*congtin.Category) congtin.Categories {
		t.Helper()
		cats, err := s.FindCategories(ctx, site.ID)
		if err != nil {
			t.Fatal(err)
		}
		var got, w []int64
		for _, c := range cats {
			got = append(got, c.ID)
		}
		for _, c := range want {
			w = append(w, c.ID)
		}
		WantIDs(t, got, w, what)
		return cats
	}
	// By position, then name: Nông nghiệp and Xã hội share position 1.
	cs := order("by position then name", nn, xh, kt, tb)
	WantIDs(t, cs.Subtree(kt.ID), []int64{kt.ID, nn.ID}, "Kinh tế's subtree")
	if c := cs.ByID(tb.ID); !c.Hidden || c.Slug != "thong-bao-moi" {
		t.Fatalf("hidden categories are listed as hidden: %+v", c)
	}

	// The service refuses taken, old and reserved slugs, taken names and
	// bad parents (internal/app's TestCategoryRefused). The same slug in
	// another site is no conflict.
	otherCat := MustCategory(t, s, ad, other.ID, congtin.CategoryInput{Name: "Tin y tế"})
	if c := MustCategory(t, s, ad, other.ID, congtin.CategoryInput{Name: "Kinh tế"}); c.Slug != "kinh-te" {
		t.Fatalf("another site's slug: %q", c.Slug)
	}
	order("after another site's categories", nn, xh, kt, tb)

	// Reorder and hide.
	kt, err := s.UpdateCategory(ctx, ad, site.ID, kt.ID, congtin.CategoryInput{Name: "Kinh tế", Position: 0})
	if err != nil || kt.Position != 0 || kt.Slug != "kinh-te" {
		t.Fatalf("reorder: %+v, %v", kt, err)
	}
	xh, err = s.UpdateCategory(ctx, ad, site.ID, xh.ID, congtin.CategoryInput{Name: "Xã hội", Position: 1, Hidden: true})
	if err != nil || !xh.Hidden {
		t.Fatalf("hide: %+v, %v", xh, err)
	}
	cs = order("after reordering", kt, nn, xh, tb)
	if !cs.ByID(xh.ID).Hidden || cs.ByID(kt.ID).Hidden {
		t.Fatalf("hidden flags: %+v", cs)
	}

	// A rename without a new slug keeps the address; a new slug leaves the
	// old one as a redirect.
	kt, err = s.UpdateCategory(ctx, ad, site.ID, kt.ID, congtin.CategoryInput{Name: "Kinh tế - Tài chính"})
	if err != nil || kt.Name != "Kinh tế - Tài chính" || kt.Slug != "kinh-te" {
		t.Fatalf("rename: %+v, %v", kt, err)
	}
	redirect := func(slug string) int64 {
		t.Helper()
		c, err := s.FindCategoryRedirect(ctx, site.ID, slug)
		if congtin.ErrorCode(err) == congtin.ENOTFOUND {
			return 0
		} else if err != nil {
			t.Fatal(err)
		}
		return c.ID
	}
	if id := redirect("kinh-te"); id != 0 {
		t.Fatalf("a rename that kept the slug made a redirect to %d", id)
	}
	kt, err = s.UpdateCategory(ctx, ad, site.ID, kt.ID, congtin.CategoryInput{Name: "Kinh tế - Tài chính", Slug: "kinh-te-tai-chinh"})
	if err != nil || kt.Slug != "kinh-te-tai-chinh" {
		t.Fatalf("new slug: %+v, %v", kt, err)
	}
	c, err := s.FindCategoryRedirect(ctx, site.ID, "kinh-te")
	if err != nil || c.ID != kt.ID || c.Slug != "kinh-te-tai-chinh" || c.Name != "Kinh tế - Tài chính" {
		t.Fatalf("redirect from the old slug: %+v, %v", c, err)
	}
	kt, err = s.UpdateCategory(ctx, ad, site.ID, kt.ID, congtin.CategoryInput{Name: "Tài chính", Slug: "tai-chinh"})
	if err != nil || kt.Slug != "tai-chinh" {
		t.Fatalf("second new slug: %+v, %v", kt, err)
	}
	if redirect("kinh-te") != kt.ID || redirect("kinh-te-tai-chinh") != kt.ID {
		t.Fatal("both old slugs should redirect to the category")
	}
	if got, _ := s.FindCategoryRedirect(ctx, site.ID, "kinh-te"); got.Slug != "tai-chinh" {
		t.Fatalf("a redirect names the current slug: %+v", got)
	}
	_, err = s.FindCategoryRedirect(ctx, site.ID, "chua-tung-co")
	WantCode(t, err, congtin.ENOTFOUND, "a slug that never was")
	_, err = s.FindCategoryRedirect(ctx, other.ID, "kinh-te-tai-chinh")
	WantCode(t, err, congtin.ENOTFOUND, "a redirect through another site")
	// Going back to an old slug makes it live again: no redirect from it.
	kt, err = s.UpdateCategory(ctx, ad, site.ID, kt.ID, congtin.CategoryInput{Name: "Kinh tế", Slug: "kinh-te"})
	if err != nil || kt.Slug != "kinh-te" {
		t.Fatalf("back to the old slug: %+v, %v", kt, err)
	}
	if redirect("kinh-te") != 0 || redirect("tai-chinh") != kt.ID || redirect("kinh-te-tai-chinh") != kt.ID {
		t.Fatalf("redirects after going back: kinh-te %d, tai-chinh %d", redirect("kinh-te"), redirect("tai-chinh"))
	}

	// Moving. An empty category is deleted at once.
	dup := MustCategory(t, s, ad, site.ID, congtin.CategoryInput{Name: "Nông nghiệp", ParentID: xh.ID, Slug: "nong-nghiep-xa-hoi"})
	if err := s.DeleteCategory(ctx, ad, site.ID, dup.ID); err != nil {
		t.Fatal(err)
	}
	nn, err = s.UpdateCategory(ctx, ad, site.ID, nn.ID, congtin.CategoryInput{Name: "Nông nghiệp", ParentID: xh.ID, Position: 1})
	if err != nil || nn.ParentID != xh.ID || nn.Slug != "nong-nghiep" {
		t.Fatalf("move: %+v, %v", nn, err)
	}
	_, err = s.UpdateCategory(ctx, ad, site.ID, tb.ID+1000, congtin.CategoryInput{Name: "Không có"})
	WantCode(t, err, congtin.ENOTFOUND, "update a missing category")
	_, err = s.UpdateCategory(ctx, ad, site.ID, otherCat.ID, congtin.CategoryInput{Name: "Không có"})
	WantCode(t, err, congtin.ENOTFOUND, "update another site's category")
	cs = order("after moving", kt, nn, xh, tb)
	WantIDs(t, cs.Subtree(xh.ID), []int64{xh.ID, nn.ID}, "Xã hội's subtree after the move")
	if got := cs.ByID(xh.ID); got.ParentID != 0 || !got.Hidden || got.Slug != "xa-hoi" {
		t.Fatalf("Xã hội after the move (as stored): %+v", got)
	}

	// Deleting: another site's category and a missing one are not found
	// (that only empty categories go is the service's rule).
	WantCode(t, s.DeleteCategory(ctx, ad, site.ID, otherCat.ID), congtin.ENOTFOUND, "delete another site's category")
	WantCode(t, s.DeleteCategory(ctx, ad, site.ID, tb.ID+1000), congtin.ENOTFOUND, "delete a missing category")
	order("after refused deletions", kt, nn, xh, tb)

	if _, err := s.UpdateCategory(ctx, ad, site.ID, tb.ID, congtin.CategoryInput{Name: "Thông báo", Slug: "thong-bao", Position: 3}); err != nil {
		t.Fatal(err)
	}
	if redirect("thong-bao-moi") != tb.ID {
		t.Fatal("no redirect before the deletion")
	}
	if err := s.DeleteCategory(ctx, ad, site.ID, tb.ID); err != nil {
		t.Fatal(err)
	}
	order("after deleting Thông báo", kt, nn, xh)
	if redirect("thong-bao-moi") != 0 {
		t.Fatal("a deleted category's redirect remains")
	}
	WantCode(t, s.DeleteCategory(ctx, ad, site.ID, tb.ID), congtin.ENOTFOUND, "delete twice")
	// Its slugs are free again.
	if c := MustCategory(t, s, ad, site.ID, congtin.CategoryInput{Name: "Thông báo mới", Slug: "thong-bao-moi"}); c.Slug != "thong-bao-moi" {
		t.Fatalf("reusing a deleted category's old slug: %+v", c)
	}

	// Every change wrote its audit entry, and refused ones (not found)
	// none.
	es, _, err := s.FindAudit(ctx, congtin.AuditFilter{SiteID: site.ID, Action: "category", Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var creates, updates, deletes int
	for _, e := range es {
		switch e.Action {
		case "category.create":
			creates++
		case "category.update":
			updates++
		case "category.delete":
			deletes++
		}
		if e.ObjectType != "category" || e.ObjectID == 0 || e.Username != "quantri" || e.IP != testIP {
			t.Fatalf("audit entry %+v", e)
		}
	}
	if creates != 6 || updates != 8 || deletes != 2 {
		t.Fatalf("audit: %d creates, %d updates, %d deletes; want 6, 8, 2", creates, updates, deletes)
	}
	if es[1].Action != "category.delete" || es[1].ObjectID != tb.ID || es[1].Detail != "Thông báo" {
		t.Fatalf("the deletion's entry: %+v", es[1])
	}
}
