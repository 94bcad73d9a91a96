// Bundle sizes of the production build, gzip -9, measured as DESIGN.md "Budgets" defines the entry:
// index.html's module script and modulepreloads, and everything they import statically.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { entryFiles } from '../scripts/entry-files.mjs';
import { count } from './stats.mjs';

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Chunk name without its content hash: `dashboard-route-C4aOVGmg.js` → `dashboard-route`. */
export const chunkName = (file) =>
  path
    .basename(file)
    .replace(/-[\w-]{8}\.js$/, '')
    .replace(/\.js$/, '');

/**
 * Reads the build once, at the start of a run: sizes of every asset, the entry's files and index.html,
 * so a rebuild during the run (another job building the same tree) cannot mix two builds.
 */
export function snapshotBuild(dist) {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js') || f.endsWith('.css'));
  const sizes = new Map(files.map((f) => [`assets/${f}`, gz(path.join(dist, 'assets', f))]));
  return { html, sizes, entry: entryFiles(dist) };
}

/** True when dist/index.html is no longer the one snapshotBuild read. */
export function buildChanged(dist, snapshot) {
  try {
    return readFileSync(path.join(dist, 'index.html'), 'utf8') !== snapshot.html;
  } catch {
    return true;
  }
}

/**
 * @param build what snapshotBuild read
 * @param dashboardFiles the /assets/*.js the dashboard loaded after login (from load.mjs), relative to dist
 */
export function measureBundle(build, dashboardFiles) {
  const { entry, sizes } = build;
  const missing = dashboardFiles.filter((f) => !sizes.has(f));
  if (missing.length)
    throw new Error(
      `the dashboard loaded files of another build (${missing.join(', ')}): dist/ was rebuilt during the run`,
    );
  const sum = (files) => files.reduce((n, f) => n + sizes.get(f), 0);
  const all = [...sizes.keys()].filter((f) => f.endsWith('.js'));
  const css = [...sizes.keys()].filter((f) => f.endsWith('.css'));
  const extra = dashboardFiles.filter((f) => !entry.includes(f));
  const results = [
    count(`bundle: entry JS, gzip -9 (${entry.map(chunkName).join(', ')})`, 'B', sum(entry)),
    count(`bundle: entry CSS, gzip -9`, 'B', sum(css)),
    count(
      `bundle: dashboard after login, JS in addition to the entry, gzip -9 (${extra.map(chunkName).join(', ') || 'none'})`,
      'B',
      sum(extra),
    ),
  ];
  for (const f of all.filter((x) => !entry.includes(x)).sort()) {
    results.push(count(`bundle: lazy chunk ${chunkName(f)}, gzip -9`, 'B', sizes.get(f)));
  }
  return results;
}
