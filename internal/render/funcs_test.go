package render

import (
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin"
)

func TestDateLine(t *testing.T) {
	for _, tt := range []struct {
		t    time.Time
		want string
	}{
		{time.Date(2019, 10, 1, 3, 40, 0, 0, time.UTC), "Thứ Ba, 01/10/2019, 10:40"},
		{time.Date(2019, 10, 5, 17, 5, 0, 0, time.UTC), "Chủ Nhật, 06/10/2019, 00:05"},
		{time.Date(2024, 2, 29, 8, 0, 0, 0, time.FixedZone("X", 7*3600)), "Thứ Năm, 29/02/2024, 08:00"},
		{time.Date(2026, 11, 23, 1, 0, 0, 0, time.UTC), "Thứ Hai, 23/11/2026, 08:00"},
	} {
		if got := DateLine(tt.t); got != tt.want {
			t.Errorf("DateLine(%v) = %q, want %q", tt.t, got, tt.want)
		}
	}
}

func TestDigitsAndNumber(t *testing.T) {
	if got := strings.Join(Digits(4067719), " "); got != "4 0 6 7 7 1 9" {
		t.Errorf("Digits = %q", got)
	}
	if got := strings.Join(Digits(42), ""); got != "0000042" {
		t.Errorf("Digits(42) = %q", got)
	}
	if got := strings.Join(Digits(123456789), ""); got != "123456789" {
		t.Errorf("Digits(123456789) = %q", got)
	}
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1.000", 4067719: "4.067.719", -1234: "-1.234"} {
		if got := Number(n); got != want {
			t.Errorf("Number(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestCatOptions: the category select lists the tree in menu order,
// indented, hidden ones marked, the chosen one selected; a category's
// parent select leaves out the category and everything under it.
func TestCatOptions(t *testing.T) {
	cs := congtin.Categories{
		{ID: 1, Name: "Tin tức"},
		{ID: 2, Name: "Văn hóa"},
		{ID: 3, Name: "Trong tỉnh", ParentID: 1},
		{ID: 4, Name: "Huyện", ParentID: 3, Hidden: true},
	}
	label := func(os []CatOption) string {
		var out []string
		for _, o := range os {
			l := o.Label
			if o.Selected {
				l += "*"
			}
			out = append(out, l)
		}
		return strings.Join(out, "|")
	}
	const ind = "\u00a0\u00a0\u00a0"
	if got, want := label(CatOptions(cs, 3, 0)), "Tin tức|"+ind+"– Trong tỉnh*|"+ind+ind+"– Huyện (ẩn)|Văn hóa"; got != want {
		t.Errorf("options %q, want %q", got, want)
	}
	if got, want := label(CatOptions(cs, 0, 3)), "Tin tức|Văn hóa"; got != want {
		t.Errorf("parents of 3: %q, want %q", got, want)
	}
}
