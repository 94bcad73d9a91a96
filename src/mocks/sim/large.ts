// The `large` profile's datastore: 600 groups × 1000 snapshots, computed from the seed when asked for.
// Nothing is materialised up front; a group's snapshots are built on demand and a few are cached. Their index files
// follow the demo's chunk model (guests.ts: an OS family's shared base, hot pieces, slots rewritten in turn) on
// disks of a fixed size, and draw their atoms only when read (a download, a verify), so the digests a download
// lists are those of the model and nothing per chunk is kept.
import type { Atom } from './chunks';
import type { AtomRef, Group, IndexFile, Snapshot } from './content';
import { diskAtoms, atomSpec, TREE_CHUNK, type AtomSpec, type Guest, type OsFamily } from './guests';
import { intIn, unit } from './random';
import type { BackupType, GcStatus, GroupItem } from './types';
import { GiB, TiB } from './ctx';

export interface LazyContent {
  namespaces(): string[];
  groupItems(ns: string): GroupItem[] | null;
  group(ns: string, type: BackupType, id: string): Group | undefined;
  allGroups(ns: string): Group[] | null;
  usedAt(t: number): number;
  gcTotals(): Pick<GcStatus, 'index-file-count' | 'index-data-bytes' | 'disk-bytes' | 'disk-chunks'>;
  /** A snapshot was forgotten or pruned at `at`; the content leaves it out from now on. */
  forget(type: BackupType, id: string, time: number, at: number): void;
  /**
   * What a GC starting at `t0` finds: chunks no snapshot references any more go when their atime is before
   * `cutoffAt` and are pending otherwise. `apply(end)` makes it so when the GC finishes: every chunk still
   * referenced was marked at `t0`, the removed ones are gone, and usage drops by their bytes from `end` on.
   */
  sweep(t0: number, cutoffAt: number): LargeSweep;
}

/** chunk counts and their on-disk bytes */
export interface LargeSweep {
  removedChunks: number;
  removedBytes: number;
  pendingChunks: number;
  pendingBytes: number;
  apply(end: number): void;
}

/** An index file whose atoms are drawn from the model each time they are read, never kept. */
class ModelIndexFile implements IndexFile {
  csum = '';
  readonly cryptMode = 'none';
  constructor(
    readonly kind: 'fidx' | 'didx',
    readonly filename: string,
    readonly size: number,
    readonly chunkCount: number,
    private readonly atoms: () => AtomSpec[],
    /** when the chunks were written: the atime of the atoms as verify sees them */
    private readonly written: number,
  ) {}

  /** Every atom is present and sound: the computed store has no chunk store to lose or damage them in. */
  get refs(): AtomRef[] {
    return this.atoms().map((x) => {
      const a: Atom = {
        id: x.id,
        total: x.count,
        missing: 0,
        corrupt: 0,
        rawSize: x.raw,
        diskSize: x.disk,
        atime: this.written,
      };
      return { atom: x.id, n: x.count, raw: x.raw, chunking: x.chunking, a };
    });
  }
}

const FAMILIES: OsFamily[] = ['debian', 'ubuntu', 'rocky', 'windows'];
const CATALOG_CHUNKS = 4;
const CATALOG_CHUNK = 512 * 1024;

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

