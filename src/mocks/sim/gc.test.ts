// GC on a datastore seeded by hand: every expected number below is worked out by hand from the chunks,
// references and atimes, following PBS's rule: removed if atime < min(start − 24 h, oldest writer) − 5 min,
// pending if not removed but atime < oldest writer (or the GC start without writers), else on disk.
import { createSimulator, type Simulator } from './simulator';

const S = 1_700_000_000; // 2023-11-14T22:13:20Z
const MiB4 = 4194304;
const digest = (prefix: string) => prefix.padEnd(64, '0');
const A1 = digest('1000a1');
const A2 = digest('2000a2');
const R1 = digest('4000b1');
const P1 = digest('8000c1');
const P2 = digest('8001c2');
const K1 = digest('c000d1');
const W1 = digest('0000e1');

function seed(sim: Simulator, cutoff: number, pendingLimit: number) {
  const h = sim.createEmptyDatastore('hand');
  h.insertChunk(A1, MiB4, 2_000_000, S - 30 * 86400);
  h.insertChunk(A2, MiB4, 1_000_000, S - 30 * 86400);
  h.insertChunk(R1, 1048576, 400_000, cutoff - 1);
  h.insertChunk(P1, 1048576, 300_000, cutoff);
  h.insertChunk(P2, 2097152, 700_000, pendingLimit - 1);
  h.insertChunk(K1, 2097152, 600_000, pendingLimit);
  h.addSnapshot({
    type: 'vm',
    id: '100',
    time: S - 30 * 86400,
    files: [{ filename: 'drive-scsi0.img.fidx', chunks: [A1, A2, A1] }],
  });
  h.addSnapshot({
    type: 'vm',
    id: '101',
    time: S - 20 * 86400,
    files: [{ filename: 'drive-scsi0.img.fidx', chunks: [A1] }],
  });
}

function runGc(sim: Simulator) {
  const upid = sim.startGc('hand', 'root@pam');
  expect(sim.taskStatus(upid).status).toBe('running');
  expect(() => sim.startGc('hand', 'root@pam')).toThrow('garbage collection already running');
  sim.advance(120);
  expect(sim.taskStatus(upid)).toMatchObject({ status: 'stopped', exitstatus: 'OK' });
  return { upid, gc: sim.gcJobStatus('hand') };
}

