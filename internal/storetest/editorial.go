package storetest

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// testEditorialWorkflow takes one article through the newsroom: draft,
// edit, submit, return with a comment, submit again, publish, unpublish,
// publish again; each step leaves a note and an audit entry.
func testEditorialWorkflow(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	rep, ed, cat := MustDesk(t, s, site.ID, "Kinh tế")

	before := time.Now().Truncate(time.Second)
	a := MustCreateArticle(t, s, rep, site.ID, congtin.ArticleInput{
		CategoryID: cat.ID, Title: "  Khai mạc hội chợ nông sản  ", Lead: "Sapo hội chợ",
		Body: `<p>Nội dung hội chợ</p><script>alert(1)</script>`, Author: "Minh Anh", Image: "/media/hoi-cho.jpg", Featured: true,
	})
	after := time.Now()
	if a.ID == 0 || a.SiteID != site.ID || a.CategoryID != cat.ID || a.Status != congtin.StatusDraft || a.CreatedBy != rep.User.ID {
		t.Fatalf("created: %+v", a)
	}
	if a.Title != "Khai mạc hội chợ nông sản" || a.Slug != "khai-mac-hoi-cho-nong-san" || a.Lead != "Sapo hội chợ" ||
		a.Author != "Minh Anh" || a.Image != "/media/hoi-cho.jpg" || !a.Featured {
		t.Fatalf("created content (trimmed, slug from the title): %+v", a)
	}
	if strings.Contains(a.Body, "script") || !strings.Contains(a.Body, "Nội dung hội chợ") {
		t.Fatalf("body not sanitized: %q", a.Body)
	}
	if a.CreatedAt.Before(before) || a.CreatedAt.After(after) || !a.UpdatedAt.Equal(a.CreatedAt) {
		t.Fatalf("created_at %v updated_at %v, want both in [%v, %v]", a.CreatedAt, a.UpdatedAt, before, after)
	}
	got, err := s.FindArticleByID(ctx, site.ID, a.ID)
	if err != nil || got.Title != a.Title || got.Body != a.Body || got.Status != congtin.StatusDraft || got.CreatedBy != rep.User.ID {
		t.Fatalf("FindArticleByID after create: %+v, %v", got, err)
	}
	WantIDs(t, publicIDs(t, s, congtin.ArticleFilter{SiteID: site.ID}), nil, "a draft is not public")

	// An edit keeps a revision and leaves the state alone.
	in := congtin.ArticleInput{CategoryID: cat.ID, Title: "Khai mạc hội chợ nông sản an toàn", Slug: "hoi-cho-nong-san",
		Lead: "Sapo mới", Body: "<p>Nội dung mới</p>", Author: "Minh Anh"}
	a = MustUpdateArticle(t, s, rep, site.ID, a.ID, in)
	if a.Title != in.Title || a.Slug != "hoi-cho-nong-san" || a.Lead != "Sapo mới" || a.Featured || a.Image != "" ||
		a.Status != congtin.StatusDraft || a.CreatedBy != rep.User.ID || a.Body != "<p>Nội dung mới</p>" {
		t.Fatalf("after update: %+v", a)
	}
	revs, err := s.FindRevisions(ctx, site.ID, a.ID)
	if err != nil || len(revs) != 2 || revs[0].Title != in.Title || revs[1].Title != "Khai mạc hội chợ nông sản" {
		t.Fatalf("revisions after one edit: %v, %v", revs, err)
	}

	a = MustTransition(t, s, rep, site.ID, a.ID, congtin.ActSubmit, "", time.Time{})
	a = MustTransition(t, s, ed, site.ID, a.ID, congtin.ActReturn, "Bổ sung số liệu", time.Time{})
	WantIDs(t, publicIDs(t, s, congtin.ArticleFilter{SiteID: site.ID}), nil, "a returned article is not public")
	a = MustTransition(t, s, rep, site.ID, a.ID, congtin.ActSubmit, "", time.Time{})
	WantIDs(t, publicIDs(t, s, congtin.ArticleFilter{SiteID: site.ID}), nil, "a submitted article is not public")

	// First publication: the placeholder time becomes now.
	before = time.Now().Truncate(time.Second)
	a = MustTransition(t, s, ed, site.ID, a.ID, congtin.ActPublish, "", time.Time{})
	after = time.Now()
	if a.PublishedAt.Before(before) || a.PublishedAt.After(after) || !a.IsPublic(after) {
		t.Fatalf("published at %v, want in [%v, %v]", a.PublishedAt, before, after)
	}
	published := a.PublishedAt
	WantIDs(t, publicIDs(t, s, congtin.ArticleFilter{SiteID: site.ID}), []int64{a.ID}, "after publish")

	a = MustTransition(t, s, ed, site.ID, a.ID, congtin.ActUnpublish, "Sai thông tin", time.Time{})
	WantIDs(t, publicIDs(t, s, congtin.ArticleFilter{SiteID: site.ID}), nil, "after unpublish")
	if got, err := s.FindArticleByID(ctx, site.ID, a.ID); err != nil || got.Status != congtin.StatusUnpublished {
		t.Fatalf("an unpublished article is still found by ID: %+v, %v", got, err)
	}

	// Publishing again keeps the first publication time.
	a = MustTransition(t, s, ed, site.ID, a.ID, congtin.ActPublish, "", time.Time{})
	if !a.PublishedAt.Equal(published) {
		t.Fatalf("republished at %v, want the first time %v", a.PublishedAt, published)
	}
	WantIDs(t, publicIDs(t, s, congtin.ArticleFilter{SiteID: site.ID}), []int64{a.ID}, "after publishing again")

	notes, err := s.FindNotes(ctx, a.Item().Ref)
	if err != nil {
		t.Fatal(err)
	}
	want := []congtin.Note{
		{Action: congtin.ActCreate, Status: congtin.StatusDraft, UserName: rep.User.DisplayName},
		{Action: congtin.ActSubmit, Status: congtin.StatusSubmitted, UserName: rep.User.DisplayName},
		{Action: congtin.ActReturn, Status: congtin.StatusReturned, UserName: ed.User.DisplayName, Comment: "Bổ sung số liệu"},
		{Action: congtin.ActSubmit, Status: congtin.StatusSubmitted, UserName: rep.User.DisplayName},
		{Action: congtin.ActPublish, Status: congtin.StatusPublished, UserName: ed.User.DisplayName},
		{Action: congtin.ActUnpublish, Status: congtin.StatusUnpublished, UserName: ed.User.DisplayName, Comment: "Sai thông tin"},
		{Action: congtin.ActPublish, Status: congtin.StatusPublished, UserName: ed.User.DisplayName},
	}
	if len(notes) != len(want) {
		t.Fatalf("%d notes, want %d: %+v", len(notes), len(want), notes)
	}
	for i, n := range notes {
		w := want[i]
		if n.Item.ID != a.ID || n.Item.Kind != congtin.KindArticle || n.Action != w.Action || n.Status != w.Status || n.UserName != w.UserName || n.Comment != w.Comment || n.CreatedAt.IsZero() {
			t.Fatalf("note %d (oldest first) = %+v, want %+v", i, n, w)
		}
		if i > 0 && n.ID <= notes[i-1].ID {
			t.Fatalf("notes not oldest first: %+v", notes)
		}
	}

	// Every step wrote its audit entry, with who and from where.
	es, total, err := s.FindAudit(ctx, congtin.AuditFilter{SiteID: site.ID, ObjectType: "article", ObjectID: a.ID, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	wantActions := []string{"article.publish", "article.unpublish", "article.publish", "article.submit", "article.return", "article.submit", "article.edit", "article.create"}
	if total != len(wantActions) || len(es) != total {
		t.Fatalf("%d audit entries (total %d), want %d", len(es), total, len(wantActions))
	}
	for i, e := range es {
		if e.Action != wantActions[i] || e.IP != testIP || e.SiteID != site.ID {
			t.Fatalf("audit entry %d = %+v, want action %q from %s", i, e, wantActions[i], testIP)
		}
	}
	if es[4].Username != ed.User.Username || es[4].UserID != ed.User.ID || !strings.Contains(es[4].Detail, "Bổ sung số liệu") {
		t.Fatalf("return entry: %+v", es[4])
	}
	if es[7].Username != rep.User.Username || es[7].Detail != "Khai mạc hội chợ nông sản" {
		t.Fatalf("create entry: %+v", es[7])
	}
}

// testEditorialNotFound: a missing article or revision, or one asked for
// through another site, is not found, and the attempt writes nothing: no
// note, no revision, no audit entry. (The service's refusals, of bad input
// and of steps the state or the role does not allow, are internal/app's
// TestArticleInputRefused and TestArticleStepsRefused.)
func testEditorialNotFound(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	other := MustCreateSite(t, s, "so.example", "Cổng Sở")
	rep, ed, cat := MustDesk(t, s, site.ID, "Tin tức")
	in := congtin.ArticleInput{CategoryID: cat.ID, Title: "Tin thử", Body: "<p>Thân bài</p>"}
	a := MustCreateArticle(t, s, rep, site.ID, in)
	revs, _ := s.FindRevisions(ctx, site.ID, a.ID)
	missing := a.ID + 1000

	_, err := s.UpdateArticle(ctx, rep, site.ID, missing, in)
	WantCode(t, err, congtin.ENOTFOUND, "update a missing article")
	_, err = s.UpdateArticle(ctx, rep, other.ID, a.ID, in)
	WantCode(t, err, congtin.ENOTFOUND, "update through another site")
	_, err = s.TransitionArticle(ctx, ed, site.ID, missing, congtin.ActPublish, "", time.Time{})
	WantCode(t, err, congtin.ENOTFOUND, "publish a missing article")
	_, err = s.TransitionArticle(ctx, ed, other.ID, a.ID, congtin.ActPublish, "", time.Time{})
	WantCode(t, err, congtin.ENOTFOUND, "publish through another site")
	_, err = s.FindRevision(ctx, site.ID, revs[0].ID+1000)
	WantCode(t, err, congtin.ENOTFOUND, "a missing revision")
	_, err = s.FindRevision(ctx, other.ID, revs[0].ID)
	WantCode(t, err, congtin.ENOTFOUND, "a revision through another site")
	_, err = s.RestoreRevision(ctx, ed, site.ID, revs[0].ID+1000)
	WantCode(t, err, congtin.ENOTFOUND, "restore a missing revision")
	_, err = s.RestoreRevision(ctx, ed, other.ID, revs[0].ID)
	WantCode(t, err, congtin.ENOTFOUND, "restore through another site")
	if rs, err := s.FindRevisions(ctx, other.ID, a.ID); len(rs) != 0 || err != nil && congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("another site's revisions: %v, %v", rs, err)
	}
	if ns, err := s.FindNotes(ctx, congtin.Ref{Kind: congtin.KindArticle, SiteID: other.ID, ID: a.ID}); len(ns) != 0 || err != nil && congtin.ErrorCode(err) != congtin.ENOTFOUND {
		t.Fatalf("another site's notes: %v, %v", ns, err)
	}

	got, err := s.FindArticleByID(ctx, site.ID, a.ID)
	if err != nil || got.Status != congtin.StatusDraft || got.Title != "Tin thử" || got.CategoryID != cat.ID {
		t.Fatalf("after changes that found nothing: %+v, %v", got, err)
	}
	if ns, _ := s.FindNotes(ctx, a.Item().Ref); len(ns) != 1 {
		t.Fatalf("changes that found nothing wrote notes: %+v", ns)
	}
	if rs, _ := s.FindRevisions(ctx, site.ID, a.ID); len(rs) != 1 {
		t.Fatalf("changes that found nothing wrote revisions: %+v", rs)
	}
	if acts := AuditActions(t, s, congtin.AuditFilter{SiteID: site.ID, Action: "article"}); len(acts) != 1 {
		t.Fatalf("changes that found nothing wrote audit entries: %v", acts)
	}

	// Article slugs need not be unique: the ID in the URL tells articles
	// apart, so a second article with the same title is no conflict.
	b := MustCreateArticle(t, s, rep, site.ID, in)
	if b.ID == a.ID || b.Slug != a.Slug {
		t.Fatalf("same title: %d %q and %d %q", a.ID, a.Slug, b.ID, b.Slug)
	}
}

// testEditorialSchedule: a publication time ahead schedules the article; it
// stays out of public lists until its time.
func testEditorialSchedule(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	rep, ed, cat := MustDesk(t, s, site.ID, "Thông báo")
	now := time.Now()
	pub := func(at time.Time) congtin.ArticleFilter { return congtin.ArticleFilter{SiteID: site.ID, Now: at} }

	// The editor chooses the time when publishing.
	at := now.Add(48 * time.Hour).Truncate(time.Second)
	a := MustCreateArticle(t, s, rep, site.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "Lịch tiếp công dân"})
	a = MustTransition(t, s, ed, site.ID, a.ID, congtin.ActPublish, "", at)
	if !a.PublishedAt.Equal(at) || a.IsPublic(now) {
		t.Fatalf("scheduled for %v: published_at %v", at, a.PublishedAt)
	}
	WantIDs(t, publicIDs(t, s, congtin.ArticleFilter{SiteID: site.ID}), nil, "scheduled, with the store's clock")
	WantIDs(t, publicIDs(t, s, pub(at.Add(-time.Second))), nil, "a second before its time")
	WantIDs(t, publicIDs(t, s, pub(at)), []int64{a.ID}, "at its time")

	// The writer chose a time ahead in the form: publishing without a time
	// schedules it for then.
	at2 := now.Add(72 * time.Hour).Truncate(time.Second)
	b := MustCreateArticle(t, s, rep, site.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "Thông báo tuyển dụng", PublishedAt: at2})
	if !b.PublishedAt.Equal(at2) || b.Status != congtin.StatusDraft {
		t.Fatalf("draft with a chosen time: %+v", b)
	}
	b = MustTransition(t, s, rep, site.ID, b.ID, congtin.ActSubmit, "", time.Time{})
	if !b.PublishedAt.Equal(at2) {
		t.Fatalf("submit changed the chosen time: %v", b.PublishedAt)
	}
	b = MustTransition(t, s, ed, site.ID, b.ID, congtin.ActPublish, "", time.Time{})
	if !b.PublishedAt.Equal(at2) {
		t.Fatalf("published without a time: published_at %v, want the writer's %v", b.PublishedAt, at2)
	}
	WantIDs(t, publicIDs(t, s, pub(at2.Add(-time.Second))), []int64{a.ID}, "before the writer's time")
	WantIDs(t, publicIDs(t, s, pub(at2)), []int64{b.ID, a.ID}, "at the writer's time")

	// Publishing a published article with a time moves it.
	at3 := now.Add(96 * time.Hour).Truncate(time.Second)
	a = MustTransition(t, s, ed, site.ID, a.ID, congtin.ActPublish, "Dời lịch", at3)
	if !a.PublishedAt.Equal(at3) {
		t.Fatalf("rescheduled: %v, want %v", a.PublishedAt, at3)
	}
	WantIDs(t, publicIDs(t, s, pub(at2)), []int64{b.ID}, "after rescheduling")
	WantIDs(t, publicIDs(t, s, pub(at3)), []int64{a.ID, b.ID}, "at the new time")

	// A publication time in the past is kept as given.
	past := time.Date(2020, 5, 1, 8, 0, 0, 0, congtin.VietnamZone)
	c := MustCreateArticle(t, s, rep, site.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "Tin cũ nhập lại"})
	c = MustTransition(t, s, ed, site.ID, c.ID, congtin.ActPublish, "", past)
	if !c.PublishedAt.Equal(past) {
		t.Fatalf("backdated publish: %v, want %v", c.PublishedAt, past)
	}
	WantIDs(t, publicIDs(t, s, congtin.ArticleFilter{SiteID: site.ID}), []int64{c.ID}, "the backdated article is public now")

	// The scheduled articles appear by themselves when the store's clock
	// reaches their time.
	if sc, ok := s.(Clock); ok {
		sc.SetNow(func() time.Time { return at2 })
		WantIDs(t, publicIDs(t, s, congtin.ArticleFilter{SiteID: site.ID}), []int64{b.ID, c.ID}, "with the store's clock at the writer's time")
	}
	if _, err := s.FindArticleByID(ctx, site.ID, a.ID); err != nil {
		t.Fatalf("a scheduled article is found by ID: %v", err)
	}
}

