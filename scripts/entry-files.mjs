// The entry as DESIGN.md "Budgets" defines it: index.html's module script and modulepreloads, and
// everything they import statically (dynamic import() loads later). Used by the budget check and bench/.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The entry's files, relative to dist (`assets/main-….js`, …); empty when the page names none.
 * `page`: index.html (the console) or embed.html (the embed entry). `dynamic`: also follow import(),
 * for checks on everything the entry can ever load.
 */
export function entryFiles(distDir, page = 'index.html', { dynamic = false } = {}) {
  // Absolute, so the roots and the imports they resolve to compare equal.
  const dist = path.resolve(distDir);
  const html = readFileSync(path.join(dist, page), 'utf8');
  const roots = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => path.join(dist, m[1]));
  const seen = new Set();
  const queue = [...roots];
  while (queue.length) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      queue.push(path.resolve(path.dirname(file), m[1]));
    }
    if (dynamic) {
      // Vite's preload helper names lazy chunks as "assets/x.js" relative to the root.
      for (const m of code.matchAll(/import\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g))
        queue.push(path.resolve(path.dirname(file), m[1]));
      for (const m of code.matchAll(/["'`](assets\/[^"'`]+\.js)["'`]/g)) queue.push(path.join(dist, m[1]));
    }
  }
  return [...seen].map((f) => path.relative(dist, f));
}
