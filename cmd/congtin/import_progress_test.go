package main

import (
	"strings"
	"testing"

	"github.com/congtin/congtin"
)

// TestProgressBar: on a terminal the bar is redrawn in place only when its
// percentage moves, and ends its line when the step is done.
func TestProgressBar(t *testing.T) {
	var b strings.Builder
	p := progressPrinter(&b, true)
	for i := 0; i <= 400; i++ {
		p(congtin.StepWrite, i, 400)
	}
	out := b.String()
	if n := strings.Count(out, "\r"); n != 101 {
		t.Errorf("%d redraws for 0…100 %%, want 101", n)
	}
	last := out[strings.LastIndexByte(out, '\r'):]
	if want := "\rghi bài viết [" + strings.Repeat("#", 30) + "] 100% 400/400\n"; last != want {
		t.Errorf("last redraw %q, want %q", last, want)
	}
	if !strings.HasPrefix(out, "\rghi bài viết ["+strings.Repeat(".", 30)+"]   0% 0/400") {
		t.Errorf("first redraw %q", out[:min(len(out), 80)])
	}
}
