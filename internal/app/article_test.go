package app_test

import (
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/storetest"
)

// wantArticleUntouched fails the test unless the article is still the
// draft it was created as: its title and category, one revision, one
// workflow note, and the site's one article audit entry.
func wantArticleUntouched(t *testing.T, a *app.App, siteID int64, art *congtin.Article, what string) {
	t.Helper()
	ctx := t.Context()
	got, err := a.FindArticleByID(ctx, siteID, art.ID)
	if err != nil || got.Status != congtin.StatusDraft || got.Title != art.Title || got.CategoryID != art.CategoryID || !got.PublishedAt.Equal(art.PublishedAt) {
		t.Fatalf("%s: %+v, %v", what, got, err)
	}
	if ns, _ := a.FindNotes(ctx, art.Item().Ref); len(ns) != 1 {
		t.Fatalf("%s wrote notes: %+v", what, ns)
	}
	if rs, _ := a.FindRevisions(ctx, siteID, art.ID); len(rs) != 1 {
		t.Fatalf("%s wrote revisions: %+v", what, rs)
	}
	if acts := storetest.AuditActions(t, a, congtin.AuditFilter{SiteID: siteID, Action: "article"}); len(acts) != 1 {
		t.Fatalf("%s wrote audit entries: %v", what, acts)
	}
}

// TestArticleInputRefused: an article needs a title, a category of its
// site, a valid slug and a publication time within reach; refused input
// writes nothing.
func TestArticleInputRefused(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	other := storetest.MustCreateSite(t, a, "so.example", "Cổng Sở")
	rep, _, cat := storetest.MustDesk(t, a, site.ID, "Tin tức")
	otherCat := storetest.MustCategory(t, a, system, other.ID, congtin.CategoryInput{Name: "Tin y tế"})
	art := storetest.MustCreateArticle(t, a, rep, site.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "Tin thử", Body: "<p>Thân bài</p>"})

	_, err := a.CreateArticle(ctx, rep, site.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "   "})
	storetest.WantField(t, err, "title", "create without a title")
	_, err = a.CreateArticle(ctx, rep, site.ID, congtin.ArticleInput{CategoryID: cat.ID + 1000, Title: "Chuyên mục không có"})
	storetest.WantField(t, err, "category_id", "create in a missing category")
	_, err = a.CreateArticle(ctx, rep, site.ID, congtin.ArticleInput{CategoryID: otherCat.ID, Title: "Chuyên mục cổng khác"})
	storetest.WantField(t, err, "category_id", "create in another site's category")
	_, err = a.CreateArticle(ctx, rep, site.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "Xa quá", PublishedAt: time.Now().AddDate(6, 0, 0)})
	storetest.WantField(t, err, "published_at", "a publication time six years ahead")
	_, err = a.UpdateArticle(ctx, rep, site.ID, art.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "Sửa sai", Slug: "Có Dấu"})
	storetest.WantField(t, err, "slug", "update with a bad slug")
	_, err = a.UpdateArticle(ctx, rep, site.ID, art.ID, congtin.ArticleInput{CategoryID: otherCat.ID, Title: "Sửa sai"})
	storetest.WantField(t, err, "category_id", "move to another site's category")
	if _, n, _ := a.FindAdminArticles(ctx, congtin.AdminArticleFilter{SiteID: site.ID}); n != 1 {
		t.Fatalf("%d articles after refused creations, want 1", n)
	}
	wantArticleUntouched(t, a, site.ID, art, "refused input")
}

// TestRestoreIntoDeletedCategoryRefused: a revision whose category has
// gone cannot be restored as it was; the article stays as it is.
func TestRestoreIntoDeletedCategoryRefused(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	rep, ed, c1 := storetest.MustDesk(t, a, site.ID, "Xã hội")
	c3 := storetest.MustCategory(t, a, system, site.ID, congtin.CategoryInput{Name: "Tạm thời"})
	art := storetest.MustCreateArticle(t, a, rep, site.ID, congtin.ArticleInput{CategoryID: c3.ID, Title: "Bản ba"})
	revs, err := a.FindRevisions(ctx, site.ID, art.ID)
	if err != nil || len(revs) != 1 {
		t.Fatalf("revisions: %+v, %v", revs, err)
	}
	r3 := revs[0]
	storetest.MustUpdateArticle(t, a, ed, site.ID, art.ID, congtin.ArticleInput{CategoryID: c1.ID, Title: "Bản bốn"})
	if err := a.DeleteCategory(ctx, system, site.ID, c3.ID); err != nil {
		t.Fatal(err)
	}
	_, err = a.RestoreRevision(ctx, ed, site.ID, r3.ID)
	storetest.WantCode(t, err, congtin.EINVALID, "restore into a deleted category")
	if got, _ := a.FindArticleByID(ctx, site.ID, art.ID); got.Title != "Bản bốn" || got.CategoryID != c1.ID {
		t.Fatalf("a refused restore changed the article: %+v", got)
	}
	if revs, _ := a.FindRevisions(ctx, site.ID, art.ID); len(revs) != 2 {
		t.Fatalf("%d revisions after a refused restore, want 2", len(revs))
	}
	wantAudit(t, a, site.ID, "article.restore", 0, "a refused restore")
}
