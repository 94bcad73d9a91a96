/*
 * Datastore fill level. PBS's UI (and its usage history) use used / (used + avail), not
 * used / total: `avail` is what unprivileged writers can still use, and on ZFS and with reserved
 * blocks total ≠ used + avail.
 */

export const USAGE_WARN = 0.8;
export const USAGE_CRITICAL = 0.95;

export type UsageLevel = 'ok' | 'warn' | 'critical';

export interface UsageInput {
  used?: number;
  avail?: number;
  total?: number;
}

/** Ratio 0..1, or null when the store reported no sizes (an error entry). */
export function usageRatio({ used, avail, total }: UsageInput): number | null {
  if (used === undefined) return null;
  if (avail !== undefined && used + avail > 0) return used / (used + avail);
  if (total !== undefined && total > 0) return used / total;
  return avail === undefined && total === undefined ? null : 0;
}

export function usageLevel(ratio: number): UsageLevel {
  if (ratio >= USAGE_CRITICAL) return 'critical';
  if (ratio >= USAGE_WARN) return 'warn';
  return 'ok';
}

/** `42.1%` style text for a ratio. */
export function formatPercent(ratio: number, decimals = 1): string {
  return `${(ratio * 100).toFixed(decimals)}%`;
}
