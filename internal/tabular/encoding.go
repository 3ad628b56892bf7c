package tabular

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Encodings a table's text is found in.
const (
	UTF8        = "UTF-8"
	UTF8BOM     = "UTF-8 (BOM)"
	Windows1258 = "Windows-1258"
	TCVN3       = "TCVN3"
)

var bom = []byte{0xEF, 0xBB, 0xBF}

// Detect tells the encoding of a text from its first bytes, which need not
// end on a character's boundary. UTF-8 is taken when the bytes are valid
// UTF-8 (with or without a byte-order mark); otherwise the two legacy
// Vietnamese encodings offices still export, Windows-1258 (base letters
// followed by combining tone marks) and TCVN3 (ABC, one byte per toned
// lower-case letter), are both tried and the one whose words look like
// Vietnamese wins, Windows-1258 on a tie.
func Detect(head []byte) string {
	if bytes.HasPrefix(head, bom) {
		return UTF8BOM
	}
	if validPrefix(head) || mostlyUTF8(head) {
		return UTF8
	}
	if oddness(decode1258(head)) > oddness(decodeTCVN3(head)) {
		return TCVN3
	}
	return Windows1258
}

// mostlyUTF8 reports text whose non-ASCII bytes are mostly valid UTF-8
// sequences: a table pasted together from files of two encodings (mixed)
// is read as UTF-8, its few legacy bytes shown as U+FFFD, rather than all
// its Unicode text garbled as a legacy encoding.
func mostlyUTF8(b []byte) bool {
	valid, invalid := 0, 0
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && n <= 1:
			invalid++
		case n > 1:
			valid++
		}
		b = b[max(n, 1):]
	}
	return valid > 2*invalid
}

// validPrefix reports UTF-8 but for a character cut off at the end.
func validPrefix(b []byte) bool {
	for i := 0; i < 3 && len(b) > 0 && !utf8.Valid(b); i++ {
		b = b[:len(b)-1]
	}
	return utf8.Valid(b)
}

// Decode converts bytes of a detected encoding to UTF-8 in NFC; invalid
// UTF-8 becomes U+FFFD.
func Decode(b []byte, enc string) string {
	switch enc {
	case UTF8BOM:
		return norm.NFC.String(string(bytes.ToValidUTF8(bytes.TrimPrefix(b, bom), []byte("\uFFFD"))))
	case Windows1258:
		return decode1258(b)
	case TCVN3:
		return decodeTCVN3(b)
	}
	return norm.NFC.String(string(bytes.ToValidUTF8(b, []byte("\uFFFD"))))
}

func decode1258(b []byte) string {
	s, _ := charmap.Windows1258.NewDecoder().Bytes(b)
	return norm.NFC.String(string(s))
}

func decodeTCVN3(b []byte) string {
	var out []rune
	for _, c := range b {
		if r := tcvn3[c]; r != 0 {
			out = append(out, r)
		} else {
			out = append(out, rune(c))
		}
	}
	return norm.NFC.String(string(out))
}

// oddness counts what a right decoding of Vietnamese text does not give:
// a symbol of Latin-1's upper half (µ, ¶, ×…) inside a word, a combining
// mark left after composing (a tone on a consonant), or a word with two
// toned vowels.
func oddness(s string) int {
	n := 0
	tones := 0
	prevLetter := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			n++
		case unicode.IsLetter(r):
			if toned(r) {
				tones++
				if tones > 1 {
					n++
				}
			}
			prevLetter = true
			continue
		case r >= 0xA0 && r <= 0xBF || r == 0xD7 || r == 0xF7:
			if prevLetter {
				n++
			}
		}
		tones, prevLetter = 0, false
	}
	return n
}

// toned reports a letter with a tone mark (huyền, hỏi, ngã, sắc, nặng).
func toned(r rune) bool {
	for _, m := range norm.NFD.String(string(r)) {
		switch m {
		case 0x300, 0x301, 0x303, 0x309, 0x323:
			return true
		}
	}
	return false
}
