package congtin

import "testing"

func TestFormatVND(t *testing.T) {
	for n, want := range map[int64]string{
		0: "0 đồng", 999: "999 đồng", 1000: "1.000 đồng", 12345678000: "12.345.678.000 đồng", MaxVND: "10.000.000.000.000.000 đồng",
	} {
		if got := FormatVND(n); got != want {
			t.Errorf("FormatVND(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestFormatVNDShort(t *testing.T) {
	for n, want := range map[int64]string{
		12345678000:   "12,35 tỷ đồng", // rounded half up
		12344999999:   "12,34 tỷ đồng",
		850000000:     "850 triệu đồng",
		1500000000:    "1,5 tỷ đồng",
		999994999:     "999,99 triệu đồng",
		999995000:     "1 tỷ đồng", // would be 1.000 triệu
		1000000:       "1 triệu đồng",
		995000:        "995.000 đồng",
		4500000000000: "4.500 tỷ đồng",
		-850000000:    "-850 triệu đồng",
	} {
		if got := FormatVNDShort(n); got != want {
			t.Errorf("FormatVNDShort(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestParseVND(t *testing.T) {
	for in, want := range map[string]int64{
		"12345678000": 12345678000, "12.345.678.000": 12345678000, "12.345.678.000 đồng": 12345678000, "12,35 tỷ": 12350000000,
		"850 triệu": 850000000, "850 triệu đồng": 850000000, "1,5 tỉ": 1500000000, "  7 500 000 ": 0, "200 nghìn đ": 200000,
		"12345678000 VND": 12345678000, "0": 0, "10.000.000.000.000.000": MaxVND, "1.234 tỷ": 1234000000000,
	} {
		got, err := ParseVND(in)
		if in == "  7 500 000 " {
			// Spaces between groups are not a Vietnamese way of writing
			// an amount: refused, not guessed.
			if err == nil {
				t.Errorf("ParseVND(%q) = %d, want an error", in, got)
			}
			continue
		}
		if err != nil || got != want {
			t.Errorf("ParseVND(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"abc", "", "-5", "-12.000", "−5 tỷ", "12.5", "1,234,567", "1,5", "1.5 tỷ", "12.34.567", "10.000.000.000.000.001",
		"99999999999999999999", "20000000 tỷ", "1,2345 nghìn", "12,35,1 tỷ", "١٢٣", "12,35 tỷ tỷ", ". tỷ"} {
		if got, err := ParseVND(in); err == nil || ErrorCode(err) != EINVALID || ErrorMessage(err) == "" {
			t.Errorf("ParseVND(%q) = %d, %v; want EINVALID with a message", in, got, err)
		}
	}
	if _, err := ParseVND("-5"); ErrorMessage(err) != "Số tiền không được là số âm." {
		t.Errorf("negative: %v", err)
	}
}