describe('garbage collection on a hand-seeded store', () => {
  it('keeps what a running writer may still reference: cutoff = writer start − 5 min', () => {
    const sim = createSimulator({ profile: 'large', startTime: S, speed: 0 });
    const W = S + 3600;
    const G = W + 86400 + 600; // G − 24 h is after W, so the writer decides: cutoff = W − 300
    seed(sim, W - 300, W);
    sim.setTime(W);
    const writer = sim.beginBackup(
      'hand',
      {
        type: 'vm',
        id: '200',
        archives: [{ filename: 'drive-scsi0.img.fidx', chunks: [{ id: W1, rawSize: MiB4, diskSize: 1_500_000 }] }],
      },
      'root@pam',
    );
    sim.setTime(G);
    const { gc } = runGc(sim);
    // the writer's index is still a .tmp_fidx: two index files, 3×4 MiB + 4 MiB
    expect(gc['index-file-count']).toBe(2);
    expect(gc['index-data-bytes']).toBe(16_777_216);
    // R1 (atime cutoff − 1 s) goes; P1 (atime = cutoff) and P2 (writer start − 1 s) wait
    expect(gc['removed-chunks']).toBe(1);
    expect(gc['removed-bytes']).toBe(400_000);
    expect(gc['pending-chunks']).toBe(2);
    expect(gc['pending-bytes']).toBe(1_000_000);
    // A1, A2 (marked), K1 (atime = writer start) and the writer's own chunk stay
    expect(gc['disk-chunks']).toBe(4);
    expect(gc['disk-bytes']).toBe(5_100_000);
    expect(gc['cache-stats']).toEqual({ hits: 2, misses: 2 });
    // 16777216 / 5100000 = 3.2896…
    expect((gc['index-data-bytes'] / gc['disk-bytes']).toFixed(2)).toBe('3.29');
    expect(gc['last-run-state']).toBe('OK');
    writer.finish();
  });

  it('without writers the cutoff is GC start − 24 h 5 min, and pending ends at the GC start', () => {
    const sim = createSimulator({ profile: 'large', startTime: S, speed: 0 });
    const G = S + 3 * 86400;
    seed(sim, G - 86400 - 300, G);
    sim.setTime(G);
    const { gc } = runGc(sim);
    expect(gc['removed-chunks']).toBe(1);
    expect(gc['removed-bytes']).toBe(400_000);
    expect(gc['pending-chunks']).toBe(2);
    expect(gc['pending-bytes']).toBe(1_000_000);
    // A1 2 000 000 + A2 1 000 000 + K1 600 000
    expect(gc['disk-chunks']).toBe(3);
    expect(gc['disk-bytes']).toBe(3_600_000);
    expect(gc['index-data-bytes']).toBe(16_777_216);
    expect(sim.datastoreStatus('hand', true)['gc-status']?.['disk-bytes']).toBe(3_600_000);

    // a second GC at G + 120 + 86400 + 600: cutoff G + 420 is past P1, P2 and K1 (atime G), so all three go
    sim.advance(86400 + 600);
    const second = runGc(sim).gc;
    expect(second['removed-chunks']).toBe(3);
    expect(second['removed-bytes']).toBe(1_600_000);
    expect(second['pending-bytes']).toBe(0);
    expect(second['disk-chunks']).toBe(2);
    expect(second['disk-bytes']).toBe(3_000_000);
    expect((second['index-data-bytes'] / second['disk-bytes']).toFixed(2)).toBe('5.59');
  });

  it('runs on its gc-schedule and reports next-run from the last run', () => {
    const sim = createSimulator({ profile: 'large', startTime: S, speed: 0 }); // 23:13:20 in Vienna
    sim.createEmptyDatastore('hand');
    sim.updateDatastoreConfig('hand', { 'gc-schedule': '02:30' }, [], sim.configDigest());
    // the next 02:30 in Vienna is 2023-11-15T01:30:00Z
    expect(sim.gcJobStatus('hand')).toMatchObject({ schedule: '02:30', 'next-run': 1700011800 });
    sim.setTime(1700011800 + 60);
    const [row] = sim.listTasks({ typefilter: 'garbage_collection', store: 'hand' }).data;
    expect(row?.starttime).toBe(1700011800);
    const log = sim.taskLog(row?.upid ?? '', 0, 2).data.map((l) => l.t);
    expect(log).toEqual([
      '2023-11-15T02:30:00+01:00: starting garbage collection on store hand',
      "2023-11-15T02:30:00+01:00: task triggered by schedule '02:30'",
    ]);
    const gc = sim.gcJobStatus('hand');
    expect(gc['next-run']).toBe(1700011800 + 86400);
    expect(gc['last-run-state']).toBe('OK');
    expect(gc.duration).toBe((gc['last-run-endtime'] ?? 0) - 1700011800);
  });

  it('reports a never-run GC as zeros with upid null', () => {
    const sim = createSimulator({ profile: 'large', startTime: S, speed: 0 });
    sim.createEmptyDatastore('fresh');
    const gc = sim.gcJobStatus('fresh');
    expect(gc).toEqual({
      store: 'fresh',
      upid: null,
      'index-file-count': 0,
      'index-data-bytes': 0,
      'disk-bytes': 0,
      'disk-chunks': 0,
      'removed-bytes': 0,
      'removed-chunks': 0,
      'pending-bytes': 0,
      'pending-chunks': 0,
      'removed-bad': 0,
      'still-bad': 0,
    });
  });
});
