package congtin

import (
	"errors"
	"reflect"
	"testing"
	"time"
)

func TestDayRange(t *testing.T) {
	for _, tc := range []struct {
		r     DayRange
		n     int
		field string // the field the error names; "" when valid
	}{
		{DayRange{"2026-03-02", "2026-03-02"}, 1, ""},
		{DayRange{"2026-02-27", "2026-03-03"}, 5, ""},
		{DayRange{"2024-02-28", "2024-03-01"}, 3, ""}, // a leap day
		{DayRange{"2024-03-03", "2026-03-03"}, MaxStatsDays, ""},
		{DayRange{"2000-01-01", "2000-01-01"}, 1, ""},
		{DayRange{"2024-03-02", "2026-03-03"}, 0, "den"}, // one day too many
		{DayRange{"2026-03-03", "2026-03-02"}, 0, "tu"},
		{DayRange{"2026-02-29", "2026-03-02"}, 0, "tu"},
		{DayRange{"2026-3-1", "2026-03-02"}, 0, "tu"},
		{DayRange{" 2026-03-01", "2026-03-02"}, 0, "tu"},
		{DayRange{"2026-03-01", "2026-03-02T00:00:00Z"}, 0, "den"},
		{DayRange{"", "2026-03-02"}, 0, "tu"},
		{DayRange{"2026-03-01", ""}, 0, "den"},
		{DayRange{"1999-12-31", "2000-01-01"}, 0, "tu"},
		{DayRange{"2099-12-31", "2100-01-01"}, 0, "den"},
	} {
		err := tc.r.Validate()
		var ve *ValidationError
		switch {
		case tc.field == "" && err != nil:
			t.Errorf("%v: %v", tc.r, err)
		case tc.field != "" && (!errors.As(err, &ve) || ve.Fields[tc.field] == "" || ErrorCode(err) != EINVALID):
			t.Errorf("%v: err = %v, want a ValidationError on %q", tc.r, err, tc.field)
		}
		if tc.field == "" && tc.r.Len() != tc.n {
			t.Errorf("%v: Len %d, want %d", tc.r, tc.r.Len(), tc.n)
		}
	}
	r := DayRange{"2026-02-27", "2026-03-02"}
	got := r.Series(map[string]int64{"2026-02-28": 4, "2026-03-02": 1, "2026-03-03": 9, "2026-02-26": 9})
	want := []DayCount{{"2026-02-27", 0}, {"2026-02-28", 4}, {"2026-03-01", 0}, {"2026-03-02", 1}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Series = %v, want %v", got, want)
	}
	if days := (DayRange{"2026-03-02", "2026-03-01"}).Days(); days != nil {
		t.Fatalf("Days of a reversed range: %v", days)
	}
	// The last days end with the day in Vietnam, whatever the zone of now:
	// 20:00 UTC on 1 March is 03:00 on 2 March in Vietnam.
	now := time.Date(2026, 3, 1, 20, 0, 0, 0, time.UTC)
	if got := LastDays(now, 30); got != (DayRange{"2026-02-01", "2026-03-02"}) || got.Len() != 30 {
		t.Fatalf("LastDays(30) = %v", got)
	}
	if got := LastDays(now, 1); got != (DayRange{"2026-03-02", "2026-03-02"}) {
		t.Fatalf("LastDays(1) = %v", got)
	}
}

func TestCanStats(t *testing.T) {
	u := &User{ID: 1}
	for role, want := range map[string]bool{RoleReporter: false, RoleEditor: true, RoleAdmin: true, "": false} {
		if got := Can(Actor{User: u, Role: role}, ActStats, nil); got != want {
			t.Errorf("%q: Can = %v, want %v", role, got, want)
		}
	}
	if !Can(Actor{User: &User{SuperAdmin: true}}, ActStats, nil) {
		t.Error("a super administrator may not read statistics")
	}
	if Can(Actor{User: &User{Disabled: true}, Role: RoleAdmin}, ActStats, nil) {
		t.Error("a disabled user may read statistics")
	}
}
