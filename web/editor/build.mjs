// Bundles src/editor.js into one minified IIFE and copies src/editor.css,
// both into internal/static/files/editor/ (embedded by the Go server).
// Run through build.sh (which installs the packages first) or `npm run build`.

import { build } from 'esbuild'
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const outDir = join(here, '..', '..', 'internal', 'static', 'files', 'editor')
mkdirSync(outDir, { recursive: true })
const outJS = join(outDir, 'editor.js')
const outCSS = join(outDir, 'editor.css')

const result = await build({
  absWorkingDir: here,
  entryPoints: ['src/editor.js'],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2019'],
  minify: true,
  charset: 'utf8',
  legalComments: 'none',
  sourcemap: false,
  metafile: true,
  outfile: outJS,
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
})

// The bundled packages' licences (all MIT) go at the end of the file: the
// package names and copyright lines, and the MIT text once.
const pkgs = new Map()
for (const input of Object.keys(result.metafile.inputs)) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)
  if (!m || pkgs.has(m[1])) continue
  const dir = join(here, 'node_modules', m[1])
  const pj = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  const licFile = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f) && statSync(join(dir, f)).isFile())
  const text = licFile ? readFileSync(join(dir, licFile), 'utf8') : ''
  const copyright = (text.match(/^\s*copyright\b.*$/gim) || []).map((l) => l.trim())
  pkgs.set(m[1], { version: pj.version, license: pj.license || 'UNKNOWN', copyright })
}
const notMIT = [...pkgs].filter(([, p]) => p.license !== 'MIT')
if (notMIT.length) {
  console.error('build: bundled packages not under MIT, check their licences first:', notMIT.map(([n, p]) => `${n} (${p.license})`).join(', '))
  process.exit(1)
}
const lines = [...pkgs].sort(([a], [b]) => a.localeCompare(b)).map(([n, p]) => ` * ${n}@${p.version}${p.copyright.length ? ' — ' + [...new Set(p.copyright)].join('; ') : ''}`)
const mit = `Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions: The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`
const notice = `/*! congtin editor. Bundled packages, MIT License:\n${lines.join('\n')}\n *\n * ${mit}\n */\n`
writeFileSync(outJS, readFileSync(outJS, 'utf8') + notice)

copyFileSync(join(here, 'src', 'editor.css'), outCSS)

for (const f of [outJS, outCSS]) {
  const size = statSync(f).size
  console.log(`${relative(process.cwd(), f) || f}  ${(size / 1024).toFixed(1)} KiB`)
}
if (!existsSync(outJS)) process.exit(1)
