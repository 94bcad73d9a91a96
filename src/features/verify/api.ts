import { queryOptions } from '@tanstack/react-query';
import { apiDelete, apiPath, apiPost, apiPut, type Params } from '@/api/client';
import { datastoreQueries } from '@/api/queries/datastores';
import { defaultServer } from '@/api/queries/default-server';
import { changes } from '@/api/queries/invalidation';
import { jobConfigQueries } from '@/api/queries/jobs';
import { namespaceQueries } from '@/api/queries/namespaces';
import type { Reply } from '@/api/queries/server';
import type { LogState } from '@/api/queries/task-log';
import { taskQueries, taskRows } from '@/api/queries/tasks';
import { nullSchema, upidSchema } from '@/api/schemas/common';
import type { TaskListItem } from '@/api/schemas/tasks';
import { isItemError, readableItems, type ItemError } from '@/lib/item-error';

/** How many past runs of one job the history shows (PBS pages its task list; 0 would be all). */
export const HISTORY_LIMIT = 25;

export const verifyQueries = {
  /** One job's config with the `digest` an edit must send back. */
  job: (id: string) => ({
    ...jobConfigQueries.verify(defaultServer, id),
    // An open form keeps the config it was filled from; a refetch would not change what it sends.
    staleTime: Infinity,
    gcTime: 0,
  }),
  stores: () => queryOptions({ ...datastoreQueries.list(defaultServer), select: readableItems }),
  namespaces: (store: string) =>
    queryOptions({ ...namespaceQueries.list(defaultServer, store), select: readableItems }),
  /**
   * Past runs of one job: PBS filters by type and datastore only, so the job's worker id
   * (`<store>:<jobid>`) is matched here.
   */
  history: (store: string, id: string) =>
    queryOptions({
      ...taskQueries.list(defaultServer, { typefilter: 'verificationjob', store, limit: 500 }),
      select: (reply: Reply<(TaskListItem | ItemError)[]>) =>
        taskRows(reply)
          .filter((t) => t.worker_type === 'verificationjob' && t.worker_id === `${store}:${id}`)
          .slice(0, HISTORY_LIMIT),
      refetchInterval: (query) =>
        query.state.data?.data.some((t) => !isItemError(t) && t.status === undefined) ? 5_000 : false,
    }),
  /** The whole log of a finished run (a finished log does not change). */
  runLog: (upid: string) =>
    queryOptions({ ...taskQueries.log(defaultServer, upid), select: (log: LogState) => log.lines }),
};

const invalidates = { meta: { changes: changes.jobs(defaultServer, 'verify') } };

export const verifyMutations = {
  create: () => ({
    mutationFn: (params: Params) => apiPost('/config/verify', nullSchema, params),
    ...invalidates,
  }),
  update: (id: string) => ({
    mutationFn: (params: Params) => apiPut(apiPath`/config/verify/${id}`, nullSchema, params),
    ...invalidates,
  }),
  remove: (id: string) => ({
    mutationFn: (digest: string | undefined) =>
      apiDelete(apiPath`/config/verify/${id}`, nullSchema, digest ? { digest } : undefined),
    ...invalidates,
  }),
  run: (id: string) => ({
    mutationFn: () => apiPost(apiPath`/admin/verify/${id}/run`, upidSchema),
    meta: { changes: [...changes.jobs(defaultServer, 'verify'), ...changes.tasks(defaultServer)] },
  }),
};
