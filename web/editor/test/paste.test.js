// Tests of the paste cleaner on HTML as Word and Google Docs put it on the
// clipboard. Run with `npm test` (node:test, jsdom for the DOM).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { JSDOM } from 'jsdom'
import { transformPastedHTML } from '../src/paste.js'

const { window } = new JSDOM('')
const parse = (html) => new window.DOMParser().parseFromString(html, 'text/html')
const clean = (html) => transformPastedHTML(html, parse)
const dom = (html) => parse(html).body

// What Word (Windows, Vietnamese document) puts on the clipboard, trimmed.
const WORD = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15">
<style><!-- p.MsoNormal {margin:0cm; font-size:12.0pt; font-family:"Times New Roman",serif;} @list l0:level1 {mso-level-number-format:bullet;} --></style></head>
<body lang=VI style='tab-interval:36.0pt'>
<!--StartFragment-->
<h1 style='margin-top:12.0pt'><span lang=VI>Kế hoạch năm 2025<o:p></o:p></span></h1>
<p class=MsoNormal style='text-align:justify'><span lang=VI style='font-size:13.0pt;font-family:"Times New Roman",serif'>Ủy ban nhân dân tỉnh <b>ban hành</b> kế hoạch <i>triển khai</i>.<o:p></o:p></span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=VI style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span lang=VI>Mục tiêu thứ nhất<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span lang=VI style='font-family:"Courier New"'><span style='mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]><span lang=VI>Chi tiết con<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=VI style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span lang=VI>Mục tiêu <b>thứ hai</b><o:p></o:p></span></p>
<p class=MsoNormal><span lang=VI>Các bước thực hiện:<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><!--[if !supportLists]--><span lang=VI><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><!--[endif]--><span lang=VI>Bước một<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><!--[if !supportLists]--><span lang=VI><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><!--[endif]--><span lang=VI>Bước hai<o:p></o:p></span></p>
<p class=MsoNormal><span lang=VI>Phụ lục:<o:p></o:p></span></p>
<p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l2 level1 lfo3'><!--[if !supportLists]--><span lang=VI><span style='mso-list:Ignore'>a)<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><!--[endif]--><span lang=VI>Phụ lục a<o:p></o:p></span></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-yfti-tbllook:1184'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=301 valign=top style='width:225.4pt;border:solid windowtext 1.0pt'><p class=MsoNormal><b><span lang=VI>Chỉ tiêu<o:p></o:p></span></b></p></td>
  <td width=301 colspan=2 valign=top style='width:225.4pt'><p class=MsoNormal><span lang=VI>Kết quả<o:p></o:p></span></p></td>
 </tr>
</table>
<p class=MsoNormal><a href="https://chinhphu.vn/"><span lang=VI>Cổng thông tin</span></a> <a href="#_Toc12345">mục lục</a> <a href="javascript:alert(1)">xấu</a><!--[if gte vml 1]><v:shape id="Picture_1" style='width:100pt'><v:imagedata src="file:///C:/Users/a/clip_image001.png" o:title=""/></v:shape><![endif]--><![if !vml]><img width=133 height=100 src="file:///C:/Users/a/clip_image001.png" v:shapes="Picture_1"><![endif]></p>
<!--EndFragment-->
</body></html>`

// What Google Docs puts on the clipboard (Chrome), trimmed.
const GDOCS = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b3c4d-7fff-1234-5678-9abcdef01234"><h2 dir="ltr" style="line-height:1.38;margin-top:18pt;margin-bottom:6pt;"><span style="font-size:16pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Thông báo</span></h2><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;">Văn bản thường, </span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:700;font-style:normal;">chữ đậm</span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:400;font-style:italic;">, chữ nghiêng</span><span style="font-size:11pt;font-family:Arial,sans-serif;font-weight:700;font-style:italic;"> và cả hai</span><span style="font-size:11pt;font-weight:400;">.</span></p><br /><ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:disc;font-size:11pt;font-family:Arial,sans-serif;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-weight:400;">Ý một</span></p></li><ul style="margin-top:0;margin-bottom:0;"><li dir="ltr" style="list-style-type:circle;" aria-level="2"><p dir="ltr" role="presentation"><span style="font-weight:400;">Ý con</span></p></li></ul><li dir="ltr" style="list-style-type:disc;" aria-level="1"><p dir="ltr" role="presentation"><span style="font-weight:400;">Ý hai</span></p></li></ul><ol style="margin-top:0;margin-bottom:0;"><li dir="ltr" style="list-style-type:lower-alpha;" aria-level="1"><p dir="ltr" role="presentation"><span style="font-weight:400;">Thứ nhất</span></p></li></ol><div dir="ltr" style="margin-left:0pt;" align="left"><table style="border:none;border-collapse:collapse;"><colgroup><col width="301" /><col width="301" /></colgroup><tbody><tr style="height:0pt"><td style="border-left:solid #000000 1pt;padding:5pt 5pt 5pt 5pt;"><p dir="ltr" style="line-height:1.2;"><span style="font-size:11pt;font-weight:700;">Ô 1</span></p></td><td style="border-left:solid #000000 1pt;"><p dir="ltr"><span style="font-size:11pt;font-weight:400;">Ô 2</span></p></td></tr></tbody></table></div></b><br class="Apple-interchange-newline">`

