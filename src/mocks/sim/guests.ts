// Guests (VMs, containers, hosts) and how their disks look at a given backup: which atoms (content versions
// of disk regions) each archive references. Guests of one OS family share the base region; each backup
// rewrites ~2% of the disk (a rolling window over the per-guest region) and appends a little new data.
import type { BackupType } from './types';

export type OsFamily = 'debian' | 'ubuntu' | 'windows' | 'rocky';

export interface Guest {
  store: string;
  ns: string;
  type: BackupType;
  id: string;
  name: string;
  family: OsFamily;
  owner: string;
  encrypted: boolean;
  signed: boolean;
  /** disk (or file tree) size in chunks */
  chunks: number;
  /** logical bytes per chunk: 4 MiB for images, the average for dynamic indexes */
  chunkRaw: number;
  /** on-disk / logical ratio of this guest's chunks */
  ratio: number;
  /** local seconds after midnight of its nightly backup */
  at: number;
  /** first day (epoch s) the guest was backed up */
  since: number;
  split: boolean;
  clientLog: boolean;
  fingerprint?: string;
}

export interface AtomSpec {
  id: string;
  count: number;
  raw: number;
  disk: number;
}

export interface ArchiveSpec {
  filename: string;
  kind: 'fidx' | 'didx' | 'blob';
  /** blobs only */
  size?: number;
  atoms: AtomSpec[];
}

const MiB = 1024 * 1024;
const BASE_PARTS = 10;
const CHANGE = 0.02;
/** chunks of one part of an OS family's shared base (ten parts), per index kind: the same content must be
 * the same atom, with the same chunk count and sizes, in every guest that references it */
const BASE_PART: Record<OsFamily, { img: number; tree: number }> = {
  windows: { img: 560, tree: 60 },
  debian: { img: 70, tree: 25 },
  ubuntu: { img: 130, tree: 35 },
  rocky: { img: 150, tree: 40 },
};
/** logical chunk size of file-archive (pxar) chunks: the content-defined average */
export const TREE_CHUNK = 3 * 1024 * 1024 + 512 * 1024;

const gkey = (g: Guest) => `${g.store}/${g.ns}/${g.type}/${g.id}`;

// atom ids are map keys looked up thousands of times: build each id string once per guest and reuse it,
// so it is neither rebuilt nor rehashed
const idCache = new WeakMap<Guest, Map<number, string>>();
function cachedId(g: Guest, kind: number, a: number, b: number, make: () => string): string {
  let m = idCache.get(g);
  if (!m) idCache.set(g, (m = new Map()));
  const key = kind * 1e9 + a * 1e5 + b;
  let id = m.get(key);
  if (id === undefined) m.set(key, (id = make()));
  return id;
}

/** The atoms a guest's main archive references at its k-th backup (k = 0 is the first, full one) on `day`. */
export function diskAtoms(g: Guest, k: number, day: number): AtomSpec[] {
  const key = gkey(g);
  const fam = g.encrypted ? `enc:${key}` : `${g.family}:${g.type === 'vm' ? 'img' : 'tree'}`;
  const disk = Math.max(1, Math.round(g.chunkRaw * g.ratio));
  const mk = (id: string, count: number): AtomSpec => ({ id, count, raw: g.chunkRaw, disk });
  const out: AtomSpec[] = [];
  const part = g.encrypted ? Math.round(g.chunks * 0.05) : BASE_PART[g.family][g.type === 'vm' ? 'img' : 'tree'];
  // the OS family's base: each part gets an update roughly monthly, parts staggered by 3 days
  for (let p = 0; p < BASE_PARTS; p++) {
    const v = Math.floor((day + p * 3) / 30);
    out.push(
      mk(
        cachedId(g, 1, p, v, () => `fam:${fam}:p${p}:v${v}`),
        part,
      ),
    );
  }
  const own = g.chunks - part * BASE_PARTS;
  const slot = Math.max(1, Math.round(g.chunks * CHANGE));
  const slots = Math.max(1, Math.floor(own / slot));
  for (let s = 0; s < slots; s++) {
    const count = s === slots - 1 ? own - slot * (slots - 1) : slot;
    // latest backup j <= k (j >= 1) that rewrote slot s, or the initial full version 0
    const j = k - ((((k - 1 - s) % slots) + slots) % slots);
    const v = j >= 1 ? j : 0;
    out.push(
      mk(
        cachedId(g, 2, s, v, () => `g:${key}:s${s}:v${v}`),
        count,
      ),
    );
  }
  // new data accumulates: a week's growth lands with the first backup of that week
  const grow = Math.max(1, Math.round(g.chunks * 0.014));
  for (let w = 1; w <= Math.floor(k / 7); w++)
    out.push(
      mk(
        cachedId(g, 3, w, 0, () => `gr:${key}:${w}`),
        grow,
      ),
    );
  return out;
}

/** The archives of the k-th backup, in upload (manifest) order. */
export function archivesFor(g: Guest, k: number, day: number, confSize: number): ArchiveSpec[] {
  const key = gkey(g);
  const main = diskAtoms(g, k, day);
  if (g.type === 'vm') {
    const out: ArchiveSpec[] = [{ filename: 'qemu-server.conf.blob', kind: 'blob', size: confSize, atoms: [] }];
    out.push({ filename: 'drive-scsi0.img.fidx', kind: 'fidx', atoms: main });
    if (g.family === 'windows') {
      const efi = 540672;
      out.push({
        filename: 'drive-efidisk0.img.fidx',
        kind: 'fidx',
        atoms: [{ id: `efi:${key}`, count: 1, raw: efi, disk: Math.round(efi * 0.1) }],
      });
    }
    return out;
  }
  const conf = g.type === 'ct' ? 'pct.conf.blob' : undefined;
  const out: ArchiveSpec[] = conf ? [{ filename: conf, kind: 'blob', size: confSize, atoms: [] }] : [];
  const meta: AtomSpec = {
    id: `meta:${key}:${k}`,
    count: Math.max(1, Math.round(g.chunks / 400)),
    raw: 2 * MiB,
    disk: Math.round(MiB * 0.4),
  };
  if (g.split) {
    out.push({ filename: 'root.mpxar.didx', kind: 'didx', atoms: [meta] });
    out.push({ filename: 'root.ppxar.didx', kind: 'didx', atoms: main });
  } else {
    out.push({ filename: 'root.pxar.didx', kind: 'didx', atoms: main });
    const cat: AtomSpec = {
      id: `cat:${key}:${k}`,
      count: Math.max(1, Math.round(g.chunks / 1500)),
      raw: 512 * 1024,
      disk: 160 * 1024,
    };
    out.push({ filename: 'catalog.pcat1.didx', kind: 'didx', atoms: [cat] });
  }
  return out;
}
