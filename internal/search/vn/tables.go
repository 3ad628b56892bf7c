package vn

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Lookup tables for the blocks Vietnamese text lives in, filled from
// classify at start-up so that the hot loop never calls into unicode or norm.
var (
	latin    [0x250]info // Basic Latin through Latin Extended-B (ă đ ơ ư ...)
	marks    [0x70]info  // Combining Diacritical Marks (U+0300–U+036F)
	latinExt [0x100]info // Latin Extended Additional (U+1E00–U+1EFF: ạ ả ấ ầ ...)
)

func init() {
	for r := range latin {
		latin[r] = classify(rune(r))
		latin[r].setSpelling()
	}
	for r := range marks {
		marks[r] = classify(rune(0x300 + r))
	}
	for r := range latinExt {
		latinExt[r] = classify(rune(0x1E00 + r))
		latinExt[r].setSpelling()
	}
}

// special folds letters that have no Unicode decomposition to ASCII.
var special = map[rune]string{
	'đ': "d", 'Đ': "d", // Vietnamese; Exact spells these "dd"
	'ð': "d", 'Ð': "d",
	'ß': "ss", 'ẞ': "ss",
	'æ': "ae", 'Æ': "ae",
	'œ': "oe", 'Œ': "oe",
	'ø': "o", 'Ø': "o",
	'ł': "l", 'Ł': "l",
	'ı': "i",
	'þ': "th", 'Þ': "th",
	'ħ': "h", 'Ħ': "h",
	'ŧ': "t", 'Ŧ': "t",
}

// classify describes rune r. It is used to build the tables and, at run
// time, for runes outside them.
func classify(r rune) info {
	switch {
	case r >= '0' && r <= '9':
		return info{kind: kDigit, n: 1, b: [3]byte{byte(r)}}
	case r >= 'a' && r <= 'z':
		return info{kind: kLetter, n: 1, b: [3]byte{byte(r)}}
	case r >= 'A' && r <= 'Z':
		return info{kind: kLetter, n: 1, b: [3]byte{byte(r - 'A' + 'a')}}
	case r < utf8.RuneSelf:
		return info{}
	}
	if f, ok := special[r]; ok {
		inf := info{kind: kLetter, n: uint8(len(f)), dd: r == 'đ' || r == 'Đ'}
		copy(inf.b[:], f)
		return inf
	}
	switch r {
	case 0x00AD, 0x200C, 0x200D, 0x2060, 0xFEFF:
		// Soft hyphen, zero-width (non-)joiner, word joiner, BOM: invisible
		// and found inside words pasted from word processors.
		return info{kind: kIgnore}
	}

	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)

	if unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me) {
		inf := info{kind: kMark}
		if d := norm.NFD.Properties(buf[:n]).Decomposition(); d != nil {
			// U+0340/U+0341 (grave/acute tone mark) and U+0344 decompose
			// to the ordinary marks.
			for len(d) > 0 {
				m, sz := utf8.DecodeRune(d)
				addMark(&inf, m)
				d = d[sz:]
			}
		} else {
			addMark(&inf, r)
		}
		return inf
	}

	// Canonical decomposition: a base character followed by marks.
	if d := norm.NFD.Properties(buf[:n]).Decomposition(); d != nil {
		base, sz := utf8.DecodeRune(d)
		inf := classify(base)
		if inf.kind == kLetter {
			for d = d[sz:]; len(d) > 0; d = d[sz:] {
				var m rune
				m, sz = utf8.DecodeRune(d)
				addMark(&inf, m)
			}
		}
		return inf
	}

	// Compatibility decomposition of letters and digits that spell plain
	// ASCII: full-width "Ａ" and "１", ligatures "ﬁ", long s "ſ", "ª".
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		d := norm.NFKD.Properties(buf[:n]).Decomposition()
		if d == nil {
			return info{} // a letter of another script
		}
		var inf info
		for len(d) > 0 {
			c, sz := utf8.DecodeRune(d)
			d = d[sz:]
			sub := classify(c)
			switch {
			case sub.kind == kMark && inf.kind == kLetter:
				addMark(&inf, c)
			case sub.kind == kDigit && inf.kind == 0 && len(d) == 0:
				return sub
			case sub.kind == kLetter && (inf.kind == 0 || inf.kind == kLetter) &&
				!sub.dd && int(inf.n)+int(sub.n) <= len(inf.b):
				inf.kind = kLetter
				inf.n += uint8(copy(inf.b[inf.n:], sub.b[:sub.n]))
				inf.vowel |= sub.vowel
				inf.tone |= sub.tone
			default:
				return info{}
			}
		}
		return inf
	}
	return info{}
}

// addMark records the Vietnamese meaning of combining mark m, if any.
func addMark(inf *info, m rune) {
	switch m {
	case 0x0301:
		inf.tone |= tSac
	case 0x0300:
		inf.tone |= tHuyen
	case 0x0309:
		inf.tone |= tHoi
	case 0x0303:
		inf.tone |= tNga
	case 0x0323:
		inf.tone |= tNang
	case 0x0302:
		inf.vowel |= vCircumflex
	case 0x0306:
		inf.vowel |= vBreve
	case 0x031B:
		inf.vowel |= vHorn
	}
}
