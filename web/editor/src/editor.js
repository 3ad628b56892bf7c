// congtin back-office editor: turns
//
//   <div class="editor" data-editor data-upload-url="/admin/media" data-csrf-header="X-Requested-With">
//     <textarea name="body" id="body">…sanitized HTML…</textarea>
//   </div>
//
// into a toolbar and an editable area. The textarea stays in the form,
// hidden, and always holds the current HTML, so the form posts as it does
// without JavaScript. Nothing is loaded from elsewhere and no <style> is
// injected (Content-Security-Policy: style-src 'self'); all looks are in
// editor.css.

import { Editor, Extension } from '@tiptap/core'
import { StarterKit } from '@tiptap/starter-kit'
import { Link } from '@tiptap/extension-link'
import { Image } from '@tiptap/extension-image'
import { Table, TableRow, TableCell, TableHeader } from '@tiptap/extension-table'
import { Figure, Figcaption } from './figure.js'
import { transformPastedHTML } from './paste.js'
import { fromStored, toStored } from './stored.js'
import { isSafeUrl } from './url.js'
import { countText, countLabel } from './count.js'
import { linkDialog } from './linkdialog.js'
import { openLibrary } from './library.js'
import { initFeatured } from './featured.js'
import { PendingImage, pastedImages } from './pasted.js'
import { figureAttrs, postImage } from './upload.js'

const ALIGNS = ['left', 'right', 'center', 'justify']

// Text alignment already in stored articles (style="text-align: …", the
// one style the server keeps) survives editing: stored.js turns it into
// data-text-align on the way in and back on the way out; editor.css shows
// it.
function alignOf(el) {
  const v = (el.getAttribute('data-text-align') || el.getAttribute('align') || '').toLowerCase()
  return ALIGNS.includes(v) ? v : null
}

const alignAttr = {
  default: null,
  parseHTML: alignOf,
  renderHTML: (attrs) => (attrs.textAlign ? { 'data-text-align': attrs.textAlign } : {}),
}

const KeepTextAlign = Extension.create({
  name: 'keepTextAlign',
  addGlobalAttributes() {
    return [{ types: ['paragraph', 'heading'], attributes: { textAlign: alignAttr } }]
  },
})

// Cells: no widths (the page sizes tables) and alignment as above.
const cellAttributes = {
  align: {
    default: null,
    parseHTML: alignOf,
    renderHTML: (attrs) => (attrs.align ? { 'data-text-align': attrs.align } : {}),
  },
  colwidth: { default: null, parseHTML: () => null, renderHTML: () => ({}) },
}
const Cell = TableCell.extend({ addAttributes() { return { ...this.parent(), ...cellAttributes } } })
const HeaderCell = TableHeader.extend({ addAttributes() { return { ...this.parent(), ...cellAttributes } } })

// The table is stored as plain <table><tbody>…: no style, no <colgroup>.
const PlainTable = Table.extend({
  renderHTML({ HTMLAttributes }) {
    const attrs = { ...HTMLAttributes }
    delete attrs.style
    return ['table', attrs, ['tbody', 0]]
  },
})

// A plain <img> (outside a figure), with srcset and sizes kept.
const PlainImage = Image.extend({
  addAttributes() {
    return { ...this.parent(), srcset: { default: null }, sizes: { default: null } }
  },
  parseHTML() {
    return [{ tag: 'img[src]', getAttrs: (el) => (isSafeUrl(el.getAttribute('src')) ? null : false) }]
  },
})

// An empty document gives "" (toStored drops trailing empty paragraphs);
// editor.isEmpty is not used, as it also calls a lone picture without
// caption empty.
function output(editor) {
  return toStored(editor.getHTML())
}

// ---------------------------------------------------------------------------
// Toolbar

const svg = (body) =>
  '<svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round">' +
  body +
  '</svg>'
const txt = (s, cls) => '<span class="editor-glyph ' + cls + '" aria-hidden="true">' + s + '</span>'

