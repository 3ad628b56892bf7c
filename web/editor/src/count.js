// Word and character count of the text being written. Pure functions:
// tested in Node.

const WORD_CHAR = /[\p{L}\p{N}]/u
const number = new Intl.NumberFormat('vi-VN')

/**
 * countText counts the words and characters of a text: words are what
 * spaces separate (a Vietnamese syllable is one, as newsrooms count
 * them) holding a letter or a digit; characters are the characters
 * typed, spaces included, line breaks between paragraphs not, decomposed
 * accents counted with their letter (NFC).
 */
export function countText(text) {
  const s = String(text == null ? '' : text).normalize('NFC')
  const words = (s.match(/\S+/g) || []).filter((w) => WORD_CHAR.test(w)).length
  const chars = Array.from(s.replace(/[\r\n]/g, '')).length
  return { words, chars }
}

/** countLabel words a count: "1.234 từ · 5.678 ký tự". */
export function countLabel(c) {
  return number.format(c.words) + ' từ · ' + number.format(c.chars) + ' ký tự'
}
