package vn

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// folded is what the index and the query builders rely on: ASCII words of
// [a-z0-9] separated by single spaces, nothing a full-text syntax reads.
var folded = regexp.MustCompile(`^([a-z0-9]+( [a-z0-9]+)*)?$`)

// FuzzFold checks the Vietnamese folding on any text: both forms are
// plain ASCII words, folding a folded text changes nothing, and the
// Telex/VNI decoding of a query neither panics nor makes valid text invalid.
func FuzzFold(f *testing.F) {
	for _, s := range []string{
		"Đẩy mạnh công tác cải cách hành chính",
		"Thủ tướng Chính phủ: “Không để ai bị bỏ lại phía sau”",
		"hoà/hòa, thuỷ/thủy, Ủy ban, UBND tỉnh Quảng Trị",
		"e\u0301 e\u0323\u0302 ê\u0301 ĐĐđđ 2024-2025 covid19",
		"tieems chungr vaccine, tie6m chu3ng",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fold, exact := FoldString(s), ExactString(s)
		if !folded.MatchString(fold) {
			t.Fatalf("FoldString(%q) = %q: not folded words", s, fold)
		}
		if !folded.MatchString(exact) {
			t.Fatalf("ExactString(%q) = %q: not ASCII words", s, exact)
		}
		if again := FoldString(fold); again != fold {
			t.Fatalf("FoldString(%q) = %q, but folding that gives %q", s, fold, again)
		}
		if n := len(strings.Fields(fold)); n != len(strings.Fields(exact)) {
			t.Fatalf("FoldString(%q) has %d words, ExactString %d", s, n, len(strings.Fields(exact)))
		}
		HasDiacritics(s)
		// Decode keeps what is not a typed word byte for byte, so only
		// valid text must give valid text.
		if d, _ := Decode(s); utf8.ValidString(s) && !utf8.ValidString(d) {
			t.Fatalf("Decode(%q) = %q: invalid UTF-8", s, d)
		}
	})
}
