package app

import (
	"context"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
)

// Suggest implements congtin.SuggestService. What the reader typed is
// folded here, once, as the titles' keys are folded (search.TitlePrefix),
// so that both stores look up the same prefix.
func (a *App) Suggest(ctx context.Context, siteID int64, q string) ([]*congtin.Article, error) {
	p := search.TitlePrefix(q)
	if p == "" {
		return nil, nil
	}
	return a.Store.SuggestArticles(ctx, siteID, p, time.Time{}, congtin.MaxSuggestions)
}
