package docfile

import (
	"regexp"
	"strings"
)

// A PDF laid out with justified lines places each glyph itself, and
// pdftotext sometimes reads the gap before a glyph with a stacked mark as
// a space: "chịu" comes out "ch ịu", and a search for "chịu trách nhiệm"
// misses the file. No Vietnamese word is made of consonants only, so a
// lower-case run of consonants that is a syllable's onset, followed by a
// space and lower-case letters starting with a vowel, is one syllable
// split in two: rejoinSyllables joins it. Capitals are left alone
// ("TP Hồ Chí Minh", "UBND ấp").
var splitSyllable = regexp.MustCompile(`(^|[^\pL\pM])([bcdđghklmnpqrstvx]{1,3}|[BCDĐGHKLMNPQRSTVX][bcdđghklmnpqrstvx]{0,2}) ([aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ][\pL]*)`)

// onsets are the consonant clusters a Vietnamese syllable starts with.
var onsets = map[string]bool{
	"b": true, "c": true, "ch": true, "d": true, "đ": true, "g": true, "gh": true, "gi": true, "h": true, "k": true,
	"kh": true, "l": true, "m": true, "n": true, "ng": true, "ngh": true, "nh": true, "p": true, "ph": true, "q": true,
	"r": true, "s": true, "t": true, "th": true, "tr": true, "v": true, "x": true,
}

// rejoinSyllables joins the syllables pdftotext split after their onset.
func rejoinSyllables(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	return splitSyllable.ReplaceAllStringFunc(s, func(m string) string {
		sub := splitSyllable.FindStringSubmatch(m)
		if !onsets[strings.ToLower(sub[2])] || len([]rune(sub[3])) > 6 {
			return m
		}
		return sub[1] + sub[2] + sub[3]
	})
}
