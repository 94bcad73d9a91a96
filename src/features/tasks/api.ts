import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { apiDelete, apiGetWithMeta, apiPath } from '@/api/client';
import { datastoreQueries } from '@/api/queries/datastores';
import { defaultServer } from '@/api/queries/default-server';
import { taskKeys, taskQueries as tasks, taskRows } from '@/api/queries/tasks';
import { nullSchema } from '@/api/schemas/common';
import { taskLogSchema } from '@/api/schemas/tasks';
import { isItemError, readableItems } from '@/lib/item-error';
import { taskListParams, type TaskFilters } from './task-filters';

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
      ...tasks.list(defaultServer, taskListParams(filters)),
      refetchInterval: (query) => {
        if (query.state.data?.data.some((t) => !isItemError(t) && t.endtime === undefined)) return LIST_RUNNING_POLL;
        return filters.start === 0 ? LIST_FIRST_PAGE_POLL : false;
      },
    }),
  /** Datastores for the datastore filter: the navigation's list. */
  stores: () => queryOptions({ ...datastoreQueries.list(defaultServer), select: readableItems }),
  /** Job tasks that ended in an error since `since`; the header and the dashboard share this one read. */
  failures: (since: number) =>
    queryOptions({
      ...tasks.list(defaultServer, { errors: true, since, limit: FAILURE_LIMIT }),
      select: taskRows,
      refetchInterval: FAILURE_POLL,
    }),
  status: (upid: string) => tasks.status(defaultServer, upid),
  log: (upid: string) => tasks.log(defaultServer, upid),
};

/** The whole log as text, one line per line as PBS wrote it, for a download built in the browser. */
export async function fetchWholeLog(upid: string): Promise<string> {
  const page = await apiGetWithMeta(apiPath`/nodes/${TASKS}/tasks/${upid}/log`, taskLogSchema, { limit: 0 });
  // a line the server sent unreadable is there too, saying so
  return page.data.map((l) => `${isItemError(l) ? `[${l.message}]` : l.t}\n`).join('');
}

export const taskMutations = {
  /** DELETE asks PBS to abort; the task then ends with "abort requested - aborting task". */
  stop: (upid: string) =>
    mutationOptions({
      mutationFn: () => apiDelete(apiPath`/nodes/${TASKS}/tasks/${upid}`, nullSchema),
      meta: {
        changes: [
          taskKeys.status(defaultServer, upid),
          taskKeys.lists(defaultServer),
          taskKeys.log(defaultServer, upid),
        ],
      },
    }),
};
