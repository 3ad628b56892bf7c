package search

import (
	"strings"
	"testing"
)

// likeLiteral writes MatchExpr as LikeMatch should, with the patterns in
// place of the placeholders.
var likeLiteral = Syntax{
	Word:   func(f string) string { return "t LIKE '% " + f + " %'" },
	Phrase: func(fs []string) string { return "t LIKE '% " + strings.Join(fs, " ") + " %'" },
	And:    " AND ", Or: " OR ",
}

// bind puts args in cond's placeholders, in order.
func bind(t *testing.T, cond string, args []any) string {
	t.Helper()
	if n := strings.Count(cond, "?"); n != len(args) {
		t.Fatalf("%d placeholders, %d arguments: %s", n, len(args), cond)
	}
	for _, a := range args {
		cond = strings.Replace(cond, "?", "'"+a.(string)+"'", 1)
	}
	return cond
}

func TestLikeMatch(t *testing.T) {
	for _, tt := range []struct {
		q    string
		need int
		want string
	}{
		{"học phí", 0, "((t LIKE '% hoc %' AND t LIKE '% phi %'))"},
		// Both spellings of an abbreviation, both ways.
		{"BHYT học sinh", 0, "(((t LIKE '% bhyt %' OR t LIKE '% bao hiem y te %') AND t LIKE '% hoc %' AND t LIKE '% sinh %'))"},
		{"bảo hiểm y tế", 0, "((((t LIKE '% bao %' AND t LIKE '% hiem %' AND t LIKE '% y %' AND t LIKE '% te %') OR t LIKE '% bhyt %')))"},
		// Relaxed: any two of three words.
		{"học phí mầm", 2, "((t LIKE '% hoc %' AND t LIKE '% phi %') OR (t LIKE '% hoc %' AND t LIKE '% mam %') OR (t LIKE '% phi %' AND t LIKE '% mam %'))"},
		// A phrase stays a phrase.
		{`"trường mầm non"`, 0, "t LIKE '% truong mam non %'"},
	} {
		q := ParseQuery(tt.q)
		if tt.need > 0 {
			q = q.Relaxed(tt.need)
		}
		cond, args := LikeMatch(q, "t")
		got := bind(t, cond, args)
		if got != tt.want {
			t.Errorf("%q (need %d):\n got %s\nwant %s", tt.q, tt.need, got, tt.want)
		}
		if !q.Quoted && got != "("+q.MatchExpr(likeLiteral)+")" {
			t.Errorf("%q: the arguments do not line up with MatchExpr: %s", tt.q, got)
		}
	}
	if cond, args := LikeMatch(ParseQuery("?!"), "t"); cond != "" || args != nil {
		t.Errorf("empty query: %q %v", cond, args)
	}
	// A query of many abbreviations stays bounded.
	cond, args := LikeMatch(ParseQuery("UBND HĐND MTTQ BCĐ BHYT BHXH THPT THCS CSGT ATGT NTM PCCC"), "t")
	if len(args) > 40 || strings.Count(cond, "?") != len(args) {
		t.Errorf("%d patterns for twelve abbreviations", len(args))
	}
}

func TestNamesNumber(t *testing.T) {
	for q, want := range map[string]bool{
		"115/KH-UBND":            true,
		"116 kh ubnd":            true,
		"kế hoạch 2024":          true,
		"Covid-19":               false, // a name
		"Covid-19 đợt 4":         true,
		"kế hoạch tiêm chủng":    false,
		"bảo hiểm y tế học sinh": false,
		"":                       false,
	} {
		if got := NamesNumber(ParseQuery(q)); got != want {
			t.Errorf("%q: %v, want %v", q, got, want)
		}
	}
}
