import { formatDateTime, formatRelative, type DateTimeOptions } from './format-time';

/*
 * PBS's `estimated-full-date` (GET /status/datastore-usage) is a linear fit of the last month's
 * usage: absent with too few data points, 0 when usage is flat, in the past when usage shrinks.
 * Only a future date is a real estimate.
 */

export type EstimatedFull =
  { kind: 'full' } | { kind: 'not-enough-data' } | { kind: 'never' } | { kind: 'date'; epoch: number };

export interface EstimateInput {
  'estimated-full-date'?: number;
  avail?: number;
}

/** Interprets the estimate as PBS's own UI does; `now` is the server's epoch seconds. */
export function interpretEstimatedFull(item: EstimateInput, now: number): EstimatedFull {
  // A store without free space is full whatever the regression says.
  if (item.avail === 0) return { kind: 'full' };
  const date = item['estimated-full-date'];
  if (date === undefined) return { kind: 'not-enough-data' };
  if (!Number.isFinite(date) || date <= now) return { kind: 'never' };
  return { kind: 'date', epoch: date };
}

/** `Full`, `Not enough data`, `Never` or `in 3 months`. */
export function describeEstimatedFull(estimate: EstimatedFull, now: number): string {
  switch (estimate.kind) {
    case 'full':
      return 'Full';
    case 'not-enough-data':
      return 'Not enough data';
    case 'never':
      return 'Never';
    case 'date':
      return formatRelative(estimate.epoch, now);
  }
}

/** Hover text for a dated estimate; empty for the other kinds. */
export function estimatedFullTitle(estimate: EstimatedFull, options: DateTimeOptions = {}): string {
  return estimate.kind === 'date' ? formatDateTime(estimate.epoch, { withZone: true, ...options }) : '';
}
