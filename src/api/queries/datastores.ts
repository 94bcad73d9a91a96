import { queryOptions } from '@tanstack/react-query';
import { apiPath } from '@/api/path';
import {
  datastoreListSchema,
  datastoreRrdSchema,
  datastoreStatusSchema,
  datastoreUsageSchema,
} from '@/api/schemas/datastore';
import { datastoreConfigSchema } from '@/api/schemas/config';
import { gcJobStatusSchema } from '@/api/schemas/gc';
import type { RrdCf, RrdTimeframe } from '@/api/schemas/node';
import { getData, type Server } from './server';
import { datastoreKeys } from './keys';
export { datastoreKeys } from './keys';

export const datastoreQueries = {
  /** GET /admin/datastore: the configured datastores (navigation, filters, pickers). */
  list: (srv: Server) =>
    queryOptions({
      queryKey: [...datastoreKeys.all(srv), 'list'],
      queryFn: ({ signal }) => getData(srv, '/admin/datastore', datastoreListSchema, undefined, signal),
    }),
  /** GET /admin/datastore/{store}/status with counts and GC statistics (verbose). */
  status: (srv: Server, store: string) =>
    queryOptions({
      queryKey: [...datastoreKeys.status(srv), { store }],
      queryFn: ({ signal }) =>
        getData(srv, apiPath`/admin/datastore/${store}/status`, datastoreStatusSchema, { verbose: true }, signal),
    }),
  /**
   * GET /status/datastore-usage: every store's space and its history, item by item (one odd store is an
   * ItemError in its place): the dashboard shows what it can of it, the embed leaves it out.
   */
  usage: (srv: Server) =>
    queryOptions({
      queryKey: datastoreKeys.usage(srv),
      queryFn: ({ signal }) => getData(srv, '/status/datastore-usage', datastoreUsageSchema, undefined, signal),
    }),
  rrd: (srv: Server, store: string, timeframe: RrdTimeframe, cf: RrdCf) =>
    queryOptions({
      queryKey: [...datastoreKeys.all(srv), 'rrd', { store, timeframe, cf }],
      queryFn: ({ signal }) =>
        getData(srv, apiPath`/admin/datastore/${store}/rrd`, datastoreRrdSchema, { timeframe, cf }, signal),
    }),
  /** GET /config/datastore/{store}: the store's config with the digest a change sends back (the GC schedule). */
  config: (srv: Server, store: string) =>
    queryOptions({
      queryKey: [...datastoreKeys.config(srv), { store }],
      queryFn: ({ signal }) => srv.get(apiPath`/config/datastore/${store}`, datastoreConfigSchema, undefined, signal),
    }),
  /** GET /admin/datastore/{store}/gc: last result, schedule, next run. */
  gcStatus: (srv: Server, store: string) =>
    queryOptions({
      queryKey: [...datastoreKeys.gc(srv), 'status', { store }],
      queryFn: ({ signal }) =>
        getData(srv, apiPath`/admin/datastore/${store}/gc`, gcJobStatusSchema, undefined, signal),
      // The GC statistics come with the polled status; this (last run, schedule) refreshes when a GC ends.
      staleTime: 5 * 60_000,
    }),
};
