// The snapshot tree at scale, in the browser: time to the first tree rows against a bare page that fetches
// the groups list alone and against a bare React page that draws the first rows of it (bench/react-floor), time to open the biggest group against a bare page that fetches its snapshot list
// alone, the most row elements the document ever holds, and main-thread tasks over 50 ms while typing a filter.
/* global document, window, MutationObserver -- page functions */
import path from 'node:path';
import { startDeck, stopDeck } from '../scripts/deck-process.mjs';
import { call, login } from './api.mjs';
import { launch, logIn, newSession } from './browser.mjs';
import { REACT_FLOOR_PATH, distWithReactFloor } from './react-floor.mjs';
import { count, ratio, summarize } from './stats.mjs';

const STORE = 'store1';
const ROW = '[role="treegrid"] [role="row"][aria-level]';

// Counts row elements on every DOM change and collects long tasks; installed before the app's own script.
function installProbes() {
  window.__bench = { maxRows: 0, longTasks: [] };
  const countRows = () => {
    const n = document.querySelectorAll('[role="row"]').length;
    if (n > window.__bench.maxRows) window.__bench.maxRows = n;
  };
  new MutationObserver(countRows).observe(document, { childList: true, subtree: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.longTasks.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long-task timing in this browser: the measure reports none
  }
}

const floorHtml = (path) => `<!doctype html><meta charset="utf-8"><title>floor</title><p id="n"></p>
<script>
fetch(${JSON.stringify(`/api2/json${path}`)}, { credentials: 'same-origin' })
  .then((r) => r.json())
  .then((j) => { document.getElementById('n').textContent = String(j.data.length); });
</script>`;

async function floorRun(browser, url, state, path) {
  const context = await newSession(browser, url, state);
  const page = await context.newPage();
  await page.route(`${url}/__floor`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: floorHtml(path) }),
  );
  await page.goto('/__floor', { waitUntil: 'commit' });
  const h = await page.waitForFunction(
    () => (document.getElementById('n')?.textContent ? performance.now() : false),
    undefined,
    { polling: 'raf', timeout: 120_000 },
  );
  const ms = await h.jsonValue();
  await context.close();
  return ms;
}

async function reactFloorRun(browser, url, state) {
  const context = await newSession(browser, url, state);
  const page = await context.newPage();
  await page.goto(`${REACT_FLOOR_PATH}?store=${STORE}`, { waitUntil: 'commit' });
  const ms = await timeUntil(page, ROW);
  await context.close();
  return ms;
}

/** ms since `since` (page clock) at the first frame where `selector` matches at least `min` elements. */
async function timeUntil(page, selector, min = 1) {
  const h = await page.waitForFunction(
    ([sel, n]) => (document.querySelectorAll(sel).length >= n ? performance.now() : false),
    [selector, min],
    { polling: 'raf', timeout: 120_000 },
  );
  return h.jsonValue();
}

async function treeRun(browser, url, state, group) {
  const context = await newSession(browser, url, state);
  await context.addInitScript(installProbes);
  const page = await context.newPage();
  await page.goto(`/datastores/${STORE}/content`, { waitUntil: 'commit' });
  const firstRows = await timeUntil(page, ROW);

  // Open the biggest group: find its row by its id, expand it with the keyboard, wait for a snapshot row.
  const groupRow = page.locator(ROW).filter({ hasText: group.id }).first();
  await groupRow.scrollIntoViewIfNeeded();
  await groupRow.focus();
  const t0 = await page.evaluate(() => performance.now());
  await page.keyboard.press('ArrowRight');
  const opened = (await timeUntil(page, `${ROW}[aria-level="${group.level + 1}"]`)) - t0;

  // Type a filter one key at a time, as a user does, and collect the long tasks of that stretch.
  const search = page.getByRole('searchbox').first();
  await search.click();
  const typeFrom = await page.evaluate(() => performance.now());
  await search.pressSequentially(group.id.slice(0, 4), { delay: 120 });
  await page.waitForTimeout(1500);
  const probe = await page.evaluate(() => window.__bench);
  const typing = probe.longTasks.filter((t) => t.start >= typeFrom);
  await context.close();
  return {
    firstRows,
    opened,
    maxRows: probe.maxRows,
    longest: typing.reduce((m, t) => Math.max(m, t.ms), 0),
    over50: typing.length,
  };
}

