// Verify re-reads every chunk; a corrupted chunk makes it fail, get renamed to .bad and be recorded.
import { createSimulator } from './simulator';

const S = 1_700_000_000;
const t1 = S - 2 * 86400; // 2023-11-12T22:13:20Z
const t2 = S - 86400;
const msgs = (lines: { t: string }[]) => lines.map((l) => l.t.replace(/^\S+: /, ''));

function setup() {
  const sim = createSimulator({ profile: 'large', startTime: S, speed: 0 });
  const h = sim.createEmptyDatastore('hand');
  h.insertChunk('base', 4194304, 2_097_152, t1);
  h.insertChunk('own', 4194304, 1_048_576, t1);
  h.addNamespace('lab');
  h.addSnapshot({
    type: 'vm',
    id: '100',
    time: t1,
    files: [{ filename: 'drive-scsi0.img.fidx', chunks: ['base', 'own'] }],
  });
  h.addSnapshot({
    type: 'vm',
    id: '100',
    time: t2,
    files: [{ filename: 'drive-scsi0.img.fidx', chunks: ['base', 'own'] }],
  });
  h.addSnapshot({
    ns: 'lab',
    type: 'ct',
    id: '300',
    time: t2,
    files: [{ filename: 'root.pxar.didx', chunks: ['base'] }],
  });
  return sim;
}

describe('verify', () => {
  it('passes on healthy chunks and records ok in every snapshot', () => {
    const sim = setup();
    const upid = sim.startVerify('hand', { type: 'vm', id: '100' }, 'root@pam');
    expect(upid).toContain(':verify_group:hand\\x3a-vm-100:root@pam:');
    sim.advance(60);
    expect(sim.taskStatus(upid).exitstatus).toBe('OK');
    const lines = msgs(sim.taskLog(upid, 0, 0).data);
    expect(lines).toEqual([
      'verify group hand:vm/100 (2 snapshots)',
      'verify hand:vm/100/2023-11-13T22:13:20Z',
      '  check drive-scsi0.img.fidx',
      expect.stringMatching(
        /^ {2}verified 3\.00\/8\.00 MiB in \d+\.\d\d seconds, speed \d+\.\d\d\/\d+\.\d\d MiB\/s \(0 errors\)$/,
      ),
      'percentage done: 50.00% (1/2 snapshots)',
      'verify hand:vm/100/2023-11-12T22:13:20Z',
      '  check drive-scsi0.img.fidx',
      // both chunks were verified a moment ago in this task
      expect.stringMatching(/^ {2}verified 0\.00\/0\.00 MiB in 0\.01 seconds, speed 0\.00\/0\.00 MiB\/s \(0 errors\)$/),
      'percentage done: 100.00% (2/2 snapshots)',
      'TASK OK',
    ]);
    for (const s of sim.listSnapshots('hand', '', 'vm', '100')) expect(s.verification).toEqual({ state: 'ok', upid });
  });

  it('fails after corruption, renames the chunk to .bad and marks the snapshots failed', () => {
    const sim = setup();
    expect(sim.corruptChunks('hand', 1)).toBe(1);
    const upid = sim.startVerify('hand', {}, 'root@pam');
    expect(upid).toContain(':verify:hand:root@pam:');
    sim.advance(120);
    expect(sim.taskStatus(upid).exitstatus).toBe('verification failed - please check the log for details');
    const lines = msgs(sim.taskLog(upid, 0, 0).data);
    expect(lines.slice(0, 2)).toEqual(['verify datastore hand', 'found 2 groups']);
    expect(
      lines.some((l) =>
        /^can't verify chunk, load failed - store 'hand', unable to load chunk '[0-9a-f]{64}' - Data blob has wrong CRC checksum\.$/.test(
          l,
        ),
      ),
    ).toBe(true);
    expect(
      lines.some((l) =>
        /^corrupted chunk renamed to "\/mnt\/datastore\/hand\/\.chunks\/[0-9a-f]{4}\/[0-9a-f]{64}\.0\.bad"$/.test(l),
      ),
    ).toBe(true);
    expect(lines).toContain('Failed to verify the following snapshots/groups:');
    expect(lines.at(-1)).toBe('TASK ERROR: verification failed - please check the log for details');
    const failed = [...sim.listSnapshots('hand', '', 'vm', '100'), ...sim.listSnapshots('hand', 'lab')].filter(
      (s) => s.verification?.state === 'failed',
    );
    expect(failed.length).toBeGreaterThan(0);
    for (const s of failed) expect(s.verification?.upid).toBe(upid);

    // the next verify that does not skip verified snapshots finds the chunk missing
    const again = sim.startVerify('hand', { type: 'vm', id: '100', ignoreVerified: false }, 'root@pam');
    sim.advance(120);
    const text = msgs(sim.taskLog(again, 0, 0).data);
    // vm/100 references both chunks, so whichever was hit, its snapshots failed and the chunk is gone now
    expect(failed.filter((s) => s['backup-id'] === '100')).toHaveLength(2);
    expect(text.some((l) => l.endsWith('No such file or directory (os error 2)'))).toBe(true);
    // a verify that skips verified snapshots says so
    const skip = sim.startVerify('hand', { type: 'vm', id: '100' }, 'root@pam');
    sim.advance(60);
    expect(msgs(sim.taskLog(skip, 0, 0).data)).toContain(
      'SKIPPED: verify hand:vm/100/2023-11-13T22:13:20Z (recently verified)',
    );
  });

  it('names snapshot and namespace verify tasks as PBS does', () => {
    const sim = setup();
    expect(sim.startVerify('hand', { type: 'vm', id: '100', time: t1 }, 'root@pam')).toMatch(
      /:verify_snapshot:hand\\x3a-vm-100-65514E00:root@pam:$/,
    );
    expect(sim.startVerify('hand', { ns: 'lab' }, 'root@pam')).toMatch(/:verify:hand\\x3ans-lab:root@pam:$/);
    expect(() => sim.startVerify('hand', { type: 'vm' }, 'root@pam')).toThrow(
      'parameters do not specify a backup group or snapshot',
    );
    expect(() => sim.startVerify('hand', { ns: 'nope' }, 'root@pam')).toThrow('ENOENT: No such file or directory');
  });

  it('verifies new snapshots right after the backup when verify-new is set', () => {
    const sim = setup();
    sim.updateDatastoreConfig('hand', { 'verify-new': '1' }, []);
    sim.setTime(S + 600);
    const b = sim.beginBackup(
      'hand',
      {
        type: 'vm',
        id: '100',
        archives: [
          { filename: 'drive-scsi0.img.fidx', chunks: [{ id: 'own', rawSize: 4194304, diskSize: 1_048_576 }] },
        ],
      },
      'root@pam',
    );
    sim.advance(30);
    b.finish();
    sim.advance(30);
    const [row] = sim.listTasks({ typefilter: 'verify', limit: 1 }).data;
    expect(row?.worker_id).toBe(`hand:vm/100/${(S + 600).toString(16).toUpperCase()}`);
    expect(row?.worker_type).toBe('verify');
    const lines = msgs(sim.taskLog(row?.upid ?? '', 0, 0).data);
    expect(lines.slice(0, 3)).toEqual([
      'Automatically verifying newly added snapshot',
      'verify hand:vm/100/2023-11-14T22:23:20Z',
      '  check drive-scsi0.img.fidx',
    ]);
    expect(lines.at(-1)).toBe('TASK OK');
    expect(sim.listSnapshots('hand', '', 'vm', '100').at(-1)?.verification).toEqual({ state: 'ok', upid: row?.upid });
  });
});
