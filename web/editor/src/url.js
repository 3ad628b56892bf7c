// URL checks shared by the link button, the link extension, the paste
// cleaner and the image upload. Pure functions: tested in Node.

// Characters a browser drops or ignores while parsing a URL; "java\tscript:"
// is still javascript: to it, so they are removed before looking at the
// scheme.
const IGNORED = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g

/**
 * isSafeUrl tells whether a link or image address may be stored: http:,
 * https:, mailto: or a relative address (/duong-dan, ../a, #muc, ?trang=2,
 * bai-viet.html). Protocol-relative addresses (//host) and every other
 * scheme (javascript:, data:, vbscript:, file:, …) are refused.
 */
export function isSafeUrl(url) {
  if (typeof url !== 'string') return false
  const u = url.replace(IGNORED, '')
  if (u === '') return false
  // "//host" and "/\host" (browsers read "\" as "/") leave the site.
  if (/^[/\\]{2}/.test(u)) return false
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(u)
  if (scheme) return /^(https?|mailto)$/i.test(scheme[1])
  // A colon before any "/", "?" or "#" is a scheme a browser may still
  // honour in some form (e.g. "&#106;avascript:" decoded elsewhere): refuse.
  const firstColon = u.indexOf(':')
  if (firstColon >= 0) {
    const firstDelim = u.search(/[/?#]/)
    if (firstDelim < 0 || firstColon < firstDelim) return false
  }
  return true
}

/**
 * normalizeLinkInput turns what a person types into the link prompt into an
 * address: "www.chinhphu.vn" and "chinhphu.vn/abc" become https:// links,
 * "ten@coquan.gov.vn" becomes a mailto: link; anything else is only
 * trimmed. It does not validate: call isSafeUrl on the result.
 */
export function normalizeLinkInput(input) {
  const s = String(input == null ? '' : input).trim()
  if (s === '') return ''
  if (/^[a-z][a-z0-9+.-]*:/i.test(s) || /^[/?#.]/.test(s)) return s
  if (/^[^\s@/]+@[^\s@/]+\.[a-z]{2,}$/i.test(s)) return 'mailto:' + s
  if (/^www\./i.test(s) || /^[a-z0-9-]+(\.[a-z0-9-]+)*\.(vn|com|net|org|gov|edu|int|info|biz|io|asia)(?=[/:?#]|$)/i.test(s)) {
    return 'https://' + s
  }
  return s
}
