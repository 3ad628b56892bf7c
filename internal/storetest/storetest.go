// Package storetest is the one test suite every congtin store must pass,
// so that the SQLite and PostgreSQL stores behave the same.
package storetest

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// Opener returns a fresh, empty, migrated store for one test.
type Opener func(t *testing.T) congtin.Service

// Run runs the suite. Subtests that need the store's clock to move (see
// Clock) are skipped for a store without one.
func Run(t *testing.T, open Opener) {
	t.Run("Site", func(t *testing.T) { testSite(t, open(t)) })
	t.Run("Checks", func(t *testing.T) { testChecks(t, open(t)) })
	t.Run("Import", func(t *testing.T) { testImport(t, open(t)) })
	t.Run("FindArticles", func(t *testing.T) { testFindArticles(t, open(t)) })
	t.Run("Counters", func(t *testing.T) { testCounters(t, open(t)) })

	t.Run("NoSite", func(t *testing.T) { testNoSite(t, open(t)) })
	t.Run("SiteAdmin", func(t *testing.T) { testSiteAdmin(t, open(t)) })
	t.Run("CategoryAdmin", func(t *testing.T) { testCategoryAdmin(t, open(t)) })
	t.Run("ArticleVisibility", func(t *testing.T) { testArticleVisibility(t, open(t)) })
	t.Run("EditorialWorkflow", func(t *testing.T) { testEditorialWorkflow(t, open(t)) })
	t.Run("EditorialNotFound", func(t *testing.T) { testEditorialNotFound(t, open(t)) })
	t.Run("EditorialSchedule", func(t *testing.T) { testEditorialSchedule(t, open(t)) })
	t.Run("RestoreKeepsSchedule", func(t *testing.T) { testRestoreKeepsSchedule(t, open(t)) })
	t.Run("EditorialRevisions", func(t *testing.T) { testEditorialRevisions(t, open(t)) })
	t.Run("AdminArticles", func(t *testing.T) { testAdminArticles(t, open(t)) })
	t.Run("AdminArticleSearch", func(t *testing.T) { testAdminArticleSearch(t, open(t)) })
	t.Run("AdminDocumentSearch", func(t *testing.T) { testAdminDocumentSearch(t, open(t)) })
	t.Run("Bulk", func(t *testing.T) { testBulk(t, open(t)) })
	t.Run("AdminScheduled", func(t *testing.T) { testAdminScheduled(t, open(t)) })
	t.Run("Users", func(t *testing.T) { testUsers(t, open(t)) })
	t.Run("Roles", func(t *testing.T) { testRoles(t, open(t)) })
	t.Run("Sessions", func(t *testing.T) { testSessions(t, open(t)) })
	t.Run("SessionExpiry", func(t *testing.T) { testSessionExpiry(t, open(t)) })
	t.Run("APITokens", func(t *testing.T) { testAPITokens(t, open(t)) })
	t.Run("LoginFailures", func(t *testing.T) { testLoginFailures(t, open(t)) })
	t.Run("LoginFailureWindow", func(t *testing.T) { testLoginFailureWindow(t, open(t)) })
	t.Run("CountersConcurrent", func(t *testing.T) { testCountersConcurrent(t, open(t)) })
	t.Run("Audit", func(t *testing.T) { testAudit(t, open(t)) })
	t.Run("AuditTimeRange", func(t *testing.T) { testAuditTimeRange(t, open(t)) })
	t.Run("Media", func(t *testing.T) { testMedia(t, open(t)) })
	t.Run("MediaLibrary", func(t *testing.T) { testMediaLibrary(t, open(t)) })
	t.Run("FileRefs", func(t *testing.T) { testFileRefs(t, open(t)) })
	t.Run("SearchFollowsWrites", func(t *testing.T) { testSearchFollowsWrites(t, open(t)) })
	t.Run("SearchFollowsChanges", func(t *testing.T) { testSearchFollowsChanges(t, open(t)) })
	t.Run("Suggest", func(t *testing.T) { testSuggest(t, open(t)) })
	t.Run("RegisterSuggest", func(t *testing.T) { testRegisterSuggest(t, open(t)) })
	t.Run("QASuggest", func(t *testing.T) { testQASuggest(t, open(t)) })
	t.Run("SearchOrder", func(t *testing.T) { testSearchOrder(t, open(t)) })
	t.Run("PublishedTexts", func(t *testing.T) { testPublishedTexts(t, open(t)) })
	t.Run("Stats", func(t *testing.T) { testStats(t, open(t)) })
	t.Run("Documents", func(t *testing.T) { testDocuments(t, open(t)) })
	t.Run("Consultations", func(t *testing.T) { testConsultations(t, open(t)) })
	t.Run("Datasets", func(t *testing.T) { testDatasets(t, open(t)) })
	t.Run("Procedures", func(t *testing.T) { testProcedures(t, open(t)) })
	t.Run("ProcedureImport", func(t *testing.T) { testProcedureImport(t, open(t)) })
	t.Run("Comments", func(t *testing.T) { testComments(t, open(t)) })
	t.Run("Disclosures", func(t *testing.T) { testDisclosures(t, open(t)) })
	t.Run("Projects", func(t *testing.T) { testProjects(t, open(t)) })
	t.Run("Procurements", func(t *testing.T) { testProcurements(t, open(t)) })
	t.Run("DocumentImport", func(t *testing.T) { testDocumentImport(t, open(t)) })
	t.Run("DocumentPDFText", func(t *testing.T) { testDocumentPDFText(t, open(t)) })
	t.Run("Jobs", func(t *testing.T) { testJobs(t, open(t)) })
	t.Run("ArticleNeighbours", func(t *testing.T) { testArticleNeighbours(t, open(t)) })
	t.Run("ImportIndex", func(t *testing.T) { testImportIndex(t, open(t)) })
	t.Run("ImportExact", func(t *testing.T) { testImportExact(t, open(t)) })
	t.Run("ImportLateFailure", func(t *testing.T) { testImportLateFailure(t, open(t)) })
	t.Run("DocumentRealFiles", func(t *testing.T) { testDocumentRealFiles(t, open(t)) })
	t.Run("FileTextJobs", func(t *testing.T) { testFileTextJobs(t, open(t)) })
	t.Run("WordPressImport", func(t *testing.T) { testWordPressImport(t, open(t)) })
	t.Run("QAFields", func(t *testing.T) { testQAFields(t, open(t)) })
	t.Run("QuestionSubmit", func(t *testing.T) { testQuestionSubmit(t, open(t)) })
	t.Run("QuestionFlood", func(t *testing.T) { testQuestionFlood(t, open(t)) })
	t.Run("Polls", func(t *testing.T) { testPolls(t, open(t)) })
	t.Run("QuestionWorkflow", func(t *testing.T) { testQuestionWorkflow(t, open(t)) })
	t.Run("QuestionFind", func(t *testing.T) { testQuestionFind(t, open(t)) })
	t.Run("NearDocuments", func(t *testing.T) { testNearDocuments(t, open(t)) })
	t.Run("NearQuestions", func(t *testing.T) { testNearQuestions(t, open(t)) })
	t.Run("QuestionPurge", func(t *testing.T) { testQuestionPurge(t, open(t)) })
	t.Run("Secrets", func(t *testing.T) { testSecrets(t, open(t)) })
	t.Run("Schedule", func(t *testing.T) { testSchedule(t, open(t)) })
	t.Run("AboutPages", func(t *testing.T) { testAboutPages(t, open(t)) })
	t.Run("Units", func(t *testing.T) { testUnits(t, open(t)) })
	t.Run("Links", func(t *testing.T) { testLinks(t, open(t)) })
	t.Run("Notifications", func(t *testing.T) { testNotifications(t, open(t)) })
	t.Run("Spellings", func(t *testing.T) { testSpellings(t, open(t)) })
}

