// Backups as a PVE storage of type pbs sees them: volume ids (PVE::Storage::PBSPlugin parse_volname and
// list_volumes) and what the snapshot behind one holds.
import type { Simulator, SnapshotItem } from '../sim/simulator';
import { findStorage, type PveStorageConfig } from './pve-config';
import { pveDie } from './pve-errors';

const VOLID = /^([a-z][a-z0-9\-_.]*[a-z0-9]):(.+)$/i;
const PBS_VOLNAME = /^backup\/([^\s_]+)\/([^\s_]+)\/([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z)$/;

export interface BackupVolume {
  volid: string;
  storage: PveStorageConfig & { store: string; ns: string };
  /** `vm/100/2024-01-01T00:00:00Z` */
  name: string;
  type: string;
  id: string;
  time: number;
  format: string;
}

/** check_volume_access + parse_volname, with PVE's refusals (the deck's token is not root@pam). */
export function parseBackupVolume(volid: string): BackupVolume {
  const m = VOLID.exec(volid);
  if (!m) throw pveDie('Only root can pass arbitrary filesystem paths. at /usr/share/perl5/PVE/Storage.pm line 651.');
  const storage = findStorage(m[1]!);
  if (!storage) throw pveDie(`storage '${m[1]}' does not exist`);
  if (storage.type !== 'pbs' || storage.store === undefined) {
    throw pveDie(`unable to use volume ${volid} - content type needs to be 'backup'`);
  }
  const v = PBS_VOLNAME.exec(m[2]!);
  if (!v) throw pveDie(`unable to parse PBS volume name '${m[2]}'`);
  const [, type, id, stamp] = v;
  return {
    volid,
    storage: { ...storage, store: storage.store, ns: storage.ns ?? '' },
    name: `${type}/${id}/${stamp}`,
    type: type!,
    id: id!,
    time: Date.parse(stamp!) / 1000,
    format: `pbs-${type}`,
  };
}

/** The snapshot behind a volume, or null when PBS has none. */
export function findSnapshot(sim: Simulator, vol: BackupVolume): SnapshotItem | null {
  if (vol.type !== 'vm' && vol.type !== 'ct' && vol.type !== 'host') return null;
  try {
    const list = sim.listSnapshots(vol.storage.store, vol.storage.ns || undefined, vol.type, vol.id);
    return list.find((s) => s['backup-time'] === vol.time) ?? null;
  } catch {
    return null;
  }
}

const stamp = (epoch: number) => new Date(epoch * 1000).toISOString().replace('.000Z', 'Z');

/** GET …/storage/{storage}/content?content=backup: VM and CT snapshots with numeric ids of that namespace only. */
export function listBackups(sim: Simulator, storage: PveStorageConfig, vmid?: string) {
  if (storage.type !== 'pbs' || storage.store === undefined) return [];
  let snaps: SnapshotItem[];
  try {
    snaps = sim.listSnapshots(storage.store, storage.ns || undefined);
  } catch (e) {
    throw pveDie(`error listing snapshots - ${e instanceof Error ? e.message : String(e)}`);
  }
  return snaps
    .filter((s) => (s['backup-type'] === 'vm' || s['backup-type'] === 'ct') && /^\d+$/.test(s['backup-id']))
    .filter((s) => vmid === undefined || s['backup-id'] === vmid)
    .map((s) => {
      const type = s['backup-type'];
      const encrypted = s.fingerprint ?? (isAllEncrypted(s) ? '1' : undefined);
      return {
        volid: `${storage.storage}:backup/${type}/${s['backup-id']}/${stamp(s['backup-time'])}`,
        format: `pbs-${type}`,
        size: s.size ?? 1,
        content: 'backup',
        vmid: Number(s['backup-id']),
        ctime: s['backup-time'],
        subtype: type === 'vm' ? 'qemu' : 'lxc',
        ...(s.verification ? { verification: s.verification } : {}),
        ...(s.comment !== undefined ? { notes: s.comment } : {}),
        ...(s.protected ? { protected: 1 } : {}),
        ...(encrypted ? { encrypted } : {}),
      };
    });
}

function isAllEncrypted(s: SnapshotItem): boolean {
  const files = s.files.filter((f) => f.filename !== 'client.log.blob' && f.filename !== 'index.json.blob');
  return files.length > 0 && files.every((f) => f['crypt-mode'] === 'encrypt');
}
