// Package vn turns Vietnamese text into search tokens for a full-text index.
//
// The same code normalizes the indexed text and the reader's query, so both
// sides agree no matter how the text was typed: with or without diacritics,
// with the old ("hoá", "thuỷ") or the new ("hóa", "thủy") tone-mark placement,
// in NFC or NFD, in any case, with "đ" or with a plain "d".
//
// Every token comes in two spellings, both plain ASCII [a-z0-9]+ so that any
// full-text engine (SQLite FTS5, PostgreSQL) can index them unchanged:
//
//   - Fold drops every diacritic and maps đ to d: "Đường" → "duong".
//     A query typed without accents matches through Fold.
//   - Exact keeps every diacritic, spelled Telex-style, with the tone moved
//     to the end of the word: "Đường" → "dduwowngf", "hoá" and "hóa" →
//     "hoas". A query typed with accents can prefer matches through Exact.
//
// The analysis works on the canonical decomposition (NFD) of each rune of
// the original string, so it needs no normalized copy, the result is the
// same for NFC and NFD input, and the reported byte offsets point straight
// into the original text.
package vn

import (
	"strings"
	"unicode/utf8"
)

// MaxTokenBytes caps the length of a token's Fold. Longer words are cut to
// their first MaxTokenBytes folded bytes; Exact is built from the same
// letters, its Telex spelling likewise capped at MaxTokenBytes bytes, plus
// at most five tone letters.
const MaxTokenBytes = 40

// maxExactBytes bounds Exact: capped body plus one letter per tone.
const maxExactBytes = MaxTokenBytes + 5

// Token is one searchable unit of text.
type Token struct {
	// Fold is the word with diacritics removed, đ→d, as lower-case ASCII:
	// "hoa", "thuy", "bcd", "2017".
	Fold string
	// Exact is a tone-placement-independent form that keeps every
	// diacritic, as ASCII: the base letters with the vowel marks spelled
	// out Telex-style (â→aa, ê→ee, ô→oo, ă→aw, ơ→ow, ư→uw, đ→dd), followed
	// by the tone as a final letter s/f/r/x/j (sắc/huyền/hỏi/ngã/nặng),
	// none for the level tone: "hóa" and "hoá" → "hoas", "thủy" and
	// "thuỷ" → "thuyr", "đường" → "dduwowngf", "Bạc" → "bacj". Numbers are
	// kept as they are. When the word has no diacritic, Exact == Fold.
	// A (non-Vietnamese) word with several tone marks gets each distinct
	// tone letter once, in the order s f r x j: "résumé" → "resumes".
	Exact string
	// Start and End are the byte offsets of the token in the original
	// input: text[Start:End] is the word as it was written, including any
	// combining marks of NFD input (useful for highlighting).
	Start, End int
}

// Tokens splits text into tokens.
//
// A token is a maximal run of letters and digits (letters and digits stay
// together: "covid19"); combining marks belong to the letter before them.
// Anything else separates tokens, so "24/10/2017" gives "24", "10", "2017",
// "115/KH-UBND" gives "115", "kh", "ubnd" and "1.234,5" gives "1", "234",
// "5". Lone combining marks, emoji, symbols, invalid UTF-8 bytes and letters
// of scripts that have no ASCII folding (Cyrillic, CJK, ...) produce no
// tokens. Invisible format characters inside a word (soft hyphen, zero-width
// joiners, word joiner, BOM) are skipped without splitting it.
//
// Each token's Fold is capped at MaxTokenBytes bytes (the rest of the word
// is dropped, End still covers the whole word). limit caps the number of
// tokens returned; 0 (or a negative number) means no limit.
//
// The token strings share memory with each other and, for words that are
// already plain lower-case ASCII, with text itself.
func Tokens(text string, limit int) []Token {
	if limit < 0 {
		limit = 0
	}
	// Estimate: Vietnamese averages five to six UTF-8 bytes per syllable
	// including the space; append grows the slice if the guess is short.
	n := len(text)/5 + 1
	if limit > 0 && n > limit {
		n = limit
	}
	toks := make([]Token, 0, n)

	// Fold and Exact strings are substrings of text (for plain lower-case
	// ASCII words) or of the builder's contents.
	// Builder.String does not copy, and bytes once written never change
	// (growing moves later writes to a new array, the old one stays valid),
	// so each token can take its substrings right away.
	var b strings.Builder
	grow := len(text) + len(text)/2 + 8
	if limit > 0 && grow > limit*(MaxTokenBytes+maxExactBytes) {
		grow = limit * (MaxTokenBytes + maxExactBytes)
	}
	b.Grow(grow)

	sc := scanner{s: text}
	for (limit == 0 || len(toks) < limit) && sc.next() {
		tok := Token{Start: sc.start, End: sc.end}
		fold, exact := sc.fold[:sc.nf], sc.exact[:sc.ne]
		if orig := text[sc.start:sc.end]; orig == string(fold) && orig == string(exact) {
			// Plain lower-case ASCII word: share the input's bytes.
			tok.Fold, tok.Exact = orig, orig
		} else {
			f0 := b.Len()
			b.Write(fold)
			tok.Fold = b.String()[f0:]
			tok.Exact = tok.Fold
			if string(exact) != tok.Fold {
				e0 := b.Len()
				b.Write(exact)
				tok.Exact = b.String()[e0:]
			}
		}
		toks = append(toks, tok)
	}
	return toks
}

