package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// testAdminScheduled: the back office's lists tell scheduled articles
// (published, the time still ahead, shown as Hẹn giờ) from published
// ones, by the store's clock, soonest first; a publication's note keeps
// the time it gave, so the history can say it scheduled.
func testAdminScheduled(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	clk := mustClock(t, s, clockStart)
	site := MustSite(t, s)
	rep, ed, cat := MustDesk(t, s, site.ID, "Tin tức")
	mk := func(title string, at time.Time) *congtin.Article {
		return MustCreateArticle(t, s, rep, site.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: title, Body: "<p>Thân bài</p>", PublishedAt: at})
	}
	now := mk("Đăng ngay", time.Time{})
	MustTransition(t, s, ed, site.ID, now.ID, congtin.ActPublish, "", time.Time{})
	clk.Add(time.Minute)
	later := mk("Hẹn hai giờ", time.Time{})
	MustTransition(t, s, ed, site.ID, later.ID, congtin.ActPublish, "", clockStart.Add(2*time.Hour))
	clk.Add(time.Minute)
	soon := mk("Hẹn một giờ", clockStart.Add(time.Hour)) // its own time, taken at publication
	MustTransition(t, s, ed, site.ID, soon.ID, congtin.ActPublish, "", time.Time{})
	clk.Add(time.Minute)
	draft := mk("Nháp có giờ", clockStart.Add(3*time.Hour))
	other := MustCreateSite(t, s, "so.example", "Cổng Sở")

	find := func(f congtin.AdminArticleFilter) ([]int64, int) {
		t.Helper()
		f.SiteID = site.ID
		as, total, err := s.FindAdminArticles(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		return ids(as), total
	}
	got, total := find(congtin.AdminArticleFilter{Status: congtin.StatusScheduled})
	WantIDs(t, got, []int64{soon.ID, later.ID}, "scheduled, the next to go out first")
	if total != 2 {
		t.Fatalf("scheduled: total %d, want 2", total)
	}
	got, total = find(congtin.AdminArticleFilter{Status: congtin.StatusPublished})
	WantIDs(t, got, []int64{now.ID}, "published, without the scheduled")
	if total != 1 {
		t.Fatalf("published: total %d, want 1", total)
	}
	got, _ = find(congtin.AdminArticleFilter{Status: congtin.StatusDraft})
	WantIDs(t, got, []int64{draft.ID}, "a draft with a time ahead stays a draft")
	if _, total = find(congtin.AdminArticleFilter{}); total != 4 {
		t.Fatalf("all: total %d, want 4", total)
	}
	got, _ = find(congtin.AdminArticleFilter{Status: congtin.StatusScheduled, CreatedBy: ed.User.ID})
	WantIDs(t, got, nil, "scheduled by a writer who wrote none")
	if as, n, err := s.FindAdminArticles(ctx, congtin.AdminArticleFilter{SiteID: other.ID, Status: congtin.StatusScheduled}); err != nil || n != 0 || len(as) != 0 {
		t.Fatalf("another site's scheduled: %d %d %v", len(as), n, err)
	}

	// The history: the time each publication gave, read back.
	for _, c := range []struct {
		a         *congtin.Article
		at        time.Time
		scheduled bool
	}{{now, clockStart, false}, {later, clockStart.Add(2 * time.Hour), true}, {soon, clockStart.Add(time.Hour), true}} {
		ns, err := s.FindNotes(ctx, c.a.Item().Ref)
		if err != nil || len(ns) == 0 {
			t.Fatalf("%s: notes %+v, %v", c.a.Title, ns, err)
		}
		for _, n := range ns[:len(ns)-1] {
			if n.Scheduled() {
				t.Fatalf("%s: the note of %q says it scheduled", c.a.Title, n.Action)
			}
		}
		if n := ns[len(ns)-1]; n.Action != congtin.ActPublish || !n.PublishedAt.Equal(c.at) || n.Scheduled() != c.scheduled {
			t.Fatalf("%s: note %+v (scheduled %v), want the time %v, scheduled %v", c.a.Title, n, n.Scheduled(), c.at, c.scheduled)
		}
	}

	// Its time come, an article is published like any other.
	clk.Set(clockStart.Add(90 * time.Minute))
	got, _ = find(congtin.AdminArticleFilter{Status: congtin.StatusScheduled})
	WantIDs(t, got, []int64{later.ID}, "scheduled, an hour and a half later")
	got, _ = find(congtin.AdminArticleFilter{Status: congtin.StatusPublished})
	WantIDs(t, got, []int64{soon.ID, now.ID}, "published, an hour and a half later")
}
