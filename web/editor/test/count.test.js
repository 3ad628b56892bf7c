// Tests of the word and character count. Run with `npm test`.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { countText, countLabel } from '../src/count.js'

test('Vietnamese words are what spaces separate', () => {
  assert.deepEqual(countText('Hội nghị triển khai nhiệm vụ năm 2027.'), { words: 8, chars: 38 })
})

test('an empty text, spaces and punctuation alone have no words', () => {
  assert.deepEqual(countText(''), { words: 0, chars: 0 })
  assert.deepEqual(countText(null), { words: 0, chars: 0 })
  assert.deepEqual(countText('  —  …  '), { words: 0, chars: 8 })
})

test('paragraph breaks separate words but are not characters', () => {
  assert.deepEqual(countText('Đoạn một.\n\nĐoạn hai.'), { words: 4, chars: 18 })
})

test('decomposed accents count with their letter', () => {
  const nfd = 'Việt Nam'.normalize('NFD')
  assert.notEqual(nfd.length, 'Việt Nam'.length)
  assert.deepEqual(countText(nfd), { words: 2, chars: 8 })
})

test('numbers and addresses are words', () => {
  assert.equal(countText('95% kế hoạch, https://chinhphu.vn 12/2026').words, 5)
})

test('the label groups thousands the Vietnamese way', () => {
  assert.equal(countLabel({ words: 1234, chars: 5678 }), '1.234 từ · 5.678 ký tự')
  assert.equal(countLabel({ words: 0, chars: 0 }), '0 từ · 0 ký tự')
})
