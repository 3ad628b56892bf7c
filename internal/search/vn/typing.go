package vn

import (
	"strings"
	"unicode"
)

// Typing names an input method whose raw keystrokes a query may hold: a
// reader whose Vietnamese keyboard was switched off types "chuyeenr hoas"
// (Telex) or "chuye63n ho1a" (VNI) for "chuyển hóa".
type Typing string

// The input methods Decode recognizes.
const (
	Telex Typing = "telex"
	VNI   Typing = "vni"
)

// Decode reads q as the keystrokes of an input method and returns the
// Vietnamese text they type, with the method, or "" and "" when q does not
// read cleanly as exactly one of them.
//
// q is never decoded when it has any diacritic (the reader's keyboard
// works), when no word changes, or when Telex and VNI would both change
// something (a query mixing both is not a typing slip but something else).
// Word by word, see DecodeTelex and DecodeVNI.
func Decode(q string) (string, Typing) {
	if HasDiacritics(q) {
		return "", ""
	}
	t, okT := DecodeTelex(q)
	v, okV := DecodeVNI(q)
	switch {
	case okT && !okV:
		return t, Telex
	case okV && !okT:
		return v, VNI
	}
	return "", ""
}

// DecodeTelex returns q with each word typed in Telex replaced by the
// syllable it types, and whether any word was. Words are runs of ASCII
// letters and digits; everything else is kept as it is.
//
// Telex keys: aa ee oo (â ê ô), aw ow uw and w alone (ă ơ ư; "uow" and
// "uwow" give ươ, "uaw" gives ưa except after q), dd (đ, as the first
// letters), the tones s f r x j (sắc huyền hỏi ngã nặng), typed anywhere
// after the first vowel, and z, which removes the tone. A key typed twice
// undoes itself as Telex keyboards do ("ass" → "as", "aaa" → "aa"), which
// leaves a word that is not a syllable.
//
// A word is replaced only when it holds a key and what it types is one
// valid Vietnamese syllable (see syllable); every other word is kept as
// typed: words with digits ("covid19", "2024"), words with no key ("ubnd",
// "covid", "chung"), words that are plainly not Telex ("internet"), and
// words with two different tones, which typists do not type.
func DecodeTelex(q string) (string, bool) {
	return decodeWords(q, false)
}

// DecodeVNI is DecodeTelex for VNI: digits after the letters are the keys,
// 1–5 the tones (sắc huyền hỏi ngã nặng), 0 removes the tone, 6 the
// circumflex (â ê ô), 7 the horn (ơ ư; "uo7" gives ươ), 8 the breve (ă)
// and 9 the stroke of a first d (đ). Words without digits, and numbers,
// are kept as typed.
func DecodeVNI(q string) (string, bool) {
	return decodeWords(q, true)
}

