import type { DatastoreRrdRow } from '@/api/schemas/datastore';
import type { ChartPoint } from '@/components/ui/chart-types';

export interface RrdSeries {
  usage: ChartPoint[];
  transfer: ChartPoint[];
  iops: ChartPoint[];
  /** null when the datastore reports no io_ticks (ZFS): the IO delay chart is then hidden. */
  ioDelay: ChartPoint[] | null;
}

const val = (v: number | undefined) => (v === undefined ? null : v);

/** IO delay in ms per operation, as PBS's own UI computes it. */
export function ioDelayMs(row: DatastoreRrdRow): number | null {
  if (row.io_ticks === undefined) return null;
  const ops = (row.read_ios ?? 0) + (row.write_ios ?? 0);
  return ops > 0 ? (row.io_ticks * 1000) / ops : 0;
}

/** Shapes RRD rows into chart series; a metric missing from a slot stays a gap, not a zero. */
export function rrdSeries(rows: DatastoreRrdRow[]): RrdSeries {
  const hasTicks = rows.some((r) => r.io_ticks !== undefined);
  return {
    usage: rows.map((r) => ({
      time: r.time,
      total: r.used !== undefined && r.available !== undefined ? r.used + r.available : null,
      used: val(r.used),
    })),
    transfer: rows.map((r) => ({ time: r.time, read: val(r.read_bytes), write: val(r.write_bytes) })),
    iops: rows.map((r) => ({ time: r.time, read: val(r.read_ios), write: val(r.write_ios) })),
    ioDelay: hasTicks ? rows.map((r) => ({ time: r.time, delay: ioDelayMs(r) })) : null,
  };
}