const ICONS = {
  bold: txt('B', 'is-bold'),
  italic: txt('I', 'is-italic'),
  h2: txt('H2', 'is-heading'),
  h3: txt('H3', 'is-heading'),
  paragraph: txt('¶', 'is-para'),
  bulletList: svg('<path d="M8 5h9M8 10h9M8 15h9"/><circle cx="3.8" cy="5" r="1.2" fill="currentColor" stroke="none"/><circle cx="3.8" cy="10" r="1.2" fill="currentColor" stroke="none"/><circle cx="3.8" cy="15" r="1.2" fill="currentColor" stroke="none"/>'),
  orderedList: svg('<path d="M8 5h9M8 10h9M8 15h9M3 3.3l1.2-.8v4.8M2.6 9.2c.3-.9 2.3-.9 2.3.4 0 1-2.3 1.6-2.3 2.9h2.5"/><path d="M2.7 14.3h2.1l-1.2 1.4c1 0 1.5.4 1.5 1.1 0 1.1-1.7 1.3-2.5.6"/>'),
  link: svg('<path d="M8.6 11.4a3 3 0 0 0 4.2 0l2.7-2.7a3 3 0 0 0-4.2-4.2l-1.1 1.1"/><path d="M11.4 8.6a3 3 0 0 0-4.2 0l-2.7 2.7a3 3 0 0 0 4.2 4.2l1.1-1.1"/>'),
  unlink: svg('<path d="M11.3 5.6l.6-.6a3 3 0 0 1 4.2 4.2l-1.6 1.6M8.7 14.4l-.6.6a3 3 0 0 1-4.2-4.2l1.6-1.6M3 3l14 14"/>'),
  table: svg('<rect x="2.5" y="3.5" width="15" height="13" rx="1"/><path d="M2.5 8h15M2.5 12.3h15M7.5 8v8.5M12.5 8v8.5"/>'),
  addRow: svg('<rect x="2.5" y="2.5" width="15" height="8" rx="1"/><path d="M2.5 6.5h15M7.5 2.5v8M12.5 2.5v8M10 13v5M7.5 15.5h5"/>'),
  addColumn: svg('<rect x="2.5" y="2.5" width="8" height="15" rx="1"/><path d="M6.5 2.5v15M2.5 7.5h8M2.5 12.5h8M13 10h5M15.5 7.5v5"/>'),
  deleteTable: svg('<rect x="2.5" y="3.5" width="15" height="13" rx="1"/><path d="M7 7.5l6 6M13 7.5l-6 6"/>'),
  image: svg('<rect x="2.5" y="3.5" width="15" height="13" rx="1"/><circle cx="7" cy="8" r="1.5"/><path d="M2.5 14.5l4.5-4 3.5 3 2.5-2 4.5 4"/>'),
  library: svg('<rect x="5.5" y="2.5" width="12" height="10" rx="1"/><path d="M5.5 10l3-2.5 2.5 2 2-1.5 4.5 3.5"/><path d="M2.5 6v10.5a1 1 0 0 0 1 1H14"/>'),
  undo: svg('<path d="M7.5 4.5L4 8l3.5 3.5"/><path d="M4 8h8.5a4 4 0 0 1 0 8H9"/>'),
  redo: svg('<path d="M12.5 4.5L16 8l-3.5 3.5"/><path d="M16 8H7.5a4 4 0 0 0 0 8H11"/>'),
}

const inCaption = (e) => e.isActive('figcaption')
const inTable = (e) => e.isActive('table')

