package app

import (
	"context"

	"github.com/congtin/congtin"
)

// The statistics check the range before any query: a bad one is the
// form's error (congtin.DayRange.Validate), never a query the database
// runs.

// DailyVisits implements congtin.StatsService.
func (a *App) DailyVisits(ctx context.Context, siteID int64, r congtin.DayRange) ([]congtin.DayCount, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	return a.Store.DailyVisits(ctx, siteID, r)
}

// DailyViews implements congtin.StatsService.
func (a *App) DailyViews(ctx context.Context, siteID int64, r congtin.DayRange) ([]congtin.DayCount, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	return a.Store.DailyViews(ctx, siteID, r)
}

// TopArticles implements congtin.StatsService.
func (a *App) TopArticles(ctx context.Context, siteID int64, r congtin.DayRange, limit int) ([]*congtin.ArticleViews, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	return a.Store.TopArticles(ctx, siteID, r, limit)
}

// ViewsByCategory implements congtin.StatsService. The views of deleted
// articles, whose category cannot be known, go under
// congtin.UnknownCategory.
func (a *App) ViewsByCategory(ctx context.Context, siteID int64, r congtin.DayRange) ([]*congtin.CategoryViews, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	cs, err := a.Store.ViewsByCategory(ctx, siteID, r)
	if err != nil {
		return nil, err
	}
	for _, c := range cs {
		if c.CategoryID == 0 {
			c.Name = congtin.UnknownCategory
		}
	}
	return cs, nil
}

// TopResources implements congtin.StatsService.
func (a *App) TopResources(ctx context.Context, siteID int64, r congtin.DayRange, limit int) ([]*congtin.ResourceDownloads, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	return a.Store.TopResources(ctx, siteID, r, limit)
}
