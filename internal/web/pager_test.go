package web

import (
	"net/url"
	"testing"
)

func TestPager(t *testing.T) {
	q := url.Values{"ngay": {"2019-10-01"}, "trang": {"5"}}
	p := pager("/theo-ngay", q, 5, 200, 20)
	if p.Pages != 10 || p.PrevURL != "/theo-ngay?ngay=2019-10-01&trang=4" || p.NextURL != "/theo-ngay?ngay=2019-10-01&trang=6" {
		t.Fatalf("pager: %+v", p)
	}
	var got []int
	for _, l := range p.Links {
		got = append(got, l.Page)
	}
	want := []int{1, 0, 3, 4, 5, 6, 7, 0, 10}
	if len(got) != len(want) {
		t.Fatalf("links %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("links %v, want %v", got, want)
		}
	}
	if first := pager("/x", url.Values{}, 2, 40, 20); first.PrevURL != "/x" || first.NextURL != "" {
		t.Fatalf("page 1 link should drop trang: %+v", first)
	}
	if one := pager("/x", url.Values{}, 1, 0, 20); one.Pages != 0 || len(one.Links) != 0 {
		t.Fatalf("empty: %+v", one)
	}
}

func TestCheckPage(t *testing.T) {
	for _, tt := range []struct {
		page, total int
		ok          bool
	}{{1, 0, true}, {2, 0, false}, {1, 20, true}, {2, 20, false}, {2, 21, true}, {3, 41, true}, {4, 60, false}} {
		if err := checkPage(tt.page, tt.total, 20); (err == nil) != tt.ok {
			t.Errorf("checkPage(%d, %d) = %v", tt.page, tt.total, err)
		}
	}
}