// Each button: label (aria-label), keys (shown in the title, and as
// aria-keyshortcuts), toggle (has aria-pressed), active, can, run.
function buttonDefs(ctx) {
  const c = (e) => e.chain().focus()
  return [
    { id: 'bold', label: 'Đậm', keys: 'Ctrl+B', toggle: true, active: (e) => e.isActive('bold'), can: (e) => e.can().toggleBold(), run: (e) => c(e).toggleBold().run() },
    { id: 'italic', label: 'Nghiêng', keys: 'Ctrl+I', toggle: true, active: (e) => e.isActive('italic'), can: (e) => e.can().toggleItalic(), run: (e) => c(e).toggleItalic().run() },
    '|',
    { id: 'h2', label: 'Tiêu đề H2', keys: 'Ctrl+Alt+2', toggle: true, active: (e) => e.isActive('heading', { level: 2 }), can: (e) => !inCaption(e) && e.can().toggleHeading({ level: 2 }), run: (e) => c(e).toggleHeading({ level: 2 }).run() },
    { id: 'h3', label: 'Tiêu đề H3', keys: 'Ctrl+Alt+3', toggle: true, active: (e) => e.isActive('heading', { level: 3 }), can: (e) => !inCaption(e) && e.can().toggleHeading({ level: 3 }), run: (e) => c(e).toggleHeading({ level: 3 }).run() },
    { id: 'paragraph', label: 'Đoạn văn', keys: 'Ctrl+Alt+0', toggle: true, active: (e) => e.isActive('paragraph'), can: (e) => !inCaption(e) && (e.isActive('paragraph') || e.can().setParagraph()), run: (e) => c(e).setParagraph().run() },
    '|',
    { id: 'bulletList', label: 'Danh sách', keys: 'Ctrl+Shift+8', toggle: true, active: (e) => e.isActive('bulletList'), can: (e) => !inCaption(e) && e.can().toggleBulletList(), run: (e) => c(e).toggleBulletList().run() },
    { id: 'orderedList', label: 'Danh sách số', keys: 'Ctrl+Shift+7', toggle: true, active: (e) => e.isActive('orderedList'), can: (e) => !inCaption(e) && e.can().toggleOrderedList(), run: (e) => c(e).toggleOrderedList().run() },
    '|',
    { id: 'link', label: 'Liên kết', keys: 'Ctrl+K', toggle: true, active: (e) => e.isActive('link'), can: (e) => e.can().setLink({ href: '/' }) || e.isActive('link'), run: (e) => ctx.promptLink() },
    { id: 'unlink', label: 'Bỏ liên kết', can: (e) => e.isActive('link'), run: (e) => c(e).extendMarkRange('link').unsetLink().run() },
    '|',
    { id: 'table', label: 'Bảng', can: (e) => !inTable(e) && !inCaption(e), run: (e) => c(e).insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
    { id: 'addRow', label: 'Thêm hàng', can: (e) => e.can().addRowAfter(), run: (e) => c(e).addRowAfter().run() },
    { id: 'addColumn', label: 'Thêm cột', can: (e) => e.can().addColumnAfter(), run: (e) => c(e).addColumnAfter().run() },
    { id: 'deleteTable', label: 'Xóa bảng', can: (e) => e.can().deleteTable(), run: (e) => c(e).deleteTable().run() },
    '|',
    { id: 'image', label: 'Ảnh', can: () => ctx.canUpload(), run: () => ctx.pickImage() },
    { id: 'library', label: 'Chèn ảnh từ thư viện', can: () => ctx.canLibrary(), run: () => ctx.openLibrary() },
    '|',
    { id: 'undo', label: 'Hoàn tác', keys: 'Ctrl+Z', can: (e) => e.can().undo(), run: (e) => c(e).undo().run() },
    { id: 'redo', label: 'Làm lại', keys: 'Ctrl+Shift+Z', can: (e) => e.can().redo(), run: (e) => c(e).redo().run() },
  ]
}

function el(tag, attrs, parent) {
  const n = document.createElement(tag)
  for (const k of Object.keys(attrs || {})) n.setAttribute(k, attrs[k])
  if (parent) parent.appendChild(n)
  return n
}

let counter = 0

// ---------------------------------------------------------------------------
// One editor

function setup(root) {
  if (root.hasAttribute('data-editor-ready')) return
  const textarea = root.querySelector('textarea')
  if (!textarea) return
  root.setAttribute('data-editor-ready', '')
  const n = ++counter
  const uploadUrl = root.getAttribute('data-upload-url') || ''
  const tokenHeader = root.getAttribute('data-csrf-header') || 'X-Requested-With'
  const areaId = 'editor-area-' + n
  const statusId = 'editor-status-' + n
  const countId = 'editor-count-' + n

  // The bar (toolbar and status line) stays at the top of the screen while
  // the text scrolls, so upload errors are seen where the button was.
  const bar = el('div', { class: 'editor-bar' })
  const toolbar = el('div', { class: 'editor-toolbar', role: 'toolbar', 'aria-label': 'Định dạng nội dung', 'aria-controls': areaId }, bar)
  const status = el('div', { class: 'editor-status', id: statusId, role: 'status', 'aria-live': 'polite' }, bar)
  const area = el('div', { class: 'editor-area' })
  const file = el('input', { type: 'file', accept: 'image/*', hidden: '', tabindex: '-1', 'aria-hidden': 'true' })
  // The count under the text: read with it (aria-describedby) rather
  // than announced at every word.
  const count = el('p', { class: 'editor-count', id: countId })
  root.insertBefore(bar, textarea)
  root.insertBefore(area, textarea)
  root.insertBefore(count, textarea)
  root.appendChild(file)

  // The hidden textarea still posts; "required" would block the post with
  // a message on a field nobody can see, so it is checked here instead.
  const required = textarea.required
  textarea.required = false
  textarea.hidden = true
  root.classList.add('is-enhanced')

  const label = Array.from(document.querySelectorAll('label')).find((l) => textarea.id && l.htmlFor === textarea.id)
  if (label && !label.id) label.id = 'editor-label-' + n
  const areaAttrs = {
    id: areaId,
    class: 'editor-content',
    role: 'textbox',
    'aria-multiline': 'true',
    // The server's field error (if the template links one) and the status line.
    'aria-describedby': ((textarea.getAttribute('aria-describedby') || '') + ' ' + statusId + ' ' + countId).trim(),
  }
  if (textarea.getAttribute('aria-invalid') === 'true') areaAttrs['aria-invalid'] = 'true'
  if (label) areaAttrs['aria-labelledby'] = label.id
  else areaAttrs['aria-label'] = textarea.getAttribute('aria-label') || 'Nội dung'

  let statusTimer = 0
  const say = (msg, isError) => {
    clearTimeout(statusTimer)
    status.textContent = msg
    status.classList.toggle('is-error', !!isError)
    if (msg && !isError) statusTimer = setTimeout(() => { status.textContent = '' }, 6000)
  }

  let uploading = false
  const ctx = {
    canUpload: () => !!uploadUrl && !uploading,
    pickImage: () => {
      file.value = ''
      file.click()
    },
    promptLink: () => openLink(),
    // The library is listed where pictures are uploaded (GET answers the
    // list, POST takes a file), unless the page names another address.
    canLibrary: () => !!libraryUrl,
    openLibrary: () => chooseFromLibrary(),
  }
  const libraryUrl = root.getAttribute('data-library-url') || uploadUrl

  const editor = new Editor({
    element: area,
    injectCSS: false,
    content: fromStored(textarea.value),
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        code: false,
        codeBlock: false,
        link: false,
      }),
      Link.configure({
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: 'https',
        HTMLAttributes: { target: null, rel: null, class: null },
        isAllowedUri: (url) => isSafeUrl(url),
      }),
      PlainImage.configure({ inline: false, allowBase64: false }),
      Figure,
      Figcaption,
      PlainTable.configure({ resizable: false, allowTableNodeSelection: false }),
      TableRow,
      HeaderCell,
      Cell,
      KeepTextAlign,
      PendingImage,
    ],
    editorProps: {
      attributes: areaAttrs,
      transformPastedHTML: (html) => transformPastedHTML(html, undefined, { onImage: (src, alt) => pasted.onImage(src, alt) }),
      handlePaste: (view, event) => {
        const files = imageFiles(event.clipboardData)
        if (files.length === 0 || (event.clipboardData.getData('text/html') || '').trim() !== '') return false
        event.preventDefault()
        uploadAll(files)
        return true
      },
      handleDrop: (view, event, slice, moved) => {
        if (moved) return false
        const files = imageFiles(event.dataTransfer)
        if (files.length === 0) return false
        event.preventDefault()
        const at = view.posAtCoords({ left: event.clientX, top: event.clientY })
        if (at) editor.commands.setTextSelection(at.pos)
        uploadAll(files)
        return true
      },
    },
    onUpdate: () => sync(),
    onTransaction: () => refresh(),
    onFocus: () => refresh(),
    onBlur: () => refresh(),
  })

  function sync() {
    textarea.value = output(editor)
    recount()
  }

  // The word and character count, once per frame at most.
  let counting = 0
  function recount() {
    if (counting) return
    counting = requestAnimationFrame(() => {
      counting = 0
      count.textContent = countLabel(countText(editor.state.doc.textBetween(0, editor.state.doc.content.size, '\n', '\n')))
    })
  }
  sync()

  const openLink = linkDialog(editor, (msg) => say(msg))

  // Pictures in pasted HTML: the clipboard is read before the editor
  // handles the paste (or drop), for the bytes Word sends apart.
  const pasted = pastedImages({ editor, uploadUrl, tokenHeader, defaultSizes: DEFAULT_SIZES, say })
  area.addEventListener('paste', (e) => pasted.begin(e.clipboardData), true)
  area.addEventListener('drop', (e) => pasted.begin(e.dataTransfer), true)

  // Inserting from the library: a figure as an upload makes, with the
  // library's description and caption (editable in the dialog).
  function chooseFromLibrary() {
    openLibrary({
      url: libraryUrl,
      mode: 'insert',
      // Focus goes back where it was: the text (a click on the button
      // leaves it there) or the button (reached with the keyboard).
      opener: document.activeElement,
      onChoose: (c) => {
        const attrs = figureAttrs({ url: c.src, srcset: c.srcset, width: c.width, height: c.height }, c.alt, DEFAULT_SIZES)
        const caption = c.caption ? [{ type: 'text', text: c.caption }] : []
        editor.chain().focus().insertContent({ type: 'figure', attrs, content: [{ type: 'figcaption', content: caption }] }).run()
        say('Đã chèn ảnh “' + (c.name || '') + '” từ thư viện.' + (c.alt ? '' : ' Ảnh chưa có mô tả: hãy thêm ở trang Thư viện ảnh.'))
      },
    })
  }

  // Toolbar buttons.
  const defs = buttonDefs(ctx)
  const buttons = []
  for (const d of defs) {
    if (d === '|') {
      el('span', { class: 'editor-sep', 'aria-hidden': 'true' }, toolbar)
      continue
    }
    const b = el('button', {
      type: 'button',
      class: 'editor-btn',
      'aria-label': d.label,
      title: d.keys ? d.label + ' (' + d.keys + ')' : d.label,
      'data-command': d.id,
      tabindex: '-1',
    }, toolbar)
    if (d.keys) b.setAttribute('aria-keyshortcuts', d.keys.replace(/Ctrl/g, 'Control'))
    b.innerHTML = ICONS[d.id]
    // Keep the editor's selection when the button is clicked with a mouse.
    b.addEventListener('mousedown', (e) => e.preventDefault())
    b.addEventListener('click', () => {
      if (!b.disabled) d.run(editor)
    })
    d.el = b
    buttons.push(b)
  }

  // One tab stop for the whole toolbar; arrow keys, Home and End move
  // inside it (WAI-ARIA toolbar pattern). Escape goes back to the text,
  // Alt+F10 in the text goes to the toolbar.
  let current = null
  const setCurrent = (b) => {
    if (!b) return
    for (const x of buttons) x.tabIndex = x === b ? 0 : -1
    current = b
  }
  toolbar.addEventListener('focusin', (e) => {
    if (buttons.includes(e.target)) setCurrent(e.target)
  })
  toolbar.addEventListener('keydown', (e) => {
    const usable = buttons.filter((b) => !b.disabled)
    const i = usable.indexOf(document.activeElement)
    let next = null
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = usable[(i + 1) % usable.length]
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = usable[(i - 1 + usable.length) % usable.length]
    else if (e.key === 'Home') next = usable[0]
    else if (e.key === 'End') next = usable[usable.length - 1]
    else if (e.key === 'Escape') {
      e.preventDefault()
      editor.commands.focus()
      return
    }
    if (next) {
      e.preventDefault()
      setCurrent(next)
      next.focus()
    }
  })
  editor.view.dom.addEventListener('keydown', (e) => {
    if (e.altKey && e.key === 'F10') {
      e.preventDefault()
      ;(current && !current.disabled ? current : buttons.find((b) => !b.disabled) || buttons[0]).focus()
    }
    // Ctrl+K (⌘K): the link dialog, as in word processors.
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (e.key === 'k' || e.key === 'K' || e.code === 'KeyK')) {
      e.preventDefault()
      const link = defs.find((d) => d.id === 'link')
      if (link && !link.el.disabled) openLink()
    }
  })
  if (label) label.addEventListener('click', () => editor.commands.focus())

  function refresh() {
    for (const d of defs) {
      if (d === '|') continue
      let ok = false
      try {
        ok = !!d.can(editor)
      } catch (_) {
        ok = false
      }
      if (d.el.disabled !== !ok) d.el.disabled = !ok
      if (d.toggle) {
        const on = ok || d.id === 'link' ? String(!!d.active(editor)) : 'false'
        if (d.el.getAttribute('aria-pressed') !== on) d.el.setAttribute('aria-pressed', on)
      }
    }
    if (!current || current.disabled) setCurrent(buttons.find((b) => !b.disabled) || buttons[0])
  }
  refresh()

  // Pictures.
  file.addEventListener('change', () => {
    const files = Array.from(file.files || [])
    file.value = ''
    if (files.length) uploadAll(files)
  })

  async function uploadAll(files) {
    if (!uploadUrl) {
      say('Trang này không cho phép tải ảnh lên.', true)
      return
    }
    if (uploading) return
    uploading = true
    refresh()
    try {
      for (const f of files) {
        const ok = await uploadOne(f)
        if (!ok) break
      }
    } finally {
      uploading = false
      refresh()
    }
  }

  async function uploadOne(f) {
    say('Đang tải ảnh “' + f.name + '” lên…')
    root.setAttribute('aria-busy', 'true')
    let answer
    try {
      answer = await postImage(uploadUrl, tokenHeader, f)
    } finally {
      root.removeAttribute('aria-busy')
    }
    if (answer.error) {
      say(answer.error, true)
      return false
    }
    const data = answer.data
    const suggested = typeof data.alt === 'string' ? data.alt : ''
    const alt = window.prompt('Mô tả ảnh cho người khiếm thị', suggested)
    const attrs = figureAttrs(data, alt == null ? suggested : alt, DEFAULT_SIZES)
    editor.chain().focus().insertContent({ type: 'figure', attrs, content: [{ type: 'figcaption' }] }).run()
    say('Đã chèn ảnh. Nhập chú thích ngay dưới ảnh.')
    return true
  }

  // A required body must not be empty.
  const form = textarea.form
  if (form) {
    form.addEventListener('submit', (e) => {
      sync()
      if (required && textarea.value.trim() === '') {
        e.preventDefault()
        say('Xin nhập nội dung bài viết.', true)
        editor.commands.focus()
      }
    })
  }

  return editor
}

// The article column is at most about 800 px wide, the whole screen on
// phones (site.css); used when the server sends srcset without sizes.
const DEFAULT_SIZES = '(max-width: 900px) 100vw, 800px'

function imageFiles(dt) {
  if (!dt || !dt.files) return []
  return Array.from(dt.files).filter((f) => /^image\//.test(f.type))
}

function init() {
  initFeatured()
  for (const root of document.querySelectorAll('[data-editor]')) {
    try {
      setup(root)
    } catch (err) {
      // The textarea stays usable whatever happened.
      for (const added of root.querySelectorAll('.editor-bar, .editor-area, .editor-count, input[type=file]')) added.remove()
      const t = root.querySelector('textarea')
      if (t) t.hidden = false
      root.classList.remove('is-enhanced')
      console.error('editor:', err)
    }
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init)
else init()
