// Conversions between the HTML stored for an article and the HTML the
// editor reads and writes. Pure string functions: tested in Node.
//
// The only style the server keeps is text-align (on p, h2–h4, td, th). A
// style attribute cannot be applied under the page's CSP (style-src 'self'
// blocks style attributes even in a DOMParser document, with a report each
// time), so before the editor reads stored HTML every style attribute is
// replaced by data-text-align (or dropped), and the editor's output turns
// data-text-align back into style="text-align: …".

const TAG = /<([a-z][a-z0-9]*)\b([^<>]*)>/gi
const STYLE_ATTR = /\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i
const TEXT_ALIGN = /(?:^|;)\s*text-align\s*:\s*(left|right|center|justify)\s*(?:!important\s*)?(?:;|$)/i

/** fromStored prepares stored HTML for the editor. */
export function fromStored(html) {
  if (typeof html !== 'string') return ''
  return html.replace(TAG, (tag, name, attrs) => {
    if (!/\sstyle\s*=/i.test(attrs)) return tag
    const rest = attrs.replace(STYLE_ATTR, (_, dq, sq, uq) => {
      const m = TEXT_ALIGN.exec(decodeEntities(dq != null ? dq : sq != null ? sq : uq || ''))
      return m && !/\sdata-text-align\s*=/i.test(attrs) ? ` data-text-align="${m[1].toLowerCase()}"` : ''
    })
    return `<${name}${rest}>`
  })
}

/** toStored turns the editor's HTML into the HTML to store. */
export function toStored(html) {
  return html
    .replace(/<figcaption><\/figcaption>/g, '')
    // A pasted picture still being uploaded (editor.js) is not content.
    .replace(/<div data-pending-image="[^"<>]*"><\/div>/g, '')
    // The empty paragraph the editor keeps after a final table or figure.
    .replace(/(?:<p><\/p>)+$/, '')
    .replace(/(<(?:p|h[1-6]|td|th)\b[^<>]*?) data-text-align="(left|right|center|justify)"/g, '$1 style="text-align: $2"')
}

function decodeEntities(s) {
  return s.replace(/&(?:quot|#34|#x22);/gi, '"').replace(/&(?:apos|#39|#x27);/gi, "'").replace(/&amp;/gi, '&')
}
