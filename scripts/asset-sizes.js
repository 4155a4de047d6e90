#!/usr/bin/env node
// The built web app's JavaScript and CSS sizes, without a browser: the files web/dist/index.html loads (the landing
// page's scripts, module preloads and stylesheets) and the lazily loaded chunks, each raw, gzip -9 and brotli -11.
// Run after `npm run build`: `node scripts/asset-sizes.js` (a table) or `node scripts/asset-sizes.js --json`.
// test/e2e/lighthouse.test.ts reports the same sizes as Chromium fetched them, in test-results/lighthouse.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'web', 'dist');
const indexFile = path.join(dist, 'index.html');
if (!existsSync(indexFile)) {
  console.error(`The web app is not built (${indexFile} is missing); run npm run build first.`);
  process.exit(1);
}

const html = readFileSync(indexFile, 'utf8');
const landing = new Set([...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]));

function sizes(file) {
  const bytes = readFileSync(path.join(dist, 'assets', file));
  return {
    file,
    kind: file.endsWith('.css') ? 'css' : 'js',
    landing: landing.has(file),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const files = readdirSync(path.join(dist, 'assets'))
  .filter((f) => /\.(?:js|css)$/.test(f))
  .map(sizes)
  .sort((a, b) => Number(b.landing) - Number(a.landing) || b.raw - a.raw);
const total = (kind) => {
  const list = files.filter((f) => f.landing && f.kind === kind);
  return { raw: list.reduce((s, f) => s + f.raw, 0), gzip: list.reduce((s, f) => s + f.gzip, 0), brotli: list.reduce((s, f) => s + f.brotli, 0) };
};
const result = { landing: { js: total('js'), css: total('css') }, files };

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(result, null, 2));
} else {
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(10);
  console.log(`${'file'.padEnd(28)} ${'loaded'.padEnd(8)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`);
  for (const f of files) console.log(`${f.file.padEnd(28)} ${(f.landing ? 'landing' : 'lazy').padEnd(8)} ${kb(f.raw)} ${kb(f.gzip)} ${kb(f.brotli)}`);
  for (const kind of ['js', 'css']) {
    const t = result.landing[kind];
    console.log(`${`landing page ${kind.toUpperCase()}`.padEnd(37)} ${kb(t.raw)} ${kb(t.gzip)} ${kb(t.brotli)}`);
  }
}
