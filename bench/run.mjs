#!/usr/bin/env node
// npm run bench: bundle, load, network, memory, simulator, scale, tree and space-accounting measures against the
// built deck server with its simulator; prints a Markdown table and writes bench/results.json (DESIGN.md).
// BENCH_MINUTES (default 1): real minutes of idle network counting per view.
// BENCH_RUNS (default 7): runs per timing. BENCH_LONG_SECONDS (default 60): the long memory session.
// BENCH_ONLY (default: all): a comma list of the sections to run, of browser (load, network, long memory session
// and bundle sizes, which need the pages the browser loaded), sim, scale, tree and space; e.g. BENCH_ONLY=space.
import { execSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDeck, stopDeck } from '../scripts/deck-process.mjs';
import { login, stores as listStores } from './api.mjs';
import { launch, logIn } from './browser.mjs';
import { buildChanged, measureBundle, snapshotBuild } from './bundle.mjs';
import { measureLoad } from './load.mjs';
import { measureLongSession } from './memory.mjs';
import { measureNetwork } from './network.mjs';
import { markdownTable } from './report.mjs';
import { measureScale } from './scale.mjs';
import { measureSpace } from './space.mjs';
import { measureSpaceView } from './space-view.mjs';
import { measureTree } from './tree.mjs';
import { measureCreation, measureTasks } from './sim.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist');
const MINUTES = Number(process.env.BENCH_MINUTES ?? 1);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const LONG_SECONDS = Number(process.env.BENCH_LONG_SECONDS ?? 60);
const LONG_SPEED = 600;
const SECTIONS = ['browser', 'sim', 'scale', 'tree', 'space'];
const ONLY = (process.env.BENCH_ONLY ?? '')
  .split(',')
  .map((x) => x.trim())
  .filter(Boolean);
const unknown = ONLY.filter((x) => !SECTIONS.includes(x));
if (unknown.length) throw new Error(`BENCH_ONLY: unknown section ${unknown.join(', ')}; known: ${SECTIONS.join(', ')}`);
const selected = (section) => ONLY.length === 0 || ONLY.includes(section);

const log = (msg) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);

// Every deck server this run starts, so an interrupted run leaves none behind.
const track = new Set();
let browser;
async function cleanUp() {
  await browser?.close().catch(() => {});
  await Promise.all([...track].map((p) => stopDeck(p).catch(() => {})));
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    cleanUp().finally(() => process.exit(130));
  });
}

async function browserMeasures() {
  const deck = await startDeck(root, { SIM_PROFILE: 'demo', SIM_SEED: '7', SIM_SPEED: '1' });
  track.add(deck.proc);
  const fast = await startDeck(root, { SIM_PROFILE: 'demo', SIM_SEED: '7', SIM_SPEED: String(LONG_SPEED) });
  track.add(fast.proc);
  try {
    const stores = await listStores(deck.url, await login(deck.url));
    browser = await launch();
    const state = await logIn(browser, deck.url);
    const fastState = await logIn(browser, fast.url);

    log(`load: ${RUNS} cold and warm dashboard loads, ${RUNS} floor pages`);
    const load = await measureLoad(browser, deck.url, state, stores, RUNS);

    log(`network (${MINUTES} real min, eight pages at once) and the long memory session (${LONG_SECONDS} s)`);
    const [network, long] = await Promise.all([
      measureNetwork(browser, deck.url, state, stores, MINUTES),
      measureLongSession(browser, fast.url, fastState, stores, LONG_SECONDS, LONG_SPEED),
    ]);
    return { load, network, long, chromium: browser.version() };
  } finally {
    await browser?.close();
    browser = undefined;
    for (const d of [deck, fast]) {
      await stopDeck(d.proc);
      track.delete(d.proc);
    }
  }
}

async function main() {
  const started = Date.now();
  if (!existsSync(path.join(dist, 'index.html')) || !existsSync(path.join(root, 'dist-server', 'main.js'))) {
    log('no build found: npm run build');
    execSync('npm run build', { cwd: root, stdio: 'inherit' });
  }
  const results = [];
  let b;
  if (selected('browser')) {
    const build = snapshotBuild(dist);
    b = await browserMeasures();
    if (buildChanged(dist, build))
      throw new Error('dist/ was rebuilt during the browser measures: run again when no build is running');
    log('bundle sizes');
    results.push(...measureBundle(build, b.load.scripts), ...b.load.results, ...b.network.results, ...b.long);
  }
  if (selected('sim')) {
    log('simulator: creation');
    results.push(...(await measureCreation(root, Math.min(RUNS, 5), track)));
    log('simulator: GC and verify');
    results.push(...(await measureTasks(root, Math.min(RUNS, 5), track)));
  }
  if (selected('scale')) {
    log('scale: groups and snapshots');
    results.push(...(await measureScale(root, RUNS, track)));
  }
  if (selected('tree')) {
    log('tree: first rows, opening the biggest group, row elements, typing (demo and large)');
    results.push(...(await measureTree(root, Math.min(RUNS, 5), track)));
  }
  if (selected('space')) {
    log('space: index parsing, accounts of the demo and of a large group, engine memory');
    results.push(...(await measureSpace(root, RUNS, track, log)));
    log('space: the space view in the browser, first paint and the account cold and from the cache');
    results.push(...(await measureSpaceView(root, Math.min(RUNS, 3), track)));
  }

  const out = {
    generatedAt: new Date().toISOString(),
    results,
    environment: {
      node: process.version,
      chromium: b?.chromium,
      only: ONLY.length ? ONLY : undefined,
      benchMinutes: MINUTES,
      runs: RUNS,
      durationSeconds: Math.round((Date.now() - started) / 1000),
    },
    networkDetails: b?.network.details,
  };
  writeFileSync(path.join(root, 'bench', 'results.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log(markdownTable(results));
  log(`wrote bench/results.json in ${out.environment.durationSeconds} s`);
}

main().catch(async (e) => {
  console.error(e);
  await cleanUp();
  process.exit(1);
});
