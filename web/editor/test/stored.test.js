import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fromStored, toStored } from '../src/stored.js'

test('fromStored turns text-align styles into data-text-align and drops other styles', () => {
  assert.equal(fromStored('<p style="text-align: center">a</p>'), '<p data-text-align="center">a</p>')
  assert.equal(fromStored(`<td colspan="2" style='TEXT-ALIGN:Right;'>b</td>`), '<td colspan="2" data-text-align="right">b</td>')
  assert.equal(fromStored('<p style="color: red">c</p><img src="/a.jpg" style="width:10px" alt="">'), '<p>c</p><img src="/a.jpg" alt="">')
  assert.equal(fromStored('<p>style="text-align: center" &lt;p style="x"&gt;</p>'), '<p>style="text-align: center" &lt;p style="x"&gt;</p>')
  assert.equal(fromStored(''), '')
  assert.equal(fromStored(null), '')
})

test('toStored writes styles back and drops empty captions', () => {
  assert.equal(toStored('<p data-text-align="justify">a</p><h3 data-text-align="center">b</h3>'), '<p style="text-align: justify">a</p><h3 style="text-align: center">b</h3>')
  assert.equal(toStored('<td colspan="2" data-text-align="right"><p>x</p></td>'), '<td colspan="2" style="text-align: right"><p>x</p></td>')
  assert.equal(toStored('<figure><img src="/m.jpg" alt=""><figcaption></figcaption></figure>'), '<figure><img src="/m.jpg" alt=""></figure>')
  assert.equal(toStored('<figure><img src="/m.jpg" alt=""><figcaption>Chú thích</figcaption></figure>'), '<figure><img src="/m.jpg" alt=""><figcaption>Chú thích</figcaption></figure>')
  assert.equal(toStored('<table><tbody><tr><td><p>a</p></td></tr></tbody></table><p></p>'), '<table><tbody><tr><td><p>a</p></td></tr></tbody></table>')
  assert.equal(toStored('<p>a</p><p></p><p>b</p>'), '<p>a</p><p></p><p>b</p>')
  // Text that merely looks like the attribute stays text.
  assert.equal(toStored('<p>x data-text-align="center"</p>'), '<p>x data-text-align="center"</p>')
})
