package app_test

import (
	"testing"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/storetest"
)

// categoryIDs returns the IDs of the site's categories in menu order.
func categoryIDs(t *testing.T, a *app.App, siteID int64) []int64 {
	t.Helper()
	cats, err := a.FindCategories(t.Context(), siteID)
	if err != nil {
		t.Fatal(err)
	}
	out := []int64{}
	for _, c := range cats {
		out = append(out, c.ID)
	}
	return out
}

// TestCategoryRefused: the service refuses a category without a name, with
// a slug another category has, has had or the portal reserves, with a name
// taken at its level, or under a parent that is missing, another site's
// or itself; and a category that still holds something is not deleted.
// Refused changes write nothing.
func TestCategoryRefused(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	other := storetest.MustCreateSite(t, a, "so.example", "Cổng Sở")
	ad := storetest.MustUser(t, a, site.ID, "quantri", congtin.RoleAdmin)
	kt := storetest.MustCategory(t, a, ad, site.ID, congtin.CategoryInput{Name: "Kinh tế", Position: 2})
	xh := storetest.MustCategory(t, a, ad, site.ID, congtin.CategoryInput{Name: "Xã hội", Position: 1})
	nn := storetest.MustCategory(t, a, ad, site.ID, congtin.CategoryInput{Name: "Nông nghiệp", ParentID: kt.ID, Position: 1})
	tb := storetest.MustCategory(t, a, ad, site.ID, congtin.CategoryInput{Name: "Thông báo", Slug: "thong-bao-moi", Position: 3, Hidden: true})
	otherCat := storetest.MustCategory(t, a, ad, other.ID, congtin.CategoryInput{Name: "Tin y tế"})
	menu := categoryIDs(t, a, site.ID)
	audits := auditCount(t, a, site.ID, "category")

	// Refused creations.
	_, err := a.CreateCategory(ctx, ad, site.ID, congtin.CategoryInput{Name: "Kinh tế số", Slug: "kinh-te"})
	storetest.WantField(t, err, "slug", "a taken slug")
	_, err = a.CreateCategory(ctx, ad, site.ID, congtin.CategoryInput{Name: "Kinh Tế", ParentID: xh.ID})
	storetest.WantField(t, err, "slug", "a name whose slug is taken")
	_, err = a.CreateCategory(ctx, ad, site.ID, congtin.CategoryInput{Name: "Nông nghiệp", ParentID: kt.ID, Slug: "nong-nghiep-2"})
	storetest.WantField(t, err, "name", "a name taken at the same level")
	_, err = a.CreateCategory(ctx, ad, site.ID, congtin.CategoryInput{Name: "Admin"})
	storetest.WantField(t, err, "slug", "a reserved slug")
	_, err = a.CreateCategory(ctx, ad, site.ID, congtin.CategoryInput{Name: "Mồ côi", ParentID: tb.ID + 1000})
	storetest.WantField(t, err, "parent_id", "a missing parent")
	_, err = a.CreateCategory(ctx, ad, site.ID, congtin.CategoryInput{Name: "Lạc cổng", ParentID: otherCat.ID})
	storetest.WantField(t, err, "parent_id", "a parent in another site")
	_, err = a.CreateCategory(ctx, ad, site.ID, congtin.CategoryInput{Name: "  "})
	storetest.WantField(t, err, "name", "a blank name")
	storetest.WantIDs(t, categoryIDs(t, a, site.ID), menu, "after refused creations")
	wantAudit(t, a, site.ID, "category", audits, "refused creations")

	// An old slug stays the category's: no other may take it. Kinh tế had
	// two addresses before tai-chinh.
	for _, slug := range []string{"kinh-te-tai-chinh", "tai-chinh"} {
		var err error
		if kt, err = a.UpdateCategory(ctx, ad, site.ID, kt.ID, congtin.CategoryInput{Name: "Kinh tế - Tài chính", Slug: slug}); err != nil {
			t.Fatal(err)
		}
	}
	menu, audits = categoryIDs(t, a, site.ID), auditCount(t, a, site.ID, "category")
	_, err = a.UpdateCategory(ctx, ad, site.ID, xh.ID, congtin.CategoryInput{Name: "Xã hội", Slug: "kinh-te", Position: 1})
	storetest.WantField(t, err, "slug", "another category takes an old slug")
	_, err = a.CreateCategory(ctx, ad, site.ID, congtin.CategoryInput{Name: "Kinh tế tài chính"})
	storetest.WantField(t, err, "slug", "a new category takes an old slug")
	_, err = a.UpdateCategory(ctx, ad, site.ID, xh.ID, congtin.CategoryInput{Name: "Xã hội", Slug: "thong-bao-moi"})
	storetest.WantField(t, err, "slug", "another category's current slug")
	storetest.WantIDs(t, categoryIDs(t, a, site.ID), menu, "after refused slugs")
	wantAudit(t, a, site.ID, "category", audits, "refused slugs")

	// A move next to a category of the same name, and the cycles.
	dup := storetest.MustCategory(t, a, ad, site.ID, congtin.CategoryInput{Name: "Nông nghiệp", ParentID: xh.ID, Slug: "nong-nghiep-xa-hoi"})
	_, err = a.UpdateCategory(ctx, ad, site.ID, nn.ID, congtin.CategoryInput{Name: "Nông nghiệp", ParentID: xh.ID, Position: 1})
	storetest.WantField(t, err, "name", "a move next to a category of the same name")
	if cats, err := a.FindCategories(ctx, site.ID); err != nil || congtin.Categories(cats).ByID(nn.ID).ParentID != kt.ID {
		t.Fatalf("a refused move moved Nông nghiệp: %v", err)
	}
	if err := a.DeleteCategory(ctx, ad, site.ID, dup.ID); err != nil {
		t.Fatal(err)
	}
	if nn, err = a.UpdateCategory(ctx, ad, site.ID, nn.ID, congtin.CategoryInput{Name: "Nông nghiệp", ParentID: xh.ID, Position: 1}); err != nil {
		t.Fatal(err)
	}
	audits = auditCount(t, a, site.ID, "category")
	_, err = a.UpdateCategory(ctx, ad, site.ID, xh.ID, congtin.CategoryInput{Name: "Xã hội", ParentID: nn.ID})
	storetest.WantField(t, err, "parent_id", "a parent below the category")
	_, err = a.UpdateCategory(ctx, ad, site.ID, kt.ID, congtin.CategoryInput{Name: "Kinh tế", ParentID: kt.ID})
	storetest.WantField(t, err, "parent_id", "the category as its own parent")
	_, err = a.UpdateCategory(ctx, ad, site.ID, kt.ID, congtin.CategoryInput{Name: "Kinh tế", ParentID: otherCat.ID})
	storetest.WantField(t, err, "parent_id", "a parent in another site")
	cats, err := a.FindCategories(ctx, site.ID)
	if err != nil {
		t.Fatal(err)
	}
	cs := congtin.Categories(cats)
	if got := cs.ByID(xh.ID); got.ParentID != 0 || got.Slug != "xa-hoi" || got.Name != "Xã hội" {
		t.Fatalf("refused updates changed Xã hội: %+v", got)
	}
	if got := cs.ByID(kt.ID); got.ParentID != 0 || got.Slug != "tai-chinh" || got.Name != "Kinh tế - Tài chính" {
		t.Fatalf("refused updates changed Kinh tế: %+v", got)
	}
	wantAudit(t, a, site.ID, "category", audits, "refused updates")

	// Deleting: only empty categories go.
	menu = categoryIDs(t, a, site.ID)
	storetest.WantCode(t, a.DeleteCategory(ctx, ad, site.ID, xh.ID), congtin.ECONFLICT, "delete a category with children")
	rep := storetest.MustUser(t, a, site.ID, "phongvien", congtin.RoleReporter)
	storetest.MustCreateArticle(t, a, rep, site.ID, congtin.ArticleInput{CategoryID: nn.ID, Title: "Vụ lúa đông xuân"})
	storetest.WantCode(t, a.DeleteCategory(ctx, ad, site.ID, nn.ID), congtin.ECONFLICT, "delete a category with a draft in it")
	storetest.WantIDs(t, categoryIDs(t, a, site.ID), menu, "after refused deletions")
	wantAudit(t, a, site.ID, "category", audits, "refused deletions")
}
