import type { DatastoreUsageItem } from '@/api/schemas/datastore';
import type { GcJobStatus } from '@/api/schemas/gc';
import type { TaskListItem } from '@/api/schemas/tasks';
import type { VerifyJobStatus } from '@/api/schemas/verify';
import { storeBadgeState, type BadgeVerdict } from '@/lib/badge-state';
import { taskStatusKind } from '@/lib/task-status';

/** Everything a tile shows about one datastore, from the few lists the embed polls. */
export interface StoreSummary {
  usage: DatastoreUsageItem;
  verdict: BadgeVerdict;
  lastGc: { end: number; state: string } | { running: number } | null;
  lastVerify: { end: number; ok: boolean } | null;
}

const storeOf = (t: TaskListItem) => t.worker_id?.split(':')[0] ?? null;

export function summarizeStore(
  usage: DatastoreUsageItem,
  tasks: TaskListItem[],
  gcJobs: GcJobStatus[],
  verifyJobs: VerifyJobStatus[],
  now: number,
): StoreSummary {
  const store = usage.store;
  const mine = tasks.filter((t) => storeOf(t) === store);
  const running = mine.find((t) => t.worker_type === 'garbage_collection' && t.endtime === undefined);
  const gcJob = gcJobs.find((j) => j.store === store);
  const gcTask = mine.find((t) => t.worker_type === 'garbage_collection' && t.endtime !== undefined);
  const gcEnd = gcJob?.['last-run-endtime'] ?? gcTask?.endtime;
  const lastGc = running
    ? { running: running.starttime }
    : gcEnd !== undefined
      ? { end: gcEnd, state: gcJob?.['last-run-state'] ?? gcTask?.status ?? 'unknown' }
      : null;

  const verifies = [
    ...verifyJobs
      .filter((j) => j.store === store)
      .map((j) => ({ end: j['last-run-endtime'], state: j['last-run-state'] })),
    ...mine.filter((t) => t.worker_type.startsWith('verif')).map((t) => ({ end: t.endtime, state: t.status })),
  ].filter((v): v is { end: number; state: string | undefined } => v.end !== undefined);
  const newest = verifies.reduce<(typeof verifies)[number] | null>((a, v) => (!a || v.end > a.end ? v : a), null);
  const lastVerify = newest ? { end: newest.end, ok: taskStatusKind(newest.state) !== 'error' } : null;

  return { usage, verdict: storeBadgeState(usage, tasks, verifyJobs, now), lastGc, lastVerify };
}

/** Tasks that ended in an error within the last `seconds`. */
export function failedSince(tasks: TaskListItem[], now: number, seconds = 86_400): TaskListItem[] {
  return tasks.filter(
    (t) => t.endtime !== undefined && now - t.endtime <= seconds && taskStatusKind(t.status) === 'error',
  );
}
