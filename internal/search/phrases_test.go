package search

import (
	"slices"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/search/vn"
	"golang.org/x/text/unicode/norm"
)

// phraseVocabulary is a site's titles and leads as phrases are read from
// them: common words written in several contexts, as a real site writes
// them, so that a pair holds together only where a real one does.
func phraseVocabulary() *Vocabulary {
	b := NewVocabBuilder()
	texts := map[string]int{
		"Bảo đảm an ninh trật tự dịp Tết":                6,
		"Giữ vững an ninh trật tự trên địa bàn":          5,
		"Tăng cường an ninh mạng cho doanh nghiệp":       2,
		"Bảo đảm quốc phòng, an ninh quốc gia":           3,
		"An toàn giao thông đường bộ":                    4,
		"Bảo đảm an toàn thực phẩm":                      3,
		"Chính sách an sinh xã hội":                      2,
		"Tỉnh An Giang ra quân":                          1,
		"Phát triển nông nghiệp công nghệ cao":           5,
		"Nông nghiệp công nghệ cao ở Hà Nội":             3,
		"Nông nghiệp sạch cho nông dân":                  2,
		"Ứng dụng công nghệ thông tin trong nông nghiệp": 3,
		"Công nghệ số và nông thôn mới":                  2,
		"Xây dựng nông thôn mới nâng cao":                4,
		"Nông dân sản xuất giỏi":                         2,
		"Thời tiết nóng bức kéo dài":                     2,
		"Trời nóng bức":                                  2,
		"Hà Nội tổ chức hội nghị":                        3,
		"Tổ chức lễ kỷ niệm ngày thành lập":              2,
		"Hội nghị tổng kết công tác năm":                 3,
		"Nghị quyết của Hội đồng nhân dân":               2,
		"Tiêm chủng vắc xin cho trẻ em":                  3,
		"Tiêm chủng mở rộng năm 2024":                    2,
		"Chuyển đổi số trong cơ quan nhà nước":           4,
		"Chuyển giao công nghệ cho nông dân":             2,
		"Người dân được hỗ trợ":                          3,
		"Người lao động có việc làm":                     2,
	}
	for text, n := range texts {
		for range n {
			b.Add(text)
		}
	}
	return b.Build()
}

func TestComplete(t *testing.T) {
	v := phraseVocabulary()
	for _, c := range []struct {
		q    string
		want []string // each among the phrases, in this order
	}{
		// The last syllable being typed, after one typed word.
		{"an ni", []string{"an ninh", "an ninh trật tự"}},
		{"an t", []string{"an toàn"}},
		{"nông ng", []string{"nông nghiệp", "nông nghiệp công nghệ cao"}},
		// Typed without diacritics: written with them.
		{"nong ng", []string{"nông nghiệp", "nông nghiệp công nghệ cao"}},
		{"nong th", []string{"nông thôn mới"}},
		{"chuyen d", []string{"chuyển đổi số"}},
		// One syllable being typed: words it starts.
		{"nôn", []string{"nông nghiệp"}},
		{"tiê", []string{"tiêm chủng"}},
		// Two syllables typed, the second being typed; case kept.
		{"An ninh tr", []string{"An ninh trật tự"}},
		{"NONG NGHIEP C", []string{"NÔNG NGHIỆP CÔNG NGHỆ CAO"}},
		// A finished word (trailing space): what follows it.
		{"an ninh ", []string{"an ninh trật tự"}},
		// With diacritics typed, the words written so first.
		{"nó", []string{"nóng bức"}},
		// NFD input reads as NFC.
		{norm.NFD.String("chuyển đ"), []string{"chuyển đổi số"}},
	} {
		got := v.Complete(c.q)
		if len(got) > MaxPhrases {
			t.Errorf("Complete(%q) = %q: more than %d", c.q, got, MaxPhrases)
		}
		at := -1
		for _, w := range c.want {
			i := slices.Index(got, w)
			if i <= at {
				t.Errorf("Complete(%q) = %q, want %q in that order", c.q, got, c.want)
				break
			}
			at = i
		}
		for _, p := range got {
			if strings.Count(p, " ") < 1 || p != strings.TrimSpace(p) || strings.Contains(p, "  ") {
				t.Errorf("Complete(%q): phrase %q is not two or more words, single-spaced", c.q, p)
			}
		}
	}
}

// TestCompleteShape: what a phrase may not be.
func TestCompleteShape(t *testing.T) {
	v := phraseVocabulary()
	// Never what was typed, with or without diacritics.
	for _, q := range []string{"an ninh", "an ninh trật tự", "an ninh trat tu", "nông nghiệp"} {
		for _, p := range v.Complete(q) {
			if vn.FoldString(p) == vn.FoldString(q) {
				t.Errorf("Complete(%q) gives what was typed: %q", q, p)
			}
		}
	}
	// A syllable that is the second half of a word is not carried on
	// into the next word ("nội tổ chức" from "Hà Nội tổ chức").
	for _, p := range v.Complete("nộ") {
		if strings.HasPrefix(p, "nội tổ") {
			t.Errorf("Complete(%q) gives %q", "nộ", p)
		}
	}
	// Not stopped one syllable short of a word.
	for _, p := range v.Complete("an ninh ") {
		if p == "an ninh trật" {
			t.Errorf("Complete(%q) gives %q", "an ninh ", p)
		}
	}
}

// TestCompleteNothing: nothing to complete gives no phrase, and bad input
// no panic.
func TestCompleteNothing(t *testing.T) {
	v := phraseVocabulary()
	for _, q := range []string{
		// Nothing starts with it, or after the words typed.
		"xyzq", "an xyz", "qqq zzz", "nông nghiệp zz",
		// Not words: numbers, punctuation, symbols, a lone accent, emoji,
		// bytes that are not UTF-8, FTS syntax.
		"2024", "năm 20", "", " ", "   ", "\"", "*", "-", "^", "\u0301", "😀", "%ff", "\xff\xfe", "NEAR(", "a OR", "title:",
		// A sentence, not a phrase.
		"an ninh trật tự trên địa bàn tỉnh được giữ vững trong dịp t",
		// 10,000 characters.
		strings.Repeat("ư", 10000), strings.Repeat("an ", 3000) + "ni",
	} {
		if got := v.Complete(q); len(got) != 0 {
			t.Errorf("Complete(%.40q) = %q, want none", q, got)
		}
	}
	// An empty vocabulary, or none.
	if got := NewVocabBuilder().Build().Complete("an ni"); len(got) != 0 {
		t.Errorf("empty vocabulary: %q", got)
	}
	var none *Vocabulary
	if got := none.Complete("an ni"); len(got) != 0 {
		t.Errorf("nil vocabulary: %q", got)
	}
}

// TestCompleteFollowers: each word's followers are its most frequent,
// in descending count.
func TestCompleteFollowers(t *testing.T) {
	v := phraseVocabulary()
	an := v.byWord["an"]
	var got []string
	for _, f := range v.follow[int(an)*topFollowers : int(an+1)*topFollowers] {
		if f >= 0 {
			got = append(got, v.words[f].text)
		}
	}
	// "an giang" was written once: not enough to carry a phrase on.
	if want := []string{"ninh", "toàn", "sinh"}; !slices.Equal(got, want) {
		t.Errorf("followers of an: %q, want %q", got, want)
	}
}

func BenchmarkComplete(b *testing.B) {
	v := phraseVocabulary()
	for b.Loop() {
		v.Complete("nong ng")
	}
}
