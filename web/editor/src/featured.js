// The article form's featured image (Ảnh đại diện). The server renders
//
//   <div data-featured-picker data-library-url="/admin/media">
//     <label for="image">…</label>
//     <div data-featured-preview>…</div>
//     <input id="image" name="image" value="/media/…">
//   </div>
//
// and the address field is all there is without JavaScript (the service
// checks it). This adds three buttons: pick from the library, pick one of
// the body's pictures (both in the library dialog), and remove; the
// preview follows the field, whoever changes it. Choosing writes the
// field and fires its input and change events, as typing would, so the
// form knows it has changed.

import { openLibrary, bodyPictures, fileName } from './library.js'
import { isSafeUrl } from './url.js'

function el(tag, attrs, parent, text) {
  const n = document.createElement(tag)
  for (const k of Object.keys(attrs || {})) n.setAttribute(k, attrs[k])
  if (text != null) n.textContent = text
  if (parent) parent.appendChild(n)
  return n
}

function setup(root) {
  if (root.hasAttribute('data-featured-ready')) return
  const input = root.querySelector('input[name="image"]')
  const preview = root.querySelector('[data-featured-preview]')
  if (!input || !preview) return
  root.setAttribute('data-featured-ready', '')
  const url = root.getAttribute('data-library-url') || '/admin/media'
  const form = input.form
  const body = form ? form.querySelector('textarea[name="body"]') : null

  const actions = el('div', { class: 'featured-actions' }, input.parentNode)
  const fromLibrary = el('button', { type: 'button', class: 'secondary' }, actions, 'Chọn từ thư viện…')
  const fromBody = el('button', { type: 'button', class: 'secondary' }, actions, 'Chọn ảnh trong bài…')
  const clear = el('button', { type: 'button', class: 'secondary' }, actions, 'Bỏ ảnh đại diện')
  const note = el('span', { class: 'featured-note', role: 'status', 'aria-live': 'polite' }, actions)

  const pictures = () => (body ? bodyPictures(body.value) : [])

  function show() {
    const v = input.value.trim()
    preview.textContent = ''
    if (v && isSafeUrl(v) && /^(https?:\/\/|\/)/i.test(v)) {
      el('img', { src: v, alt: 'Ảnh đại diện đang chọn' }, preview)
    } else {
      el('span', { class: 'featured-none' }, preview, v ? 'Địa chỉ chưa hợp lệ' : 'Chưa có ảnh đại diện')
    }
    clear.disabled = v === ''
  }

  function set(value, message) {
    input.value = value
    input.removeAttribute('aria-invalid')
    input.dispatchEvent(new Event('input', { bubbles: true }))
    input.dispatchEvent(new Event('change', { bubbles: true }))
    show()
    note.textContent = message
  }

  function open(source, opener) {
    openLibrary({
      url,
      mode: 'featured',
      source,
      opener,
      bodyImages: pictures,
      onChoose: (c) => set(c.src, 'Đã chọn ảnh đại diện: ' + (c.name || fileName(c.src)) + '. Bấm Lưu để ghi lại.'),
    })
  }

  fromLibrary.addEventListener('click', () => open('library', fromLibrary))
  fromBody.addEventListener('click', () => open('body', fromBody))
  clear.addEventListener('click', () => {
    set('', 'Đã bỏ ảnh đại diện. Bấm Lưu để ghi lại.')
    fromLibrary.focus()
  })
  input.addEventListener('input', show)
  input.addEventListener('change', show)
  show()
}

export function initFeatured() {
  for (const root of document.querySelectorAll('[data-featured-picker]')) {
    try {
      setup(root)
    } catch (err) {
      // The address field stays usable whatever happened.
      console.error('featured image:', err)
    }
  }
}
