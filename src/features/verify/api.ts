import { queryOptions } from '@tanstack/react-query';
import { apiDelete, apiGet, apiGetWithMeta, apiPath, apiPost, apiPut, type Params } from '@/api/client';
import { nullSchema, upidSchema } from '@/api/schemas/common';
import { verifyJobConfigSchema } from '@/api/schemas/config';
import { namespaceListSchema } from '@/api/schemas/content';
import { datastoreListSchema } from '@/api/schemas/datastore';
import { taskListSchema, taskLogSchema } from '@/api/schemas/tasks';

/** How many past runs of one job the history shows (PBS pages its task list; 0 would be all). */
export const HISTORY_LIMIT = 25;

export const verifyQueries = {
  /** One job's config with the `digest` an edit must send back. */
  job: (id: string) =>
    queryOptions({
      queryKey: ['verify', 'job', id],
      queryFn: async ({ signal }) => {
        const { data, digest } = await apiGetWithMeta(apiPath`/config/verify/${id}`, verifyJobConfigSchema, undefined, { signal });
        return { config: data, digest };
      },
      // An open form keeps the config it was filled from; a refetch would not change what it sends.
      staleTime: Infinity,
      gcTime: 0,
    }),
  stores: () =>
    queryOptions({
      queryKey: ['verify', 'stores'],
      queryFn: ({ signal }) => apiGet('/admin/datastore', datastoreListSchema, undefined, { signal }),
    }),
  namespaces: (store: string) =>
    queryOptions({
      queryKey: ['verify', 'namespaces', store],
      queryFn: ({ signal }) => apiGet(apiPath`/admin/datastore/${store}/namespace`, namespaceListSchema, undefined, { signal }),
    }),
  /**
   * Past runs of one job: PBS filters by type and datastore only, so the job's worker id
   * (`<store>:<jobid>`) is matched here.
   */
  history: (store: string, id: string) =>
    queryOptions({
      queryKey: ['verify', 'history', { store, id }],
      queryFn: async ({ signal }) => {
        const tasks = await apiGet(
          '/nodes/localhost/tasks',
          taskListSchema,
          { typefilter: 'verificationjob', store, limit: 500 },
          { signal },
        );
        return tasks.filter((t) => t.worker_type === 'verificationjob' && t.worker_id === `${store}:${id}`).slice(0, HISTORY_LIMIT);
      },
      refetchInterval: (query) => (query.state.data?.some((t) => t.status === undefined) ? 5_000 : false),
    }),
  /** The whole log of a finished run (a finished log does not change). */
  runLog: (upid: string) =>
    queryOptions({
      queryKey: ['verify', 'log', upid],
      queryFn: ({ signal }) => apiGet(apiPath`/nodes/localhost/tasks/${upid}/log`, taskLogSchema, { limit: 0 }, { signal }),
      staleTime: Infinity,
    }),
};

const invalidates = { meta: { invalidates: [['jobs']] } };

export const verifyMutations = {
  create: () => ({
    mutationKey: ['verify'],
    mutationFn: (params: Params) => apiPost('/config/verify', nullSchema, params),
    ...invalidates,
  }),
  update: (id: string) => ({
    mutationKey: ['verify'],
    mutationFn: (params: Params) => apiPut(apiPath`/config/verify/${id}`, nullSchema, params),
    ...invalidates,
  }),
  remove: (id: string) => ({
    mutationKey: ['verify'],
    mutationFn: (digest: string | undefined) => apiDelete(apiPath`/config/verify/${id}`, nullSchema, digest ? { digest } : undefined),
    ...invalidates,
  }),
  run: (id: string) => ({
    mutationKey: ['verify'],
    mutationFn: () => apiPost(apiPath`/admin/verify/${id}/run`, upidSchema),
    meta: { invalidates: [['jobs'], ['tasks']] },
  }),
};
