// Cleaning of HTML pasted from Word, Google Docs and web pages.
//
// Kept: paragraphs, headings (h1 → h2, h5/h6 → h4), bold, italic, lists,
// tables, line breaks and links with a safe address. Dropped: styles,
// classes, ids, fonts, spans, comments, Word's o:p and VML, images (pictures
// go through the upload so that they are stored here), forms and media.
// With an onImage option, each picture leaves a placeholder instead,
// <div data-pending-image="token">, after the block it was in: the editor
// uploads the picture's bytes when the clipboard has them and puts the
// picture there, or says it could not (see editor.js).
//
// The module uses only the DOM of the document it is handed, never a
// global, so Node tests can run it with jsdom's DOMParser.

import { isSafeUrl } from './url.js'

const ELEMENT = 1
const TEXT = 3

// Elements removed together with their content.
const DROP = new Set([
  'head', 'style', 'script', 'noscript', 'template', 'meta', 'link', 'title', 'base',
  'xml', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'svg', 'math',
  'canvas', 'video', 'audio', 'track', 'img', 'picture', 'source', 'map', 'area',
  'input', 'button', 'select', 'option', 'optgroup', 'textarea', 'form', 'label',
  'fieldset', 'legend', 'datalist', 'output', 'progress', 'meter', 'dialog',
  'colgroup', 'col', 'o:p',
])

// Elements kept, under the name they get.
const RENAME = {
  p: 'p', h1: 'h2', h2: 'h2', h3: 'h3', h4: 'h4', h5: 'h4', h6: 'h4',
  ul: 'ul', ol: 'ol', li: 'li',
  table: 'table', thead: 'thead', tbody: 'tbody', tfoot: 'tbody', tr: 'tr', th: 'th', td: 'td',
  strong: 'strong', b: 'strong', em: 'em', i: 'em', br: 'br',
}

// Containers that become a paragraph when they hold only text and inline
// elements, and are unwrapped when they hold blocks.
const CONTAINERS = new Set([
  'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'blockquote',
  'center', 'address', 'figure', 'figcaption', 'caption', 'pre', 'dl', 'dt', 'dd',
  'details', 'summary', 'hgroup', 'body',
])

const BLOCKS = 'p,h1,h2,h3,h4,h5,h6,ul,ol,li,table,tr,td,th,div,section,article,main,header,footer,aside,nav,blockquote,center,address,figure,figcaption,pre,dl,dt,dd,details,hgroup'

const TEXTBLOCKS = new Set(['p', 'h2', 'h3', 'h4'])
const INLINE_OUT = new Set(['strong', 'em', 'a'])

const BOLD_STYLE = /(?:^|;)\s*font-weight\s*:\s*(?:bold|bolder|[6-9]00)\s*(?:!important\s*)?(?:;|$)/i
const NORMAL_WEIGHT = /(?:^|;)\s*font-weight\s*:\s*(?:normal|lighter|[1-4]00)\s*(?:!important\s*)?(?:;|$)/i
const ITALIC_STYLE = /(?:^|;)\s*font-style\s*:\s*(?:italic|oblique)\b/i
const WORD_LIST = /(?:^|;)\s*mso-list\s*:\s*(l\d+)\s+level(\d+)/i
const WORD_IGNORE = /mso-list\s*:\s*ignore/i

const STYLE = 'data-paste-style'
const name = (el) => el.localName.toLowerCase()
const styleOf = (el) => el.getAttribute(STYLE) || ''

// PENDING is the placeholder attribute of a pasted picture.
export const PENDING = 'data-pending-image'
// IMAGE_MARK is the element a picture becomes before the copy (made by
// markImages, never parsed from the clipboard).
const IMAGE_MARK = 'congtin-pasted-image'

/**
 * transformPastedHTML cleans pasted HTML (see the top of this file) and
 * returns the cleaned HTML. parse turns an HTML string into a Document; in
 * a browser it defaults to DOMParser. opts.onImage(src, alt), when given,
 * is called for each picture in document order and returns the token of
 * its placeholder (or nothing, to drop the picture).
 */
export function transformPastedHTML(html, parse = defaultParse, opts = {}) {
  if (typeof html !== 'string' || html === '') return ''
  // A copy from this editor (or another ProseMirror one) carries the exact
  // slice; the schema already limits what it can hold.
  if (/\bdata-pm-slice=/.test(html)) return html
  // Style attributes are read as text only: renamed before parsing, so that
  // a browser under a CSP without 'unsafe-inline' does not refuse (and
  // report) each one while parsing.
  // <style> elements (Word sends its whole style sheet) are cut out first
  // for the same reason.
  const doc = parse(
    html
      .replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '')
      .replace(/(<[a-z][^<>]*?\s)style(\s*=)/gi, '$1' + STYLE + '$2'),
  )
  const body = doc.body
  if (!body) return ''
  markImages(doc, body, opts.onImage)
  convertWordLists(doc, body)
  unwrapGoogleDocsWrapper(body)
  convertStyledSpans(doc, body)
  const out = doc.createElement('div')
  sanitizeChildren(doc, body, out)
  tidy(doc, out)
  return out.innerHTML
}