// testEditorialRevisions: revisions list and restore.
func testEditorialRevisions(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	rep, ed, c1 := MustDesk(t, s, site.ID, "Xã hội")
	c2 := MustCategory(t, s, congtin.SystemActor("storetest"), site.ID, congtin.CategoryInput{Name: "Giáo dục"})
	c3 := MustCategory(t, s, congtin.SystemActor("storetest"), site.ID, congtin.CategoryInput{Name: "Tạm thời"})

	v1 := congtin.ArticleInput{CategoryID: c1.ID, Title: "Bản một", Lead: "Sapo một", Body: "<p>Thân bài một</p>", Author: "Tác giả một"}
	a := MustCreateArticle(t, s, rep, site.ID, v1)
	v2 := congtin.ArticleInput{CategoryID: c2.ID, Title: "Bản hai", Lead: "Sapo hai", Body: "<p>Thân bài hai</p>", Author: "Tác giả hai",
		Image: "https://anh.example/hai.jpg", Featured: true, Slug: "ban-hai-rieng"}
	a = MustUpdateArticle(t, s, ed, site.ID, a.ID, v2)

	revs, err := s.FindRevisions(ctx, site.ID, a.ID)
	if err != nil || len(revs) != 2 {
		t.Fatalf("revisions: %v, %v", revs, err)
	}
	r2, r1 := revs[0], revs[1]
	if r2.Title != "Bản hai" || r2.Note != "Sửa" || r2.UserID != ed.User.ID || r2.UserName != ed.User.DisplayName || r2.CategoryID != c2.ID ||
		r2.Slug != "ban-hai-rieng" || !r2.Featured || r2.Image != v2.Image || r2.ArticleID != a.ID {
		t.Fatalf("newest revision: %+v", r2)
	}
	if r1.Title != "Bản một" || r1.Note != "Tạo mới" || r1.UserID != rep.User.ID || r1.UserName != rep.User.DisplayName || r1.CategoryID != c1.ID || r1.Slug != "ban-mot" {
		t.Fatalf("first revision: %+v", r1)
	}
	if r1.Body != "" || r2.Body != "" || r1.CreatedAt.IsZero() || r2.ID <= r1.ID {
		t.Fatalf("the list has no bodies, newest first: %+v %+v", r1, r2)
	}
	full, err := s.FindRevision(ctx, site.ID, r1.ID)
	if err != nil || full.Body != "<p>Thân bài một</p>" || full.Lead != "Sapo một" || full.Author != "Tác giả một" || full.ArticleID != a.ID {
		t.Fatalf("FindRevision: %+v, %v", full, err)
	}

	// A restore is an edit: the content comes back as a new revision; the
	// state stays.
	a = MustTransition(t, s, rep, site.ID, a.ID, congtin.ActSubmit, "", time.Time{})
	restored, err := s.RestoreRevision(ctx, ed, site.ID, r1.ID)
	if err != nil {
		t.Fatal(err)
	}
	if restored.ID != a.ID || restored.Title != "Bản một" || restored.Slug != "ban-mot" || restored.Lead != "Sapo một" || restored.Body != "<p>Thân bài một</p>" ||
		restored.Author != "Tác giả một" || restored.CategoryID != c1.ID || restored.Featured || restored.Image != "" || restored.Status != congtin.StatusSubmitted {
		t.Fatalf("restored: %+v", restored)
	}
	if got, _ := s.FindArticleByID(ctx, site.ID, a.ID); got.Title != "Bản một" || got.Body != restored.Body {
		t.Fatalf("FindArticleByID after restore: %+v", got)
	}
	revs, _ = s.FindRevisions(ctx, site.ID, a.ID)
	if len(revs) != 3 || revs[0].Title != "Bản một" || revs[0].Note != fmt.Sprintf("Khôi phục phiên bản #%d", r1.ID) || revs[0].UserID != ed.User.ID {
		t.Fatalf("revisions after restore: %+v", revs)
	}
	if acts := AuditActions(t, s, congtin.AuditFilter{SiteID: site.ID, ObjectType: "article", ObjectID: a.ID}); acts[0] != "article.restore" {
		t.Fatalf("audit after restore: %v", acts)
	}

	// A revision keeps the category it was saved in after the category is
	// deleted (the service refuses to restore it as it was: internal/app's
	// TestRestoreIntoDeletedCategoryRefused).
	a = MustUpdateArticle(t, s, ed, site.ID, a.ID, congtin.ArticleInput{CategoryID: c3.ID, Title: "Bản ba"})
	revs, _ = s.FindRevisions(ctx, site.ID, a.ID)
	r3 := revs[0]
	MustUpdateArticle(t, s, ed, site.ID, a.ID, congtin.ArticleInput{CategoryID: c1.ID, Title: "Bản bốn"})
	if err := s.DeleteCategory(ctx, congtin.SystemActor("storetest"), site.ID, c3.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.FindArticleByID(ctx, site.ID, a.ID); got.Title != "Bản bốn" || got.CategoryID != c1.ID {
		t.Fatalf("the article after two more edits: %+v", got)
	}
	revs, _ = s.FindRevisions(ctx, site.ID, a.ID)
	if len(revs) != 5 || revs[1].ID != r3.ID || revs[1].CategoryID != c3.ID {
		t.Fatalf("%d revisions, want 5, the second newest in the deleted category: %+v", len(revs), revs)
	}
}

// testAdminArticles: the back-office list shows every state, newest change
// first, filtered by state and writer. The order needs the clock to move.
func testAdminArticles(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	clk := mustClock(t, s, clockStart)
	site := MustSite(t, s)
	other := MustCreateSite(t, s, "so.example", "Cổng Sở")
	rep1 := MustUser(t, s, site.ID, "phongvien1", congtin.RoleReporter)
	rep2 := MustUser(t, s, site.ID, "phongvien2", congtin.RoleReporter)
	cat := MustCategory(t, s, congtin.SystemActor("storetest"), site.ID, congtin.CategoryInput{Name: "Tin tức"})
	mk := func(actor congtin.Actor, title string) *congtin.Article {
		return MustCreateArticle(t, s, actor, site.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: title, Body: "<p>Thân bài</p>"})
	}
	a1 := mk(rep1, "Bài một")
	clk.Add(time.Minute)
	a2 := mk(rep2, "Bài hai")
	clk.Add(time.Minute)
	a3 := mk(rep1, "Bài ba")
	MustTransition(t, s, rep1, site.ID, a3.ID, congtin.ActSubmit, "", time.Time{})
	clk.Add(time.Minute)
	a1 = MustUpdateArticle(t, s, rep1, site.ID, a1.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "Bài một đã sửa"})
	if !a1.CreatedAt.Equal(clockStart) || !a1.UpdatedAt.Equal(clockStart.Add(3*time.Minute)) {
		t.Fatalf("created_at %v updated_at %v, want %v and 3 minutes later", a1.CreatedAt, a1.UpdatedAt, clockStart)
	}
	clk.Add(time.Minute)
	imp := MustImport(t, s, site.ID, Rec("Bài nhập", "Tin tức", clockStart.AddDate(0, 0, -1)))[0].Article

	find := func(f congtin.AdminArticleFilter) ([]int64, int) {
		t.Helper()
		f.SiteID = site.ID
		as, total, err := s.FindAdminArticles(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range as {
			if a.Body != "" {
				t.Fatalf("the list carries bodies: %q", a.Body)
			}
		}
		return ids(as), total
	}
	got, total := find(congtin.AdminArticleFilter{})
	WantIDs(t, got, []int64{imp.ID, a1.ID, a3.ID, a2.ID}, "newest change first")
	if total != 4 {
		t.Fatalf("total %d, want 4", total)
	}
	got, total = find(congtin.AdminArticleFilter{Status: congtin.StatusSubmitted})
	WantIDs(t, got, []int64{a3.ID}, "submitted")
	if total != 1 {
		t.Fatalf("submitted: total %d, want 1", total)
	}
	got, _ = find(congtin.AdminArticleFilter{Status: congtin.StatusPublished})
	WantIDs(t, got, []int64{imp.ID}, "published")
	got, total = find(congtin.AdminArticleFilter{CreatedBy: rep1.User.ID})
	WantIDs(t, got, []int64{a1.ID, a3.ID}, "by the first reporter")
	if total != 2 {
		t.Fatalf("by the first reporter: total %d, want 2", total)
	}
	got, _ = find(congtin.AdminArticleFilter{CreatedBy: rep1.User.ID, Status: congtin.StatusDraft})
	WantIDs(t, got, []int64{a1.ID}, "the first reporter's drafts")
	got, total = find(congtin.AdminArticleFilter{Offset: 1, Limit: 2})
	WantIDs(t, got, []int64{a1.ID, a3.ID}, "second page of two")
	if total != 4 {
		t.Fatalf("paged total %d, want 4", total)
	}
	if as, n, err := s.FindAdminArticles(ctx, congtin.AdminArticleFilter{SiteID: other.ID}); err != nil || n != 0 || len(as) != 0 {
		t.Fatalf("another site: %d %d %v", len(as), n, err)
	}

	// Notes and revisions carry the store's time.
	ns, _ := s.FindNotes(ctx, a3.Item().Ref)
	if len(ns) != 2 || !ns[0].CreatedAt.Equal(clockStart.Add(2*time.Minute)) || !ns[1].CreatedAt.Equal(clockStart.Add(2*time.Minute)) {
		t.Fatalf("notes' times: %+v", ns)
	}
	rs, _ := s.FindRevisions(ctx, site.ID, a1.ID)
	if len(rs) != 2 || !rs[0].CreatedAt.Equal(clockStart.Add(3*time.Minute)) || !rs[1].CreatedAt.Equal(clockStart) {
		t.Fatalf("revisions' times: %+v", rs)
	}
}
