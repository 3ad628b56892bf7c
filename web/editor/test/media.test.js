// Tests of the image library's pure parts: pictures pasted from Word (the
// RTF's pictures, data: URIs, the paste cleaner's placeholders), the
// body's pictures the featured image is picked from, and the library's
// query. Run with `npm test` (node:test, jsdom for the DOM).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { JSDOM } from 'jsdom'
import { rtfPictures, hexBytes, dataURIBytes, pastedPictureSources, isWordHTML } from '../src/wordimages.js'
import { transformPastedHTML } from '../src/paste.js'
import { bodyPictures, fileName, libraryQuery } from '../src/library.js'
import { toStored } from '../src/stored.js'

const { window } = new JSDOM('')
const parse = (html) => new window.DOMParser().parseFromString(html, 'text/html')

// A PNG's first bytes: the signature and the IHDR chunk's start.
const PNG_HEX = '89504e470d0a1a0a0000000d49484452000000400000002808060000'
const JPEG_HEX = 'ffd8ffe000104a46494600010100000100010000ffdb004300080606'

// What Word puts in the RTF flavour for three pictures: a PNG (with its
// WMF fallback for old readers), a JPEG, and one kept only as EMF.
const RTF = String.raw`{\rtf1\ansi\ansicpg1258\deff0{\fonttbl{\f0 Times New Roman;}}\pard Báo cáo` +
  String.raw`{\*\shppict{\pict{\*\picprop\shplid1025{\sp{\sn shapeType}{\sv 75}}{\sp{\sn fillColor}{\sv 268435473}}}\picscalex100\picscaley100\picw1693\pich1058\picwgoal960\pichgoal600\pngblip\bliptag-1418530412{\*\blipuid ab73b8946c10b06bb3fe14d4fd0aa51b}` +
  '\r\n' + PNG_HEX.slice(0, 30) + '\r\n' + PNG_HEX.slice(30) + '}}' +
  String.raw`{\nonshppict{\pict\picscalex100\picscaley100\picw1693\pich1058\wmetafile8\bliptag-1418530412 010009000003ee3e00000000}}` +
  String.raw`\par{\*\shppict{\pict\picw100\pich100\jpegblip\bliptag255{\*\blipuid 00ff}` + JPEG_HEX + '}}' +
  String.raw`\par{\pict\picw10\pich10\emfblip 0100000084000000000000000000}\par}`

test('rtfPictures: PNG and JPEG in order, the WMF fallback skipped, an EMF-only picture counted but not taken', () => {
  const pics = rtfPictures(RTF)
  assert.equal(pics.length, 3)
  assert.deepEqual(pics.map((p) => p.type), ['image/png', 'image/jpeg', null])
  assert.equal(pics[0].hex, PNG_HEX)
  assert.equal(pics[0].ext, 'png')
  assert.equal(pics[1].hex, JPEG_HEX)
  assert.equal(pics[2].hex, '')
  assert.deepEqual(Array.from(hexBytes(pics[0].hex).slice(0, 4)), [0x89, 0x50, 0x4e, 0x47])
})

test('rtfPictures: no RTF, RTF without pictures, escaped braces', () => {
  assert.deepEqual(rtfPictures(''), [])
  assert.deepEqual(rtfPictures(null), [])
  assert.deepEqual(rtfPictures(String.raw`{\rtf1 Chỉ có chữ \{không phải nhóm\}}`), [])
  const pics = rtfPictures(String.raw`{\rtf1 a\{b{\pict\pngblip ` + PNG_HEX + '}}')
  assert.equal(pics.length, 1)
  assert.equal(pics[0].hex, PNG_HEX)
})

test('dataURIBytes decodes picture data URIs only', () => {
  const png = dataURIBytes('data:image/png;base64,iVBORw0KGgo=')
  assert.equal(png.type, 'image/png')
  assert.equal(png.ext, 'png')
  assert.deepEqual(Array.from(png.bytes.slice(0, 4)), [0x89, 0x50, 0x4e, 0x47])
  assert.equal(dataURIBytes('data:image/jpg;base64,/9j/4A==').type, 'image/jpeg')
  for (const bad of ['data:text/html;base64,PHA+', 'data:image/svg+xml;base64,PHN2Zz4=', 'data:image/png,raw', 'https://a/b.png', '', null]) {
    assert.equal(dataURIBytes(bad), null, String(bad))
  }
})

