import { queryOptions } from '@tanstack/react-query';
import { datastoreQueries } from '@/api/queries/datastores';
import { defaultServer } from '@/api/queries/default-server';
import { jobQueries, jobsOrThrow } from '@/api/queries/jobs';
import { nodeQueries } from '@/api/queries/node';
import { taskQueries, taskRows } from '@/api/queries/tasks';
import { datastoreUsageItemSchema } from '@/api/schemas/datastore';
import { gcStatusSchema } from '@/api/schemas/gc';
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

const usageEntries = (items: unknown[]) => items.map(toUsageEntry);

export const dashboardQueries = {
  usage: () =>
    queryOptions({ ...datastoreQueries.usage(defaultServer), select: usageEntries, refetchInterval: POLL.usage }),
  datastores: () => ({ ...datastoreQueries.list(defaultServer), refetchInterval: POLL.datastores }),
  status: (store: string) => ({ ...datastoreQueries.status(defaultServer, store), staleTime: 5 * 60_000 }),
  gcJobs: () => queryOptions({ ...jobQueries.gc(defaultServer), select: jobsOrThrow, staleTime: 5 * 60_000 }),
  verifyJobs: () => queryOptions({ ...jobQueries.verify(defaultServer), select: jobsOrThrow, staleTime: 5 * 60_000 }),
  recentTasks: () =>
    queryOptions({
      ...taskQueries.list(defaultServer, { limit: 500 }, { lastSeconds: 86_400 }),
      select: taskRows,
      refetchInterval: POLL.tasks,
    }),
  nodeStatus: () => ({ ...nodeQueries.status(defaultServer), refetchInterval: POLL.node }),
  version: () => nodeQueries.version(defaultServer),
  subscription: () => nodeQueries.subscription(defaultServer),
};
