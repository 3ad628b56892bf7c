package congtin

import (
	"context"
	"time"
)

// Search sort orders.
const (
	SortRelevance = ""
	SortNewest    = "newest"
)

// SearchQuery is a reader's search.
type SearchQuery struct {
	SiteID      int64
	Q           string
	CategoryIDs []int64   // any of these (a category and its children)
	From, To    time.Time // published in [From, To)
	Sort        string
	Offset      int
	Limit       int
	Now         time.Time // what counts as published; zero: the store's clock

	// Verbatim asks the service to search Q exactly as typed, never as
	// the Telex or VNI keystrokes it may be (the reader's "search exactly
	// what I typed" link). Stores ignore it.
	Verbatim bool
	// Spellings are the site's equivalent spellings, which the service
	// fills (SpellingService.SiteSpellings); nil: the built-in ones.
	Spellings Spellings
	// CountOnly asks the store for Total and Approximate alone, no hits:
	// the service's check that a suggested correction finds more.
	CountOnly bool
}

// SearchHit is one result.
type SearchHit struct {
	Article *Article `json:"article"`
	Score   float64  `json:"score"`
}

// SearchResult is a page of results.
type SearchResult struct {
	Hits   []*SearchHit `json:"hits"`
	Total  int          `json:"total"`  // matches, counted up to a cap
	Capped bool         `json:"capped"` // there are more than Total
	// Approximate is set when no article holds every word of the query
	// and the hits are those holding most of them.
	Approximate bool `json:"approximate"`

	// Searched is what was searched in place of the query when the
	// service read it as unconverted Telex or VNI typing ("chuyeenr hoas"
	// → "chuyển hóa"), and Typing which of the two; both "" when the
	// query was searched as typed.
	Searched string `json:"searched,omitempty"`
	Typing   string `json:"typing,omitempty"`

	// Suggestion is what the reader probably meant, from the site's own
	// words, when the query found little and the suggestion finds more
	// ("nong ngiep" → "nông nghiệp"); "" when there is none.
	Suggestion string `json:"suggestion,omitempty"`
}

// SetHits fills Hits with the articles of ids, in that order, with their
// scores; an ID without an article (deleted meanwhile) is left out.
func (r *SearchResult) SetHits(ids []int64, byID map[int64]*Article, scores map[int64]float64) {
	for _, id := range ids {
		if a := byID[id]; a != nil {
			r.Hits = append(r.Hits, &SearchHit{Article: a, Score: scores[id]})
		}
	}
}

// MaxRanked bounds how far a reader can page in relevance order; readers
// never page that far, and it bounds the work per query.
const MaxRanked = 300

// SearchStore finds public articles by text.
type SearchStore interface {
	// Search returns public articles matching q. A query without any
	// searchable word gives no hits and no error; it never fails on the
	// query's syntax.
	Search(ctx context.Context, q SearchQuery) (*SearchResult, error)
	// Reindex rebuilds the whole index and returns how many articles it
	// holds.
	Reindex(ctx context.Context) (int, error)
	// SuggestArticles returns up to limit articles of the site, public at
	// now (the store's clock when zero), whose title's folded words
	// (package search's TitlePrefix form) start with prefix, in the
	// order of those folded titles. An empty prefix gives none; it never
	// fails on the prefix's content.
	SuggestArticles(ctx context.Context, siteID int64, prefix string, now time.Time, limit int) ([]*Article, error)
	// PublishedTexts calls fn with the title and lead of every article
	// of the site public at now (the store's clock when zero), in no
	// particular order, and returns fn's first error, which stops it.
	// fn must not use the store: the rows are read as fn goes.
	PublishedTexts(ctx context.Context, siteID int64, now time.Time, fn func(title, lead string) error) error
}

// SuggestService suggests articles, documents and questions as a reader
// types into a search box.
type SuggestService interface {
	// Suggest returns up to MaxSuggestions public articles of the site
	// whose title starts with q, matched as the search matches words:
	// with or without diacritics, in NFC or NFD, d for đ. A q with
	// nothing searchable in it gives none and no error.
	Suggest(ctx context.Context, siteID int64, q string) ([]*Article, error)
	// SuggestDocuments returns up to MaxSuggestions public documents of
	// the register, in force or not, whose number ("115/KH", "115 kh")
	// or summary starts with q, matched as Suggest matches titles, the
	// matches by number first.
	SuggestDocuments(ctx context.Context, siteID int64, q string) ([]*Document, error)
	// SuggestQuestions returns up to MaxSuggestions published, answered
	// questions whose title starts with q, matched as Suggest matches.
	SuggestQuestions(ctx context.Context, siteID int64, q string) ([]*Question, error)
	// SuggestSearch returns what the search box lists for q: up to
	// MaxPhraseSuggestions frequent phrases of the site completing q,
	// then the articles of Suggest, MaxSuggestions in all, no phrase
	// the same as a title. Phrases are left out while the site's
	// vocabulary is being built (it never waits for one). A q with
	// nothing searchable in it gives none and no error.
	SuggestSearch(ctx context.Context, siteID int64, q string) (*Suggestions, error)
}

// Suggestions is what the search box lists as a reader types.
type Suggestions struct {
	// Phrases are searches to run, completing what was typed with the
	// site's frequent words ("an ni" → "an ninh trật tự"), likeliest first.
	Phrases []string
	// Articles are those whose title starts with what was typed.
	Articles []*Article
}

// MaxSuggestions is how many suggestions the search box lists at most.
const MaxSuggestions = 10

// MaxPhraseSuggestions is how many of them are phrases at most.
const MaxPhraseSuggestions = 4
