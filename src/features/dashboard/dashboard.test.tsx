import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { formatBytes } from '@/lib/format-bytes';
import { renderApp, setupTestServer } from '@/test/render-app';

const t = setupTestServer();

async function usageFromApi(): Promise<{ store: string; used: number; total: number; avail: number }[]> {
  const res = await fetch(new URL('/api2/json/status/datastore-usage', location.origin));
  return ((await res.json()) as { data: { store: string; used: number; total: number; avail: number }[] }).data;
}

const card = (store: string, timeout = 15_000) => screen.findByRole('region', { name: `Datastore ${store}` }, { timeout });

describe('dashboard', () => {
  it('shows every datastore with the sizes the server reports', async () => {
    await t.loginAs('root@pam');
    renderApp('/');
    const usage = await usageFromApi();
    expect(usage.length).toBeGreaterThan(1);
    for (const item of usage) {
      const region = await card(item.store);
      expect(within(region).getByRole('heading', { name: item.store })).toBeInTheDocument();
      expect(region).toHaveTextContent(`${formatBytes(item.used)} used of ${formatBytes(item.total)}`);
      expect(region).toHaveTextContent(`${formatBytes(item.avail)} available`);
    }
    for (const ds of t.sim.listDatastores().filter((d) => d.maintenance)) {
      expect(await card(ds.store)).toHaveTextContent(/Maintenance \((read-only|offline)\)/);
    }
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
            { store: 'b', used: 10, total: 100, avail: 90, 'estimated-full-date': now - 86_400, 'gc-status': { upid: runningUpid, 'index-data-bytes': null } },
            { store: 'c', used: 50, total: 100, avail: 50, history: [null, null], 'history-start': now - 3600, 'history-delta': 1800, 'gc-status': { upid: 'not-a-upid' } },
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
});
