// Restoring a PBS snapshot as a Proxmox VE guest: the volume id PVE lists it under, the parameters of PVE's
// restore calls (POST /nodes/{node}/qemu and …/lxc) and the command line that does the same on a PVE node.
import { formatSnapshotTime } from './format-time';

export type GuestKind = 'vm' | 'ct';

export interface GuestRestoreOptions {
  vmid: number;
  /** target storage for the disks (VM) or volumes (CT); absent: the one each disk was backed up from */
  storage?: string;
  /** new random MAC addresses */
  unique?: boolean;
  /** VM only: start at once from the backup, restore in the background (PBS storages only) */
  liveRestore?: boolean;
  /** KiB/s */
  bwlimit?: number;
  pool?: string;
  /** overwrite an existing guest with this VMID */
  force?: boolean;
  /** start the guest once restored (a live restore starts it anyway) */
  start?: boolean;
}

/**
 * The volume id Proxmox VE gives a snapshot on a storage of type `pbs`: `<storage>:backup/vm/100/<UTC time>`.
 * PVE's volume names carry no namespace (its storage config names one), and it lists only VM and container
 * groups with numeric ids, so other groups have none.
 */
export function pveVolid(storage: string, type: string, id: string, time: number): string | null {
  if ((type !== 'vm' && type !== 'ct') || !/^\d+$/.test(id)) return null;
  return `${storage}:backup/${type}/${id}/${formatSnapshotTime(time)}`;
}

/** The form body of the restore call, as PVE's own restore window sends it. */
export function restoreParams(kind: GuestKind, volid: string, o: GuestRestoreOptions): Record<string, string> {
  const live = kind === 'vm' && o.liveRestore === true;
  const p: Record<string, string> = { vmid: String(o.vmid) };
  if (kind === 'vm') p.archive = volid;
  else {
    p.ostemplate = volid;
    p.restore = '1';
  }
  if (o.storage) p.storage = o.storage;
  if (o.force) p.force = '1';
  if (o.unique) p.unique = '1';
  if (live) p['live-restore'] = '1';
  if (o.bwlimit !== undefined) p.bwlimit = String(o.bwlimit);
  if (o.pool) p.pool = o.pool;
  if (o.start && !live) p.start = '1';
  return p;
}

/**
 * The same restore on a PVE node's shell: `qmrestore <archive> <vmid> [options]` or
 * `pct restore <vmid> <ostemplate> [options]`, then `qm start` / `pct start` when asked. qmrestore has no start
 * option (the API call's `start=1` does the same inside the restore task), so both kinds say it the same way.
 */
export function restoreCommand(kind: GuestKind, volid: string, o: GuestRestoreOptions): string {
  const params = restoreParams(kind, volid, o);
  const head = kind === 'vm' ? ['qmrestore', volid, String(o.vmid)] : ['pct', 'restore', String(o.vmid), volid];
  const skip = new Set(['vmid', 'archive', 'ostemplate', 'restore']);
  const order = ['storage', 'unique', 'live-restore', 'bwlimit', 'pool', 'force'];
  const options = order.filter((k) => !skip.has(k) && params[k] !== undefined).flatMap((k) => [`--${k}`, params[k]!]);
  const restore = [...head, ...options].map(shellWord).join(' ');
  if (params.start !== '1') return restore;
  return `${restore} && ${kind === 'vm' ? 'qm' : 'pct'} start ${o.vmid}`;
}

const SAFE = /^[A-Za-z0-9_.:/@%+=,-]+$/;

function shellWord(word: string): string {
  return SAFE.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The console's restore page for one snapshot. */
export function guestRestoreHref(store: string, ns: string, type: string, id: string, time: number): string {
  const q = new URLSearchParams();
  if (ns) q.set('ns', ns);
  q.set('type', type);
  q.set('id', id);
  q.set('time', String(time));
  return `/datastores/${encodeURIComponent(store)}/restore?${q.toString()}`;
}
