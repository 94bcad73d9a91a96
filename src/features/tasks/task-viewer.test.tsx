import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { renderApp, setupTestServer } from '@/test/render-app';

const t = setupTestServer();
const enc = encodeURIComponent;

beforeEach(() => t.host.reset());

describe('task viewer', () => {
  it('follows a running verify live, shows its progress, and stops it', async () => {
    const upid = t.sim.startVerify('store1', {}, 'root@pam');
    t.sim.advance(120);
    await t.loginAs('root@pam');
    const { router } = renderApp(`/tasks/${enc(upid)}`);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Verify datastore store1' }, { timeout: 15_000 }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Running')).toBeInTheDocument();
    const bar = await screen.findByRole('progressbar');
    const before = Number(bar.getAttribute('aria-valuenow'));
    const log = screen.getByRole('region', { name: 'Task log lines' });
    expect(log).toHaveTextContent('verify datastore store1');

    // The simulated verify moves on; the viewer reads only the new lines and moves with it.
    t.sim.advance(900);
    await waitFor(
      () => expect(Number(screen.getByRole('progressbar').getAttribute('aria-valuenow'))).toBeGreaterThan(before),
      {
        timeout: 8_000,
      },
    );
    const logReads: URL[] = [];
    t.server.events.on('request:start', ({ request }) => {
      if (request.url.includes('/log')) logReads.push(new URL(request.url));
    });

    await userEvent.setup().click(screen.getByRole('button', { name: 'Stop task' }));
    const failed = await screen.findByRole('alert', {}, { timeout: 8_000 });
    expect(failed).toHaveTextContent('The task failed');
    expect(failed).toHaveTextContent('abort requested - aborting task');
    await waitFor(
      () =>
        expect(screen.getByRole('region', { name: 'Task log lines' })).toHaveTextContent(
          'TASK ERROR: abort requested - aborting task',
        ),
      {
        timeout: 8_000,
      },
    );
    expect(screen.queryByRole('button', { name: 'Stop task' })).toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();
    // Follow-up reads start at the last line held, not at the top.
    expect(logReads.length).toBeGreaterThan(0);
    expect(logReads.every((u) => Number(u.searchParams.get('start')) > 1)).toBe(true);
    expect(router.state.location.pathname).toBe(`/tasks/${enc(upid)}`);
  }, 60_000);

  it('offers no stop button to a user who may neither stop it nor holds Sys.Modify', async () => {
    const upid = t.sim.startVerify('store1', {}, 'root@pam');
    await t.loginAs('audit@pbs');
    renderApp(`/tasks/${enc(upid)}`);
    expect(await screen.findByText('Running', {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: 'Task log lines' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Stop task' })).toBeNull();
  }, 60_000);

  it('keeps a 100 000-line log to a few rows in the document', async () => {
    const upid = t.sim.startGc('store1', 'root@pam');
    t.sim.advance(3600);
    const lines = Array.from({ length: 100_000 }, (_, i) => ({
      n: i + 1,
      t: `2026-01-01T00:00:00+00:00: line ${i + 1}`,
    }));
    lines.push({ n: 100_001, t: '2026-01-01T01:00:00+00:00: TASK OK' });
    t.server.use(
      http.get('*/api2/json/nodes/:node/tasks/:upid/log', () =>
        HttpResponse.json({ data: lines, total: lines.length, active: false }),
      ),
    );
    // jsdom lays nothing out: give the log the height a browser would, and each line its row.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.getAttribute('role') === 'region' ? 600 : 0;
    });
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(18);
    await t.loginAs('root@pam');
    renderApp(`/tasks/${enc(upid)}`);
    const card = await screen.findByRole('region', { name: 'Log' }, { timeout: 15_000 });
    expect(await within(card).findByText('100001 lines')).toBeInTheDocument();
    const rows = within(screen.getByRole('region', { name: 'Task log lines' })).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(100);
    expect(rows[0]).toHaveTextContent('line 1');
    vi.restoreAllMocks();
  }, 60_000);
});
