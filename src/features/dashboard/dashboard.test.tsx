import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { resetServerClock } from '@/api/server-clock';
import { renderApp, setupTestServer } from '@/test/render-app';

// Pinned to Wednesday 2 December 2026, 11:00 UTC, whatever TEST_SIM_START says: the sizes below are literals.
const t = setupTestServer({ startTime: 1_796_209_200 });

const card = (store: string, timeout = 15_000) =>
  screen.findByRole('region', { name: `Datastore ${store}` }, { timeout });

describe('dashboard', () => {
  it('shows every datastore with the sizes the server reports', async () => {
    await t.loginAs('root@pam');
    renderApp('/');
    // Seed 1 at the pinned start. Bytes from /status/datastore-usage, worked out by hand in IEC units:
    // store1: used 1 776 826 561 294 B = 1.616 TiB, total 13 194 139 533 312 B = 12 TiB, avail 11 417 312 972 018 B
    // = 10.38 TiB; used / total = 13.5 %. offsite: 549 221 363 228 B = 511.5 GiB of 8 TiB (6.2 %), 8 246 871 658 980 B
    // = 7.500 TiB available. archive: 264 379 119 863 B = 246.2 GiB of 4 TiB (6.0 %), 4 133 667 391 241 B = 3.760 TiB.
    const expected = [
      ['store1', '1.62 TiB used of 12 TiB', '13.5 %', '10.4 TiB available'],
      ['offsite', '512 GiB used of 8 TiB', '6.2 %', '7.5 TiB available'],
      ['archive', '246 GiB used of 4 TiB', '6.0 %', '3.76 TiB available'],
    ];
    for (const [store, used, percent, avail] of expected) {
      const region = await card(store!);
      expect(within(region).getByRole('heading', { name: store })).toBeInTheDocument();
      expect(region).toHaveTextContent(used!);
      expect(region).toHaveTextContent(percent!);
      expect(region).toHaveTextContent(avail!);
    }
    expect(screen.getAllByRole('region', { name: /^Datastore / })).toHaveLength(3);
    expect(await card('archive')).toHaveTextContent('Maintenance (read-only): retired, kept for restores');
    expect(await card('store1')).not.toHaveTextContent('Maintenance');
    expect(await screen.findByRole('heading', { name: 'Server' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Tasks of the last 24 hours' })).toBeInTheDocument();
  });

  it('shows a failing datastore as an error card and the others as usual', async () => {
    t.sim.failDatastore('offsite', 'EIO: input/output error');
    try {
      await t.loginAs('root@pam');
      renderApp('/');
      const failing = await card('offsite');
      expect(await within(failing).findByRole('alert')).toHaveTextContent('EIO: input/output error');
      const fine = await card('store1');
      expect(within(fine).getByText(/used of/)).toBeInTheDocument();
      expect(within(fine).queryByRole('alert')).toBeNull();
    } finally {
      t.sim.failDatastore('offsite', null);
    }
  });

  it('renders odd answers and says what it does not know', async () => {
    const now = t.sim.now();
    const runningUpid = `UPID:pbs-demo:00001234:00005678:00000001:${(now - 60).toString(16).toUpperCase().padStart(8, '0')}:garbage_collection:b:root@pam:`;
    t.server.use(
      http.get('/api2/json/status/datastore-usage', () =>
        HttpResponse.json({
          data: [
            { store: 'a', used: null, avail: 1024, 'estimated-full-date': 0, 'gc-status': null },
            {
              store: 'b',
              used: 10,
              total: 100,
              avail: 90,
              'estimated-full-date': now - 86_400,
              'gc-status': { upid: runningUpid, 'index-data-bytes': null },
            },
            {
              store: 'c',
              used: 50,
              total: 100,
              avail: 50,
              history: [null, null],
              'history-start': now - 3600,
              'history-delta': 1800,
              'gc-status': { upid: 'not-a-upid' },
            },
            { store: 'd', error: 'datastore lookup failed' },
          ],
        }),
      ),
      http.get('/api2/json/admin/gc', () => HttpResponse.json({ data: [] })),
    );
    await t.loginAs('root@pam');
    renderApp('/');

    const a = await card('a');
    expect(a).toHaveTextContent('unknown used of unknown');
    expect(a).toHaveTextContent('Usage: unknown');
    expect(a).toHaveTextContent('Estimated fullNever');

    const b = await card('b');
    expect(b).toHaveTextContent('Estimated fullNever');
    expect(b).toHaveTextContent(/Deduplication factor\s*unknown/);
    expect(b).toHaveTextContent(/started .*end unknown/);

    const c = await card('c');
    expect(c).toHaveTextContent('not enough data');
    expect(c).toHaveTextContent('no history yet');
    expect(c).toHaveTextContent(/Last garbage collection\s*unknown/);

    const d = await card('d');
    expect(within(d).getByRole('alert')).toHaveTextContent('datastore lookup failed');
  });

  it("counts the last 24 hours by the server's clock, even on a page's first request and a browser days ahead", async () => {
    // the server's own count of its tasks of the last day, and the newest of them
    const lastDay = t.sim.listTasks({ since: t.sim.now() - 86_400, limit: 500 }).data;
    expect(lastDay.length).toBeGreaterThan(0);
    vi.useFakeTimers({ toFake: ['Date'], now: (t.sim.now() + 4 * 86_400) * 1000 });
    try {
      await t.loginAs('root@pam');
      resetServerClock();
      renderApp('/');
      const tasks = await screen.findByRole('region', { name: 'Tasks of the last 24 hours' }, { timeout: 15_000 });
      await within(tasks).findByText(new RegExp(`^${lastDay.length} tasks, \\d+ failed`), undefined, {
        timeout: 15_000,
      });
      expect(within(tasks).queryByText('No tasks in the last 24 hours.')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
