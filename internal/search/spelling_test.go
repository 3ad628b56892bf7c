package search

import (
	"strings"
	"testing"
)

// altString writes a query's alternatives as "[typed]=other|other; …".
func altString(q *Query) string {
	var out []string
	for _, a := range q.Alts {
		var others []string
		for _, o := range a.Others {
			others = append(others, joinFolds(o))
		}
		out = append(out, "["+joinFolds(q.Terms[a.Start:a.Start+a.Len])+"]="+strings.Join(others, "|"))
	}
	return strings.Join(out, "; ")
}

func TestExpand(t *testing.T) {
	for _, tt := range []struct{ q, want string }{
		// Abbreviation to long form and back.
		{"BCĐ 138", "[bcd]=ban chi dao"},
		{"bảo hiểm y tế học sinh", "[bao hiem y te]=bhyt"},
		{"Ủy ban nhân dân tỉnh", "[uy ban nhan dan]=ubnd"},
		// TP.HCM and TP HCM are split by the analysis, TPHCM is one
		// token: each finds the others, and the city wins over "TP.".
		{"TP.HCM hiến máu", "[tp hcm]=tphcm|thanh pho ho chi minh|tp ho chi minh"},
		{"TP HCM", "[tp hcm]=tphcm|thanh pho ho chi minh|tp ho chi minh"},
		{"tphcm", "[tphcm]=tp hcm|thanh pho ho chi minh|tp ho chi minh"},
		{"Thành phố Hồ Chí Minh", "[thanh pho ho chi minh]=tphcm|tp hcm|tp ho chi minh"},
		{"TP. Huế", "[tp]=thanh pho"},
		// Loanwords, hyphenated or not.
		{"tiem chung vac xin", "[vac xin]=vaccine|vacxin"},
		{"vắc-xin", "[vac xin]=vaccine|vacxin"},
		{"Covid-19", "[covid 19]=covid|corona"},
		{"in-tơ-nét", "[in to net]=internet"},
		// A run inside a document number is still a word of the query.
		{"115/KH-UBND", "[ubnd]=uy ban nhan dan"},
		// Nothing to expand; a quoted phrase stays as typed.
		{"an ninh", ""},
		{`"bảo hiểm y tế học sinh"`, ""},
	} {
		if got := altString(ParseQuery(tt.q)); got != tt.want {
			t.Errorf("%q: %q, want %q", tt.q, got, tt.want)
		}
	}
}

// TestExpandCap: a query of nothing but abbreviations expands at most
// maxExpansions runs, and only while its readings stay within maxVariants.
func TestExpandCap(t *testing.T) {
	q := ParseQuery("UBND HĐND MTTQ BCĐ BHYT BHXH THPT THCS CSGT ATGT NTM PCCC")
	if len(q.Alts) != maxExpansions {
		t.Errorf("%d runs expanded, want %d", len(q.Alts), maxExpansions)
	}
	if n := len(q.Variants()); n > maxVariants {
		t.Errorf("%d readings, want at most %d", n, maxVariants)
	}
	// Four spellings of the city times three of a vaccine make 12
	// readings; BHYT's two would make 24, past the bound, so BHYT is
	// searched as typed.
	q = ParseQuery("TPHCM vắc xin BHYT")
	if got := altString(q); got != "[tphcm]=tp hcm|thanh pho ho chi minh|tp ho chi minh; [vac xin]=vaccine|vacxin" {
		t.Errorf("capped: %q", got)
	}
	if n := len(q.Variants()); n != 12 {
		t.Errorf("%d readings, want 12", n)
	}
	// The match expression grows with the spellings kept, not the query.
	long := ParseQuery(strings.Repeat("UBND ", 16))
	if e := long.MatchExpr(testSyntax); strings.Count(e, " OR ") > 1 {
		t.Errorf("repeated abbreviation: %s", e)
	}
}

var testSyntax = Syntax{
	Word:   func(f string) string { return f },
	Phrase: func(fs []string) string { return `"` + strings.Join(fs, " ") + `"` },
	And:    " AND ",
	Or:     " OR ",
}

func TestVariants(t *testing.T) {
	var got []string
	for _, v := range ParseQuery("BCĐ 138 TPHCM").Variants() {
		got = append(got, joinFolds(v))
	}
	want := "bcd 138 tphcm/bcd 138 tp hcm/bcd 138 thanh pho ho chi minh/bcd 138 tp ho chi minh/" +
		"ban chi dao 138 tphcm/ban chi dao 138 tp hcm/ban chi dao 138 thanh pho ho chi minh/ban chi dao 138 tp ho chi minh"
	if s := strings.Join(got, "/"); s != want {
		t.Errorf("variants\n%s\nwant\n%s", s, want)
	}
}

