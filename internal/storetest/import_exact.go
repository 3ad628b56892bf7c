package storetest

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// importExactN is more records than one chunk of the deferred index and
// keys (256), so that both chunks' writes are checked.
const importExactN = 300

// exactRecs are importExactN records that differ in every field: some
// with an external ID, some matched by title and time, featured or not,
// with an image or not, in nested categories.
func exactRecs() []congtin.ArticleImport {
	t0 := time.Date(2021, 3, 4, 7, 8, 9, 0, congtin.VietnamZone)
	recs := make([]congtin.ArticleImport, importExactN)
	for i := range recs {
		r := Rec(fmt.Sprintf("Bản tin số %d về xã Phước %s", i, []string{"An", "Bình", "Hòa"}[i%3]),
			fmt.Sprintf("Thời sự > Địa phương %d", i%4), t0.Add(time.Duration(i)*97*time.Second))
		r.Body = fmt.Sprintf("<p>Nội dung <strong>số %d</strong> — “trích dẫn”.</p><p>Đoạn hai\u00a0&amp; ba.</p>", i)
		if i%2 == 0 {
			r.ExternalID = fmt.Sprintf("nguon-%d", i)
		}
		if i%5 == 0 {
			r.Featured = true
			r.Image = fmt.Sprintf("https://anh.example.gov.vn/%d.jpg", i)
		}
		if i%7 == 0 {
			r.Slug = fmt.Sprintf("duong-dan-rieng-%d", i)
		}
		r.Author = fmt.Sprintf("Phóng viên %d", i%9)
		recs[i] = r
	}
	return recs
}

// mustSameAsStored fails t unless every imported article is, field by
// field, the one a read gives back, and says what its record said.
func mustSameAsStored(t *testing.T, s congtin.Service, siteID int64, recs []congtin.ArticleImport, res []*congtin.ImportResult) {
	t.Helper()
	ctx := context.Background()
	if len(res) != len(recs) {
		t.Fatalf("%d results for %d records", len(res), len(recs))
	}
	for i, r := range res {
		got, err := s.FindArticleByID(ctx, siteID, r.Article.ID)
		if err != nil {
			t.Fatal(err)
		}
		// JSON holds every field, times in UTC to the nanosecond.
		a, _ := json.Marshal(r.Article)
		b, _ := json.Marshal(got)
		if string(a) != string(b) {
			t.Fatalf("record %d: the import returned\n%s\nthe store holds\n%s", i, a, b)
		}
		rec := recs[i]
		pub, _ := time.Parse(time.RFC3339, rec.PublishedAt)
		if got.Title != rec.Title || got.Lead != rec.Lead || got.Author != rec.Author || got.Image != rec.Image ||
			got.Featured != rec.Featured || got.ExternalID != rec.ExternalID || !got.PublishedAt.Equal(pub) ||
			got.Status != congtin.StatusPublished || got.SiteID != siteID || got.CategoryID != r.Category.ID {
			t.Fatalf("record %d: stored %+v, from %+v", i, got, rec)
		}
		if rec.Slug != "" && got.Slug != rec.Slug {
			t.Fatalf("record %d: slug %q, want %q", i, got.Slug, rec.Slug)
		}
		// Nothing in these bodies is for the sanitizer to take out.
		if got.Body != rec.Body {
			t.Fatalf("record %d: body %q, want %q", i, got.Body, rec.Body)
		}
	}
}

// testImportExact: an import's results are the articles as stored, field
// by field, as the records gave them, on a first import and on a second
// that updates them; every one is found by the public search and by the
// back office's.
func testImportExact(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	recs := exactRecs()
	res := MustImport(t, s, site.ID, recs...)
	mustSameAsStored(t, s, site.ID, recs, res)
	for i, r := range res {
		if !r.Created || r.Article.Version != 1 || r.Article.Views != 0 {
			t.Fatalf("record %d: created %v, version %d, views %d", i, r.Created, r.Article.Version, r.Article.Views)
		}
	}

	recs = exactRecs()
	for i := range recs {
		recs[i].Lead = "Cập nhật: " + recs[i].Lead
		recs[i].Featured = !recs[i].Featured
	}
	res2 := MustImport(t, s, site.ID, recs...)
	mustSameAsStored(t, s, site.ID, recs, res2)
	for i, r := range res2 {
		if r.Created || r.Article.ID != res[i].Article.ID || r.Article.Version != 2 {
			t.Fatalf("record %d re-imported: created %v, ID %d (was %d), version %d", i, r.Created, r.Article.ID, res[i].Article.ID, r.Article.Version)
		}
	}

	// The first and the last chunk of the deferred index and keys.
	for _, i := range []int{0, importExactN - 1} {
		q := fmt.Sprintf("Bản tin số %d", i)
		found, err := s.Search(ctx, congtin.SearchQuery{SiteID: site.ID, Q: q, Limit: 5})
		if err != nil || found.Total != 1 {
			t.Errorf("search %q: %v, %v; want 1", q, found, err)
		}
		as, n, err := s.FindAdminArticles(ctx, congtin.AdminArticleFilter{SiteID: site.ID, Q: fmt.Sprintf("cap nhat ban tin so %d", i)})
		if err != nil || n != 1 || as[0].ID != res[i].Article.ID {
			t.Errorf("back office search for record %d: %d found, %v", i, n, err)
		}
	}
}

