package congtin

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// MaxSlugLen caps generated slugs; long Vietnamese headlines would otherwise
// make unwieldy URLs. The article ID in the URL keeps it unique anyway.
const MaxSlugLen = 80

// Slugify turns a Vietnamese title into a URL slug: diacritics stripped,
// đ/Đ turned into d (Unicode decomposition does not do that one), lower case,
// runs of anything else turned into one hyphen, cut at a word boundary.
// It returns "" when nothing usable is left (a title of only punctuation).
// Invalid UTF-8 separates words: the normalizer stops decomposing at an
// invalid byte, which left the accented letters after it out of the slug.
func Slugify(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFD.String(strings.ToValidUTF8(s, " ")) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue // a combining mark: the tone or vowel mark being stripped
		case r == 'đ' || r == 'Đ':
			r = 'd'
		}
		r = unicode.ToLower(r)
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
			continue
		}
		hyphen = true
	}
	slug := b.String()
	if len(slug) > MaxSlugLen {
		slug = slug[:MaxSlugLen]
		if i := strings.LastIndexByte(slug, '-'); i > MaxSlugLen/2 {
			slug = slug[:i]
		}
		slug = strings.TrimRight(slug, "-")
	}
	return slug
}

// ValidSlug reports whether s is already in slug form.
func ValidSlug(s string) bool {
	if s == "" || len(s) > MaxSlugLen || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') || c == '-' && s[i-1] == '-' {
			return false
		}
	}
	return true
}
