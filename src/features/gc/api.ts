import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { apiGet, apiGetWithMeta, apiPath, apiPost, apiPut } from '@/api/client';
import { nullSchema, upidSchema } from '@/api/schemas/common';
import { datastoreConfigSchema } from '@/api/schemas/config';
import { gcJobStatusSchema } from '@/api/schemas/gc';
import { taskListSchema, taskLogSchema, taskStatusSchema } from '@/api/schemas/tasks';

/*
 * Polling: only the list of GC runs, once a minute while the page is visible (a scheduled GC shows up
 * without a reload); a finished run's log never changes, so each is read once. The schedule and last
 * result refresh when a run ends or the schedule is saved.
 */
export const GC_POLL = { runs: 60_000, runningTask: 2_000 } as const;
/** How many past runs the history reads (one log request each, once). */
export const GC_HISTORY_RUNS = 20;

const gcTasks = (store: string, extra: Record<string, number | boolean>) => ({
  typefilter: 'garbage_collection',
  store,
  ...extra,
});

export const gcQueries = {
  /** GET /admin/datastore/{store}/gc: last result, schedule, next run. Same key and data as the summary's GC panel. */
  status: (store: string) =>
    queryOptions({
      queryKey: ['gc', 'status', { store }],
      queryFn: ({ signal }) => apiGet(apiPath`/admin/datastore/${store}/gc`, gcJobStatusSchema, undefined, { signal }),
      staleTime: 5 * 60_000,
    }),
  /** The datastore's config with its digest, which a schedule change sends back. */
  config: (store: string) =>
    queryOptions({
      queryKey: ['gc', 'config', { store }],
      queryFn: ({ signal }) => apiGetWithMeta(apiPath`/config/datastore/${store}`, datastoreConfigSchema, undefined, { signal }),
    }),
  /** Past (and running) GC tasks of the store, newest first. */
  runs: (store: string) =>
    queryOptions({
      queryKey: ['gc', 'runs', { store }],
      queryFn: ({ signal }) =>
        apiGet('/nodes/localhost/tasks', taskListSchema, gcTasks(store, { limit: GC_HISTORY_RUNS }), { signal }),
      refetchInterval: GC_POLL.runs,
    }),
  /** The GC task that runs now, if any (asked when PBS refuses a second run). */
  running: (store: string) =>
    queryOptions({
      queryKey: ['gc', 'running', { store }],
      queryFn: ({ signal }) =>
        apiGet('/nodes/localhost/tasks', taskListSchema, gcTasks(store, { running: true, limit: 1 }), { signal }),
    }),
  /** The whole log of a finished GC task, as text lines. */
  log: (upid: string) =>
    queryOptions({
      queryKey: ['gc', 'log', upid],
      queryFn: async ({ signal }) =>
        (await apiGet(apiPath`/nodes/localhost/tasks/${upid}/log`, taskLogSchema, { limit: 0 }, { signal })).map((l) => l.t),
      staleTime: Infinity,
    }),
  taskStatus: (upid: string) =>
    queryOptions({
      queryKey: ['tasks', 'status', upid],
      queryFn: ({ signal }) => apiGet(apiPath`/nodes/localhost/tasks/${upid}/status`, taskStatusSchema, undefined, { signal }),
      refetchInterval: (query) => (query.state.data?.status === 'stopped' ? false : GC_POLL.runningTask),
    }),
};

/** Either a new calendar event or `null` to remove the schedule. */
export interface GcScheduleChange {
  schedule: string | null;
  /** digest of the config the change was made on: PBS refuses it if the file changed since */
  digest: string | undefined;
}

export const gcMutations = {
  setSchedule: (store: string) =>
    mutationOptions({
      mutationKey: ['gc'],
      mutationFn: ({ schedule, digest }: GcScheduleChange) =>
        apiPut(
          apiPath`/config/datastore/${store}`,
          nullSchema,
          schedule === null ? { delete: ['gc-schedule'], digest } : { 'gc-schedule': schedule, digest },
        ),
      meta: { invalidates: [['jobs'], ['datastores']] },
    }),
  start: (store: string) =>
    mutationOptions({
      mutationKey: ['gc'],
      mutationFn: () => apiPost(apiPath`/admin/datastore/${store}/gc`, upidSchema),
      meta: { invalidates: [['tasks'], ['jobs']] },
    }),
};
