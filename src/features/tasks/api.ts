import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { apiDelete, apiGet, apiGetWithMeta, apiPath } from '@/api/client';
import { nullSchema } from '@/api/schemas/common';
import { datastoreListSchema } from '@/api/schemas/datastore';
import { taskListSchema, taskLogSchema, taskStatusSchema, type TaskStatus } from '@/api/schemas/tasks';
import { isLogComplete, mergeLog, nextLogStart, type LogState } from './log-merge';
import { taskListParams, type TaskFilters } from './task-filters';

/** A running task is followed every 2 s (the user is watching it); a stopped one is read once. */
const RUNNING_POLL = 2_000;
/** The task list refreshes while a listed task runs, and its first page now and then for new tasks. */
const LIST_RUNNING_POLL = 5_000;
const LIST_FIRST_PAGE_POLL = 60_000;
/** Failures for the header: a few a quarter hour is loud enough and keeps idle pages within budget. */
const FAILURE_POLL = 3 * 60_000;
/** Job failures in one read; failures are few, so this is rarely reached. */
const FAILURE_LIMIT = 500;

const TASKS = 'localhost';

export const taskQueries = {
  list: (filters: TaskFilters) =>
    queryOptions({
      queryKey: ['tasks', 'list', { filters }],
      queryFn: ({ signal }) => apiGetWithMeta(apiPath`/nodes/${TASKS}/tasks`, taskListSchema, taskListParams(filters), { signal }),
      refetchInterval: (query) => {
        if (query.state.data?.data.some((t) => t.endtime === undefined)) return LIST_RUNNING_POLL;
        return filters.start === 0 ? LIST_FIRST_PAGE_POLL : false;
      },
    }),
  /** Datastores for the datastore filter; the same key and read as the navigation's list, so they share it. */
  stores: () =>
    queryOptions({
      queryKey: ['datastores', 'list'],
      queryFn: ({ signal }) => apiGet('/admin/datastore', datastoreListSchema, undefined, { signal }),
    }),
  /** Job tasks that ended in an error since `since`; the header and the dashboard share this one read. */
  failures: (since: number) =>
    queryOptions({
      queryKey: ['tasks', 'list', { errors: true, since }],
      queryFn: ({ signal }) =>
        apiGet(apiPath`/nodes/${TASKS}/tasks`, taskListSchema, { errors: true, since, limit: FAILURE_LIMIT }, { signal }),
      refetchInterval: FAILURE_POLL,
    }),
  status: (upid: string) =>
    queryOptions({
      queryKey: ['tasks', 'status', upid],
      queryFn: async ({ signal, client, queryKey }) => {
        const prev = client.getQueryData<TaskStatus>(queryKey);
        const status = await apiGet(apiPath`/nodes/${TASKS}/tasks/${upid}/status`, taskStatusSchema, undefined, { signal });
        // A task watched to its end changes what the task lists (and the failure count) show.
        if (prev?.status === 'running' && status.status === 'stopped') void client.invalidateQueries({ queryKey: ['tasks', 'list'] });
        return status;
      },
      refetchInterval: (query) => (query.state.data?.status === 'stopped' ? false : RUNNING_POLL),
    }),
  /**
   * The log, read whole once and then only its new lines (see log-merge.ts); followed until it
   * can grow no more. staleTime Infinity: a complete log never changes.
   */
  log: (upid: string) =>
    queryOptions({
      queryKey: ['tasks', 'log', upid],
      queryFn: async ({ signal, client, queryKey }): Promise<LogState> => {
        const prev = client.getQueryData<LogState>(queryKey);
        const page = await apiGetWithMeta(
          apiPath`/nodes/${TASKS}/tasks/${upid}/log`,
          taskLogSchema,
          { start: nextLogStart(prev), limit: 0, 'test-status': true },
          { signal },
        );
        return mergeLog(prev, page);
      },
      staleTime: (query) => (isLogComplete(query.state.data) ? Infinity : 0),
      refetchInterval: (query) => (isLogComplete(query.state.data) ? false : RUNNING_POLL),
    }),
};

/** The whole log as text, one line per line as PBS wrote it, for a download built in the browser. */
export async function fetchWholeLog(upid: string): Promise<string> {
  const page = await apiGetWithMeta(apiPath`/nodes/${TASKS}/tasks/${upid}/log`, taskLogSchema, { limit: 0 });
  return page.data.map((l) => `${l.t}\n`).join('');
}

export const taskMutations = {
  /** DELETE asks PBS to abort; the task then ends with "abort requested - aborting task". */
  stop: (upid: string) =>
    mutationOptions({
      mutationKey: ['tasks', 'status', upid],
      mutationFn: () => apiDelete(apiPath`/nodes/${TASKS}/tasks/${upid}`, nullSchema),
      meta: { invalidates: [['tasks', 'list'], ['tasks', 'log', upid]] },
    }),
};
