package app

import (
	"context"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
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
//
// When the result is still poor (fewer than fewHits articles, or near
// matches only), Suggestion offers a correction from the site's own words
// that finds more (didyoumean.go): Telex and VNI are read first, so a
// correction is of what was searched.
func (a *App) Search(ctx context.Context, q congtin.SearchQuery) (*congtin.SearchResult, error) {
	var err error
	if q.Spellings, err = a.SiteSpellings(ctx, q.SiteID); err != nil {
		return nil, err
	}
	res, err := a.searchTyping(ctx, q)
	if err != nil {
		return nil, err
	}
	// A suggestion that cannot be checked is left out: the results stand.
	_ = a.suggestArticles(ctx, q, res)
	return res, nil
}

// searchTyping is Search without the suggestion.
func (a *App) searchTyping(ctx context.Context, q congtin.SearchQuery) (*congtin.SearchResult, error) {
	return readTyping(q.Q, q.Verbatim, func(text string) (*congtin.SearchResult, error) {
		tq := q
		tq.Q = text
		return a.Store.Search(ctx, tq)
	}, func(r *congtin.SearchResult) (int, bool) { return r.Total, r.Approximate },
		func(r *congtin.SearchResult, searched, typing string) { r.Searched, r.Typing = searched, typing })
}

// FindDocuments searches the documents register as Search searches
// articles: near matches when no document holds every word (the store's,
// as for articles), Telex and VNI typing read the same way, and a
// suggestion when it finds little (suggestDocuments).
func (a *App) FindDocuments(ctx context.Context, q congtin.DocumentQuery) (*congtin.DocumentResult, error) {
	var err error
	if q.Spellings, err = a.SiteSpellings(ctx, q.SiteID); err != nil {
		return nil, err
	}
	res, err := a.findDocumentsTyping(ctx, q)
	if err != nil {
		return nil, err
	}
	// A suggestion that cannot be checked is left out: the results stand.
	_ = a.suggestDocuments(ctx, q, res)
	return res, nil
}

// findDocumentsTyping is FindDocuments without the suggestion.
func (a *App) findDocumentsTyping(ctx context.Context, q congtin.DocumentQuery) (*congtin.DocumentResult, error) {
	return readTyping(q.Q, q.Verbatim, func(text string) (*congtin.DocumentResult, error) {
		tq := q
		tq.Q = text
		return a.Store.FindDocuments(ctx, tq)
	}, func(r *congtin.DocumentResult) (int, bool) { return r.Total, r.Approximate },
		func(r *congtin.DocumentResult, searched, typing string) { r.Searched, r.Typing = searched, typing })
}

// SearchQuestions implements congtin.QuestionService: the questions
// holding every word, or when none does, those holding most of them
// (Approximate), as the articles' search; Telex and VNI typing read as
// Search reads it, and a suggestion when it finds little
// (suggestQuestions).
func (a *App) SearchQuestions(ctx context.Context, f congtin.QuestionFilter) (*congtin.QuestionResult, error) {
	var err error
	if f.Spellings, err = a.SiteSpellings(ctx, f.SiteID); err != nil {
		return nil, err
	}
	res, err := a.searchQuestionsTyping(ctx, f)
	if err != nil {
		return nil, err
	}
	_ = a.suggestQuestions(ctx, f, res)
	return res, nil
}

// searchQuestionsTyping is SearchQuestions without the suggestion.
func (a *App) searchQuestionsTyping(ctx context.Context, f congtin.QuestionFilter) (*congtin.QuestionResult, error) {
	return readTyping(f.Q, f.Verbatim, func(text string) (*congtin.QuestionResult, error) {
		tf := f
		tf.Q = text
		return a.searchQuestions(ctx, tf)
	}, func(r *congtin.QuestionResult) (int, bool) { return r.Total, r.Approximate },
		func(r *congtin.QuestionResult, searched, typing string) { r.Searched, r.Typing = searched, typing })
}

// readTyping runs search on q and, when that finds fewer than fewHits
// items or near matches only and q reads cleanly as Telex or VNI
// keystrokes (retype), on that reading too, keeping the better result
// (better), marked with what was searched and how it was typed. found
// gives a result's total and whether it is of near matches; mark sets
// its Searched and Typing. Articles, documents and questions read typing
// the same way through it.
func readTyping[R any](q string, verbatim bool, search func(string) (*R, error), found func(*R) (int, bool), mark func(r *R, searched, typing string)) (*R, error) {
	res, err := search(q)
	if err != nil {
		return nil, err
	}
	// Near matches hold only part of the query: as typed, nothing holds
	// all of it, so the reading as Telex or VNI is tried, and wins when
	// it finds items holding all of its words, or more of the same kind.
	total, approx := found(res)
	n := total
	if approx {
		n = 0
	}
	dec, typing := retype(q, verbatim, n)
	if typing == "" {
		return res, nil
	}
	alt, err := search(dec)
	if err != nil {
		return nil, err
	}
	if altTotal, altApprox := found(alt); !better(total, approx, altTotal, altApprox) {
		return res, nil
	}
	mark(alt, dec, string(typing))
	return alt, nil
}

// searchQuestions finds the questions holding every word of f.Q, or when
// none does and the query may be relaxed, those holding most of them.
func (a *App) searchQuestions(ctx context.Context, f congtin.QuestionFilter) (*congtin.QuestionResult, error) {
	f.Need = 0
	qs, total, err := a.Store.FindQuestions(ctx, f)
	if err != nil || total > 0 || f.Q == "" {
		return &congtin.QuestionResult{Questions: qs, Total: total}, err
	}
	levels := search.ParseQuery(f.Q).RelaxLevels()
	if len(levels) == 0 {
		return &congtin.QuestionResult{}, nil
	}
	f.Need = levels[len(levels)-1]
	if qs, total, err = a.Store.FindQuestions(ctx, f); err != nil {
		return nil, err
	}
	return &congtin.QuestionResult{Questions: qs, Total: total, Approximate: total > 0}, nil
}

// better reports whether the results of a query read as Telex or VNI
// (alt) serve the reader better than those of the query as typed: they
// hold every word where the typed query's only hold most, or they are
// more of the same kind.
func better(total int, approximate bool, altTotal int, altApproximate bool) bool {
	return altTotal > 0 && (approximate && !altApproximate || approximate == altApproximate && altTotal > total)
}

// retype returns what q types in Telex or VNI when a search that found
// found matches for it as typed should try that too, or "" and "".
func retype(q string, verbatim bool, found int) (string, vn.Typing) {
	if verbatim || found >= fewHits || q == "" {
		return "", ""
	}
	return vn.Decode(q)
}