export async function measureTree(root, runs, track) {
  const results = [];
  const dist = await distWithReactFloor(path.join(root, 'dist'));
  try {
    for (const profile of ['demo', 'large']) results.push(...(await treeProfile(root, runs, track, profile, dist.dir)));
  } finally {
    dist.cleanup();
  }
  return results;
}

async function treeProfile(root, runs, track, profile, distDir) {
  const deck = await startDeck(root, { SIM_PROFILE: profile, SIM_SEED: '7', DIST_DIR: distDir });
  track.add(deck.proc);
  const browser = await launch();
  try {
    const { url } = deck;
    const groups = (await call(url, await login(url), 'GET', `/admin/datastore/${STORE}/groups`)).data;
    const big = groups.reduce((a, b) => (b['backup-count'] > a['backup-count'] ? b : a));
    const group = { type: big['backup-type'], id: big['backup-id'], level: 1 };
    const snapsPath = `/admin/datastore/${STORE}/snapshots?backup-type=${group.type}&backup-id=${encodeURIComponent(group.id)}`;
    const state = await logIn(browser, url);
    // The tree's own level numbering: the first row's aria-level is a group's.
    const samples = {
      floorGroups: [],
      floorReact: [],
      floorSnaps: [],
      firstRows: [],
      opened: [],
      maxRows: [],
      longest: [],
      over50: [],
    };
    for (let i = 0; i < runs; i++) {
      samples.floorGroups.push(await floorRun(browser, url, state, `/admin/datastore/${STORE}/groups`));
      samples.floorReact.push(await reactFloorRun(browser, url, state));
      samples.floorSnaps.push(await floorRun(browser, url, state, snapsPath));
      const r = await treeRun(browser, url, state, group);
      for (const k of ['firstRows', 'opened', 'maxRows', 'longest', 'over50']) samples[k].push(r[k]);
    }
    const fg = summarize(
      `tree: ${profile}, floor: bare page fetching ${STORE}/groups (${groups.length} groups)`,
      'ms',
      samples.floorGroups,
    );
    const fr = summarize(
      `tree: ${profile}, React floor: React alone drawing the first rows of ${STORE}/groups`,
      'ms',
      samples.floorReact,
    );
    const first = summarize(`tree: ${profile}, first tree rows of ${STORE}`, 'ms', samples.firstRows, {
      floor: fg.value,
    });
    const fs = summarize(
      `tree: ${profile}, floor: bare page fetching the snapshots of ${group.type}/${group.id} (${big['backup-count']})`,
      'ms',
      samples.floorSnaps,
    );
    const open = summarize(
      `tree: ${profile}, open group ${group.type}/${group.id} (${big['backup-count']} snapshots) until its first snapshot row`,
      'ms',
      samples.opened,
      { floor: fs.value },
    );
    return [
      count(`tree: ${profile}, groups in ${STORE}`, 'groups', groups.length),
      fg,
      first,
      ratio(`tree: ${profile}, first rows / floor`, first, fg),
      fr,
      ratio(`tree: ${profile}, React floor / floor`, fr, fg),
      ratio(`tree: ${profile}, first rows / React floor`, first, fr),
      fs,
      open,
      summarize(`tree: ${profile}, most row elements in the document`, 'rows', samples.maxRows, {}, 0),
      summarize(`tree: ${profile}, longest main-thread task while typing a filter`, 'ms', samples.longest),
      summarize(`tree: ${profile}, main-thread tasks over 50 ms while typing a filter`, 'tasks', samples.over50, {}, 0),
    ];
  } finally {
    await browser.close();
    await stopDeck(deck.proc);
    track.delete(deck.proc);
  }
}
