package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// testArticleVisibility: only published articles whose time has come are
// public; the filters cut the public list as documented.
func testArticleVisibility(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	day := func(d, h, m, sec int) time.Time { return time.Date(2023, 5, d, h, m, sec, 0, congtin.VietnamZone) }
	p1 := Rec("Bài một", "Kinh tế", day(1, 8, 0, 0))
	p2 := Rec("Bài hai", "Kinh tế > Nông nghiệp", day(1, 23, 59, 59))
	p2.Featured = true
	p3 := Rec("Bài ba", "Xã hội", day(2, 0, 0, 0))
	p4 := Rec("Bài bốn", "Kinh tế", day(3, 10, 0, 0))
	un := Rec("Bài gỡ", "Kinh tế", day(2, 9, 0, 0))
	res := MustImport(t, s, site.ID, p1, p2, p3, p4, un)
	a1, a2, a3, a4, a5 := res[0].Article, res[1].Article, res[2].Article, res[3].Article, res[4].Article
	if err := s.SetArticleStatus(ctx, site.ID, a5.ID, congtin.StatusUnpublished); err != nil {
		t.Fatal(err)
	}
	cs, err := s.FindCategories(ctx, site.ID)
	if err != nil {
		t.Fatal(err)
	}
	cats := congtin.Categories(cs)
	kt, nn := cats.BySlug("kinh-te"), cats.BySlug("nong-nghiep")

	// Drafts, submitted and returned articles from the newsroom.
	rep := MustUser(t, s, site.ID, "phongvien", congtin.RoleReporter)
	ed := MustUser(t, s, site.ID, "bientap", congtin.RoleEditor)
	in := congtin.ArticleInput{CategoryID: kt.ID, Title: "Bài nháp", PublishedAt: day(2, 12, 0, 0)}
	draft := MustCreateArticle(t, s, rep, site.ID, in)
	in.Title = "Bài chờ duyệt"
	sub := MustCreateArticle(t, s, rep, site.ID, in)
	MustTransition(t, s, rep, site.ID, sub.ID, congtin.ActSubmit, "", time.Time{})
	in.Title = "Bài trả lại"
	ret := MustCreateArticle(t, s, rep, site.ID, in)
	MustTransition(t, s, rep, site.ID, ret.ID, congtin.ActSubmit, "", time.Time{})
	MustTransition(t, s, ed, site.ID, ret.ID, congtin.ActReturn, "Viết lại", time.Time{})

	all := congtin.ArticleFilter{SiteID: site.ID}
	WantIDs(t, publicIDs(t, s, all), []int64{a4.ID, a3.ID, a2.ID, a1.ID}, "public articles, newest first")
	for id, status := range map[int64]string{a5.ID: congtin.StatusUnpublished, draft.ID: congtin.StatusDraft, sub.ID: congtin.StatusSubmitted, ret.ID: congtin.StatusReturned} {
		a, err := s.FindArticleByID(ctx, site.ID, id)
		if err != nil || a.Status != status || a.IsPublic(time.Now()) {
			t.Fatalf("article %d: %+v, %v; want found, %s, not public", id, a, err, status)
		}
	}
	_, err = s.FindArticleByID(ctx, site.ID, ret.ID+1000)
	WantCode(t, err, congtin.ENOTFOUND, "a missing article")

	// The one found by ID has its body; lists leave bodies out.
	full, err := s.FindArticleByID(ctx, site.ID, a2.ID)
	if err != nil || full.Body != "<p>Nội dung Bài hai</p>" || full.Lead != "Tóm tắt Bài hai" || full.Author != "Phóng viên" || !full.Featured ||
		full.CategoryID != nn.ID || !full.PublishedAt.Equal(recTime(p2)) || full.Slug != "bai-hai" {
		t.Fatalf("FindArticleByID: %+v, %v", full, err)
	}
	list, _, _ := s.FindArticles(ctx, all)
	for _, a := range list {
		if a.Body != "" || a.Title == "" || a.Lead == "" {
			t.Fatalf("list item: %+v", a)
		}
	}

	// Publication time against now: the boundary is public.
	WantIDs(t, publicIDs(t, s, congtin.ArticleFilter{SiteID: site.ID, Now: a4.PublishedAt}), []int64{a4.ID, a3.ID, a2.ID, a1.ID}, "now at the newest's time")
	WantIDs(t, publicIDs(t, s, congtin.ArticleFilter{SiteID: site.ID, Now: a4.PublishedAt.Add(-time.Second)}), []int64{a3.ID, a2.ID, a1.ID}, "a second before")
	WantIDs(t, publicIDs(t, s, congtin.ArticleFilter{SiteID: site.ID, Now: day(1, 0, 0, 0)}), nil, "before them all")

	// A category with its children, or alone.
	WantIDs(t, publicIDs(t, s, congtin.ArticleFilter{SiteID: site.ID, CategoryIDs: cats.Subtree(kt.ID)}), []int64{a4.ID, a2.ID, a1.ID}, "Kinh tế with Nông nghiệp")
	WantIDs(t, publicIDs(t, s, congtin.ArticleFilter{SiteID: site.ID, CategoryIDs: []int64{kt.ID}}), []int64{a4.ID, a1.ID}, "Kinh tế alone")
	WantIDs(t, publicIDs(t, s, congtin.ArticleFilter{SiteID: site.ID, CategoryIDs: []int64{nn.ID}}), []int64{a2.ID}, "Nông nghiệp")

	// Dates: [From, To), in Vietnam time.
	WantIDs(t, publicIDs(t, s, congtin.ArticleFilter{SiteID: site.ID, From: day(1, 0, 0, 0), To: day(2, 0, 0, 0)}), []int64{a2.ID, a1.ID}, "1 May")
	WantIDs(t, publicIDs(t, s, congtin.ArticleFilter{SiteID: site.ID, From: day(2, 0, 0, 0), To: day(3, 0, 0, 0)}), []int64{a3.ID}, "2 May")
	WantIDs(t, publicIDs(t, s, congtin.ArticleFilter{SiteID: site.ID, From: day(2, 0, 0, 0)}), []int64{a4.ID, a3.ID}, "from 2 May")
	WantIDs(t, publicIDs(t, s, congtin.ArticleFilter{SiteID: site.ID, To: day(1, 23, 59, 59)}), []int64{a1.ID}, "before the last second of 1 May")

	// Featured, order and pages.
	yes, no := true, false
	WantIDs(t, publicIDs(t, s, congtin.ArticleFilter{SiteID: site.ID, Featured: &yes}), []int64{a2.ID}, "featured")
	WantIDs(t, publicIDs(t, s, congtin.ArticleFilter{SiteID: site.ID, Featured: &no}), []int64{a4.ID, a3.ID, a1.ID}, "not featured")
	WantIDs(t, publicIDs(t, s, congtin.ArticleFilter{SiteID: site.ID, Oldest: true}), []int64{a1.ID, a2.ID, a3.ID, a4.ID}, "oldest first")
	page, total, err := s.FindArticles(ctx, congtin.ArticleFilter{SiteID: site.ID, Offset: 1, Limit: 2})
	if err != nil || total != 4 {
		t.Fatalf("page: total %d, %v", total, err)
	}
	WantIDs(t, ids(page), []int64{a3.ID, a2.ID}, "second and third")
	page, total, _ = s.FindArticles(ctx, congtin.ArticleFilter{SiteID: site.ID, Offset: 4, Limit: 2})
	if total != 4 || len(page) != 0 {
		t.Fatalf("past the end: %d articles, total %d", len(page), total)
	}
	page, total, _ = s.FindArticles(ctx, congtin.ArticleFilter{SiteID: site.ID, CategoryIDs: cats.Subtree(kt.ID), Limit: 1})
	if total != 3 || len(page) != 1 || page[0].ID != a4.ID {
		t.Fatalf("first of a category: %v of %d", ids(page), total)
	}

	// Status changes through SetArticleStatus show at once.
	if err := s.SetArticleStatus(ctx, site.ID, a3.ID, congtin.StatusDraft); err != nil {
		t.Fatal(err)
	}
	if err := s.SetArticleStatus(ctx, site.ID, a5.ID, congtin.StatusPublished); err != nil {
		t.Fatal(err)
	}
	WantIDs(t, publicIDs(t, s, all), []int64{a4.ID, a5.ID, a2.ID, a1.ID}, "after two status changes")
}

// recTime returns an import record's publication time.
func recTime(r congtin.ArticleImport) time.Time {
	t, _ := time.Parse(time.RFC3339, r.PublishedAt)
	return t
}