func TestMatchExpr(t *testing.T) {
	for _, tt := range []struct {
		q    string
		need int
		want string
	}{
		{"an ninh", 0, "(an AND ninh)"},
		{"BCĐ 138", 0, `((bcd OR "ban chi dao") AND 138)`},
		{"bảo hiểm y tế học sinh", 0, "(((bao AND hiem AND y AND te) OR bhyt) AND hoc AND sinh)"},
		{"TP.HCM", 0, `(((tp AND hcm) OR tphcm OR "thanh pho ho chi minh" OR "tp ho chi minh"))`},
		// Relaxed: a set holding every word of the run has its
		// spellings; one holding part of it keeps those words as typed.
		{"BHYT học sinh", 2, "((bhyt OR \"bao hiem y te\") AND hoc) OR ((bhyt OR \"bao hiem y te\") AND sinh) OR (hoc AND sinh)"},
		{"an ninh trật tự Điện Biên", 5, "(((an AND ninh AND trat AND tu) OR antt) AND dien) OR (((an AND ninh AND trat AND tu) OR antt) AND bien) OR " +
			"(an AND ninh AND trat AND dien AND bien) OR (an AND ninh AND tu AND dien AND bien) OR (an AND trat AND tu AND dien AND bien) OR (ninh AND trat AND tu AND dien AND bien)"},
	} {
		q := ParseQuery(tt.q)
		if tt.need > 0 {
			q = q.Relaxed(tt.need)
		}
		if got := q.MatchExpr(testSyntax); got != tt.want {
			t.Errorf("%q need %d:\n got %s\nwant %s", tt.q, tt.need, got, tt.want)
		}
	}
}

// TestScoreSpelling: an article holding another spelling scores as if the
// reader had typed that spelling.
func TestScoreSpelling(t *testing.T) {
	d := &Doc{ID: 1, Fields: IndexFields("Tỷ lệ BHYT học sinh đạt 98%", "", "")}
	got := Score(ParseQuery("bảo hiểm y tế học sinh"), d)
	want := Score(ParseQuery("BHYT học sinh"), d)
	if got == 0 || got != want {
		t.Errorf("score %v, want %v", got, want)
	}
	if s := Score(ParseQuery(`"bảo hiểm y tế học sinh"`), d); s != 0 {
		t.Errorf("a quoted phrase matched another spelling: %v", s)
	}
}

// TestSiteSpellings: a site's groups work both ways, with the built-in
// ones, and only in the table that holds them.
func TestSiteSpellings(t *testing.T) {
	sp := NewSpellings([][]string{{"QLTT", "quản lý thị trường"}, {"Sở GTVT", "Sở Giao thông vận tải"}})
	if sp.SpellingCount() != 2 {
		t.Errorf("%d groups, want 2", sp.SpellingCount())
	}
	for _, tt := range []struct{ q, want string }{
		{"QLTT kiểm tra", "[qltt]=quan ly thi truong"},
		{"quan ly thi truong", "[quan ly thi truong]=qltt"},
		{"Sở GTVT", "[so gtvt]=so giao thong van tai"},
		// The built-in groups stay.
		{"UBND QLTT", "[ubnd]=uy ban nhan dan; [qltt]=quan ly thi truong"},
	} {
		if got := altString(ParseQueryWith(tt.q, sp)); got != tt.want {
			t.Errorf("%q: %q, want %q", tt.q, got, tt.want)
		}
	}
	// Another site's table (or none) does not know them.
	if got := altString(ParseQuery("QLTT")); got != "" {
		t.Errorf("built-in table expanded QLTT: %q", got)
	}
	// A group of one searchable spelling, or a spelling already in the
	// built-in list, is left out rather than breaking the table.
	sp = NewSpellings([][]string{{"ABC", "..."}, {"UBND", "Ủy ban"}, {"x y", "X-Y"}})
	if sp.SpellingCount() != 0 {
		t.Errorf("%d groups kept, want 0", sp.SpellingCount())
	}
	if got := altString(ParseQueryWith("UBND", sp)); got != "[ubnd]=uy ban nhan dan" {
		t.Errorf("UBND: %q", got)
	}
}

// TestSiteSpellingsCap: however many spellings a site's groups hold,
// expansion stays within maxExpansions and maxVariants.
func TestSiteSpellingsCap(t *testing.T) {
	var groups [][]string
	var q []string
	for i := range 20 {
		w := "ab" + string(rune('a'+i))
		g := []string{w}
		for j := range 9 {
			g = append(g, w+" "+string(rune('a'+j))+"x")
		}
		groups = append(groups, g)
		q = append(q, w)
	}
	sp := NewSpellings(groups)
	p := ParseQueryWith(strings.Join(q, " "), sp)
	if len(p.Alts) > maxExpansions {
		t.Errorf("%d runs expanded", len(p.Alts))
	}
	if n := len(p.Variants()); n > maxVariants {
		t.Errorf("%d readings, want at most %d", n, maxVariants)
	}
	// A group of ten spellings is more than maxVariants allows with
	// another: the first is expanded, the rest searched as typed.
	if len(p.Alts) != 1 || len(p.Alts[0].Others) != 9 {
		t.Errorf("alts: %s", altString(p))
	}
}

func TestExplain(t *testing.T) {
	sp := NewSpellings([][]string{{"QLTT", "quản lý thị trường"}})
	got := sp.Explain("Đội QLTT số 3 và TP.HCM")
	if len(got) != 2 || got[0].Typed != "QLTT" || strings.Join(got[0].Others, "|") != "quản lý thị trường" ||
		got[1].Typed != "TP.HCM" || strings.Join(got[1].Others, "|") != "TPHCM|Thành phố Hồ Chí Minh|TP Hồ Chí Minh" {
		t.Errorf("explain: %+v", got)
	}
	if got := sp.Explain(`"QLTT tỉnh"`); got != nil {
		t.Errorf("quoted: %+v", got)
	}
	if SpellingKey("TP.HCM") != "tp hcm" || SpellingKey(" !! ") != "" {
		t.Errorf("keys: %q %q", SpellingKey("TP.HCM"), SpellingKey(" !! "))
	}
}
