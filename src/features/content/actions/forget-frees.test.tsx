// The forget dialog states what forgetting frees and which garbage collection removes it; the simulator then keeps
// the promise. A twin simulator (same seed and start, no forget) tells this store's other garbage apart: the first
// GC whose removed chunks differ between the two must be the one the dialog named, and differ by the figure it gave.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { formatBytes } from '@/lib/format-bytes';
import { formatDateTime } from '@/lib/format-time';
import { recordDownloads } from '@/test/downloads';
import { setupTestServer } from '@/test/render-app';
import { createSimulator, nextQuietNoon, testStartTime, type GcStatus, type Simulator } from '@/test/sim';
import { BulkActions } from './bulk-actions';
import { SnapshotActions } from './snapshot-actions';
import { granted, renderAction } from './test-wrapper';

const OPTIONS = { seed: 5, historyDays: 20, speed: 0 } as const;
const t = setupTestServer(OPTIONS);
const STORE = 'store1';

/** Noon, and only the nightly backups and the daily GC run on the store: no prune or verify job. */
function quiet(sim: Simulator) {
  sim.setTime(nextQuietNoon(sim.now()));
  for (const j of sim.jobs.listPrune().filter((c) => c.store === STORE))
    sim.jobs.deletePrune(j.id, undefined, () => {});
  for (const j of sim.jobs.listVerify().filter((c) => c.store === STORE))
    sim.jobs.deleteVerify(j.id, undefined, () => {});
}

/** Every GC that ends over the next `days` days: its start and the chunks it removed. */
function gcsOver(sim: Simulator, days: number) {
  const seen: { start: number; removed: number }[] = [];
  let last = (sim.datastoreStatus(STORE, true)['gc-status'] as GcStatus | undefined)?.upid;
  for (let h = 0; h < days * 24 * 12; h++) {
    sim.advance(300);
    const gc = sim.datastoreStatus(STORE, true)['gc-status'] as GcStatus | undefined;
    if (gc?.upid && gc.upid !== last) {
      last = gc.upid;
      seen.push({ start: parseInt(gc.upid.split(':')[5] ?? '', 16), removed: gc['removed-chunks'] });
    }
  }
  return seen;
}

