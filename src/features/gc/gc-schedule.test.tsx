import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, setupTestServer } from '@/test/render-app';

const t = setupTestServer();
// these tests change the datastore config and start GCs: each starts from the seeded simulator
beforeEach(() => t.host.reset());

async function openSchedule() {
  await t.loginAs('root@pam');
  renderApp('/datastores/store1');
  const panel = await screen.findByRole('region', { name: 'Garbage collection schedule' }, { timeout: 15_000 });
  const field = await within(panel).findByLabelText('GC schedule', {}, { timeout: 10_000 });
  return { panel, field, user: userEvent.setup() };
}

describe('garbage collection schedule', () => {
  it('sets, changes and removes the gc-schedule and shows when it runs next', async () => {
    const { panel, field, user } = await openSchedule();
    expect(field).toHaveValue(String(t.sim.datastoreConfig('store1')['gc-schedule'] ?? ''));
    await user.clear(field);
    await user.type(field, 'mon..fri 02:30');
    await user.click(within(panel).getByRole('button', { name: 'Save schedule' }));
    expect(await within(panel).findByText('Schedule saved: mon..fri 02:30.')).toBeInTheDocument();
    expect(t.sim.datastoreConfig('store1')['gc-schedule']).toBe('mon..fri 02:30');
    const next = t.sim.gcJobStatus('store1')['next-run'];
    expect(next).toBeDefined();
    await waitFor(() =>
      expect(within(panel).getByText('Next run').nextElementSibling).toHaveTextContent(/\d{4}-\d\d-\d\d \d\d:30:00/),
    );

    await user.click(within(panel).getByRole('button', { name: 'Remove schedule' }));
    expect(await within(panel).findByText('Schedule removed.')).toBeInTheDocument();
    expect(t.sim.datastoreConfig('store1')['gc-schedule']).toBeUndefined();
    await waitFor(() =>
      expect(within(panel).getByText('Next run').nextElementSibling).toHaveTextContent('not scheduled'),
    );
  }, 60_000);

  it('refuses to overwrite a change made meanwhile by someone else', async () => {
    const { panel, field, user } = await openSchedule();
    const before = t.sim.datastoreConfig('store1')['gc-schedule'];
    await user.clear(field);
    await user.type(field, '21:00');
    // another admin edits the datastore while this form is open
    t.sim.updateDatastoreConfig('store1', { comment: 'changed elsewhere' }, [], t.sim.configDigest());
    await user.click(within(panel).getByRole('button', { name: 'Save schedule' }));
    expect(await within(panel).findByRole('alert')).toHaveTextContent(
      "Not saved: the datastore's configuration changed meanwhile",
    );
    expect(t.sim.datastoreConfig('store1')['gc-schedule']).toBe(before);
    expect(t.sim.datastoreConfig('store1').comment).toBe('changed elsewhere');

    await user.click(within(panel).getByRole('button', { name: 'Reload settings' }));
    await waitFor(() => expect(within(panel).queryByRole('alert')).toBeNull());
    await user.clear(field);
    await user.type(field, '21:00');
    await user.click(within(panel).getByRole('button', { name: 'Save schedule' }));
    expect(await within(panel).findByText('Schedule saved: 21:00.')).toBeInTheDocument();
    expect(t.sim.datastoreConfig('store1')['gc-schedule']).toBe('21:00');
  }, 60_000);

  it("shows the server's parameter error at the schedule field", async () => {
    const { panel, field, user } = await openSchedule();
    await user.clear(field);
    await user.type(field, 'every tuesday');
    await user.click(within(panel).getByRole('button', { name: 'Save schedule' }));
    // what PBS (the simulator) says about that value, after "parameter verification failed - 'gc-schedule': "
    let serverMessage = '';
    try {
      t.sim.updateDatastoreConfig('store1', { 'gc-schedule': 'every tuesday' }, []);
    } catch (e) {
      serverMessage = String((e as Error).message).replace(/^parameter verification failed - 'gc-schedule': /, '');
    }
    expect(serverMessage).not.toBe('');
    await waitFor(() => expect(field).toHaveAccessibleDescription(serverMessage));
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(within(panel).queryByRole('alert')).toBeNull();
  }, 60_000);

  it('says clearly that PBS refuses a second run while one runs', async () => {
    const running = t.sim.startGc('store1', 'root@pam');
    const { user } = await openSchedule();
    await user.click(screen.getByRole('button', { name: 'Start garbage collection' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('A garbage collection is already running on this datastore');
    const link = await within(alert).findByRole('link', { name: 'Show the running garbage collection' });
    expect(decodeURIComponent(link.getAttribute('href') ?? '')).toBe(`/tasks/${running}`);
  }, 60_000);

  it('draws the history from the GC task logs', async () => {
    // Seed 1 from Wednesday 2 December 2026, 11:00 UTC, pinned so the figures below are known; then two GCs by
    // hand at 12:00 and 13:00 UTC, away from the nightly GC (midnight in Vienna) and backups. Times show in UTC,
    // the tests' zone.
    t.host.reset({ startTime: 1_796_209_200 });
    t.sim.setTime(1_796_209_200 + 3600);
    for (let i = 0; i < 2; i++) {
      t.sim.startGc('store1', 'root@pam');
      t.sim.advance(3600);
    }
    await t.loginAs('root@pam');
    renderApp('/datastores/store1');
    const history = await screen.findByRole('region', { name: 'Garbage collection history' }, { timeout: 15_000 });
    const summary = await within(history).findByTestId('gc-history-summary', {}, { timeout: 10_000 });
    // 18 nightly runs before the start (one ended with a warning) and the two above; the latest removed nothing,
    // since the first one had just swept what the 24 h cutoff let go; what last night's backups rewrote waits.
    expect(summary).toHaveTextContent(
      '20 runs (of the last 20 tasks); latest: dedup factor 8.81, removed 0 B, pending 5.02 GiB',
    );
    expect(within(history).getAllByTestId('chart')).toHaveLength(2);
    const rows = within(history).getAllByRole('row');
    expect(rows).toHaveLength(21);
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect(cells(rows[1]!)).toEqual(['2026-12-02 13:00:09', '0 B', '5.02 GiB', '8.81', '9s', 'OK']);
    expect(cells(rows[2]!)).toEqual(['2026-12-02 12:00:09', '4.7 GiB', '5.02 GiB', '8.81', '9s', 'OK']);
    expect(cells(rows[3]!)).toEqual(['2026-12-01 23:00:10(scheduled)', '1.08 GiB', '4.7 GiB', '9.31', '10s', 'OK']);
    expect(cells(rows[6]!)).toEqual([
      '2026-11-28 23:00:09(scheduled)',
      '4.61 GiB',
      '5.37 GiB',
      '8.91',
      '9s',
      'WARNINGS: 2',
    ]);
  }, 60_000);
});
