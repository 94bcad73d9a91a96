import { queryOptions } from '@tanstack/react-query';
import { datastoreQueries } from '@/api/queries/datastores';
import { defaultServer } from '@/api/queries/default-server';
import { jobQueries, jobsOrThrow } from '@/api/queries/jobs';
import { nodeQueries } from '@/api/queries/node';
import { taskListing, taskQueries } from '@/api/queries/tasks';
import { datastoreUsageItemSchema, type DatastoreUsageItem } from '@/api/schemas/datastore';
import { gcStatusSchema } from '@/api/schemas/gc';
import { isItemError, readableItems, type ItemError } from '@/lib/item-error';
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

/**
 * One store's card: of an item the server sent unreadable, every field that still parses, and `problem`
 * naming the field that does not; so one odd figure is "unknown" on one card and the card says why.
 */
function toUsageEntry(item: DatastoreUsageItem | ItemError) {
  const raw = isItemError(item) ? item.raw : item;
  const fields = parseFields(usageShape, raw);
  const gcRaw = typeof raw === 'object' && raw !== null ? Reflect.get(raw, 'gc-status') : undefined;
  return {
    ...fields,
    store: fields.store ?? '(unnamed datastore)',
    unnamed: fields.store === undefined,
    gc: gcRaw && typeof gcRaw === 'object' ? parseFields(gcStatusSchema.shape, gcRaw) : undefined,
    problem: isItemError(item) ? item : undefined,
  };
}

export type UsageEntry = ReturnType<typeof toUsageEntry>;

const usageEntries = (items: (DatastoreUsageItem | ItemError)[]) => items.map(toUsageEntry);

export const dashboardQueries = {
  usage: () =>
    queryOptions({ ...datastoreQueries.usage(defaultServer), select: usageEntries, refetchInterval: POLL.usage }),
  datastores: () =>
    queryOptions({ ...datastoreQueries.list(defaultServer), select: readableItems, refetchInterval: POLL.datastores }),
  status: (store: string) => ({ ...datastoreQueries.status(defaultServer, store), staleTime: 5 * 60_000 }),
  gcJobs: () => queryOptions({ ...jobQueries.gc(defaultServer), select: jobsOrThrow, staleTime: 5 * 60_000 }),
  verifyJobs: () => queryOptions({ ...jobQueries.verify(defaultServer), select: jobsOrThrow, staleTime: 5 * 60_000 }),
  recentTasks: () =>
    queryOptions({
      ...taskQueries.list(defaultServer, { limit: 500 }, { lastSeconds: 86_400 }),
      select: taskListing,
      refetchInterval: POLL.tasks,
    }),
  nodeStatus: () => ({ ...nodeQueries.status(defaultServer), refetchInterval: POLL.node }),
  version: () => nodeQueries.version(defaultServer),
  subscription: () => nodeQueries.subscription(defaultServer),
};
