// Turns the engine's state into figures per snapshot, group, namespace (with children), owner and datastore.
// Cost: one sweep over the distinct chunks (times the namespace depth and owner bytes), no index file read.
import { SNAP_READ, SNAP_SKIPPED, type SpaceEngine, Tally } from './engine';
import type { GcFigures, SetSpace, Space, SnapshotRef, SpaceReport } from './types';

function setSpace(distinct: Space, unique: Space, snapshots: number, referencedBytes: number): SetSpace {
  const shared = { chunks: distinct.chunks - unique.chunks, bytes: distinct.bytes - unique.bytes };
  return { distinct, unique, shared, snapshots, referencedBytes };
}

function refOf(s: SnapshotRef): SnapshotRef {
  return { ns: s.ns, type: s.type, id: s.id, time: s.time, owner: s.owner };
}

/** The figures so far; a later call after more reading gives the later figures. */
export function spaceReport(engine: SpaceEngine, gc?: GcFigures): SpaceReport {
  const { layout, table: t } = engine;
  const snapUnique = new Tally(layout.snapshots.length);
  const groupUnique = new Tally(layout.groups.length);
  const nsUnique = new Tally(layout.namespaces.length);
  const ownerUnique = new Tally(layout.owners.length);
  const distinct = { chunks: 0, bytes: 0 };
  for (let s = 0; s < t.count; s++) {
    if (t.refs[s] === 0) continue;
    const size = t.sizes[s] ?? 0;
    distinct.chunks++;
    distinct.bytes += size;
    if (t.refs[s] === 1) snapUnique.add(t.lastSnap[s] ?? 0, size);
    const first = t.firstGroup[s] ?? 0;
    const last = t.lastGroup[s] ?? 0;
    if (first === last) groupUnique.add(first, size);
    const nsFirst = layout.groups[first]?.nsIndex ?? 0;
    const nsLast = layout.groups[last]?.nsIndex ?? 0;
    nsUnique.add(nsFirst === nsLast ? nsFirst : layout.commonNamespace(nsFirst, nsLast), size);
    let sole = -1;
    for (let b = 0; b < t.ownerBytes && sole !== -2; b++) {
      const bits = t.ownerBits[s * t.ownerBytes + b] ?? 0;
      if (bits === 0) continue;
      sole = sole === -1 && (bits & (bits - 1)) === 0 ? b * 8 + Math.log2(bits) : -2;
    }
    if (sole >= 0) ownerUnique.add(sole, size);
  }
  // Unique to a namespace's child is unique to the namespace too; children come after their parent.
  for (let n = layout.namespaces.length - 1; n > 0; n--) {
    const p = layout.parent[n] ?? 0;
    nsUnique.chunks[p] = (nsUnique.chunks[p] ?? 0) + (nsUnique.chunks[n] ?? 0);
    nsUnique.bytes[p] = (nsUnique.bytes[p] ?? 0) + (nsUnique.bytes[n] ?? 0);
  }

  const groupSnaps = new Float64Array(layout.groups.length);
  const groupRef = new Float64Array(layout.groups.length);
  const snapshots: SpaceReport['snapshots'] = [];
  const skipped: SnapshotRef[] = [];
  let referencedBytes = 0;
  layout.snapshots.forEach((s, i) => {
    if (engine.snapState[i] === SNAP_SKIPPED) skipped.push(refOf(s));
    if (engine.snapState[i] !== SNAP_READ) return;
    const g = layout.snapGroup[i] ?? 0;
    const referenced = engine.snapReferenced[i] ?? 0;
    groupSnaps[g] = (groupSnaps[g] ?? 0) + 1;
    groupRef[g] = (groupRef[g] ?? 0) + referenced;
    referencedBytes += referenced;
    const figures = { distinct: engine.snapDistinct.get(i), added: engine.snapAdded.get(i), unique: snapUnique.get(i) };
    snapshots.push({ ...refOf(s), ...figures, referencedBytes: referenced });
  });

  const nsGroups = new Float64Array(layout.namespaces.length);
  const nsSnaps = new Float64Array(layout.namespaces.length);
  const nsRef = new Float64Array(layout.namespaces.length);
  const ownerGroups = new Float64Array(layout.owners.length);
  const ownerSnaps = new Float64Array(layout.owners.length);
  const ownerRef = new Float64Array(layout.owners.length);
  const groups = layout.groups.map((group, g) => {
    for (let a = group.nsIndex; a >= 0; a = layout.parent[a] ?? -1) {
      nsGroups[a] = (nsGroups[a] ?? 0) + 1;
      nsSnaps[a] = (nsSnaps[a] ?? 0) + (groupSnaps[g] ?? 0);
      nsRef[a] = (nsRef[a] ?? 0) + (groupRef[g] ?? 0);
    }
    const o = group.ownerIndex;
    ownerGroups[o] = (ownerGroups[o] ?? 0) + 1;
    ownerSnaps[o] = (ownerSnaps[o] ?? 0) + (groupSnaps[g] ?? 0);
    ownerRef[o] = (ownerRef[o] ?? 0) + (groupRef[g] ?? 0);
    const figures = setSpace(engine.groupDistinct.get(g), groupUnique.get(g), groupSnaps[g] ?? 0, groupRef[g] ?? 0);
    return { ns: group.ns, type: group.type, id: group.id, owner: group.owner, ...figures };
  });
  const namespaces = layout.namespaces.map((ns, n) => ({
    ns,
    groups: nsGroups[n] ?? 0,
    ...setSpace(engine.nsDistinct.get(n), nsUnique.get(n), nsSnaps[n] ?? 0, nsRef[n] ?? 0),
  }));
  const owners = layout.owners.map((owner, o) => ({
    owner,
    groups: ownerGroups[o] ?? 0,
    ...setSpace(engine.ownerDistinct.get(o), ownerUnique.get(o), ownerSnaps[o] ?? 0, ownerRef[o] ?? 0),
  }));

  const datastore: SpaceReport['datastore'] = {
    distinct,
    referencedBytes,
    snapshots: snapshots.length,
    skipped,
    sizeConflicts: t.sizeConflicts,
  };
  if (gc && distinct.bytes > 0) {
    const compression = gc.diskBytes / distinct.bytes;
    datastore.gc = { ...gc, compression, dedup: referencedBytes / distinct.bytes };
  }
  return { datastore, snapshots, groups, namespaces, owners };
}