// MustSite returns the default site.
func MustSite(t *testing.T, s congtin.Service) *congtin.Site {
	t.Helper()
	site, err := s.DefaultSite(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return site
}

// MustImport imports records and fails the test on error.
func MustImport(t *testing.T, s congtin.Service, siteID int64, recs ...congtin.ArticleImport) []*congtin.ImportResult {
	t.Helper()
	res, err := s.ImportArticles(context.Background(), siteID, recs)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// Rec makes an import record published at t in the category.
func Rec(title, category string, t time.Time) congtin.ArticleImport {
	return congtin.ArticleImport{
		Title: title, Lead: "Tóm tắt " + title, Body: "<p>Nội dung " + title + "</p>",
		Category: category, Author: "Phóng viên", PublishedAt: t.Format(time.RFC3339),
	}
}

func testSite(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	a := MustSite(t, s)
	b := MustSite(t, s)
	if a.ID != b.ID {
		t.Fatalf("DefaultSite twice gave %d and %d", a.ID, b.ID)
	}
	got, err := s.FindSiteByHost(ctx, "unknown.example")
	if err != nil || got.ID != a.ID {
		t.Fatalf("unknown host: got %v, %v; want the default site", got, err)
	}
	name := "Cổng thông tin điện tử tỉnh An Phú"
	off := int64(4_000_000)
	if _, err := s.UpdateSite(ctx, a.ID, congtin.SiteUpdate{Name: &name, CounterOffset: &off}); err != nil {
		t.Fatal(err)
	}
	got, _ = s.FindSiteByHost(ctx, "")
	if got.Name != name || got.CounterOffset != off {
		t.Fatalf("after update: %+v", got)
	}
	if _, err := s.UpdateSite(ctx, 9999, congtin.SiteUpdate{Name: &name}); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("missing site: err = %v, want ENOTFOUND", err)
	}
}

func testImport(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	t0 := time.Date(2019, 10, 1, 10, 40, 0, 0, congtin.VietnamZone)
	r1 := Rec("Đẩy mạnh công tác chuyển hóa địa bàn", "Văn hóa - xã hội", t0)
	r1.ExternalID = "x-1"
	r1.Body = `<p>Đoạn một</p><script>alert(1)</script><p onclick="x()">Đoạn hai</p>`
	r2 := Rec("Hội nghị nông nghiệp", "Kinh tế > Nông nghiệp", t0.Add(time.Hour))
	res := MustImport(t, s, site.ID, r1, r2)
	if len(res) != 2 || !res[0].Created || !res[1].Created {
		t.Fatalf("first import: %+v", res)
	}
	if got, want := res[0].Article.Path(res[0].Category.Slug), "/van-hoa-xa-hoi/day-manh-cong-tac-chuyen-hoa-dia-ban-"; !strings.HasPrefix(got, want) {
		t.Fatalf("path %q, want prefix %q", got, want)
	}
	if b := res[0].Article.Body; strings.Contains(b, "script") || strings.Contains(b, "onclick") || !strings.Contains(b, "Đoạn hai") {
		t.Fatalf("body not sanitized: %q", b)
	}
	if !res[0].Article.PublishedAt.Equal(t0) {
		t.Fatalf("published_at %v, want %v", res[0].Article.PublishedAt, t0)
	}
	cats, err := s.FindCategories(ctx, site.ID)
	if err != nil {
		t.Fatal(err)
	}
	cs := congtin.Categories(cats)
	kt, nn := cs.BySlug("kinh-te"), cs.BySlug("nong-nghiep")
	if kt == nil || nn == nil || nn.ParentID != kt.ID || res[1].Category.ID != nn.ID {
		t.Fatalf("nested categories wrong: %+v", cats)
	}

	// Re-running updates in place, keyed on external_id, else title+time.
	r1.Title = "Đẩy mạnh chuyển hóa địa bàn trọng điểm"
	r2.Lead = "Tóm tắt mới"
	res2 := MustImport(t, s, site.ID, r1, r2)
	if res2[0].Created || res2[1].Created || res2[0].Article.ID != res[0].Article.ID || res2[1].Article.ID != res[1].Article.ID {
		t.Fatalf("re-import duplicated: %+v %+v", res2[0], res2[1])
	}
	if res2[0].Article.Slug != "day-manh-chuyen-hoa-dia-ban-trong-diem" || res2[1].Article.Lead != "Tóm tắt mới" {
		t.Fatalf("re-import did not update: %+v %+v", res2[0].Article, res2[1].Article)
	}
	_, n, err := s.FindArticles(ctx, congtin.ArticleFilter{SiteID: site.ID})
	if err != nil || n != 2 {
		t.Fatalf("after re-import: %d articles, %v; want 2", n, err)
	}
	cats2, _ := s.FindCategories(ctx, site.ID)
	if len(cats2) != len(cats) {
		t.Fatalf("re-import created categories: %d then %d", len(cats), len(cats2))
	}
	a, err := s.FindArticleByID(ctx, site.ID, res[0].Article.ID)
	if err != nil || a.Title != r1.Title {
		t.Fatalf("FindArticleByID: %+v, %v", a, err)
	}
	if _, err := s.FindArticleByID(ctx, site.ID+1, a.ID); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("another site's article: err = %v, want ENOTFOUND", err)
	}

	// Unpublishing hides it from lists; a re-import does not bring it back.
	if err := s.SetArticleStatus(ctx, site.ID, a.ID, congtin.StatusUnpublished); err != nil {
		t.Fatal(err)
	}
	MustImport(t, s, site.ID, r1)
	if _, n, _ := s.FindArticles(ctx, congtin.ArticleFilter{SiteID: site.ID}); n != 1 {
		t.Fatalf("after unpublish and re-import: %d public, want 1", n)
	}
	if a, _ := s.FindArticleByID(ctx, site.ID, a.ID); a.Status != congtin.StatusUnpublished {
		t.Fatalf("status %q, want unpublished", a.Status)
	}
	if err := s.SetArticleStatus(ctx, site.ID+1, a.ID, congtin.StatusPublished); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("other site: %v", err)
	}

	// A new category does not take the old address of a renamed one,
	// which still leads there, nor a slug the portal reserves.
	admin := MustUser(t, s, site.ID, "quantri", congtin.RoleAdmin)
	if _, err := s.UpdateCategory(ctx, admin, site.ID, kt.ID, congtin.CategoryInput{Name: "Kinh tế - Tài chính", Slug: "kinh-te-tai-chinh"}); err != nil {
		t.Fatal(err)
	}
	res3 := MustImport(t, s, site.ID, Rec("Chợ phiên", "Kinh tế", t0), Rec("Giới thiệu chung", "Giới thiệu", t0))
	if !res3[0].Created || res3[0].Category.ID == kt.ID || res3[0].Category.Slug != "kinh-te-2" || res3[1].Category.Slug != "gioi-thieu-2" {
		t.Fatalf("import next to a renamed category: %+v %+v", res3[0].Category, res3[1].Category)
	}
	if c, err := s.FindCategoryRedirect(ctx, site.ID, "kinh-te"); err != nil || c.ID != kt.ID {
		t.Fatalf("the renamed category's old address: %+v, %v", c, err)
	}
}

