// Pictures with captions:
//
//   <figure><img src alt srcset sizes width height><figcaption>…</figcaption></figure>
//
// Two nodes: `figure` holds the picture's attributes and exactly one
// `figcaption`, whose content is the caption text (bold, italic, links).
// Keeping the caption in a node of its own means "## " typed in a caption,
// or the Tiêu đề / Danh sách buttons, cannot turn the figure into a heading
// or a list and lose the picture: the schema refuses it.
//
// An empty caption is shown with the placeholder "Chú thích ảnh" and is not
// stored (the editor's output drops <figcaption></figcaption>); a <figure>
// without <figcaption> is read with an empty caption.

import { Node } from '@tiptap/core'
import { NodeSelection, TextSelection } from '@tiptap/pm/state'
import { isSafeUrl } from './url.js'

export const CAPTION_PLACEHOLDER = 'Chú thích ảnh'

const IMG_ATTRS = ['src', 'alt', 'srcset', 'sizes', 'width', 'height']

const imgOf = (el) => el.querySelector('img')

function stringAttr(attr, empty) {
  return {
    default: empty,
    rendered: false,
    parseHTML: (el) => {
      const img = imgOf(el)
      const v = img && img.getAttribute(attr)
      return v == null || v === '' ? empty : v
    },
  }
}

function sizeAttr(attr) {
  return {
    default: null,
    rendered: false,
    parseHTML: (el) => {
      const img = imgOf(el)
      const v = img ? parseInt(img.getAttribute(attr) || '', 10) : NaN
      return v > 0 && v < 100000 ? v : null
    },
  }
}

/** imgAttributes gives the <img> attributes for a figure node's attrs. */
export function imgAttributes(attrs) {
  const out = { src: attrs.src || '', alt: attrs.alt || '' }
  if (attrs.srcset) out.srcset = attrs.srcset
  if (attrs.sizes) out.sizes = attrs.sizes
  if (attrs.width) out.width = String(attrs.width)
  if (attrs.height) out.height = String(attrs.height)
  return out
}

export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  content: 'figcaption',
  draggable: true,
  selectable: true,
  isolating: true,
  defining: true,
  // Before the core keymap, so Enter in a caption is ours.
  priority: 1000,

  addAttributes() {
    return {
      src: stringAttr('src', null),
      alt: stringAttr('alt', ''),
      srcset: stringAttr('srcset', null),
      sizes: stringAttr('sizes', null),
      width: sizeAttr('width'),
      height: sizeAttr('height'),
    }
  },

  parseHTML() {
    return [
      {
        tag: 'figure',
        getAttrs: (el) => {
          const img = imgOf(el)
          const src = img && img.getAttribute('src')
          return src && isSafeUrl(src) ? null : false
        },
        // Parse only the caption (the <img> is in the attributes); a
        // figure without one gets an empty caption.
        contentElement: (el) => {
          const box = el.ownerDocument.createElement('div')
          const caption = el.querySelector('figcaption')
          box.appendChild(caption ? caption.cloneNode(true) : el.ownerDocument.createElement('figcaption'))
          return box
        },
      },
    ]
  },

  // <figure><img …><figcaption>…</figcaption></figure>: the caption node
  // is rendered after the picture, inside the figure itself (a DOM spec
  // array cannot put a content hole next to another child).
  renderHTML({ node }) {
    const dom = document.createElement('figure')
    const img = document.createElement('img')
    const attrs = imgAttributes(node.attrs)
    for (const a of IMG_ATTRS) if (attrs[a] != null) img.setAttribute(a, attrs[a])
    dom.appendChild(img)
    return { dom, contentDOM: dom }
  },

  addNodeView() {
    return ({ node: initial }) => {
      let node = initial
      const dom = document.createElement('figure')
      dom.className = 'editor-figure'
      const img = document.createElement('img')
      img.draggable = false
      const slot = document.createElement('div')
      slot.className = 'editor-figure-caption'
      dom.append(img, slot)
      const render = () => {
        const attrs = imgAttributes(node.attrs)
        for (const a of IMG_ATTRS) {
          if (attrs[a] != null) img.setAttribute(a, attrs[a])
          else img.removeAttribute(a)
        }
      }
      render()
      return {
        dom,
        contentDOM: slot,
        update(next) {
          if (next.type !== node.type) return false
          node = next
          render()
          return true
        },
      }
    }
  },

  addKeyboardShortcuts() {
    const inCaption = () => {
      const { $from } = this.editor.state.selection
      return $from.depth >= 2 && $from.parent.type.name === 'figcaption' ? $from : null
    }
    return {
      // Enter in a caption goes on with a new paragraph after the figure
      // (Shift-Enter still breaks the line).
      Enter: () => {
        const $from = inCaption()
        if (!$from) return false
        const { state, view } = this.editor
        const pos = $from.after($from.depth - 1)
        const tr = state.tr.insert(pos, state.schema.nodes.paragraph.create())
        tr.setSelection(TextSelection.create(tr.doc, pos + 1)).scrollIntoView()
        view.dispatch(tr)
        return true
      },
      // Backspace at the start of a caption selects the figure; a second
      // Backspace deletes it.
      Backspace: () => {
        const $from = inCaption()
        const { state, view } = this.editor
        if (!$from || !state.selection.empty || $from.parentOffset > 0) return false
        view.dispatch(state.tr.setSelection(NodeSelection.create(state.doc, $from.before($from.depth - 1))))
        return true
      },
    }
  },
})

export const Figcaption = Node.create({
  name: 'figcaption',
  content: 'inline*',
  marks: 'bold italic link',
  isolating: true,
  // Only inside a figure: a stray <figcaption> (or one of a figure whose
  // picture was refused) is read as its text, in a paragraph, never as a
  // figure without picture.
  parseHTML() {
    return [{ tag: 'figcaption', context: 'figure/' }]
  },
  renderHTML() {
    return ['figcaption', 0]
  },
  addNodeView() {
    return ({ node: initial }) => {
      let node = initial
      const dom = document.createElement('figcaption')
      dom.setAttribute('data-placeholder', CAPTION_PLACEHOLDER)
      const render = () => dom.classList.toggle('is-empty', node.content.size === 0)
      render()
      return {
        dom,
        contentDOM: dom,
        update(next) {
          if (next.type !== node.type) return false
          node = next
          render()
          return true
        },
      }
    }
  },
})
