// The link dialog (Liên kết button, Ctrl+K): a modal <dialog> with the
// address, the text to show when nothing is selected, a message when the
// address cannot be a link, and Bỏ liên kết for a link already there. It
// replaces window.prompt, which screen readers announce badly, cannot
// say what was wrong, and cannot remove a link. The browser's modal
// dialog keeps the focus inside it; Escape closes it; the focus goes
// back to the text where it was. No inline style: looks in editor.css.

import { isSafeUrl, normalizeLinkInput } from './url.js'

let dialogs = 0

function el(tag, attrs, parent, text) {
  const n = document.createElement(tag)
  for (const k of Object.keys(attrs || {})) n.setAttribute(k, attrs[k])
  if (text) n.textContent = text
  if (parent) parent.appendChild(n)
  return n
}

/**
 * linkDialog makes the dialog of one editor and returns the function
 * that opens it. say writes the editor's status line.
 */
export function linkDialog(editor, say) {
  const n = ++dialogs
  const id = (s) => 'editor-link-' + s + '-' + n
  const dialog = el('dialog', { class: 'editor-dialog', 'aria-labelledby': id('title'), 'aria-describedby': id('hint') }, document.body)
  const form = el('form', { method: 'dialog', class: 'editor-dialog-form', novalidate: '' }, dialog)
  const title = el('h2', { id: id('title'), class: 'editor-dialog-title' }, form, 'Chèn liên kết')
  const urlField = el('div', { class: 'editor-dialog-field' }, form)
  el('label', { for: id('url') }, urlField, 'Địa chỉ liên kết')
  const url = el('input', {
    id: id('url'), name: 'url', type: 'text', inputmode: 'url', autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': id('hint') + ' ' + id('error'),
  }, urlField)
  el('p', { id: id('hint'), class: 'editor-dialog-hint' }, urlField,
    'Ví dụ: https://chinhphu.vn, ten@coquan.gov.vn, hoặc đường dẫn trong cổng như /gioi-thieu.')
  const textField = el('div', { class: 'editor-dialog-field' }, form)
  el('label', { for: id('text') }, textField, 'Chữ hiển thị (để trống: chính địa chỉ)')
  const text = el('input', { id: id('text'), name: 'text', type: 'text', autocomplete: 'off' }, textField)
  const error = el('p', { id: id('error'), class: 'editor-dialog-error', role: 'alert' }, form)
  const actions = el('div', { class: 'editor-dialog-actions' }, form)
  el('button', { type: 'submit', class: 'editor-dialog-ok' }, actions, 'Áp dụng')
  const remove = el('button', { type: 'button', class: 'editor-dialog-remove' }, actions, 'Bỏ liên kết')
  const cancel = el('button', { type: 'button', class: 'editor-dialog-cancel' }, actions, 'Hủy')

  let editing = false

  const fail = (msg) => {
    error.textContent = msg
    url.setAttribute('aria-invalid', 'true')
    url.focus()
    url.select()
  }
  const close = () => {
    if (dialog.open) dialog.close()
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault()
    const href = normalizeLinkInput(url.value)
    if (href === '' || href === 'https://') {
      fail(editing ? 'Hãy nhập địa chỉ liên kết, hoặc bấm “Bỏ liên kết”.' : 'Hãy nhập địa chỉ liên kết.')
      return
    }
    if (!isSafeUrl(href)) {
      fail('Địa chỉ liên kết không hợp lệ. Chỉ nhận địa chỉ http://, https://, e-mail (mailto:) hoặc đường dẫn trong cổng bắt đầu bằng /.')
      return
    }
    close()
    const { empty } = editor.state.selection
    if (empty && !editor.isActive('link')) {
      // Nothing selected: the text to show (or the address) becomes the link.
      const shown = text.value.trim() || href
      editor.chain().focus().insertContent({ type: 'text', text: shown, marks: [{ type: 'link', attrs: { href } }] }).run()
    } else {
      editor.chain().focus().extendMarkRange('link').setLink({ href }).run()
    }
    say('Đã ' + (editing ? 'sửa' : 'chèn') + ' liên kết.')
  })
  remove.addEventListener('click', () => {
    close()
    editor.chain().focus().extendMarkRange('link').unsetLink().run()
    say('Đã bỏ liên kết.')
  })
  cancel.addEventListener('click', close)
  // Escape, Hủy, or a link applied: back to the text, where it was.
  dialog.addEventListener('close', () => {
    if (!editor.isFocused) editor.commands.focus()
  })

  return function open() {
    if (dialog.open) return
    editing = editor.isActive('link')
    const { empty } = editor.state.selection
    title.textContent = editing ? 'Sửa liên kết' : 'Chèn liên kết'
    url.value = editing ? editor.getAttributes('link').href || '' : ''
    url.removeAttribute('aria-invalid')
    error.textContent = ''
    text.value = ''
    textField.hidden = editing || !empty
    remove.hidden = !editing
    dialog.showModal()
    url.focus()
    url.select()
  }
}
