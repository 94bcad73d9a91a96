import { test as base, expect, type CDPSession, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { installLiveHandles, type PageSample } from './live-handles';
import { expectSection, longSessionSection } from './reliability-sections';
import { serveStatic } from './static-server';
import { fromLocal, localParts } from '../../src/lib/tz';
import { testStartTime } from '../../src/mocks/sim/test-start';

/*
 * A console left open overnight, on the static demo: its simulator runs in the page, so Playwright's clock moves the
 * console's timers and the simulator's clocks (simulated time and ticket ages both follow the page's Date.now)
 * together. The clock stands still except when the test moves it. It moves to the next instant a timer of 30 s or
 * more falls due (a poll, a renewal, a cache expiry; the shorter ones fire on the way) and waits there until every
 * answer is in, as if the server answered at once: each poll and each renewal reaches the simulator and comes back,
 * and where the clock stands never depends on how fast this machine is.
 */

const dist = fileURLToPath(new URL('../../dist-demo', import.meta.url));

const test = base.extend<{ site: { url: string } }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
  site: async ({}, use) => {
    const site = await serveStatic(dist);
    await use(site);
    await site.close();
  },
});
// A trace of a thousand clock steps would slow each of them and help less than the figures this test prints.
test.use({ trace: 'off' });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const HOURS = 12;
// The console's renewal interval (RENEW_INTERVAL_MS in src/api/auth.ts), written out: the expectation must not
// come from the code under test. The simulator's tickets live 5 minutes longer, so one missed renewal ends the session.
const RENEW_EVERY = 15 * MINUTE;
const TICKET_LIFETIME_S = (RENEW_EVERY + 5 * MINUTE) / 1000;
// Timers this long are where the clock stops (polls, renewals, cache expiry); shorter ones (msw's keep-alive, React
// Query's staleness marks, React's render throttle) start no request and fire on the way.
const LONG_TIMER = 30_000;
// The clock never moves further at once, so there is a sample at least every 30 s.
const MAX_STEP = 30_000;
// Timers come and go with the polls: each count is the maximum over the last 10 minutes before hour 1 and the end.
const WINDOW = 10 * MINUTE;
const ZONE = 'Europe/Vienna'; // the demo simulator's

/**
 * 19:30 in Vienna on the first Wednesday after the tests' fixed instant: the next 12 hours hold a whole night of
 * backups, GC, sync and prune, and both measuring windows fall in quiet hours (20:20–20:30 and 07:20–07:30). No
 * weekly job runs that night, and no daylight-saving change falls on it.
 */
function wednesdayEvening(after: number): number {
  for (let t = after; ; t += 86_400) {
    const p = localParts(t, ZONE);
    if (p.weekday !== 2) continue;
    const evening = fromLocal({ year: p.year, month: p.month, day: p.day, hour: 19, minute: 30, second: 0 }, ZONE);
    if (evening > after) return evening;
  }
}

interface Step {
  sample: PageSample;
  next: number | null;
}

async function settle(page: Page): Promise<Step> {
  return page.evaluate(async (minDelay) => {
    const probe = window.__liveHandles;
    if (!probe) throw new Error('the live-handle probe is not installed');
    await probe.settle();
    return { sample: probe.sample(), next: probe.nextDue(minDelay) };
  }, LONG_TIMER);
}

/** A page change may need the clock (lazy routes, React's fallback throttle): a tenth of a second at a time. */
async function showUp(page: Page, shown: () => Promise<void>): Promise<void> {
  let first = true;
  await expect(async () => {
    if (!first) await page.clock.runFor(100);
    first = false;
    await shown();
  }).toPass();
}

async function collectGarbage(cdp: CDPSession): Promise<void> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
}

async function heapMiB(cdp: CDPSession): Promise<number> {
  await collectGarbage(cdp);
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return +(usedSize / 2 ** 20).toFixed(2);
}

// What the page makes for every request: none of them may pile up.
const PER_REQUEST = ['Request', 'Response', 'ReadableStream', 'AbortController', 'MessagePort'] as const;

async function liveObjects(cdp: CDPSession): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of PER_REQUEST) {
    const { result: proto } = await cdp.send('Runtime.evaluate', { expression: `${name}.prototype` });
    const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId ?? '' });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: objects.objectId ?? '',
      functionDeclaration: 'function () { return this.length; }',
      returnByValue: true,
    });
    counts[name] = Number(result.value);
    await cdp.send('Runtime.releaseObject', { objectId: objects.objectId ?? '' });
    await cdp.send('Runtime.releaseObject', { objectId: proto.objectId ?? '' });
  }
  return counts;
}

/** One measuring window: the most timers and listeners seen, where the timers came from, what the listeners were. */
interface Measured {
  timeouts: number;
  intervals: number;
  listeners: number;
  timerSites: Record<string, number>;
  listenersByKind: Record<string, number>;
}

