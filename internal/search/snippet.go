package search

import (
	"strings"

	"github.com/congtin/congtin/internal/search/vn"
)

// Segment is a piece of a snippet; Match marks the words the query found.
type Segment struct {
	Text  string
	Match bool
}

// snippetWords is about how many words a snippet shows.
const snippetWords = 40

// Snippet cuts from text the stretch with the most query words and marks
// them, in the original accented spelling.
func Snippet(q *Query, text string) []Segment {
	toks := vn.Tokens(text, 0)
	if len(toks) == 0 {
		return nil
	}
	want := map[string]bool{}
	for _, t := range q.Terms {
		want[t.Fold] = true
	}
	// Another spelling the article holds in place of the query's
	// ("TPHCM" for "TP.HCM") is what the reader looks for too.
	for _, a := range q.Alts {
		for _, o := range a.Others {
			for _, t := range o {
				want[t.Fold] = true
			}
		}
	}
	// The window of snippetWords tokens with the most matches.
	best, bestAt, cur := -1, 0, 0
	for i := range toks {
		if want[toks[i].Fold] {
			cur++
		}
		if i >= snippetWords && want[toks[i-snippetWords].Fold] {
			cur--
		}
		if start := max(0, i-snippetWords+1); cur > best {
			best, bestAt = cur, start
		}
	}
	end := min(len(toks), bestAt+snippetWords)
	from, to := toks[bestAt].Start, toks[end-1].End
	if bestAt == 0 {
		from = 0
	}
	var out []Segment
	if from > 0 {
		out = append(out, Segment{Text: "… "})
	}
	pos := from
	for _, t := range toks[bestAt:end] {
		if !want[t.Fold] {
			continue
		}
		if t.Start > pos {
			out = append(out, Segment{Text: text[pos:t.Start]})
		}
		out = append(out, Segment{Text: text[t.Start:t.End], Match: true})
		pos = t.End
	}
	if to > pos {
		out = append(out, Segment{Text: text[pos:to]})
	}
	if to < len(strings.TrimRight(text, " \n")) {
		out = append(out, Segment{Text: " …"})
	}
	// Line breaks of the plain text read as spaces in a snippet.
	for i := range out {
		out[i].Text = foldSpace(out[i].Text)
	}
	return out
}

// foldSpace turns each run of white space into one space, keeping a
// leading or trailing one.
func foldSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}
