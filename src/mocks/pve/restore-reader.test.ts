// A restore from Proxmox VE holds the snapshot it reads: its proxmox-backup-client opens a reader session on PBS
// (api2/reader/mod.rs), a `reader` task whose shared lock makes forget fail and prune skip the snapshot with PBS's
// "possibly running or in use", until the restore is done.
import { iso, LOCK_STORE, lockError, lockTestKit } from '../sim/lock-test-kit';
import { PVE_RESTORE_NODE } from './pve-config';
import { PveModel } from './pve-model';
import { restoreVm } from './pve-restore';

const STORE = LOCK_STORE;
const kit = lockTestKit();
const { times, lines } = kit;

describe('a restore reading a snapshot', () => {
  it("holds it through PBS's reader task: forget refused, prune skips it, both work once the restore is done", () => {
    const [oldest, , third] = times('101');
    const volid = `pbs-store1:backup/vm/101/${iso(oldest!)}`;
    const pve = new PveModel(kit.sim);
    const restore = restoreVm(pve, PVE_RESTORE_NODE, { vmid: '150', archive: volid, storage: 'local-lvm' }, 'root@pam');
    expect(pve.tasks.get(restore)!.error).toBeNull();
    // PBS shows the session as a `reader` task of the storage's user, its worker id without the namespace
    const reader = kit.sim.listTasks({ typefilter: 'reader', limit: 0 }).data[0]!;
    const hex = oldest!.toString(16).toUpperCase().padStart(8, '0');
    expect([reader.worker_id, reader.user, reader.endtime]).toEqual([
      `store1:vm/101/${hex}`,
      'root@pam!pve',
      undefined,
    ]);
    const log = lines(reader.upid);
    expect(log[0]).toBe(`starting new backup reader datastore 'store1': "/mnt/datastore/store1"`);
    expect(log).toContain(`download "/mnt/datastore/store1/vm/101/${iso(oldest!)}/drive-scsi0.img.fidx"`);
    expect(log).toContain(`register chunks in 'drive-scsi0.img.fidx' as downloadable.`);

    expect(() => kit.sim.forgetSnapshot(STORE, '', 'vm', '101', oldest!)).toThrow(lockError('101', oldest!));
    const { upid } = kit.sim.pruneGroup(STORE, { type: 'vm', id: '101', keep: { 'keep-last': 1 } }, 'root@pam');
    expect(lines(upid!)).toContain(`failed to remove dir "vm/101/${iso(oldest!)}": ${lockError('101', oldest!)}`);
    // the rest went; the one being read stays
    expect(times('101')).toEqual([oldest, times('101').at(-1)]);
    expect(times('101')).not.toContain(third);

    while (pve.tasks.get(restore)!.ended === false) {
      kit.sim.advance(30);
      pve.settle();
    }
    expect(kit.sim.taskStatus(reader.upid)).toMatchObject({ status: 'stopped', exitstatus: 'OK' });
    expect(lines(reader.upid).slice(-2)).toEqual(['reader finished successfully', 'TASK OK']);
    kit.sim.forgetSnapshot(STORE, '', 'vm', '101', oldest!);
    expect(times('101')).not.toContain(oldest);
  });
});
