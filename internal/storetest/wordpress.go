package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// WPFixture is a small WordPress import: a category tree with a hidden
// one for pages, two authors, a published post, a draft, a scheduled post
// and a page, an image, and old addresses.
func WPFixture() *congtin.WordPressImport {
	t0 := time.Date(2019, 10, 1, 3, 40, 0, 0, time.UTC)
	return &congtin.WordPressImport{
		Categories: []congtin.WPCategory{
			{Key: "tin-tuc", Name: "Tin tức", Slug: "tin-tuc"},
			{Key: "y-te", Parent: "tin-tuc", Name: "Y tế", Slug: "y-te"},
			{Key: "co-so", Parent: "y-te", Name: "Cơ sở", Slug: "gioi-thieu"}, // reserved: gets -2
			{Key: "trang", Name: "Trang", Slug: "trang", Hidden: true},
		},
		Authors: []congtin.WPAuthor{
			{Login: "Nguyen Van A", Username: "nguyen-van-a", DisplayName: "Nguyễn Văn A"},
			{Login: "admin", Username: "quantri", DisplayName: "Quản trị"},
		},
		Media: []*congtin.Media{{Hash: "ab12", Name: "anh.jpg", ContentType: "image/jpeg", Width: 640, Height: 480,
			Variants: []congtin.MediaVariant{{Width: 640, Height: 480, Key: "ab/ab12-640.jpg"}}}},
		Posts: []congtin.WPPost{
			{ExternalID: "wp:example.gov.vn:10", Category: "y-te", Author: "Nguyen Van A", AuthorName: "Nguyễn Văn A",
				Title: "Khám bệnh miễn phí", Slug: "kham-benh-mien-phi", Lead: "Sáng nay…", Body: `<p>Nội dung</p><script>x()</script>`,
				Image: "/media/ab/ab12-640.jpg", Status: congtin.StatusPublished, PublishedAt: t0,
				OldPaths: []string{"/2019/10/01/khám-bệnh", "/?p=10"}},
			{ExternalID: "wp:example.gov.vn:11", Category: "tin-tuc", Author: "admin", AuthorName: "Quản trị",
				Title: "Bản nháp", Slug: "ban-nhap", Body: "<p>Chưa xong</p>", Status: congtin.StatusDraft, PublishedAt: t0,
				OldPaths: []string{"/?p=11"}},
			{ExternalID: "wp:example.gov.vn:12", Category: "co-so", Title: "Hẹn giờ", Slug: "hen-gio", Body: "<p>Sắp đăng</p>",
				Status: congtin.StatusPublished, PublishedAt: time.Date(2095, 1, 1, 0, 0, 0, 0, time.UTC), OldPaths: []string{"/hen-gio"}},
			{ExternalID: "wp:example.gov.vn:13", Category: "trang", Title: "Giới thiệu", Slug: "gioi-thieu", Body: "<p>Về chúng tôi</p>",
				Status: congtin.StatusPublished, PublishedAt: t0, OldPaths: []string{"/gioi-thieu"}},
		},
	}
}