// FoldString returns the Fold forms of all tokens of text joined by single
// spaces: "Đẩy mạnh công tác" → "day manh cong tac". It is meant for
// building the accent-insensitive index column and query.
func FoldString(text string) string {
	return joinTokens(text, false)
}

// ExactString returns the Exact forms of all tokens of text joined by single
// spaces: "Đẩy mạnh công tác" → "ddaayr manhj coong tacs". It is meant for
// building the accent-sensitive index column and query.
func ExactString(text string) string {
	return joinTokens(text, true)
}

func joinTokens(text string, exact bool) string {
	var b strings.Builder
	sc := scanner{s: text}
	for sc.next() {
		if b.Len() == 0 {
			// First token: size the builder for the whole result.
			b.Grow(len(text) + len(text)/2 + 8)
		} else {
			b.WriteByte(' ')
		}
		if exact {
			b.Write(sc.exact[:sc.ne])
		} else {
			b.Write(sc.fold[:sc.nf])
		}
	}
	return b.String()
}

// HasDiacritics reports whether s contains any Vietnamese diacritic — a tone
// mark, a vowel mark (â ê ô ă ơ ư) or đ — on a letter of some word, i.e.
// whether the user typed accents and the ranker should prefer Exact matches.
// It is true exactly when some token of s has Exact != Fold, so marks that
// Exact does not record (a lone combining mark, the circumflex of French
// "û", a diaeresis) do not count, while a tone mark on any Latin letter
// ("café") does.
func HasDiacritics(s string) bool {
	sc := scanner{s: s}
	for sc.next() {
		if string(sc.exact[:sc.ne]) != string(sc.fold[:sc.nf]) {
			return true
		}
	}
	return false
}

// Kinds of runes.
const (
	kSep    uint8 = iota // ends a token; ignored outside one
	kLetter              // letter with an ASCII folding
	kDigit               // ASCII (or full-width) digit
	kMark                // combining mark: belongs to the letter before it
	kIgnore              // invisible format character: skipped inside a word
)

// Vowel-mark bits.
const (
	vCircumflex uint8 = 1 << iota // â ê ô
	vBreve                        // ă
	vHorn                         // ơ ư
)

// Tone bits, in the order their letters are appended to Exact.
const (
	tSac   uint8 = 1 << iota // acute, s
	tHuyen                   // grave, f
	tHoi                     // hook above, r
	tNga                     // tilde, x
	tNang                    // dot below, j
)

const toneLetters = "sfrxj"

// info describes one rune after canonical decomposition.
type info struct {
	kind  uint8
	n     uint8   // number of folded bytes in b (letters and digits)
	b     [3]byte // folded lower-case ASCII: "a", "d", "ss", "ffi"
	dd    bool    // đ/Đ: Exact spells it "dd"
	vowel uint8   // vowel-mark bits carried by the rune
	tone  uint8   // tone bits carried by the rune
	ne    uint8   // number of bytes in e
	e     [4]byte // Telex spelling for Exact, without the tone: "aa", "dd"
}

// setSpelling fills e from b, dd and vowel: â→aa, ê→ee, ô→oo, ă→aw, ơ→ow,
// ư→uw, đ→dd. Vowel marks on other letters (û, ĭ) are not spelled.
func (p *info) setSpelling() {
	n := int(p.n)
	m := copy(p.e[:], p.b[:n])
	if p.kind != kLetter {
		// Digits are kept as they are.
	} else if p.dd {
		p.e[m] = 'd'
		m++
	} else if n == 1 {
		if t := telex(p.b[0], p.vowel); t != 0 {
			p.e[m] = t
			m++
		}
	}
	p.ne = uint8(m)
}

// telex returns the letter that spells vowel marks v on letter c (the
// second letter of "aa", "aw", "ee", "oo", "ow", "uw"), or 0 if none.
func telex(c byte, v uint8) byte {
	switch {
	case v&vCircumflex != 0 && (c == 'a' || c == 'e' || c == 'o'):
		return c
	case v&vBreve != 0 && c == 'a', v&vHorn != 0 && (c == 'o' || c == 'u'):
		return 'w'
	}
	return 0
}

