import { accessQueries } from '@/api/queries/access';
import { defaultServer } from '@/api/queries/default-server';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { formatDateTime } from '@/lib/format-time';
import { renderApp, setupTestServer } from '@/test/render-app';

const t = setupTestServer();

describe('datastore summary', () => {
  it('shows how to connect to the datastore', async () => {
    await t.loginAs('root@pam');
    renderApp('/datastores/store1');
    const info = await screen.findByRole('region', { name: 'Connection information' }, { timeout: 15_000 });
    const fingerprint = t.sim.nodeStatus().info?.fingerprint ?? '';
    expect(fingerprint).not.toBe('');
    expect(info).toHaveTextContent('localhost:store1');
    expect(info).toHaveTextContent('root@pam@localhost:store1');
    expect(await within(info).findByText(fingerprint)).toBeInTheDocument();
    expect(info).toHaveTextContent(
      `pvesm add pbs store1 --server localhost --datastore store1 --username root@pam --fingerprint ${fingerprint}`,
    );
    expect(within(info).getByRole('button', { name: 'Copy fingerprint' })).toBeInTheDocument();
  });

  it('starts a garbage collection and links its task', async () => {
    await t.loginAs('root@pam');
    renderApp('/datastores/store1');
    const start = await screen.findByRole('button', { name: 'Start garbage collection' }, { timeout: 15_000 });
    await userEvent.setup().click(start);
    const link = await screen.findByRole('link', { name: 'Garbage collection task' });
    expect(decodeURIComponent(link.getAttribute('href') ?? '')).toMatch(
      /^\/tasks\/UPID:.*:garbage_collection:store1:root@pam:$/,
    );

    // Let the simulated GC finish; the page follows the task and then reads the figures again.
    t.sim.advance(3600);
    const progress = link.closest('p')!;
    await waitFor(() => expect(progress).toHaveTextContent(/OK|WARNINGS/), { timeout: 10_000 });
    const end = t.sim.gcJobStatus('store1')['last-run-endtime'];
    expect(end).toBeDefined();
    const gc = screen.getByRole('region', { name: 'Garbage collection' });
    await waitFor(() => expect(gc).toHaveTextContent(formatDateTime(end!)), { timeout: 10_000 });
  });

  it('asks at most 6 times a minute while visible', async () => {
    vi.useFakeTimers({
      shouldAdvanceTime: true,
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
    try {
      await t.loginAs('root@pam');
      renderApp('/datastores/store1');
      await screen.findByRole('region', { name: 'Statistics' }, { timeout: 15_000 });
      await act(() => vi.advanceTimersByTimeAsync(90_000));
      let requests = 0;
      const count = () => void requests++;
      t.server.events.on('request:start', count);
      for (let minute = 0; minute < 3; minute++) await act(() => vi.advanceTimersByTimeAsync(60_000));
      t.server.events.removeListener('request:start', count);
      expect(requests).toBeGreaterThan(0);
      expect(requests / 3).toBeLessThanOrEqual(6);
    } finally {
      vi.useRealTimers();
    }
  });

  it('offers no garbage collection to the audit user', async () => {
    await t.loginAs('audit@pbs');
    const { queryClient } = renderApp('/datastores/store1');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Datastore store1' }, { timeout: 15_000 }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(
        queryClient.getQueryState(accessQueries.permissions(defaultServer, 'audit@pbs', '/datastore/store1').queryKey)
          ?.status,
      ).toBe('success'),
    );
    expect(await screen.findByRole('region', { name: 'Garbage collection' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Start garbage collection' })).toBeNull();
  });
});
