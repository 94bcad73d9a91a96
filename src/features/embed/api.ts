import { queryOptions } from '@tanstack/react-query';
import { datastoreQueries } from '@/api/queries/datastores';
import { deckQueries, type DeckConfig } from '@/api/queries/deck';
import { jobQueries, jobsOrThrow } from '@/api/queries/jobs';
import { taskQueries, taskRows } from '@/api/queries/tasks';
import { readableItems } from '@/lib/item-error';
import { EMBED_PAGING_CAPS } from '@/lib/embed-allowlist';
import { embedServer } from './embed-fetch';

/*
 * Polling of a tile that hangs on a wall all day: usage and tasks once a minute, jobs every five
 * (nothing while the tab is hidden: the query client's default). The task window is 7 days because
 * the health rules (lib/badge-state) look back that far; the 24-hour figures filter it.
 */
export const POLL = { usage: 60_000, tasks: 60_000, jobs: 5 * 60_000 } as const;
const WEEK = 7 * 86_400;

export const embedQueries = {
  config: () => ({ ...deckQueries.config(embedServer), select: (config: DeckConfig) => config.embed }),
  usage: () =>
    queryOptions({ ...datastoreQueries.usage(embedServer), select: readableItems, refetchInterval: POLL.usage }),
  gcJobs: () => queryOptions({ ...jobQueries.gc(embedServer), select: jobsOrThrow, refetchInterval: POLL.jobs }),
  verifyJobs: () =>
    queryOptions({ ...jobQueries.verify(embedServer), select: jobsOrThrow, refetchInterval: POLL.jobs }),
  recentTasks: () =>
    queryOptions({
      ...taskQueries.list(embedServer, { limit: EMBED_PAGING_CAPS.limit }, { lastSeconds: WEEK }),
      select: taskRows,
      refetchInterval: POLL.tasks,
    }),
  runningTasks: () =>
    queryOptions({
      ...taskQueries.list(embedServer, { running: true, limit: 100 }),
      select: taskRows,
      refetchInterval: POLL.tasks,
    }),
};
