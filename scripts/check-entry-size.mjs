#!/usr/bin/env node
// Budget: the JavaScript the browser loads before the login page can paint (DESIGN.md "Budgets"):
// the entry chunk of the production build and everything it imports statically or preloads, gzip -9.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BUDGET = 150_000; // 150 KB
const dist = path.join(fileURLToPath(new URL('..', import.meta.url)), process.argv[2] ?? 'dist');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');

const roots = [
  ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
  ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
].map((m) => m[1]);

const seen = new Set();
const queue = roots.map((r) => path.join(dist, r));
while (queue.length) {
  const file = queue.pop();
  if (seen.has(file)) continue;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  // Static imports only (`import"./x.js"`, `from"./x.js"`); dynamic import() loads later.
  for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
    queue.push(path.resolve(path.dirname(file), m[1]));
  }
}

let total = 0;
for (const file of seen) {
  const size = gzipSync(readFileSync(file), { level: 9 }).length;
  total += size;
  console.log(`${(size / 1000).toFixed(1).padStart(7)} KB  ${path.relative(dist, file)}`);
}
console.log(`entry JavaScript: ${(total / 1000).toFixed(1)} KB gzip (budget ${BUDGET / 1000} KB)`);
if (roots.length === 0) {
  console.error('no entry script found in index.html');
  process.exit(1);
}
process.exit(total <= BUDGET ? 0 : 1);
