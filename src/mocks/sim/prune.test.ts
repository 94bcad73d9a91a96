// Group prune with PBS's keep rules in the server's zone (Europe/Vienna), protected snapshots kept.
import { createSimulator } from './simulator';

const S = 1_700_000_000; // Tue 2023-11-14 23:13:20 in Vienna
const day = (k: number) => S - k * 86400; // k days earlier, same wall-clock time

function setup() {
  const sim = createSimulator({ profile: 'large', startTime: S, speed: 0 });
  const h = sim.createEmptyDatastore('hand');
  h.insertChunk('c', 4194304, 1_000_000, S);
  for (let k = 9; k >= 0; k--)
    h.addSnapshot({
      type: 'vm',
      id: '100',
      time: day(k),
      files: [{ filename: 'drive-scsi0.img.fidx', chunks: ['c'] }],
    });
  sim.setProtected('hand', '', 'vm', '100', day(6), true); // Wed Nov 8
  return sim;
}

describe('prune', () => {
  // keep-daily 3: Nov 14, 13, 12. keep-weekly 2: weeks 46 and 45 are taken already, so the newest of week 44
  // (Sun Nov 5) is kept. Nov 8 is protected. Everything else goes.
  const expected = [true, false, false, true, false, false, false, true, true, true];

  it('dry-run lists the marks oldest first and removes nothing', () => {
    const sim = setup();
    const { list, upid } = sim.pruneGroup(
      'hand',
      { type: 'vm', id: '100', keep: { 'keep-daily': 3, 'keep-weekly': 2 }, dryRun: true },
      'root@pam',
    );
    expect(upid).toBeNull();
    expect(list.map((i) => i['backup-time'])).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0].map(day));
    expect(list.map((i) => i.keep)).toEqual(expected);
    expect(list.filter((i) => i.protected).map((i) => i['backup-time'])).toEqual([day(6)]);
    expect(sim.listSnapshots('hand', '', 'vm', '100')).toHaveLength(10);
  });

  it('a real run removes and logs a prune task', () => {
    const sim = setup();
    const { upid } = sim.pruneGroup(
      'hand',
      { type: 'vm', id: '100', keep: { 'keep-daily': 3, 'keep-weekly': 2 } },
      'root@pam',
    );
    expect(upid).toMatch(/:prune:hand\\x3a\\x3avm-100:root@pam:$/);
    sim.advance(5);
    const lines = sim.taskLog(upid ?? '', 0, 0).data.map((l) => l.t.replace(/^\S+: /, ''));
    const marks = ['keep', 'remove', 'remove', 'protected', 'remove', 'remove', 'remove', 'keep', 'keep', 'keep'];
    const times = ['05', '06', '07', '08', '09', '10', '11', '12', '13', '14'];
    expect(lines).toEqual([
      'retention options: --keep-daily 3 --keep-weekly 2',
      `Starting prune on datastore 'hand', root namespace group "vm/100"`,
      ...times.map((d, i) => `vm/100/2023-11-${d}T22:13:20Z ${marks[i]}`),
      'TASK OK',
    ]);
    expect(sim.listSnapshots('hand', '', 'vm', '100').map((s) => s['backup-time'])).toEqual([9, 6, 2, 1, 0].map(day));
    expect(() => sim.forgetSnapshot('hand', '', 'vm', '100', day(6))).toThrow('cannot remove protected snapshot');
  });

  it('keeps notes on snapshots and groups, the first line as comment', () => {
    const sim = setup();
    sim.setSnapshotNotes('hand', '', 'vm', '100', day(0), 'before upgrade\nsecond line');
    sim.setGroupNotes('hand', '', 'vm', '100', 'web01');
    expect(sim.listSnapshots('hand', '', 'vm', '100').at(-1)?.comment).toBe('before upgrade');
    expect(sim.snapshotNotes('hand', '', 'vm', '100', day(0))).toBe('before upgrade\nsecond line');
    expect(sim.listGroups('hand')[0]?.comment).toBe('web01');
  });
});
