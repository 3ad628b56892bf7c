package storetest

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/app"
)

// testSpellings: a site's groups of equivalent spellings as stored (round
// trip, order, who and when, site isolation, the version and the change
// log every write moves), and the searches that use them: articles, the
// documents register, questions and the back office's lists, on the site
// that has them only. Which input is refused is the service's rule
// (internal/app's spelling tests).
func testSpellings(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	clk := mustClock(t, s, clockStart)
	site := MustSite(t, s)
	other := MustCreateSite(t, s, "so.example", "Sở")
	ad := MustUser(t, s, site.ID, "qtv", congtin.RoleAdmin)
	rep, ed, cat := MustDesk(t, s, site.ID, "Tin tức")
	st, isApp := s.(*app.App)

	version := func(siteID int64) int64 {
		t.Helper()
		v, err := s.(congtin.Store).SpellingVersion(ctx, siteID)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if v := version(site.ID); v != 0 {
		t.Fatalf("version before any group: %d", v)
	}
	if gs, err := s.FindSpellingGroups(ctx, site.ID); err != nil || len(gs) != 0 {
		t.Fatalf("groups of a new site: %+v %v", gs, err)
	}

	// An article that only says "quản lý thị trường", one document and
	// one question the same; an article that only says "QLTT".
	a := MustCreateArticle(t, s, rep, site.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "Kiểm tra hàng giả dịp Tết",
		Lead: "Lực lượng quản lý thị trường tỉnh ra quân", Body: "<p>Đoàn kiểm tra liên ngành làm việc tại chợ.</p>", Author: "Minh"})
	MustTransition(t, s, ed, site.ID, a.ID, congtin.ActPublish, "", time.Time{})
	b := MustCreateArticle(t, s, rep, site.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "Đội QLTT số 3 tổng kết năm",
		Lead: "Hội nghị tổng kết công tác", Body: "<p>Đội đã xử lý nhiều vụ việc.</p>", Author: "Minh"})
	MustTransition(t, s, ed, site.ID, b.ID, congtin.ActPublish, "", time.Time{})
	clk.Add(time.Minute)
	doc, err := s.CreateDocument(ctx, ed, site.ID, congtin.DocumentInput{TypeID: TermID(t, s, site.ID, congtin.ListTypes, "Kế hoạch"),
		Number: "12/KH-UBND", Issuer: "UBND tỉnh", IssuedOn: day("2026-01-05"), Summary: "Kế hoạch kiểm tra của quản lý thị trường"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.TransitionDocument(ctx, ed, site.ID, doc.ID, congtin.ActPublish, ""); err != nil {
		t.Fatal(err)
	}
	clk.Add(time.Minute)
	qin := QuestionIn("Xử lý hàng giả ở chợ", 0)
	qin.Body = "Đội quản lý thị trường có quyền tịch thu hàng giả không?"
	question := MustSubmit(t, s, site.ID, qin, QuestionSub("ip-spellings"))
	if _, err := s.UpdateQuestion(ctx, ed, site.ID, question.ID, congtin.QuestionEdit{Title: question.Title, Body: question.Body, Answer: "<p>Có, theo quy định.</p>"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.TransitionQuestion(ctx, ed, site.ID, question.ID, congtin.ActPublish, ""); err != nil {
		t.Fatal(err)
	}
	clk.Add(time.Minute)
	questions := func(q string) int {
		t.Helper()
		r, err := s.SearchQuestions(ctx, congtin.QuestionFilter{SiteID: site.ID, Status: congtin.StatusPublished, Q: q})
		if err != nil {
			t.Fatalf("questions %q: %v", q, err)
		}
		if r.Approximate {
			return 0
		}
		return r.Total
	}

	articles := func(siteID int64, q string) []int64 {
		t.Helper()
		r, err := s.Search(ctx, congtin.SearchQuery{SiteID: siteID, Q: q})
		if err != nil {
			t.Fatalf("search %q: %v", q, err)
		}
		var out []int64
		for _, h := range r.Hits {
			if !r.Approximate {
				out = append(out, h.Article.ID)
			}
		}
		slices.Sort(out)
		return out
	}
	documents := func(q string) int {
		t.Helper()
		r, err := s.FindDocuments(ctx, congtin.DocumentQuery{SiteID: site.ID, Q: q})
		if err != nil {
			t.Fatalf("documents %q: %v", q, err)
		}
		return r.Total
	}
	adminArticles := func(q string) []int64 {
		t.Helper()
		as, _, err := s.FindAdminArticles(ctx, congtin.AdminArticleFilter{SiteID: site.ID, Q: q})
		if err != nil {
			t.Fatalf("admin articles %q: %v", q, err)
		}
		out := ids(as)
		slices.Sort(out)
		return out
	}
	WantIDs(t, articles(site.ID, "QLTT"), []int64{b.ID}, "QLTT before the group")
	WantIDs(t, articles(site.ID, "quản lý thị trường"), []int64{a.ID}, "the long form before the group")
	if n := documents("QLTT"); n != 0 {
		t.Fatalf("documents before the group: %d", n)
	}
	if n := questions("QLTT"); n != 0 {
		t.Fatalf("questions before the group: %d", n)
	}

	before := changeCount(t, s)
	g, err := s.CreateSpellingGroup(ctx, ad, site.ID, congtin.SpellingGroupInput{Text: "QLTT; quản lý thị trường\n"})
	if err != nil {
		t.Fatal(err)
	}
	wantWholeSiteChange(t, s, site.ID, before, true, "adding a spelling group")
	v1 := version(site.ID)
	if v1 == 0 || version(other.ID) != 0 {
		t.Fatalf("versions after a write: %d, other site %d", v1, version(other.ID))
	}
	gs, err := s.FindSpellingGroups(ctx, site.ID)
	if err != nil || len(gs) != 1 {
		t.Fatalf("groups: %+v %v", gs, err)
	}
	got := gs[0]
	if got.ID != g.ID || got.SiteID != site.ID || !slices.Equal(got.Spellings, []string{"QLTT", "quản lý thị trường"}) ||
		got.UpdatedBy != ad.UserID() || got.UpdatedByName != ad.User.DisplayName || !got.UpdatedAt.Equal(clk.Now().Truncate(time.Second)) {
		t.Fatalf("stored %+v (by %d %q at %v)", got, ad.UserID(), ad.User.DisplayName, clk.Now())
	}
	if gs, _ := s.FindSpellingGroups(ctx, other.ID); len(gs) != 0 {
		t.Fatalf("another site sees %d groups", len(gs))
	}

	// Both ways, on every search of the site; not on the other site's.
	both := []int64{a.ID, b.ID}
	slices.Sort(both)
	WantIDs(t, articles(site.ID, "QLTT"), both, "QLTT with the group")
	WantIDs(t, articles(site.ID, "quan ly thi truong"), both, "the long form with the group")
	if n := documents("QLTT"); n != 1 {
		t.Fatalf("documents for QLTT: %d, want 1", n)
	}
	if n := questions("QLTT"); n != 1 {
		t.Fatalf("questions for QLTT: %d, want 1", n)
	}
	WantIDs(t, adminArticles("qltt"), both, "the back office's list")
	if ds, _, err := s.FindAdminDocuments(ctx, congtin.AdminDocumentFilter{SiteID: site.ID, Q: "QLTT"}); err != nil || len(ds) != 1 {
		t.Fatalf("the back office's documents: %d %v", len(ds), err)
	}
	if got := articles(other.ID, "QLTT"); len(got) != 0 {
		t.Fatalf("another site's search: %v", got)
	}

	// An edit, then a second group, in id order.
	clk.Add(time.Minute)
	if _, err := s.UpdateSpellingGroup(ctx, ad, site.ID, g.ID, congtin.SpellingGroupInput{Text: "QLTT\nquản lý thị trường\nQL thị trường"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdateSpellingGroup(ctx, ad, other.ID, g.ID, congtin.SpellingGroupInput{Text: "a; b"}); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("update another site's group: %v", err)
	}
	g2, err := s.CreateSpellingGroup(ctx, ad, site.ID, congtin.SpellingGroupInput{Text: "Sở GTVT; Sở Giao thông vận tải"})
	if err != nil {
		t.Fatal(err)
	}
	gs, _ = s.FindSpellingGroups(ctx, site.ID)
	if len(gs) != 2 || gs[0].ID != g.ID || len(gs[0].Spellings) != 3 || gs[1].ID != g2.ID {
		t.Fatalf("after edit: %+v", gs)
	}
	v2 := version(site.ID)
	if v2 <= v1 {
		t.Fatalf("version %d after two writes, was %d", v2, v1)
	}

	// Another process (a second service over the same database) learns of
	// a change within the version check's interval.
	if isApp {
		peer := app.New(st.Store)
		if sp, err := peer.SiteSpellings(ctx, site.ID); err != nil || sp == nil || sp.SpellingCount() != 2 {
			t.Fatalf("peer's table: %v %v", sp, err)
		}
		before = changeCount(t, s)
		if err := s.DeleteSpellingGroup(ctx, ad, site.ID, g.ID); err != nil {
			t.Fatal(err)
		}
		wantWholeSiteChange(t, s, site.ID, before, true, "deleting a spelling group")
		WantIDs(t, articles(site.ID, "QLTT"), []int64{b.ID}, "QLTT in this process after the delete")
		deadline := time.Now().Add(10 * time.Second)
		for {
			sp, err := peer.SiteSpellings(ctx, site.ID)
			if err != nil {
				t.Fatal(err)
			}
			if sp != nil && sp.SpellingCount() == 1 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("the other process still has the deleted group")
			}
			time.Sleep(200 * time.Millisecond)
		}
	} else if err := s.DeleteSpellingGroup(ctx, ad, site.ID, g.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSpellingGroup(ctx, ad, site.ID, g.ID); congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("delete twice: %v", err)
	}
	if version(site.ID) <= v2 {
		t.Fatal("a delete did not move the version")
	}
	acts := AuditActions(t, s, congtin.AuditFilter{SiteID: site.ID, Action: "spelling"})
	if want := []string{"spelling.delete", "spelling.create", "spelling.update", "spelling.create"}; !slices.Equal(acts, want) {
		t.Fatalf("audit %v, want %v", acts, want)
	}
}
