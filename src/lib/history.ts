/*
 * The usage history of GET /status/datastore-usage: ratios 0..1 (or null for RRD slots without
 * data), one every `history-delta` seconds from `history-start`. PBS's dashboard carries the last
 * known value over null slots; leading nulls stay null (no data yet).
 */

export interface HistoryPoint {
  /** Slot start, epoch seconds. */
  time: number;
  /** Usage ratio 0..1; null before the first known value. */
  value: number | null;
  /** True when the slot had no data and shows the previous value. */
  carried: boolean;
}

export function usageHistoryPoints(
  history: readonly (number | null)[] | undefined,
  start: number | undefined,
  delta: number | undefined,
): HistoryPoint[] {
  if (!history || start === undefined || !delta || delta <= 0) return [];
  let last: number | null = null;
  return history.map((raw, index) => {
    const known = raw !== null && Number.isFinite(raw);
    if (known) last = raw;
    return { time: start + index * delta, value: last, carried: !known && last !== null };
  });
}
