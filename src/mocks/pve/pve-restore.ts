// POST /nodes/{node}/qemu (archive=…) and POST /nodes/{node}/lxc (restore=1): PVE's checks in their order, then a
// restore task (qemu-server API2/Qemu.pm create_vm, pve-container API2/LXC.pm create_vm). What PVE checks before
// its worker starts is an HTTP error; what the worker finds is a failed task.
import type { PveStorageConfig } from './pve-config';
import { paramError, pveDie } from './pve-errors';
import type { PveModel } from './pve-model';
import { checkParams, LXC_PROPS, QEMU_PROPS } from './pve-params';
import { checkAllocate, checkBackupAccess, checkConfigPerms } from './pve-restore-checks';
import { findSnapshot, parseBackupVolume, type BackupVolume } from './pve-volumes';
import {
  ctFailedLog,
  ctRestoreLog,
  vmFailedLog,
  vmRestoreLog,
  type RestoreSource,
  type TimedLine,
} from './restore-log';

const GUEST_WORD = { qemu: 'VM', lxc: 'CT' } as const;

/** the PBS user the storages log in as (their `username` in storage.cfg) */
const PVE_STORAGE_USER = 'root@pam!pve';

function source(m: PveModel, vol: BackupVolume): RestoreSource {
  return {
    name: vol.name,
    repo: `${PVE_STORAGE_USER}@${m.sim.hostname}:${vol.storage.store}`,
    ns: vol.storage.ns,
    keyfile: vol.storage.encryptionKey ? `/etc/pve/priv/storage/${vol.storage.storage}.enc` : null,
    seed: m.sim.seed,
  };
}

/**
 * The restore's proxmox-backup-client reads the snapshot through a reader session on PBS for as long as the data
 * phase lasts (its log's last line), under the storage's user; the session's lock keeps prune and forget away.
 */
function readWhileRestoring(m: PveModel, vol: BackupVolume, lines: TimedLine[]): void {
  const type = vol.type as 'vm' | 'ct';
  m.sim.openReader(
    vol.storage.store,
    vol.storage.ns || undefined,
    type,
    vol.id,
    vol.time,
    PVE_STORAGE_USER,
    lines.at(-1)?.at ?? 1,
  );
}

/** Why the snapshot cannot be read through this storage, in proxmox-backup-client's words; null when it can. */
function readProblem(m: PveModel, vol: BackupVolume): string | null {
  const snap = findSnapshot(m.sim, vol);
  if (!snap) return `snapshot ${vol.name} does not exist.`;
  if (snap.fingerprint && !vol.storage.encryptionKey)
    return `missing key - manifest was created with key ${snap.fingerprint}`;
  return null;
}

