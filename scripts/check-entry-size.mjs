#!/usr/bin/env node
// Budget: the JavaScript the browser loads before the login page can paint (DESIGN.md "Budgets"):
// the entry chunk of the production build and everything it imports statically or preloads, gzip -9.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { entryFiles } from './entry-files.mjs';

const BUDGET = 150_000; // 150 KB
const dist = path.join(fileURLToPath(new URL('..', import.meta.url)), process.argv[2] ?? 'dist');
const files = entryFiles(dist);
if (files.length === 0) {
  console.error('no entry script found in index.html');
  process.exit(1);
}

let total = 0;
for (const file of files) {
  const size = gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
  total += size;
  console.log(`${(size / 1000).toFixed(1).padStart(7)} KB  ${file}`);
}
console.log(`entry JavaScript: ${(total / 1000).toFixed(1)} KB gzip (budget ${BUDGET / 1000} KB)`);
process.exit(total <= BUDGET ? 0 : 1);
