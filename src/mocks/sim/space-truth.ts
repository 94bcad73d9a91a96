// Ground truth for space accounting, from the chunk model itself: which atoms (runs of chunks) each finished
// snapshot references, never its index files. An index references chunks 0 … n-1 of an atom, so a set of
// snapshots holds, per atom, the chunks below the largest n among its members: distinct, unique and shared
// chunks follow from the largest n inside and outside the set, their logical bytes from chunk-sizes.ts's known
// sums. Figures are those of DESIGN.md ("Space accounting"): added(S) against the next-older snapshot of S's
// group, unique(set) = referenced by the set and nothing else, shared = distinct − unique.
import type { Datastore } from './datastore';
import { isIndex } from './content';
import { prefixBytes, type Chunking } from './chunk-sizes';
import type { BackupType } from './types';

export interface TruthSnapshot {
  ns: string;
  type: BackupType;
  id: string;
  time: number;
  owner: string;
}

/** distinct chunks and their logical bytes */
export interface TruthSpace {
  chunks: number;
  bytes: number;
}

export interface SetTruth {
  snapshots: number;
  distinct: TruthSpace;
  unique: TruthSpace;
  shared: TruthSpace;
}

export interface SnapshotTruth extends TruthSnapshot {
  distinct: TruthSpace;
  added: TruthSpace;
  unique: TruthSpace;
}

export interface SpaceTruth {
  /** the finished snapshots, group by group, oldest first */
  readonly snapshots: readonly TruthSnapshot[];
  /**
   * distinct, unique and shared space of any set of snapshots; `among` narrows the rest to the snapshots a user
   * sees (unique and shared against those alone)
   */
  set(select: (s: TruthSnapshot) => boolean, among?: (s: TruthSnapshot) => boolean): SetTruth;
  /** distinct, added and unique space of every snapshot */
  perSnapshot(): SnapshotTruth[];
}

interface AtomInfo {
  id: string;
  raw: number;
  chunking?: Chunking;
  /** largest n any index references: the atom's length for its chunk sizes */
  count: number;
}

