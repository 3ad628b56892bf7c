package corpus

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestSameSeedSameText(t *testing.T) {
	a := New(rand.New(rand.NewPCG(1, 2)))
	b := New(rand.New(rand.NewPCG(1, 2)))
	for range 20 {
		if x, y := a.Body(100), b.Body(100); x != y {
			t.Fatalf("bodies differ:\n%s\n%s", x, y)
		}
	}
}

func TestShapes(t *testing.T) {
	g := New(rand.New(rand.NewPCG(3, 4)))
	if g.VocabSize() < len(Syllables)/2 {
		t.Errorf("vocabulary of %d syllables", g.VocabSize())
	}
	if n := len(strings.Fields(g.Lead())); n < 30 {
		t.Errorf("lead of %d words, want 30 or more (pairs count as one)", n)
	}
	body := g.Body(800)
	if n := strings.Count(body, "<p>"); n != 4 {
		t.Errorf("%d paragraphs, want 4", n)
	}
	if n := len(strings.Fields(body)); n < 800 || n > 1000 {
		t.Errorf("body of %d syllables for 800 words", n)
	}
}
