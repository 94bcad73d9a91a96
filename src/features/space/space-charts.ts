// What the space view's charts draw, shaped from a space report: the datastore's split between what each group
// holds alone and what groups share, and one group's growth backup by backup.
import { estimateDiskBytes } from '@/lib/space/report';
import type { GroupSpace, SnapshotSpace, SpaceReport } from '@/lib/space/types';

/** How many groups the split names; the rest are summed as "other groups". */
export const SPLIT_TOP_GROUPS = 8;

export interface SplitSegment {
  key: string;
  label: string;
  /** logical bytes */
  bytes: number;
}

export interface Split {
  /** logical bytes; they add up to the datastore's distinct logical bytes */
  segments: SplitSegment[];
  total: number;
  /**
   * On-disk bytes the datastore uses beyond the account's estimate (used − GC's disk bytes as the account spreads
   * them): other files on the datastore's file system, its metadata, chunks GC has not removed yet, and the
   * estimate's own error. Only with GC figures and the datastore's used bytes, and only when positive.
   */
  unexplainedDiskBytes?: number;
}

export const groupLabel = (g: Pick<GroupSpace, 'ns' | 'type' | 'id'>) =>
  g.ns ? `${g.type}/${g.id} in ${g.ns}` : `${g.type}/${g.id}`;

export const sameGroup = (a: Pick<GroupSpace, 'ns' | 'type' | 'id'>, b: Pick<GroupSpace, 'ns' | 'type' | 'id'>) =>
  a.ns === b.ns && a.type === b.type && a.id === b.id;

/**
 * The datastore's distinct logical bytes split into what the largest groups hold alone (the top eight by unique
 * bytes, the rest summed) and what is shared: distinct chunks referenced by more than one group, the distinct bytes
 * less every group's unique bytes. Empty parts are left out.
 */
export function spaceSplit(report: SpaceReport, usedBytes?: number): Split {
  const ranked = [...report.groups].sort((a, b) => b.unique.bytes - a.unique.bytes);
  const segments: SplitSegment[] = ranked.slice(0, SPLIT_TOP_GROUPS).map((g, i) => ({
    key: `group-${i}`,
    label: groupLabel(g),
    bytes: g.unique.bytes,
  }));
  const rest = ranked.slice(SPLIT_TOP_GROUPS);
  const restBytes = rest.reduce((sum, g) => sum + g.unique.bytes, 0);
  if (rest.length) segments.push({ key: 'other', label: `${rest.length} other groups`, bytes: restBytes });
  const uniqueSum = ranked.reduce((sum, g) => sum + g.unique.bytes, 0);
  const total = report.datastore.distinct.bytes;
  segments.push({ key: 'shared', label: 'Shared by several groups', bytes: Math.max(0, total - uniqueSum) });
  const split: Split = { segments: segments.filter((s) => s.bytes > 0), total };
  const accounted = estimateDiskBytes(total, report.datastore);
  if (accounted && usedBytes !== undefined && usedBytes > accounted.bytes)
    split.unexplainedDiskBytes = usedBytes - accounted.bytes;
  return split;
}

/** A group's finished snapshots, oldest first. */
export function groupSnapshots(report: SpaceReport, group: Pick<GroupSpace, 'ns' | 'type' | 'id'>): SnapshotSpace[] {
  return report.snapshots.filter((s) => sameGroup(s, group)).sort((a, b) => a.time - b.time);
}

export interface GrowthPoint {
  time: number;
  /** logical bytes of chunks not in the next-older snapshot */
  added: number;
  chunks: number;
}

/** Bytes each backup of the group added, oldest first. */
export function groupGrowth(report: SpaceReport, group: Pick<GroupSpace, 'ns' | 'type' | 'id'>): GrowthPoint[] {
  return groupSnapshots(report, group).map((s) => ({ time: s.time, added: s.added.bytes, chunks: s.added.chunks }));
}

/**
 * Round ticks for a byte axis from 0 to at least `max`: steps of 1, 2, 2.5 or 5 times a power of ten of one IEC
 * unit (25 GiB, 500 MiB), so the axis reads as the figures beside it do; about `count` steps.
 */
export function byteTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0];
  let unit = 1;
  while (max / unit >= 1024) unit *= 1024;
  const rough = max / unit / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power * unit;
  const ticks = [0];
  while ((ticks.at(-1) ?? 0) < max) ticks.push(ticks.length * step);
  return ticks;
}
