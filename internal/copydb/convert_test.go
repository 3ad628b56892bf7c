package copydb

import (
	"strings"
	"testing"
	"time"
)

func TestConverters(t *testing.T) {
	at := time.Date(2019, 10, 1, 3, 40, 0, 0, time.UTC)
	ict := at.In(time.FixedZone("ICT", 7*3600))
	for _, tc := range []struct {
		name     string
		from, to Kind
		in, want any
		err      string // part of the error; "" for none
	}{
		{"unix to time", Integer, Time, at.Unix(), at, ""},
		{"time to unix", Time, Integer, at, at.Unix(), ""},
		{"time in another zone to unix", Time, Integer, ict, at.Unix(), ""},
		{"time to time is UTC", Time, Time, ict, at, ""},
		{"fraction of a second refused", Time, Integer, at.Add(time.Millisecond), nil, "fraction"},
		{"0 is false", Integer, Bool, int64(0), false, ""},
		{"1 is true", Integer, Bool, int64(1), true, ""},
		{"2 is no flag", Integer, Bool, int64(2), nil, "neither 0 nor 1"},
		{"true is 1", Bool, Integer, true, int64(1), ""},
		{"false is 0", Bool, Integer, false, int64(0), ""},
		{"NULL stays NULL", Integer, Time, nil, nil, ""},
		{"NULL text", Text, Text, nil, nil, ""},
		{"text", Text, Text, "Cổng thông tin", "Cổng thông tin", ""},
		{"bytes in a text column", Text, Text, []byte("xã An Phú"), "xã An Phú", ""},
		{"integer", Integer, Integer, int64(-7), int64(-7), ""},
		{"text in an integer column", Integer, Integer, "12", nil, "holds"},
		{"text where a time is due", Integer, Time, "2019-10-01", nil, "holds"},
		{"float in an integer column", Integer, Bool, 1.0, nil, "holds"},
		{"integer in a boolean column", Bool, Bool, int64(1), nil, "holds"},
		{"integer in a text column", Text, Text, int64(1), nil, "holds"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			conv, err := NewConverter(tc.from, tc.to)
			if err != nil {
				t.Fatal(err)
			}
			got, err := conv(tc.in)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("got %v, %v; want an error with %q", got, err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if gt, ok := got.(time.Time); ok {
				if !gt.Equal(tc.want.(time.Time)) || gt.Location() != time.UTC {
					t.Fatalf("got %v, want %v in UTC", gt, tc.want)
				}
				return
			}
			if got != tc.want {
				t.Fatalf("got %#v, want %#v", got, tc.want)
			}
		})
	}
}

func TestNoConverter(t *testing.T) {
	for _, p := range [][2]Kind{{Text, Integer}, {Integer, Text}, {Bool, Time}, {Time, Bool}, {Text, Time}} {
		if _, err := NewConverter(p[0], p[1]); err == nil {
			t.Errorf("%s to %s: a converter, want none", p[0], p[1])
		}
	}
}
