// "Shares most with": for each group, the other groups it has most chunks in common with, counting only chunks
// referenced by at most 8 groups (a chunk every guest of an OS family holds says little about which two are
// alike, and counting it would need a list as long as the family).
//
// The first pass gives each chunk's group count (saturating). This second pass reserves, for each chunk with 2
// to 8 groups only, exactly that many group slots (offsets by prefix sum), and fills them as groups read it in
// order; each new group is paired with those already there. Groups arrive one after the other, so "this group
// has already been recorded" is a look at the last slot filled.
// Cost: every read snapshot's index files are read again; while it runs, 5 bytes per distinct chunk plus
// 4 bytes per (chunk, group) among the chunks of 2–8 groups, and one entry per pair of groups that share any.
import { SNAP_READ, type SpaceEngine } from './engine';
import { isGone, readSnapshotChunks } from './read-snapshot';
import type { RunOptions, Space } from './types';

export const SHARES_MAX_GROUPS = 8;

export interface GroupPartner extends Space {
  /** index into the report's groups (the engine's group order) */
  group: number;
}

export interface SharesWith {
  /** per group (engine order), partners by chunks in common, most first, at most `top` */
  partners: GroupPartner[][];
  /** snapshots that vanished since the first pass: the pairs miss their chunks */
  vanished: number;
}

export async function sharesMostWith(
  engine: SpaceEngine,
  top = 3,
  { onProgress, signal }: RunOptions = {},
): Promise<SharesWith> {
  const { layout, table: t } = engine;
  const offset = new Int32Array(t.count);
  const filled = new Uint8Array(t.count);
  let total = 0;
  for (let s = 0; s < t.count; s++) {
    const gc = t.groupCount[s] ?? 0;
    offset[s] = total;
    if (gc >= 2 && gc <= SHARES_MAX_GROUPS) total += gc;
  }
  const members = new Int32Array(total);
  const groupsN = layout.groups.length;
  const pairs = new Map<number, [chunks: number, bytes: number]>();
  const counters = { bytesRead: 0 };
  let vanished = 0;
  const n = layout.snapshots.length;
  for (let i = 0; i < n; i++) {
    signal?.throwIfAborted();
    const snapshot = layout.snapshots[i];
    if (!snapshot || engine.snapState[i] !== SNAP_READ) continue;
    const g = layout.snapGroup[i] ?? 0;
    const visit = (bytes: Uint8Array, at: number): void => {
      const s = t.find(bytes, at);
      if (s < 0) return;
      const gc = t.groupCount[s] ?? 0;
      const f = filled[s] ?? 0;
      if (gc < 2 || gc > SHARES_MAX_GROUPS || f >= gc) return;
      const base = offset[s] ?? 0;
      if (f > 0 && members[base + f - 1] === g) return;
      const size = t.sizes[s] ?? 0;
      for (let k = 0; k < f; k++) {
        const key = (members[base + k] ?? 0) * groupsN + g;
        const pair = pairs.get(key);
        if (pair) {
          pair[0]++;
          pair[1] += size;
        } else pairs.set(key, [1, size]);
      }
      members[base + f] = g;
      filled[s] = f + 1;
    };
    try {
      await readSnapshotChunks(snapshot, visit, counters, signal);
    } catch (err) {
      if (!isGone(err)) throw err;
      vanished++;
    }
    onProgress?.({ done: i + 1, total: n, skipped: vanished, bytesRead: counters.bytesRead });
  }
  const partners: GroupPartner[][] = layout.groups.map(() => []);
  for (const [key, [chunks, bytes]] of pairs) {
    const a = Math.floor(key / groupsN);
    const b = key % groupsN;
    partners[a]?.push({ group: b, chunks, bytes });
    partners[b]?.push({ group: a, chunks, bytes });
  }
  for (const list of partners) {
    list.sort((x, y) => y.chunks - x.chunks || y.bytes - x.bytes || x.group - y.group);
    list.splice(top);
  }
  return { partners, vanished };
}