export function restoreVm(m: PveModel, node: string, raw: Record<string, string>, authid: string): string {
  const p = checkParams(QEMU_PROPS, { ...raw, node });
  const { access } = m;
  const vmid = p.vmid as number;
  const pool = p.pool as string | undefined;
  const storage = p.storage as string | undefined;
  const start = p.start === true;
  if (pool !== undefined) access.checkPoolExist(pool);
  if (storage !== undefined) access.check(authid, `/storage/${storage}`, ['Datastore.AllocateSpace']);
  if (p['ha-managed'] === true) access.check(authid, '/', ['Sys.Console']);
  // the worker starts the VM itself, so create_vm asks for VM.PowerMgmt up front
  if (start) access.checkVmPerm(authid, vmid, pool, ['VM.PowerMgmt']);
  const existing = m.guests.get(vmid);
  const configHere = existing?.type === 'qemu' && existing.node === node;
  checkAllocate(access, authid, vmid, pool, p.archive !== undefined && p.force === true && configHere);
  if (p.archive === undefined) throw pveDie('creating a VM without a backup archive is not simulated');
  const vol = parseBackupVolume(p.archive as string);
  checkBackupAccess(access, authid, vmid, vol);
  checkConfigPerms(access, authid, 'qemu', vmid, p);
  // create_and_lock_config: check_vmid_unused (force lets an existing id through), then check_lock
  if (existing && (!p.force || !configHere)) {
    throw pveDie(
      `unable to restore VM ${vmid} - ${GUEST_WORD[existing.type]} ${vmid} already exists on node '${existing.node}'`,
    );
  }
  if (existing?.lock) throw pveDie(`unable to restore VM ${vmid} - VM is locked (${existing.lock})`);
  const live = p['live-restore'] === true;
  const src = source(m, vol);
  const fail = (lines: TimedLine[], error: string) =>
    m.startTask(node, 'qmrestore', vmid, authid, lines, error, () => {
      const g = m.guests.get(vmid);
      if (g) delete g.lock;
    });
  const notCleaned = `error before or during data restore, some or all disks were not completely restored. VM ${vmid} state is NOT cleaned up.`;
  const previous = existing ? { ...existing } : null;
  m.guests.set(
    vmid,
    previous
      ? { ...previous, lock: 'create' }
      : {
          vmid,
          type: 'qemu',
          node,
          name: `VM ${vmid}`,
          status: 'stopped',
          lock: 'create',
          maxdisk: 0,
          maxmem: 512 * 1024 ** 2,
        },
  );
  // the worker: check_protection, then the running check
  if (previous?.protection)
    return fail([{ at: 1, text: notCleaned }], `unable to restore VM ${vmid} - - protection mode enabled`).upid;
  if (previous?.status === 'running')
    return fail([{ at: 1, text: notCleaned }], `unable to restore VM ${vmid} - vm is running`).upid;
  const problem = readProblem(m, vol);
  if (problem) {
    const f = vmFailedLog(src, vmid, problem, (m.sim.seed % 90000) + 1000);
    return fail(f.lines, f.error).upid;
  }
  if (vol.format !== 'pbs-vm')
    return fail([{ at: 1, text: notCleaned }], `got unexpected backup format '${vol.format}'`).upid;
  // parse_backup_hints: each disk goes to `storage`, or back to the storage it was on (local-lvm here)
  const targetId = storage ?? 'local-lvm';
  const target = m.findStorage(targetId);
  if (!target) return fail([{ at: 2, text: notCleaned }], `storage '${targetId}' does not exist`).upid;
  if (!target.content.includes('images')) {
    return fail([{ at: 2, text: notCleaned }], `Content type 'images' is not available on storage '${target.storage}'`)
      .upid;
  }
  if (!access.has(authid, `/storage/${targetId}`, 'Datastore.AllocateSpace')) {
    return fail(
      [{ at: 2, text: notCleaned }],
      `Permission check failed (/storage/${targetId}, Datastore.AllocateSpace)`,
    ).upid;
  }
  const files = m.sim.listFiles(vol.storage.store, vol.storage.ns || undefined, 'vm', vol.id, vol.time);
  const disks = files
    .filter((f) => /^drive-\S+\.img\.fidx$/.test(f.filename))
    .map((f) => ({ drive: f.filename.replace(/\.img\.fidx$/, ''), size: f.size ?? 0 }));
  const lines = vmRestoreLog(src, vmid, disks, target, {
    live,
    start,
    bwlimit: p.bwlimit as number | undefined,
  });
  const name = previous?.name ?? m.guests.get(Number(vol.id))?.name ?? `restored-${vol.id}`;
  readWhileRestoring(m, vol, lines);
  return m.startTask(node, 'qmrestore', vmid, authid, lines, null, () => {
    m.guests.set(vmid, {
      vmid,
      type: 'qemu',
      node,
      name,
      status: live || start ? 'running' : 'stopped',
      maxdisk: disks.reduce((s, d) => s + d.size, 0),
      maxmem: 4096 * 1024 ** 2,
    });
    if (pool !== undefined) access.addToPool(vmid, pool);
  }).upid;
}

