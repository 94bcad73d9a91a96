// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { SpaceEngine } from './engine';
import { estimateDiskBytes, spaceReport } from './report';
import { selectionSpace } from './selection';
import { sharesMostWith } from './shares-with';
import { didx, fidx } from './test-index-files';
import { type IndexFileData, type Progress, SnapshotGoneError, type SnapshotInput, type SpaceReport } from './types';

// Index files are laid out by hand (test-index-files.ts): chunk i of a file is named by a label, its size is
// given per label.

type FileSpec = string[] | Uint8Array;

/** `snap('a/b', 'vm/100', 3, 'alice', ['p', 'q'], ['r'])`: one didx per label list; sizes from SIZES. */
function snap(ns: string, group: string, time: number, owner: string, ...files: FileSpec[]): SnapshotInput {
  const [type = '', id = ''] = group.split('/');
  const built = (): IndexFileData[] =>
    files.map((f, i) => ({
      name: f instanceof Uint8Array ? `drive-scsi${i}.img.fidx` : `archive${i}.pxar.didx`,
      data: f instanceof Uint8Array ? f : didx(f.map((label) => [label, sizeOf(label)])),
    }));
  return { ns, type, id, time, owner, files: built };
}

/** The first file reads, then the snapshot turns out to be gone. */
function vanishing(ns: string, group: string, time: number, first: string[], how: 'gone' | '404'): SnapshotInput {
  const base = snap(ns, group, time, 'alice', first);
  async function* files(): AsyncGenerator<IndexFileData> {
    yield* base.files();
    async function* body(): AsyncGenerator<Uint8Array> {
      yield didx([['zz', 1]]).subarray(0, 100);
      throw Object.assign(new Error('Not Found'), { status: 404 });
    }
    if (how === 'gone') throw new SnapshotGoneError('snapshot is gone');
    yield { name: 'second.pxar.didx', data: body() };
  }
  return { ...base, files };
}

const SIZES: Record<string, number> = { a: 10, b: 20, c: 30, d: 40, e: 50, p: 1, q: 2, r: 4, s: 8, t: 16, u: 32 };
function sizeOf(label: string): number {
  return SIZES[label] ?? 100;
}

async function run(snapshots: SnapshotInput[]): Promise<[SpaceReport, SpaceEngine]> {
  const engine = new SpaceEngine(snapshots);
  await engine.run();
  return [spaceReport(engine), engine];
}

const c = (chunks: number, bytes: number) => ({ chunks, bytes });

describe('two groups sharing chunks', () => {
  const input = [
    snap('', 'vm/100', 2, 'alice', ['a', 'b', 'd']),
    snap('', 'vm/101', 1, 'alice', ['a', 'e', 'e', 'e']),
    snap('', 'vm/100', 1, 'alice', ['a', 'b'], ['c']),
  ];

  it('per snapshot: distinct, added against the next-older one, unique', async () => {
    const [report] = await run(input);
    expect(
      report.snapshots.map((s) => [`${s.id}/${s.time}`, s.distinct, s.added, s.unique, s.referencedBytes]),
    ).toEqual([
      ['100/1', c(3, 60), c(3, 60), c(1, 30), 60],
      ['100/2', c(3, 70), c(1, 40), c(1, 40), 70],
      ['101/1', c(2, 60), c(2, 60), c(1, 50), 160],
    ]);
  });

  it('per group, namespace, owner and datastore', async () => {
    const [report] = await run(input);
    expect(report.groups.map((g) => [g.id, g.distinct, g.unique, g.shared, g.snapshots])).toEqual([
      ['100', c(4, 100), c(3, 90), c(1, 10), 2],
      ['101', c(2, 60), c(1, 50), c(1, 10), 1],
    ]);
    expect(report.namespaces).toEqual([
      {
        ns: '',
        groups: 2,
        snapshots: 3,
        referencedBytes: 290,
        distinct: c(5, 150),
        unique: c(5, 150),
        shared: c(0, 0),
      },
    ]);
    expect(report.owners[0]).toMatchObject({ owner: 'alice', groups: 2, distinct: c(5, 150), unique: c(5, 150) });
    expect(report.datastore).toMatchObject({ distinct: c(5, 150), referencedBytes: 290, snapshots: 3, skipped: [] });
  });

  it('shares most with: the one chunk the groups have in common', async () => {
    const [, engine] = await run(input);
    expect((await sharesMostWith(engine)).partners).toEqual([[{ group: 1, ...c(1, 10) }], [{ group: 0, ...c(1, 10) }]]);
  });

  it('a selection chosen afterwards', async () => {
    const [, engine] = await run(input);
    const newest = await selectionSpace(engine, (s) => s.id === '100' && s.time === 2);
    expect([newest.distinct, newest.unique, newest.shared, newest.snapshots]).toEqual([
      c(3, 70),
      c(1, 40),
      c(2, 30),
      1,
    ]);
    const both = await selectionSpace(engine, (s) => s.time === 1);
    // a, b, c, e; b stays referenced by 100/2 and a by both
    expect([both.distinct, both.unique, both.shared]).toEqual([c(4, 110), c(2, 80), c(2, 30)]);
  });

  it('GC figures: compression, dedup, estimated disk bytes', async () => {
    const [, engine] = await run(input);
    const report = spaceReport(engine, { indexDataBytes: 290, diskBytes: 75 });
    expect(report.datastore.gc).toEqual({ indexDataBytes: 290, diskBytes: 75, compression: 0.5, dedup: 290 / 150 });
    expect(estimateDiskBytes(90, report.datastore)).toEqual({ bytes: 45, low: 33, high: 57 });
    expect(estimateDiskBytes(90, spaceReport(engine).datastore)).toBeUndefined();
  });
});

