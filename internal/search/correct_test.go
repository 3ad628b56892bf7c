package search

import (
	"strings"
	"testing"
)

// testVocabulary is a small site's titles and leads, some written more
// often than others, as a site writes its common words more often.
func testVocabulary() *Vocabulary {
	b := NewVocabBuilder()
	texts := map[string]int{
		"Phát triển kinh tế - xã hội năm 2024":            6,
		"Đẩy mạnh phát triển kinh tế nông nghiệp":         4,
		"Giáo dục và đào tạo: đổi mới căn bản, toàn diện": 3,
		"Ngành giáo dục đào tạo tổng kết năm học":         3,
		"Nông nghiệp công nghệ cao ở Hà Nội":              4,
		"Ứng dụng công nghệ trong sản xuất nông nghiệp":   3,
		"Bảo đảm an ninh trật tự dịp Tết":                 4,
		"Giữ vững an ninh trật tự trên địa bàn":           3,
		"Hà Nội tổ chức hội nghị về an ninh trật tự":      3,
		"Tiêm chủng vắc xin cho trẻ em tại Hà Nội":        3,
		"Từ ngày 1/7, tự động gia hạn bảo hiểm y tế":      2,
		"Chủ nghĩa Mác - Lê-nin và tư tưởng Hồ Chí Minh":  2,
		"Nồi cơm điện, nôi em bé: cảnh báo hàng giả":      1,
		"Thủ tướng chỉ đạo khắc phục hậu quả bão số 3":    2,
		"Thông tin tuyên truyền về chuyển đổi số":         3,
		"Tàu ngầm Kilo": 1,
	}
	for text, n := range texts {
		for range n {
			b.Add(text)
		}
	}
	return b.Build()
}

func TestCorrect(t *testing.T) {
	v := testVocabulary()
	for _, c := range []struct{ q, want string }{
		// A doubled, missing or changed letter, letters swapped.
		{"phat trien kinh tee", "phát triển kinh tế"},
		{"nong ngiep", "nông nghiệp"},
		{"an nin trat tu", "an ninh trật tự"},
		{"nogn nghiep", "nông nghiệp"},
		{"chuyen doi sô", "chuyển đổi số"},
		{"tiem chungg", "tiêm chủng"},
		{"giao duc dao taoo", "giáo dục đào tạo"},
		// Wrong or missing diacritics, on a query typed with them.
		{"Hà Nôi", "Hà Nội"},
		{"giáo duc đao tao", "giáo dục đào tạo"},
		{"nông ngiệp", "nông nghiệp"},
		{"an ninh trât tư", "an ninh trật tự"},
		// The case typed is kept, and what is not a word.
		{"NONG NGIEP", "NÔNG NGHIỆP"},
		{"\"nong ngiep\" 2024", "\"nông nghiệp\" 2024"},
		{"Kinh tee", "Kinh tế"},
	} {
		if got := v.Correct(c.q); got != c.want {
			t.Errorf("Correct(%q) = %q, want %q", c.q, got, c.want)
		}
	}
}

func TestCorrectNothing(t *testing.T) {
	v := testVocabulary()
	for _, q := range []string{
		// Right as typed, with or without diacritics.
		"phát triển kinh tế", "phat trien kinh te", "an ninh trật tự", "nông nghiệp", "Hà Nội",
		"tàu ngầm", "nôi em bé", "Lê-nin",
		// Far from any word, too short, or not words at all.
		"xyzqwv", "qqqq zzzz", "a", "t", "ta", "2024", "115/KH-UBND", "", "   ", "\"", "*", "-", "^",
		"\u0301", "😀", "%ff", "\xff\xfe", "NEAR(", "title:x", "a OR",
	} {
		if got := v.Correct(q); got != "" {
			t.Errorf("Correct(%q) = %q, want none", q, got)
		}
	}
	// 10,000 characters: read as far as a query is, and nothing silly.
	long := strings.Repeat("ư", 10000)
	if got := v.Correct(long); got != "" {
		t.Errorf("Correct(10,000 × ư) = %q, want none", got)
	}
	if got := v.Correct(strings.Repeat("nong ngiep ", 1000)); !strings.HasPrefix(got, "nông nghiệp nông nghiệp") || len(got) > 600 {
		t.Errorf("Correct(1,000 × nong ngiep) = %.80q… (%d bytes)", got, len(got))
	}
	var empty *Vocabulary
	if got := empty.Correct("nong ngiep"); got != "" {
		t.Errorf("nil vocabulary: %q", got)
	}
	if got := NewVocabBuilder().Build().Correct("nong ngiep"); got != "" {
		t.Errorf("empty vocabulary: %q", got)
	}
}

func TestOSA(t *testing.T) {
	for _, c := range []struct {
		a, b string
		max  int
		want int
	}{
		{"nghiep", "nghiep", 2, 0}, {"ngiep", "nghiep", 2, 1}, {"nogn", "nong", 2, 1},
		{"tee", "te", 2, 1}, {"abc", "xyz", 2, 3}, {"a", "abcd", 2, 3}, {"", "ab", 2, 2},
	} {
		if got := osa(c.a, c.b, c.max); got != c.want {
			t.Errorf("osa(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestVocabularyCaps(t *testing.T) {
	b := NewVocabBuilder()
	b.Add("kinh tế")
	b.Add("Kinh Tế")
	b.Add("kinh tê")
	v := b.Build()
	s := v.Stats()
	if s.Words != 3 || s.Folds != 2 || s.Pairs != 2 || s.Syllables != 6 {
		t.Errorf("stats: %+v", s)
	}
	if v.words[v.byWord["tees"]].text != "tế" {
		t.Errorf("tế written %q", v.words[v.byWord["tees"]].text)
	}
}