func decodeWords(q string, vni bool) (string, bool) {
	var b strings.Builder
	changed := false
	for i := 0; i < len(q); {
		if !isWordByte(q[i]) {
			b.WriteByte(q[i])
			i++
			continue
		}
		j := i
		for j < len(q) && isWordByte(q[j]) {
			j++
		}
		w := q[i:j]
		if s, ok := decodeWord(w, vni); ok {
			b.WriteString(s)
			changed = true
		} else {
			b.WriteString(w)
		}
		i = j
	}
	if !changed {
		return "", false
	}
	return b.String(), true
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// letter is one letter of a word being decoded: lower case, with its vowel
// mark (â ă ơ đ …) but no tone, and whether it was typed in capitals.
type letter struct {
	r     rune
	upper bool
}

const vowels = "aăâeêioôơuưy"

func isVowel(r rune) bool { return strings.ContainsRune(vowels, r) }

// Vowel marks, as functions of the plain letter.
var (
	circumflex = map[rune]rune{'a': 'â', 'e': 'ê', 'o': 'ô'}
	horn       = map[rune]rune{'o': 'ơ', 'u': 'ư'}
	breve      = map[rune]rune{'a': 'ă'}
	plain      = map[rune]rune{'â': 'a', 'ê': 'e', 'ô': 'o', 'ơ': 'o', 'ư': 'u', 'ă': 'a', 'đ': 'd'}
)

// base is r without its vowel mark.
func base(r rune) rune {
	if p, ok := plain[r]; ok {
		return p
	}
	return r
}

// word is the state of decoding one word.
type word struct {
	ls   []letter
	tone int // 0, or 1–5: sắc huyền hỏi ngã nặng
	key  bool
	bad  bool // a second tone: not something a typist types
}

func (w *word) hasVowel() bool {
	for _, l := range w.ls {
		if isVowel(l.r) {
			return true
		}
	}
	return false
}

// run returns the last run of vowels, [s, e); s == e when there is none.
// A u after q is part of the onset ("qu"), not of the run.
func (w *word) run() (int, int) {
	e := len(w.ls)
	for e > 0 && !isVowel(w.ls[e-1].r) {
		e--
	}
	s := e
	for s > 0 && isVowel(w.ls[s-1].r) {
		s--
	}
	if s < e && base(w.ls[s].r) == 'u' && s > 0 && w.ls[s-1].r == 'q' {
		s++
	}
	return s, e
}

func (w *word) add(r rune, upper bool) { w.ls = append(w.ls, letter{r, upper}) }

// setTone applies tone key t (1–5) typed as c.
func (w *word) setTone(t int, c byte) {
	switch w.tone {
	case 0:
		w.tone, w.key = t, true
	case t:
		// Typed twice: undone, and the key is a letter.
		w.tone = 0
		w.add(rune(c|0x20), c < 'a')
	default:
		w.bad = true
	}
}

// mark puts a vowel mark on the last run: for each candidate pattern in
// order, the first letter of the run it fits. It reports false when none
// fits. A mark already there is undone (and the key becomes a letter).
func (w *word) mark(m map[rune]rune, c byte) bool {
	s, e := w.run()
	for i := e - 1; i >= s; i-- {
		r := w.ls[i].r
		if n, ok := m[r]; ok {
			w.ls[i].r = n
			w.key = true
			return true
		}
		if b := base(r); b != r && m[b] == r {
			w.ls[i].r = b
			w.add(rune(c|0x20), c < 'a')
			return true
		}
	}
	return false
}

// hornUO marks "uo" in the last run as "ươ", the horn keys' first choice.
func (w *word) hornUO() bool {
	s, e := w.run()
	for i := s; i+1 < e; i++ {
		u, o := w.ls[i].r, w.ls[i+1].r
		if (u == 'u' || u == 'ư') && (o == 'o' || o == 'ơ') && !(u == 'ư' && o == 'ơ') {
			w.ls[i].r, w.ls[i+1].r = 'ư', 'ơ'
			w.key = true
			return true
		}
	}
	return false
}

// decodeWord decodes one word; ok is false when it is kept as typed.
func decodeWord(in string, vni bool) (string, bool) {
	var w word
	for i := 0; i < len(in) && !w.bad; i++ {
		c := in[i]
		up := c >= 'A' && c <= 'Z'
		l := rune(c | 0x20)
		if c >= '0' && c <= '9' {
			if !vni {
				return "", false // numbers and words with digits
			}
			w.vniKey(c)
			continue
		}
		if vni {
			w.add(l, up)
			continue
		}
		w.telexKey(l, up, c)
	}
	if w.bad || !w.key {
		return "", false
	}
	return w.syllable()
}

func (w *word) telexKey(l rune, up bool, c byte) {
	n := len(w.ls)
	switch {
	case strings.ContainsRune("sfrxj", l) && w.hasVowel():
		w.setTone(strings.IndexRune("sfrxj", l)+1, c)
	case l == 'z' && w.tone != 0:
		w.tone, w.key = 0, true
	case l == 'd' && n == 1 && w.ls[0].r == 'd':
		w.ls[0].r, w.key = 'đ', true
	case l == 'd' && n == 1 && w.ls[0].r == 'đ':
		w.ls[0].r = 'd'
		w.add(l, up)
	case (l == 'a' || l == 'e' || l == 'o') && n > 0 && w.ls[n-1].r == l:
		w.ls[n-1].r, w.key = circumflex[l], true
	case (l == 'a' || l == 'e' || l == 'o') && n > 0 && w.ls[n-1].r == circumflex[l]:
		w.ls[n-1].r = l
		w.add(l, up)
	case l == 'w':
		if w.hornUO() {
			return
		}
		s, e := w.run()
		if s == e {
			// A lone w types ư: "tw" → "tư", "wf" → "ừ".
			w.add('ư', up)
			w.key = true
			return
		}
		// "uaw" is "ưa" (the breve on a after u is "quă" only), then
		// ă, ơ, ư in this order.
		for i := s; i+1 < e; i++ {
			if w.ls[i].r == 'u' && w.ls[i+1].r == 'a' {
				w.ls[i].r, w.key = 'ư', true
				return
			}
		}
		if !w.mark(breve, c) && !w.mark(horn, c) {
			w.add(l, up)
		}
	default:
		w.add(l, up)
	}
}

func (w *word) vniKey(c byte) {
	switch {
	case c >= '1' && c <= '5' && w.hasVowel():
		w.setTone(int(c-'0'), c)
	case c == '0' && w.tone != 0:
		w.tone, w.key = 0, true
	case c == '6' && w.mark(circumflex, c):
	case c == '7' && (w.hornUO() || w.mark(horn, c)):
	case c == '8' && w.mark(breve, c):
	case c == '9' && len(w.ls) > 0 && w.ls[0].r == 'd':
		w.ls[0].r, w.key = 'đ', true
	default:
		w.add(rune(c), false) // a digit left in the word: not a syllable
	}
}

// syllable validates the decoded letters as one Vietnamese syllable and
// spells it with its tone, in NFC and in the typed case.
func (w *word) syllable() (string, bool) {
	rs := make([]rune, len(w.ls))
	for i, l := range w.ls {
		rs[i] = l.r
	}
	rhyme := split(rs, w.tone)
	if rhyme < 0 {
		return "", false
	}
	if w.tone != 0 {
		i := rhyme + toneVowel(rs[rhyme:])
		rs[i] = toned[rs[i]][w.tone-1]
	}
	for i, l := range w.ls {
		if l.upper {
			rs[i] = unicode.ToUpper(rs[i])
		}
	}
	return string(rs), true
}

// toned gives each vowel with the tones sắc, huyền, hỏi, ngã, nặng, all
// precomposed (NFC).
var toned = map[rune][5]rune{
	'a': {'á', 'à', 'ả', 'ã', 'ạ'},
	'ă': {'ắ', 'ằ', 'ẳ', 'ẵ', 'ặ'},
	'â': {'ấ', 'ầ', 'ẩ', 'ẫ', 'ậ'},
	'e': {'é', 'è', 'ẻ', 'ẽ', 'ẹ'},
	'ê': {'ế', 'ề', 'ể', 'ễ', 'ệ'},
	'i': {'í', 'ì', 'ỉ', 'ĩ', 'ị'},
	'o': {'ó', 'ò', 'ỏ', 'õ', 'ọ'},
	'ô': {'ố', 'ồ', 'ổ', 'ỗ', 'ộ'},
	'ơ': {'ớ', 'ờ', 'ở', 'ỡ', 'ợ'},
	'u': {'ú', 'ù', 'ủ', 'ũ', 'ụ'},
	'ư': {'ứ', 'ừ', 'ử', 'ữ', 'ự'},
	'y': {'ý', 'ỳ', 'ỷ', 'ỹ', 'ỵ'},
}

// onsets are the initial consonants of Vietnamese syllables ("qu" and
// "gi" are handled by split).
var onsets = set("", "b", "c", "ch", "d", "đ", "g", "gh", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
	"nh", "p", "ph", "r", "s", "t", "th", "tr", "v", "x")

// rhymes are the rhymes (vần) of Vietnamese syllables, without the tone.
var rhymes = set(
	"a", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at", "au", "ay",
	"ăc", "ăm", "ăn", "ăng", "ăp", "ăt",
	"âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây",
	"e", "ec", "em", "en", "eng", "eo", "ep", "et",
	"ê", "êch", "êm", "ên", "ênh", "êp", "êt", "êu",
	"i", "ia", "ich", "im", "in", "inh", "ip", "it", "iu",
	"iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu",
	"y", "yêm", "yên", "yêng", "yêt", "yêu",
	"o", "oc", "oi", "om", "on", "ong", "op", "ot", "ooc", "oong",
	"ô", "ôc", "ôi", "ôm", "ôn", "ông", "ôp", "ôt",
	"ơ", "ơi", "ơm", "ơn", "ơp", "ơt",
	"u", "ua", "uc", "ui", "um", "un", "ung", "up", "ut",
	"uôc", "uôi", "uôm", "uôn", "uông", "uôt",
	"ư", "ưa", "ưc", "ưi", "ưm", "ưn", "ưng", "ưt", "ưu",
	"ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu",
	"oa", "oac", "oach", "oai", "oam", "oan", "oang", "oanh", "oao", "oap", "oat", "oay",
	"oăc", "oăm", "oăn", "oăng", "oăt",
	"oe", "oen", "oeo", "oet",
	"uân", "uâng", "uât", "uây",
	"uê", "uêch", "uênh", "uơ",
	"uy", "uya", "uych", "uyn", "uynh", "uyp", "uyt", "uyu", "uyên", "uyêt",
)

func set(ss ...string) map[string]bool {
	m := make(map[string]bool, len(ss))
	for _, s := range ss {
		m[s] = true
	}
	return m
}

// split checks that rs (lower case, no tone) is onset + rhyme with the
// spelling rules of Vietnamese (c/k, g/gh, ng/ngh, qu, gi) and that a
// rhyme ending in p, t, c or ch has the tone sắc or nặng, as every such
// syllable does. It returns where the rhyme starts, or -1.
func split(rs []rune, tone int) int {
	i := 0
	for i < len(rs) && !isVowel(rs[i]) {
		i++
	}
	if i == len(rs) {
		return -1
	}
	on, rh := string(rs[:i]), string(rs[i:])
	switch {
	case on == "q":
		// "qu" + a rhyme that also exists after the glide u: "quốc", "quý".
		if rs[i] != 'u' || i+1 == len(rs) || !isVowel(rs[i+1]) || base(rs[i+1]) == 'u' {
			return -1
		}
		i++
		rh = string(rs[i:])
		if !rhymes[rh] && !rhymes["u"+rh] {
			return -1
		}
	case on == "g" && rs[i] == 'i' && i+1 < len(rs) && isVowel(rs[i+1]):
		// "gi" + a rhyme: "gia", "giữa", "giếng" (the i of iê is the
		// onset's).
		i++
		rh = string(rs[i:])
		if !rhymes[rh] && !rhymes["i"+rh] {
			return -1
		}
	default:
		if !onsets[on] || !rhymes[rh] {
			return -1
		}
		front := rs[i] == 'e' || rs[i] == 'ê' || rs[i] == 'i' || rs[i] == 'y'
		switch on {
		case "c", "ng":
			if front {
				return -1
			}
		case "g":
			if rs[i] == 'e' || rs[i] == 'ê' || rs[i] == 'y' {
				return -1 // "gì", "gìn" are written with g + i
			}
		case "k", "gh", "ngh":
			if !front {
				return -1
			}
		}
	}
	if strings.HasSuffix(rh, "p") || strings.HasSuffix(rh, "t") || strings.HasSuffix(rh, "c") || strings.HasSuffix(rh, "ch") {
		if tone != 1 && tone != 5 {
			return -1
		}
	}
	return i
}

// toneVowel returns which letter of rhyme takes the tone mark, by the
// modern rules (the ones that give "hóa", "thủy", "người"): the last vowel
// with a mark of its own (ươ → ơ, iê → ê); else, before a final consonant,
// the last vowel ("hoàn", "huỳnh"); else the middle one of three ("khoái")
// or the first of two ("hóa", "mía", "thủy").
func toneVowel(rhyme []rune) int {
	n := 0
	for n < len(rhyme) && isVowel(rhyme[n]) {
		n++
	}
	for i := n - 1; i >= 0; i-- {
		if base(rhyme[i]) != rhyme[i] {
			return i
		}
	}
	switch {
	case n < len(rhyme):
		return n - 1
	case n == 3:
		return 1
	}
	return 0
}