describe('a chunk in nine groups', () => {
  // z in groups 1–9, x in 1–8, y in 1 and 2; every group also has one chunk of its own.
  const input = Array.from({ length: 9 }, (_, k) => {
    const g = k + 1;
    const labels = ['z', `own${g}`, ...(g <= 8 ? ['x'] : []), ...(g <= 2 ? ['y'] : [])];
    return snap('', `vm/${g}`, 1, 'alice', labels);
  });

  it('z is shared by every group and unique only to the datastore', async () => {
    const [report] = await run(input);
    expect(report.groups.map((g) => g.unique.chunks)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(report.groups[0]?.shared).toEqual(c(3, 300));
    expect(report.groups[8]?.shared).toEqual(c(1, 100));
    expect(report.namespaces[0]?.unique).toEqual(c(12, 1200));
  });

  it('shares most with counts x (8 groups) and y, never z (9 groups)', async () => {
    const [, engine] = await run(input);
    const { partners } = await sharesMostWith(engine);
    expect(partners[0]).toEqual([
      { group: 1, ...c(2, 200) },
      { group: 2, ...c(1, 100) },
      { group: 3, ...c(1, 100) },
    ]);
    expect(partners[7]?.[0]).toEqual({ group: 0, ...c(1, 100) });
    expect(partners[8]).toEqual([]);
  });
});

describe('nested namespaces', () => {
  // p in '' and a; q in a and a/b; r in a/b and a/c; s in a/c and b; t in b; u in a/b and a-b.
  const input = [
    snap('', 'vm/1', 1, 'alice', ['p']),
    snap('a', 'vm/2', 1, 'alice', ['p', 'q']),
    snap('a/b', 'vm/3', 1, 'alice', ['q', 'r', 'u']),
    snap('a/c', 'vm/4', 1, 'alice', ['r', 's']),
    snap('b', 'ct/5', 1, 'alice', ['s', 't']),
    snap('a-b', 'vm/6', 1, 'alice', ['u']),
  ];

  it('a namespace with its children: distinct, unique, shared', async () => {
    const [report] = await run(input);
    expect(report.namespaces.map((n) => [n.ns, n.groups, n.distinct, n.unique, n.shared])).toEqual([
      ['', 6, c(6, 63), c(6, 63), c(0, 0)],
      ['a', 3, c(5, 47), c(2, 6), c(3, 41)],
      ['a/b', 1, c(3, 38), c(0, 0), c(3, 38)],
      ['a/c', 1, c(2, 12), c(0, 0), c(2, 12)],
      ['a-b', 1, c(1, 32), c(0, 0), c(1, 32)],
      ['b', 1, c(2, 24), c(1, 16), c(1, 8)],
    ]);
  });
});

describe('owners', () => {
  it('an owner with groups in two namespaces', async () => {
    const [report] = await run([
      snap('x', 'vm/1', 1, 'alice', ['a', 'b']),
      snap('y', 'vm/2', 1, 'alice', ['b', 'c']),
      snap('x', 'vm/3', 1, 'bob', ['c', 'd']),
      snap('y', 'ct/4', 1, 'bob', ['e']),
    ]);
    expect(report.owners.map((o) => [o.owner, o.groups, o.distinct, o.unique, o.shared])).toEqual([
      ['alice', 2, c(3, 60), c(2, 30), c(1, 30)],
      ['bob', 2, c(3, 120), c(2, 90), c(1, 30)],
    ]);
    expect(report.namespaces.find((n) => n.ns === 'x')).toMatchObject({ distinct: c(4, 100), unique: c(2, 50) });
  });
});

describe('snapshots that vanish while they are read', () => {
  const input = () => [
    snap('', 'vm/1', 1, 'alice', ['a', 'b']),
    vanishing('', 'vm/1', 2, ['gone-only', 'c'], 'gone'),
    snap('', 'vm/1', 3, 'alice', ['a', 'c']),
    vanishing('', 'vm/2', 1, ['404-only'], '404'),
    snap('', 'vm/2', 2, 'alice', ['c']),
  ];

  it('are skipped and counted; what they had read counts nowhere', async () => {
    const progress: Progress[] = [];
    const engine = new SpaceEngine(input());
    await engine.run({ onProgress: (p) => progress.push(p) });
    const report = spaceReport(engine);
    expect(report.datastore.skipped.map((s) => `${s.id}/${s.time}`)).toEqual(['1/2', '2/1']);
    expect(report.datastore).toMatchObject({ distinct: c(3, 60), snapshots: 3 });
    expect(progress.at(-1)).toMatchObject({ done: 5, total: 5, skipped: 2 });
    expect(report.groups.map((g) => [g.id, g.snapshots, g.distinct, g.unique])).toEqual([
      ['1', 2, c(3, 60), c(2, 30)],
      ['2', 1, c(1, 30), c(0, 0)],
    ]);
  });

  it('added compares with the next-older snapshot that exists; the oldest adds everything', async () => {
    const [report] = await run(input());
    expect(report.snapshots.map((s) => [`${s.id}/${s.time}`, s.added])).toEqual([
      ['1/1', c(2, 30)],
      ['1/3', c(1, 30)],
      ['2/2', c(1, 30)],
    ]);
  });

  it('a chunk that left and came back counts as added again', async () => {
    const [report] = await run([
      snap('', 'vm/1', 1, 'alice', ['a', 'b']),
      snap('', 'vm/1', 2, 'alice', ['a']),
      snap('', 'vm/1', 3, 'alice', ['a', 'b']),
    ]);
    expect(report.snapshots.map((s) => s.added)).toEqual([c(2, 30), c(0, 0), c(1, 20)]);
  });

  it('any other failure ends the run; the figures so far stay whole', async () => {
    const broken: SnapshotInput = {
      ...snap('', 'vm/1', 2, 'alice'),
      files: () => [{ name: 'x.didx', data: new Uint8Array(9) }],
    };
    const engine = new SpaceEngine([snap('', 'vm/1', 1, 'alice', ['a']), broken, snap('', 'vm/1', 3, 'alice', ['b'])]);
    await expect(engine.run()).rejects.toThrow('vm/1/1970-01-01T00:00:02Z/x.didx is not a PBS index file');
    expect(spaceReport(engine).datastore).toMatchObject({ distinct: c(1, 10), snapshots: 1 });
  });

  it('stops when asked', async () => {
    const stop = new AbortController();
    const engine = new SpaceEngine([snap('', 'vm/1', 1, 'alice', ['a']), snap('', 'vm/1', 2, 'alice', ['b'])]);
    await expect(engine.run({ signal: stop.signal, onProgress: () => stop.abort() })).rejects.toThrow();
    expect(spaceReport(engine).datastore.snapshots).toBe(1);
  });
});

describe('fixed indexes and streamed downloads', () => {
  it('a VM disk whose last chunk is short, downloaded in pieces', async () => {
    const disk = fidx(['zero', 'zero', 'tail'], 2 * 4096 + 5, 4096);
    async function* pieces(): AsyncGenerator<Uint8Array> {
      for (let at = 0; at < disk.length; at += 1000) yield disk.subarray(at, at + 1000);
    }
    const streamed: SnapshotInput = {
      ...snap('', 'vm/1', 1, 'alice'),
      files: () => [{ name: 'd.img.fidx', data: pieces() }],
    };
    const engine = new SpaceEngine([streamed, snap('', 'vm/1', 2, 'alice', fidx(['zero'], 4096, 4096))]);
    await engine.run();
    const report = spaceReport(engine);
    expect(report.snapshots.map((s) => [s.distinct, s.added, s.unique, s.referencedBytes])).toEqual([
      [c(2, 4101), c(2, 4101), c(1, 5), 8197],
      [c(1, 4096), c(0, 0), c(0, 0), 4096],
    ]);
    expect(engine.bytesRead).toBe(disk.length + 4096 + 32);
  });
});
