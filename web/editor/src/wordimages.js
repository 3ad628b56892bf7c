// Pictures pasted from Word. Word's HTML on the clipboard points each
// picture at a temporary file the browser may not read
// (<img src="file:///C:/Users/…/clip_image001.png">); the picture's bytes
// travel in the RTF flavour of the same copy, as hex in a {\pict …} group
// per picture, in the order of the document. Other sources (LibreOffice,
// some web editors) put the bytes in the HTML itself as data: URIs. Both
// are turned into files here, to be uploaded like any other picture.
// Pure functions: tested in Node.

const BLIP_TYPES = [
  ['\\pngblip', 'image/png', 'png'],
  ['\\jpegblip', 'image/jpeg', 'jpg'],
]

/**
 * rtfPictures returns the pictures of an RTF document, in order, as
 * {type, ext, hex}: PNG and JPEG pictures only (Word also writes a WMF or
 * EMF copy of each, for old readers, inside \nonshppict, which is
 * skipped; a picture stored only as WMF/EMF gives an entry with type null,
 * so that the count still matches the HTML's pictures).
 */
export function rtfPictures(rtf) {
  const out = []
  if (typeof rtf !== 'string' || rtf.indexOf('\\pict') < 0) return out
  let i = 0
  while ((i = rtf.indexOf('{\\pict', i)) >= 0) {
    const end = groupEnd(rtf, i)
    if (end < 0) break
    if (!insideGroup(rtf, i, '\\nonshppict')) {
      out.push(readPict(rtf.slice(i + 1, end)))
    }
    i = end + 1
  }
  return out
}

// groupEnd returns the index of the brace closing the group that opens at
// start, or -1. Escaped braces (\{ \}) and backslashes do not count.
function groupEnd(s, start) {
  let depth = 0
  for (let i = start; i < s.length; i++) {
    const c = s[i]
    if (c === '\\') {
      i++
      continue
    }
    if (c === '{') depth++
    else if (c === '}') {
      depth--
      if (depth === 0) return i
    }
  }
  return -1
}

// insideGroup reports whether the position is inside a group that starts
// with {\* word} or {word}: the nearest enclosing groups are walked out
// from pos.
function insideGroup(s, pos, word) {
  let depth = 0
  for (let i = pos - 1; i >= 0; i--) {
    const c = s[i]
    if (i > 0 && s[i - 1] === '\\') continue
    if (c === '}') depth++
    else if (c === '{') {
      if (depth > 0) {
        depth--
        continue
      }
      // An enclosing group: does it start with the word?
      const head = s.slice(i + 1, i + 1 + word.length + 3)
      if (head.startsWith(word) || head.startsWith('\\*' + word)) return true
    }
  }
  return false
}

// readPict reads a \pict group's body: its type and hex data (nested
// groups such as {\*\blipuid …} and control words are skipped).
function readPict(body) {
  let type = null
  let ext = ''
  for (const [word, t, e] of BLIP_TYPES) {
    if (new RegExp('\\' + word + '(?![a-z])').test(body)) {
      type = t
      ext = e
    }
  }
  // Drop nested groups, then control words; what is left is the data.
  let flat = ''
  let depth = 0
  for (let i = 0; i < body.length; i++) {
    const c = body[i]
    if (c === '\\' && depth === 0) {
      // A control word with its numeric parameter and one space, or a
      // control symbol.
      const m = /^\\([a-zA-Z]+)(-?\d+)? ?|^\\./.exec(body.slice(i))
      i += m ? m[0].length - 1 : 1
      continue
    }
    if (c === '\\') {
      i++
      continue
    }
    if (c === '{') depth++
    else if (c === '}') depth--
    else if (depth === 0) flat += c
  }
  const hex = flat.replace(/[^0-9a-fA-F]/g, '')
  if (hex.length < 16 || hex.length % 2 !== 0) return { type: null, ext: '', hex: '' }
  return { type, ext, hex: type ? hex : '' }
}

/** hexBytes turns hex digits into bytes. */
export function hexBytes(hex) {
  const out = new Uint8Array(hex.length >> 1)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16)
  return out
}

/**
 * dataURIBytes decodes a base64 data: URI of a PNG, JPEG, GIF or WebP
 * picture: {type, ext, bytes}, or null for anything else.
 */
export function dataURIBytes(uri) {
  const m = /^data:(image\/(png|jpeg|jpg|gif|webp));base64,([a-z0-9+/=\s]+)$/i.exec(String(uri || '').trim())
  if (!m) return null
  let bin
  try {
    bin = atob(m[3].replace(/\s+/g, ''))
  } catch (_) {
    return null
  }
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  const ext = { png: 'png', jpeg: 'jpg', jpg: 'jpg', gif: 'gif', webp: 'webp' }[m[2].toLowerCase()]
  return { type: m[1].toLowerCase().replace('image/jpg', 'image/jpeg'), ext, bytes }
}

/**
 * pastedPictureSources matches the pictures of pasted HTML (their src, in
 * order) with the bytes the clipboard carries: a data: URI's own bytes,
 * and for file: addresses the RTF's pictures in order, when there are as
 * many as there are file: pictures (otherwise no file: picture can be
 * told from another, and none is taken). It returns one entry per
 * picture: {type, ext, bytes} or null when the picture cannot be had.
 */
export function pastedPictureSources(srcs, rtf) {
  const files = srcs.filter((s) => /^file:/i.test(String(s).trim()))
  const pics = files.length ? rtfPictures(rtf) : []
  const usable = pics.length === files.length
  let f = 0
  return srcs.map((s) => {
    const src = String(s).trim()
    if (/^data:/i.test(src)) return dataURIBytes(src)
    if (/^file:/i.test(src)) {
      const p = pics[f++]
      if (!usable || !p || !p.type) return null
      return { type: p.type, ext: p.ext, bytes: hexBytes(p.hex) }
    }
    return null
  })
}

/** isWordHTML tells HTML that Word put on the clipboard. */
export function isWordHTML(html) {
  return /urn:schemas-microsoft-com:office|<meta[^>]+Microsoft Word|class="?Mso/i.test(String(html || ''))
}
