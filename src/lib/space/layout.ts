// The order the space engine reads snapshots in, and the small integer ids it keeps per chunk instead of names.
//
// Snapshots are read group by group, each group oldest first, and groups in namespace-tree order (a namespace,
// then everything below it, then its next sibling). Two things follow that the engine builds on:
// - a group's snapshots are consecutive, so "the snapshot read just before, in the same group" is the
//   next-older one (for added), and a group's first touch of a chunk is seen by comparing one id;
// - every namespace with its children is a contiguous range of group ids, so a chunk whose first and last
//   referencing group both lie in a namespace's range is referenced by nothing outside it.
import type { SnapshotRef } from './types';

export interface GroupInfo {
  ns: string;
  type: string;
  id: string;
  owner: string;
  nsIndex: number;
  ownerIndex: number;
}

function components(ns: string): string[] {
  return ns === '' ? [] : ns.split('/');
}

/** Component by component, parents before children: `a` < `a/b` < `a/c` < `a-b` (never compare joined paths). */
export function compareNamespaces(a: string, b: string): number {
  const ca = components(a);
  const cb = components(b);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const x = ca[i] ?? '';
    const y = cb[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return ca.length - cb.length;
}

function compareSnapshots(a: SnapshotRef, b: SnapshotRef): number {
  return (
    compareNamespaces(a.ns, b.ns) ||
    (a.type < b.type ? -1 : a.type > b.type ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) ||
    a.time - b.time
  );
}

export function groupKey(s: { ns: string; type: string; id: string }): string {
  return `${s.ns}\u0000${s.type}\u0000${s.id}`;
}

export class Layout<S extends SnapshotRef> {
  readonly snapshots: S[];
  /** group id of each snapshot, in read order */
  readonly snapGroup: Int32Array;
  readonly groups: GroupInfo[] = [];
  /** namespaces in tree order; the root `''` is always 0 */
  readonly namespaces: string[];
  readonly parent: Int32Array;
  readonly depth: Int32Array;
  /** the namespace's groups, its children's included, are the ids first ≤ g < end */
  readonly first: Int32Array;
  readonly end: Int32Array;
  readonly owners: string[] = [];

  constructor(input: readonly S[]) {
    this.snapshots = [...input].sort(compareSnapshots);
    const nsSet = new Set<string>(['']);
    for (const s of this.snapshots) {
      const parts = components(s.ns);
      for (let i = 1; i <= parts.length; i++) nsSet.add(parts.slice(0, i).join('/'));
    }
    this.namespaces = [...nsSet].sort(compareNamespaces);
    const nsIndex = new Map(this.namespaces.map((ns, i) => [ns, i]));
    const n = this.namespaces.length;
    this.parent = new Int32Array(n);
    this.depth = new Int32Array(n);
    this.namespaces.forEach((ns, i) => {
      const parts = components(ns);
      this.depth[i] = parts.length;
      this.parent[i] = i === 0 ? -1 : (nsIndex.get(parts.slice(0, -1).join('/')) ?? 0);
    });
    this.first = new Int32Array(n).fill(2 ** 31 - 1);
    this.end = new Int32Array(n).fill(-1);

    const ownerIndex = new Map<string, number>();
    this.snapGroup = new Int32Array(this.snapshots.length);
    let lastKey: string | undefined;
    this.snapshots.forEach((s, i) => {
      const key = groupKey(s);
      if (key !== lastKey) {
        lastKey = key;
        // PBS keeps one owner per group; should the listing disagree with itself, the oldest snapshot's wins.
        let o = ownerIndex.get(s.owner);
        if (o === undefined) {
          o = this.owners.length;
          ownerIndex.set(s.owner, o);
          this.owners.push(s.owner);
        }
        const nsi = nsIndex.get(s.ns) ?? 0;
        const g = this.groups.length;
        this.groups.push({ ns: s.ns, type: s.type, id: s.id, owner: s.owner, nsIndex: nsi, ownerIndex: o });
        for (let a = nsi; a >= 0; a = this.parent[a] ?? -1) {
          this.first[a] = Math.min(this.first[a] ?? g, g);
          this.end[a] = g + 1;
        }
      }
      this.snapGroup[i] = this.groups.length - 1;
    });
  }

  /** The deepest namespace holding both (namespace ids). */
  commonNamespace(a: number, b: number): number {
    let x = a;
    let y = b;
    while ((this.depth[x] ?? 0) > (this.depth[y] ?? 0)) x = this.parent[x] ?? 0;
    while ((this.depth[y] ?? 0) > (this.depth[x] ?? 0)) y = this.parent[y] ?? 0;
    while (x !== y) {
      x = this.parent[x] ?? 0;
      y = this.parent[y] ?? 0;
    }
    return x;
  }
}
