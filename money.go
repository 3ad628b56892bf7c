package congtin

import (
	"strconv"
	"strings"
	"unicode"
)

// Money in đồng, as the projects' and procurement notices' amounts are
// kept (integers: the đồng has no subunit in use) and shown to readers in
// the Vietnamese way: dots between thousands, a comma before decimals.

// MaxVND bounds an amount: 10^16 đồng is far above any provincial
// project, and leaves room to compute with in an int64.
const MaxVND int64 = 1e16

// FormatVND writes n in full: 12345678000 → "12.345.678.000 đồng".
func FormatVND(n int64) string {
	return groupThousands(n) + " đồng"
}

// groupThousands writes n with a dot between each group of three digits.
func groupThousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return sign + b.String()
}

// FormatVNDShort writes n in tỷ (10^9) or triệu (10^6) đồng rounded to two
// decimals, half up, without trailing zeros: "12,35 tỷ đồng", "850 triệu
// đồng"; below a million, in full. An amount that rounds up to 1.000
// triệu is written in tỷ.
func FormatVNDShort(n int64) string {
	if n < 0 {
		return "-" + FormatVNDShort(-n)
	}
	units := []struct {
		size int64
		name string
	}{{1e9, "tỷ"}, {1e6, "triệu"}}
	for i, u := range units {
		if n < u.size {
			continue // less than one of this unit: try the next
		}
		// Hundredths of the unit, rounded half up.
		h := (n + u.size/200) / (u.size / 100)
		if i > 0 && h >= 100*1000 {
			h = (n + units[i-1].size/200) / (units[i-1].size / 100)
			u = units[i-1]
		}
		s := groupThousands(h / 100)
		if frac := h % 100; frac != 0 {
			f := strconv.FormatInt(100+frac, 10)[1:]
			s += "," + strings.TrimRight(f, "0")
		}
		return s + " " + u.name + " đồng"
	}
	return FormatVND(n)
}

// vndUnits are the words an amount may be typed with.
var vndUnits = []struct {
	word string
	size int64
}{{"tỷ", 1e9}, {"tỉ", 1e9}, {"triệu", 1e6}, {"nghìn", 1e3}, {"ngàn", 1e3}}

// ParseVND reads an amount of đồng as people type it: "12345678000",
// "12.345.678.000" (dots between groups of three), "12,35 tỷ" or "850
// triệu" (a comma before the decimals), with or without "đồng", "đ" or
// "VND" after. Text that could be read two ways ("12.5", "1,234,567",
// "1.5 tỷ") is refused rather than guessed, as are negative amounts,
// amounts above MaxVND and fractions of a đồng. The error is an EINVALID
// *Error whose message says what to type.
func ParseVND(s string) (int64, error) {
	t := strings.ToLower(strings.Join(strings.Fields(s), " "))
	NFC(&t)
	for _, suffix := range []string{"đồng", "vnđ", "vnd", "đ"} {
		if rest, ok := strings.CutSuffix(t, suffix); ok {
			t = strings.TrimSpace(rest)
			break
		}
	}
	if t == "" {
		return 0, Errorf(EINVALID, "Hãy nhập số tiền.")
	}
	if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "−") {
		return 0, Errorf(EINVALID, "Số tiền không được là số âm.")
	}
	unit := int64(1)
	for _, u := range vndUnits {
		if rest, ok := strings.CutSuffix(t, u.word); ok {
			t, unit = strings.TrimSpace(rest), u.size
			break
		}
	}
	whole, frac, err := splitAmount(t, unit > 1)
	if err != nil {
		return 0, err
	}
	// The fraction must come to whole đồng: 12,35 tỷ does, 1,2345 nghìn
	// does not.
	var fracVND int64
	if frac != "" {
		scale := int64(1)
		for range frac {
			scale *= 10
		}
		f, _ := strconv.ParseInt(frac, 10, 64)
		if unit%scale != 0 {
			return 0, Errorf(EINVALID, "Số tiền “%s” có phần lẻ nhỏ hơn một đồng; hãy ghi ít chữ số thập phân hơn.", clip(s, 40))
		}
		fracVND = f * (unit / scale)
	}
	w, perr := strconv.ParseInt(whole, 10, 64)
	if perr != nil || w > MaxVND/unit {
		return 0, Errorf(EINVALID, "Số tiền quá lớn: tối đa %s.", FormatVND(MaxVND))
	}
	n := w*unit + fracVND
	if n > MaxVND {
		return 0, Errorf(EINVALID, "Số tiền quá lớn: tối đa %s.", FormatVND(MaxVND))
	}
	return n, nil
}

// splitAmount reads the number of an amount: its whole digits, without
// the dots between thousands, and with a unit, the digits after a comma.
func splitAmount(t string, unit bool) (whole, frac string, err error) {
	bad := Errorf(EINVALID, "Số tiền “%s” không hợp lệ; hãy ghi ví dụ 12.345.678.000 hoặc 12,35 tỷ.", clip(t, 40))
	for _, r := range t {
		if !unicode.IsDigit(r) && r != '.' && r != ',' || r > unicode.MaxASCII {
			return "", "", bad
		}
	}
	whole, frac, hasComma := strings.Cut(t, ",")
	if hasComma {
		if !unit {
			return "", "", Errorf(EINVALID, "Số tiền “%s” có thể hiểu theo hai cách; số tiền tính bằng đồng ghi dấu chấm giữa các nhóm ba chữ số (12.345.678.000), hoặc ghi kèm đơn vị (12,35 tỷ).", clip(t, 40))
		}
		if frac == "" || strings.ContainsAny(frac, ".,") {
			return "", "", Errorf(EINVALID, "Số tiền “%s” có thể hiểu theo hai cách; phần thập phân ghi sau một dấu phẩy, ví dụ 12,35 tỷ.", clip(t, 40))
		}
	}
	if strings.Contains(whole, ".") {
		groups := strings.Split(whole, ".")
		for i, g := range groups {
			if g == "" || len(g) > 3 || i > 0 && len(g) != 3 {
				return "", "", Errorf(EINVALID, "Số tiền “%s” có thể hiểu theo hai cách; dấu chấm chỉ ngăn các nhóm ba chữ số (12.345.678.000), phần thập phân ghi sau dấu phẩy (12,35 tỷ).", clip(t, 40))
			}
		}
		whole = strings.Join(groups, "")
	}
	if whole == "" {
		return "", "", bad
	}
	return whole, frac, nil
}
