package congtin_test

import (
	"strings"
	"testing"

	"github.com/congtin/congtin"
)

// vnBase maps every precomposed Vietnamese letter to its base ASCII
// letter, written out independently of Slugify's Unicode decomposition
// so that the fuzz target checks the folding, not restates it.
var vnBase = func() map[rune]rune {
	m := map[rune]rune{'đ': 'd', 'Đ': 'd'}
	for base, letters := range map[rune]string{
		'a': "àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ",
		'e': "èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ",
		'i': "ìíỉĩịÌÍỈĨỊ",
		'o': "òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ",
		'u': "ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ",
		'y': "ỳýỷỹỵỲÝỶỸỴ",
	} {
		for _, r := range letters {
			m[r] = base
		}
	}
	return m
}()

// FuzzSlugify checks what every slug promises: only a-z, 0-9 and single
// inner hyphens, at most MaxSlugLen bytes, unchanged when slugified again,
// and Vietnamese letters folded to their base letter (đ to d).
func FuzzSlugify(f *testing.F) {
	for _, s := range []string{
		"Đẩy mạnh cải cách hành chính năm 2024",
		"  --Hội nghị -- tổng kết!!  ",
		"ĐẠI HỘI ĐẢNG BỘ TỈNH LẦN THỨ XV, NHIỆM KỲ 2020–2025: THÀNH CÔNG TỐT ĐẸP, ĐOÀN KẾT, DÂN CHỦ, KỶ CƯƠNG, ĐỔI MỚI",
		"e\u0301 combining, ﬁ ligature, ½, Ⅻ, İstanbul",
		"?!…",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		slug := congtin.Slugify(s)
		if slug != "" && !congtin.ValidSlug(slug) {
			t.Fatalf("Slugify(%q) = %q: not a valid slug", s, slug)
		}
		if len(slug) > congtin.MaxSlugLen {
			t.Fatalf("Slugify(%q) = %q: %d bytes, over %d", s, slug, len(slug), congtin.MaxSlugLen)
		}
		if again := congtin.Slugify(slug); again != slug {
			t.Fatalf("Slugify(%q) = %q, but Slugify of that = %q", s, slug, again)
		}
		folded := strings.Map(func(r rune) rune {
			if b, ok := vnBase[r]; ok {
				return b
			}
			return r
		}, s)
		if got := congtin.Slugify(folded); got != slug {
			t.Fatalf("Slugify(%q) = %q, but with its Vietnamese letters folded (%q) = %q", s, slug, folded, got)
		}
	})
}
