import type { GcJobStatus } from '@/api/schemas/gc';
import type { PruneJobStatus, SyncJobStatus } from '@/api/schemas/jobs';
import type { VerifyJobStatus } from '@/api/schemas/verify';
import { parseUpid } from '@/api/upid';
import { taskStatusKind, type TaskStatusKind } from '@/lib/task-status';

export type JobKind = 'gc' | 'verify' | 'prune' | 'sync';

export const KIND_LABEL: Record<JobKind, string> = {
  gc: 'Garbage collection',
  verify: 'Verify',
  prune: 'Prune',
  sync: 'Sync',
};

/** One row of the jobs table, whatever its kind. */
export interface JobRow {
  kind: JobKind;
  /** The job id; for GC (one per datastore) the datastore. */
  id: string;
  store: string;
  ns: string;
  schedule?: string;
  disabled: boolean;
  comment?: string;
  /** Sync: where it pulls from, `remote:store` or the local store. */
  source?: string;
  nextRun?: number;
  lastUpid?: string;
  lastStart?: number;
  lastEnd?: number;
  lastState?: string;
  /** The last run's result; `running` while a run is under way, null when it never ran. */
  result: TaskStatusKind | null;
  overdue: boolean;
  /** Sync: the owner of what it pulls (absent: root@pam) and whether it removes vanished snapshots, which PBS's run check reads */
  owner?: string;
  removeVanished?: boolean;
  /** Sync: the remote and its datastore it pulls from (no remote: a local datastore), for the run check's Remote.Read */
  remote?: string;
  remoteStore?: string;
}

// The proxy checks schedules once a minute; a job whose next run is longer ago than this did not start.
const OVERDUE_GRACE = 5 * 60;

interface ScheduleStatus {
  'next-run'?: number;
  'last-run-upid'?: string;
  'last-run-state'?: string;
  'last-run-endtime'?: number;
}

function runFields(s: ScheduleStatus, now: number, disabled = false) {
  const upid = s['last-run-upid'];
  const start = upid ? parseUpid(upid)?.starttime : undefined;
  const state = s['last-run-state'];
  const result: TaskStatusKind | null = state !== undefined ? taskStatusKind(state) : upid ? 'running' : null;
  const next = s['next-run'];
  return {
    ...(next !== undefined && { nextRun: next }),
    ...(upid !== undefined && { lastUpid: upid }),
    ...(start !== undefined && { lastStart: start }),
    ...(s['last-run-endtime'] !== undefined && { lastEnd: s['last-run-endtime'] }),
    ...(state !== undefined && { lastState: state }),
    result,
    overdue: !disabled && result !== 'running' && next !== undefined && next + OVERDUE_GRACE < now,
  };
}

export function gcRow(job: GcJobStatus, now: number): JobRow {
  const upid = job.upid ?? undefined;
  return {
    kind: 'gc',
    id: job.store,
    store: job.store,
    ns: '',
    schedule: job.schedule,
    disabled: false,
    ...runFields(
      {
        'next-run': job['next-run'],
        'last-run-upid': upid,
        'last-run-state': job['last-run-state'],
        'last-run-endtime': job['last-run-endtime'],
      },
      now,
    ),
  };
}

export function verifyRow(job: VerifyJobStatus, now: number): JobRow {
  return {
    kind: 'verify',
    id: job.id,
    store: job.store,
    ns: job.ns ?? '',
    schedule: job.schedule,
    comment: job.comment,
    disabled: false,
    ...runFields(job, now),
  };
}

export function pruneRow(job: PruneJobStatus, now: number): JobRow {
  const disabled = job.disable ?? false;
  return {
    kind: 'prune',
    id: job.id,
    store: job.store,
    ns: job.ns ?? '',
    schedule: job.schedule,
    comment: job.comment,
    disabled,
    ...runFields(job, now, disabled),
  };
}

export function syncRow(job: SyncJobStatus, now: number): JobRow {
  const source = `${job.remote ?? 'local'}:${job['remote-store']}${job['remote-ns'] ? `/${job['remote-ns']}` : ''}`;
  return {
    kind: 'sync',
    id: job.id,
    store: job.store,
    ns: job.ns ?? '',
    schedule: job.schedule,
    comment: job.comment,
    source,
    disabled: false,
    ...(job.owner ? { owner: job.owner } : {}),
    ...(job['remove-vanished'] ? { removeVanished: true } : {}),
    ...(job.remote ? { remote: job.remote, remoteStore: job['remote-store'] } : {}),
    ...runFields(job, now),
  };
}

/** Failed first, then overdue, then running, then the rest; within a rank by datastore, kind and id. */
function rank(row: JobRow): number {
  if (row.result === 'error' || row.result === 'unknown') return 0;
  if (row.overdue) return 1;
  if (row.result === 'warning') return 2;
  if (row.result === 'running') return 3;
  return 4;
}

export function sortJobRows(rows: readonly JobRow[]): JobRow[] {
  return [...rows].sort(
    (a, b) =>
      rank(a) - rank(b) || a.store.localeCompare(b.store) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id),
  );
}

/** A stable key and accessible name for a row. */
export const rowKey = (row: JobRow) => `${row.kind}:${row.id}`;
export const rowName = (row: JobRow) =>
  row.kind === 'gc' ? `Garbage collection of ${row.store}` : `${KIND_LABEL[row.kind]} job ${row.id}`;