/**
 * The error the console states beside every estimated on-disk figure: ±25 %. The estimate is a set's logical bytes
 * × the store-wide compression GC's figures imply, so it strays where the set's chunks compress unlike the store's
 * average: chunks of one guest compress alike and guests differ (a database image against a mail spool, say), and
 * disk-bytes also holds garbage GC has not removed yet. Checked against the simulator's GC for selections across
 * several guests (src/mocks/sim/space-gc.test.ts); a single guest can stray further, and the view says so.
 */
export const DISK_ESTIMATE_ERROR = 0.25;

export interface DiskEstimate {
  bytes: number;
  /** bytes ± DISK_ESTIMATE_ERROR, rounded outwards */
  low: number;
  high: number;
}

/**
 * On-disk bytes of a set, estimated: its logical bytes × GC's disk-bytes ÷ the distinct chunks' logical sum, with
 * the stated error around it; undefined without GC figures.
 */
export function estimateDiskBytes(logicalBytes: number, datastore: SpaceReport['datastore']): DiskEstimate | undefined {
  if (!datastore.gc) return undefined;
  const exact = logicalBytes * datastore.gc.compression;
  return {
    bytes: Math.round(exact),
    low: Math.floor(exact * (1 - DISK_ESTIMATE_ERROR)),
    high: Math.ceil(exact * (1 + DISK_ESTIMATE_ERROR)),
  };
}