export function restoreCt(m: PveModel, node: string, raw: Record<string, string>, authid: string): string {
  const p = checkParams(LXC_PROPS, { ...raw, node });
  const { access } = m;
  const vmid = p.vmid as number;
  const pool = p.pool as string | undefined;
  if (p.restore !== true) throw pveDie('creating containers from templates is not simulated');
  if (p['ha-managed'] === true) access.check(authid, '/', ['Sys.Console']);
  const existing = m.guests.get(vmid);
  const same = existing?.type === 'lxc' && existing.node === node;
  if (!(same && p.force === true)) {
    if (existing) throw pveDie(`${GUEST_WORD[existing.type]} ${vmid} already exists on node '${existing.node}'`);
  } else if (existing?.status === 'running') throw pveDie("can't overwrite running container");
  else if (existing?.protection) throw pveDie(`unable to restore CT ${vmid} - protection mode enabled`);
  if (pool !== undefined) access.checkPoolExist(pool);
  checkAllocate(access, authid, vmid, pool, same && p.force === true);
  checkConfigPerms(access, authid, 'lxc', vmid, p);
  const vol = parseBackupVolume(p.ostemplate as string);
  checkBackupAccess(access, authid, vmid, vol);
  const storage = (p.storage as string | undefined) ?? 'local';
  const target: PveStorageConfig | undefined = m.findStorage(storage);
  if (!target) throw pveDie(`storage '${storage}' does not exist`);
  if (!target.content.includes('rootdir'))
    throw paramError({ storage: `storage '${storage}' does not support container directories` });
  access.check(authid, `/storage/${storage}`, ['Datastore.AllocateSpace']);
  const src = source(m, vol);
  const previous = existing ? { ...existing } : null;
  m.guests.set(
    vmid,
    previous
      ? { ...previous, lock: 'create' }
      : {
          vmid,
          type: 'lxc',
          node,
          name: `CT${vmid}`,
          status: 'stopped',
          lock: 'create',
          maxdisk: 0,
          maxmem: 512 * 1024 ** 2,
        },
  );
  const undo = () => {
    if (previous) m.guests.set(vmid, previous);
    else m.guests.delete(vmid);
  };
  const problem = readProblem(m, vol);
  if (problem) {
    const f = ctFailedLog(src, vol.volid, vmid, problem);
    return m.startTask(node, 'vzrestore', vmid, authid, f.lines, f.error, undo).upid;
  }
  if (vol.format !== 'pbs-ct') {
    const lines = [{ at: 1, text: `recovering backed-up configuration from '${vol.volid}'` }];
    return m.startTask(
      node,
      'vzrestore',
      vmid,
      authid,
      lines,
      `unable to restore CT ${vmid} - got unexpected backup format '${vol.format}'`,
      undo,
    ).upid;
  }
  const files = m.sim.listFiles(vol.storage.store, vol.storage.ns || undefined, 'ct', vol.id, vol.time);
  const size = files.filter((f) => /\.(p|m)?pxar\.didx$/.test(f.filename)).reduce((s, f) => s + (f.size ?? 0), 0);
  // pve-container starts the container without a VM.PowerMgmt check of its own
  const lines = ctRestoreLog(vol.volid, vmid, size, target, {
    start: p.start === true,
    bwlimit: p.bwlimit as number | undefined,
  });
  const name = previous?.name ?? m.guests.get(Number(vol.id))?.name ?? `CT${vmid}`;
  readWhileRestoring(m, vol, lines);
  return m.startTask(node, 'vzrestore', vmid, authid, lines, null, () => {
    m.guests.set(vmid, {
      vmid,
      type: 'lxc',
      node,
      name,
      status: p.start === true ? 'running' : 'stopped',
      maxdisk: size,
      maxmem: 1024 ** 3,
    });
    if (pool !== undefined) access.addToPool(vmid, pool);
  }).upid;
}
