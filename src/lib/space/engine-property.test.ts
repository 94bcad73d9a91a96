// @vitest-environment node
import { prng as mulberry32 } from '../prng';
import { describe, expect, it } from 'vitest';
import { SpaceEngine } from './engine';
import { spaceReport } from './report';
import { selectionSpace } from './selection';
import { sharesMostWith } from './shares-with';
import { didx } from './test-index-files';
import { type IndexFileData, SnapshotGoneError, type SnapshotInput, type SnapshotRef } from './types';

// The engine against a brute-force computation with sets of chunk names, on random small datastores from a
// seeded generator: vanishing snapshots, nested and look-alike namespaces, more than 8 owners, a chunk held by
// many groups, repeated chunks, empty archives.

interface Case {
  input: SnapshotInput[];
  /** chunk names per snapshot that stays readable; a vanishing one is absent */
  chunks: Map<SnapshotInput, Set<string>>;
  size: Map<string, number>;
}

const NAMESPACES = ['', 'a', 'a/b', 'a/b/c', 'a-b', 'b', 'b/a', 'a/c'];

function randomCase(seed: number): Case {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const owners = Array.from({ length: rnd() < 0.3 ? 11 : 3 }, (_, i) => `user${i}@pbs`);
  const labels = Array.from({ length: 5 + Math.floor(rnd() * 30) }, (_, i) => `c${seed}-${i}`);
  const size = new Map(labels.map((l) => [l, 1 + Math.floor(rnd() * 1000)]));
  const input: SnapshotInput[] = [];
  const chunks = new Map<SnapshotInput, Set<string>>();
  const groups = 2 + Math.floor(rnd() * 11);
  const made = new Set<string>();
  for (let g = 0; g < groups; g++) {
    const ns = pick(NAMESPACES);
    const owner = pick(owners);
    // the same VMID in two namespaces is common; the same group twice is not a group
    const [type, id] = [pick(['vm', 'ct', 'host']), String(100 + Math.floor(rnd() * 4))];
    if (made.has(`${ns}|${type}/${id}`)) continue;
    made.add(`${ns}|${type}/${id}`);
    const snapshots = 1 + Math.floor(rnd() * 4);
    for (let k = 0; k < snapshots; k++) {
      const files = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () =>
        Array.from({ length: Math.floor(rnd() * 9) }, () => (rnd() < 0.15 ? labels[0] : pick(labels)) ?? ''),
      );
      const built = files.map((f, i) => ({ name: `f${i}.didx`, data: didx(f.map((l) => [l, size.get(l) ?? 0])) }));
      const gone = rnd() < 0.15;
      async function* read(): AsyncGenerator<IndexFileData> {
        yield* built.slice(0, 1);
        if (gone) throw new SnapshotGoneError('gone');
        yield* built.slice(1);
      }
      const snapshot: SnapshotInput = { ns, type, id, owner, time: 1000 + k * 86400, files: read };
      input.push(snapshot);
      if (!gone) chunks.set(snapshot, new Set(files.flat()));
    }
  }
  // the engine must not rely on the listing's order
  for (let i = input.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [input[i], input[j]] = [input[j] as SnapshotInput, input[i] as SnapshotInput];
  }
  return { input, chunks, size };
}

const key = (s: { ns: string; type: string; id: string }) => `${s.ns}|${s.type}/${s.id}`;
const inNs = (ns: string, sub: string) => ns === '' || sub === ns || sub.startsWith(`${ns}/`);

function bruteSpace(c: Case, member: (s: SnapshotRef) => boolean) {
  const inside = new Set<string>();
  const outside = new Set<string>();
  for (const [s, set] of c.chunks) for (const l of set) (member(s) ? inside : outside).add(l);
  const sum = (ls: Iterable<string>) => {
    let [chunks, bytes] = [0, 0];
    for (const l of ls) [chunks, bytes] = [chunks + 1, bytes + (c.size.get(l) ?? 0)];
    return { chunks, bytes };
  };
  const unique = [...inside].filter((l) => !outside.has(l));
  return { distinct: sum(inside), unique: sum(unique), shared: sum([...inside].filter((l) => outside.has(l))) };
}

