package storetest

import (
	"context"
	"database/sql"
	"strconv"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
)

// testAdminArticleSearch: the back office's articles list searches
// titles and leads of articles in every state with the portal's
// Vietnamese matching, and its filters (state, schedule, category with
// the ones below it, writer, a range of last change or publication)
// combine with the search, the order and the pager's total.
func testAdminArticleSearch(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	clk := mustClock(t, s, clockStart)
	site := MustSite(t, s)
	other := MustCreateSite(t, s, "so.example", "Cổng Sở")
	rep := MustUser(t, s, site.ID, "phongvien", congtin.RoleReporter)
	ed := MustUser(t, s, site.ID, "bientap", congtin.RoleEditor)
	sys := congtin.SystemActor("storetest")
	news := MustCategory(t, s, sys, site.ID, congtin.CategoryInput{Name: "Tin tức"})
	local := MustCategory(t, s, sys, site.ID, congtin.CategoryInput{Name: "Địa phương", ParentID: news.ID})
	culture := MustCategory(t, s, sys, site.ID, congtin.CategoryInput{Name: "Văn hóa"})
	otherCat := MustCategory(t, s, sys, other.ID, congtin.CategoryInput{Name: "Tin tức"})
	create := func(actor congtin.Actor, siteID int64, cat *congtin.Category, title, lead string) *congtin.Article {
		t.Helper()
		clk.Add(time.Minute)
		return MustCreateArticle(t, s, actor, siteID, congtin.ArticleInput{CategoryID: cat.ID, Title: title, Lead: lead, Body: "<p>Cầu Rồng thân bài</p>"})
	}
	// a: a reporter's draft, typed in decomposed Unicode with the old
	// tone placement. b: submitted. c: published, below the news. d:
	// scheduled. e: another site's, with the same words.
	a := create(rep, site.ID, news, norm.NFD.String("Đường Hồ Chí Minh qua tỉnh được nâng cấp"), norm.NFD.String("Công trình hoá học và thuỷ lợi"))
	b := create(rep, site.ID, local, "Tuyến đường ven biển", "Khởi công đoạn qua huyện Hòa Vang")
	MustTransition(t, s, rep, site.ID, b.ID, congtin.ActSubmit, "", time.Time{})
	c := create(ed, site.ID, local, "Hội nghị về đường sắt", "Ủy ban tỉnh họp bàn")
	MustTransition(t, s, ed, site.ID, c.ID, congtin.ActPublish, "", time.Time{})
	d := create(ed, site.ID, culture, "Lễ hội đường phố", "Sắp diễn ra")
	MustTransition(t, s, ed, site.ID, d.ID, congtin.ActPublish, "", clk.Now().Add(48*time.Hour))
	e := create(MustUser(t, s, other.ID, "bientap2", congtin.RoleEditor), other.ID, otherCat, "Đường Hồ Chí Minh", "")
	_ = e

	find := func(f congtin.AdminArticleFilter) ([]int64, int) {
		t.Helper()
		if f.SiteID == 0 {
			f.SiteID = site.ID
		}
		as, total, err := s.FindAdminArticles(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		return ids(as), total
	}
	want := func(f congtin.AdminArticleFilter, what string, wantIDs ...int64) {
		t.Helper()
		got, total := find(f)
		WantIDs(t, got, wantIDs, what)
		if total != len(wantIDs) {
			t.Fatalf("%s: total %d, want %d", what, total, len(wantIDs))
		}
	}
	for _, q := range []string{
		"duong ho chi minh", "Đường Hồ Chí Minh", norm.NFD.String("đường hồ"), "DUONG HO", "đuong ho",
		"hoá học", "hóa học", "hoa hoc", "thủy lợi", "thuy loi", `"ho chi minh"`, "minh ho",
	} {
		want(congtin.AdminArticleFilter{Q: q}, "search "+q, a.ID)
	}
	want(congtin.AdminArticleFilter{Q: "đường"}, "a word in four titles, newest change first", d.ID, c.ID, b.ID, a.ID)
	want(congtin.AdminArticleFilter{Q: "hoa vang"}, "a word of a lead", b.ID)
	want(congtin.AdminArticleFilter{Q: `"chi ho"`}, "a phrase in the wrong order")
	want(congtin.AdminArticleFilter{Q: "duon"}, "part of a word")
	want(congtin.AdminArticleFilter{Q: "rồng"}, "a word of the body only")
	want(congtin.AdminArticleFilter{Q: "ho qua"}, "words of title and lead, apart", a.ID)
	want(congtin.AdminArticleFilter{Q: `"nang cap cong trinh"`}, "a phrase from the title into the lead")
	want(congtin.AdminArticleFilter{Q: "?!– …"}, "nothing to search for")
	want(congtin.AdminArticleFilter{Q: "%"}, "a LIKE wildcard")
	want(congtin.AdminArticleFilter{Q: "\xff\xfe"}, "invalid UTF-8")
	want(congtin.AdminArticleFilter{Q: strconv.FormatInt(c.ID, 10)}, "an article's ID", c.ID)
	want(congtin.AdminArticleFilter{Q: "#" + strconv.FormatInt(b.ID, 10)}, "an article's ID with #", b.ID)
	want(congtin.AdminArticleFilter{Q: "duong", SiteID: other.ID}, "another site", e.ID)

	// Filters, with the search and without.
	want(congtin.AdminArticleFilter{Q: "đường", Status: congtin.StatusPublished}, "published (and live)", c.ID)
	want(congtin.AdminArticleFilter{Q: "đường", Status: congtin.StatusScheduled}, "Hẹn giờ", d.ID)
	want(congtin.AdminArticleFilter{Status: congtin.StatusScheduled}, "scheduled", d.ID)
	want(congtin.AdminArticleFilter{Status: congtin.StatusPublished}, "published and live", c.ID)
	want(congtin.AdminArticleFilter{Status: congtin.StatusScheduled, Q: "le hoi"}, "scheduled and searched", d.ID)
	want(congtin.AdminArticleFilter{CategoryIDs: []int64{news.ID, local.ID}}, "a category and the one below", c.ID, b.ID, a.ID)
	want(congtin.AdminArticleFilter{CategoryIDs: []int64{local.ID}, Q: "hoi nghi"}, "a category and a search", c.ID)
	want(congtin.AdminArticleFilter{CreatedBy: rep.User.ID, Q: "duong"}, "a writer and a search", b.ID, a.ID)
	want(congtin.AdminArticleFilter{CreatedBy: rep.User.ID, CategoryIDs: []int64{culture.ID}}, "a writer in a category with none of theirs")
	// Last changes: a at +1 min, b at +2 (submitted then), c +3, d +4.
	want(congtin.AdminArticleFilter{From: clockStart.Add(2 * time.Minute), To: clockStart.Add(4 * time.Minute)}, "changed in a range", c.ID, b.ID)
	want(congtin.AdminArticleFilter{ByPublication: true, From: clockStart.Add(24 * time.Hour)}, "to be published from tomorrow", d.ID)
	want(congtin.AdminArticleFilter{ByPublication: true, From: clockStart.Add(3 * time.Minute), To: clockStart.Add(4 * time.Minute)}, "published in a range", c.ID)
	want(congtin.AdminArticleFilter{ByPublication: true, From: clockStart}, "a range of publication leaves drafts out", d.ID, c.ID)
	got, total := find(congtin.AdminArticleFilter{Q: "đường", Offset: 1, Limit: 2})
	WantIDs(t, got, []int64{c.ID, b.ID}, "the second page of a search")
	if total != 4 {
		t.Fatalf("the total of a paged search: %d, want 4", total)
	}

	// The key follows every write: an edit, a move, an import.
	MustUpdateArticle(t, s, ed, site.ID, c.ID, congtin.ArticleInput{CategoryID: local.ID, Title: "Hội nghị về cảng biển", Lead: "Ủy ban tỉnh họp bàn"})
	want(congtin.AdminArticleFilter{Q: "đường sắt"}, "the old title after an edit")
	want(congtin.AdminArticleFilter{Q: "cang bien"}, "the new title after an edit", c.ID)
	if res, err := s.MoveArticles(ctx, ed, site.ID, []int64{c.ID}, culture.ID); err != nil || res[0].Outcome != congtin.BulkDone {
		t.Fatalf("move: %+v, %v", res, err)
	}
	want(congtin.AdminArticleFilter{Q: "cang bien", CategoryIDs: []int64{culture.ID}}, "a moved article in its new category", c.ID)
	imp := MustImport(t, s, site.ID, Rec("Nhập khẩu thanh long", "Tin tức", clockStart.AddDate(0, 0, -1)))[0].Article
	want(congtin.AdminArticleFilter{Q: "thanh long"}, "an imported article", imp.ID)

	// A database from before the keys gets them at start-up.
	st, ok := s.(*app.App)
	if !ok {
		return
	}
	m, ok := st.Store.(interface{ Migrate(context.Context) error })
	if !ok {
		t.Fatal("the store has no Migrate")
	}
	if err := st.WithTx(ctx, func(tx congtin.Tx) error {
		_, err := tx.(interface {
			Exec(ctx context.Context, q string, args ...any) (sql.Result, error)
		}).Exec(ctx, `DELETE FROM article_keys WHERE article_id <> ?`, b.ID)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	want(congtin.AdminArticleFilter{Q: "ho chi minh"}, "an article without its key")
	if err := m.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	want(congtin.AdminArticleFilter{Q: "ho chi minh"}, "an article whose key was filled at start-up", a.ID)
	want(congtin.AdminArticleFilter{Q: "hoa vang"}, "an article that kept its key", b.ID)
}

// testAdminDocumentSearch: the documents list searches numbers and
// summaries in every state, and filters by type, field, state and a
// range of days of issue or of last change.
func testAdminDocumentSearch(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	clk := mustClock(t, s, clockStart)
	site := MustSite(t, s)
	rep := MustUser(t, s, site.ID, "phongvien", congtin.RoleReporter)
	ed := MustUser(t, s, site.ID, "bientap", congtin.RoleEditor)
	plan := TermID(t, s, site.ID, congtin.ListTypes, "Kế hoạch")
	decision := TermID(t, s, site.ID, congtin.ListTypes, "Quyết định")
	agri := TermID(t, s, site.ID, congtin.ListFields, "Nông nghiệp")
	mk := func(actor congtin.Actor, typ, field int64, number, issued, summary string) *congtin.Document {
		t.Helper()
		clk.Add(time.Minute)
		d, err := s.CreateDocument(ctx, actor, site.ID, congtin.DocumentInput{TypeID: typ, FieldID: field, Number: number,
			Issuer: "UBND tỉnh", IssuedOn: day(issued), Summary: summary})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	a := mk(rep, plan, agri, "115/KH-UBND", "2026-01-10", "Kế hoạch phòng chống dịch bệnh gia súc")
	b := mk(ed, decision, 0, "20/QĐ-UBND", "2026-02-20", "Quyết định về đường giao thông nông thôn")
	if _, err := s.TransitionDocument(ctx, ed, site.ID, b.ID, congtin.ActPublish, ""); err != nil {
		t.Fatal(err)
	}
	want := func(f congtin.AdminDocumentFilter, what string, wantIDs ...int64) {
		t.Helper()
		f.SiteID = site.ID
		ds, total, err := s.FindAdminDocuments(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var got []int64
		for _, d := range ds {
			got = append(got, d.ID)
		}
		WantIDs(t, got, wantIDs, what)
		if total != len(wantIDs) {
			t.Fatalf("%s: total %d, want %d", what, total, len(wantIDs))
		}
	}
	want(congtin.AdminDocumentFilter{Q: "115/KH-UBND"}, "a number", a.ID)
	want(congtin.AdminDocumentFilter{Q: "kh ubnd"}, "a number's parts", a.ID)
	want(congtin.AdminDocumentFilter{Q: "ubnd"}, "a part of two numbers", b.ID, a.ID)
	want(congtin.AdminDocumentFilter{Q: "gia suc"}, "a draft's summary", a.ID)
	want(congtin.AdminDocumentFilter{Q: "đường giao thông"}, "a published one's summary", b.ID)
	want(congtin.AdminDocumentFilter{Q: "ubnd tinh"}, "the issuer is not searched")
	want(congtin.AdminDocumentFilter{Q: "ubnd", TypeID: plan}, "a type", a.ID)
	want(congtin.AdminDocumentFilter{FieldID: agri}, "a field", a.ID)
	want(congtin.AdminDocumentFilter{ByIssue: true, From: day("2026-02-01"), To: day("2026-03-01")}, "issued in February", b.ID)
	want(congtin.AdminDocumentFilter{From: clockStart.Add(2 * time.Minute)}, "changed since", b.ID)
	want(congtin.AdminDocumentFilter{CreatedBy: rep.User.ID, Q: "ubnd"}, "a writer's", a.ID)
	want(congtin.AdminDocumentFilter{Status: congtin.StatusDraft, Q: "ubnd"}, "drafts", a.ID)
}

// testBulk: a bulk action writes, for each item it moves, what the same
// step one by one writes (state, note, audit entry; a revision for a
// move), on either database, and nothing for the items it refuses.
func testBulk(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	mustClock(t, s, clockStart)
	site := MustSite(t, s)
	rep, ed, cat := MustDesk(t, s, site.ID, "Tin tức")
	cat2 := MustCategory(t, s, congtin.SystemActor("storetest"), site.ID, congtin.CategoryInput{Name: "Thời sự"})
	a := MustCreateArticle(t, s, rep, site.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "Bài một"})
	b := MustCreateArticle(t, s, rep, site.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "Bài hai"})
	MustTransition(t, s, ed, site.ID, b.ID, congtin.ActPublish, "", time.Time{})
	res, err := s.TransitionMany(ctx, ed, congtin.KindArticle, site.ID, []int64{a.ID, b.ID, 999999}, congtin.ActPublish)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 3 || res[0].Outcome != congtin.BulkDone || res[1].Outcome != congtin.BulkUnchanged || res[2].Outcome != congtin.BulkRefused {
		t.Fatalf("bulk publish: %+v %+v %+v", res[0], res[1], res[2])
	}
	if got, _ := s.FindArticleByID(ctx, site.ID, a.ID); got.Status != congtin.StatusPublished {
		t.Fatalf("after a bulk publish: %s", got.Status)
	}
	if ns, _ := s.FindNotes(ctx, a.Item().Ref); len(ns) != 2 || ns[1].Action != congtin.ActPublish {
		t.Fatalf("notes after a bulk publish: %+v", ns)
	}
	if ns, _ := s.FindNotes(ctx, b.Item().Ref); len(ns) != 2 {
		t.Fatalf("an article already published got %d notes, want 2", len(ns))
	}
	if n := len(AuditActions(t, s, congtin.AuditFilter{SiteID: site.ID, Action: "article.publish"})); n != 2 {
		t.Fatalf("%d publish audit entries, want 2", n)
	}
	res, err = s.MoveArticles(ctx, ed, site.ID, []int64{a.ID, b.ID}, cat2.ID)
	if err != nil || res[0].Outcome != congtin.BulkDone || res[1].Outcome != congtin.BulkDone {
		t.Fatalf("bulk move: %+v, %v", res, err)
	}
	for _, id := range []int64{a.ID, b.ID} {
		got, _ := s.FindArticleByID(ctx, site.ID, id)
		revs, _ := s.FindRevisions(ctx, site.ID, id)
		if got.CategoryID != cat2.ID || len(revs) == 0 || revs[0].CategoryID != cat2.ID || revs[0].Note != "Chuyển chuyên mục: “Tin tức” → “Thời sự”" {
			t.Fatalf("article %d after the move: category %d, revisions %+v", id, got.CategoryID, revs)
		}
	}
	// The public lists see the move at once.
	if got := publicIDs(t, s, congtin.ArticleFilter{SiteID: site.ID, CategoryIDs: []int64{cat2.ID}}); len(got) != 2 {
		t.Fatalf("the new category's public list: %v", got)
	}
}
