// @vitest-environment node
// GC on the large profile comes from its chunk model: forget snapshots of a group, and the first GC that starts
// 24 h 5 min after the last mark removes exactly the chunks only they referenced (what the space engine finds in
// the group's index files); one sooner leaves them pending; usage drops by what was removed.
import { SpaceEngine } from '@/lib/space/engine';
import { selectionSpace } from '@/lib/space/selection';
import type { SnapshotInput } from '@/lib/space/types';
import { createSimulator, type GcStatus, type Simulator } from './simulator';
import { nextQuietNoon, testStartTime } from './test-start';

const STORE = 'store1';
const CUTOFF = 24 * 3600 + 300;

function gcAt(sim: Simulator, at: number): GcStatus {
  sim.setTime(at);
  const upid = sim.startGc(STORE, 'root@pam');
  while (sim.taskStatus(upid).status === 'running') sim.advance(60);
  return sim.datastoreStatus(STORE, true)['gc-status'] as GcStatus;
}

function groupInputs(sim: Simulator, type: 'ct', id: string): SnapshotInput[] {
  return sim.listSnapshots(STORE, '', type, id).map((s) => ({
    ns: '',
    type,
    id,
    time: s['backup-time'],
    owner: s.owner,
    files: () =>
      s.files
        .map((f) => f.filename)
        .filter((f) => f.endsWith('.didx'))
        .map((name) => ({ name, data: sim.indexFile(STORE, '', type, id, s['backup-time'], name) })),
  }));
}

test('forgotten snapshots of a large group: pending at once, removed a day later, exactly their own chunks', async () => {
  const sim = createSimulator({ seed: 3, profile: 'large', startTime: testStartTime(), speed: 0 });
  // at noon the nightly GC is done; no other runs meanwhile
  sim.setTime(nextQuietNoon(sim.now()));
  sim.updateDatastoreConfig(STORE, {}, ['gc-schedule']);
  const engine = new SpaceEngine(groupInputs(sim, 'ct', '1005'));
  await engine.run();
  const times = sim
    .listSnapshots(STORE, '', 'ct', '1005')
    .map((s) => s['backup-time'])
    .sort((a, b) => a - b);
  // three and two in a row, in the middle: the OS family's base versions they hold are held by their neighbours too
  // (at the group's oldest end a base version may be held by its oldest snapshots alone in this group, but by the
  // other guests of the family as well: GC keeps it, and an account of this group alone cannot know)
  const chosen = new Set([times[300]!, times[301]!, times[302]!, times[600]!, times[601]!]);
  const selection = await selectionSpace(engine, (s) => chosen.has(s.time));
  expect(selection.unique.chunks).toBeGreaterThan(0);

  const start = sim.now();
  for (const t of chosen) sim.forgetSnapshot(STORE, '', 'ct', '1005', t);
  const group = sim.listGroups(STORE).find((g) => g['backup-id'] === '1005')!;
  expect(group['backup-count']).toBe(995);
  // forgotten for good: the group rebuilt from the seed leaves them out, its neighbours untouched
  expect(sim.listSnapshots(STORE, '', 'ct', '1005').map((s) => s['backup-time'])).not.toContain(times[300]);
  expect(sim.listSnapshots(STORE, '', 'ct', '1006')).toHaveLength(1000);

  // the last mark (the nightly GC's) is less than 24 h 5 min old: nothing goes yet
  const first = gcAt(sim, start);
  expect([first['removed-chunks'], first['pending-chunks']]).toEqual([0, selection.unique.chunks]);
  const second = gcAt(sim, sim.now() + CUTOFF);
  expect(second['removed-chunks']).toBe(selection.unique.chunks);
  expect(second['pending-chunks']).toBe(0);
  expect(second['removed-bytes']).toBeGreaterThan(0);
  expect(second['disk-chunks']).toBe(first['disk-chunks'] - selection.unique.chunks);
  // usage grows with time on this store; beside a twin that forgot nothing, at the same instant, it is lower by
  // what GC removed
  const twin = createSimulator({ seed: 3, profile: 'large', startTime: testStartTime(), speed: 0 });
  twin.setTime(nextQuietNoon(twin.now()));
  twin.updateDatastoreConfig(STORE, {}, ['gc-schedule']);
  twin.setTime(sim.now());
  expect(sim.datastoreStatus(STORE, false).used).toBe(
    twin.datastoreStatus(STORE, false).used - second['removed-bytes'],
  );
  // the model keeps no per-snapshot ground truth for this computed store, and says so
  expect(() => sim.spaceTruth(STORE)).toThrow("datastore 'store1' is computed from the seed");
  // and a third finds nothing more
  const third = gcAt(sim, sim.now() + 3600);
  expect([third['removed-chunks'], third['pending-chunks']]).toEqual([0, 0]);
}, 120_000);