describe('the forget dialog', () => {
  it('states what forgetting frees and the GC that removes it, and that GC removes exactly that', async () => {
    quiet(t.sim);
    const twin = createSimulator({ ...OPTIONS, startTime: testStartTime() });
    quiet(twin);
    await t.loginAs('root@pam');
    // the unprotected snapshot of vm/100 that holds the most chunks alone
    const truth = t.sim.spaceTruth(STORE).perSnapshot();
    const listed = t.sim.listSnapshots(STORE, '', 'vm', '100').filter((s) => !s.protected && s.size !== undefined);
    const unique = (time: number) =>
      truth.find((s) => s.ns === '' && s.type === 'vm' && s.id === '100' && s.time === time)!;
    const snapshot = listed.sort(
      (a, b) => unique(b['backup-time']).unique.chunks - unique(a['backup-time']).unique.chunks,
    )[0]!;
    const want = unique(snapshot['backup-time']).unique;
    expect(want.chunks).toBeGreaterThan(0);

    renderAction(<SnapshotActions store={STORE} ns="" permissions={granted()} snapshot={snapshot} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /^Actions for snapshot vm\/100\// }));
    await user.click(await screen.findByRole('menuitem', { name: 'Forget…' }));
    const dialog = await screen.findByRole('alertdialog');
    const note = await within(dialog).findByRole('status', { name: 'What this frees' }, { timeout: 10_000 });
    await waitFor(() => expect(note).toHaveTextContent(/^Frees /), { timeout: 60_000 });
    expect(note).toHaveTextContent(
      `Frees ${want.chunks.toLocaleString('en')} chunks, ${formatBytes(want.bytes)} of data`,
    );
    expect(note).toHaveTextContent(/about .+ on disk, ±25 %/);
    const named = /Removed by the garbage collection at (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)/.exec(note.textContent ?? '');
    expect(named).not.toBeNull();

    await user.click(within(dialog).getByRole('button', { name: 'Forget snapshot' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());

    const mine = gcsOver(t.sim, 3);
    const theirs = gcsOver(twin, 3);
    expect(mine.map((g) => g.start)).toEqual(theirs.map((g) => g.start));
    const first = mine.findIndex((g, i) => g.removed !== theirs[i]?.removed);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(formatDateTime(mine[first]!.start)).toBe(named?.[1]);
    expect(mine[first]!.removed - theirs[first]!.removed).toBe(want.chunks);
  }, 180_000);

  it('in a bulk forget, states what the selected snapshots free together', async () => {
    await t.loginAs('root@pam');
    // the three oldest of vm/101: consecutive backups share most chunks, so together they free more than apart
    const selected = t.sim
      .listSnapshots(STORE, '', 'vm', '101')
      .filter((s) => !s.protected)
      .slice(0, 3);
    const times = new Set(selected.map((s) => s['backup-time']));
    const truth = t.sim.spaceTruth(STORE);
    const want = truth.set((s) => s.ns === '' && s.type === 'vm' && s.id === '101' && times.has(s.time)).unique;
    const apart = truth
      .perSnapshot()
      .filter((s) => s.ns === '' && s.type === 'vm' && s.id === '101' && times.has(s.time))
      .reduce((n, s) => n + s.unique.chunks, 0);
    expect(want.chunks).toBeGreaterThan(apart);

    renderAction(<BulkActions store={STORE} ns="" permissions={granted()} selected={selected} onDone={() => {}} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Forget…' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Forget 3 selected snapshots' });
    const note = await within(dialog).findByRole('status', { name: 'What this frees' }, { timeout: 10_000 });
    await waitFor(() => expect(note).toHaveTextContent(/^Frees /), { timeout: 60_000 });
    expect(note).toHaveTextContent(
      `Frees ${want.chunks.toLocaleString('en')} chunks, ${formatBytes(want.bytes)} of data`,
    );
    expect(note).toHaveTextContent(/Removed by the garbage collection at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
  }, 120_000);

  it('says "at most" to an owner who lists only their own groups', async () => {
    onTestFinished(() => t.host.reset());
    t.host.auth.addUser({ userid: 'ops@pbs', password: 'demo', enable: true, expire: 0 });
    // backup and prune their own groups, no Datastore.Audit: PBS lists them only those
    t.host.auth.addAcl({ path: '/datastore/store1', ugid: 'ops@pbs', roleid: 'DatastorePowerUser', propagate: true });
    t.sim.changeOwner(STORE, '', 'vm', '102', 'ops@pbs');
    await t.loginAs('ops@pbs');
    const snapshot = t.sim.listSnapshots(STORE, '', 'vm', '102').find((s) => !s.protected)!;
    const truth = t.sim.spaceTruth(STORE);
    const exact = truth.set((s) => s.type === 'vm' && s.id === '102' && s.time === snapshot['backup-time']).unique;
    renderAction(
      <SnapshotActions
        store={STORE}
        ns=""
        permissions={granted(['Datastore.Backup', 'Datastore.Prune'], 'ops@pbs')}
        snapshot={{ ...snapshot, owner: 'ops@pbs' }}
      />,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /^Actions for snapshot vm\/102\// }));
    await user.click(await screen.findByRole('menuitem', { name: 'Forget…' }));
    const note = await within(await screen.findByRole('alertdialog')).findByRole(
      'status',
      { name: 'What this frees' },
      { timeout: 10_000 },
    );
    await waitFor(() => expect(note).toHaveTextContent(/^Frees /), { timeout: 60_000 });
    const shown = /^Frees at most ([\d,]+) chunks/.exec(note.textContent ?? '');
    expect(shown).not.toBeNull();
    // only vm/102 is listed: every chunk it shares with other groups counts as freed here
    expect(Number(shown?.[1]?.replace(/,/g, ''))).toBeGreaterThanOrEqual(exact.chunks);
    expect(note).toHaveTextContent('Counted over the groups you can list');
  }, 120_000);

  it('counts a second dialog from the first count, reading only its own snapshot again', async () => {
    await t.loginAs('root@pam');
    const truth = t.sim.spaceTruth(STORE).perSnapshot();
    const [a, b] = t.sim.listSnapshots(STORE, '', 'vm', '101').filter((s) => !s.protected && s.size !== undefined);
    const indexFiles = (s: typeof a) => (s?.files ?? []).filter((f) => /\.(fidx|didx)$/.test(f.filename)).length;
    const all = truth.length;
    const { seen, stop } = recordDownloads(t.server);
    onTestFinished(stop);
    renderAction(
      <>
        <SnapshotActions store={STORE} ns="" permissions={granted()} snapshot={a!} />
        <SnapshotActions store={STORE} ns="" permissions={granted()} snapshot={b!} />
      </>,
    );
    const user = userEvent.setup();
    const frees = async (s: typeof a) => {
      const time = new Date(s!['backup-time'] * 1000).toISOString().replace(/\.000Z$/, 'Z');
      await user.click(screen.getByRole('button', { name: `Actions for snapshot vm/101/${time}` }));
      await user.click(await screen.findByRole('menuitem', { name: 'Forget…' }));
      const dialog = await screen.findByRole('alertdialog');
      const note = await within(dialog).findByRole('status', { name: 'What this frees' }, { timeout: 10_000 });
      await waitFor(() => expect(note).toHaveTextContent(/^Frees /), { timeout: 60_000 });
      const want = truth.find((x) => x.type === 'vm' && x.id === '101' && x.time === s!['backup-time'])!.unique;
      expect(note).toHaveTextContent(`Frees ${want.chunks.toLocaleString('en')} chunks, ${formatBytes(want.bytes)}`);
      await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
      await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    };

    // the first dialog reads every snapshot (here no browser cache: each file is downloaded), then its own again
    await frees(a);
    expect(seen.length).toBeGreaterThan(all);
    const first = seen.length;
    // the second, with the listing unchanged, reads only its own snapshot's index files
    await frees(b);
    expect(seen.length - first).toBe(indexFiles(b));
  }, 120_000);
});
