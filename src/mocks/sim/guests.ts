// Guests (VMs, containers, hosts) and how their disks look at a given backup: which atoms (content versions
// of disk regions) each archive references. Guests of one OS family share the base region; each backup
// rewrites ~2% of the disk (a rolling window over the per-guest region), most of a small hot region (whose
// old versions become garbage once the snapshots holding them are pruned), and appends a little new data.
import type { BackupType } from './types';
import type { Chunking } from './chunk-sizes';
import { hash32, prng, unit } from './random';

export type OsFamily = 'debian' | 'ubuntu' | 'windows' | 'rocky';

export interface Guest {
  /** the simulator's seed: chunk counts and sizes are drawn from it */
  seed: number;
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
  /** logical bytes per chunk: exact for fixed-size chunks, the mean of a content-defined atom's chunks */
  raw: number;
  /** mean encoded bytes per chunk on disk (the atom's disk bytes are count × disk) */
  disk: number;
  /** how the chunks were cut (chunk-sizes.ts); absent: every chunk is `raw` bytes */
  chunking?: Chunking;
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

// atom ids are map keys looked up thousands of times: build each atom once per guest and reuse it, so its id
// is neither rebuilt nor rehashed and its sizes are drawn once
const specCache = new WeakMap<Guest, Map<number, AtomSpec>>();
function cachedSpec(g: Guest, kind: number, a: number, b: number, make: () => AtomSpec): AtomSpec {
  let m = specCache.get(g);
  if (!m) specCache.set(g, (m = new Map()));
  const key = kind * 1e9 + a * 1e5 + b;
  let spec = m.get(key);
  if (spec === undefined) m.set(key, (spec = make()));
  return spec;
}

/**
 * One extent's sizes, drawn from the seed and its id: the mean of content-defined chunks varies by ±15% around
 * the chunker's average, and the on-disk size by ±20% around the guest's compression, so no two rewritten
 * extents free the same bytes. `mean` is the chunk size (fixed) or the chunker's average (`chunking`).
 */
export function atomSpec(
  seed: number,
  id: string,
  count: number,
  mean: number,
  ratio: number,
  chunking?: Chunking,
): AtomSpec {
  const raw = chunking ? Math.round(mean * (0.85 + 0.3 * unit(seed, `raw:${id}`))) : mean;
  const disk = Math.max(1, Math.round(raw * ratio * (0.8 + 0.4 * unit(seed, `disk:${id}`))));
  return chunking ? { id, count, raw, disk, chunking } : { id, count, raw, disk };
}

/** `total` chunks cut into `parts` regions of 0.4× to 1.6× the mean length, drawn once per guest and tag. */
const partCache = new WeakMap<Guest, Map<string, number[]>>();
function partition(g: Guest, tag: string, total: number, parts: number): number[] {
  let m = partCache.get(g);
  if (!m) partCache.set(g, (m = new Map()));
  const hit = m.get(tag);
  if (hit) return hit;
  const rnd = prng(hash32(`${tag}:${gkey(g)}`) ^ g.seed);
  const w = Array.from({ length: parts }, () => 0.4 + 1.2 * rnd());
  const sum = w.reduce((x, y) => x + y, 0);
  let counts = w.map((x) => Math.floor((total * x) / sum));
  if (counts.some((c) => c < 1)) counts = w.map(() => Math.floor(total / parts));
  let left = total - counts.reduce((x, y) => x + y, 0);
  for (let i = 0; left > 0; i = (i + 1) % parts, left--) counts[i] = (counts[i] ?? 0) + 1;
  m.set(tag, counts);
  return counts;
}

/** Hot data (logs, databases, temp files): a small region whose pieces are rewritten by most backups. */
const HOT = 0.012;
const HOT_PIECES = 6;
const HOT_REWRITE = 0.6;

/** The backup (≥ 1) that last rewrote hot piece p by backup k, or 0 for the first full one. */
function hotVersion(g: Guest, key: string, p: number, k: number): number {
  for (let j = k; j >= 1; j--) if (unit(g.seed, `hot:${key}:${p}:${j}`) < HOT_REWRITE) return j;
  return 0;
}

/**
 * The atoms a guest's main archive references at its k-th backup (k = 0 is the first, full one) on `day`. With
 * `growth` false the disk keeps its size: no weekly new data (the large profile, whose disks are fixed).
 */
export function diskAtoms(g: Guest, k: number, day: number, growth = true): AtomSpec[] {
  const key = gkey(g);
  const fam = g.encrypted ? `enc:${key}` : `${g.family}:${g.type === 'vm' ? 'img' : 'tree'}`;
  const chunking = g.type === 'vm' ? undefined : 'pxar';
  const mk = (id: string, count: number): AtomSpec => atomSpec(g.seed, id, count, g.chunkRaw, g.ratio, chunking);
  const out: AtomSpec[] = [];
  const part = g.encrypted ? Math.round(g.chunks * 0.05) : BASE_PART[g.family][g.type === 'vm' ? 'img' : 'tree'];
  // the OS family's base: each part gets an update roughly monthly, parts staggered by 3 days
  for (let p = 0; p < BASE_PARTS; p++) {
    const v = Math.floor((day + p * 3) / 30);
    out.push(cachedSpec(g, 1, p, v, () => mk(`fam:${fam}:p${p}:v${v}`, part)));
  }
  const hot = Math.max(HOT_PIECES, Math.round(g.chunks * HOT));
  const pieces = partition(g, 'hot', hot, HOT_PIECES);
  for (let p = 0; p < HOT_PIECES; p++) {
    const v = hotVersion(g, key, p, k);
    out.push(cachedSpec(g, 4, p, v, () => mk(`h:${key}:p${p}:v${v}`, pieces[p] ?? 1)));
  }
  // the rest is rewritten slot by slot, one slot per backup in turn
  const own = g.chunks - part * BASE_PARTS - hot;
  const slot = Math.max(1, Math.round(g.chunks * CHANGE));
  const counts = partition(g, 'slots', own, Math.max(1, Math.floor(own / slot)));
  const slots = counts.length;
  for (let s = 0; s < slots; s++) {
    // latest backup j <= k (j >= 1) that rewrote slot s, or the initial full version 0
    const j = k - ((((k - 1 - s) % slots) + slots) % slots);
    const v = j >= 1 ? j : 0;
    out.push(cachedSpec(g, 2, s, v, () => mk(`g:${key}:s${s}:v${v}`, counts[s] ?? 1)));
  }
  // new data accumulates: a week's growth lands with the first backup of that week
  const grow = Math.max(1, Math.round(g.chunks * 0.014));
  for (let w = 1; growth && w <= Math.floor(k / 7); w++)
    out.push(cachedSpec(g, 3, w, 0, () => mk(`gr:${key}:${w}`, grow)));
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
        atoms: [atomSpec(g.seed, `efi:${key}`, 1, efi, 0.1)],
      });
    }
    return out;
  }
  const conf = g.type === 'ct' ? 'pct.conf.blob' : undefined;
  const out: ArchiveSpec[] = conf ? [{ filename: conf, kind: 'blob', size: confSize, atoms: [] }] : [];
  const meta = atomSpec(g.seed, `meta:${key}:${k}`, Math.max(1, Math.round(g.chunks / 400)), 2 * MiB, 0.2, 'pxar');
  if (g.split) {
    out.push({ filename: 'root.mpxar.didx', kind: 'didx', atoms: [meta] });
    out.push({ filename: 'root.ppxar.didx', kind: 'didx', atoms: main });
  } else {
    out.push({ filename: 'root.pxar.didx', kind: 'didx', atoms: main });
    const cat = atomSpec(
      g.seed,
      `cat:${key}:${k}`,
      Math.max(1, Math.round(g.chunks / 1500)),
      512 * 1024,
      0.3125,
      'catalog',
    );
    out.push({ filename: 'catalog.pcat1.didx', kind: 'didx', atoms: [cat] });
  }
  return out;
}
