package storetest

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// testSearchFollowsWrites: the search index follows every write through
// the interfaces at once: publish, edit, restore, unpublish, status
// changes, scheduling; and a reindex changes no result.
func testSearchFollowsWrites(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	other := MustCreateSite(t, s, "so.example", "Cổng Sở")
	rep, ed, cat := MustDesk(t, s, site.ID, "Tin tức")
	search := func(q string, now time.Time) []int64 {
		t.Helper()
		r, err := s.Search(ctx, congtin.SearchQuery{SiteID: site.ID, Q: q, Now: now})
		if err != nil {
			t.Fatalf("search %q: %v", q, err)
		}
		var out []int64
		for _, h := range r.Hits {
			out = append(out, h.Article.ID)
		}
		if r.Total != len(out) || r.Capped {
			t.Fatalf("search %q: total %d (capped %v) for %d hits", q, r.Total, r.Capped, len(out))
		}
		return out
	}
	find := func(q string, want ...int64) {
		t.Helper()
		WantIDs(t, search(q, time.Time{}), want, "search "+q)
	}

	bridge := congtin.ArticleInput{CategoryID: cat.ID, Title: "Khánh thành cầu Nậm Mu", Lead: "Cây cầu nối hai xã vùng cao",
		Body: "<p>Cầu dài 120 mét, vốn ngân sách tỉnh.</p>", Author: "Minh Anh"}
	a := MustCreateArticle(t, s, rep, site.ID, bridge)
	find("Nậm Mu")
	MustTransition(t, s, rep, site.ID, a.ID, congtin.ActSubmit, "", time.Time{})
	find("Nậm Mu")
	MustTransition(t, s, ed, site.ID, a.ID, congtin.ActPublish, "", time.Time{})
	find("Nậm Mu", a.ID)
	find("nam mu", a.ID) // without diacritics
	find("KHÁNH THÀNH", a.ID)
	find("ngân sách", a.ID) // a word of the body
	if r, _ := s.Search(ctx, congtin.SearchQuery{SiteID: other.ID, Q: "nam mu"}); r == nil || len(r.Hits) != 0 {
		t.Fatalf("another site's search finds the article: %+v", r)
	}

	// An edit: the new words are found, the old ones not.
	road := congtin.ArticleInput{CategoryID: cat.ID, Title: "Khởi công đường Pá Tần", Lead: "Con đường nối hai bản",
		Body: "<p>Đường dài 12 cây số, vốn trái phiếu.</p>", Author: "Minh Anh"}
	MustUpdateArticle(t, s, ed, site.ID, a.ID, road)
	find("pa tan", a.ID)
	find("trái phiếu", a.ID)
	find("nam mu")
	find("ngân sách")

	// A restore brings the old words back.
	revs, err := s.FindRevisions(ctx, site.ID, a.ID)
	if err != nil || len(revs) != 2 {
		t.Fatalf("revisions: %v, %v", revs, err)
	}
	if _, err := s.RestoreRevision(ctx, ed, site.ID, revs[1].ID); err != nil {
		t.Fatal(err)
	}
	find("nam mu", a.ID)
	find("pa tan")
	MustUpdateArticle(t, s, ed, site.ID, a.ID, road)
	find("pa tan", a.ID)

	// Unpublished: gone; published again: back.
	MustTransition(t, s, ed, site.ID, a.ID, congtin.ActUnpublish, "", time.Time{})
	find("pa tan")
	MustTransition(t, s, ed, site.ID, a.ID, congtin.ActPublish, "", time.Time{})
	find("pa tan", a.ID)
	if err := s.SetArticleStatus(ctx, site.ID, a.ID, congtin.StatusUnpublished); err != nil {
		t.Fatal(err)
	}
	find("pa tan")
	if err := s.SetArticleStatus(ctx, site.ID, a.ID, congtin.StatusPublished); err != nil {
		t.Fatal(err)
	}
	find("pa tan", a.ID)

	// Scheduled: found only once its time has come.
	at := time.Now().Add(48 * time.Hour).Truncate(time.Second)
	b := MustCreateArticle(t, s, rep, site.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "Hội thảo chuyển đổi số ở Mường Tè",
		Body: "<p>Hội thảo về dịch vụ công trực tuyến.</p>"})
	MustTransition(t, s, ed, site.ID, b.ID, congtin.ActPublish, "", at)
	find("muong te")
	WantIDs(t, search("muong te", at.Add(-time.Second)), nil, "a second before its time")
	WantIDs(t, search("muong te", at), []int64{b.ID}, "at its time")

	// Imported articles are indexed too.
	c := MustImport(t, s, site.ID, Rec("Lễ hội Gầu Tào của người Mông", "Văn hóa", time.Date(2024, 2, 20, 8, 0, 0, 0, congtin.VietnamZone)))[0].Article
	find("gau tao", c.ID)
	MustImport(t, s, other.ID, Rec("Tin Gầu Tào ở cổng Sở", "Tin y tế", time.Date(2024, 2, 21, 8, 0, 0, 0, congtin.VietnamZone)))
	find("gau tao", c.ID)

	// Nothing searchable: no hits, no error.
	for _, q := range []string{"", "   ", "!!! ...", `"`, "AND OR NOT *"} {
		r, err := s.Search(ctx, congtin.SearchQuery{SiteID: site.ID, Q: q})
		if err != nil || r == nil || len(r.Hits) != 0 {
			t.Fatalf("query %q: %+v, %v", q, r, err)
		}
	}

	// Reindex counts every published article of every site (the scheduled
	// one too) and changes no result.
	queries := []string{"pa tan", "gau tao", "hội thảo", "nam mu", "cây số", "dai"}
	var beforeIDs [][]int64
	for _, q := range queries {
		beforeIDs = append(beforeIDs, search(q, at))
	}
	n, err := s.Reindex(ctx)
	if err != nil || n != 4 {
		t.Fatalf("Reindex = %d, %v; want 4", n, err)
	}
	for i, q := range queries {
		if got := search(q, at); !slices.Equal(got, beforeIDs[i]) {
			t.Fatalf("search %q after reindex: %v, before %v", q, got, beforeIDs[i])
		}
	}
	find("pa tan", a.ID)
	find("muong te")
	find("nam mu")

	// With the store's clock past its time, the scheduled article turns up
	// by itself.
	if sc, ok := s.(Clock); ok {
		sc.SetNow(func() time.Time { return at })
		find("muong te", b.ID)
	}
}