test('Word: bullets become a nested <ul>, markers and junk removed', () => {
  const out = clean(WORD)
  const body = dom(out)
  const ul = body.querySelector('ul')
  assert.ok(ul, out)
  const top = Array.from(ul.children)
  assert.deepEqual(top.map((li) => li.tagName), ['LI', 'LI'])
  assert.match(top[0].textContent, /^\s*Mục tiêu thứ nhất/)
  assert.equal(top[0].querySelector('ul > li').textContent.trim(), 'Chi tiết con')
  assert.equal(top[1].textContent.trim(), 'Mục tiêu thứ hai')
  assert.equal(top[1].querySelector('strong').textContent, 'thứ hai')
  // No bullet characters left in the text.
  assert.doesNotMatch(ul.textContent, /·|\u00a0{2}/)
  assert.doesNotMatch(top[0].firstChild.textContent, /^o/)
})

test('Word: numbered and lettered paragraphs become <ol>', () => {
  const body = dom(clean(WORD))
  const ols = body.querySelectorAll('ol')
  assert.equal(ols.length, 2)
  assert.deepEqual(Array.from(ols[0].children).map((li) => li.textContent.trim()), ['Bước một', 'Bước hai'])
  assert.equal(ols[0].getAttribute('type'), null)
  assert.doesNotMatch(ols[0].textContent, /1\.|2\./)
  assert.equal(ols[1].getAttribute('type'), 'a')
  assert.equal(ols[1].textContent.trim(), 'Phụ lục a')
  // Lists are separate from the paragraphs around them.
  assert.equal(ols[0].previousElementSibling.textContent, 'Các bước thực hiện:')
})

