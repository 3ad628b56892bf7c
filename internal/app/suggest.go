package app

import (
	"context"
	"time"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
	"github.com/congtin/congtin/internal/search/vn"
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

// SuggestSearch implements congtin.SuggestService. The phrases come from
// the site's vocabulary, the one "Có phải bạn muốn tìm" reads
// (didyoumean.go), without waiting for it: the search box asks on every
// pause of the reader's typing, and a site whose vocabulary is still
// being built (its first minute, or a second at 100,000 articles) lists
// titles only meanwhile.
func (a *App) SuggestSearch(ctx context.Context, siteID int64, q string) (*congtin.Suggestions, error) {
	as, err := a.Suggest(ctx, siteID, q)
	if err != nil {
		return nil, err
	}
	out := &congtin.Suggestions{}
	if search.TitlePrefix(q) != "" {
		if v := a.vocabulary(ctx, siteID, false); v != nil {
			titles := make(map[string]bool, len(as))
			for _, a := range as {
				titles[vn.FoldString(a.Title)] = true
			}
			for _, p := range v.Complete(q) {
				// A phrase that is a whole title is listed as the article.
				if len(out.Phrases) < congtin.MaxPhraseSuggestions && !titles[vn.FoldString(p)] {
					out.Phrases = append(out.Phrases, p)
				}
			}
		}
	}
	out.Articles = as[:min(len(as), congtin.MaxSuggestions-len(out.Phrases))]
	return out, nil
}
