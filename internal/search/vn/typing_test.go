package vn

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestDecodeTelex(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"issue example", "chuyeenr hoas ddiaj banf", "chuyển hóa địa bàn"},
		{"tone after final", "tieems chungr", "tiếm chủng"},
		{"dd", "ddaaus tranh", "đấu tranh"},
		{"w alone after u", "tuwf", "từ"},
		{"uwow", "nguwowif", "người"},
		{"uow", "nguoiwf dduowngf", "người đường"},
		{"w on the run after the final", "nuocws", "nước"},
		{"aw", "hoawcj nawm", "hoặc năm"},
		{"ow", "owr mowis", "ở mới"},
		{"uaw is ưa", "muaw", "mưa"},
		{"qu keeps its u", "quawng quys quoocs", "quăng quý quốc"},
		{"gi", "giuwax gif gieengs", "giữa gì giếng"},
		{"aa ee oo", "caafn beenf tooi", "cần bền tôi"},
		{"tones s f r x j", "mas maf mar max maj", "má mà mả mã mạ"},
		{"tone typed after the vowel", "hosa", "hóa"},
		{"z removes the tone", "hoasz", "hoa"},
		{"modern placement", "hoaf thuyr khoer", "hòa thủy khỏe"},
		{"placement before a final", "hoanf huynhf", "hoàn huỳnh"},
		{"three vowels", "khoais nguoiwf ruwowuj", "khoái người rượu"},
		{"upper case", "THUR TUWOWNGS", "THỦ TƯỚNG"},
		{"title case", "Vieetj Nam DDoongf Nai", "Việt Nam Đồng Nai"},
		{"capital dd", "DDAAUF TUW Ddaf Nawngx", "ĐẦU TƯ Đà Nẵng"},
		{"non-Telex words kept", "UBND tinhr", "UBND tỉnh"},
		{"internet kept", "mangj internet", "mạng internet"},
		{"numbers kept", "tieems covid19 nawm 2024", "tiếm covid19 năm 2024"},
		{"punctuation kept", `"chuyeenr hoas", ddiaj-banf`, `"chuyển hóa", địa-bàn`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := DecodeTelex(tc.in)
			if !ok || got != tc.want {
				t.Errorf("DecodeTelex(%q) = %q, %v; want %q, true", tc.in, got, ok, tc.want)
			}
			if !norm.NFC.IsNormalString(got) {
				t.Errorf("DecodeTelex(%q) = %q is not NFC", tc.in, got)
			}
		})
	}
}

func TestDecodeVNI(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"issue example", "chuye63n ho1a", "chuyển hóa"},
		{"d9", "d9i5a ba2n", "địa bàn"},
		{"d9 at the end", "di5a9", "địa"},
		{"u7o7", "ngu7o72i", "người"},
		{"uo7", "nguo72i duo7ng9", "người đương"},
		{"8", "na8m hoa85c", "năm hoặc"},
		{"6", "tie6m chu3ng", "tiêm chủng"},
		{"0 removes the tone", "ho1a0", "hoa"},
		{"upper case", "VIE65T NAM", "VIỆT NAM"},
		{"capital d9", "D9A62U TU7 D9a2 Na84ng", "ĐẦU TƯ Đà Nẵng"},
		{"words without digits kept", "UBND ti3nh", "UBND tỉnh"},
		{"numbers kept", "2024 covid19 F0 ti3nh", "2024 covid19 F0 tỉnh"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := DecodeVNI(tc.in)
			if !ok || got != tc.want {
				t.Errorf("DecodeVNI(%q) = %q, %v; want %q, true", tc.in, got, ok, tc.want)
			}
			if !norm.NFC.IsNormalString(got) {
				t.Errorf("DecodeVNI(%q) = %q is not NFC", tc.in, got)
			}
		})
	}
}

// TestDecodeRefuses lists queries that must not be decoded at all.
func TestDecodeRefuses(t *testing.T) {
	tests := []struct{ name, in string }{
		{"no key", "chuyen hoa dia ban"},
		{"abbreviations and loanwords", "UBND covid internet vaccine"},
		{"numbers", "115 2024 24/10/2017"},
		{"already has diacritics", "chuyển hoas"},
		{"diacritics elsewhere", "café banf"},
		{"double key undone", "ass"},
		{"triple vowel undone", "tieeem"},
		{"ddd undone", "dddi"},
		{"two tones", "sars"},
		{"stop final needs sắc or nặng", "vieet"},
		{"stop final with huyền", "vieetf"},
		{"c before e", "ceem"},
		{"k before a", "kaas"},
		{"gh before a", "ghaas"},
		{"not an onset", "fas"},
		{"not a rhyme", "hoaas"},
		{"english", "hello world"},
		{"tw mixed with vni", "ho1a banf"},
		{"z with no tone", "hoaz"},
		{"empty", ""},
		{"punctuation", `"*-^`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got, m := Decode(tc.in); got != "" || m != "" {
				t.Errorf("Decode(%q) = %q, %q; want nothing", tc.in, got, m)
			}
		})
	}
}

func TestDecode(t *testing.T) {
	tests := []struct {
		in, want string
		m        Typing
	}{
		{"chuyeenr hoas ddiaj banf", "chuyển hóa địa bàn", Telex},
		{"chuye63n ho1a", "chuyển hóa", VNI},
		{"Ti3nh u3y", "Tỉnh ủy", VNI},
		{"tinhr uyr", "tỉnh ủy", Telex},
	}
	for _, tc := range tests {
		got, m := Decode(tc.in)
		if got != tc.want || m != tc.m {
			t.Errorf("Decode(%q) = %q, %q; want %q, %q", tc.in, got, m, tc.want, tc.m)
		}
	}
}
