package vn

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func folds(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Fold
	}
	return out
}

func exacts(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Exact
	}
	return out
}

func TestFold(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"headline", "Đẩy mạnh công tác chuyển hóa địa bàn", "day manh cong tac chuyen hoa dia ban"},
		{"old placement", "hoá thuỷ khoẻ", "hoa thuy khoe"},
		{"new placement", "hóa thủy khỏe", "hoa thuy khoe"},
		{"d stroke", "BCĐ 138", "bcd 138"},
		{"plain d", "dd d", "dd d"},
		{"upper case", "THỦY LỢI", "thuy loi"},
		{"all vowels", "àáảãạ ăằắẳẵặ âầấẩẫậ èéẻẽẹ êềếểễệ ìíỉĩị òóỏõọ ôồốổỗộ ơờớởỡợ ùúủũụ ưừứửữự ỳýỷỹỵ",
			"aaaaa aaaaaa aaaaaa eeeee eeeeee iiiii ooooo oooooo oooooo uuuuu uuuuuu yyyyy"},
		{"foreign accents", "café naïve Łódź Straße", "cafe naive lodz strasse"},
		{"compatibility", "ﬁnal ＡＢＣ１２", "final abc12"},
		{"empty", "", ""},
		{"only punctuation", " ... -- !? ", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := FoldString(tc.in); got != tc.want {
				t.Errorf("FoldString(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestExact(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"sac", "hóa", "hoas"},
		{"sac old placement", "hoá", "hoas"},
		{"hoi", "thủy", "thuyr"},
		{"hoi old placement", "thuỷ", "thuyr"},
		{"huyen", "hòa", "hoaf"},
		{"huyen old placement", "hoà", "hoaf"},
		{"quy", "quý", "quys"},
		{"quy misplaced", "qúy", "quys"},
		{"horn and huyen", "đường", "dduwowngf"},
		{"nang", "Bạc", "bacj"},
		{"sac vs nang", "bác", "bacs"},
		{"nga", "ngã", "ngax"},
		{"level tone", "Liêu", "lieeu"},
		{"breve", "ăn", "awn"},
		{"circumflex", "âm ếch ô", "aam eechs oo"},
		{"horn on o", "thuở", "thuowr"},
		{"horn on o misplaced", "thủơ", "thuowr"},
		{"khoe new", "khỏe", "khoer"},
		{"khoe old", "khoẻ", "khoer"},
		{"d stroke", "BCĐ 138", "bcdd 138"},
		{"plain d", "dd d", "dd d"},
		{"numbers", "24/10/2017", "24 10 2017"},
		{"headline", "Đẩy mạnh công tác chuyển hóa địa bàn", "ddaayr manhj coong tacs chuyeenr hoas ddiaj banf"},
		{"foreign tone", "café", "cafes"},
		{"foreign non-Vietnamese mark", "naïve crème brûlée", "naive cremef brulees"},
		{"combining tone mark U+0341", "ha\u0341", "has"},
		// Several tones in one (foreign) word: each once, in s f r x j order.
		{"several tones", "résumé", "resumes"},
		{"several tones sorted", "làmé", "lamesf"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := ExactString(tc.in); got != tc.want {
				t.Errorf("ExactString(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestEquivalent checks spellings that must give identical Fold and Exact.
func TestEquivalent(t *testing.T) {
	tests := []struct{ name, a, b string }{
		{"hoa placement", "hóa", "hoá"},
		{"thuy placement", "thủy", "thuỷ"},
		{"khoe placement", "khoẻ", "khỏe"},
		{"quy placement", "quý", "qúy"},
		{"thuo placement", "thuở", "thủơ"},
		{"hoa huyen placement", "hoà", "hòa"},
		{"case", "THỦY LỢI", "thủy lợi"},
		{"mixed case", "Thủy Lợi", "tHỦY lỢI"},
		{"NFD", "Đẩy mạnh công tác chuyển hóa địa bàn", norm.NFD.String("Đẩy mạnh công tác chuyển hóa địa bàn")},
		{"NFD upper", "ĐƯỜNG NGHIÊNG", norm.NFD.String("đường nghiêng")},
		{"non-canonical mark order", "a\u0302\u0323", "a\u0323\u0302"},
		{"tone mark U+0340", "a\u0340", "à"},
		{"soft hyphen inside word", "hóa\u00adhọc", "hóahọc"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if fa, fb := FoldString(tc.a), FoldString(tc.b); fa != fb {
				t.Errorf("FoldString: %q → %q but %q → %q", tc.a, fa, tc.b, fb)
			}
			if ea, eb := ExactString(tc.a), ExactString(tc.b); ea != eb {
				t.Errorf("ExactString: %q → %q but %q → %q", tc.a, ea, tc.b, eb)
			}
		})
	}
}

// TestDistinct checks spellings that share Fold but must differ in Exact.
func TestDistinct(t *testing.T) {
	tests := []struct{ name, a, b string }{
		{"bac lieu", "Bạc Liêu", "bác liêu"},
		{"d stroke vs d", "đa", "da"},
		{"tones", "ma", "má"},
		{"ma ma", "mà", "mả"},
		{"ma ma 2", "mã", "mạ"},
		{"breve vs circumflex", "ăn", "ân"},
		{"horn vs plain", "tu", "tư"},
		{"horn vs circumflex", "ơn", "ôn"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if fa, fb := FoldString(tc.a), FoldString(tc.b); fa != fb {
				t.Errorf("FoldString: %q → %q but %q → %q", tc.a, fa, tc.b, fb)
			}
			if ea, eb := ExactString(tc.a), ExactString(tc.b); ea == eb {
				t.Errorf("ExactString(%q) == ExactString(%q) == %q", tc.a, tc.b, ea)
			}
		})
	}
}

func TestTokensSplit(t *testing.T) {
	tests := []struct {
		name, in    string
		fold, exact []string
	}{
		{"date", "24/10/2017", []string{"24", "10", "2017"}, []string{"24", "10", "2017"}},
		{"document number", "115/KH-UBND", []string{"115", "kh", "ubnd"}, []string{"115", "kh", "ubnd"}},
		{"decimal", "1.234,5", []string{"1", "234", "5"}, []string{"1", "234", "5"}},
		{"letters and digits", "covid19 Covid-19 F0", []string{"covid19", "covid", "19", "f0"}, []string{"covid19", "covid", "19", "f0"}},
		{"d stroke abbreviation", "BCĐ 138", []string{"bcd", "138"}, []string{"bcdd", "138"}},
		{"lone combining mark", "\u0301", nil, nil},
		{"lone mark between words", "a \u0301 b", []string{"a", "b"}, []string{"a", "b"}},
		{"emoji", "👍🏻 tốt 🎉", []string{"tot"}, []string{"toots"}},
		{"zwj emoji", "👨\u200d👩\u200d👧", nil, nil},
		{"symbols", "© ™ § ° ½ ² → ≠", nil, nil},
		{"cjk and cyrillic dropped", "中文 Москва 한국", nil, nil},
		{"invalid utf8", "a\xffb\xc3", []string{"a", "b"}, []string{"a", "b"}},
		{"invalid utf8 inside accents", "h\xffóa", []string{"h", "oa"}, []string{"h", "oas"}},
		{"replacement char", "a\ufffdb", []string{"a", "b"}, []string{"a", "b"}},
		{"zero width space splits", "a\u200bb", []string{"a", "b"}, []string{"a", "b"}},
		// Joined syllables carry both tones, in s f r x j order.
		{"soft hyphen joins", "chuyển\u00adhóa", []string{"chuyenhoa"}, []string{"chuyeenhoasr"}},
		{"tabs and newlines", "một\thai\nba\r\n", []string{"mot", "hai", "ba"}, []string{"mootj", "hai", "ba"}},
		{"nbsp", "Hà\u00a0Nội", []string{"ha", "noi"}, []string{"haf", "nooij"}},
		{"mark after digit ignored", "2\u0301a", []string{"2a"}, []string{"2a"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := Tokens(tc.in, 0)
			if got := folds(toks); !equal(got, tc.fold) {
				t.Errorf("folds = %q, want %q", got, tc.fold)
			}
			if got := exacts(toks); !equal(got, tc.exact) {
				t.Errorf("exacts = %q, want %q", got, tc.exact)
			}
		})
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestOffsets(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // in[Start:End] for each token
	}{
		{"nfc", "Đẩy mạnh, công tác!", []string{"Đẩy", "mạnh", "công", "tác"}},
		{"nfd keeps marks", norm.NFD.String("Đường thủy"), []string{norm.NFD.String("Đường"), norm.NFD.String("thủy")}},
		{"nfd trailing mark", norm.NFD.String("hoá."), []string{norm.NFD.String("hoá")}},
		{"separators", "24/10/2017", []string{"24", "10", "2017"}},
		{"leading junk", "\xff\u0301 👍 (BCĐ)", []string{"BCĐ"}},
		{"trailing soft hyphen excluded", "hóa\u00ad ", []string{"hóa"}},
		{"compatibility", "ＡＢＣ", []string{"ＡＢＣ"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := Tokens(tc.in, 0)
			var got []string
			for _, tk := range toks {
				got = append(got, tc.in[tk.Start:tk.End])
			}
			if !equal(got, tc.want) {
				t.Errorf("spans = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestLimitAndCap(t *testing.T) {
	long := strings.Repeat("a", 100)
	longDD := strings.Repeat("đ", 30)
	tests := []struct {
		name, in    string
		limit       int
		fold, exact []string
		ends        []int
	}{
		{"limit", "một hai ba bốn", 2, []string{"mot", "hai"}, []string{"mootj", "hai"}, []int{5, 9}},
		{"limit zero is unlimited", "a b c", 0, []string{"a", "b", "c"}, []string{"a", "b", "c"}, []int{1, 3, 5}},
		{"negative limit is unlimited", "a b", -1, []string{"a", "b"}, []string{"a", "b"}, []int{1, 3}},
		{"limit above count", "a b", 5, []string{"a", "b"}, []string{"a", "b"}, []int{1, 3}},
		{"cap at 40 bytes, End covers word", long + " x", 0, []string{long[:40], "x"}, []string{long[:40], "x"}, []int{100, 102}},
		{"exact body capped too", longDD, 0, []string{strings.Repeat("d", 30)}, []string{strings.Repeat("d", 40)}, []int{60}},
		{"tone of a cut letter dropped", long[:40] + "á", 0, []string{long[:40]}, []string{long[:40]}, []int{42}},
		{"tone kept beyond exact cap", strings.Repeat("ă", 25) + "á", 0, []string{strings.Repeat("a", 26)}, []string{strings.Repeat("aw", 20) + "s"}, []int{52}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := Tokens(tc.in, tc.limit)
			if got := folds(toks); !equal(got, tc.fold) {
				t.Errorf("folds = %q, want %q", got, tc.fold)
			}
			if got := exacts(toks); !equal(got, tc.exact) {
				t.Errorf("exacts = %q, want %q", got, tc.exact)
			}
			for i, tk := range toks {
				if i < len(tc.ends) && tk.End != tc.ends[i] {
					t.Errorf("token %d End = %d, want %d", i, tk.End, tc.ends[i])
				}
			}
		})
	}
}

func TestHasDiacritics(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"", false},
		{"hoa binh", false},
		{"HOA BINH 2017", false},
		{"hóa", true},
		{"hoá", true},
		{norm.NFD.String("hoá"), true},
		{"công", true},
		{"ăn", true},
		{"ơn", true},
		{"dan", false},
		{"đan", true},
		{"BCĐ", true},
		{"ĐĐ", true},
		{"café", true},
		{"naïve", false},    // diaeresis is not Vietnamese and Exact ignores it
		{"\u0301", false},   // lone mark: no word carries it
		{"a \u0301", false}, // mark after a space belongs to no letter
		{"👍", false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := HasDiacritics(tc.in); got != tc.want {
				t.Errorf("HasDiacritics(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

// TestTokensMatchStrings checks that Tokens, FoldString and ExactString agree.
func TestTokensMatchStrings(t *testing.T) {
	for _, in := range []string{article, norm.NFD.String(article), "", "a", "BCĐ 138"} {
		toks := Tokens(in, 0)
		if got, want := strings.Join(folds(toks), " "), FoldString(in); got != want {
			t.Errorf("joined folds %q != FoldString %q", got, want)
		}
		if got, want := strings.Join(exacts(toks), " "), ExactString(in); got != want {
			t.Errorf("joined exacts %q != ExactString %q", got, want)
		}
	}
}

func TestAllocs(t *testing.T) {
	if testing.Short() {
		t.Skip("allocation count")
	}
	n := testing.AllocsPerRun(100, func() { Tokens(article, 0) })
	if n > 4 {
		t.Errorf("Tokens(article) made %v allocations, want at most 4", n)
	}
	n = testing.AllocsPerRun(100, func() { FoldString(article) })
	if n > 1 {
		t.Errorf("FoldString(article) made %v allocations, want at most 1", n)
	}
	n = testing.AllocsPerRun(100, func() { HasDiacritics("thuy loi dien bien") })
	if n != 0 {
		t.Errorf("HasDiacritics made %v allocations, want 0", n)
	}
}

// checkInvariants verifies the properties every tokenization must have.
func checkInvariants(t *testing.T, s string) {
	t.Helper()
	toks := Tokens(s, 0)
	prevEnd := 0
	for i, tk := range toks {
		if tk.Start < prevEnd || tk.Start >= tk.End || tk.End > len(s) {
			t.Fatalf("%q: token %d bad offsets [%d,%d) after %d", s, i, tk.Start, tk.End, prevEnd)
		}
		prevEnd = tk.End
		if !isASCIIToken(tk.Fold) || len(tk.Fold) > MaxTokenBytes {
			t.Fatalf("%q: token %d bad Fold %q", s, i, tk.Fold)
		}
		if !isASCIIToken(tk.Exact) || len(tk.Exact) > maxExactBytes {
			t.Fatalf("%q: token %d bad Exact %q", s, i, tk.Exact)
		}
		// The original spelling alone gives back the same token.
		sub := s[tk.Start:tk.End]
		if got := Tokens(sub, 0); len(got) != 1 || got[0].Fold != tk.Fold || got[0].Exact != tk.Exact {
			t.Fatalf("%q: token %d %+v, but its span %q gives %+v", s, i, tk, sub, got)
		}
	}
	if utf8.ValidString(s) {
		nfc, nfd := norm.NFC.String(s), norm.NFD.String(s)
		if a, b, c := FoldString(s), FoldString(nfc), FoldString(nfd); a != b || b != c {
			t.Fatalf("%q: FoldString differs: as is %q, NFC %q, NFD %q", s, a, b, c)
		}
		if a, b, c := ExactString(s), ExactString(nfc), ExactString(nfd); a != b || b != c {
			t.Fatalf("%q: ExactString differs: as is %q, NFC %q, NFD %q", s, a, b, c)
		}
	}
}

func isASCIIToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

func TestInvariants(t *testing.T) {
	for _, s := range fuzzSeeds {
		t.Run(s, func(t *testing.T) { checkInvariants(t, s) })
	}
}

// TestRandomInvariants checks the invariants on random strings drawn from
// runes that interact with normalization: Vietnamese letters, combining
// marks in and out of canonical order, ignorables, other scripts.
func TestRandomInvariants(t *testing.T) {
	alphabet := []rune("aAeEoOuUyYdDđĐăâêôơưĂÂÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ" +
		"\u0300\u0301\u0302\u0303\u0306\u0308\u0309\u031b\u0323\u0340\u0341\u0344\u0338\u0345\u20d0" +
		"\u00ad\u200b\u200d\ufeff øǿßﬁＡ１Kйи한ᄀ가中😀=≠.,/-0123456789 \t")
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for range 10000 {
		b.Reset()
		for range rng.IntN(60) {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		checkInvariants(t, b.String())
	}
}

var fuzzSeeds = []string{
	"",
	"Đẩy mạnh công tác chuyển hóa địa bàn",
	"hoá hóa thuỷ thủy khoẻ khỏe",
	"BCĐ 138; 24/10/2017; 115/KH-UBND; 1.234,5",
	"a\u0301\u0323 \u0301 \u0340\u0344",
	"\xff\xfe\xc3\xa9\xc3",
	"👨\u200d👩\u200d👧 中文 Москва 한국 й и\u0306",
	"ﬁ ＡＢＣ ſ ǅ Å K Ω ≠ =\u0338",
	"hóa\u00adhọc\u200b\u200d\ufeff",
	strings.Repeat("đ", 45) + strings.Repeat("ệ", 20),
}

func FuzzTokens(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add(norm.NFD.String(article[:200]))
	f.Fuzz(func(t *testing.T, s string) {
		checkInvariants(t, s)
	})
}

func BenchmarkTokens(b *testing.B) {
	b.Run("nfc", func(b *testing.B) { benchTokens(b, article) })
	b.Run("nfd", func(b *testing.B) { benchTokens(b, norm.NFD.String(article)) })
}

func benchTokens(b *testing.B, text string) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = len(Tokens(text, 0))
	}
	b.ReportMetric(float64(n), "tokens")
}

func BenchmarkFoldString(b *testing.B) {
	b.SetBytes(int64(len(article)))
	b.ReportAllocs()
	for b.Loop() {
		FoldString(article)
	}
}

// article is a synthetic news article of about 800 words.
var article = func() string {
	const para = `Sáng 24/10/2017, Ban Chỉ đạo 138 tỉnh Bạc Liêu tổ chức hội nghị sơ kết công tác phòng, chống tội phạm và đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc. Theo báo cáo số 115/KH-UBND, trong 9 tháng đầu năm, lực lượng công an đã phối hợp với chính quyền địa phương chuyển hóa 12 địa bàn trọng điểm phức tạp về trật tự xã hội, xử lý 1.234 vụ vi phạm, thu giữ tang vật trị giá hơn 2,5 tỷ đồng. Đồng chí Phó Chủ tịch UBND tỉnh đề nghị các sở, ngành tiếp tục tăng cường tuyên truyền, nâng cao ý thức cảnh giác của nhân dân, giữ vững ổn định chính trị, bảo đảm thủy lợi, giao thông và sức khỏe cộng đồng trong mùa mưa bão; đồng thời khen thưởng 25 tập thể, 40 cá nhân có thành tích xuất sắc.
`
	var b strings.Builder
	for len(strings.Fields(b.String())) < 800 {
		b.WriteString(para)
	}
	return b.String()
}()
