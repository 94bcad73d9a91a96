#!/usr/bin/env node
// Budgets: the JavaScript the browser loads before the first paint (DESIGN.md "Budgets"): the entry
// chunk of the production build and everything it imports statically or preloads, gzip -9. One
// budget for the console (index.html, before the login page paints) and one for the embed entry
// (embed.html, a dashboard tile), which must never add to the console's. It also checks that the embed
// entry's code holds no write call (scripts/embed-bundle.mjs).
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { embedBundleProblems } from './embed-bundle.mjs';
import { entryFiles } from './entry-files.mjs';

const BUDGETS = [
  { page: 'index.html', name: 'console entry', budget: 150_000 },
  { page: 'embed.html', name: 'embed entry', budget: 120_000 },
];
const dist = path.join(fileURLToPath(new URL('..', import.meta.url)), process.argv[2] ?? 'dist');

let ok = true;
for (const { page, name, budget } of BUDGETS) {
  if (!existsSync(path.join(dist, page))) {
    console.error(`${page} is missing from ${dist}`);
    ok = false;
    continue;
  }
  const files = entryFiles(dist, page);
  if (files.length === 0) {
    console.error(`no entry script found in ${page}`);
    ok = false;
    continue;
  }
  let total = 0;
  for (const file of files) {
    const size = gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
    total += size;
    console.log(`${(size / 1000).toFixed(1).padStart(7)} KB  ${file}`);
  }
  const within = total <= budget;
  console.log(
    `${name} JavaScript: ${(total / 1000).toFixed(1)} KB gzip (budget ${budget / 1000} KB)${within ? '' : ' OVER BUDGET'}\n`,
  );
  ok &&= within;
}

// Not a size, but checked on the same build output: the embed entry holds no write call.
if (existsSync(path.join(dist, 'embed.html'))) {
  const { files, problems } = embedBundleProblems(dist);
  for (const p of problems) console.error(`embed bundle: ${p}`);
  console.log(
    `embed bundle: ${files.length} files, ${problems.length ? 'FORBIDDEN CODE FOUND' : 'no write call but the in-frame login, no CSRF header, PBS login or console API path'}`,
  );
  ok &&= problems.length === 0;
}
process.exit(ok ? 0 : 1);
