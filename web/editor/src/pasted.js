// Pictures in pasted (or dropped) HTML. The paste cleaner leaves a
// placeholder for each (paste.js, onImage); once the paste is in the
// document, each picture whose bytes the clipboard carries (Word's RTF
// copy, or a data: URI) is uploaded like any other and takes its
// placeholder's place; the others are removed, and the status line says
// how many were not kept: never a picture lost without a word.

import { Node } from '@tiptap/core'
import { PENDING } from './paste.js'
import { pastedPictureSources, isWordHTML } from './wordimages.js'
import { postImage, figureAttrs } from './upload.js'

/** PendingImage is a pasted picture's place while it is uploaded. */
export const PendingImage = Node.create({
  name: 'pendingImage',
  group: 'block',
  atom: true,
  selectable: false,
  draggable: false,
  addAttributes() {
    return {
      token: {
        default: '',
        parseHTML: (el) => el.getAttribute(PENDING) || '',
        renderHTML: (attrs) => ({ [PENDING]: attrs.token || '' }),
      },
    }
  },
  parseHTML() {
    return [{ tag: 'div[' + PENDING + ']' }]
  },
  renderHTML({ HTMLAttributes }) {
    return ['div', HTMLAttributes]
  },
  addNodeView() {
    return () => {
      const dom = document.createElement('div')
      dom.className = 'editor-pending'
      dom.contentEditable = 'false'
      dom.textContent = 'Đang tải ảnh dán vào lên…'
      return { dom }
    }
  },
})

let tokens = 0

/**
 * pastedImages returns the paste's hooks for one editor:
 * begin(dataTransfer) before the editor reads a paste or drop,
 * onImage(src, alt) for the cleaner, which gives a placeholder's token.
 */
export function pastedImages({ editor, uploadUrl, tokenHeader, defaultSizes, say }) {
  let clip = null
  let batch = null
  const mine = new Set()

  function begin(dt) {
    clip = dt ? { html: dt.getData('text/html') || '', rtf: dt.getData('text/rtf') || '' } : null
    batch = null
  }

  function onImage(src, alt) {
    if (!batch) {
      batch = { srcs: [], alts: [], tokens: [], clip }
      const b = batch
      // After the paste's transaction, which follows the cleaning at once.
      setTimeout(() => finish(b), 0)
    }
    const token = 'img' + Date.now().toString(36) + '-' + ++tokens
    batch.srcs.push(String(src || ''))
    batch.alts.push(String(alt || ''))
    batch.tokens.push(token)
    mine.add(token)
    return token
  }

  function find(token) {
    let at = -1
    let size = 0
    editor.state.doc.descendants((node, pos) => {
      if (at >= 0) return false
      if (node.type.name === 'pendingImage' && node.attrs.token === token) {
        at = pos
        size = node.nodeSize
        return false
      }
      return true
    })
    return at < 0 ? null : { from: at, to: at + size }
  }

  function replace(token, node) {
    const r = find(token)
    mine.delete(token)
    if (!r) return false
    const tr = editor.state.tr
    if (node) tr.replaceWith(r.from, r.to, node)
    else tr.delete(r.from, r.to)
    editor.view.dispatch(tr)
    return true
  }

  // Placeholders nobody is uploading (copied from another editor's
  // document) are removed.
  function sweep() {
    const stale = []
    editor.state.doc.descendants((node, pos) => {
      if (node.type.name === 'pendingImage' && !mine.has(node.attrs.token)) stale.push({ from: pos, to: pos + node.nodeSize })
      return true
    })
    if (!stale.length) return
    const tr = editor.state.tr
    for (const r of stale.reverse()) tr.delete(r.from, r.to)
    editor.view.dispatch(tr)
  }

  async function finish(b) {
    if (batch === b) batch = null
    const c = b.clip
    const fromWord = (c && isWordHTML(c.html)) || b.srcs.some((s) => /^file:/i.test(s.trim()))
    const where = fromWord ? 'dán từ Word' : 'dán vào'
    const sources = pastedPictureSources(b.srcs, c ? c.rtf : '')
    let lost = 0
    let kept = 0
    let why = ''
    const todo = []
    b.tokens.forEach((token, i) => {
      if (!find(token)) {
        mine.delete(token)
        lost++
      } else if (!sources[i] || !uploadUrl) {
        replace(token, null)
        lost++
      } else {
        todo.push(i)
      }
    })
    sweep()
    for (let n = 0; n < todo.length; n++) {
      const i = todo[n]
      const src = sources[i]
      say('Đang tải lên ảnh ' + where + ' (' + (n + 1) + '/' + todo.length + ')…')
      const file = new File([src.bytes], 'anh-' + (fromWord ? 'tu-word' : 'dan-vao') + '-' + (n + 1) + '.' + src.ext, { type: src.type })
      const r = await postImage(uploadUrl, tokenHeader, file)
      if (r.error) {
        replace(b.tokens[i], null)
        lost++
        why = r.error
        continue
      }
      const schema = editor.schema
      const alt = b.alts[i] || (typeof r.data.alt === 'string' ? r.data.alt : '')
      const caption = typeof r.data.caption === 'string' && r.data.caption ? [schema.text(r.data.caption)] : []
      const fig = schema.nodes.figure.create(figureAttrs(r.data, alt, defaultSizes), schema.nodes.figcaption.create(null, caption))
      if (replace(b.tokens[i], fig)) kept++
    }
    const parts = []
    if (kept) parts.push('Đã tải lên ' + kept + ' ảnh ' + where + '; hãy kiểm tra mô tả và chú thích của từng ảnh.')
    if (lost) parts.push(lost + ' ảnh ' + where + ' không được giữ lại; hãy chèn ảnh bằng nút Ảnh.' + (why ? ' (' + why + ')' : ''))
    if (parts.length) say(parts.join(' '), lost > 0)
  }

  return { begin, onImage }
}
