import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { parseGcLog } from '@/lib/gc-log';
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
    await waitFor(() => expect(within(panel).getByText('Next run').nextElementSibling).toHaveTextContent(/\d{4}-\d\d-\d\d \d\d:30:00/));

    await user.click(within(panel).getByRole('button', { name: 'Remove schedule' }));
    expect(await within(panel).findByText('Schedule removed.')).toBeInTheDocument();
    expect(t.sim.datastoreConfig('store1')['gc-schedule']).toBeUndefined();
    await waitFor(() => expect(within(panel).getByText('Next run').nextElementSibling).toHaveTextContent('not scheduled'));
  }, 60_000);

  it('refuses to overwrite a change made meanwhile by someone else', async () => {
    const { panel, field, user } = await openSchedule();
    const before = t.sim.datastoreConfig('store1')['gc-schedule'];
    await user.clear(field);
    await user.type(field, '21:00');
    // another admin edits the datastore while this form is open
    t.sim.updateDatastoreConfig('store1', { comment: 'changed elsewhere' }, [], t.sim.configDigest());
    await user.click(within(panel).getByRole('button', { name: 'Save schedule' }));
    expect(await within(panel).findByRole('alert')).toHaveTextContent("Not saved: the datastore's configuration changed meanwhile");
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

  it('draws the history from the GC task logs, whose summary matches gc-status', async () => {
    // Midday in Vienna, whatever the real time: the daily GC at midnight and the nightly backups stay out of the way.
    const noonUtc = (day: number) => Math.floor(day / 86400) * 86400 + 11 * 3600;
    const now = t.sim.now();
    t.sim.setTime(noonUtc(now) > now ? noonUtc(now) : noonUtc(now + 86400));
    for (let i = 0; i < 2; i++) {
      const upid = t.sim.startGc('store1', 'root@pam');
      t.sim.advance(3600);
      const summary = parseGcLog(t.sim.taskLog(upid, 0, 0).data.map((l) => l.t));
      const gc = t.sim.gcJobStatus('store1');
      expect(summary.removedChunks).toBe(gc['removed-chunks']);
      expect(summary.diskChunks).toBe(gc['disk-chunks']);
      expect(summary.pendingChunks).toBe(gc['pending-chunks']);
      expect(Math.abs(summary.diskBytes! - gc['disk-bytes'])).toBeLessThanOrEqual(gc['disk-bytes'] / 1000);
      expect(summary.dedupFactor).toBe(Number((gc['index-data-bytes'] / gc['disk-bytes']).toFixed(2)));
      expect(summary.end! - summary.start!).toBe(gc.duration);
      expect(summary.result).toBe(gc['last-run-state']);
    }
    const gc = t.sim.gcJobStatus('store1');
    const runs = t.sim.listTasks({ typefilter: 'garbage_collection', store: 'store1', start: 0, limit: 20 }).data.filter((r) => r.endtime);
    await t.loginAs('root@pam');
    renderApp('/datastores/store1');
    const history = await screen.findByRole('region', { name: 'Garbage collection history' }, { timeout: 15_000 });
    const summary = await within(history).findByTestId('gc-history-summary', {}, { timeout: 10_000 });
    expect(summary).toHaveTextContent(`${runs.length} runs`);
    expect(summary).toHaveTextContent(`dedup factor ${(gc['index-data-bytes'] / gc['disk-bytes']).toFixed(2)}`);
    expect(within(history).getAllByTestId('chart')).toHaveLength(2);
    expect(within(history).getAllByRole('row')).toHaveLength(runs.length + 1);
  }, 60_000);
});
