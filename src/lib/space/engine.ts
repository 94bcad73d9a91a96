// The space engine's one pass over every snapshot's index files (DESIGN.md, "Space accounting"). Plain
// TypeScript: it runs in Node tests and, later, in a Web Worker.
//
// Per distinct chunk it keeps only a bounded state (chunk-table.ts): its size, how many snapshots reference it,
// the last one that did, the first and last referencing group in read order, a saturating group count, and one
// bit per owner. With the read order of layout.ts this is enough for exact answers without any referrer list:
// - snapshot S, distinct and added: a snapshot's chunk list is committed at once when all its files are read,
//   so lastSnap tells whether this snapshot already counted a chunk, and whether the snapshot committed just
//   before it in the same group (its next-older one that exists) referenced it;
// - unique to a snapshot: refs = 1, and lastSnap names it;
// - group G, distinct: counted when G first touches the chunk (lastGroup ≠ G); unique: firstGroup = lastGroup;
// - namespace N with children, distinct: when group G first touches a chunk whose previous group lies before
//   N's range (so outside N), N and those of its ancestors in the same case count it; unique: every
//   referencing group lies between firstGroup and lastGroup, so the chunk is unique to the deepest namespace
//   holding both, and to that namespace's ancestors;
// - owner O: bit O set on first touch (distinct); unique when O's is the only bit set.
// shared = distinct − unique everywhere. A selection of snapshots and "shares most with" need a second pass
// (selection.ts, shares-with.ts).
import { ChunkTable, GROUP_COUNT_MAX } from './chunk-table';
import { Layout } from './layout';
import { isGone, readSnapshotChunks } from './read-snapshot';
import type { Progress, RunOptions, SnapshotInput } from './types';

export const SNAP_PENDING = 0;
export const SNAP_READ = 1;
export const SNAP_SKIPPED = 2;

/** A count of chunks and their bytes per item, in two parallel arrays. */
export class Tally {
  readonly chunks: Float64Array;
  readonly bytes: Float64Array;
  constructor(n: number) {
    this.chunks = new Float64Array(n);
    this.bytes = new Float64Array(n);
  }
  add(i: number, bytes: number): void {
    this.chunks[i] = (this.chunks[i] ?? 0) + 1;
    this.bytes[i] = (this.bytes[i] ?? 0) + bytes;
  }
  get(i: number): { chunks: number; bytes: number } {
    return { chunks: this.chunks[i] ?? 0, bytes: this.bytes[i] ?? 0 };
  }
}

export class SpaceEngine<S extends SnapshotInput = SnapshotInput> {
  readonly layout: Layout<S>;
  readonly table: ChunkTable;
  readonly snapState: Uint8Array;
  readonly snapReferenced: Float64Array;
  readonly snapDistinct: Tally;
  readonly snapAdded: Tally;
  readonly groupDistinct: Tally;
  readonly nsDistinct: Tally;
  readonly ownerDistinct: Tally;
  bytesRead = 0;
  private done = 0;
  private skipped = 0;
  private started = false;
  private slots = new Int32Array(1024);
  private slotCount = 0;

  /**
   * `expectedChunks` sizes the chunk table up front (GC's `disk-chunks` is a good guess), which saves the copies
   * and the slack of growing it.
   */
  constructor(snapshots: readonly S[], { expectedChunks = 1024 }: { expectedChunks?: number } = {}) {
    this.layout = new Layout(snapshots);
    const n = this.layout.snapshots.length;
    const ownerBytes = Math.max(1, Math.ceil(this.layout.owners.length / 8));
    this.table = new ChunkTable(ownerBytes, Math.max(1024, Math.ceil(expectedChunks)));
    this.snapState = new Uint8Array(n);
    this.snapReferenced = new Float64Array(n);
    this.snapDistinct = new Tally(n);
    this.snapAdded = new Tally(n);
    this.groupDistinct = new Tally(this.layout.groups.length);
    this.nsDistinct = new Tally(this.layout.namespaces.length);
    this.ownerDistinct = new Tally(this.layout.owners.length);
  }

