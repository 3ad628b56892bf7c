package postgres

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/search"
	"github.com/congtin/congtin/internal/sqlstore"
)

// FuzzTsQuery checks the tsquery texts the store builds from any reader's
// query (articles' words, pairs and phrase, each relaxed level; the back
// office's key search; the documents register) against tsquery's grammar.
// Building them needs no server; a fuzz loop against a real one would be
// too slow, and the storetest suite runs the same builders on PostgreSQL.
func FuzzTsQuery(f *testing.F) {
	for _, s := range []string{
		`"ủy ban nhân dân" tỉnh`,
		`UBND & huyện | !xã <-> phường:A`,
		`bảo hiểm y tế học sinh sinh viên năm học 2024 2025 đóng mức`,
		`'an toàn' (giao thông)`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := search.ParseQuery(s)
		if q.Empty() {
			return // every caller stops here: nothing to match
		}
		queries := []*search.Query{q}
		for _, need := range q.RelaxLevels() {
			queries = append(queries, q.Relaxed(need))
		}
		for _, q := range queries {
			var exprs []string
			as := dialect{}.ArticleSearch(nil, congtin.SearchQuery{SiteID: 1}, q).(*tsSearch)
			for _, m := range []sqlstore.Match{sqlstore.MatchWords, sqlstore.MatchPairs, sqlstore.MatchPhrase} {
				exprs = append(exprs, as.exprs[m])
			}
			_, arg := dialect{}.KeyMatch("article_keys", "article_id", q)
			exprs = append(exprs, arg.(string))
			_, arg = dialect{}.DocumentMatch(q)
			exprs = append(exprs, arg.(string))
			for _, e := range exprs {
				if err := checkTsQuery(e); err != nil {
					t.Fatalf("ParseQuery(%q) (need %d): tsquery %q: %v", s, q.Need, e, err)
				}
			}
		}
	})
}

// tsToken is a lexeme with optional weights, or an operator.
var tsToken = regexp.MustCompile(`^\s*(?:([a-z0-9_]+(?::[ABCD]+)?)|(<->|[&|!()]))`)

// checkTsQuery parses e by tsquery's grammar, as far as the builders use
// it: lexemes of [a-z0-9_] with weights, ! & | <-> and parentheses, |
// binding loosest. Anything else a reader could smuggle in (quotes,
// :*, stray operators) is an error.
func checkTsQuery(e string) error {
	var toks []string
	for rest := e; strings.TrimSpace(rest) != ""; {
		m := tsToken.FindStringSubmatch(rest)
		if m == nil {
			return fmt.Errorf("unexpected text at %q", rest)
		}
		toks = append(toks, m[1]+m[2])
		rest = rest[len(m[0]):]
	}
	p := &tsParser{toks: toks}
	if err := p.or(); err != nil {
		return err
	}
	if p.i != len(toks) {
		return fmt.Errorf("unexpected %q", toks[p.i])
	}
	return nil
}

type tsParser struct {
	toks []string
	i    int
}

func (p *tsParser) peek() string {
	if p.i < len(p.toks) {
		return p.toks[p.i]
	}
	return ""
}

// binary parses operands joined by op, each read by next.
func (p *tsParser) binary(op string, next func() error) error {
	if err := next(); err != nil {
		return err
	}
	for p.peek() == op {
		p.i++
		if err := next(); err != nil {
			return err
		}
	}
	return nil
}

func (p *tsParser) or() error     { return p.binary("|", p.and) }
func (p *tsParser) and() error    { return p.binary("&", p.phrase) }
func (p *tsParser) phrase() error { return p.binary("<->", p.unary) }

func (p *tsParser) unary() error {
	switch t := p.peek(); {
	case t == "":
		return fmt.Errorf("an operand is missing at the end")
	case t == "!":
		p.i++
		return p.unary()
	case t == "(":
		p.i++
		if err := p.or(); err != nil {
			return err
		}
		if p.peek() != ")" {
			return fmt.Errorf("unclosed parenthesis")
		}
		p.i++
		return nil
	case t == ")" || t == "&" || t == "|" || t == "<->":
		return fmt.Errorf("an operand is missing before %q", t)
	}
	p.i++
	return nil
}

// TestCheckTsQuery makes sure the grammar FuzzTsQuery checks by refuses
// what PostgreSQL refuses.
func TestCheckTsQuery(t *testing.T) {
	for e, ok := range map[string]bool{
		"an & ninh":                 true,
		"(a <-> b:A) | !(c & d:BC)": true,
		"an_ninh & trat_tu":         true,
		"":                          false,
		"a &":                       false,
		"(a | b":                    false,
		"a b":                       false,
		"a:*":                       false,
		"'a b'":                     false,
		"a & | b":                   false,
		"a)":                        false,
	} {
		if err := checkTsQuery(e); (err == nil) != ok {
			t.Errorf("checkTsQuery(%q) = %v, want ok=%v", e, err, ok)
		}
	}
}
