// The image library's dialog: lists the site's library (search, pages)
// and, for the featured image, the pictures of the article's body; the
// person picks one with the mouse or the keyboard (the choices are radio
// buttons, so arrow keys move between them and a screen reader reads each
// picture's name, size, uploader and date).
//
// It is a modal <dialog> (showModal makes the rest of the page inert, so
// focus stays inside), labelled by its heading; Escape or Hủy closes it,
// and focus goes back to what opened it. Nothing is inserted into the
// page's HTML from the server's answer: every text is set as text.
//
//   openLibrary({
//     url: '/admin/media',          // GET ?q=&trang= answers JSON (see README)
//     mode: 'insert' | 'featured',
//     bodyImages: () => [{src, alt, srcset}],   // featured mode
//     source: 'library' | 'body',   // featured mode: what to show first
//     onChoose: (choice) => {},     // {src, srcset, width, height, alt, caption, name, id}
//     opener: element to focus again,
//   })

import { isSafeUrl } from './url.js'

let dialogCount = 0

function el(tag, attrs, parent, text) {
  const n = document.createElement(tag)
  for (const k of Object.keys(attrs || {})) {
    if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) n.setAttribute(k, attrs[k] === true ? '' : attrs[k])
  }
  if (text != null) n.textContent = text
  if (parent) parent.appendChild(n)
  return n
}

/**
 * bodyPictures returns the pictures an article's HTML shows, each once:
 * {src, alt, srcset}. Only addresses the portal would store are kept.
 * parse turns HTML into a Document (DOMParser in a browser; an inert
 * document loads nothing).
 */
export function bodyPictures(html, parse = defaultParse) {
  if (typeof html !== 'string' || html.indexOf('<img') < 0) return []
  const doc = parse(html)
  const out = []
  const seen = new Set()
  for (const img of doc.querySelectorAll('img[src]')) {
    const src = img.getAttribute('src') || ''
    if (!isSafeUrl(src) || seen.has(src)) continue
    seen.add(src)
    const fig = img.closest('figure')
    const cap = fig && fig.querySelector('figcaption')
    out.push({
      src,
      alt: img.getAttribute('alt') || '',
      srcset: img.getAttribute('srcset') || '',
      caption: cap ? cap.textContent.trim() : '',
      name: fileName(src),
    })
  }
  return out
}

function defaultParse(html) {
  return new DOMParser().parseFromString(html, 'text/html')
}

