// Who may restore what in the simulated Proxmox VE: each demo PVE user, signed in through /access/ticket with its
// password, tries the same restores. The expected outcomes below are written by hand from Proxmox VE's own checks:
//   qemu-server API2/Qemu.pm create_vm, before its worker: the pool must exist; Datastore.AllocateSpace on
//     `storage` when given; VM.PowerMgmt (check_vm_perm: the pool, else /vms/<vmid>) for start=1; VM.Allocate on
//     /vms/<vmid> or on the pool, or VM.Backup on an existing VM restored with force; then
//     pve-storage check_volume_access on the archive (a backup of another VMID needs Datastore.AllocateSpace on
//     its storage and VM.Backup on /vms/<its VMID>). Each failure is a 403 "Permission check failed[ (…)]".
//   in the worker (a failed qmrestore task): parse_backup_hints asks for Datastore.AllocateSpace on the storage
//     each disk goes to, which without `storage` is the one it was backed up from (local-lvm here). Before that,
//     check_restore_permissions asks for SDN.Use on each network bridge of the backed-up configuration; the
//     simulated backups carry no network device, so that check has nothing to refuse here.
// The users' rights (pve-users.ts): pve-admin@pve PVEVMAdmin on / (no Datastore privilege anywhere),
// pve-restore@pve PVEVMAdmin on /pool/lab and PVEDatastoreUser on /storage/pbs-store1 and /storage/local-lvm,
// pve-audit@pve PVEAuditor on /. VM 100 is stopped and in pool prod; VM 101 is in pool lab; VMID 150 is free.
import { formatSnapshotTime } from '@/lib/format-time';
import { pveTestClient } from './pve-test-client';
import { SIM_PVE_ROOT_TOKEN } from './pve-users';

type User = 'pve-admin@pve' | 'pve-restore@pve' | 'pve-audit@pve';

/** An HTTP refusal with PVE's reason phrase, or a qmrestore task and its exit status. */
type Outcome = { http: 403; reason: string } | { task: string };

interface Case {
  params: (a: { vm100: string; vm101: string }) => Record<string, string>;
  expect: Record<User, Outcome>;
}

const NEW = '150';

