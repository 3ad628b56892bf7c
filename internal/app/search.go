package app

import (
	"context"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search/vn"
)

// fewHits is how many matches a query may find as typed and still be read
// as unconverted typing: below it, readers are better served by what they
// meant; at it or above, what they typed evidently means something.
const fewHits = 3

// Search finds public articles matching q.Q. When q.Q finds fewer than
// fewHits articles, has no diacritic and reads cleanly as Telex or VNI
// keystrokes typed with the Vietnamese keyboard switched off (vn.Decode:
// "chuyeenr hoas" → "chuyển hóa"), the decoded text is searched too, and
// its results are given instead when they are more, with Searched and
// Typing saying so; the reader can still ask for exactly what was typed
// (q.Verbatim). The rule lives here rather than in the store so that both
// databases, and every page that searches, read typing the same way.
func (a *App) Search(ctx context.Context, q congtin.SearchQuery) (*congtin.SearchResult, error) {
	var err error
	if q.Spellings, err = a.SiteSpellings(ctx, q.SiteID); err != nil {
		return nil, err
	}
	res, err := a.Store.Search(ctx, q)
	if err != nil {
		return nil, err
	}
	// Near matches (Approximate) hold only part of the query: as typed,
	// nothing holds all of it, so the reading as Telex or VNI is tried,
	// and wins when it finds articles holding all of its words, or more
	// of the same kind of matches.
	found := res.Total
	if res.Approximate {
		found = 0
	}
	dec, typing := retype(q.Q, q.Verbatim, found)
	if typing == "" {
		return res, nil
	}
	dq := q
	dq.Q = dec
	alt, err := a.Store.Search(ctx, dq)
	if err != nil {
		return nil, err
	}
	better := alt.Total > 0 && (res.Approximate && !alt.Approximate ||
		res.Approximate == alt.Approximate && alt.Total > res.Total)
	if !better {
		return res, nil
	}
	alt.Searched, alt.Typing = dec, string(typing)
	return alt, nil
}

// FindDocuments searches the documents register as Search searches
// articles, Telex and VNI typing included.
func (a *App) FindDocuments(ctx context.Context, q congtin.DocumentQuery) (*congtin.DocumentResult, error) {
	var err error
	if q.Spellings, err = a.SiteSpellings(ctx, q.SiteID); err != nil {
		return nil, err
	}
	res, err := a.Store.FindDocuments(ctx, q)
	if err != nil {
		return nil, err
	}
	dec, typing := retype(q.Q, q.Verbatim, res.Total)
	if typing == "" {
		return res, nil
	}
	dq := q
	dq.Q = dec
	alt, err := a.Store.FindDocuments(ctx, dq)
	if err != nil {
		return nil, err
	}
	if alt.Total <= res.Total {
		return res, nil
	}
	alt.Searched, alt.Typing = dec, string(typing)
	return alt, nil
}

// SearchQuestions implements congtin.QuestionService.
func (a *App) SearchQuestions(ctx context.Context, f congtin.QuestionFilter) (*congtin.QuestionResult, error) {
	var err error
	if f.Spellings, err = a.SiteSpellings(ctx, f.SiteID); err != nil {
		return nil, err
	}
	qs, total, err := a.Store.FindQuestions(ctx, f)
	if err != nil {
		return nil, err
	}
	res := &congtin.QuestionResult{Questions: qs, Total: total}
	dec, typing := retype(f.Q, f.Verbatim, total)
	if typing == "" {
		return res, nil
	}
	df := f
	df.Q = dec
	qs, total, err = a.Store.FindQuestions(ctx, df)
	if err != nil {
		return nil, err
	}
	if total <= res.Total {
		return res, nil
	}
	return &congtin.QuestionResult{Questions: qs, Total: total, Searched: dec, Typing: string(typing)}, nil
}

// retype returns what q types in Telex or VNI when a search that found
// found matches for it as typed should try that too, or "" and "".
func retype(q string, verbatim bool, found int) (string, vn.Typing) {
	if verbatim || found >= fewHits || q == "" {
		return "", ""
	}
	return vn.Decode(q)
}