func testFindArticles(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	t0 := time.Date(2021, 3, 1, 9, 0, 0, 0, congtin.VietnamZone)
	var recs []congtin.ArticleImport
	for i := range 30 {
		cat := "Kinh tế"
		if i%3 == 0 {
			cat = "Kinh tế > Nông nghiệp"
		}
		r := Rec(fmt.Sprintf("Bài số %02d", i), cat, t0.Add(time.Duration(i)*12*time.Hour))
		r.Featured = i%10 == 0
		recs = append(recs, r)
	}
	// Two at the same instant: the ID breaks the tie.
	recs = append(recs, Rec("Bài cùng giờ", "Kinh tế", t0.Add(5*12*time.Hour)))
	future := Rec("Bài hẹn giờ", "Kinh tế", time.Now().Add(48*time.Hour))
	recs = append(recs, future)
	res := MustImport(t, s, site.ID, recs...)
	cats, _ := s.FindCategories(ctx, site.ID)
	cs := congtin.Categories(cats)
	kt, nn := cs.BySlug("kinh-te"), cs.BySlug("nong-nghiep")

	all, total, err := s.FindArticles(ctx, congtin.ArticleFilter{SiteID: site.ID, Limit: 10})
	if err != nil || total != 31 || len(all) != 10 {
		t.Fatalf("all: %d of %d, %v; want 10 of 31 (the future article hidden)", len(all), total, err)
	}
	if all[0].Title != "Bài số 29" || all[0].Body != "" {
		t.Fatalf("newest first without bodies: got %q body %q", all[0].Title, all[0].Body)
	}
	for i := 1; i < len(all); i++ {
		p, c := all[i-1], all[i]
		if c.PublishedAt.After(p.PublishedAt) || c.PublishedAt.Equal(p.PublishedAt) && c.ID > p.ID {
			t.Fatalf("order broken at %d", i)
		}
	}
	_, n, _ := s.FindArticles(ctx, congtin.ArticleFilter{SiteID: site.ID, Now: time.Now().Add(72 * time.Hour)})
	if n != 32 {
		t.Fatalf("with a later clock: %d articles, want 32 (the scheduled one appears)", n)
	}
	_, n, _ = s.FindArticles(ctx, congtin.ArticleFilter{SiteID: site.ID, CategoryIDs: []int64{nn.ID}})
	if n != 10 {
		t.Fatalf("Nông nghiệp: %d, want 10", n)
	}
	_, n, _ = s.FindArticles(ctx, congtin.ArticleFilter{SiteID: site.ID, CategoryIDs: []int64{kt.ID, nn.ID}})
	if n != 31 {
		t.Fatalf("Kinh tế subtree: %d, want 31", n)
	}
	yes := true
	_, n, _ = s.FindArticles(ctx, congtin.ArticleFilter{SiteID: site.ID, Featured: &yes})
	if n != 3 {
		t.Fatalf("featured: %d, want 3", n)
	}
	day := time.Date(2021, 3, 2, 0, 0, 0, 0, congtin.VietnamZone)
	got, n, _ := s.FindArticles(ctx, congtin.ArticleFilter{SiteID: site.ID, From: day, To: day.AddDate(0, 0, 1)})
	if n != 2 || got[0].Title != "Bài số 03" || got[1].Title != "Bài số 02" {
		t.Fatalf("day 2021-03-02: %d %v", n, titles(got))
	}
	// Keyset neighbours of article 5, which shares its time with "Bài cùng giờ".
	mid := res[5].Article
	same := res[30].Article
	older, n, _ := s.FindArticles(ctx, congtin.ArticleFilter{SiteID: site.ID, Before: same, Limit: 3})
	if n != 6 || older[0].ID != mid.ID {
		t.Fatalf("before the tie: %d %v", n, titles(older))
	}
	newer, n, _ := s.FindArticles(ctx, congtin.ArticleFilter{SiteID: site.ID, After: mid, Oldest: true, Limit: 2})
	if n != 25 || newer[0].ID != same.ID || newer[1].Title != "Bài số 06" {
		t.Fatalf("after: %d %v", n, titles(newer))
	}
	page3, n, _ := s.FindArticles(ctx, congtin.ArticleFilter{SiteID: site.ID, Offset: 20, Limit: 10})
	if n != 31 || len(page3) != 10 {
		t.Fatalf("offset: %d of %d", len(page3), n)
	}
}

