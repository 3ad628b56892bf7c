package storetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"golang.org/x/text/unicode/norm"
)

// testSuggest: the search box's suggestions follow the writes (a draft is
// not suggested, a published article is, under its new title after an
// edit, not after unpublishing), stay within the site, match the title's
// start with or without diacritics, in NFD, d for đ, come in folded title
// order and stop at the limit.
func testSuggest(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	other := MustCreateSite(t, s, "so-suggest.example", "Cổng Sở")
	rep, ed, cat := MustDesk(t, s, site.ID, "Tin tức")
	suggest := func(siteID int64, q string, want ...int64) {
		t.Helper()
		as, err := s.Suggest(ctx, siteID, q)
		if err != nil {
			t.Fatalf("suggest %q: %v", q, err)
		}
		var got []int64
		for _, a := range as {
			got = append(got, a.ID)
			if a.Title == "" || a.Slug == "" || a.CategoryID == 0 {
				t.Fatalf("suggest %q: %+v lacks what a link needs", q, a)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("suggest %q: %v, want %v", q, got, want)
		}
	}
	in := congtin.ArticleInput{CategoryID: cat.ID, Title: "Đường điện về bản Nậm Mu", Lead: "Lưới điện", Body: "<p>Điện.</p>", Author: "Minh Anh"}
	a := MustCreateArticle(t, s, rep, site.ID, in)
	suggest(site.ID, "duong dien") // a draft
	MustTransition(t, s, rep, site.ID, a.ID, congtin.ActSubmit, "", time.Time{})
	MustTransition(t, s, ed, site.ID, a.ID, congtin.ActPublish, "", time.Time{})
	suggest(site.ID, "duong dien", a.ID)
	suggest(site.ID, "ĐƯỜNG ĐIỆN VỀ B", a.ID)
	suggest(site.ID, norm.NFD.String("đường điện về bản nậm"), a.ID)
	suggest(site.ID, "Đường-điện", a.ID)
	suggest(site.ID, "dien") // not the title's start
	suggest(site.ID, "")
	suggest(site.ID, "\u0301")
	suggest(other.ID, "duong dien")

	in.Title = "Điện về bản Nậm Mu"
	MustUpdateArticle(t, s, ed, site.ID, a.ID, in)
	suggest(site.ID, "duong dien")
	suggest(site.ID, "dien ve", a.ID)

	b := MustCreateArticle(t, s, rep, site.ID, congtin.ArticleInput{CategoryID: cat.ID, Title: "Điện mặt trời mái nhà", Lead: "Lắp đặt", Body: "<p>Điện.</p>", Author: "Minh Anh"})
	MustTransition(t, s, rep, site.ID, b.ID, congtin.ActSubmit, "", time.Time{})
	MustTransition(t, s, ed, site.ID, b.ID, congtin.ActPublish, "", time.Time{})
	suggest(site.ID, "dien", b.ID, a.ID) // "dien mat" before "dien ve"
	suggest(site.ID, "điện v", a.ID)

	MustTransition(t, s, ed, site.ID, a.ID, congtin.ActUnpublish, "", time.Time{})
	suggest(site.ID, "dien", b.ID)

	var recs []congtin.ArticleImport
	for i := range congtin.MaxSuggestions + 3 {
		recs = append(recs, Rec(fmt.Sprintf("Hội nghị số %02d", i), "Chính trị", time.Now().Add(-time.Hour)))
	}
	res := MustImport(t, s, site.ID, recs...)
	var want []int64
	for _, r := range res[:congtin.MaxSuggestions] {
		want = append(want, r.Article.ID)
	}
	suggest(site.ID, "hoi nghi", want...)
}