// testImportLateFailure: an import that fails at its last record, or
// while it writes the search index, or a WordPress import that fails at
// its last post, leaves nothing behind: no article, category, user,
// image, redirect, index entry, back-office key or change.
func testImportLateFailure(t *testing.T, s congtin.Service) {
	site := MustSite(t, s)
	before, err := s.LastChangeID(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// failAt returns a context cancelled when step reaches done.
	failAt := func(step string, done int) context.Context {
		ctx, cancel := context.WithCancel(context.Background())
		t.Cleanup(cancel)
		return congtin.NewContextWithProgress(ctx, func(s string, d, _ int) {
			if s == step && d >= done {
				cancel()
			}
		})
	}
	mustBeEmpty := func(t *testing.T) {
		t.Helper()
		ctx := context.Background()
		if _, n, err := s.FindAdminArticles(ctx, congtin.AdminArticleFilter{SiteID: site.ID}); err != nil || n != 0 {
			t.Errorf("%d articles after a failed import (%v)", n, err)
		}
		if cats, err := s.FindCategories(ctx, site.ID); err != nil || len(cats) != 0 {
			t.Errorf("%d categories after a failed import (%v)", len(cats), err)
		}
		if res, err := s.Search(ctx, congtin.SearchQuery{SiteID: site.ID, Q: "nội dung", Limit: 5}); err != nil || res.Total != 0 {
			t.Errorf("the search index holds %v after a failed import (%v)", res, err)
		}
		if _, n, err := s.FindAdminArticles(ctx, congtin.AdminArticleFilter{SiteID: site.ID, Q: "ban tin"}); err != nil || n != 0 {
			t.Errorf("the back office's search finds %d after a failed import (%v)", n, err)
		}
		if after, err := s.LastChangeID(ctx); err != nil || after != before {
			t.Errorf("the change log moved %d → %d (%v)", before, after, err)
		}
		if _, err := s.FindRedirect(ctx, site.ID, "/?p=10"); congtin.ErrorCode(err) != congtin.ENOTFOUND {
			t.Errorf("a redirect after a failed import: %v", err)
		}
		if _, err := s.FindUserByUsername(ctx, "nguyen-van-a"); congtin.ErrorCode(err) != congtin.ENOTFOUND {
			t.Errorf("a user after a failed import: %v", err)
		}
		if _, n, err := s.FindMedia(ctx, congtin.MediaFilter{SiteID: site.ID}); err != nil || n != 0 {
			t.Errorf("%d images after a failed import (%v)", n, err)
		}
	}
	t.Run("LastRecord", func(t *testing.T) {
		_, err := s.ImportArticles(failAt(congtin.StepWrite, importExactN-1), site.ID, exactRecs())
		if err == nil {
			t.Fatal("the import succeeded")
		}
		mustBeEmpty(t)
	})
	t.Run("Index", func(t *testing.T) {
		// Past the first chunk: its keys and entries are written.
		_, err := s.ImportArticles(failAt(congtin.StepIndex, 256), site.ID, exactRecs())
		if err == nil {
			t.Fatal("the import succeeded")
		}
		mustBeEmpty(t)
	})
	t.Run("WordPressLastPost", func(t *testing.T) {
		imp := WPFixture()
		_, err := s.ImportWordPress(failAt(congtin.StepWrite, len(imp.Posts)-1), site.ID, imp)
		if err == nil {
			t.Fatal("the import succeeded")
		}
		mustBeEmpty(t)
	})
	// And the same imports, not cancelled, go through.
	MustImport(t, s, site.ID, exactRecs()...)
	if _, err := s.ImportWordPress(context.Background(), site.ID, WPFixture()); err != nil {
		t.Fatal(err)
	}
}