const CASES: Record<string, Case> = {
  'a new VMID': {
    params: ({ vm101 }) => ({ vmid: NEW, archive: vm101, storage: 'local-lvm' }),
    expect: {
      'pve-admin@pve': { http: 403, reason: 'Permission check failed (/storage/local-lvm, Datastore.AllocateSpace)' },
      'pve-restore@pve': { http: 403, reason: 'Permission check failed' },
      'pve-audit@pve': { http: 403, reason: 'Permission check failed (/storage/local-lvm, Datastore.AllocateSpace)' },
    },
  },
  'a new VMID, no target storage given': {
    params: ({ vm101 }) => ({ vmid: NEW, archive: vm101 }),
    expect: {
      'pve-admin@pve': { http: 403, reason: 'Permission check failed (/storage/pbs-store1, Datastore.AllocateSpace)' },
      'pve-restore@pve': { http: 403, reason: 'Permission check failed' },
      'pve-audit@pve': { http: 403, reason: 'Permission check failed' },
    },
  },
  'over the stopped VM 100 with force=1': {
    params: ({ vm100 }) => ({ vmid: '100', force: '1', archive: vm100, storage: 'local-lvm' }),
    expect: {
      'pve-admin@pve': { http: 403, reason: 'Permission check failed (/storage/local-lvm, Datastore.AllocateSpace)' },
      'pve-restore@pve': { http: 403, reason: 'Permission check failed' },
      'pve-audit@pve': { http: 403, reason: 'Permission check failed (/storage/local-lvm, Datastore.AllocateSpace)' },
    },
  },
  'over the stopped VM 100 with force=1, its disks back where they were': {
    params: ({ vm100 }) => ({ vmid: '100', force: '1', archive: vm100 }),
    expect: {
      'pve-admin@pve': { task: 'Permission check failed (/storage/local-lvm, Datastore.AllocateSpace)' },
      'pve-restore@pve': { http: 403, reason: 'Permission check failed' },
      'pve-audit@pve': { http: 403, reason: 'Permission check failed' },
    },
  },
  'a target storage outside the grant (vmdata, pool lab)': {
    params: ({ vm101 }) => ({ vmid: NEW, archive: vm101, storage: 'vmdata', pool: 'lab' }),
    expect: {
      'pve-admin@pve': { http: 403, reason: 'Permission check failed (/storage/vmdata, Datastore.AllocateSpace)' },
      'pve-restore@pve': { http: 403, reason: 'Permission check failed (/storage/vmdata, Datastore.AllocateSpace)' },
      'pve-audit@pve': { http: 403, reason: 'Permission check failed (/storage/vmdata, Datastore.AllocateSpace)' },
    },
  },
  'pool lab': {
    params: ({ vm101 }) => ({ vmid: NEW, archive: vm101, storage: 'local-lvm', pool: 'lab' }),
    expect: {
      'pve-admin@pve': { http: 403, reason: 'Permission check failed (/storage/local-lvm, Datastore.AllocateSpace)' },
      'pve-restore@pve': { task: 'OK' },
      'pve-audit@pve': { http: 403, reason: 'Permission check failed (/storage/local-lvm, Datastore.AllocateSpace)' },
    },
  },
  'pool prod': {
    params: ({ vm101 }) => ({ vmid: NEW, archive: vm101, storage: 'local-lvm', pool: 'prod' }),
    expect: {
      'pve-admin@pve': { http: 403, reason: 'Permission check failed (/storage/local-lvm, Datastore.AllocateSpace)' },
      'pve-restore@pve': { http: 403, reason: 'Permission check failed' },
      'pve-audit@pve': { http: 403, reason: 'Permission check failed (/storage/local-lvm, Datastore.AllocateSpace)' },
    },
  },
  'a pool that does not exist': {
    params: ({ vm101 }) => ({ vmid: NEW, archive: vm101, storage: 'local-lvm', pool: 'nope' }),
    expect: {
      'pve-admin@pve': { http: 403, reason: "Permission check failed (pool 'nope' does not exist)" },
      'pve-restore@pve': { http: 403, reason: "Permission check failed (pool 'nope' does not exist)" },
      'pve-audit@pve': { http: 403, reason: "Permission check failed (pool 'nope' does not exist)" },
    },
  },
  'start=1': {
    params: ({ vm101 }) => ({ vmid: NEW, archive: vm101, storage: 'local-lvm', start: '1' }),
    expect: {
      'pve-admin@pve': { http: 403, reason: 'Permission check failed (/storage/local-lvm, Datastore.AllocateSpace)' },
      'pve-restore@pve': { http: 403, reason: 'Permission check failed (/vms/150, VM.PowerMgmt)' },
      'pve-audit@pve': { http: 403, reason: 'Permission check failed (/storage/local-lvm, Datastore.AllocateSpace)' },
    },
  },
  'start=1 into pool lab': {
    params: ({ vm101 }) => ({ vmid: NEW, archive: vm101, storage: 'local-lvm', pool: 'lab', start: '1' }),
    expect: {
      'pve-admin@pve': { http: 403, reason: 'Permission check failed (/storage/local-lvm, Datastore.AllocateSpace)' },
      'pve-restore@pve': { task: 'OK' },
      'pve-audit@pve': { http: 403, reason: 'Permission check failed (/storage/local-lvm, Datastore.AllocateSpace)' },
    },
  },
};

const USERS: User[] = ['pve-admin@pve', 'pve-restore@pve', 'pve-audit@pve'];
const ROWS = Object.entries(CASES).flatMap(([name, c]) =>
  USERS.map((user) => [user, name, { params: c.params, outcome: c.expect[user] }] as const),
);

/** A fresh simulated PVE per cell, so one cell's restore cannot change the next one's outcome. */
function setup() {
  const t = pveTestClient();
  const newest = (id: string) =>
    t.sim
      .listSnapshots('store1', undefined, 'vm', id)
      .map((s) => s['backup-time'])
      .sort((a, b) => b - a)[0]!;
  const volid = (id: string) => `pbs-store1:backup/vm/${id}/${formatSnapshotTime(newest(id))}`;
  return { t, archives: { vm100: volid('100'), vm101: volid('101') } };
}

