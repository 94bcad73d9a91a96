import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiGet, apiPath, apiPost, isPbsError } from '@/api/client';
import { upidSchema } from '@/api/schemas/common';
import { gcJobListSchema } from '@/api/schemas/gc';
import { pruneJobStatusListSchema, syncJobStatusListSchema } from '@/api/schemas/jobs';
import { verifyJobStatusListSchema } from '@/api/schemas/verify';
import type { JobKind } from './job-rows';

/*
 * Idle budget of the jobs page: the four lists once a minute (4 requests/minute). While a run is
 * under way its list is read every 5 s so the result shows when the task ends.
 */
export const JOBS_POLL = { idle: 60_000, running: 5_000 } as const;

interface ScheduleStatusLike {
  'last-run-upid'?: string;
  'last-run-state'?: string;
}

/** A list PBS refuses (403) or does not have (404, an older server) is shown as unavailable, not as a failed page. */
export type JobListResult<T> = { available: true; jobs: T } | { available: false; reason: string };

async function readList<S extends z.ZodType<ScheduleStatusLike[]>>(
  path: string,
  schema: S,
  store: string | undefined,
  signal: AbortSignal,
): Promise<JobListResult<z.output<S>>> {
  try {
    return { available: true, jobs: await apiGet(path, schema, store ? { store } : undefined, { signal }) };
  } catch (e) {
    if (isPbsError(e, 403) || isPbsError(e, 404)) return { available: false, reason: e.message };
    throw e;
  }
}

// A run is under way when PBS names its task but no result yet.
const isRunning = (data: JobListResult<ScheduleStatusLike[]> | undefined) =>
  data?.available === true && data.jobs.some((j) => j['last-run-upid'] !== undefined && j['last-run-state'] === undefined);

function listQuery<S extends z.ZodType<ScheduleStatusLike[]>>(kind: JobKind, path: string, schema: S, store: string | undefined) {
  // eslint-disable-next-line @tanstack/query/exhaustive-deps -- path and schema follow from kind
  return queryOptions({
    queryKey: ['jobs', kind, { store: store ?? null }],
    queryFn: ({ signal }) => readList(path, schema, store, signal),
    refetchInterval: (query) => (isRunning(query.state.data) ? JOBS_POLL.running : JOBS_POLL.idle),
  });
}

export const jobQueries = {
  gc: (store?: string) => listQuery('gc', '/admin/gc', gcJobListSchema, store),
  verify: (store?: string) => listQuery('verify', '/admin/verify', verifyJobStatusListSchema, store),
  prune: (store?: string) => listQuery('prune', '/admin/prune', pruneJobStatusListSchema, store),
  sync: (store?: string) => listQuery('sync', '/admin/sync', syncJobStatusListSchema, store),
};

/** The POST that starts a job now; GC has no job endpoint and starts through the datastore. */
export function runJobPath(kind: JobKind, id: string): string {
  switch (kind) {
    case 'gc':
      return apiPath`/admin/datastore/${id}/gc`;
    case 'verify':
      return apiPath`/admin/verify/${id}/run`;
    case 'prune':
      return apiPath`/admin/prune/${id}/run`;
    case 'sync':
      return apiPath`/admin/sync/${id}/run`;
  }
}

export const jobMutations = {
  run: () => ({
    mutationKey: ['jobs'],
    mutationFn: ({ kind, id }: { kind: JobKind; id: string }) => apiPost(runJobPath(kind, id), upidSchema),
    // a prune run removes snapshots; any run changes the task list
    meta: { invalidates: [['verify'], ['tasks'], ['gc'], ['content'], ['datastores']] },
  }),
};
