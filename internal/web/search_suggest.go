package web

import (
	"net/http"
	"net/url"
	"strings"
)

// Kinds of the search box's entries.
const (
	suggestPhrase  = "phrase"  // a search to run: /tim-kiem?q=…
	suggestArticle = "article" // an article to open
)

// suggestion is one entry of the search box's list.
type suggestion struct {
	// Kind is suggestPhrase or suggestArticle: the script shows a phrase
	// as a search ("Tìm: an ninh trật tự") and a title as an article.
	Kind  string `json:"kind"`
	Title string `json:"title"`
	URL   string `json:"url"`
}

// handleSuggest answers the search box as the reader types: up to four
// frequent phrases of the site completing what is typed, then the public
// articles whose title starts with it, ten in all. Any text at all is a
// valid query, as on /tim-kiem: one with nothing searchable in it (an
// emoji, a lone accent, bytes that are not UTF-8) gets an empty list, so
// the script has a single shape of answer to handle.
func (s *Server) handleSuggest(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	site := siteFrom(ctx)
	// The trailing space is kept: it says the last word is complete.
	q := strings.TrimLeft(strings.ToValidUTF8(r.URL.Query().Get("q"), "\uFFFD"), " \t\r\n")
	if r := []rune(q); len(r) > maxQueryChars {
		q = string(r[:maxQueryChars])
	}
	res, err := s.Search.SuggestSearch(ctx, site.ID, q)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	out := struct {
		Query       string       `json:"query"`
		Suggestions []suggestion `json:"suggestions"`
	}{Query: q, Suggestions: []suggestion{}}
	for _, p := range res.Phrases {
		out.Suggestions = append(out.Suggestions, suggestion{Kind: suggestPhrase, Title: p,
			URL: s.absURL(r, "/tim-kiem?"+url.Values{"q": {p}}.Encode())})
	}
	for _, l := range links(res.Articles, categoriesFrom(ctx), false) {
		out.Suggestions = append(out.Suggestions, suggestion{Kind: suggestArticle, Title: l.Title, URL: s.absURL(r, l.URL)})
	}
	// A minute, as the other answers of the API: a new title shows in the
	// list soon enough, and a reader's keystrokes repeat the same
	// prefixes (typing, deleting) within it.
	s.writeAPI(w, r, out, nil)
}
