import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { apiPath, apiPost, apiPut } from '@/api/client';
import { datastoreQueries } from '@/api/queries/datastores';
import { defaultServer } from '@/api/queries/default-server';
import { changes } from '@/api/queries/invalidation';
import type { LogState } from '@/api/queries/task-log';
import { taskQueries, taskRows } from '@/api/queries/tasks';
import { nullSchema, upidSchema } from '@/api/schemas/common';

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
  status: (store: string) => datastoreQueries.gcStatus(defaultServer, store),
  /** The datastore's config with its digest, which a schedule change sends back. */
  config: (store: string) => datastoreQueries.config(defaultServer, store),
  /** Past (and running) GC tasks of the store, newest first. */
  runs: (store: string) =>
    queryOptions({
      ...taskQueries.list(defaultServer, gcTasks(store, { limit: GC_HISTORY_RUNS })),
      select: taskRows,
      refetchInterval: GC_POLL.runs,
    }),
  /** The GC task that runs now, if any (asked when PBS refuses a second run). */
  running: (store: string) =>
    queryOptions({ ...taskQueries.list(defaultServer, gcTasks(store, { running: true, limit: 1 })), select: taskRows }),
  /** The whole log of a finished GC task, as text lines. */
  log: (upid: string) => queryOptions({ ...taskQueries.log(defaultServer, upid), select: logTexts }),
  taskStatus: (upid: string) => taskQueries.status(defaultServer, upid),
};

const logTexts = (log: LogState) => log.lines.map((l) => l.t);

/** Either a new calendar event or `null` to remove the schedule. */
export interface GcScheduleChange {
  schedule: string | null;
  /** digest of the config the change was made on: PBS refuses it if the file changed since */
  digest: string | undefined;
}

export const gcMutations = {
  setSchedule: (store: string) =>
    mutationOptions({
      mutationFn: ({ schedule, digest }: GcScheduleChange) =>
        apiPut(
          apiPath`/config/datastore/${store}`,
          nullSchema,
          schedule === null ? { delete: ['gc-schedule'], digest } : { 'gc-schedule': schedule, digest },
        ),
      meta: { changes: [...changes.datastoreConfig(defaultServer), ...changes.gc(defaultServer)] },
    }),
  start: (store: string) =>
    mutationOptions({
      mutationFn: () => apiPost(apiPath`/admin/datastore/${store}/gc`, upidSchema),
      meta: { changes: [...changes.tasks(defaultServer), ...changes.gc(defaultServer)] },
    }),
};
