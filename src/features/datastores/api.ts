import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiPath } from '@/api/client';
import { datastoreListSchema, datastoreRrdSchema, datastoreStatusSchema } from '@/api/schemas/datastore';
import { gcJobStatusSchema } from '@/api/schemas/gc';
import { nodeStatusSchema, type RrdCf, type RrdTimeframe } from '@/api/schemas/node';
import { taskStatusSchema } from '@/api/schemas/tasks';

/*
 * Polling budget of the summary view (≤ 6 requests per minute while visible): status 2/min, RRD
 * 1/min, datastore list (navigation) 0.5/min = 3.5/min, plus ticket renewal. A GC the
 * user started polls its task every 2 s until it ends: that is the user acting, not idling.
 */
export const POLL = {
  status: 30_000,
  rrd: 60_000,
  datastores: 120_000,
  runningTask: 2_000,
} as const;

/** The part of /deck/config this feature reads: where the PBS behind the deck server really is. */
const deckTargetSchema = z.object({
  pbs: z
    .object({ host: z.string(), port: z.number().int(), fingerprint: z.string().nullable().optional() })
    .nullable()
    .optional()
    .catch(null),
});

export const datastoreQueries = {
  deckTarget: () =>
    queryOptions({
      queryKey: ['deck', 'config', 'pbs-target'],
      queryFn: async ({ signal }) => {
        const response = await fetch('/deck/config', { signal, headers: { Accept: 'application/json' } });
        if (!response.ok) throw new Error(`/deck/config answered ${response.status}`);
        return deckTargetSchema.parse(await response.json()).pbs ?? null;
      },
      staleTime: Infinity,
    }),
  list: () =>
    queryOptions({
      queryKey: ['datastores', 'list'],
      queryFn: ({ signal }) => apiGet('/admin/datastore', datastoreListSchema, undefined, { signal }),
      refetchInterval: POLL.datastores,
    }),
  status: (store: string) =>
    queryOptions({
      queryKey: ['datastores', 'status', { store, verbose: true }],
      queryFn: ({ signal }) => apiGet(apiPath`/admin/datastore/${store}/status`, datastoreStatusSchema, { verbose: true }, { signal }),
      refetchInterval: POLL.status,
    }),
  rrd: (store: string, timeframe: RrdTimeframe, cf: RrdCf) =>
    queryOptions({
      queryKey: ['datastores', 'rrd', { store, timeframe, cf }],
      queryFn: ({ signal }) => apiGet(apiPath`/admin/datastore/${store}/rrd`, datastoreRrdSchema, { timeframe, cf }, { signal }),
      refetchInterval: POLL.rrd,
    }),
  gc: (store: string) =>
    queryOptions({
      queryKey: ['gc', 'status', { store }],
      queryFn: ({ signal }) => apiGet(apiPath`/admin/datastore/${store}/gc`, gcJobStatusSchema, undefined, { signal }),
      // The GC statistics come with the polled status; this (last run, schedule) refreshes when a GC ends.
      staleTime: 5 * 60_000,
    }),
  nodeStatus: () =>
    queryOptions({
      queryKey: ['node', 'status'],
      queryFn: ({ signal }) => apiGet('/nodes/localhost/status', nodeStatusSchema, undefined, { signal }),
    }),
  taskStatus: (upid: string) =>
    queryOptions({
      queryKey: ['tasks', 'status', upid],
      queryFn: ({ signal }) => apiGet(apiPath`/nodes/localhost/tasks/${upid}/status`, taskStatusSchema, undefined, { signal }),
      refetchInterval: (query) => (query.state.data?.status === 'stopped' ? false : POLL.runningTask),
    }),
};
