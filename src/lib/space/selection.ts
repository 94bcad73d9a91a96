// Unique and shared space of any selection of snapshots, chosen after the first pass (a user's ticks in a table).
//
// The first pass keeps, per chunk, how many snapshots reference it (refs). This pass reads the selected
// snapshots' index files again and counts, per chunk, how many selected snapshots reference it: a chunk is
// unique to the selection when that count equals refs, shared when it is lower. Exact, no referrer list.
// Cost: the selected snapshots' index files are read again; 8 bytes per distinct chunk while it runs.
import { SNAP_READ, type SpaceEngine } from './engine';
import { isGone, readSnapshotChunks } from './read-snapshot';
import type { RunOptions, SetSpace, SnapshotRef } from './types';

export interface SelectionSpace extends SetSpace {
  /** selected snapshots the first pass did not read (skipped, or not in its list): not counted */
  ignored: number;
  /** selected snapshots that vanished since the first pass: the figures miss their chunks */
  vanished: number;
  /** chunks met now that the first pass never saw (an index changed?): not counted */
  unknownChunks: number;
}

export async function selectionSpace(
  engine: SpaceEngine,
  selected: (snapshot: SnapshotRef) => boolean,
  { onProgress, signal }: RunOptions = {},
): Promise<SelectionSpace> {
  const { layout, table: t } = engine;
  const count = new Uint32Array(t.count);
  const seenBy = new Int32Array(t.count).fill(-1);
  const result = { ignored: 0, vanished: 0, unknownChunks: 0, snapshots: 0, referencedBytes: 0 };
  const chosen = layout.snapshots.flatMap((s, i) => (selected(s) ? [i] : []));
  const counters = { bytesRead: 0 };
  let done = 0;
  const report = () =>
    onProgress?.({ done, total: chosen.length, skipped: result.vanished, bytesRead: counters.bytesRead });
  for (const i of chosen) {
    signal?.throwIfAborted();
    const snapshot = layout.snapshots[i];
    if (!snapshot || engine.snapState[i] !== SNAP_READ) {
      result.ignored++;
      done++;
      continue;
    }
    const visit = (bytes: Uint8Array, at: number): void => {
      const s = t.find(bytes, at);
      if (s < 0) result.unknownChunks++;
      else if (seenBy[s] !== i) {
        seenBy[s] = i;
        count[s] = (count[s] ?? 0) + 1;
      }
    };
    try {
      result.referencedBytes += await readSnapshotChunks(snapshot, visit, counters, signal, report);
      result.snapshots++;
    } catch (err) {
      if (!isGone(err)) throw err;
      result.vanished++;
    }
    done++;
    report();
  }
  const distinct = { chunks: 0, bytes: 0 };
  const unique = { chunks: 0, bytes: 0 };
  for (let s = 0; s < t.count; s++) {
    const c = count[s] ?? 0;
    if (c === 0) continue;
    const size = t.sizes[s] ?? 0;
    distinct.chunks++;
    distinct.bytes += size;
    if (c === t.refs[s]) {
      unique.chunks++;
      unique.bytes += size;
    }
  }
  const shared = { chunks: distinct.chunks - unique.chunks, bytes: distinct.bytes - unique.bytes };
  return { ...result, distinct, unique, shared };
}