test('pastedPictureSources: file: pictures take the RTF pictures in order, only when the counts agree', () => {
  const srcs = ['file:///C:/a/clip_image001.png', 'https://example.com/x.jpg', 'data:image/png;base64,iVBORw0KGgo=', 'file:///C:/a/clip_image002.jpg', 'file:///C:/a/clip_image003.emz']
  const got = pastedPictureSources(srcs, RTF)
  assert.equal(got[0].type, 'image/png')
  assert.equal(got[1], null)
  assert.equal(got[2].type, 'image/png')
  assert.equal(got[3].type, 'image/jpeg')
  assert.equal(got[4], null)
  // Two file: pictures and three in the RTF: none can be told apart.
  const fewer = pastedPictureSources(['file:///a.png', 'file:///b.png'], RTF)
  assert.deepEqual(fewer, [null, null])
  // No RTF at all (a drop, or another program).
  assert.deepEqual(pastedPictureSources(['file:///a.png'], ''), [null])
})

test('isWordHTML', () => {
  assert.equal(isWordHTML('<html xmlns:o="urn:schemas-microsoft-com:office:office">'), true)
  assert.equal(isWordHTML('<meta name=Generator content="Microsoft Word 15">'), true)
  assert.equal(isWordHTML('<p class=MsoNormal>a</p>'), true)
  assert.equal(isWordHTML('<p>a</p>'), false)
})

test('the paste cleaner leaves a placeholder per picture, after its block, in order', () => {
  const seen = []
  const onImage = (src, alt) => {
    seen.push([src, alt])
    return 't' + seen.length
  }
  const html = `<p class=MsoNormal>Mở đầu <b>đậm</b><![if !vml]><img src="file:///C:/a/clip_image001.png" alt="Biểu đồ"><![endif]> tiếp</p>
    <ul><li>Ý một <img src="data:image/png;base64,iVBORw0KGgo="></li></ul>
    <p><img src="https://example.com/x.jpg"><img src="https://example.com/y.jpg"></p><p>Hết</p>
    <picture><source srcset="a.webp"><img src="b.jpg"></picture>`
  const out = transformPastedHTML(html, parse, { onImage })
  assert.deepEqual(seen, [['file:///C:/a/clip_image001.png', 'Biểu đồ'], ['data:image/png;base64,iVBORw0KGgo=', ''],
    ['https://example.com/x.jpg', ''], ['https://example.com/y.jpg', ''], ['b.jpg', '']])
  assert.equal(out,
    '<p>Mở đầu <strong>đậm</strong> tiếp</p><div data-pending-image="t1"></div>' +
    '<ul><li>Ý một </li></ul><div data-pending-image="t2"></div>' +
    '<div data-pending-image="t3"></div><div data-pending-image="t4"></div><p>Hết</p><div data-pending-image="t5"></div>')
})

test('without onImage, or when it gives no token, pictures are dropped as before', () => {
  assert.equal(transformPastedHTML('<p>a<img src="x.png">b</p>', parse), '<p>ab</p>')
  assert.equal(transformPastedHTML('<p>a<img src="x.png">b</p>', parse, { onImage: () => null }), '<p>ab</p>')
  // A placeholder cannot come from the clipboard itself.
  assert.equal(transformPastedHTML('<div data-pending-image="x">a</div><congtin-pasted-image data-token="y"></congtin-pasted-image>', parse, { onImage: () => 'z' }), '<p>a</p>')
})

test('a placeholder left in the editor is not stored', () => {
  assert.equal(toStored('<p>a</p><div data-pending-image="img1-2"></div><p>b</p>'), '<p>a</p><p>b</p>')
})

test('bodyPictures: the body\'s pictures, each once, safe addresses only', () => {
  const html = '<p>a</p><figure><img src="/media/ab/x-1024.jpg" alt="Cầu" srcset="/media/ab/x-320.jpg 320w"><figcaption>Cầu mới</figcaption></figure>' +
    '<p><img src="https://example.com/anh%20moi.png"></p><img src="/media/ab/x-1024.jpg"><img src="javascript:alert(1)"><img src="data:image/png;base64,AA==">'
  assert.deepEqual(bodyPictures(html, parse), [
    { src: '/media/ab/x-1024.jpg', alt: 'Cầu', srcset: '/media/ab/x-320.jpg 320w', caption: 'Cầu mới', name: 'x-1024.jpg' },
    { src: 'https://example.com/anh%20moi.png', alt: '', srcset: '', caption: '', name: 'anh moi.png' },
  ])
  assert.deepEqual(bodyPictures('<p>Không ảnh</p>', parse), [])
  assert.deepEqual(bodyPictures(null, parse), [])
})

test('fileName and libraryQuery', () => {
  assert.equal(fileName('/media/ab/cd-1024.jpg?x=1#y'), 'cd-1024.jpg')
  assert.equal(fileName('%E0%A4%A'), '%E0%A4%A')
  assert.equal(libraryQuery('/admin/media', '', 1), '/admin/media')
  assert.equal(libraryQuery('/admin/media', 'hội nghị', 2), '/admin/media?q=h%E1%BB%99i+ngh%E1%BB%8B&trang=2')
  assert.equal(libraryQuery('/admin/media?a=b', 'x', 1), '/admin/media?a=b&q=x')
})
