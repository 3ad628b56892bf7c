package search

import (
	"strings"
	"time"
)

// Small collections (the Q&A section holds hundreds or a few thousand
// questions, not an archive of 100,000 articles) are searched without an
// index of their own: each row keeps its text as folded tokens in one
// column, and the query's folded tokens are matched against it with LIKE.
// The tokens come from the same Vietnamese analysis as the article index,
// so the matching is the same; the ranking of the matches is too (Page).

// FoldedText returns the folded tokens of the fields, space-separated
// with a space at each end, so that " word " matches whole tokens only.
// Fields meet at a line break, so that a phrase cannot run from one field
// into the next.
func FoldedText(f [3]Field) string {
	var b strings.Builder
	b.WriteByte(' ')
	for i, x := range f {
		if i > 0 {
			b.WriteString("\n ")
		}
		if x.Fold != "" {
			b.WriteString(x.Fold)
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// LikePatterns returns the LIKE patterns a folded text must all match for
// the query: each word as a whole token, or, for a quoted query, the
// phrase. Tokens are [a-z0-9]+ by construction, so no pattern holds a LIKE
// wildcard or escape of the reader's. An empty query gives none.
func LikePatterns(q *Query) []string {
	folds := q.Folds()
	if len(folds) == 0 {
		return nil
	}
	if q.Quoted {
		return []string{"% " + strings.Join(folds, " ") + " %"}
	}
	seen := map[string]bool{}
	var out []string
	for _, f := range folds {
		if !seen[f] {
			seen[f] = true
			out = append(out, "% "+f+" %")
		}
	}
	return out
}

// LikeMatch returns a condition on a folded-text column (as FoldedText
// writes it) that is true for the rows a match of q must find, and its
// arguments: MatchExpr written as LIKE conditions, so abbreviations and
// loanwords find their other spellings ("BHYT" and "bảo hiểm y tế" each
// other) and a relaxed query (Need) matches rows holding enough of its
// words, within the bounds that MatchExpr and RelaxLevels keep. A quoted
// query is its phrase. An empty query gives "" and no arguments.
func LikeMatch(q *Query, column string) (string, []any) {
	if q.Empty() {
		return "", nil
	}
	if q.Quoted {
		return column + " LIKE ?", []any{"% " + strings.Join(q.Folds(), " ") + " %"}
	}
	// MatchExpr writes each word and phrase where it calls Word or
	// Phrase, in order, so the arguments line up with the placeholders
	// (TestLikeMatch checks it).
	var args []any
	cond := q.MatchExpr(Syntax{
		Word: func(fold string) string {
			args = append(args, "% "+fold+" %")
			return column + " LIKE ?"
		},
		Phrase: func(folds []string) string {
			args = append(args, "% "+strings.Join(folds, " ")+" %")
			return column + " LIKE ?"
		},
		And: " AND ", Or: " OR ",
	})
	return "(" + cond + ")", args
}

// Candidate is a row a LIKE search found: its ID, its time (newer ranks
// first among equals), and its title, plain text and HTML text.
type Candidate struct {
	ID                int64
	At                time.Time
	Title, Text, HTML string
}

// RankPage orders candidates by the shared ranking and returns the IDs of
// the page asked for, with the total the result should report (see Page).
func RankPage(q *Query, cands []Candidate, total, offset, limit int) (ids []int64, newTotal int) {
	docs := make(map[int64]*Doc, len(cands))
	for _, c := range cands {
		docs[c.ID] = &Doc{ID: c.ID, PublishedAt: c.At, Fields: IndexFields(c.Title, c.Text, c.HTML)}
	}
	ids, _, newTotal, _ = Page(q, docs, total, false, len(docs) < Candidates, offset, limit)
	return ids, newTotal
}
