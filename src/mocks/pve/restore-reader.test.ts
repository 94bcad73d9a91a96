// A restore from Proxmox VE holds the snapshot it reads: its proxmox-backup-client opens a reader session on PBS
// (api2/reader/mod.rs), a `reader` task whose shared lock makes forget fail and prune skip the snapshot with PBS's
// "possibly running or in use", until the restore is done.
import { createSimulator, type Simulator } from '../sim/simulator';
import { nextQuietNoon, testStartTime } from '../sim/test-start';
import { PVE_RESTORE_NODE } from './pve-config';
import { PveModel } from './pve-model';
import { restoreVm } from './pve-restore';

const STORE = 'store1';
let sim: Simulator;

beforeEach(() => {
  sim = createSimulator({ seed: 1, startTime: testStartTime(), speed: 0 });
  sim.setTime(nextQuietNoon(sim.now()));
});

const times = (id: string) => sim.listSnapshots(STORE, '', 'vm', id).map((s) => s['backup-time']);
const iso = (t: number) => new Date(t * 1000).toISOString().replace('.000Z', 'Z');
const lines = (upid: string) => sim.taskLog(upid, 0, 0).data.map((l) => l.t.replace(/^\S+: /, ''));
const lockError = (id: string, t: number) =>
  `unable to acquire lock on snapshot directory "/mnt/datastore/store1/vm/${id}/${iso(t)}" - possibly running or in use`;

describe('a restore reading a snapshot', () => {
  it("holds it through PBS's reader task: forget refused, prune skips it, both work once the restore is done", () => {
    const [oldest, , third] = times('101');
    const volid = `pbs-store1:backup/vm/101/${iso(oldest!)}`;
    const pve = new PveModel(sim);
    const restore = restoreVm(pve, PVE_RESTORE_NODE, { vmid: '150', archive: volid, storage: 'local-lvm' }, 'root@pam');
    expect(pve.tasks.get(restore)!.error).toBeNull();
    // PBS shows the session as a `reader` task of the storage's user, its worker id without the namespace
    const reader = sim.listTasks({ typefilter: 'reader', limit: 0 }).data[0]!;
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

    expect(() => sim.forgetSnapshot(STORE, '', 'vm', '101', oldest!)).toThrow(lockError('101', oldest!));
    const { upid } = sim.pruneGroup(STORE, { type: 'vm', id: '101', keep: { 'keep-last': 1 } }, 'root@pam');
    expect(lines(upid!)).toContain(`failed to remove dir "vm/101/${iso(oldest!)}": ${lockError('101', oldest!)}`);
    // the rest went; the one being read stays
    expect(times('101')).toEqual([oldest, times('101').at(-1)]);
    expect(times('101')).not.toContain(third);

    while (pve.tasks.get(restore)!.ended === false) {
      sim.advance(30);
      pve.settle();
    }
    expect(sim.taskStatus(reader.upid)).toMatchObject({ status: 'stopped', exitstatus: 'OK' });
    expect(lines(reader.upid).slice(-2)).toEqual(['reader finished successfully', 'TASK OK']);
    sim.forgetSnapshot(STORE, '', 'vm', '101', oldest!);
    expect(times('101')).not.toContain(oldest);
  });
});
