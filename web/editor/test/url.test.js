import { test } from 'node:test'
import assert from 'node:assert/strict'
import { isSafeUrl, normalizeLinkInput } from '../src/url.js'

test('isSafeUrl accepts http(s), mailto and relative addresses', () => {
  for (const u of [
    'https://chinhphu.vn/',
    'http://example.org/a?b=c:d',
    'HTTPS://X.VN',
    'mailto:vanphong@tinh.gov.vn',
    '/media/ab/anh-1024.jpg',
    'tin-tuc/bai-viet.html',
    '../a',
    '?trang=2',
    '#muc-1',
  ]) assert.equal(isSafeUrl(u), true, u)
})

test('isSafeUrl refuses other schemes and protocol-relative addresses', () => {
  for (const u of [
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'file:///C:/a.png',
    'tel:0123',
    '//evil.example/',
    '/\\evil.example/',
    '\\\\evil.example',
    '',
    '   ',
    null,
    undefined,
  ]) assert.equal(isSafeUrl(u), false, String(u))
})

test('normalizeLinkInput completes what people type', () => {
  assert.equal(normalizeLinkInput('  www.chinhphu.vn '), 'https://www.chinhphu.vn')
  assert.equal(normalizeLinkInput('baochinhphu.vn/tin-tuc'), 'https://baochinhphu.vn/tin-tuc')
  assert.equal(normalizeLinkInput('vanphong@tinh.gov.vn'), 'mailto:vanphong@tinh.gov.vn')
  assert.equal(normalizeLinkInput('/gioi-thieu'), '/gioi-thieu')
  assert.equal(normalizeLinkInput('https://x.vn'), 'https://x.vn')
  assert.equal(normalizeLinkInput('javascript:alert(1)'), 'javascript:alert(1)')
  assert.equal(normalizeLinkInput(''), '')
  assert.equal(normalizeLinkInput(null), '')
})

test('a link to a document of the register is kept as typed', () => {
  for (const u of ['/van-ban/115-kh-ubnd-12', '/van-ban/12', '/van-ban?q=115+kh+ubnd']) {
    assert.equal(normalizeLinkInput(' ' + u + ' '), u, u)
    assert.equal(isSafeUrl(normalizeLinkInput(u)), true, u)
  }
})