test('Word: mso junk, styles, classes, spans, comments and o:p are gone', () => {
  const out = clean(WORD)
  for (const junk of [/mso-/i, /Mso/, /class=/i, /style=/i, /<span/i, /<!--/, /o:p/i, /lang=/i, /<font/i, /supportLists/i, /<img/i, /v:shape/i, /file:/i, /width=/i, /<meta/i, /<style/i, /\[if/i, /\[endif/i]) {
    assert.doesNotMatch(out, junk, `still in output: ${junk}`)
  }
})

test('Word: headings, emphasis, paragraphs, tables and safe links are kept', () => {
  const body = dom(clean(WORD))
  assert.equal(body.querySelector('h2').textContent, 'Kế hoạch năm 2025') // h1 → h2
  const p = body.querySelector('h2 + p')
  assert.equal(p.innerHTML, 'Ủy ban nhân dân tỉnh <strong>ban hành</strong> kế hoạch <em>triển khai</em>.')
  // Word's blank line (<p><o:p>&nbsp;</o:p></p>) is dropped.
  assert.equal(p.nextElementSibling.tagName, 'UL')
  const cells = body.querySelectorAll('table tr td')
  assert.equal(cells.length, 2)
  assert.equal(cells[0].innerHTML, '<p><strong>Chỉ tiêu</strong></p>')
  assert.equal(cells[1].getAttribute('colspan'), '2')
  assert.equal(cells[1].attributes.length, 1)
  const links = body.querySelectorAll('a')
  assert.equal(links.length, 1)
  assert.equal(links[0].getAttribute('href'), 'https://chinhphu.vn/')
  assert.equal(links[0].textContent, 'Cổng thông tin')
  assert.match(body.textContent, /mục lục/) // the bookmark link keeps its text
  assert.match(body.textContent, /xấu/) // the javascript: link keeps its text, not its href
  assert.doesNotMatch(clean(WORD), /javascript|_Toc/)
})

test('Google Docs: the docs-internal-guid <b> wrapper is removed and does not make text bold', () => {
  const out = clean(GDOCS)
  assert.doesNotMatch(out, /docs-internal-guid/)
  const body = dom(out)
  assert.equal(body.querySelector(':scope > b, :scope > strong'), null)
  const p = body.querySelector('p')
  assert.equal(p.parentNode, body)
  assert.equal(p.firstChild.nodeType, 3, 'first text is plain, not bold')
  assert.equal(p.firstChild.data, 'Văn bản thường, ')
  assert.equal(body.querySelector('h2').innerHTML, 'Thông báo')
})

test('Google Docs: styled spans become <strong> and <em>', () => {
  const p = dom(clean(GDOCS)).querySelector('p')
  assert.equal(p.innerHTML, 'Văn bản thường, <strong>chữ đậm</strong><em>, chữ nghiêng</em><strong><em> và cả hai</em></strong>.')
})

test('Google Docs: lists, nested lists and tables are kept clean', () => {
  const out = clean(GDOCS)
  const body = dom(out)
  const ul = body.querySelector('ul')
  assert.deepEqual(Array.from(ul.children).map((n) => n.tagName), ['LI', 'LI'])
  assert.equal(ul.children[0].querySelector('ul li').textContent, 'Ý con')
  assert.equal(ul.children[1].textContent, 'Ý hai')
  assert.equal(body.querySelector('ol').getAttribute('type'), 'a')
  assert.equal(body.querySelectorAll('table td').length, 2)
  assert.equal(body.querySelector('table td').innerHTML, '<p><strong>Ô 1</strong></p>')
  assert.equal(body.querySelector('colgroup, col'), null)
  // <br> between blocks and Chrome's trailing <br> are dropped.
  assert.equal(body.querySelector('br'), null)
  for (const junk of [/style=/i, /dir=/i, /aria-level/i, /role=/i, /<span/i, /<div/i, /<meta/i, /align=/i]) {
    assert.doesNotMatch(out, junk, `still in output: ${junk}`)
  }
})

test('a copy from the editor itself passes through untouched', () => {
  const html = '<figure data-pm-slice="0 0 []"><img src="/media/a.jpg" alt="x"><figcaption>Chú thích</figcaption></figure>'
  assert.equal(clean(html), html)
})

test('web page: divs become paragraphs, scripts and images go, text stays', () => {
  const out = clean('<div>Dòng một</div><div>Dòng <u>hai</u><script>alert(1)</script></div><div><p>Đoạn</p><img src="https://x.vn/a.png"></div><font color=red>chữ</font>')
  assert.equal(out, '<p>Dòng một</p><p>Dòng hai</p><p>Đoạn</p>chữ')
})

test('bold or normal weight on <b> and <strong>', () => {
  assert.equal(clean('<p><b style="mso-bidi-font-weight:normal">đậm</b> <strong style="font-weight: 400">thường</strong></p>'), '<p><strong>đậm</strong> thường</p>')
})

test('plain text and empty input', () => {
  assert.equal(clean(''), '')
  assert.equal(clean('chỉ chữ'), 'chỉ chữ')
})
