// Index files as PBS stores them (pbs-formats.md §1–2), built from the chunk model when first asked for: `.fidx`
// for images (4 MiB chunks, only the last one shorter), `.didx` for archives (content-defined chunks, sizes from
// chunk-sizes.ts). Digests are ChunkStore.digest's (chunks.ts), derived from the atom and the chunk's position, so verify's and
// GC's log lines name the same chunks the files list. The header holds the writer's UUID (the backup log's
// `UUID:`), its start time, and the SHA-256 of the entries, which is also the manifest's `csum`.
import { chunkSizes } from './chunk-sizes';
import { nsPath, type IndexFile } from './content';
import { hexOf } from './random';
import { sha256Into } from './sha256';
import { formatRfc3339Utc } from '@/lib/tz';

const HEADER = 4096;
const FIXED_CHUNK = 4 * 1024 * 1024;
const FIXED_MAGIC = [47, 127, 65, 237, 145, 253, 15, 205];
const DYNAMIC_MAGIC = [28, 145, 78, 165, 25, 186, 179, 205];
/** digests of recently built atoms, so a group's snapshots (which share most atoms) hash each chunk once */
const CACHE_BYTES = 48 * 1024 * 1024;
const cache = new Map<string, Uint8Array>();
let cached = 0;

/** `[ns/a/…/]{type}/{id}/{time}`: the snapshot's directory below the datastore. */
export function snapshotRel(ns: string, type: string, id: string, time: number): string {
  return `${nsPath(ns)}${type}/${id}/${formatRfc3339Utc(time)}`;
}

/** The writer's UUID, as the backup task logs it and the header stores it. */
export function indexUuid(seed: number, rel: string, filename: string): string {
  return hexOf(seed, `uuid:${rel}/${filename}`, 32);
}

function hexBytes(hex: string, out: Uint8Array, at: number): void {
  for (let i = 0; i < hex.length / 2; i++) out[at + i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
}

/** The digests of chunks 0 … count-1 of an atom, 32 bytes each (ChunkStore.digest as bytes). */
export function atomDigests(atom: string, count: number): Uint8Array {
  const hit = cache.get(atom);
  if (hit && hit.length >= count * 32) {
    cache.delete(atom);
    cache.set(atom, hit);
    return hit;
  }
  const out = new Uint8Array(count * 32);
  if (/^[0-9a-f]{64}$/.test(atom)) {
    hexBytes(atom, out, 0);
    for (let k = 1; k < count; k++) out.copyWithin(k * 32, 0, 32);
  } else {
    // `${atom}#${k}`, the prefix encoded once and the decimal index written after it
    const prefix = new TextEncoder().encode(`${atom}#`);
    const msg = new Uint8Array(prefix.length + 16);
    msg.set(prefix);
    for (let k = 0; k < count; k++) {
      const digits = String(k);
      for (let i = 0; i < digits.length; i++) msg[prefix.length + i] = digits.charCodeAt(i);
      sha256Into(msg, 0, prefix.length + digits.length, out, k * 32);
    }
  }
  if (hit) cached -= hit.length;
  cache.set(atom, out);
  cached += out.length;
  for (const [key, value] of cache) {
    if (cached <= CACHE_BYTES) break;
    cache.delete(key);
    cached -= value.length;
  }
  return out;
}

function writeU64(view: DataView, at: number, value: number): void {
  view.setUint32(at, value % 2 ** 32, true);
  view.setUint32(at + 4, Math.floor(value / 2 ** 32), true);
}

/**
 * The file's bytes. `rel` is the snapshot's directory (snapshotRel), `ctime` the backup's start. Fills in the
 * file's csum the first time.
 */
export function buildIndexFile(seed: number, rel: string, ctime: number, f: IndexFile): Uint8Array {
  const fixed = f.kind === 'fidx';
  const entry = fixed ? 32 : 40;
  // read once: the large profile's files draw their atoms each time they are asked
  const refs = f.refs;
  const count = refs.reduce((n, r) => n + r.n, 0);
  const out = new Uint8Array(HEADER + count * entry);
  const view = new DataView(out.buffer);
  out.set(fixed ? FIXED_MAGIC : DYNAMIC_MAGIC);
  hexBytes(indexUuid(seed, rel, f.filename), out, 8);
  view.setUint32(24, ctime >>> 0, true);
  view.setInt32(28, Math.floor(ctime / 2 ** 32), true);
  if (fixed) {
    writeU64(view, 64, f.size);
    writeU64(view, 72, FIXED_CHUNK);
  }
  let at = HEADER;
  let end = 0;
  for (const r of refs) {
    const digests = atomDigests(r.atom, r.n);
    if (fixed) {
      out.set(digests.subarray(0, r.n * 32), at);
      at += r.n * 32;
      continue;
    }
    const sizes = r.chunking
      ? chunkSizes(seed, { atom: r.atom, count: r.n, mean: r.raw, chunking: r.chunking }, 0, r.n)
      : null;
    for (let k = 0; k < r.n; k++) {
      end += sizes ? (sizes[k] ?? 0) : r.raw;
      writeU64(view, at, end);
      out.set(digests.subarray(k * 32, k * 32 + 32), at + 8);
      at += 40;
    }
  }
  sha256Into(out, HEADER, out.length, out, 32);
  if (!f.csum) f.csum = hexOf32(out, 32);
  return out;
}

function hexOf32(bytes: Uint8Array, at: number): string {
  let s = '';
  for (let i = at; i < at + 32; i++) s += (bytes[i] ?? 0).toString(16).padStart(2, '0');
  return s;
}

/** The manifest's csum of an index file, building the file once if nobody has yet. */
export function indexCsum(seed: number, rel: string, ctime: number, f: IndexFile): string {
  if (!f.csum) buildIndexFile(seed, rel, ctime, f);
  return f.csum;
}
