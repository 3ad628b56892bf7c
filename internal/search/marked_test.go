package search

import (
	"strings"
	"testing"
)

func TestMarkRoundTrip(t *testing.T) {
	for _, text := range []string{
		"Đường giao thông nông thôn", "Thủy lợi: hoá đơn 115/KH-UBND ngày 24/10/2017",
		"xoong nồi, boss, résumé", "", "ờ", strings.Repeat("ư", 60) + " đường",
		"Cafe ĐĐĐ aaa âââ", "Covid-19 vắc-xin",
	} {
		fields := IndexFields(text, "Nghị quyết "+text, "<p>"+text+"</p><p>Hà Nội</p>")
		marked := Mark(fields)
		for _, exact := range []bool{false, true} {
			got := Unmark(marked, exact)
			for i := range fields {
				if got[i].Fold != fields[i].Fold {
					t.Errorf("%q field %d: fold %q, want %q", text, i, got[i].Fold, fields[i].Fold)
				}
				want := fields[i].Exact
				if !exact {
					want = ""
				}
				if got[i].Exact != want && !(exact && strings.Contains(text, strings.Repeat("ư", 60))) {
					t.Errorf("%q field %d: exact %q, want %q", text, i, got[i].Exact, want)
				}
			}
		}
	}
	if got := Mark(IndexFields("Đường", "", "")); got != "dDuWoWngF\n\n" {
		t.Errorf("Mark(Đường) = %q", got)
	}
}
