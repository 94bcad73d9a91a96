// What the space engine promises about forgetting, checked against the simulator's GC: forget a selection, and the
// first GC that starts 24 h 5 min after the last mark removes exactly the selection's unique chunks. And the
// demo's daily GCs find garbage that varies from run to run, the same for the same seed and start.
import { SpaceEngine } from '@/lib/space/engine';
import { DISK_ESTIMATE_ERROR, estimateDiskBytes, spaceReport } from '@/lib/space/report';
import { selectionSpace } from '@/lib/space/selection';
import type { SnapshotInput, SnapshotRef, SpaceReport } from '@/lib/space/types';
import { createSimulator, type GcStatus, type Simulator } from './simulator';
import { nextQuietNoon, testStartTime } from './test-start';

const STORE = 'store1';
/** PBS's default access-time cutoff: 24 h 5 min. A chunk goes when its atime is older than start − cutoff. */
const CUTOFF = 24 * 3600 + 300;

/** The store's snapshots as the listing names them, their index files built by the simulator's download. */
function inputs(sim: Simulator, store: string): SnapshotInput[] {
  return sim.listNamespaces(store).flatMap(({ ns }) =>
    sim.listSnapshots(store, ns).map((s) => {
      const ref = { ns, type: s['backup-type'], id: s['backup-id'], time: s['backup-time'], owner: s.owner };
      const names = s.files.map((f) => f.filename).filter((f) => /\.[fd]idx$/.test(f));
      return {
        ...ref,
        files: () => names.map((name) => ({ name, data: sim.indexFile(store, ns, ref.type, ref.id, ref.time, name) })),
      };
    }),
  );
}

/** Starts a GC by hand at `at` and lets it finish; its start is the mark every chunk it keeps now carries. */
function gcAt(sim: Simulator, at: number): GcStatus {
  sim.setTime(at);
  const upid = sim.startGc(STORE, 'root@pam');
  while (sim.taskStatus(upid).status === 'running') sim.advance(30);
  return sim.datastoreStatus(STORE, true)['gc-status'] as GcStatus;
}

/** Snapshots i with from <= i < to (oldest first) of every step-th group of the namespaces given, up to five groups. */
const pick =
  (namespaces: string[], step: number, from: number, to: number) =>
  (report: SpaceReport): SnapshotRef[] =>
    report.groups
      .filter((g) => namespaces.includes(g.ns))
      .filter((_, i) => i % step === 1)
      .slice(0, 5)
      .flatMap((g) =>
        report.snapshots.filter((s) => s.ns === g.ns && s.type === g.type && s.id === g.id).slice(from, to),
      );

describe('forget, then GC', () => {
  it.each([
    [
      'seed 1: the second and third oldest snapshots of five groups in three namespaces',
      1,
      pick(['', 'prod', 'prod/db'], 4, 1, 3),
    ],
    [
      'seed 2: the three oldest snapshots of five groups, every third',
      2,
      pick(['', 'prod', 'prod/db', 'lab'], 3, 0, 3),
    ],
  ])(
    "%s: GC removes exactly the selection's unique chunks, their bytes within the estimate's stated error",
    async (_, seed, choose) => {
      const sim = createSimulator({ seed, startTime: testStartTime(), speed: 0 });
      // every GC here starts at noon, when no backup writer holds the cutoff back
      sim.setTime(nextQuietNoon(sim.now()));
      // nothing but the nightly backups runs meanwhile: no scheduled GC, prune or verify on this store
      sim.updateDatastoreConfig(STORE, {}, ['gc-schedule']);
      for (const j of sim.jobs.listPrune().filter((c) => c.store === STORE))
        sim.jobs.deletePrune(j.id, undefined, () => {});
      for (const j of sim.jobs.listVerify().filter((c) => c.store === STORE))
        sim.jobs.deleteVerify(j.id, undefined, () => {});
      // a first GC marks; the next one, 24 h 5 min later, clears whatever garbage was there before
      const first = sim.now();
      gcAt(sim, first);
      const clean = first + CUTOFF + 1;
      const before = gcAt(sim, clean);

      const engine = new SpaceEngine(inputs(sim, STORE));
      await engine.run();
      const report = spaceReport(engine, {
        indexDataBytes: before['index-data-bytes'],
        diskBytes: before['disk-bytes'],
      });
      const chosen = choose(report);
      expect(new Set(chosen.map((s) => `${s.ns}|${s.type}/${s.id}`)).size).toBe(5);
      const key = (s: SnapshotRef) => `${s.ns}|${s.type}/${s.id}/${s.time}`;
      const keys = new Set(chosen.map(key));
      const selection = await selectionSpace(engine, (s) => keys.has(key(s)));
      expect(selection.snapshots).toBe(chosen.length);
      expect(selection.unique.chunks).toBeGreaterThan(100);

      for (const s of chosen) sim.forgetSnapshot(STORE, s.ns, s.type as 'vm', s.id, s.time);
      sim.setTime(clean + CUTOFF);
      const used = sim.datastoreStatus(STORE, false).used;
      const after = gcAt(sim, clean + CUTOFF + 1);
      expect(after['removed-chunks']).toBe(selection.unique.chunks);
      // usage drops by what GC removed (no backup runs at that hour)
      expect(sim.datastoreStatus(STORE, false).used).toBe(used - after['removed-bytes']);
      const estimate = estimateDiskBytes(selection.unique.bytes, report.datastore)!;
      console.info(
        `seed ${seed}: removed ${after['removed-bytes']} B, estimated ${estimate.bytes} B ` +
          `(${((after['removed-bytes'] / estimate.bytes - 1) * 100).toFixed(1)} %, stated ±${DISK_ESTIMATE_ERROR * 100} %)`,
      );
      expect(after['removed-bytes']).toBeGreaterThanOrEqual(estimate.low);
      expect(after['removed-bytes']).toBeLessThanOrEqual(estimate.high);
    },
    120_000,
  );
});

describe("the demo's daily GCs", () => {
  const figures = (sim: Simulator) =>
    sim
      .listTasks({ typefilter: 'garbage_collection', store: STORE, limit: 0 })
      .data.filter((t) => t.status === 'OK')
      .sort((a, b) => a.starttime - b.starttime)
      .slice(-3)
      .map((t) =>
        sim
          .taskLog(t.upid, 0, 0)
          .data.map((l) => l.t.replace(/^\S+: /, ''))
          .filter((l) => /^(Removed garbage|Removed chunks|Pending removals)/.test(l)),
      );

  it('find different garbage each night, the same again for the same seed and start', () => {
    const run = () => {
      const sim = createSimulator({ seed: 1, startTime: testStartTime(), speed: 0 });
      sim.advance(3 * 86400);
      return figures(sim);
    };
    const a = run();
    expect(a).toHaveLength(3);
    for (const kind of ['Removed garbage', 'Removed chunks', 'Pending removals']) {
      const lines = a.map((gc) => gc.find((l) => l.startsWith(kind)));
      expect(new Set(lines).size).toBe(3);
    }
    expect(run()).toEqual(a);
  }, 120_000);
});