/** fileName is the last part of an address, for a picture without one. */
export function fileName(src) {
  const path = String(src).split(/[?#]/)[0]
  const i = path.lastIndexOf('/')
  return decodeSafe(i >= 0 ? path.slice(i + 1) : path)
}

function decodeSafe(s) {
  try {
    return decodeURIComponent(s)
  } catch (_) {
    return s
  }
}

/**
 * libraryQuery builds the library's address for a search and a page.
 */
export function libraryQuery(url, q, page) {
  const params = new URLSearchParams()
  if (q) params.set('q', q)
  if (page > 1) params.set('trang', String(page))
  const s = params.toString()
  return s ? url + (url.indexOf('?') >= 0 ? '&' : '?') + s : url
}

const TEXTS = {
  insert: { title: 'Chèn ảnh từ thư viện', confirm: 'Chèn ảnh' },
  featured: { title: 'Chọn ảnh đại diện', confirm: 'Dùng làm ảnh đại diện' },
}

/** openLibrary opens the dialog (see the top of this file). */
export function openLibrary(opts) {
  const n = ++dialogCount
  const mode = opts.mode === 'featured' ? 'featured' : 'insert'
  const texts = TEXTS[mode]
  const id = (s) => 'media-dialog-' + n + '-' + s
  const opener = opts.opener || document.activeElement

  const dialog = el('dialog', { class: 'media-dialog', 'aria-labelledby': id('title'), 'data-mode': mode })
  const head = el('div', { class: 'media-dialog-head' }, dialog)
  el('h2', { id: id('title') }, head, texts.title)
  const close = el('button', { type: 'button', class: 'media-dialog-close' }, head, 'Đóng')

  // Featured mode: the library or the body's pictures.
  let source = mode === 'featured' && opts.source === 'body' ? 'body' : 'library'
  let sourceInputs = []
  if (mode === 'featured') {
    const fs = el('fieldset', { class: 'media-dialog-source' }, dialog)
    el('legend', {}, fs, 'Lấy ảnh từ')
    const count = (opts.bodyImages ? opts.bodyImages() : []).length
    for (const [value, label] of [['library', 'Thư viện ảnh'], ['body', 'Ảnh trong bài (' + count + ')']]) {
      const lab = el('label', {}, fs)
      const input = el('input', { type: 'radio', name: id('source'), value }, lab)
      input.checked = value === source
      lab.appendChild(document.createTextNode(' ' + label))
      sourceInputs.push(input)
      input.addEventListener('change', () => {
        if (!input.checked) return
        source = value
        page = 1
        load()
      })
    }
  }

  const search = el('form', { class: 'media-dialog-search', role: 'search', 'aria-label': 'Tìm ảnh' }, dialog)
  el('label', { for: id('q') }, search, 'Tìm theo tên tệp, mô tả, chú thích')
  const row = el('div', { class: 'media-dialog-row' }, search)
  const q = el('input', { type: 'search', id: id('q'), maxlength: '200', autocomplete: 'off' }, row)
  el('button', { type: 'submit', class: 'media-dialog-secondary' }, row, 'Tìm')

  const status = el('p', { class: 'media-dialog-status', id: id('status'), role: 'status', 'aria-live': 'polite' }, dialog)
  const listBox = el('fieldset', { class: 'media-dialog-list', 'aria-describedby': id('status') }, dialog)
  el('legend', { class: 'media-dialog-legend' }, listBox, 'Chọn một ảnh')
  const list = el('ul', {}, listBox)

  const pager = el('nav', { class: 'media-dialog-pager', 'aria-label': 'Trang ảnh' }, dialog)
  const prev = el('button', { type: 'button', class: 'media-dialog-secondary' }, pager, '« Trang trước')
  const pageInfo = el('span', {}, pager)
  const next = el('button', { type: 'button', class: 'media-dialog-secondary' }, pager, 'Trang sau »')

  let altInput = null
  let captionInput = null
  if (mode === 'insert') {
    const details = el('div', { class: 'media-dialog-details' }, dialog)
    el('label', { for: id('alt') }, details, 'Mô tả ảnh (cho người khiếm thị)')
    altInput = el('input', { type: 'text', id: id('alt'), maxlength: '300', 'aria-describedby': id('alt-help') }, details)
    el('small', { id: id('alt-help') }, details, 'Điền sẵn từ thư viện; sửa ở đây chỉ đổi trong bài này.')
    el('label', { for: id('caption') }, details, 'Chú thích')
    captionInput = el('input', { type: 'text', id: id('caption'), maxlength: '1000' }, details)
  }

  const actions = el('div', { class: 'media-dialog-actions' }, dialog)
  const cancel = el('button', { type: 'button', class: 'media-dialog-secondary' }, actions, 'Hủy')
  const confirm = el('button', { type: 'button', class: 'media-dialog-primary' }, actions, texts.confirm)
  confirm.disabled = true

  let page = 1
  let items = []
  let chosen = null
  let seq = 0
  let searched = ''

  const say = (msg, isError) => {
    status.textContent = msg
    status.classList.toggle('is-error', !!isError)
  }

  function render(list_, total, pages) {
    list.textContent = ''
    items = list_
    chosen = null
    confirm.disabled = true
    if (altInput) altInput.value = ''
    if (captionInput) captionInput.value = ''
    items.forEach((it, i) => {
      const li = el('li', {}, list)
      const lab = el('label', { class: 'media-choice' }, li)
      const radio = el('input', { type: 'radio', name: id('pick'), value: String(i) }, lab)
      const thumb = el('span', { class: 'media-choice-thumb' }, lab)
      const src = it.thumb || it.src
      if (src && isSafeUrl(src)) el('img', { src, alt: '', loading: 'lazy' }, thumb)
      const text = el('span', { class: 'media-choice-text' }, lab)
      el('span', { class: 'media-choice-name' }, text, it.name || fileName(it.src))
      const meta = [it.size, it.uploader, it.date].filter(Boolean).join(' · ')
      if (meta) el('span', { class: 'media-choice-meta' }, text, meta)
      if (it.alt) el('span', { class: 'media-choice-alt' }, text, it.alt)
      radio.addEventListener('change', () => {
        if (radio.checked) pick(i)
      })
      lab.addEventListener('dblclick', () => {
        pick(i)
        choose()
      })
    })
    pager.hidden = !(pages > 1)
    prev.disabled = page <= 1
    next.disabled = page >= pages
    pageInfo.textContent = pages > 1 ? 'Trang ' + page + '/' + pages : ''
    if (items.length === 0) {
      if (source === 'body') say('Bài chưa có ảnh nào. Hãy chèn ảnh vào nội dung trước, hoặc chọn từ thư viện.')
      else say(searched ? 'Không có ảnh nào khớp “' + searched + '”.' : 'Thư viện chưa có ảnh. Hãy tải ảnh lên bằng nút Ảnh hoặc ở trang Thư viện ảnh.')
    } else if (source === 'body') {
      say('Bài có ' + total + ' ảnh. Chọn một ảnh.')
    } else {
      say((searched ? total + ' ảnh khớp “' + searched + '”' : 'Thư viện có ' + total + ' ảnh') + (pages > 1 ? ', trang ' + page + '/' + pages : '') + '. Chọn một ảnh.')
    }
  }

  function pick(i) {
    chosen = items[i] || null
    confirm.disabled = !chosen
    if (chosen && altInput) {
      altInput.value = chosen.alt || ''
      captionInput.value = chosen.caption || ''
    }
  }

  async function load() {
    const my = ++seq
    search.hidden = source === 'body'
    if (source === 'body') {
      const pics = opts.bodyImages ? opts.bodyImages() : []
      page = 1
      searched = ''
      render(pics, pics.length, 1)
      return
    }
    say('Đang tải danh sách ảnh…')
    dialog.setAttribute('aria-busy', 'true')
    let res
    let data = null
    try {
      res = await fetch(libraryQuery(opts.url, searched, page), {
        headers: { Accept: 'application/json', 'X-Requested-With': 'fetch' },
        credentials: 'same-origin',
      })
      if (/\/dang-nhap(?:[?#]|$)/.test(new URL(res.url, location.href).pathname)) {
        throw new Error('signed-out')
      }
      data = await res.json()
    } catch (err) {
      if (my !== seq) return
      dialog.removeAttribute('aria-busy')
      list.textContent = ''
      say(err && err.message === 'signed-out'
        ? 'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại ở một thẻ khác rồi mở lại thư viện.'
        : 'Không tải được thư viện ảnh. Kiểm tra kết nối rồi thử lại.', true)
      return
    }
    if (my !== seq) return
    dialog.removeAttribute('aria-busy')
    if (!res.ok || !data || !Array.isArray(data.items)) {
      list.textContent = ''
      say(data && typeof data.error === 'string' ? data.error : 'Không tải được thư viện ảnh (mã lỗi ' + res.status + ').', true)
      return
    }
    const safe = data.items.filter((it) => it && typeof it.url === 'string' && isSafeUrl(it.url)).map((it) => ({
      id: it.id,
      src: it.url,
      srcset: typeof it.srcset === 'string' ? it.srcset : '',
      width: Number(it.width) > 0 ? Math.round(Number(it.width)) : null,
      height: Number(it.height) > 0 ? Math.round(Number(it.height)) : null,
      alt: typeof it.alt === 'string' ? it.alt : '',
      caption: typeof it.caption === 'string' ? it.caption : '',
      name: typeof it.name === 'string' ? it.name : '',
      thumb: typeof it.thumb === 'string' ? it.thumb : '',
      uploader: typeof it.uploader === 'string' ? it.uploader : '',
      date: typeof it.date === 'string' ? it.date : '',
      size: typeof it.size === 'string' ? it.size : '',
    }))
    render(safe, Number(data.total) || 0, Number(data.pages) || 1)
  }

  function choose() {
    if (!chosen) return
    const choice = { ...chosen }
    if (altInput) {
      choice.alt = altInput.value.trim()
      choice.caption = captionInput.value.trim()
    }
    finish()
    opts.onChoose(choice)
  }

  let done = false
  function finish() {
    if (done) return
    done = true
    if (dialog.open) dialog.close()
    dialog.remove()
    if (opener && typeof opener.focus === 'function' && document.contains(opener)) opener.focus()
  }

  search.addEventListener('submit', (e) => {
    e.preventDefault()
    searched = q.value.trim()
    page = 1
    load()
  })
  prev.addEventListener('click', () => {
    if (page > 1) {
      page--
      load()
    }
  })
  next.addEventListener('click', () => {
    page++
    load()
  })
  // Enter on a chosen picture confirms, as a double click does.
  list.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && chosen) {
      e.preventDefault()
      choose()
    }
  })
  if (altInput) {
    for (const input of [altInput, captionInput]) {
      input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' && chosen) {
          e.preventDefault()
          choose()
        }
      })
    }
  }
  confirm.addEventListener('click', choose)
  cancel.addEventListener('click', finish)
  close.addEventListener('click', finish)
  // Escape: the browser closes the dialog; the page's focus comes back.
  dialog.addEventListener('close', finish)

  document.body.appendChild(dialog)
  dialog.showModal()
  if (source === 'body' && sourceInputs.length) sourceInputs[1].focus()
  else q.focus()
  load()
  return dialog
}