// scanner walks a string once, rune by rune, producing one token per call
// to next in its fold and exact buffers.
type scanner struct {
	s     string
	i     int // next byte to look at
	start int // offsets of the last token
	end   int

	nf, ne int // bytes used in fold and exact
	fold   [MaxTokenBytes]byte
	exact  [maxExactBytes]byte
}

// next advances to the next token. It reports false at the end of input.
func (sc *scanner) next() bool {
	s := sc.s
	i := sc.i

	// Skip separators, lone marks and ignorables up to the first letter or
	// digit.
	var (
		inf  *info
		tmp  info // classification of a rune outside the tables
		size = 1
	)
	for {
		if i >= len(s) {
			sc.i = i
			return false
		}
		if c := s[i]; c < utf8.RuneSelf {
			inf, size = &latin[c], 1
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			inf = lookup(r, size, &tmp)
		}
		if inf.kind == kLetter || inf.kind == kDigit {
			break
		}
		i += size
	}
	sc.start = i

	var (
		fold      = &sc.fold
		exact     = &sc.exact
		nf, ne    int
		tones     uint8 // tone bits of the kept letters
		cut       bool  // Fold is full: drop the rest of the word
		exactFull bool  // Exact is full: spell no further letters

		// The last letter, which the combining marks after it belong to.
		inLetter bool  // marks count: the last base was a kept letter
		lpos     int   // its spelling starts at exact[lpos]; -1 if not spelled
		curBase  byte  // its folded form if a single letter other than đ, else 0
		curVowel uint8 // its vowel marks seen so far
		end      int
	)
	for {
		// inf and size describe the rune at i, which belongs to the token.
		switch inf.kind {
		case kLetter, kDigit:
			inLetter = false
			if !cut {
				n := int(inf.n)
				if nf+n > MaxTokenBytes {
					cut = true
				} else {
					for k := 0; k < n; k++ {
						fold[nf+k] = inf.b[k]
					}
					nf += n
					if inf.kind == kLetter {
						inLetter = true
						tones |= inf.tone
						curBase, curVowel = 0, inf.vowel
						if n == 1 && !inf.dd {
							curBase = inf.b[0]
						}
					}
					lpos = -1
					if m := int(inf.ne); !exactFull && ne+m > MaxTokenBytes {
						exactFull = true
					} else if !exactFull {
						lpos = ne
						for k := 0; k < m; k++ {
							exact[ne+k] = inf.e[k]
						}
						ne += m
					}
				}
			}
		case kMark:
			if inLetter {
				tones |= inf.tone
				if inf.vowel&^curVowel != 0 && lpos >= 0 && curBase != 0 {
					// A vowel mark of NFD input: respell the letter.
					curVowel |= inf.vowel
					if t := telex(curBase, curVowel); t != 0 {
						ne = lpos
						if ne+2 > MaxTokenBytes {
							exactFull = true
							lpos = -1
						} else {
							exact[ne] = curBase
							exact[ne+1] = t
							ne += 2
						}
					}
				}
			}
		}
		if inf.kind != kIgnore {
			end = i + size
		}
		i += size

		// Fast path: ASCII letters and digits.
		for i < len(s) {
			c := s[i]
			if c-'A' < 26 {
				c += 'a' - 'A'
			} else if c-'a' >= 26 && c-'0' >= 10 {
				break
			}
			i++
			end = i
			inLetter = false
			if cut {
				continue
			}
			if nf == MaxTokenBytes {
				cut = true
				continue
			}
			fold[nf] = c
			nf++
			if c >= 'a' {
				inLetter = true
				curBase, curVowel = c, 0
			}
			lpos = -1
			if !exactFull {
				if ne == MaxTokenBytes {
					exactFull = true
				} else {
					lpos = ne
					exact[ne] = c
					ne++
				}
			}
		}

		if i >= len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf {
			inf, size = &latin[c], 1
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			inf = lookup(r, size, &tmp)
		}
		if inf.kind == kSep {
			break
		}
	}

	for t := 0; t < len(toneLetters); t++ {
		if tones&(1<<t) != 0 {
			exact[ne] = toneLetters[t]
			ne++
		}
	}
	sc.nf, sc.ne = nf, ne
	sc.end = end
	sc.i = i
	return true
}

// lookup classifies a decoded non-ASCII rune: a pointer into the tables,
// or to tmp, filled by classify.
func lookup(r rune, size int, tmp *info) *info {
	switch {
	case r == utf8.RuneError && size == 1:
		*tmp = info{} // invalid byte: separator
	case r < rune(len(latin)):
		return &latin[r]
	case r >= 0x300 && r < 0x370:
		return &marks[r-0x300]
	case r >= 0x1E00 && r < 0x1F00:
		return &latinExt[r-0x1E00]
	default:
		*tmp = classify(r)
		tmp.setSpelling()
	}
	return tmp
}
