package app_test

import (
	"testing"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/storetest"
)

// TestStatsRefuseBadRanges: every statistics method refuses a bad range
// of days, before any query.
func TestStatsRefuseBadRanges(t *testing.T) {
	ctx := t.Context()
	a := mustOpen(t)
	site := storetest.MustSite(t, a)
	for name, bad := range map[string]congtin.DayRange{
		"from after to":   {From: "2026-03-03", To: "2026-02-27"},
		"no such day":     {From: "2026-02-30", To: "2026-03-03"},
		"not a date":      {From: "27/02/2026", To: "2026-03-03"},
		"one-digit month": {From: "2026-2-27", To: "2026-03-03"},
		"empty":           {},
		"too long":        {From: "2023-01-01", To: "2026-03-03"},
		"before 2000":     {From: "1999-12-31", To: "2000-01-02"},
		"sql":             {From: "2026-02-27' OR 1=1 --", To: "2026-03-03"},
	} {
		_, err := a.DailyVisits(ctx, site.ID, bad)
		storetest.WantCode(t, err, congtin.EINVALID, "DailyVisits, "+name)
		_, err = a.DailyViews(ctx, site.ID, bad)
		storetest.WantCode(t, err, congtin.EINVALID, "DailyViews, "+name)
		_, err = a.TopArticles(ctx, site.ID, bad, 10)
		storetest.WantCode(t, err, congtin.EINVALID, "TopArticles, "+name)
		_, err = a.ViewsByCategory(ctx, site.ID, bad)
		storetest.WantCode(t, err, congtin.EINVALID, "ViewsByCategory, "+name)
	}
}