function defaultParse(html) {
  return new DOMParser().parseFromString(html, 'text/html')
}

// markImages replaces each picture (a <picture> as a whole) with a mark
// carrying its placeholder token, when onImage gives one.
function markImages(doc, body, onImage) {
  for (const old of Array.from(body.getElementsByTagName(IMAGE_MARK))) old.remove()
  if (typeof onImage !== 'function') return
  for (const img of Array.from(body.querySelectorAll('img'))) {
    if (!body.contains(img)) continue
    const token = onImage(img.getAttribute('src') || '', img.getAttribute('alt') || '')
    const target = img.closest('picture') || img
    if (!token) {
      target.remove()
      continue
    }
    const mark = doc.createElement(IMAGE_MARK)
    mark.setAttribute('data-token', String(token))
    target.parentNode.replaceChild(mark, target)
  }
}

// ---------------------------------------------------------------------------
// Word lists

// convertWordLists turns runs of Word list paragraphs,
//   <p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'>
//     <!--[if !supportLists]--><span style='mso-list:Ignore'>1.<span> </span></span><!--[endif]-->Text</p>
// into <ol>/<ul> with <li>, nested by level, ordered when the marker Word
// wrote is a number or a letter ("1.", "a)", "iv.").
function convertWordLists(doc, body) {
  const paras = Array.from(body.querySelectorAll('p')).filter((p) => WORD_LIST.test(styleOf(p)))
  if (paras.length === 0) return
  const items = new Map()
  for (const p of paras) {
    const m = WORD_LIST.exec(styleOf(p))
    items.set(p, { p, id: m[1].toLowerCase(), level: Math.max(1, parseInt(m[2], 10) || 1), marker: takeMarker(p) })
  }
  // Group into runs of adjacent list paragraphs of the same list.
  const runs = []
  let run = null
  for (const p of paras) {
    const item = items.get(p)
    const prev = run && run[run.length - 1]
    if (prev && nextElementSkippingBlanks(prev.p) === p && !(item.level === 1 && item.id !== run[0].id)) {
      run.push(item)
    } else {
      run = [item]
      runs.push(run)
    }
  }
  for (const r of runs) buildList(doc, r)
}

function nextElementSkippingBlanks(node) {
  for (let n = node.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType === ELEMENT) return n
    if (n.nodeType === TEXT && n.data.replace(/[\s\u00a0]/g, '') !== '') return null
  }
  return null
}

// takeMarker removes the bullet or number Word wrote before the text and
// returns it ("1.", "·", "o", "§", "a)").
function takeMarker(p) {
  let marker = ''
  const ignore = Array.from(p.querySelectorAll('span')).find((s) => WORD_IGNORE.test(styleOf(s)))
  if (ignore) {
    marker = ignore.textContent
    ignore.remove()
  }
  // <!--[if !supportLists]--> … <!--[endif]--> (or Word's <![if …]> form,
  // which an HTML parser also reads as comments) around the marker.
  const walker = p.ownerDocument.createTreeWalker(p, 128 /* SHOW_COMMENT */)
  const starts = []
  for (let c = walker.nextNode(); c; c = walker.nextNode()) {
    if (/^\s*\[if\s+!supportLists\]\s*$/i.test(c.data)) starts.push(c)
  }
  for (const start of starts) {
    let n = start.nextSibling
    let text = ''
    while (n && !(n.nodeType === 8 && /^\s*\[endif\]\s*$/i.test(n.data))) {
      const next = n.nextSibling
      text += n.textContent
      n.remove()
      n = next
    }
    if (!marker) marker = text
  }
  return marker.replace(/[\s\u00a0]+/g, ' ').trim()
}

const ORDERED_MARKER = /^\(?(?:\d+(?:\.\d+)*[.)]?|[a-z]{1,2}[.)]|[ivxlcdm]+[.)])$/i

