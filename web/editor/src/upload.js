// Posting a picture to the upload endpoint (see README: "Upload
// endpoint"), for pictures the editor uploads by itself (pasted ones).

import { isSafeUrl } from './url.js'

/**
 * postImage uploads a file and resolves to {data} (the server's JSON,
 * with a safe url) or {error} (a Vietnamese message to show).
 */
export async function postImage(uploadUrl, tokenHeader, file) {
  let res
  let data = null
  try {
    const body = new FormData()
    body.append('file', file, file.name)
    res = await fetch(uploadUrl, {
      method: 'POST',
      body,
      headers: { [tokenHeader]: 'fetch', Accept: 'application/json' },
      credentials: 'same-origin',
    })
    try {
      data = await res.json()
    } catch (_) {
      data = null
    }
  } catch (_) {
    return { error: 'Không kết nối được máy chủ.' }
  }
  if (!res.ok || !data || data.error || typeof data.url !== 'string') {
    return { error: data && typeof data.error === 'string' && data.error ? data.error : 'Không tải được ảnh lên (mã lỗi ' + res.status + ').' }
  }
  if (!isSafeUrl(data.url)) return { error: 'Máy chủ trả về địa chỉ ảnh không hợp lệ.' }
  return { data }
}

/** figureAttrs gives a figure node's attributes for an uploaded or chosen picture. */
export function figureAttrs(data, alt, defaultSizes) {
  const attrs = {
    src: String(data.url),
    alt: String(alt || '').trim(),
    srcset: typeof data.srcset === 'string' && data.srcset ? data.srcset : null,
    sizes: typeof data.sizes === 'string' && data.sizes ? data.sizes : null,
    width: Number(data.width) > 0 ? Math.round(Number(data.width)) : null,
    height: Number(data.height) > 0 ? Math.round(Number(data.height)) : null,
  }
  if (attrs.srcset && !attrs.sizes) attrs.sizes = defaultSizes
  return attrs
}
