import type { TaskListItem } from '@/api/schemas/tasks';
import { taskStatusKind } from '@/lib/task-status';

/*
 * "Failures are loud": a failed verify, garbage collection, prune or sync, anywhere, until the
 * user says they have seen it. One request finds them: PBS's `errors` (everything not OK) since a
 * day a week before the last acknowledgement, narrowed here to job kinds that ended in an error.
 * The week's margin catches long jobs that started before the acknowledgement and failed after it;
 * `since` is rounded to a day so the query stays the same between polls.
 */

const JOB_TYPES = new Set([
  'verify',
  'verify_group',
  'verify_snapshot',
  'verificationjob',
  'garbage_collection',
  'prune',
  'prunejob',
  'syncjob',
  'sync',
]);

const DAY = 86_400;
const MARGIN = 7 * DAY;

/** The `since` of the failure query for a user who acknowledged up to `seenUntil` (epoch) or never. */
export function failureSince(seenUntil: number | null, now: number): number {
  const from = (seenUntil ?? now) - MARGIN;
  return from - (from % DAY);
}

/** The job tasks that failed and ended after `seenUntil`, newest first. */
export function unseenFailures(rows: readonly TaskListItem[], seenUntil: number | null): TaskListItem[] {
  return rows
    .filter((t) => JOB_TYPES.has(t.worker_type) && t.endtime !== undefined && taskStatusKind(t.status) === 'error')
    .filter((t) => seenUntil === null || (t.endtime ?? 0) > seenUntil)
    .sort((a, b) => (b.endtime ?? 0) - (a.endtime ?? 0));
}

/** What "mark all seen" records: the end of the newest failure shown, so one that lands meanwhile stays. */
export function seenMark(shown: readonly TaskListItem[], previous: number | null): number | null {
  return shown.reduce<number | null>((max, t) => Math.max(max ?? 0, t.endtime ?? 0), previous);
}