func testWordPressImport(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	// An existing user whose name an author maps to: left as they are.
	admin := MustUser(t, s, site.ID, "quantri", congtin.RoleAdmin)
	// An existing category holding the slug the import wants.
	MustCategory(t, s, admin, site.ID, congtin.CategoryInput{Name: "Tin tức cũ", Slug: "tin-tuc"})

	res, err := s.ImportWordPress(ctx, site.ID, WPFixture())
	if err != nil {
		t.Fatal(err)
	}
	if want := (congtin.WPCount{Created: 4}); res.Categories != want {
		t.Errorf("categories: %+v, want %+v", res.Categories, want)
	}
	if want := (congtin.WPCount{Created: 1, Unchanged: 1}); res.Authors != want {
		t.Errorf("authors: %+v, want %+v", res.Authors, want)
	}
	if want := (congtin.WPCount{Created: 1}); res.Media != want {
		t.Errorf("media: %+v, want %+v", res.Media, want)
	}
	if want := (congtin.WPCount{Created: 5}); res.Redirects != want {
		t.Errorf("redirects: %+v, want %+v", res.Redirects, want)
	}
	if len(res.Posts) != 4 {
		t.Fatalf("%d post results, want 4", len(res.Posts))
	}
	for i, p := range res.Posts {
		if !p.Created || p.Article == nil || p.Article.ID == 0 {
			t.Fatalf("post %d: %+v, want created", i, p)
		}
	}
	cats, err := s.FindCategories(ctx, site.ID)
	if err != nil {
		t.Fatal(err)
	}
	cs := congtin.Categories(cats)
	news, health, base, pages := cs.BySlug("tin-tuc-2"), cs.BySlug("y-te"), cs.BySlug("gioi-thieu-2"), cs.BySlug("trang")
	if news == nil || news.Name != "Tin tức" || health == nil || health.ParentID != news.ID || base == nil || base.ParentID != health.ID ||
		pages == nil || !pages.Hidden || news.Hidden {
		t.Fatalf("categories after import: %+v", cats)
	}
	pub := res.Posts[0].Article
	if pub.CategoryID != health.ID || pub.Status != congtin.StatusPublished || pub.Body != "<p>Nội dung</p>" ||
		pub.Image != "/media/ab/ab12-640.jpg" || pub.Author != "Nguyễn Văn A" || !pub.PublishedAt.Equal(time.Date(2019, 10, 1, 3, 40, 0, 0, time.UTC)) ||
		pub.ExternalID != "wp:example.gov.vn:10" || res.Posts[0].CategorySlug != "y-te" {
		t.Fatalf("published post: %+v", pub)
	}
	// The new author: a reporter of the site who cannot sign in yet.
	u, err := s.FindUserByUsername(ctx, "nguyen-van-a")
	if err != nil {
		t.Fatal(err)
	}
	if u.PasswordHash != congtin.NoPassword || u.DisplayName != "Nguyễn Văn A" || pub.CreatedBy != u.ID {
		t.Fatalf("author: %+v, article created by %d", u, pub.CreatedBy)
	}
	if role, _ := s.FindRole(ctx, site.ID, u.ID); role != congtin.RoleReporter {
		t.Fatalf("author's role %q, want reporter", role)
	}
	// The existing user keeps their password and role.
	old, _ := s.FindUserByUsername(ctx, "quantri")
	if old.PasswordHash != "hash-of-quantri" || res.Posts[1].Article.CreatedBy != old.ID {
		t.Fatalf("existing user changed: %+v", old)
	}
	if role, _ := s.FindRole(ctx, site.ID, old.ID); role != congtin.RoleAdmin {
		t.Fatalf("existing user's role %q", role)
	}
	// Only the published post and the page are public now.
	WantIDs(t, publicIDs(t, s, congtin.ArticleFilter{SiteID: site.ID, Oldest: true}),
		[]int64{pub.ID, res.Posts[3].Article.ID}, "public after import")
	if ms, n, err := s.FindMedia(ctx, congtin.MediaFilter{SiteID: site.ID, Limit: 10}); err != nil || n != 1 || ms[0].Variants[0].Key != "ab/ab12-640.jpg" {
		t.Fatalf("media: %v %d %v", ms, n, err)
	}

	// Every old path leads to its article; others lead nowhere.
	for path, want := range map[string]int64{
		"/2019/10/01/khám-bệnh": pub.ID, "/?p=10": pub.ID, "/?p=11": res.Posts[1].Article.ID,
		"/hen-gio": res.Posts[2].Article.ID, "/gioi-thieu": res.Posts[3].Article.ID,
	} {
		if got, err := s.FindRedirect(ctx, site.ID, path); err != nil || got != want {
			t.Errorf("FindRedirect(%q) = %d, %v; want %d", path, got, err, want)
		}
	}
	for _, path := range []string{"/2019/10/01/kham-benh", "/?p=12", "/", "", "/x\xff"} {
		_, err := s.FindRedirect(ctx, site.ID, path)
		WantCode(t, err, congtin.ENOTFOUND, "FindRedirect("+path+")")
	}
	other := MustCreateSite(t, s, "khac.example.gov.vn", "Cổng khác")
	_, err = s.FindRedirect(ctx, other.ID, "/?p=10")
	WantCode(t, err, congtin.ENOTFOUND, "another site's redirect")

	// The same import again writes nothing.
	lastChange := func() int64 {
		id, err := s.LastChangeID(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	before := lastChange()
	res2, err := s.ImportWordPress(ctx, site.ID, WPFixture())
	if err != nil {
		t.Fatal(err)
	}
	if res2.Categories != (congtin.WPCount{Unchanged: 4}) || res2.Authors != (congtin.WPCount{Unchanged: 2}) ||
		res2.Media != (congtin.WPCount{Unchanged: 1}) || res2.Redirects != (congtin.WPCount{Unchanged: 5}) {
		t.Fatalf("second import: %+v", res2)
	}
	for i, p := range res2.Posts {
		if p.Created || p.Changed || p.Article.ID != res.Posts[i].Article.ID {
			t.Fatalf("second import, post %d: %+v", i, p)
		}
	}
	if after := lastChange(); after != before {
		t.Fatalf("an unchanged import logged changes %d → %d", before, after)
	}
	if cats2, _ := s.FindCategories(ctx, site.ID); len(cats2) != len(cats) {
		t.Fatalf("%d categories after the second import, want %d", len(cats2), len(cats))
	}

	// A changed post is updated; an old path given to another post moves.
	imp := WPFixture()
	imp.Posts[0].Title = "Khám bệnh miễn phí cho người cao tuổi"
	imp.Posts[0].OldPaths = []string{"/2019/10/01/khám-bệnh"}
	imp.Posts[1].OldPaths = append(imp.Posts[1].OldPaths, "/?p=10")
	res3, err := s.ImportWordPress(ctx, site.ID, imp)
	if err != nil {
		t.Fatal(err)
	}
	if !res3.Posts[0].Changed || res3.Posts[1].Changed || res3.Posts[0].Article.Title != imp.Posts[0].Title ||
		res3.Redirects != (congtin.WPCount{Updated: 1, Unchanged: 4}) {
		t.Fatalf("third import: %+v", res3)
	}
	if got, _ := s.FindRedirect(ctx, site.ID, "/?p=10"); got != res.Posts[1].Article.ID {
		t.Fatalf("moved redirect leads to %d", got)
	}

	// A draft published since, under another author, is published.
	imp.Posts[1].Status, imp.Posts[1].Author = congtin.StatusPublished, "Nguyen Van A"
	res4, err := s.ImportWordPress(ctx, site.ID, imp)
	if err != nil {
		t.Fatal(err)
	}
	if got := res4.Posts[1]; !got.Changed || got.Article.Status != congtin.StatusPublished || got.Article.CreatedBy != u.ID || res4.Posts[0].Changed {
		t.Fatalf("fourth import: %+v, %+v", got, got.Article)
	}
	WantIDs(t, publicIDs(t, s, congtin.ArticleFilter{SiteID: site.ID, Oldest: true}),
		[]int64{pub.ID, res.Posts[1].Article.ID, res.Posts[3].Article.ID}, "public after the draft's import as published")
	if r, err := s.Search(ctx, congtin.SearchQuery{SiteID: site.ID, Q: "chưa xong"}); err != nil || r.Total != 1 {
		t.Fatalf("the published draft is not in the search index: %+v, %v", r, err)
	}

	// A bad import is refused whole: internal/app's TestImportWordPressRefused.
	if a, err := s.FindArticleByID(ctx, site.ID, pub.ID); err != nil || a.Title != imp.Posts[0].Title {
		t.Fatalf("after the imports: %+v %v", a, err)
	}
	if cats2, _ := s.FindCategories(ctx, site.ID); len(cats2) != len(cats) {
		t.Fatalf("the imports created categories: %d, want %d", len(cats2), len(cats))
	}
}
