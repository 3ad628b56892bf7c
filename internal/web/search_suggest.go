package web

import (
	"net/http"
	"net/url"
	"strings"
)

// Kinds of the search boxes' entries.
const (
	suggestPhrase   = "phrase"   // a search to run: /tim-kiem?q=…
	suggestArticle  = "article"  // an article to open
	suggestDocument = "document" // a document of the register to open
	suggestQuestion = "question" // an answered question to open
)

// suggestion is one entry of a search box's list.
type suggestion struct {
	// Kind is one of the kinds above: the script shows a phrase as a
	// search ("Tìm: an ninh trật tự"), anything else as a page to open.
	Kind  string `json:"kind"`
	Title string `json:"title"`
	URL   string `json:"url"`
	// Note, when set, qualifies the entry ("hết hiệu lực"); the list
	// shows it in brackets after the title, as part of the option's name.
	Note string `json:"note,omitempty"`
}

// suggestQuery is what the reader has typed so far. Any text at all is a
// valid query, as on the search pages: one with nothing searchable in it
// (an emoji, a lone accent, bytes that are not UTF-8, a LIKE wildcard)
// gets an empty list, so the script has a single shape of answer to
// handle.
func suggestQuery(r *http.Request) string {
	// The trailing space is kept: it says the last word is complete.
	q := strings.TrimLeft(strings.ToValidUTF8(r.URL.Query().Get("q"), "\uFFFD"), " \t\r\n")
	if r := []rune(q); len(r) > maxQueryChars {
		q = string(r[:maxQueryChars])
	}
	return q
}

// writeSuggestions answers a search box. A minute, as the other answers
// of the API: a new title shows in the list soon enough, and a reader's
// keystrokes repeat the same prefixes (typing, deleting) within it.
func (s *Server) writeSuggestions(w http.ResponseWriter, r *http.Request, q string, list []suggestion) {
	out := struct {
		Query       string       `json:"query"`
		Suggestions []suggestion `json:"suggestions"`
	}{Query: q, Suggestions: list}
	if out.Suggestions == nil {
		out.Suggestions = []suggestion{}
	}
	s.writeAPI(w, r, out, nil)
}

// handleSuggest answers the search box as the reader types: up to four
// frequent phrases of the site completing what is typed, then the public
// articles whose title starts with it, ten in all.
func (s *Server) handleSuggest(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := suggestQuery(r)
	res, err := s.Search.SuggestSearch(ctx, siteFrom(ctx).ID, q)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	var out []suggestion
	for _, p := range res.Phrases {
		out = append(out, suggestion{Kind: suggestPhrase, Title: p, URL: s.siteURL(siteFrom(r.Context()), "/tim-kiem?"+url.Values{"q": {p}}.Encode())})
	}
	for _, l := range links(res.Articles, categoriesFrom(ctx), false) {
		out = append(out, suggestion{Kind: suggestArticle, Title: l.Title, URL: s.siteURL(siteFrom(r.Context()), l.URL)})
	}
	s.writeSuggestions(w, r, q, out)
}

// handleDocumentSuggest answers the register's search box: the public
// documents whose number ("115/KH", "115 kh") or summary starts with what
// is typed, listed by number and summary, the ones no longer in force
// marked so.
func (s *Server) handleDocumentSuggest(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := suggestQuery(r)
	ds, err := s.Documents.SuggestDocuments(ctx, siteFrom(ctx).ID, q)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	now := s.now()
	var out []suggestion
	for _, d := range ds {
		sg := suggestion{Kind: suggestDocument, Title: d.Number + " – " + excerpt(d.Summary, 110), URL: s.siteURL(siteFrom(r.Context()), d.Path())}
		if d.Expired(now) {
			sg.Note = "hết hiệu lực"
		}
		out = append(out, sg)
	}
	s.writeSuggestions(w, r, q, out)
}

// handleQASuggest answers the Q&A's search box: the answered questions
// whose title starts with what is typed.
func (s *Server) handleQASuggest(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := suggestQuery(r)
	qs, err := s.QA.SuggestQuestions(ctx, siteFrom(ctx).ID, q)
	if err != nil {
		s.jsonError(w, r, err)
		return
	}
	var out []suggestion
	for _, x := range qs {
		out = append(out, suggestion{Kind: suggestQuestion, Title: x.Title, URL: s.siteURL(siteFrom(r.Context()), x.Path())})
	}
	s.writeSuggestions(w, r, q, out)
}