func titles(as []*congtin.Article) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Title)
	}
	return out
}

func testCounters(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	res := MustImport(t, s, site.ID, Rec("Bài đếm", "Tin tức", time.Date(2022, 5, 5, 9, 0, 0, 0, congtin.VietnamZone)))
	id := res[0].Article.ID
	b := &congtin.CounterBatch{
		Views:  map[congtin.ViewKey]int64{{SiteID: site.ID, ArticleID: id, Day: "2022-05-05"}: 3, {SiteID: site.ID, ArticleID: id, Day: "2022-05-06"}: 4},
		Visits: map[congtin.VisitKey]int64{{SiteID: site.ID, Day: "2022-05-05"}: 5, {SiteID: site.ID, Day: "2022-05-06"}: 6},
	}
	for range 2 {
		if err := s.AddCounts(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := s.ArticleViews(ctx, id); err != nil || n != 14 {
		t.Fatalf("views = %d, %v; want 14", n, err)
	}
	total, today, err := s.Visits(ctx, site.ID, "2022-05-06")
	if err != nil || total != 22 || today != 12 {
		t.Fatalf("visits = %d, %d, %v; want 22, 12", total, today, err)
	}
	if _, err := s.ArticleViews(ctx, id+100); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("missing article views: %v", err)
	}
	if err := s.AddCounts(ctx, &congtin.CounterBatch{}); err != nil {
		t.Fatalf("empty batch: %v", err)
	}
	// Downloads add up per resource over days and batches; another
	// dataset's are not read.
	dl := &congtin.CounterBatch{Downloads: map[congtin.DownloadKey]int64{
		{SiteID: site.ID, DatasetID: 7, ResourceID: 70, Day: "2022-05-05"}: 2,
		{SiteID: site.ID, DatasetID: 7, ResourceID: 70, Day: "2022-05-06"}: 3,
		{SiteID: site.ID, DatasetID: 7, ResourceID: 71, Day: "2022-05-06"}: 1,
		{SiteID: site.ID, DatasetID: 8, ResourceID: 80, Day: "2022-05-06"}: 9,
	}}
	for range 2 {
		if err := s.AddCounts(ctx, dl); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := s.ResourceDownloads(ctx, 7); err != nil || len(n) != 2 || n[70] != 10 || n[71] != 2 {
		t.Fatalf("downloads = %v, %v; want 70: 10, 71: 2", n, err)
	}
	if n, err := s.ResourceDownloads(ctx, 9); err != nil || len(n) != 0 {
		t.Fatalf("downloads of a dataset without any = %v, %v", n, err)
	}
}
