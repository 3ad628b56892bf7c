package storetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

// testImportIndex checks the index an import writes at its end, in bulk
// (ArticleTx.IndexLater): every imported article is found by a word of its
// body; a re-import that changes a body is found by the new word and no
// longer by the old; an article unpublished in the back office stays out
// of the results after a re-import.
func testImportIndex(t *testing.T, s congtin.Service) {
	ctx := context.Background()
	site := MustSite(t, s)
	t0 := time.Now().Add(-24 * time.Hour)
	words := []string{"quýt", "bưởi", "măng", "sen", "dừa", "mít", "nhãn", "vải", "xoài", "ổi"}
	recs := func(changed string) []congtin.ArticleImport {
		var out []congtin.ArticleImport
		for i, w := range words {
			r := Rec(fmt.Sprintf("Mùa %d", i), "Nông nghiệp", t0.Add(time.Duration(i)*time.Minute))
			r.ExternalID = fmt.Sprintf("mua-%d", i)
			r.Body = "<p>Thu hoạch " + w + " xuất khẩu.</p>"
			if i == 0 && changed != "" {
				r.Body = "<p>Thu hoạch " + changed + " xuất khẩu.</p>"
			}
			out = append(out, r)
		}
		return out
	}
	find := func(q string) int {
		t.Helper()
		res, err := s.Search(ctx, congtin.SearchQuery{SiteID: site.ID, Q: q, Limit: 20})
		if err != nil {
			t.Fatal(err)
		}
		return res.Total
	}
	res := MustImport(t, s, site.ID, recs("")...)
	for _, w := range words {
		if n := find(w); n != 1 {
			t.Errorf("%q finds %d articles after the import, want 1", w, n)
		}
	}
	// Unpublished in the back office, then imported again: still out.
	if err := s.SetArticleStatus(ctx, site.ID, res[9].Article.ID, congtin.StatusUnpublished); err != nil {
		t.Fatal(err)
	}
	MustImport(t, s, site.ID, recs("chanh dây")...)
	if n := find("chanh dây"); n != 1 {
		t.Errorf("the changed body's word finds %d, want 1", n)
	}
	if n := find("quýt"); n != 0 {
		t.Errorf("the old body's word still finds %d", n)
	}
	if n := find("ổi"); n != 0 {
		t.Errorf("an unpublished article is found after a re-import: %d", n)
	}
	if n := find("bưởi"); n != 1 {
		t.Errorf("an article the re-import left as it was finds %d, want 1", n)
	}
}
