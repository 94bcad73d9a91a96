import { queryOptions } from '@tanstack/react-query';
import type { Params } from '@/api/form';
import { apiPath } from '@/api/path';
import { taskListSchema, taskLogSchema, taskStatusSchema } from '@/api/schemas/tasks';
import { serverClockKnown, serverNow } from '@/api/server-clock';
import { readableItems, splitItems, type ItemError } from '@/lib/item-error';
import { getData, type Reply, type Server } from './server';
import { isLogComplete, mergeLog, nextLogStart, type LogState } from './task-log';
import { taskKeys } from './keys';
export { taskKeys } from './keys';

/** A running task is followed every 2 s (the user is watching it); a stopped one is read once. */
export const TASK_RUNNING_POLL = 2_000;

const NODE = 'localhost';

/** How far apart the browser's and the server's clocks may be before a window counted by the wrong one is read again. */
const CLOCK_SLACK_S = 60;

/**
 * A list over the last `lastSeconds` (by the server's clock), counted when the list is read, not when the key is made.
 * Read before any answer told the server's time (the first requests of a page load), the window was counted by the
 * browser's clock; when that answer shows the two clocks apart by more than a minute, the list is read again with the
 * window counted right, so a browser clock ahead of the server's cannot hide the server's recent tasks.
 */
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
      queryFn: async ({ signal }) => {
        const read = (since?: number) =>
          srv.get(
            apiPath`/nodes/${NODE}/tasks`,
            taskListSchema,
            since === undefined ? params : { ...params, since },
            signal,
          );
        const { lastSeconds } = window;
        if (lastSeconds === undefined) return read();
        const known = serverClockKnown();
        const since = serverNow() - lastSeconds;
        const reply = await read(since);
        const counted = serverNow() - lastSeconds;
        return known || Math.abs(counted - since) <= CLOCK_SLACK_S ? reply : read(counted);
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
