// Usage history and `estimated-full-date`, as PBS's /status/datastore-usage computes them: the month RRD
// (30-minute slots) of used/(used+available), and a least-squares line through it extrapolated to 1.0.
import type { Datastore } from './datastore';

export const HISTORY_DELTA = 1800;
const HISTORY_POINTS = 1440;

export interface UsageHistory {
  history: (number | null)[];
  start: number;
  delta: number;
}

export function usageHistory(store: Datastore, now: number): UsageHistory {
  const end = Math.floor(now / HISTORY_DELTA) * HISTORY_DELTA;
  const start = end - (HISTORY_POINTS - 1) * HISTORY_DELTA;
  const history: (number | null)[] = [];
  for (let i = 0; i < HISTORY_POINTS; i++) {
    const t = Math.min(start + i * HISTORY_DELTA + HISTORY_DELTA / 2, now);
    const used = t < store.createdAt ? null : store.usedAt(t);
    history.push(used === null ? null : used / store.total);
  }
  return { history, start, delta: HISTORY_DELTA };
}

/** PBS's rule: ≥ 7 points or no estimate; a flat line gives 0 ("never"); otherwise where the line reaches 1.0. */
export function estimateFullDate(u: UsageHistory): number | undefined {
  const xs: number[] = [];
  const ys: number[] = [];
  u.history.forEach((v, i) => {
    if (v === null) return;
    xs.push(u.start + i * u.delta);
    ys.push(v);
  });
  if (xs.length < 7) return undefined;
  const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
  const my = ys.reduce((s, y) => s + y, 0) / ys.length;
  let cov = 0;
  let varx = 0;
  xs.forEach((x, i) => {
    cov += (x - mx) * ((ys[i] ?? 0) - my);
    varx += (x - mx) * (x - mx);
  });
  const b = cov / varx;
  const a = my - b * mx;
  if (!Number.isFinite(b)) return undefined;
  if (b === 0) return 0;
  return Math.floor((1 - a) / b);
}
