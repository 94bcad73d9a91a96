// The entry as DESIGN.md "Budgets" defines it: index.html's module script and modulepreloads, and
// everything they import statically (dynamic import() loads later). Used by the budget check and bench/.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The entry's files, relative to dist (`assets/main-….js`, …); empty when index.html names none. */
export function entryFiles(distDir) {
  // Absolute, so the roots and the imports they resolve to compare equal.
  const dist = path.resolve(distDir);
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
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
  }
  return [...seen].map((f) => path.relative(dist, f));
}
