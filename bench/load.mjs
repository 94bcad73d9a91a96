// Load: from navigation to `/` (existing session) until every datastore card shows its used bytes;
// the floor is a bare page on the same origin that fetches the same usage endpoint and prints one number.
/* global document -- the function passed to waitForFunction runs in the page */
import { heapUsed } from './memory.mjs';
import { newSession, waitForCards } from './browser.mjs';
import { ratio, summarize } from './stats.mjs';

// Served by page.route, not by the deck server (which serves only dist/): the floor's own HTML comes
// from the Playwright process; its one API request goes to the deck server like the dashboard's.
const FLOOR_HTML = `<!doctype html><meta charset="utf-8"><title>floor</title><p id="n"></p>
<script>
fetch('/api2/json/status/datastore-usage', { credentials: 'same-origin' })
  .then((r) => r.json())
  .then((j) => { document.getElementById('n').textContent = String(j.data.reduce((s, d) => s + (d.used || 0), 0)); });
</script>`;

async function floorRun(browser, url, state) {
  const context = await newSession(browser, url, state);
  const page = await context.newPage();
  await page.route(`${url}/__floor`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: FLOOR_HTML }),
  );
  await page.goto('/__floor', { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    () => (document.getElementById('n')?.textContent ? performance.now() : false),
    undefined,
    {
      polling: 'raf',
      timeout: 60_000,
    },
  );
  const ms = await handle.jsonValue();
  await context.close();
  return ms;
}

async function dashboardRun(browser, url, state, stores, withHeap) {
  const context = await newSession(browser, url, state);
  const page = await context.newPage();
  const scripts = [];
  page.on('request', (r) => {
    const p = new URL(r.url()).pathname;
    if (p.startsWith('/assets/') && p.endsWith('.js')) scripts.push(p.slice(1));
  });
  await page.goto('/', { waitUntil: 'commit' });
  const ms = await waitForCards(page, stores);
  // A warm load: the same context again, assets from its HTTP cache.
  await page.goto('/', { waitUntil: 'commit' });
  const warm = await waitForCards(page, stores);
  const heap = withHeap ? await heapUsed(page) : undefined;
  await context.close();
  return { ms, warm, scripts, heap };
}

export async function measureLoad(browser, url, state, stores, runs) {
  const floors = [];
  const cold = [];
  const warm = [];
  const heaps = [];
  let scripts = [];
  // Interleaved, so both see the same background load of the machine.
  for (let i = 0; i < runs; i++) {
    floors.push(await floorRun(browser, url, state));
    const r = await dashboardRun(browser, url, state, stores, true);
    cold.push(r.ms);
    warm.push(r.warm);
    heaps.push(r.heap);
    if (i === 0) scripts = [...new Set(r.scripts)];
  }
  const floor = summarize(
    'load: floor, bare page (HTML from page.route) fetching /status/datastore-usage, number shown',
    'ms',
    floors,
  );
  const coldR = summarize(`load: dashboard, cold cache, until all ${stores.length} cards show used bytes`, 'ms', cold, {
    floor: floor.value,
  });
  const warmR = summarize(
    `load: dashboard, warm cache (second visit), until all ${stores.length} cards show used bytes`,
    'ms',
    warm,
    { floor: floor.value },
  );
  const results = [
    floor,
    coldR,
    ratio('load: dashboard cold / floor', coldR, floor),
    warmR,
    ratio('load: dashboard warm / floor', warmR, floor),
    summarize('memory: JS heap used after load (dashboard, warm, after a forced GC)', 'MB', heaps, {}, 2),
  ];
  return { results, scripts };
}