  progress(): Progress {
    const total = this.layout.snapshots.length;
    return { done: this.done, total, skipped: this.skipped, bytesRead: this.bytesRead };
  }

  /**
   * Reads every snapshot once. A vanished one is skipped and counted; any other error (a damaged index, a
   * failed download) ends the run. Whatever ended it, the figures cover exactly the snapshots read so far.
   */
  async run({ onProgress, signal }: RunOptions = {}): Promise<void> {
    if (this.started) throw new Error('a space engine reads its snapshots once');
    this.started = true;
    const visit = (bytes: Uint8Array, at: number, size: number): void => {
      if (this.slotCount === this.slots.length) {
        const grown = new Int32Array(this.slots.length * 2);
        grown.set(this.slots);
        this.slots = grown;
      }
      this.slots[this.slotCount++] = this.table.findOrAdd(bytes, at, size);
    };
    const report = onProgress ? () => onProgress(this.progress()) : undefined;
    let previousInGroup = -1;
    for (let i = 0; i < this.layout.snapshots.length; i++) {
      signal?.throwIfAborted();
      const snapshot = this.layout.snapshots[i];
      const g = this.layout.snapGroup[i] ?? 0;
      if (!snapshot) continue;
      if (i > 0 && this.layout.snapGroup[i - 1] !== g) previousInGroup = -1;
      this.slotCount = 0;
      try {
        this.snapReferenced[i] = await readSnapshotChunks(snapshot, visit, this, signal, report);
      } catch (err) {
        if (!isGone(err)) throw err;
        // Chunks this snapshot added to the table keep refs 0 and count nowhere.
        this.snapState[i] = SNAP_SKIPPED;
        this.skipped++;
        this.done++;
        report?.();
        continue;
      }
      this.commit(i, g, previousInGroup);
      previousInGroup = i;
      this.snapState[i] = SNAP_READ;
      this.done++;
      report?.();
    }
  }

  private commit(snap: number, g: number, previous: number): void {
    const t = this.table;
    const { nsIndex, ownerIndex } = this.layout.groups[g] ?? { nsIndex: 0, ownerIndex: 0 };
    const ownerByte = ownerIndex >> 3;
    const ownerBit = 1 << (ownerIndex & 7);
    for (let k = 0; k < this.slotCount; k++) {
      const s = this.slots[k] ?? 0;
      if (t.lastSnap[s] === snap) continue;
      const size = t.sizes[s] ?? 0;
      if (previous < 0 || t.lastSnap[s] !== previous) this.snapAdded.add(snap, size);
      this.snapDistinct.add(snap, size);
      t.lastSnap[s] = snap;
      t.refs[s] = (t.refs[s] ?? 0) + 1;
      const lastGroup = t.lastGroup[s] ?? -1;
      if (lastGroup === g) continue;
      if (lastGroup < 0) t.firstGroup[s] = g;
      t.lastGroup[s] = g;
      if ((t.groupCount[s] ?? 0) < GROUP_COUNT_MAX) t.groupCount[s] = (t.groupCount[s] ?? 0) + 1;
      this.groupDistinct.add(g, size);
      // Ancestors' ranges widen going up: once one already holds the previous group, all above it do too.
      for (let a = nsIndex; a >= 0 && lastGroup < (this.layout.first[a] ?? 0); a = this.layout.parent[a] ?? -1) {
        this.nsDistinct.add(a, size);
      }
      const at = s * t.ownerBytes + ownerByte;
      if (((t.ownerBits[at] ?? 0) & ownerBit) === 0) {
        t.ownerBits[at] = (t.ownerBits[at] ?? 0) | ownerBit;
        this.ownerDistinct.add(ownerIndex, size);
      }
    }
  }
}