function bruteAdded(c: Case, s: SnapshotInput) {
  const older = [...c.chunks.keys()]
    .filter((o) => key(o) === key(s) && o.time < s.time)
    .sort((x, y) => y.time - x.time);
  const mine = c.chunks.get(s) ?? new Set();
  const prev = older[0] ? (c.chunks.get(older[0]) ?? new Set()) : new Set<string>();
  const added = [...mine].filter((l) => !prev.has(l));
  return { chunks: added.length, bytes: added.reduce((sum, l) => sum + (c.size.get(l) ?? 0), 0) };
}

function brutePairs(c: Case): Map<string, { chunks: number; bytes: number }> {
  const groupsOf = new Map<string, Set<string>>();
  for (const [s, set] of c.chunks) for (const l of set) groupsOf.set(l, (groupsOf.get(l) ?? new Set()).add(key(s)));
  const pairs = new Map<string, { chunks: number; bytes: number }>();
  for (const [l, gs] of groupsOf) {
    if (gs.size < 2 || gs.size > 8) continue;
    for (const a of gs)
      for (const b of gs) {
        if (a === b) continue;
        const p = pairs.get(`${a}>${b}`) ?? { chunks: 0, bytes: 0 };
        pairs.set(`${a}>${b}`, { chunks: p.chunks + 1, bytes: p.bytes + (c.size.get(l) ?? 0) });
      }
  }
  return pairs;
}

describe('the engine agrees with sets of digests', () => {
  it.each(Array.from({ length: 150 }, (_, i) => i + 1))('seed %i', async (seed) => {
    const c = randomCase(seed);
    const engine = new SpaceEngine(c.input);
    await engine.run();
    const report = spaceReport(engine);
    const read = [...c.chunks.keys()];
    expect(report.datastore.snapshots).toBe(read.length);
    expect(report.datastore.distinct).toEqual(bruteSpace(c, () => true).distinct);

    for (const s of report.snapshots) {
      const original = read.find((o) => key(o) === key(s) && o.time === s.time);
      if (!original) throw new Error('a snapshot the engine read is not in the case');
      const space = bruteSpace(c, (o) => o === original);
      expect([s.distinct, s.unique, s.added]).toEqual([space.distinct, space.unique, bruteAdded(c, original)]);
    }
    for (const g of report.groups) {
      const { distinct, unique, shared } = bruteSpace(c, (o) => key(o) === key(g));
      expect([key(g), g.distinct, g.unique, g.shared]).toEqual([key(g), distinct, unique, shared]);
    }
    for (const n of report.namespaces) {
      const { distinct, unique, shared } = bruteSpace(c, (o) => inNs(n.ns, o.ns));
      expect([n.ns, n.distinct, n.unique, n.shared]).toEqual([n.ns, distinct, unique, shared]);
    }
    for (const o of report.owners) {
      const { distinct, unique, shared } = bruteSpace(c, (s) => s.owner === o.owner);
      expect([o.owner, o.distinct, o.unique, o.shared]).toEqual([o.owner, distinct, unique, shared]);
    }

    const rnd = mulberry32(seed * 7919);
    const chosen = new Set(c.input.filter(() => rnd() < 0.4));
    const selection = await selectionSpace(engine, (s) =>
      c.input.some((o) => chosen.has(o) && o.time === s.time && key(o) === key(s)),
    );
    const expected = bruteSpace(c, (s) => chosen.has(s as SnapshotInput));
    expect([selection.distinct, selection.unique, selection.shared]).toEqual([
      expected.distinct,
      expected.unique,
      expected.shared,
    ]);

    const { partners } = await sharesMostWith(engine, Infinity);
    const got = new Map<string, { chunks: number; bytes: number }>();
    partners.forEach((list, g) => {
      for (const p of list) {
        const [a, b] = [report.groups[g], report.groups[p.group]];
        if (a && b) got.set(`${key(a)}>${key(b)}`, { chunks: p.chunks, bytes: p.bytes });
      }
    });
    expect(got).toEqual(brutePairs(c));
  });
});
