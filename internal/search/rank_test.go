package search

import (
	"testing"
	"time"
)

func TestMatch(t *testing.T) {
	for _, tt := range []struct {
		q        []string
		field    string
		cov, adj float64
	}{
		{[]string{"an", "ninh"}, "giu vung an ninh trat tu", 1, 1},
		{[]string{"an", "ninh"}, "ninh binh va an phu", 1, 0},
		{[]string{"an", "ninh", "trat", "tu"}, "an ninh tot va trat tu", 1, 0.8 * 2 / 3},
		{[]string{"an", "ninh", "trat", "tu"}, "tu hao an toan ninh hai", 0.75, 0},
		{[]string{"hoa"}, "chuyen hoa dia ban", 1, 1},
		{[]string{"hoa"}, "chuyen doi", 0, 0},
		{[]string{"an", "ninh"}, "", 0, 0},
		{[]string{"an", "an"}, "an an", 1, 1},
		// The phrase after a false start of its own first words.
		{[]string{"an", "an", "ninh"}, "an an an ninh", 1, 1},
		// Words inside others are not words: "an" is not in "toan".
		{[]string{"an"}, "toan dan banh", 0, 0},
		{[]string{"an", "ninh"}, "an ninhh", 0.5, 0},
	} {
		m := match(newPatterns(tt.q, false), tt.field, nil)
		cov, adj := m.coverage, m.adjacency
		if cov != tt.cov || adj != tt.adj {
			t.Errorf("match(%v, %q) = %v, %v; want %v, %v", tt.q, tt.field, cov, adj, tt.cov, tt.adj)
		}
	}
}

func TestRankPhraseAndExactFirst(t *testing.T) {
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	doc := func(id int64, title string, at time.Time) *Doc {
		f := IndexFields(title, "", "")
		return &Doc{ID: id, PublishedAt: at, Fields: f}
	}
	q := ParseQuery("bạc liêu")
	got := Rank(q, []*Doc{
		doc(1, "Bác Liêu đến thăm", day.AddDate(0, 0, 5)),
		doc(2, "Tỉnh Bạc Liêu phát triển", day),
		doc(3, "Liêu xiêu bạc màu", day.AddDate(0, 0, 9)),
		doc(4, "Không liên quan", day),
	})
	if len(got) != 3 || got[0].ID != 2 || got[1].ID != 1 || got[2].ID != 3 {
		t.Fatalf("rank = %+v", got)
	}
	// Equal scores: the newer first.
	got = Rank(ParseQuery("an ninh"), []*Doc{doc(1, "An ninh", day), doc(2, "An ninh", day.AddDate(0, 0, 1))})
	if got[0].ID != 2 {
		t.Fatalf("tie = %+v", got)
	}
	// Quoted: the phrase only.
	if got := Rank(ParseQuery(`"an ninh"`), []*Doc{doc(1, "ninh an", day)}); len(got) != 0 {
		t.Fatalf("quoted = %+v", got)
	}
}
