package search

import (
	"fmt"
	"slices"
	"testing"
)

func TestRelaxLevels(t *testing.T) {
	for _, tt := range []struct {
		q    string
		want []int
	}{
		{"tiêm chủng", nil},          // one syllable of a word is another word
		{"an ninh an ninh", nil},     // two distinct words
		{"tiêm chủng xyz", []int{2}}, // all but one, at least two
		{"an ninh trật tự Điện Biên", []int{5, 4, 3}},
		{"khám sức khỏe định kỳ Mường Tè", []int{6, 5}}, // C(7,4) = 35 sets is past the bound
		{"a b c d e f g h i j k l m n o p", []int{15}},
		{`"an ninh trật tự Điện Biên"`, nil}, // the phrase or nothing
	} {
		if got := ParseQuery(tt.q).RelaxLevels(); !slices.Equal(got, tt.want) {
			t.Errorf("RelaxLevels(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestClauses(t *testing.T) {
	q := ParseQuery("an ninh an trật tự")
	if got := fmt.Sprint(q.Clauses()); got != "[[an ninh an trat tu]]" {
		t.Errorf("strict: %s", got)
	}
	if got := fmt.Sprint(q.Relaxed(3).Clauses()); got != "[[an ninh trat] [an ninh tu] [an trat tu] [ninh trat tu]]" {
		t.Errorf("relaxed: %s", got)
	}
}

func TestLongestRun(t *testing.T) {
	q := []string{"an", "ninh", "trat", "tu", "dien", "bien"}
	for _, tt := range []struct {
		field string
		want  int
	}{
		{"giu vung an ninh trat tu dip tet", 4},
		{"bao ve an ninh to quoc o xa bien gioi", 2},
		{"tu hao binh an", 1},
		{"", 0},
	} {
		if got := longestRun(newPatterns(q, true), tt.field); got != tt.want {
			t.Errorf("longestRun(%q) = %d, want %d", tt.field, got, tt.want)
		}
	}
}

// TestRelaxedRanking: for a relaxed query, the longest part of the query
// standing together outranks scattered matches in better fields.
func TestRelaxedRanking(t *testing.T) {
	q := ParseQuery("an ninh trật tự Điện Biên").Relaxed(3)
	body := &Doc{ID: 1, Fields: IndexFields("Công an xã", "Lực lượng nòng cốt", "<p>Giữ vững an ninh trật tự ở cơ sở.</p>")}
	title := &Doc{ID: 2, Fields: IndexFields("Bảo vệ an ninh Tổ quốc ở các xã biên giới", "Điện lưới về bản", "<p>Tự hào.</p>")}
	if got := Rank(q, []*Doc{title, body}); len(got) != 2 || got[0].ID != 1 {
		t.Errorf("ranked %v, want the body holding four words together first", got)
	}
}
