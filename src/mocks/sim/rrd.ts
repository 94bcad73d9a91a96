// RRD series with PBS's resolutions; a metric is omitted in slots without data (before the store existed).
import type { RrdCf, RrdRow, RrdTimeframe } from './types';

export const RRD_FRAMES: Record<RrdTimeframe, [resolution: number, points: number]> = {
  hour: [60, 60],
  day: [60, 1440],
  week: [1800, 336],
  month: [1800, 1440],
  year: [21600, 1460],
  decade: [604800, 520],
};

export type Sampler = (t: number, res: number, cf: RrdCf) => Record<string, number> | null;

export function rrdRows(now: number, timeframe: RrdTimeframe, cf: RrdCf, sample: Sampler): RrdRow[] {
  const [res, points] = RRD_FRAMES[timeframe];
  const end = Math.floor(now / res) * res;
  const rows: RrdRow[] = [];
  for (let i = points - 1; i >= 0; i--) {
    const t = end - i * res;
    const v = sample(t, res, cf);
    rows.push({ time: t, ...(v ?? {}) } as RrdRow);
  }
  return rows;
}

/** Smooth deterministic noise in [0,1) for a series key and time. */
export function wave(seed: number, key: number, t: number): number {
  const x = Math.sin((t / 3600) * 0.7 + key * 1.3 + seed * 0.001) * 0.5 + Math.sin((t / 600) * 0.37 + key) * 0.3;
  return Math.min(0.999, Math.max(0, 0.5 + x * 0.6));
}
