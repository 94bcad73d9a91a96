// The `large` profile's datastore: 600 groups × 1000 snapshots, computed from the seed when asked for.
// Nothing is materialised up front; a group's snapshots are built on demand and a few are cached.
import type { Group, Snapshot } from './content';
import { intIn } from './random';
import type { BackupType, GcStatus, GroupItem } from './types';
import { GiB, TiB } from './ctx';

export interface LazyContent {
  namespaces(): string[];
  groupItems(ns: string): GroupItem[] | null;
  group(ns: string, type: BackupType, id: string): Group | undefined;
  allGroups(ns: string): Group[] | null;
  usedAt(t: number): number;
  gcTotals(): Pick<GcStatus, 'index-file-count' | 'index-data-bytes' | 'disk-bytes' | 'disk-chunks'>;
}

export const LARGE_GROUPS = 600;
export const LARGE_SNAPSHOTS = 1000;
const STEP = 6 * 3600;
const VMS = 450;

interface Def {
  type: BackupType;
  id: string;
  size: number;
  offset: number;
  name: string;
}

export function largeContent(seed: number, createdAt: number, total: number): LazyContent {
  const def = (i: number): Def => {
    const type: BackupType = i < VMS ? 'vm' : 'ct';
    const id = String(i < VMS ? 100 + i : 1000 + i - VMS);
    const size = (type === 'vm' ? intIn(seed, `lsize${i}`, 8, 32) * 4 : intIn(seed, `lsize${i}`, 2, 16)) * GiB;
    return {
      type,
      id,
      size,
      offset: intIn(seed, `loff${i}`, 0, STEP - 1),
      name: `${type === 'vm' ? 'vm' : 'ct'}-${id}.lab.example`,
    };
  };
  const defs = Array.from({ length: LARGE_GROUPS }, (_, i) => i);
  const anchor = Math.floor(createdAt / STEP) * STEP;
  const timeOf = (d: Def, k: number) => anchor - (d.offset < createdAt - anchor ? 0 : STEP) + d.offset - k * STEP;
  const files = (d: Def) =>
    d.type === 'vm'
      ? ['qemu-server.conf.blob', 'drive-scsi0.img.fidx', 'index.json.blob', 'client.log.blob']
      : ['pct.conf.blob', 'root.pxar.didx', 'catalog.pcat1.didx', 'index.json.blob', 'client.log.blob'];
  const cache = new Map<string, Group>();

  const build = (i: number): Group => {
    const d = def(i);
    const key = `${d.type}/${d.id}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const snaps: Snapshot[] = [];
    for (let k = LARGE_SNAPSHOTS - 1; k >= 0; k--) {
      const time = timeOf(d, k);
      const upid = `UPID:pbs-large:00000713:0001F2A4:${(k + 1).toString(16).toUpperCase().padStart(8, '0')}:${(time + 7200).toString(16).toUpperCase().padStart(8, '0')}:verificationjob:store1\\x3av\\x2dlarge:root@pam:`;
      const failed = intIn(seed, `lf${i}/${k}`, 0, 999) === 0;
      const conf = 400 + (i % 300);
      const main = d.type === 'vm' ? d.size : d.size + (LARGE_SNAPSHOTS - k) * 1024 * 1024;
      const snap: Snapshot = {
        time,
        files: [
          {
            kind: 'blob',
            filename: d.type === 'vm' ? 'qemu-server.conf.blob' : 'pct.conf.blob',
            size: conf,
            cryptMode: 'none',
          },
          d.type === 'vm'
            ? {
                kind: 'fidx',
                filename: 'drive-scsi0.img.fidx',
                size: main,
                chunkCount: main / (4 * 1024 * 1024),
                refs: [],
                cryptMode: 'none',
                csum: '',
              }
            : {
                kind: 'didx',
                filename: 'root.pxar.didx',
                size: main,
                chunkCount: Math.ceil(main / (3 * 1024 * 1024)),
                refs: [],
                cryptMode: 'none',
                csum: '',
              },
        ],
        manifestSize: 520 + (i % 50),
        clientLog: true,
        protected: k === LARGE_SNAPSHOTS - 1 && i % 10 === 0,
        signed: false,
        finished: true,
        notes: d.name,
      };
      if (d.type === 'ct')
        snap.files.push({
          kind: 'didx',
          filename: 'catalog.pcat1.didx',
          size: 2 * 1024 * 1024,
          chunkCount: 4,
          refs: [],
          cryptMode: 'none',
          csum: '',
        });
      if (k >= 2) snap.verification = { state: failed ? 'failed' : 'ok', upid };
      snaps.push(snap);
    }
    const g: Group = {
      type: d.type,
      id: d.id,
      owner: i % 3 === 0 ? 'backup@pbs!pve' : 'root@pam',
      notes: d.name,
      snapshots: snaps,
    };
    if (cache.size >= 32) cache.delete(cache.keys().next().value ?? '');
    cache.set(key, g);
    return g;
  };
  const indexOf = (type: BackupType, id: string) => {
    const n = Number(id);
    if (!/^\d+$/.test(id)) return -1;
    if (type === 'vm' && n >= 100 && n < 100 + VMS) return n - 100;
    if (type === 'ct' && n >= 1000 && n < 1000 + LARGE_GROUPS - VMS) return VMS + n - 1000;
    return -1;
  };
  let indexBytes = 0;
  let indexFiles = 0;
  for (const i of defs) {
    const d = def(i);
    indexFiles += LARGE_SNAPSHOTS * (d.type === 'vm' ? 1 : 2);
    indexBytes += LARGE_SNAPSHOTS * (d.size + (d.type === 'ct' ? 2 * 1024 * 1024 + 500 * 1024 * 1024 : 0));
  }
  const diskBytes = Math.round(indexBytes / 24.6);
  return {
    namespaces: () => [''],
    groupItems: (ns) =>
      ns !== ''
        ? null
        : defs.map((i) => {
            const d = def(i);
            return {
              'backup-type': d.type,
              'backup-id': d.id,
              'last-backup': timeOf(d, 0),
              'backup-count': LARGE_SNAPSHOTS,
              files: files(d),
              owner: i % 3 === 0 ? 'backup@pbs!pve' : 'root@pam',
              comment: d.name,
            };
          }),
    group: (ns, type, id) => {
      const i = indexOf(type, id);
      return ns === '' && i >= 0 ? build(i) : undefined;
    },
    allGroups: (ns) => (ns === '' ? defs.map(build) : null),
    usedAt: (t) => Math.round(total * 0.58 + ((t - createdAt) * total * 0.0004) / 86400),
    gcTotals: () => ({
      'index-file-count': indexFiles,
      'index-data-bytes': indexBytes,
      'disk-bytes': diskBytes,
      'disk-chunks': Math.round(diskBytes / (2.3 * 1024 * 1024)),
    }),
  };
}

export const LARGE_TOTAL = 200 * TiB;
