import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiPath, serverNow } from '@/api/client';
import { datastoreListSchema, datastoreStatusSchema, datastoreUsageItemSchema } from '@/api/schemas/datastore';
import { gcJobListSchema, gcStatusSchema } from '@/api/schemas/gc';
import { nodeStatusSchema, subscriptionSchema, versionSchema } from '@/api/schemas/node';
import { taskListSchema } from '@/api/schemas/tasks';
import { verifyJobStatusListSchema } from '@/api/schemas/verify';
import { parseFields } from './parse-fields';

/*
 * Polling budget of the dashboard (DESIGN.md: ≤ 6 requests per minute while visible, whatever the
 * number of datastores): usage 2/min, tasks 1/min, node status 1/min, datastore list 0.5/min
 * (shared with the navigation) = 4.5/min, plus ticket renewal every 15 min. Everything per store
 * (counts) and the slow-moving rest (GC and verify jobs, version, subscription) load once.
 */
export const POLL = {
  usage: 30_000,
  tasks: 60_000,
  node: 60_000,
  datastores: 120_000,
} as const;

const { 'gc-status': _gcStatus, ...usageShape } = datastoreUsageItemSchema.shape;

function toUsageEntry(raw: unknown) {
  const fields = parseFields(usageShape, raw);
  const gcRaw = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['gc-status'] : undefined;
  return {
    ...fields,
    store: fields.store ?? '(unnamed datastore)',
    gc: gcRaw && typeof gcRaw === 'object' ? parseFields(gcStatusSchema.shape, gcRaw) : undefined,
  };
}

export type UsageEntry = ReturnType<typeof toUsageEntry>;

export const dashboardQueries = {
  usage: () =>
    queryOptions({
      queryKey: ['datastores', 'usage'],
      queryFn: async ({ signal }) => {
        const items = await apiGet('/status/datastore-usage', z.array(z.unknown()), undefined, { signal });
        return items.map(toUsageEntry);
      },
      refetchInterval: POLL.usage,
    }),
  datastores: () =>
    queryOptions({
      queryKey: ['datastores', 'list'],
      queryFn: ({ signal }) => apiGet('/admin/datastore', datastoreListSchema, undefined, { signal }),
      refetchInterval: POLL.datastores,
    }),
  status: (store: string) =>
    queryOptions({
      queryKey: ['datastores', 'status', { store, verbose: true }],
      queryFn: ({ signal }) =>
        apiGet(apiPath`/admin/datastore/${store}/status`, datastoreStatusSchema, { verbose: true }, { signal }),
      staleTime: 5 * 60_000,
    }),
  gcJobs: () =>
    queryOptions({
      queryKey: ['gc', 'list'],
      queryFn: ({ signal }) => apiGet('/admin/gc', gcJobListSchema, undefined, { signal }),
      staleTime: 5 * 60_000,
    }),
  verifyJobs: () =>
    queryOptions({
      queryKey: ['verify', 'jobs'],
      queryFn: ({ signal }) => apiGet('/admin/verify', verifyJobStatusListSchema, undefined, { signal }),
      staleTime: 5 * 60_000,
    }),
  recentTasks: () =>
    queryOptions({
      queryKey: ['tasks', 'list', { range: 'last-24h' }],
      queryFn: ({ signal }) =>
        apiGet('/nodes/localhost/tasks', taskListSchema, { since: serverNow() - 86_400, limit: 500 }, { signal }),
      refetchInterval: POLL.tasks,
    }),
  nodeStatus: () =>
    queryOptions({
      queryKey: ['node', 'status'],
      queryFn: ({ signal }) => apiGet('/nodes/localhost/status', nodeStatusSchema, undefined, { signal }),
      refetchInterval: POLL.node,
    }),
  version: () =>
    queryOptions({
      queryKey: ['node', 'version'],
      queryFn: ({ signal }) => apiGet('/version', versionSchema, undefined, { signal }),
      staleTime: Infinity,
    }),
  subscription: () =>
    queryOptions({
      queryKey: ['node', 'subscription'],
      queryFn: ({ signal }) => apiGet('/nodes/localhost/subscription', subscriptionSchema, undefined, { signal }),
      staleTime: 30 * 60_000,
    }),
};
