package relevance

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// Check runs every query of Queries through search, which returns the
// ExternalIDs of the matching articles, best first (or newest first when
// q.Sort is "newest"), and reports each query whose results miss what it
// wants: its name, what was expected and the top five results. Any miss
// fails the test. The corpus must have been imported into the store that
// search reads.
func Check(t testing.TB, search func(q Query) ([]string, error)) {
	t.Helper()
	titles := map[string]string{}
	for _, a := range Corpus() {
		titles[a.ExternalID] = a.Title
	}
	qs := Queries()
	missed, inTop3, wanted := 0, 0, 0
	for _, q := range qs {
		got, err := search(q)
		wanted += len(q.WantTop3)
		inTop3 += q.inTop3(got)
		var why string
		if err != nil {
			why = "search failed: " + err.Error()
		} else {
			why = q.Miss(got)
		}
		if why == "" {
			continue
		}
		missed++
		t.Errorf("relevance query %q: %s\n\tquery: %s\n\twant: %s\n\tgot top 5 of %d:%s",
			q.Name, why, q.describe(), q.want(), len(got), top(got, 5, titles))
	}
	// The figure to compare searches by, before and after a change.
	t.Logf("relevance: %d of %d queries hold; %d of %d wanted articles in the top 3", len(qs)-missed, len(qs), inTop3, wanted)
	if missed > 0 {
		t.Errorf("%d of %d relevance queries missed", missed, len(qs))
	}
}

// inTop3 counts the articles of q.WantTop3 among the first three of got.
func (q Query) inTop3(got []string) int {
	n := 0
	for _, id := range q.WantTop3 {
		if slices.Contains(got[:min(3, len(got))], id) {
			n++
		}
	}
	return n
}

// Miss returns why got, the ranked ExternalIDs a search returned for q,
// does not satisfy q, or "" when it does.
func (q Query) Miss(got []string) string {
	rank := make(map[string]int, len(got))
	for i, id := range got {
		if _, dup := rank[id]; dup {
			return fmt.Sprintf("%s is returned twice", id)
		}
		rank[id] = i
	}
	if q.WantNone {
		if len(got) > 0 {
			return fmt.Sprintf("want no results, got %d", len(got))
		}
		return ""
	}
	if len(got) == 0 {
		return "no results"
	}
	var missing []string
	for _, id := range q.WantTop3 {
		if i, ok := rank[id]; !ok || i >= 3 {
			missing = append(missing, fmt.Sprintf("%s (%s)", id, rankText(rank, id)))
		}
	}
	if len(missing) > 0 {
		return "not in the top 3: " + strings.Join(missing, ", ")
	}
	if len(q.WantOrder) > 0 {
		if _, ok := rank[q.WantOrder[0]]; !ok {
			return fmt.Sprintf("%s, first in the wanted order, is not returned", q.WantOrder[0])
		}
	}
	for i := 1; i < len(q.WantOrder); i++ {
		id := q.WantOrder[i]
		r, ok := rank[id]
		if !ok {
			continue
		}
		for _, before := range q.WantOrder[:i] {
			b, ok := rank[before]
			if !ok {
				return fmt.Sprintf("%s is returned but %s, which should rank above it, is not", id, before)
			}
			if b > r {
				return fmt.Sprintf("%s (%s) ranks above %s (%s)", id, rankText(rank, id), before, rankText(rank, before))
			}
		}
	}
	return ""
}

func rankText(rank map[string]int, id string) string {
	if i, ok := rank[id]; ok {
		return fmt.Sprintf("rank %d", i+1)
	}
	return "not returned"
}

// describe shows the query and its filters.
func (q Query) describe() string {
	s := fmt.Sprintf("%q", q.Q)
	if q.Category != "" {
		s += fmt.Sprintf(" category=%q", q.Category)
	}
	if q.From != "" {
		s += " from=" + q.From
	}
	if q.To != "" {
		s += " to=" + q.To
	}
	if q.Sort != "" {
		s += " sort=" + q.Sort
	}
	return s
}

// want shows what q expects.
func (q Query) want() string {
	if q.WantNone {
		return "no results"
	}
	s := "top 3 contains " + strings.Join(q.WantTop3, ", ")
	if len(q.WantOrder) > 0 {
		s += "; in the order " + strings.Join(q.WantOrder, " > ")
	}
	return s
}

// top lists the first n IDs of got, each with its article's title.
func top(got []string, n int, titles map[string]string) string {
	if len(got) == 0 {
		return " (none)"
	}
	var b strings.Builder
	for i, id := range got[:min(n, len(got))] {
		title, ok := titles[id]
		if !ok {
			title = "not in the corpus"
		} else if utf8.RuneCountInString(title) > 60 {
			title = string([]rune(title)[:60]) + "…"
		}
		fmt.Fprintf(&b, "\n\t\t%d. %s %s", i+1, id, title)
	}
	return b.String()
}
