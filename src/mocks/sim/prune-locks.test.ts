// Prune and forget leave a snapshot that a running task holds: a verify reading it, a backup using it as its base.
// Prune logs "failed to remove dir" with the lock error and goes on (src/server/prune_job.rs, BackupDir::destroy);
// forgetting a group or a namespace with its groups stops there with that error (BackupGroup::destroy).
import { iso, LOCK_STORE, lockError, lockTestKit } from './lock-test-kit';

const STORE = LOCK_STORE;
const kit = lockTestKit();
const { times, lines } = kit;

describe('prune and forget of locked snapshots', () => {
  it('skips the snapshot a running verify reads, with PBS warning, and removes it once the verify is done', () => {
    const before = times('101');
    const old = before[2]!;
    const verify = kit.sim.startVerify(STORE, { type: 'vm', id: '101', time: old, ignoreVerified: false }, 'root@pam');
    kit.sim.advance(5);
    expect(kit.sim.taskStatus(verify).status).toBe('running');

    const { upid } = kit.sim.pruneGroup(STORE, { type: 'vm', id: '101', keep: { 'keep-last': 1 } }, 'root@pam');
    const log = lines(upid!);
    const at = log.indexOf(`vm/101/${iso(old)} remove`);
    expect(log[at + 1]).toBe(`failed to remove dir "vm/101/${iso(old)}": ${lockError('101', old)}`);
    expect(log.filter((l) => l.startsWith('failed to remove dir'))).toHaveLength(1);
    kit.sim.advance(2);
    expect(kit.sim.taskStatus(upid!).exitstatus).toBe('WARNINGS: 1');
    expect(times('101')).toEqual([old, before.at(-1)]);
    expect(() => kit.sim.forgetSnapshot(STORE, '', 'vm', '101', old)).toThrow(lockError('101', old));

    while (kit.sim.taskStatus(verify).status === 'running') kit.sim.advance(30);
    kit.sim.forgetSnapshot(STORE, '', 'vm', '101', old);
    expect(times('101')).toEqual([before.at(-1)]);
  });

  it('skips it in a datastore prune job too, and goes on with the other groups', () => {
    const old = times('102')[1]!;
    kit.sim.startVerify(STORE, { type: 'vm', id: '102', time: old, ignoreVerified: false }, 'root@pam');
    kit.sim.advance(5);
    const upid = kit.sim.jobs.pruneDatastore(STORE, { options: { 'keep-last': 2, 'max-depth': 0 } }, 'root@pam');
    const log = lines(upid);
    expect(log).toContain(`remove vm/102/${iso(old)}`);
    expect(log[log.indexOf(`remove vm/102/${iso(old)}`) + 1]).toBe(
      `failed to remove dir "vm/102/${iso(old)}": ${lockError('102', old)}`,
    );
    kit.sim.advance(2);
    expect(kit.sim.taskStatus(upid).exitstatus).toBe('WARNINGS: 1');
    expect(times('102')).toContain(old);
    expect(times('103')).toHaveLength(2);
  });

  it("refuses to forget a running backup's base snapshot until the backup is done", () => {
    const base = times('103').at(-1)!;
    const session = kit.sim.beginBackup(STORE, { type: 'vm', id: '103' }, 'root@pam');
    expect(() => kit.sim.forgetSnapshot(STORE, '', 'vm', '103', base)).toThrow(lockError('103', base));
    expect(() => kit.sim.forgetSnapshot(STORE, '', 'vm', '103', session.backupTime)).toThrow(
      lockError('103', session.backupTime),
    );
    kit.sim.advance(60);
    session.finish();
    kit.sim.forgetSnapshot(STORE, '', 'vm', '103', base);
    expect(times('103')).not.toContain(base);
  });
});

describe('forget of a group or a namespace with a locked snapshot', () => {
  it('stops at the snapshot a verify holds, with the lock error; what came before it is gone', () => {
    const before = times('101');
    const held = before[2]!;
    const verify = kit.sim.startVerify(STORE, { type: 'vm', id: '101', time: held, ignoreVerified: false }, 'root@pam');
    kit.sim.advance(5);
    expect(() => kit.sim.forgetGroup(STORE, '', 'vm', '101')).toThrow(lockError('101', held));
    expect(times('101')).toEqual(before.slice(2));

    while (kit.sim.taskStatus(verify).status === 'running') kit.sim.advance(30);
    kit.sim.forgetGroup(STORE, '', 'vm', '101');
    expect(kit.sim.listGroups(STORE).some((g) => g['backup-type'] === 'vm' && g['backup-id'] === '101')).toBe(false);
  });

  it('stops a namespace delete with its groups the same way, and the namespace stays', () => {
    const ns = kit.sim.listNamespaces(STORE).find((n) => n.ns !== '' && kit.sim.listGroups(STORE, n.ns).length > 0)!.ns;
    const g = kit.sim.listGroups(STORE, ns)[0]!;
    const type = g['backup-type'] as 'vm';
    const snaps = kit.sim.listSnapshots(STORE, ns, type, g['backup-id']).map((s) => s['backup-time']);
    const held = snaps.at(-1)!;
    kit.sim.startVerify(STORE, { ns, type, id: g['backup-id'], time: held, ignoreVerified: false }, 'root@pam');
    kit.sim.advance(5);
    const path = `/mnt/datastore/store1/${ns
      .split('/')
      .map((p) => `ns/${p}/`)
      .join('')}${type}/${g['backup-id']}/${iso(held)}`;
    expect(() => kit.sim.deleteNamespace(STORE, ns, true)).toThrow(
      `unable to acquire lock on snapshot directory "${path}" - possibly running or in use`,
    );
    expect(kit.sim.listNamespaces(STORE).map((n) => n.ns)).toContain(ns);
    expect(kit.sim.listSnapshots(STORE, ns, type, g['backup-id']).map((s) => s['backup-time'])).toContain(held);
  });
});
