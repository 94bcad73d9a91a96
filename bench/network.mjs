// Network: what an idle page asks the server for, per real minute (SIM_SPEED=1), visible and hidden,
// beside what the official PBS UI asks for in the same views (shared/reference/pbs-ui-load.md §3).
import { hide, newSession, waitForCards } from './browser.mjs';
import { count, summarize } from './stats.mjs';

/** The official PBS UI, from reading its code (pbs-ui-load.md §3), not measured here. */
export const PBS_UI = [
  ['dashboard', 61, 'PBS 3.2.4 and 4.2.3: header ≈25 + dashboard 36'],
  ['datastore summary', 119, 'PBS 4.x: header ≈25 + summary 94 (1 s status poll)'],
  ['datastore summary', 59, 'PBS 3.2.4: header ≈25 + summary 34 (with the Options-tab leak)'],
];

export function pbsUiResults() {
  return PBS_UI.map(([view, perMin, how]) => ({
    ...count(
      `network: official PBS UI, ${view}, requests per minute (source: pbs-ui-load.md §3, code reading, not measured; ${how}; it does not stop in a hidden tab)`,
      'req/min',
      perMin,
    ),
    runs: 0,
  }));
}

async function watch(browser, url, state, view, hidden, minutes) {
  const context = await newSession(browser, url, state);
  const page = await context.newPage();
  await page.goto(view.path);
  await view.ready(page);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(3000);
  if (hidden) await hide(page);
  // One bucket per real minute; a run shorter than a minute (a smoke test) is one bucket, scaled to a minute.
  const n = Math.max(1, Math.floor(minutes));
  const bucketMs = (minutes * 60_000) / n;
  const perMinute = Array.from({ length: n }, () => ({ requests: 0, bytes: 0, paths: new Map() }));
  const t0 = Date.now();
  const bucket = () => perMinute[Math.floor((Date.now() - t0) / bucketMs)];
  const pending = [];
  const onRequest = (r) => {
    const b = bucket();
    if (!b) return;
    b.requests++;
    const key = `${r.method()} ${new URL(r.url()).pathname}`;
    b.paths.set(key, (b.paths.get(key) ?? 0) + 1);
    // Bytes on the wire, both ways: request and response headers and bodies.
    pending.push(
      r
        .response()
        .then((res) => res && res.finished())
        .then(() => r.sizes())
        .then((s) => {
          b.bytes += s.requestHeadersSize + s.requestBodySize + s.responseHeadersSize + s.responseBodySize;
        })
        .catch(() => {}),
    );
  };
  page.on('request', onRequest);
  await page.waitForTimeout(minutes * 60_000);
  page.off('request', onRequest);
  await Promise.all(pending);
  await context.close();
  const scale = 60_000 / bucketMs;
  return perMinute.map((b) => ({ ...b, requests: b.requests * scale, bytes: b.bytes * scale }));
}

// Eight pages load at once beside the fast memory session: a page may take longer than a locator's usual 30 s.
const READY = { timeout: 120_000 };

export async function measureNetwork(browser, url, state, stores, minutes) {
  const views = [
    { name: 'dashboard', path: '/', ready: (page) => waitForCards(page, stores, READY.timeout) },
    {
      name: `datastore summary (${stores[0]})`,
      path: `/datastores/${encodeURIComponent(stores[0])}`,
      ready: (page) => page.getByRole('heading', { level: 1, name: `Datastore ${stores[0]}` }).waitFor(READY),
    },
    {
      name: `content view (${stores[0]})`,
      path: `/datastores/${encodeURIComponent(stores[0])}/content`,
      ready: (page) => page.locator('[role="treegrid"] [role="row"][aria-level]').first().waitFor(READY),
    },
    {
      name: 'jobs page',
      path: '/jobs',
      ready: (page) => page.getByRole('heading', { level: 1, name: 'Jobs' }).waitFor(READY),
    },
  ];
  const runs = views.flatMap((view) => [false, true].map((hidden) => ({ view, hidden })));
  // All pages at once: counts do not depend on each other, and it keeps a quick run quick.
  const watched = await Promise.all(runs.map(({ view, hidden }) => watch(browser, url, state, view, hidden, minutes)));
  const results = [];
  const details = [];
  runs.forEach(({ view, hidden }, i) => {
    const m = watched[i];
    const label = `${view.name}, ${hidden ? 'hidden' : 'visible'}, idle, over ${minutes} real min at SIM_SPEED=1`;
    results.push(
      summarize(
        `network: ${label}, requests per minute`,
        'req/min',
        m.map((x) => x.requests),
      ),
    );
    results.push(
      summarize(
        `network: ${label}, bytes per minute (headers and bodies, both ways)`,
        'B/min',
        m.map((x) => x.bytes),
        {},
        0,
      ),
    );
    const paths = new Map();
    for (const b of m) for (const [k, v] of b.paths) paths.set(k, (paths.get(k) ?? 0) + v);
    details.push({ label, paths: Object.fromEntries([...paths].sort((a, b) => b[1] - a[1])) });
  });
  return { results: [...results, ...pbsUiResults()], details };
}
