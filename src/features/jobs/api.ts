import { apiPath, apiPost } from '@/api/client';
import { defaultServer } from '@/api/queries/default-server';
import { changes } from '@/api/queries/invalidation';
import { jobQueries as jobs, type JobListResult } from '@/api/queries/jobs';
import { upidSchema } from '@/api/schemas/common';
import type { JobKind } from './job-rows';

/*
 * Idle budget of the jobs page: the four lists once a minute (4 requests/minute). While a run is
 * under way its list is read every 5 s so the result shows when the task ends.
 */
export const JOBS_POLL = { idle: 60_000, running: 5_000 } as const;

export type { JobListResult } from '@/api/queries/jobs';

interface ScheduleStatusLike {
  'last-run-upid'?: string;
  'last-run-state'?: string;
}

// A run is under way when PBS names its task but no result yet.
const isRunning = (data: JobListResult<ScheduleStatusLike> | undefined) =>
  data?.available === true &&
  data.jobs.some((j) => j['last-run-upid'] !== undefined && j['last-run-state'] === undefined);

const polled = <T extends { queryKey: unknown }>(options: T) => ({
  ...options,
  refetchInterval: (query: { state: { data?: JobListResult<ScheduleStatusLike> } }) =>
    isRunning(query.state.data) ? JOBS_POLL.running : JOBS_POLL.idle,
});

export const jobQueries = {
  gc: (store?: string) => polled(jobs.gc(defaultServer, store)),
  verify: (store?: string) => polled(jobs.verify(defaultServer, store)),
  prune: (store?: string) => polled(jobs.prune(defaultServer, store)),
  sync: (store?: string) => polled(jobs.sync(defaultServer, store)),
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
    mutationFn: ({ kind, id }: { kind: JobKind; id: string }) => apiPost(runJobPath(kind, id), upidSchema),
    // a prune run removes snapshots; any run changes the task list
    meta: {
      changes: [
        ...changes.jobs(defaultServer),
        ...changes.tasks(defaultServer),
        ...changes.gc(defaultServer),
        ...changes.content(defaultServer),
      ],
    },
  }),
};