describe('the simulated PVE before the matrix', () => {
  it('has VM 100 stopped in pool prod, VM 101 in pool lab and VMID 150 free', async () => {
    const { t } = setup();
    const root = { token: SIM_PVE_ROOT_TOKEN };
    const vms = (await t.call('GET', '/cluster/resources?type=vm', root)).body.data as {
      vmid: number;
      status: string;
      pool?: string;
    }[];
    expect(vms.find((v) => v.vmid === 100)).toMatchObject({ status: 'stopped', pool: 'prod' });
    expect(vms.find((v) => v.vmid === 101)).toMatchObject({ pool: 'lab' });
    expect(vms.find((v) => v.vmid === 150)).toBeUndefined();
  });
});

describe('restore matrix of the demo PVE users', () => {
  test.each(ROWS)('%s: %s', async (user, _name, { params, outcome }) => {
    const { t, archives } = setup();
    const session = await t.session(user);
    const r = await t.call('POST', '/nodes/pve1/qemu', session, params(archives));
    if ('http' in outcome) {
      expect({ status: r.status, reason: r.statusText }).toEqual({ status: outcome.http, reason: outcome.reason });
      expect(r.body).toEqual({ data: null, message: `${outcome.reason}\n` });
      return;
    }
    expect(r.status).toBe(200);
    const upid = r.body.data as string;
    expect(upid).toMatch(new RegExp(`^UPID:pve1:[0-9A-F]{8}:[0-9A-F]{8}:[0-9A-F]{8}:qmrestore:\\d+:${user}:$`));
    const path = `/nodes/pve1/tasks/${encodeURIComponent(upid)}`;
    // the clock stands still until the test moves it; the user reads its own task
    t.sim.advance(3600);
    const status = await t.call('GET', `${path}/status`, session);
    expect(status.body.data).toMatchObject({ status: 'stopped', exitstatus: outcome.task, user });
    const log = (await t.call('GET', `${path}/log?start=0&limit=0`, session)).body.data as { t: string }[];
    expect(log.at(-1)!.t).toBe(outcome.task === 'OK' ? 'TASK OK' : `TASK ERROR: ${outcome.task}`);
  });
});

describe('what a successful restore leaves behind', () => {
  it('puts the VM restored into pool lab there, and runs it when asked to start it', async () => {
    const { t, archives } = setup();
    const session = await t.session('pve-restore@pve');
    const base = { vmid: NEW, archive: archives.vm101, storage: 'local-lvm', pool: 'lab' };
    const started = await t.call('POST', '/nodes/pve1/qemu', session, { ...base, start: '1' });
    expect(started.status).toBe(200);
    t.sim.advance(3600);
    const log = (
      await t.call('GET', `/nodes/pve1/tasks/${encodeURIComponent(started.body.data as string)}/log?limit=0`, session)
    ).body.data as { t: string }[];
    expect(log.map((l) => l.t).slice(-2)).toEqual(['Execute autostart', 'TASK OK']);
    const root = { token: SIM_PVE_ROOT_TOKEN };
    const vms = (await t.call('GET', '/cluster/resources?type=vm', root)).body.data as {
      vmid: number;
      status: string;
      pool?: string;
    }[];
    expect(vms.find((v) => v.vmid === 150)).toMatchObject({ status: 'running', pool: 'lab' });
    // two hours on, the first ticket has expired: sign in again
    const later = await t.session('pve-restore@pve');
    // as a member of lab, VM 150 lends pve-restore the pool's role: a forced restore over it passes the checks
    // before the worker, and the worker's running check fails the task
    const again = await t.call('POST', '/nodes/pve1/qemu', later, {
      vmid: NEW,
      archive: archives.vm101,
      storage: 'local-lvm',
      force: '1',
    });
    expect(again.status).toBe(200);
    t.sim.advance(3600);
    const status = await t.call(
      'GET',
      `/nodes/pve1/tasks/${encodeURIComponent(again.body.data as string)}/status`,
      later,
    );
    expect(status.body.data).toMatchObject({ exitstatus: 'unable to restore VM 150 - vm is running' });
  });
});
