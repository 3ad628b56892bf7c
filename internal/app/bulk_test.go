package app_test

import (
	"testing"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
)

// TestBulkRefusals: a bulk action takes each item through the rules it
// meets alone. What an actor may not do is refused item by item and
// writes nothing for that item (no state, note, revision or audit entry);
// the others go on. A request with nothing valid to do is refused whole.
func TestBulkRefusals(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	other := storetest.MustCreateSite(t, a, "so.example", "Cổng Sở")
	rep, ed, cat := storetest.MustDesk(t, a, site.ID, "Tin tức")
	rep2 := storetest.MustUser(t, a, site.ID, "phongvien2", congtin.RoleReporter)
	otherCat := storetest.MustCategory(t, a, system, other.ID, congtin.CategoryInput{Name: "Tin y tế"})
	mine := storetest.MustCreateArticle(t, a, rep, site.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "Bài của tôi", Body: "<p>x</p>"})
	theirs := storetest.MustCreateArticle(t, a, rep2, site.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "Bài của người khác", Body: "<p>x</p>"})
	elsewhere := storetest.MustCreateArticle(t, a, system, other.ID, congtin.ArticleInput{CategoryID: otherCat.ID, Title: "Bài cổng khác", Body: "<p>x</p>"})

	audits := func() int {
		return len(storetest.AuditActions(t, a, congtin.AuditFilter{SiteID: site.ID, Action: "article"}))
	}
	untouched := func(art *congtin.Article, what string) {
		t.Helper()
		got, err := a.FindArticleByID(ctx, site.ID, art.ID)
		if err != nil || got.Status != congtin.StatusDraft || got.Title != art.Title || got.CategoryID != art.CategoryID {
			t.Fatalf("%s: %+v, %v", what, got, err)
		}
		if ns, _ := a.FindNotes(ctx, art.Item().Ref); len(ns) != 1 {
			t.Fatalf("%s wrote notes: %+v", what, ns)
		}
		if rs, _ := a.FindRevisions(ctx, site.ID, art.ID); len(rs) != 1 {
			t.Fatalf("%s wrote revisions: %+v", what, rs)
		}
	}
	before := audits()

	// A reporter may not publish: every item refused, none touched.
	res, err := a.TransitionMany(ctx, rep, congtin.KindArticle, site.ID, []int64{mine.ID, theirs.ID}, congtin.ActPublish)
	if err != nil || len(res) != 2 || res[0].Outcome != congtin.BulkRefused || res[1].Outcome != congtin.BulkRefused {
		t.Fatalf("a reporter's bulk publication: %+v, %v", res, err)
	}
	if res[1].Title != "" {
		t.Errorf("a reporter's refusal names another's article: %q", res[1].Title)
	}
	untouched(mine, "a refused bulk publication")
	untouched(theirs, "a refused bulk publication")
	if n := audits(); n != before {
		t.Fatalf("a refused bulk publication wrote %d audit entries", n-before)
	}

	// A reporter submits their own; another's is refused and left alone.
	res, err = a.TransitionMany(ctx, rep, congtin.KindArticle, site.ID, []int64{theirs.ID, mine.ID, mine.ID}, congtin.ActSubmit)
	if err != nil || len(res) != 2 || res[0].Outcome != congtin.BulkRefused || res[1].Outcome != congtin.BulkDone {
		t.Fatalf("a reporter's bulk submission: %+v, %v", res, err)
	}
	untouched(theirs, "a refused bulk submission")
	if n := audits(); n != before+1 {
		t.Fatalf("one bulk submission wrote %d audit entries, want 1", n-before)
	}

	// Another site's article is not found from this site.
	res, err = a.TransitionMany(ctx, ed, congtin.KindArticle, site.ID, []int64{elsewhere.ID}, congtin.ActPublish)
	if err != nil || res[0].Outcome != congtin.BulkRefused {
		t.Fatalf("another site's article: %+v, %v", res, err)
	}
	if got, _ := a.FindArticleByID(ctx, other.ID, elsewhere.ID); got.Status != congtin.StatusDraft {
		t.Fatalf("another site's article became %s", got.Status)
	}
	// A reporter may not move another's article, nor to another site's
	// category.
	cat2 := storetest.MustCategory(t, a, system, site.ID, congtin.CategoryInput{Name: "Thời sự"})
	res, err = a.MoveArticles(ctx, rep, site.ID, []int64{theirs.ID, mine.ID}, cat2.ID)
	if err != nil || res[0].Outcome != congtin.BulkRefused || res[1].Outcome != congtin.BulkRefused {
		t.Fatalf("a reporter's move of another's article and of their own submitted one: %+v, %v", res, err)
	}
	untouched(theirs, "a refused move")
	if _, err := a.MoveArticles(ctx, ed, site.ID, []int64{mine.ID}, otherCat.ID); congtin.ErrorCode(err) != congtin.EINVALID {
		t.Fatalf("a move to another site's category: %v", err)
	}

	// Refused whole, before anything is written.
	many := make([]int64, congtin.MaxBulk+1)
	for i := range many {
		many[i] = int64(i + 1)
	}
	for what, run := range map[string]func() error{
		"no items": func() error {
			_, err := a.TransitionMany(ctx, ed, congtin.KindArticle, site.ID, nil, congtin.ActPublish)
			return err
		},
		"only bad IDs": func() error {
			_, err := a.TransitionMany(ctx, ed, congtin.KindArticle, site.ID, []int64{0, -1}, congtin.ActPublish)
			return err
		},
		"too many": func() error {
			_, err := a.TransitionMany(ctx, ed, congtin.KindArticle, site.ID, many, congtin.ActPublish)
			return err
		},
		"a return": func() error {
			_, err := a.TransitionMany(ctx, ed, congtin.KindArticle, site.ID, []int64{mine.ID}, congtin.ActReturn)
			return err
		},
		"an unknown act": func() error {
			_, err := a.TransitionMany(ctx, ed, congtin.KindArticle, site.ID, []int64{mine.ID}, "delete")
			return err
		},
		"a schedule week": func() error {
			_, err := a.TransitionMany(ctx, ed, congtin.KindScheduleWeek, site.ID, []int64{mine.ID}, congtin.ActPublish)
			return err
		},
	} {
		if err := run(); congtin.ErrorCode(err) != congtin.EINVALID {
			t.Errorf("%s: %v, want EINVALID", what, err)
		}
	}
	if got, _ := a.FindArticleByID(ctx, site.ID, mine.ID); got.Status != congtin.StatusSubmitted {
		t.Errorf("refused requests changed the article: %s", got.Status)
	}
}
