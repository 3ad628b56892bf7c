package app_test

import (
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
)

// TestImportAllOrNothing: an import with one bad record is refused whole,
// naming the record, and writes nothing.
func TestImportAllOrNothing(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	t0 := time.Date(2020, 1, 2, 8, 0, 0, 0, congtin.VietnamZone)
	for name, bad := range map[string]func(*congtin.ArticleImport){
		"missing title":   func(r *congtin.ArticleImport) { r.Title = "  " },
		"bad date":        func(r *congtin.ArticleImport) { r.PublishedAt = "01/10/2019" },
		"no offset":       func(r *congtin.ArticleImport) { r.PublishedAt = "2019-10-01T10:40:00" },
		"invalid utf8":    func(r *congtin.ArticleImport) { r.Title = "Tin \xff\xfe" },
		"bad slug":        func(r *congtin.ArticleImport) { r.Slug = "Có Dấu" },
		"js image":        func(r *congtin.ArticleImport) { r.Image = "javascript:alert(1)" },
		"empty category":  func(r *congtin.ArticleImport) { r.Category = "Kinh tế >  > " },
		"title too long":  func(r *congtin.ArticleImport) { r.Title = strings.Repeat("a", congtin.MaxTitleLen+1) },
		"punctuation":     func(r *congtin.ArticleImport) { r.Title = "!!!" },
		"no body no lead": func(r *congtin.ArticleImport) { r.Body, r.Lead = " ", "" },
	} {
		t.Run(name, func(t *testing.T) {
			good := storetest.Rec("Bài tốt", "Tin tức", t0)
			wrong := storetest.Rec("Bài lỗi", "Tin tức", t0)
			bad(&wrong)
			_, err := a.ImportArticles(ctx, site.ID, []congtin.ArticleImport{good, wrong})
			if congtin.ErrorCode(err) != congtin.EINVALID || !strings.Contains(congtin.ErrorMessage(err), "record 1") {
				t.Fatalf("err = %v, want EINVALID naming record 1", err)
			}
			if _, n, _ := a.FindArticles(ctx, congtin.ArticleFilter{SiteID: site.ID}); n != 0 {
				t.Fatalf("%d articles written by a failed import", n)
			}
			if cats, _ := a.FindCategories(ctx, site.ID); len(cats) != 0 {
				t.Fatalf("%d categories written by a failed import", len(cats))
			}
		})
	}
}

// TestSetArticleStatusRefusesUnknown: only the workflow's states can be
// set.
func TestSetArticleStatusRefusesUnknown(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	art := storetest.MustImport(t, a, site.ID, storetest.Rec("Bài một", "Tin tức", time.Date(2019, 10, 1, 10, 40, 0, 0, congtin.VietnamZone)))[0].Article
	err := a.SetArticleStatus(ctx, site.ID, art.ID, "bogus")
	storetest.WantCode(t, err, congtin.EINVALID, "bogus status")
	if got, err := a.FindArticleByID(ctx, site.ID, art.ID); err != nil || got.Status != congtin.StatusPublished {
		t.Fatalf("after a refused status: %+v, %v", got, err)
	}
}

// TestImportWordPressRefused: a WordPress import whose categories or posts
// do not hold together is refused whole, and writes nothing.
func TestImportWordPressRefused(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	res, err := a.ImportWordPress(ctx, site.ID, storetest.WPFixture())
	if err != nil {
		t.Fatal(err)
	}
	pub := res.Posts[0].Article
	cats, err := a.FindCategories(ctx, site.ID)
	if err != nil {
		t.Fatal(err)
	}
	before, err := a.LastChangeID(ctx)
	if err != nil {
		t.Fatal(err)
	}

	bad := storetest.WPFixture()
	bad.Categories = append(bad.Categories, congtin.WPCategory{Key: "mo-coi", Parent: "khong-co", Name: "Mồ côi", Slug: "mo-coi"})
	bad.Posts[0].Title = "Không được ghi"
	_, err = a.ImportWordPress(ctx, site.ID, bad)
	storetest.WantCode(t, err, congtin.EINVALID, "orphan category")
	bad = storetest.WPFixture()
	bad.Posts[2].Category = "khong-co"
	bad.Posts[0].Title = "Không được ghi"
	_, err = a.ImportWordPress(ctx, site.ID, bad)
	storetest.WantCode(t, err, congtin.EINVALID, "post in a missing category")

	if got, err := a.FindArticleByID(ctx, site.ID, pub.ID); err != nil || got.Title != pub.Title {
		t.Fatalf("after refused imports: %+v %v", got, err)
	}
	if cats2, _ := a.FindCategories(ctx, site.ID); len(cats2) != len(cats) {
		t.Fatalf("a refused import created categories: %d, want %d", len(cats2), len(cats))
	}
	if after, err := a.LastChangeID(ctx); err != nil || after != before {
		t.Fatalf("refused imports logged changes %d → %d (%v)", before, after, err)
	}
}
