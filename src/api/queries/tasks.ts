import { queryOptions } from '@tanstack/react-query';
import type { Params } from '@/api/form';
import { apiPath } from '@/api/path';
import { taskListSchema, taskLogSchema, taskStatusSchema } from '@/api/schemas/tasks';
import { serverNow } from '@/api/server-clock';
import { readableItems, splitItems, type ItemError } from '@/lib/item-error';
import { getData, type Reply, type Server } from './server';
import { isLogComplete, mergeLog, nextLogStart, type LogState } from './task-log';
import { taskKeys } from './keys';
export { taskKeys } from './keys';

/** A running task is followed every 2 s (the user is watching it); a stopped one is read once. */
export const TASK_RUNNING_POLL = 2_000;

const NODE = 'localhost';

/** A list over the last `lastSeconds` (by the server's clock), counted when the list is read, not when the key is made. */
export interface TaskWindow {
  lastSeconds?: number;
}

/** The readable tasks of a list reply, for the lists that need no `total` and show no unreadable row. */
export const taskRows = <T>(reply: Reply<(T | ItemError)[]>): T[] => readableItems(reply.data);

/** The tasks of a list reply, readable ones apart from those the server sent unreadable. */
export const taskListing = <T>(reply: Reply<(T | ItemError)[]>) => splitItems(reply.data);

export const taskQueries = {
  /** GET /nodes/localhost/tasks with PBS's filters (`typefilter`, `store`, `running`, `errors`, `since`, `limit`, …). */
  list: (srv: Server, params: Params, window: TaskWindow = {}) =>
    queryOptions({
      queryKey: [...taskKeys.lists(srv), { ...params, ...window }],
      queryFn: ({ signal }) => {
        const since = window.lastSeconds === undefined ? {} : { since: serverNow() - window.lastSeconds };
        return srv.get(apiPath`/nodes/${NODE}/tasks`, taskListSchema, { ...params, ...since }, signal);
      },
    }),
  status: (srv: Server, upid: string) =>
    queryOptions({
      queryKey: taskKeys.status(srv, upid),
      queryFn: ({ signal }) =>
        getData(srv, apiPath`/nodes/${NODE}/tasks/${upid}/status`, taskStatusSchema, undefined, signal),
      refetchInterval: (query) => (query.state.data?.status === 'stopped' ? false : TASK_RUNNING_POLL),
    }),
  /**
   * The log, read whole once and then only its new lines (see task-log.ts); followed until it
   * can grow no more. staleTime Infinity: a complete log never changes.
   */
  log: (srv: Server, upid: string) =>
    queryOptions({
      queryKey: taskKeys.log(srv, upid),
      queryFn: async ({ signal, client, queryKey }): Promise<LogState> => {
        const prev = client.getQueryData<LogState>(queryKey);
        const page = await srv.get(
          apiPath`/nodes/${NODE}/tasks/${upid}/log`,
          taskLogSchema,
          { start: nextLogStart(prev), limit: 0, 'test-status': true },
          signal,
        );
        return mergeLog(prev, page);
      },
      staleTime: (query) => (isLogComplete(query.state.data) ? Infinity : 0),
      refetchInterval: (query) => (isLogComplete(query.state.data) ? false : TASK_RUNNING_POLL),
    }),
};