// testSearchFollowsChanges: an imported article is found at once, also by
// a phrase (in its order only); a change of its status takes it out of the
// index and puts it back at once; and a reindex counts it and finds it.
func testSearchFollowsChanges(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	res := MustImport(t, s, site.ID, Rec("Khánh thành cầu Nậm Mu", "Tin tức", time.Date(2024, 1, 2, 8, 0, 0, 0, congtin.VietnamZone)))
	id := res[0].Article.ID
	find := func(q string) int {
		t.Helper()
		r, err := s.Search(ctx, congtin.SearchQuery{SiteID: site.ID, Q: q})
		if err != nil {
			t.Fatal(err)
		}
		return r.Total
	}
	if find("cau nam mu") != 1 || find(`"nam mu"`) != 1 || find(`"mu nam"`) != 0 {
		t.Fatal("not found after import")
	}
	if err := s.SetArticleStatus(ctx, site.ID, id, congtin.StatusUnpublished); err != nil {
		t.Fatal(err)
	}
	if find("cau nam mu") != 0 {
		t.Fatal("found after unpublish")
	}
	if err := s.SetArticleStatus(ctx, site.ID, id, congtin.StatusPublished); err != nil {
		t.Fatal(err)
	}
	if n, err := s.Reindex(ctx); err != nil || n != 1 || find("khánh thành") != 1 {
		t.Fatalf("reindex: %d %v", n, err)
	}
}
