import type { GroupSpace, SnapshotSpace, SpaceReport } from '@/lib/space/types';
import { byteTicks, groupGrowth, spaceSplit } from './space-charts';

const space = (bytes: number) => ({ chunks: bytes / 10, bytes });

function group(id: string, unique: number, ns = ''): GroupSpace {
  return {
    ns,
    type: 'vm',
    id,
    owner: 'root@pam',
    snapshots: 1,
    distinct: space(unique + 100),
    unique: space(unique),
    shared: space(100),
    referencedBytes: unique + 100,
  };
}

function snapshot(id: string, time: number, added: number): SnapshotSpace {
  const s = space(added);
  return { ns: '', type: 'vm', id, time, owner: 'root@pam', distinct: s, added: s, unique: s, referencedBytes: added };
}

function report(groups: GroupSpace[], distinct: number, gc = false, snapshots: SnapshotSpace[] = []): SpaceReport {
  return {
    datastore: {
      distinct: space(distinct),
      referencedBytes: distinct * 2,
      snapshots: snapshots.length,
      skipped: [],
      sizeConflicts: 0,
      // 1000 bytes on disk for the distinct bytes
      ...(gc ? { gc: { indexDataBytes: distinct * 2, diskBytes: 1000, compression: 1000 / distinct, dedup: 2 } } : {}),
    },
    snapshots,
    groups,
    namespaces: [],
    owners: [],
  };
}

describe('spaceSplit', () => {
  it('names the eight largest groups, sums the rest and counts what groups share', () => {
    // groups holding 10, 20, … 100 bytes alone: 550 in all; 1000 distinct, so 450 shared
    const groups = Array.from({ length: 10 }, (_, i) => group(String(100 + i), (i + 1) * 10, i === 9 ? 'dept' : ''));
    const split = spaceSplit(report(groups, 1000));
    expect(split.segments.map((s) => [s.label, s.bytes])).toEqual([
      ['vm/109 in dept', 100],
      ['vm/108', 90],
      ['vm/107', 80],
      ['vm/106', 70],
      ['vm/105', 60],
      ['vm/104', 50],
      ['vm/103', 40],
      ['vm/102', 30],
      ['2 other groups', 30],
      ['Shared by several groups', 450],
    ]);
    expect(split.total).toBe(1000);
    expect(split.unexplainedDiskBytes).toBeUndefined();
  });

  it('leaves out empty parts', () => {
    const split = spaceSplit(report([group('a', 0), group('b', 300)], 300));
    expect(split.segments.map((s) => s.label)).toEqual(['vm/b']);
  });

  it("counts the used bytes GC's figures do not explain, only with GC figures and only when positive", () => {
    const groups = [group('a', 100)];
    expect(spaceSplit(report(groups, 400, true), 1300).unexplainedDiskBytes).toBe(300);
    expect(spaceSplit(report(groups, 400, true), 900).unexplainedDiskBytes).toBeUndefined();
    expect(spaceSplit(report(groups, 400, true)).unexplainedDiskBytes).toBeUndefined();
    expect(spaceSplit(report(groups, 400, false), 1300).unexplainedDiskBytes).toBeUndefined();
  });
});

describe('groupGrowth', () => {
  it("gives the group's backups oldest first, with what each added", () => {
    const snaps = [snapshot('a', 300, 30), snapshot('b', 200, 99), snapshot('a', 100, 10), snapshot('a', 200, 20)];
    expect(groupGrowth(report([], 0, false, snaps), { ns: '', type: 'vm', id: 'a' })).toEqual([
      { time: 100, added: 10, chunks: 1 },
      { time: 200, added: 20, chunks: 2 },
      { time: 300, added: 30, chunks: 3 },
    ]);
  });
});

describe('byteTicks', () => {
  const GiB = 1024 ** 3;
  const MiB = 1024 ** 2;
  it('steps in round figures of one unit, up to the largest value', () => {
    expect(byteTicks(100 * GiB)).toEqual([0, 25, 50, 75, 100].map((n) => n * GiB));
    expect(byteTicks(101 * GiB)).toEqual([0, 50, 100, 150].map((n) => n * GiB));
    expect(byteTicks(900 * MiB)).toEqual([0, 250, 500, 750, 1000].map((n) => n * MiB));
    expect(byteTicks(3000)).toEqual([0, 1024, 2048, 3072]);
    expect(byteTicks(600)).toEqual([0, 200, 400, 600]);
    expect(byteTicks(0)).toEqual([0]);
  });
});
