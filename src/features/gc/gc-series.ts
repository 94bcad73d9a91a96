// Shapes past GC runs (task list rows plus what their logs say) into chart rows.
import type { ChartPoint } from '@/components/ui/chart-types';
import { hasGcSummary, type GcLogSummary } from '@/lib/gc-log';

export interface GcRun {
  upid: string;
  starttime: number;
  endtime?: number;
  /** task status: absent while it runs */
  status?: string;
  /** what the log says, once it was read */
  summary?: GcLogSummary;
}

export interface GcHistoryRow {
  upid: string;
  time: number;
  duration?: number;
  removed: number;
  pending: number;
  dedup: number;
  status?: string;
  schedule?: string;
}

/**
 * Finished runs whose log holds the summary, oldest first. Runs that failed before printing it (or
 * whose log is not read yet) are left out rather than drawn as zero.
 */
export function gcHistoryRows(runs: readonly GcRun[]): GcHistoryRow[] {
  const seen = new Set<string>();
  const rows: GcHistoryRow[] = [];
  for (const run of runs) {
    const s = run.summary;
    if (seen.has(run.upid) || run.endtime === undefined || !s || !hasGcSummary(s)) continue;
    seen.add(run.upid);
    const end = s.end ?? run.endtime;
    rows.push({
      upid: run.upid,
      time: end,
      duration: s.start !== undefined && s.end !== undefined ? s.end - s.start : run.endtime - run.starttime,
      removed: s.removedBytes ?? 0,
      pending: s.pendingBytes,
      dedup: s.dedupFactor ?? 1,
      ...(run.status !== undefined && { status: run.status }),
      ...(s.schedule !== undefined && { schedule: s.schedule }),
    });
  }
  return rows.sort((a, b) => a.time - b.time);
}

/** Removed and pending bytes per run, for an area chart in bytes. */
export function gcBytesSeries(rows: readonly GcHistoryRow[]): ChartPoint[] {
  return rows.map((r) => ({ time: r.time, removed: r.removed, pending: r.pending }));
}

/** Deduplication factor after each run, for a line chart. */
export function gcDedupSeries(rows: readonly GcHistoryRow[]): ChartPoint[] {
  return rows.map((r) => ({ time: r.time, dedup: r.dedup }));
}