const ownerOf = (i: number) => (i % 3 === 0 ? 'backup@pbs!pve' : 'root@pam');

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
  const guests = new Map<number, Guest>();
  const guestOf = (i: number, d: Def): Guest => {
    let g = guests.get(i);
    if (g) return g;
    const chunkRaw = d.type === 'vm' ? 4 * 1024 * 1024 : TREE_CHUNK;
    const chunks = Math.round(d.size / chunkRaw);
    // containers run Linux; a small one gets the smallest base, so its own data stays the larger part
    const family: OsFamily =
      d.type === 'ct' && chunks < 1000
        ? 'debian'
        : (FAMILIES[intIn(seed, `lfam${i}`, 0, d.type === 'vm' ? 3 : 2)] ?? 'debian');
    g = {
      seed,
      store: 'large',
      ns: '',
      type: d.type,
      id: d.id,
      name: d.name,
      family,
      owner: ownerOf(i),
      encrypted: false,
      signed: false,
      chunks,
      chunkRaw,
      ratio: 0.3 + 0.4 * unit(seed, `lratio${i}`),
      at: 0,
      since: 0,
      split: false,
      clientLog: true,
    };
    guests.set(i, g);
    return g;
  };

  // content-defined atoms at the chunker's average exactly, so an archive's size is its chunk count's
  const mainAtoms = (i: number, backup: number, time: number): AtomSpec[] => {
    const g = guestOf(i, def(i));
    return diskAtoms(g, backup, Math.floor(time / 86400), false).map((x) =>
      x.chunking ? { ...x, raw: g.chunkRaw } : x,
    );
  };
  const catalogAtoms = (i: number, backup: number): AtomSpec[] => {
    const d = def(i);
    const spec = atomSpec(seed, `cat:${d.type}/${d.id}:${backup}`, CATALOG_CHUNKS, CATALOG_CHUNK, 0.3125, 'catalog');
    return [{ ...spec, raw: CATALOG_CHUNK }];
  };
  /** group index → backup number → when it was forgotten */
  const forgotten = new Map<number, Map<number, number>>();
  const gone = (i: number, backup: number) => forgotten.get(i)?.has(backup) ?? false;
  const left = (i: number) => LARGE_SNAPSHOTS - (forgotten.get(i)?.size ?? 0);
  /** GC starts, each marking what was referenced then; the one before the simulation began marked everything */
  const marks = [createdAt - 6 * 3600];
  /** atoms a GC removed, and what each sweep freed when */
  const swept = new Set<string>();
  const freed: { t: number; bytes: number; chunks: number }[] = [];
  let removedFiles = 0;
  let removedIndexBytes = 0;
  const lastMarkAtOrBefore = (t: number) => {
    let m = Number.NEGATIVE_INFINITY;
    for (const x of marks) if (x <= t && x > m) m = x;
    return m;
  };

  const build = (i: number): Group => {
    const d = def(i);
    const key = `${d.type}/${d.id}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const snaps: Snapshot[] = [];
    for (let k = LARGE_SNAPSHOTS - 1; k >= 0; k--) {
      if (gone(i, LARGE_SNAPSHOTS - 1 - k)) continue;
      const time = timeOf(d, k);
      const upid = `UPID:pbs-large:00000713:0001F2A4:${(k + 1).toString(16).toUpperCase().padStart(8, '0')}:${(time + 7200).toString(16).toUpperCase().padStart(8, '0')}:verificationjob:store1\\x3av\\x2dlarge:root@pam:`;
      const failed = intIn(seed, `lf${i}/${k}`, 0, 999) === 0;
      const conf = 400 + (i % 300);
      const g = guestOf(i, d);
      const backup = LARGE_SNAPSHOTS - 1 - k;
      const main = () => mainAtoms(i, backup, time);
      const size = g.chunks * g.chunkRaw;
      const snap: Snapshot = {
        time,
        files: [
          {
            kind: 'blob',
            filename: d.type === 'vm' ? 'qemu-server.conf.blob' : 'pct.conf.blob',
            size: conf,
            cryptMode: 'none',
          },
          new ModelIndexFile(
            d.type === 'vm' ? 'fidx' : 'didx',
            d.type === 'vm' ? 'drive-scsi0.img.fidx' : 'root.pxar.didx',
            size,
            g.chunks,
            main,
            time,
          ),
        ],
        manifestSize: 520 + (i % 50),
        clientLog: true,
        protected: k === LARGE_SNAPSHOTS - 1 && i % 10 === 0,
        signed: false,
        finished: true,
        notes: d.name,
      };
      if (d.type === 'ct') {
        const catalog = () => catalogAtoms(i, backup);
        snap.files.push(
          new ModelIndexFile(
            'didx',
            'catalog.pcat1.didx',
            CATALOG_CHUNKS * CATALOG_CHUNK,
            CATALOG_CHUNKS,
            catalog,
            time,
          ),
        );
      }
      if (k >= 2) snap.verification = { state: failed ? 'failed' : 'ok', upid };
      snaps.push(snap);
    }
    const g: Group = {
      type: d.type,
      id: d.id,
      owner: ownerOf(i),
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
    const main = d.type === 'vm' ? d.size : Math.round(d.size / TREE_CHUNK) * TREE_CHUNK;
    indexBytes += LARGE_SNAPSHOTS * (main + (d.type === 'ct' ? CATALOG_CHUNKS * CATALOG_CHUNK : 0));
  }
  const diskBytes = Math.round(indexBytes / 24.6);
  const diskChunks = Math.round(diskBytes / (2.3 * 1024 * 1024));
  const freedBy = (t: number) => freed.reduce((sum, f) => sum + (f.t <= t ? f.bytes : 0), 0);
  const withSnapshots = () => defs.filter((i) => left(i) > 0);

  /**
   * Atoms of forgotten snapshots that no remaining one references, with their atime: the last mark while a
   * snapshot still held them, or the write of the newest that did. The OS families' base parts are left out: every
   * other guest of the family references them too.
   */
  const garbage = () => {
    const out = new Map<string, { spec: AtomSpec; atime: number }>();
    for (const [i, removed] of forgotten) {
      const d = def(i);
      const kept = new Set<string>();
      for (let b = 0; b < LARGE_SNAPSHOTS; b++) {
        if (removed.has(b)) continue;
        for (const a of mainAtoms(i, b, timeOf(d, LARGE_SNAPSHOTS - 1 - b))) kept.add(a.id);
      }
      for (const [b, at] of removed) {
        const time = timeOf(d, LARGE_SNAPSHOTS - 1 - b);
        const atoms = [...mainAtoms(i, b, time), ...(d.type === 'ct' ? catalogAtoms(i, b) : [])];
        const atime = Math.max(time, lastMarkAtOrBefore(at));
        for (const a of atoms) {
          if (a.id.startsWith('fam:') || kept.has(a.id) || swept.has(a.id)) continue;
          const hit = out.get(a.id);
          if (!hit || hit.atime < atime) out.set(a.id, { spec: a, atime });
        }
      }
    }
    return out;
  };

  return {
    namespaces: () => [''],
    groupItems: (ns) =>
      ns !== ''
        ? null
        : withSnapshots().map((i) => {
            const d = def(i);
            let k = 0;
            while (gone(i, LARGE_SNAPSHOTS - 1 - k)) k++;
            return {
              'backup-type': d.type,
              'backup-id': d.id,
              'last-backup': timeOf(d, k),
              'backup-count': left(i),
              files: files(d),
              owner: ownerOf(i),
              comment: d.name,
            };
          }),
    group: (ns, type, id) => {
      const i = indexOf(type, id);
      return ns === '' && i >= 0 && left(i) > 0 ? build(i) : undefined;
    },
    allGroups: (ns) => (ns === '' ? withSnapshots().map(build) : null),
    usedAt: (t) => Math.round(total * 0.58 + ((t - createdAt) * total * 0.0004) / 86400) - freedBy(t),
    gcTotals: () => {
      const removedBytes = freedBy(Number.POSITIVE_INFINITY);
      const removedChunks = freed.reduce((sum, f) => sum + f.chunks, 0);
      return {
        'index-file-count': indexFiles - removedFiles,
        'index-data-bytes': indexBytes - removedIndexBytes,
        'disk-bytes': diskBytes - removedBytes,
        'disk-chunks': diskChunks - removedChunks,
      };
    },
    forget: (type, id, time, at) => {
      const i = indexOf(type, id);
      if (i < 0) return;
      const d = def(i);
      const k = Math.round((timeOf(d, 0) - time) / STEP);
      if (k < 0 || k >= LARGE_SNAPSHOTS || timeOf(d, k) !== time) return;
      const backup = LARGE_SNAPSHOTS - 1 - k;
      let removed = forgotten.get(i);
      if (!removed) forgotten.set(i, (removed = new Map()));
      if (removed.has(backup)) return;
      removed.set(backup, at);
      removedFiles += d.type === 'vm' ? 1 : 2;
      const g = guestOf(i, d);
      removedIndexBytes += g.chunks * g.chunkRaw + (d.type === 'ct' ? CATALOG_CHUNKS * CATALOG_CHUNK : 0);
    },
    sweep: (t0, cutoffAt) => {
      const removed: string[] = [];
      const result: LargeSweep = {
        removedChunks: 0,
        removedBytes: 0,
        pendingChunks: 0,
        pendingBytes: 0,
        apply: (end) => {
          marks.push(t0);
          for (const id of removed) swept.add(id);
          if (result.removedChunks > 0)
            freed.push({ t: end, bytes: result.removedBytes, chunks: result.removedChunks });
        },
      };
      for (const [id, { spec, atime }] of garbage()) {
        const bytes = spec.count * spec.disk;
        if (atime < cutoffAt) {
          removed.push(id);
          result.removedChunks += spec.count;
          result.removedBytes += bytes;
        } else {
          result.pendingChunks += spec.count;
          result.pendingBytes += bytes;
        }
      }
      return result;
    },
  };
}

export const LARGE_TOTAL = 200 * TiB;