function listAttrs(marker) {
  if (!ORDERED_MARKER.test(marker)) return null
  const m = marker.replace(/^\(/, '')
  if (/^\d/.test(m)) {
    const start = parseInt(m, 10)
    return start > 1 ? { start: String(start) } : {}
  }
  const c = m[0]
  if (c === 'i' || c === 'I') return { type: c }
  const lower = c.toLowerCase()
  const start = lower.charCodeAt(0) - 96
  const attrs = { type: c === lower ? 'a' : 'A' }
  if (start > 1) attrs.start = String(start)
  return attrs
}

function buildList(doc, run) {
  const first = run[0].p
  const stack = [] // { level, list, li }
  let root = null
  for (const item of run) {
    while (stack.length && stack[stack.length - 1].level > item.level) stack.pop()
    let top = stack[stack.length - 1]
    if (!top || top.level < item.level) {
      const attrs = listAttrs(item.marker)
      const list = doc.createElement(attrs ? 'ol' : 'ul')
      if (attrs) for (const k of Object.keys(attrs)) list.setAttribute(k, attrs[k])
      if (top) {
        if (!top.li) {
          top.li = doc.createElement('li')
          top.list.appendChild(top.li)
        }
        top.li.appendChild(list)
      } else {
        root = list
      }
      top = { level: item.level, list, li: null }
      stack.push(top)
    }
    const li = doc.createElement('li')
    while (item.p.firstChild) li.appendChild(item.p.firstChild)
    top.list.appendChild(li)
    top.li = li
  }
  first.parentNode.insertBefore(root, first)
  for (const item of run) item.p.remove()
}

// ---------------------------------------------------------------------------
// Google Docs

// Google Docs wraps the whole copy in
//   <b style="font-weight:normal;" id="docs-internal-guid-…">
// which must not make everything bold: unwrap it, and any other <b> or
// <strong> whose own style says it is not bold.
function unwrapGoogleDocsWrapper(body) {
  for (const el of Array.from(body.querySelectorAll('b, strong'))) {
    const id = el.getAttribute('id') || ''
    if (id.startsWith('docs-internal-guid') || NORMAL_WEIGHT.test(styleOf(el))) unwrap(el)
  }
}

// convertStyledSpans turns <span style="font-weight:700"> into <strong>
// and <span style="font-style:italic"> into <em> (Google Docs, and some web
// pages, mark emphasis only with styles).
function convertStyledSpans(doc, body) {
  for (const span of Array.from(body.querySelectorAll('span, font'))) {
    const style = styleOf(span)
    const bold = BOLD_STYLE.test(style)
    const italic = ITALIC_STYLE.test(style)
    if (!bold && !italic) continue
    let inner = span
    for (const tag of [bold && 'strong', italic && 'em']) {
      if (!tag) continue
      const w = doc.createElement(tag)
      while (inner.firstChild) w.appendChild(inner.firstChild)
      inner.appendChild(w)
      inner = w
    }
  }
}

// ---------------------------------------------------------------------------
// Allow-list copy

function sanitizeChildren(doc, from, to) {
  for (let n = from.firstChild; n; n = n.nextSibling) sanitizeNode(doc, n, to)
}

function sanitizeNode(doc, node, to) {
  if (node.nodeType === TEXT) {
    to.appendChild(doc.createTextNode(node.data))
    return
  }
  if (node.nodeType !== ELEMENT) return // comments, processing instructions
  const tag = name(node)
  if (tag === IMAGE_MARK) {
    const p = doc.createElement('div')
    p.setAttribute(PENDING, node.getAttribute('data-token') || '')
    to.appendChild(p)
    return
  }
  if (DROP.has(tag) || tag.startsWith('v:') || tag.startsWith('w:binarydata')) return
  if (tag === 'br') {
    // Chrome adds <br class="Apple-interchange-newline"> at the end of a copy.
    if (!/Apple-interchange-newline/.test(node.getAttribute('class') || '')) to.appendChild(doc.createElement('br'))
    return
  }
  if (tag === 'a') {
    const href = (node.getAttribute('href') || '').trim()
    if (href && !href.startsWith('#') && isSafeUrl(href) && !insideLink(to)) {
      const a = doc.createElement('a')
      a.setAttribute('href', href)
      sanitizeChildren(doc, node, a)
      to.appendChild(a)
    } else {
      sanitizeChildren(doc, node, to)
    }
    return
  }
  if (CONTAINERS.has(tag)) {
    const toTag = name(to)
    if (node.querySelector(BLOCKS) || TEXTBLOCKS.has(toTag) || INLINE_OUT.has(toTag)) {
      sanitizeChildren(doc, node, to)
    } else {
      const p = doc.createElement('p')
      sanitizeChildren(doc, node, p)
      to.appendChild(p)
    }
    return
  }
  const out = RENAME[tag]
  if (!out) {
    sanitizeChildren(doc, node, to) // span, font, u, sup, Word's st1:*, …: keep the text
    return
  }
  // A paragraph or heading inside a paragraph or heading (or inside bold,
  // italic or a link) is only its text.
  if (TEXTBLOCKS.has(out) && (TEXTBLOCKS.has(name(to)) || INLINE_OUT.has(name(to)))) {
    sanitizeChildren(doc, node, to)
    return
  }
  const el = doc.createElement(out)
  copyAttrs(node, el, out)
  sanitizeChildren(doc, node, el)
  to.appendChild(el)
}

function insideLink(el) {
  for (let n = el; n; n = n.parentNode) if (n.nodeType === ELEMENT && name(n) === 'a') return true
  return false
}

const LIST_STYLE_TYPES = { 'lower-alpha': 'a', 'lower-latin': 'a', 'upper-alpha': 'A', 'upper-latin': 'A', 'lower-roman': 'i', 'upper-roman': 'I' }

function copyAttrs(from, to, tag) {
  if (tag === 'td' || tag === 'th') {
    for (const attr of ['colspan', 'rowspan']) {
      const v = (from.getAttribute(attr) || '').trim()
      if (/^[0-9]{1,2}$/.test(v) && parseInt(v, 10) > 1) to.setAttribute(attr, String(parseInt(v, 10)))
    }
  } else if (tag === 'ol') {
    const start = (from.getAttribute('start') || '').trim()
    if (/^[0-9]{1,4}$/.test(start) && parseInt(start, 10) > 1) to.setAttribute('start', String(parseInt(start, 10)))
    let type = from.getAttribute('type') || ''
    if (!/^[aAiI1]$/.test(type)) {
      const li = from.querySelector('li')
      const m = /list-style-type\s*:\s*([a-z-]+)/i.exec(styleOf(from) + ';' + (li ? styleOf(li) : ''))
      type = (m && LIST_STYLE_TYPES[m[1].toLowerCase()]) || ''
    }
    if (/^[aAiI]$/.test(type)) to.setAttribute('type', type)
  }
}

// ---------------------------------------------------------------------------
// Tidy the copy

function tidy(doc, root) {
  // A picture's placeholder is a block of its own, after the top-level
  // block it was in (in order, when a block had several).
  for (const mark of Array.from(root.querySelectorAll('div[' + PENDING + ']'))) {
    let top = mark
    while (top.parentNode && top.parentNode !== root) top = top.parentNode
    if (top === mark) continue
    let after = top
    while (after.nextSibling && after.nextSibling.nodeType === ELEMENT && after.nextSibling.hasAttribute(PENDING)) after = after.nextSibling
    root.insertBefore(mark, after.nextSibling)
  }
  // Lists hold only <li>: a list directly inside a list (Google Docs nests
  // that way) goes into the item before it; other stray content gets an
  // item of its own.
  for (const list of Array.from(root.querySelectorAll('ul, ol'))) {
    for (const child of Array.from(list.childNodes)) {
      if (child.nodeType === TEXT) {
        if (child.data.trim() === '') child.remove()
        else wrapIn(doc, child, 'li')
      } else if (name(child) !== 'li') {
        const prev = child.previousElementSibling
        if ((name(child) === 'ul' || name(child) === 'ol') && prev && name(prev) === 'li') prev.appendChild(child)
        else wrapIn(doc, child, 'li')
      }
    }
  }
  // Bold, italic and links without text are noise.
  for (const el of Array.from(root.querySelectorAll('strong, em, a')).reverse()) {
    if (isBlank(el) && !el.querySelector('br')) unwrap(el)
  }
  // Empty paragraphs and headings (Word writes <p><o:p>&nbsp;</o:p></p> for
  // every blank line).
  for (const el of Array.from(root.querySelectorAll('p, h2, h3, h4'))) {
    if (isBlank(el)) el.remove()
  }
  // Line breaks between blocks (Google Docs) are not text.
  for (const br of Array.from(root.children)) if (name(br) === 'br') br.remove()
  // Lines of whitespace between blocks.
  for (const n of Array.from(root.childNodes)) if (n.nodeType === TEXT && n.data.trim() === '') n.remove()
}

function isBlank(el) {
  return el.textContent.replace(/[\s\u00a0\u200b\ufeff]/g, '') === ''
}

function wrapIn(doc, node, tag) {
  const w = doc.createElement(tag)
  node.parentNode.insertBefore(w, node)
  w.appendChild(node)
}

function unwrap(el) {
  const parent = el.parentNode
  while (el.firstChild) parent.insertBefore(el.firstChild, el)
  parent.removeChild(el)
}
