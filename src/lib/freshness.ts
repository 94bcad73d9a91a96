import type { OtherText } from './item-error';

// When a guest's backups count as stale and a verification as outdated: the rules the content view,
// the guests page and the dashboard share.

/** Nightly backups plus a grace of half a day: a guest without a backup for this long has missed one. */
export const STALE_AFTER_SECONDS = 36 * 3600;
/** The official UI suggests re-verifying after 30 days; an older "ok" is shown as outdated. */
export const VERIFY_OUTDATED_DAYS = 30;

export function isStale(lastBackup: number | undefined, now: number, staleAfter = STALE_AFTER_SECONDS): boolean {
  return lastBackup === undefined || now - lastBackup > staleAfter;
}

/** `other`: a state PBS Deck does not know (a newer PBS's), shown as PBS wrote it. */
export type VerifyShown = 'ok' | 'failed' | 'none' | 'outdated' | 'other';

/**
 * A snapshot's verify state as shown: `verifiedAt` is when the verify ran (the start time in its UPID);
 * unknown time counts as fresh, since PBS itself keeps no other date.
 */
export function verifyShown(
  state: 'ok' | 'failed' | OtherText | undefined,
  verifiedAt: number | undefined,
  now: number,
  outdatedDays = VERIFY_OUTDATED_DAYS,
): VerifyShown {
  if (state === undefined) return 'none';
  if (state === 'failed') return 'failed';
  if (state !== 'ok') return 'other';
  if (verifiedAt !== undefined && now - verifiedAt > outdatedDays * 86400) return 'outdated';
  return 'ok';
}

export type Freshness = 'fresh' | 'late' | 'stale';

export interface FreshnessThresholds {
  /** seconds after the last backup from which the next one counts as late */
  lateAfter: number;
  /** seconds after the last backup from which the guest counts as stale */
  staleAfter: number;
}

/** Late once the next nightly backup is a couple of hours overdue; stale once it surely did not happen. */
export const DEFAULT_THRESHOLDS: FreshnessThresholds = { lateAfter: 26 * 3600, staleAfter: STALE_AFTER_SECONDS };

export function freshnessOf(
  lastBackup: number | undefined,
  now: number,
  t: FreshnessThresholds = DEFAULT_THRESHOLDS,
): Freshness {
  if (lastBackup === undefined || now - lastBackup > t.staleAfter) return 'stale';
  return now - lastBackup > t.lateAfter ? 'late' : 'fresh';
}
