package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search/relevance"
)

// RunRelevance imports the relevance corpus into s and checks every query
// of the relevance set against s's search.
func RunRelevance(t *testing.T, s congtin.Service) {
	t.Helper()
	ctx := context.Background()
	site := MustSite(t, s)
	res := MustImport(t, s, site.ID, relevance.Corpus()...)
	ext := map[int64]string{}
	for _, r := range res {
		ext[r.Article.ID] = r.Article.ExternalID
	}
	cats, err := s.FindCategories(ctx, site.ID)
	if err != nil {
		t.Fatal(err)
	}
	cs := congtin.Categories(cats)
	relevance.Check(t, func(q relevance.Query) ([]string, error) {
		sq := congtin.SearchQuery{SiteID: site.ID, Q: q.Q, Limit: 50, Now: time.Date(2027, 1, 1, 0, 0, 0, 0, congtin.VietnamZone)}
		if q.Sort == "newest" {
			sq.Sort = congtin.SortNewest
		}
		if q.Category != "" {
			for _, c := range cs {
				if c.Name == q.Category {
					sq.CategoryIDs = append(sq.CategoryIDs, cs.Subtree(c.ID)...)
				}
			}
			if len(sq.CategoryIDs) == 0 {
				t.Fatalf("query %q: no category %q", q.Name, q.Category)
			}
		}
		day := func(v string) time.Time {
			d, err := time.ParseInLocation(time.DateOnly, v, congtin.VietnamZone)
			if err != nil {
				t.Fatalf("query %q: bad date %q", q.Name, v)
			}
			return d
		}
		if q.From != "" {
			sq.From = day(q.From)
		}
		if q.To != "" {
			sq.To = day(q.To).AddDate(0, 0, 1)
		}
		r, err := s.Search(ctx, sq)
		if err != nil {
			return nil, err
		}
		var ids []string
		for _, h := range r.Hits {
			ids = append(ids, ext[h.Article.ID])
		}
		return ids, nil
	})
}