/** The store's state now; later changes to the store do not reach it. */
export function spaceTruth(store: Datastore, seed: number): SpaceTruth {
  const atoms: AtomInfo[] = [];
  const atomIndex = new Map<string, number>();
  const snapshots: TruthSnapshot[] = [];
  /** per snapshot: atom ids and, beside each, the largest n it references */
  const refs: Int32Array[] = [];
  const groupStart: number[] = [];
  for (const ns of [...store.namespaces.keys()].sort()) {
    for (const g of store.namespaces.get(ns)?.values() ?? []) {
      let first = true;
      for (const s of [...g.snapshots].sort((a, b) => a.time - b.time)) {
        if (!s.finished) continue;
        const own = new Map<number, number>();
        for (const f of s.files.filter(isIndex))
          for (const r of f.refs) {
            let i = atomIndex.get(r.atom);
            if (i === undefined) {
              i = atoms.length;
              atomIndex.set(r.atom, i);
              atoms.push({ id: r.atom, raw: r.raw, chunking: r.chunking, count: 0 });
            }
            const a = atoms[i] as AtomInfo;
            a.count = Math.max(a.count, r.n);
            own.set(i, Math.max(own.get(i) ?? 0, r.n));
          }
        const list = new Int32Array(own.size * 2);
        let k = 0;
        for (const [i, n] of own) {
          list[k++] = i;
          list[k++] = n;
        }
        groupStart.push(first ? 1 : 0);
        first = false;
        snapshots.push({ ns, type: g.type, id: g.id, time: s.time, owner: g.owner });
        refs.push(list);
      }
    }
  }

  const bytes = (i: number, n: number): number => {
    const a = atoms[i];
    if (!a || n <= 0) return 0;
    return prefixBytes(seed, { atom: a.id, count: a.count, mean: a.raw, chunking: a.chunking }, n);
  };
  const add = (space: TruthSpace, i: number, from: number, to: number) => {
    if (to <= from) return;
    space.chunks += to - from;
    space.bytes += bytes(i, to) - bytes(i, from);
  };

  return {
    snapshots,
    set(select, among = () => true) {
      const inside = new Int32Array(atoms.length);
      const outside = new Int32Array(atoms.length);
      let count = 0;
      snapshots.forEach((s, j) => {
        if (!among(s)) return;
        const mine = select(s);
        if (mine) count++;
        const max = mine ? inside : outside;
        const list = refs[j] ?? new Int32Array();
        for (let k = 0; k < list.length; k += 2) {
          const i = list[k] ?? 0;
          max[i] = Math.max(max[i] ?? 0, list[k + 1] ?? 0);
        }
      });
      const distinct = { chunks: 0, bytes: 0 };
      const unique = { chunks: 0, bytes: 0 };
      const shared = { chunks: 0, bytes: 0 };
      for (let i = 0; i < atoms.length; i++) {
        const n = inside[i] ?? 0;
        const o = outside[i] ?? 0;
        add(distinct, i, 0, n);
        add(unique, i, o, n);
        add(shared, i, 0, Math.min(n, o));
      }
      return { snapshots: count, distinct, unique, shared };
    },
    perSnapshot() {
      // per atom the largest n, which snapshot holds it alone (-1: several), and the second largest
      const best = new Int32Array(atoms.length);
      const holder = new Int32Array(atoms.length).fill(-1);
      const second = new Int32Array(atoms.length);
      refs.forEach((list, j) => {
        for (let k = 0; k < list.length; k += 2) {
          const i = list[k] ?? 0;
          const n = list[k + 1] ?? 0;
          if (n > (best[i] ?? 0)) {
            second[i] = best[i] ?? 0;
            best[i] = n;
            holder[i] = j;
          } else {
            if (n === best[i]) holder[i] = -1;
            second[i] = Math.max(second[i] ?? 0, n);
          }
        }
      });
      const previous = new Map<number, number>();
      return snapshots.map((s, j) => {
        const list = refs[j] ?? new Int32Array();
        if (groupStart[j]) previous.clear();
        const distinct = { chunks: 0, bytes: 0 };
        const added = { chunks: 0, bytes: 0 };
        const unique = { chunks: 0, bytes: 0 };
        for (let k = 0; k < list.length; k += 2) {
          const i = list[k] ?? 0;
          const n = list[k + 1] ?? 0;
          add(distinct, i, 0, n);
          add(added, i, previous.get(i) ?? 0, n);
          if (holder[i] === j) add(unique, i, second[i] ?? 0, n);
        }
        previous.clear();
        for (let k = 0; k < list.length; k += 2) previous.set(list[k] ?? 0, list[k + 1] ?? 0);
        return { ...s, distinct, added, unique };
      });
    },
  };
}

export interface GroupTruth extends SetTruth {
  ns: string;
  type: BackupType;
  id: string;
  owner: string;
}

/** Every figure of DESIGN.md's space accounting, by the model: per snapshot, group, namespace with its children and owner. */
export interface TruthReport {
  snapshots: SnapshotTruth[];
  groups: GroupTruth[];
  namespaces: (SetTruth & { ns: string })[];
  owners: (SetTruth & { owner: string })[];
}

export function truthReport(truth: SpaceTruth): TruthReport {
  const groups = new Map<string, TruthSnapshot>();
  for (const s of truth.snapshots) groups.set(`${s.ns}|${s.type}/${s.id}`, s);
  const namespaces = new Set<string>(['']);
  for (const s of truth.snapshots) {
    const parts = s.ns ? s.ns.split('/') : [];
    parts.forEach((_, i) => namespaces.add(parts.slice(0, i + 1).join('/')));
  }
  const owners = [...new Set(truth.snapshots.map((s) => s.owner))].sort();
  const inNs = (ns: string) => (s: TruthSnapshot) => ns === '' || s.ns === ns || s.ns.startsWith(`${ns}/`);
  return {
    snapshots: truth.perSnapshot(),
    groups: [...groups.values()].map(({ ns, type, id, owner }) => ({
      ns,
      type,
      id,
      owner,
      ...truth.set((s) => s.ns === ns && s.type === type && s.id === id),
    })),
    namespaces: [...namespaces].sort().map((ns) => ({ ns, ...truth.set(inNs(ns)) })),
    owners: owners.map((owner) => ({ owner, ...truth.set((s) => s.owner === owner) })),
  };
}