interface WindowSample {
  sample: PageSample;
  timerSites: Record<string, number>;
}

function measured(samples: WindowSample[]): Measured {
  expect(samples.length).toBeGreaterThanOrEqual(WINDOW / MAX_STEP);
  const most = (n: (s: WindowSample) => number) => samples.reduce((a, b) => (n(b) > n(a) ? b : a));
  const max = (n: (s: PageSample) => number) => Math.max(...samples.map((s) => n(s.sample)));
  return {
    timeouts: max((s) => s.timeouts),
    intervals: max((s) => s.intervals),
    listeners: max((s) => s.listeners),
    timerSites: most((s) => s.sample.timeouts + s.sample.intervals).timerSites,
    listenersByKind: most((s) => s.sample.listeners).sample.listenersByKind,
  };
}

function watchTraffic(page: Page) {
  const traffic = {
    requests: 0,
    renewals: 0,
    unauthorized: [] as string[],
    failed: [] as string[],
    // aborted by the console: a page it left, or a poll it replaced by a fresh fetch once a task had ended
    cancelled: {} as Record<string, number>,
  };
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/api2/')) return;
    traffic.requests++;
    // a renewal offers the current ticket as the password
    const password = new URLSearchParams(request.postData() ?? '').get('password') ?? '';
    if (request.method() === 'POST' && url.pathname === '/api2/json/access/ticket' && password.startsWith('PBS:'))
      traffic.renewals++;
  });
  page.on('response', (response) => {
    if (response.status() === 401) traffic.unauthorized.push(`${response.request().method()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText;
    const path = new URL(request.url()).pathname;
    if (error === 'net::ERR_ABORTED') traffic.cancelled[path] = (traffic.cancelled[path] ?? 0) + 1;
    else traffic.failed.push(`${request.url()}: ${error}`);
  });
  return traffic;
}

test('a console left open overnight stays logged in, and its memory, timers and listeners do not grow', async ({
  page,
  site,
}) => {
  test.setTimeout(30 * MINUTE);
  const start = wednesdayEvening(testStartTime()) * 1000;
  // The clock first, then the probe: init scripts run in the order they were added, so the probe wraps the
  // clock's timers. From the first document on, the clock stands at `start`: the page boots and logs in there.
  await page.clock.install({ time: start - MINUTE });
  await page.addInitScript(installLiveHandles);
  await page.clock.pauseAt(start);
  const traffic = watchTraffic(page);

  await page.goto(`${site.url}/?start=${new Date(start).toISOString()}`);
  await expect(page.getByLabel('User name')).toBeVisible();
  const lifetime = await page.evaluate(async (seconds) => {
    const r = await fetch('/__sim/ticket-lifetime', { method: 'POST', body: JSON.stringify({ seconds }) });
    return ((await r.json()) as { ticketLifetime: number }).ticketLifetime;
  }, TICKET_LIFETIME_S);
  expect(lifetime).toBe(20 * 60);
  await page.getByLabel('User name').fill('root');
  await page.getByLabel('Realm').selectOption('pam');
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Log in' }).click();
  const obtainedAt = async () =>
    page.evaluate(() => {
      const stored = sessionStorage.getItem('pbs-deck.session');
      return stored ? (JSON.parse(stored) as { obtainedAt: number }).obtainedAt : null;
    });
  // The ticket arrived while the clock stood still: the console times its renewals from `start`.
  await expect.poll(obtainedAt).toBe(start);
  const dashboard = async () => {
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible({ timeout: 250 });
    await expect(page.getByRole('region', { name: /^Datastore / })).toHaveCount(3, { timeout: 250 });
  };
  await showUp(page, dashboard);

  const cdp = await page.context().newCDPSession(page);
  const windows = new Map<number, Measured>();
  let steps = 0;
  let state = await settle(page);
  /** Runs the clock to `until`, from stop to stop; in the 10 minutes before `until`, measures. */
  const runTo = async (until: number, measure: boolean) => {
    const inWindow: WindowSample[] = [];
    while (state.sample.now < until) {
      const from = state.sample.now;
      const target = Math.min(until, from + MAX_STEP, state.next ?? Infinity);
      await page.clock.runFor(target - from);
      state = await settle(page);
      steps++;
      const at = new Date(target).toISOString();
      expect(state.sample.now, 'the clock stands where the test put it').toBe(target);
      // still logged in, on the page the user left it on
      expect(state.sample.alert, `an alert at ${at}`).toBeNull();
      expect(state.sample.path, `the page at ${at}`).not.toBe('/login');
      if (!measure || target <= until - WINDOW) continue;
      // listeners count on live targets only: what was detached and is garbage must not count
      await collectGarbage(cdp);
      inWindow.push(
        await page.evaluate(() => {
          const probe = window.__liveHandles;
          if (!probe) throw new Error('the live-handle probe is not installed');
          return { sample: probe.sample(), timerSites: probe.timerSites() };
        }),
      );
    }
    if (measure) windows.set(until, measured(inWindow));
  };

  // First a tour: a datastore's summary (it polls too), its content, and back to the dashboard, which then stays
  // open all night. The tour comes before hour 1, so both measurements see code that every view has loaded.
  await runTo(start + 5 * MINUTE, false);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'store1' }).click();
  await showUp(page, () =>
    expect(page.getByRole('heading', { level: 1, name: /store1/ })).toBeVisible({ timeout: 250 }),
  );
  state = await settle(page);
  await runTo(start + 20 * MINUTE, false);
  await page.getByRole('navigation', { name: 'Datastore store1' }).getByRole('link', { name: 'Content' }).click();
  await showUp(page, () =>
    expect(page.getByRole('treegrid', { name: 'Backups in store1' })).toBeVisible({ timeout: 250 }),
  );
  state = await settle(page);
  await runTo(start + 35 * MINUTE, false);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await showUp(page, dashboard);
  state = await settle(page);

  await runTo(start + HOUR, true);
  const heapAtHour1 = await heapMiB(cdp);
  const objectsAtHour1 = await liveObjects(cdp);
  const renewalsAtHour1 = traffic.renewals;
  await runTo(start + HOURS * HOUR, true);
  const heapAtEnd = await heapMiB(cdp);
  const objectsAtEnd = await liveObjects(cdp);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  const hour1 = windows.get(start + HOUR);
  const end = windows.get(start + HOURS * HOUR);
  if (!hour1 || !end) throw new Error('a measuring window got no sample');
  const counts = ({ timeouts, intervals, listeners }: Measured) => ({ timeouts, intervals, listeners });
  const figures = {
    renewals: traffic.renewals,
    renewalsAtHour1,
    unauthorized: traffic.unauthorized.length,
    cancelledByTheConsole: traffic.cancelled,
    apiRequests: traffic.requests,
    clockSteps: steps,
    heapMiB: { hour1: heapAtHour1, end: heapAtEnd },
    hour1: counts(hour1),
    end: counts(end),
    liveObjects: { hour1: objectsAtHour1, end: objectsAtEnd },
  };
  console.log(`long session: ${JSON.stringify(figures)}`);
  for (const [type, value] of Object.entries(figures))
    test.info().annotations.push({ type, description: JSON.stringify(value) });

  // Logged in at `start`, renewed at start + 15 min × k: the clock stops at each of those instants and waits for the
  // answer, so each new ticket is obtained exactly 15 minutes after the last; the 48th renewal goes out at the very
  // last instant of the 12 hours.
  expect(renewalsAtHour1).toBe(HOUR / RENEW_EVERY);
  expect(traffic.renewals).toBe((HOURS * HOUR) / RENEW_EVERY);
  expect(await obtainedAt()).toBe(start + HOURS * HOUR);
  expect(traffic.unauthorized).toEqual([]);
  expect(traffic.failed).toEqual([]);

  expect(Math.abs(heapAtEnd - heapAtHour1) / heapAtHour1, JSON.stringify(figures.heapMiB)).toBeLessThanOrEqual(0.1);
  expect(end.intervals, JSON.stringify({ hour1: hour1.timerSites, end: end.timerSites }, null, 1)).toBeLessThanOrEqual(
    hour1.intervals,
  );
  expect(end.timeouts, JSON.stringify({ hour1: hour1.timerSites, end: end.timerSites }, null, 1)).toBeLessThanOrEqual(
    hour1.timeouts,
  );
  expect(
    end.listeners,
    JSON.stringify({ hour1: hour1.listenersByKind, end: end.listenersByKind }, null, 1),
  ).toBeLessThanOrEqual(hour1.listeners);
  for (const name of PER_REQUEST) expect(objectsAtEnd[name], name).toBeLessThanOrEqual(objectsAtHour1[name] ?? 0);

  expectSection(
    'long-session',
    'tests/e2e/long-session.spec.ts',
    longSessionSection({
      hours: HOURS,
      renewEveryMin: RENEW_EVERY / MINUTE,
      ticketLifetimeMin: TICKET_LIFETIME_S / 60,
      renewals: traffic.renewals,
      unauthorized: traffic.unauthorized.length,
      failed: traffic.failed.length,
      heapWithin: 10,
      heapOk: Math.abs(heapAtEnd - heapAtHour1) / heapAtHour1 <= 0.1,
      timersOk: end.intervals <= hour1.intervals && end.timeouts <= hour1.timeouts,
      listenersOk: end.listeners <= hour1.listeners,
      objectsOk: PER_REQUEST.every((name) => (objectsAtEnd[name] ?? 0) <= (objectsAtHour1[name] ?? 0)),
    }),
  );
});
