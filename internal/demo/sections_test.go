package demo

import (
	"testing"

	"github.com/congtin/congtin"
)

// TestSections: the demo's schedule covers last, this and next week and
// every record it writes is valid input, the same for the same now.
func TestSections(t *testing.T) {
	for _, now := range nows {
		es := ScheduleEntries(now)
		weeks := map[congtin.Week]int{}
		for _, in := range es {
			in.Normalize()
			if err := in.Validate(); err != nil {
				t.Errorf("%v: entry %q: %v", now, in.Content, err)
			}
			weeks[congtin.WeekOf(in.Start)]++
		}
		w := congtin.WeekOf(now)
		if len(weeks) != 3 || weeks[w.Prev()] == 0 || weeks[w] < 10 || weeks[w.Next()] == 0 {
			t.Errorf("%v: entries by week %v, want last, this (10 or more) and next week", now, weeks)
		}
		if again := ScheduleEntries(now); len(again) != len(es) || !again[5].Start.Equal(es[5].Start) {
			t.Errorf("%v: not deterministic", now)
		}
	}
	english := 0
	for _, p := range AboutPages() {
		if err := p.Validate(); err != nil {
			t.Errorf("page %q: %v", p.Title, err)
		}
		if p.TitleEN != "" {
			english++
		}
	}
	if english < 2 {
		t.Errorf("%d pages in English, want at least 2", english)
	}
	var walk func([]demoUnit) int
	walk = func(us []demoUnit) int {
		n := 0
		for _, u := range us {
			in := u.in
			in.Normalize()
			if err := in.Validate(); err != nil {
				t.Errorf("unit %q: %v", in.Name, err)
			}
			n += 1 + walk(u.children)
		}
		return n
	}
	if n := walk(orgChart); n < 8 {
		t.Errorf("the chart has %d units", n)
	}
	for _, l := range Links {
		if err := l.Validate(); err != nil {
			t.Errorf("link %q: %v", l.Name, err)
		}
	}
}
