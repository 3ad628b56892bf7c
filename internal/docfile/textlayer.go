package docfile

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A PDF page's text layer is not always its text. A scan has none, or
// only a page number a scanner stamped; a font embedded without a
// ToUnicode map gives its glyph numbers, which pdftotext writes as
// punctuation, control or private-use characters, or letters that form no
// syllable. Such a page goes to OCR, and its "text" must not go into the
// index.

// minPageLetters is the fewest letters a page's text layer needs to be
// kept instead of read again by OCR: a page number, a header or a stamp's
// caption alone is less.
const minPageLetters = 20

// NeedsOCR reports that a page's extracted text (one page of PDFPages) is
// not worth keeping as it is: it has fewer than 20 letters, or it does not
// read as Vietnamese or other Latin-script text (plausibleText).
func NeedsOCR(page string) bool {
	letters := 0
	for _, r := range page {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters < minPageLetters || !plausibleText(page)
}

// plausibleText reports text that reads as words of a Latin-script
// language, Vietnamese first:
//   - hardly any characters no text has: control characters other than
//     line and page breaks, private-use code points, U+FFFD, which is
//     what glyph numbers read as characters look like;
//   - most characters in words of two or more, mostly letters or digits
//     (a CID font's codes read one byte at a time give single stray
//     characters);
//   - most words' letters Latin and forming a syllable, that is holding a
//     vowel ("Điều", "văn", "UBND"), not runs like "Ñ×ç" or "qxzt".
func plausibleText(s string) bool {
	var inWords, all, odd, words, syllables int
	for _, r := range s {
		if oddRune(r) {
			odd++
		}
	}
	for _, w := range strings.Fields(s) {
		n := utf8.RuneCountInString(w)
		all += n
		letters := 0
		for _, r := range w {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				letters++
			}
		}
		if n >= 2 && letters*2 > n {
			inWords += n
		}
		if strings.ContainsFunc(w, unicode.IsLetter) {
			words++
			if syllable(w) {
				syllables++
			}
		}
	}
	return all > 0 && odd*50 <= all && inWords*10 >= all*7 && syllables*10 >= words*7
}

// oddRune reports a character that ordinary text does not hold.
func oddRune(r rune) bool {
	switch {
	case r == '\n' || r == '\t' || r == '\r' || r == PageBreak:
		return false
	case unicode.IsControl(r), r == utf8.RuneError,
		unicode.Is(unicode.Co, r), // private use: a symbol font's glyphs
		r >= 0xFFF0 && r <= 0xFFFF:
		return true
	}
	return false
}

// syllable reports a word whose letters are all Latin and which holds a
// vowel once its marks are taken off ("Nghị" → "nghi").
func syllable(w string) bool {
	vowel := false
	for _, r := range norm.NFD.String(w) {
		switch {
		case unicode.Is(unicode.Mn, r), !unicode.IsLetter(r):
		case !unicode.Is(unicode.Latin, r):
			return false
		case strings.ContainsRune("aeiouyAEIOUY", r):
			vowel = true
		}
	}
	return vowel
}

// Notes of an extraction whose text layer was, in part or in whole, not
// text.
const (
	NoteGarbled      = "Chữ trong tệp PDF không đọc được (phông chữ không kèm bảng mã Unicode); tìm kiếm theo số, ký hiệu và trích yếu."
	NoteGarbledPages = "Một số trang của tệp PDF có chữ không đọc được (phông chữ không kèm bảng mã Unicode); các trang đó chưa được đưa vào tìm kiếm."
)

// dropGarbled empties the pages whose text layer is not blank but does
// not read as text (stray punctuation is what a simple font's subset codes
// give without ToUnicode), so glyph numbers never reach the index, and returns how
// many it emptied. A page's place is kept: page numbers still count from
// the first page.
func dropGarbled(pages []string) int {
	n := 0
	for i, p := range pages {
		if strings.TrimSpace(p) != "" && !plausibleText(p) {
			pages[i] = ""
			n++
		}
	}
	return n
}
