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

// SuggestDocuments implements congtin.SuggestService. A number and a
// summary fold as a title does ("115/KH-UBND" gives "115 kh ubnd"), so one
// prefix looks up both. The register's suggestions include documents no
// longer in force: a reader typing a number has usually read it somewhere
// (in another document, a letter) and wants that document, whose page
// says it has expired and what replaced it.
func (a *App) SuggestDocuments(ctx context.Context, siteID int64, q string) ([]*congtin.Document, error) {
	p := search.TitlePrefix(q)
	if p == "" {
		return nil, nil
	}
	return a.Store.DocumentsByPrefix(ctx, siteID, p, time.Time{}, congtin.MaxSuggestions)
}

// SuggestQuestions implements congtin.SuggestService.
func (a *App) SuggestQuestions(ctx context.Context, siteID int64, q string) ([]*congtin.Question, error) {
	p := search.TitlePrefix(q)
	if p == "" {
		return nil, nil
	}
	return a.Store.QuestionsByPrefix(ctx, siteID, p, congtin.MaxSuggestions)
}
