// The chunk store in aggregate. An "atom" is a run of chunks that are always written and referenced
// together (one content version of one region of a disk), so the large profile never holds per-chunk
// objects. A hand-seeded chunk is simply an atom of one chunk.
import { sha256Hex } from './sha256';

export interface Atom {
  id: string;
  /** chunks the atom was written with */
  total: number;
  /** chunks moved aside as `.bad` (no longer loadable) */
  missing: number;
  /** present chunks whose content is damaged, not yet noticed by verify */
  corrupt: number;
  /** logical (uncompressed) bytes per chunk */
  rawSize: number;
  /** encoded file size per chunk on disk */
  diskSize: number;
  atime: number;
  /** GC run that last marked it (saves a set lookup per reference) */
  mark?: number;
}

/** `.bad` files that verify renamed; they keep the atime of the chunk they were. */
export interface BadFiles {
  atom: string;
  count: number;
  diskSize: number;
  atime: number;
}

export interface InsertResult {
  /** chunks that were written */
  written: number;
  /** chunks that already existed (only their atime is touched) */
  duplicates: number;
}

export class ChunkStore {
  readonly atoms = new Map<string, Atom>();
  bad: BadFiles[] = [];
  // running totals: usage is read after every event, the atom map can be large
  private bytes = 0;
  private chunks = 0;

  /** One chunk with explicit sizes and atime (hand seeding). */
  insertChunk(id: string, rawSize: number, diskSize: number, atime: number): InsertResult {
    return this.insertAtom(id, 1, rawSize, diskSize, atime);
  }

  insertAtom(id: string, count: number, rawSize: number, diskSize: number, atime: number): InsertResult {
    const a = this.atoms.get(id);
    if (!a) {
      this.atoms.set(id, { id, total: count, missing: 0, corrupt: 0, rawSize, diskSize, atime });
      this.bytes += count * diskSize;
      this.chunks += count;
      return { written: count, duplicates: 0 };
    }
    // a re-upload replaces chunks that verify moved aside; existing ones only get their atime touched
    const written = Math.min(a.missing, count);
    a.missing -= written;
    this.bytes += written * a.diskSize;
    this.chunks += written;
    a.atime = Math.max(a.atime, atime);
    return { written, duplicates: count - written };
  }

  present(id: string): number {
    const a = this.atoms.get(id);
    return a ? a.total - a.missing : 0;
  }

  touch(id: string, t: number): void {
    const a = this.atoms.get(id);
    if (a) a.atime = t;
  }

  /** Deletes the atom's chunk files. The record stays (all chunks missing), so indexes that cache it see that. */
  remove(id: string): void {
    const a = this.atoms.get(id);
    if (!a) return;
    this.bytes -= (a.total - a.missing) * a.diskSize;
    this.chunks -= a.total - a.missing;
    a.missing = a.total;
    a.corrupt = 0;
  }

  /** The atom a reference points to, cached on the reference. */
  resolve(ref: { atom: string; a?: Atom }): Atom | undefined {
    return (ref.a ??= this.atoms.get(ref.atom));
  }

  /** Verify's rename of `count` corrupt chunks to `.bad` files. */
  markBad(id: string, count: number): void {
    const a = this.atoms.get(id);
    if (!a) return;
    const k = Math.min(count, a.corrupt);
    a.corrupt -= k;
    a.missing += k;
    this.chunks -= k;
    this.bad.push({ atom: id, count: k, diskSize: a.diskSize, atime: a.atime });
  }

  dropBad(files: BadFiles[]): void {
    for (const b of files) this.bytes -= b.count * b.diskSize;
    this.bad = this.bad.filter((b) => !files.includes(b));
  }

  /** encoded bytes of all chunk files, `.bad` ones included */
  diskBytes(): number {
    return this.bytes;
  }

  /** good chunk files */
  chunkCount(): number {
    return this.chunks;
  }

  /** Digest of chunk `k` of an atom; a hand-seeded chunk named by a digest keeps it. */
  static digest(atom: string, k: number): string {
    if (/^[0-9a-f]{64}$/.test(atom)) return atom;
    return sha256Hex(`${atom}#${k}`);
  }
}
