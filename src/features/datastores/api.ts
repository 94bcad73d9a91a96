import { queryOptions } from '@tanstack/react-query';
import { defaultServer } from '@/api/queries/default-server';
import { datastoreQueries as datastores } from '@/api/queries/datastores';
import { deckQueries, type DeckConfig } from '@/api/queries/deck';
import { nodeQueries } from '@/api/queries/node';
import type { RrdCf, RrdTimeframe } from '@/api/schemas/node';
import { splitItems } from '@/lib/item-error';

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

export const datastoreQueries = {
  deckTarget: () => ({ ...deckQueries.config(defaultServer), select: (config: DeckConfig) => config.pbs }),
  /** The navigation's list: readable datastores apart from those the server sent unreadable. */
  list: () => queryOptions({ ...datastores.list(defaultServer), select: splitItems, refetchInterval: POLL.datastores }),
  status: (store: string) => ({ ...datastores.status(defaultServer, store), refetchInterval: POLL.status }),
  rrd: (store: string, timeframe: RrdTimeframe, cf: RrdCf) => ({
    ...datastores.rrd(defaultServer, store, timeframe, cf),
    refetchInterval: POLL.rrd,
  }),
  gc: (store: string) => datastores.gcStatus(defaultServer, store),
  nodeStatus: () => nodeQueries.status(defaultServer),
};
