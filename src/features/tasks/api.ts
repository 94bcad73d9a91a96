import { queryOptions } from '@tanstack/react-query';
import { apiGet, apiGetWithMeta, apiPath } from '@/api/client';
import { taskLogSchema, taskStatusSchema } from '@/api/schemas/tasks';

/** A running task is followed every 2 s (the user is watching it); a stopped one is read once. */
const RUNNING_POLL = 2_000;

export const taskQueries = {
  status: (upid: string) =>
    queryOptions({
      queryKey: ['tasks', 'status', upid],
      queryFn: ({ signal }) => apiGet(apiPath`/nodes/localhost/tasks/${upid}/status`, taskStatusSchema, undefined, { signal }),
      refetchInterval: (query) => (query.state.data?.status === 'stopped' ? false : RUNNING_POLL),
    }),
  /** The whole log (limit 0); `running` makes it follow the task until it stops. */
  log: (upid: string, running: boolean) =>
    queryOptions({
      queryKey: ['tasks', 'log', upid],
      queryFn: ({ signal }) =>
        apiGetWithMeta(apiPath`/nodes/localhost/tasks/${upid}/log`, taskLogSchema, { limit: 0 }, { signal }),
      refetchInterval: running ? RUNNING_POLL : false,
    }),
};
