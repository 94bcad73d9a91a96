import { queryOptions } from '@tanstack/react-query';
import { defaultServer } from '@/api/queries/default-server';
import { groupQueries } from '@/api/queries/groups';
import { namespaceQueries } from '@/api/queries/namespaces';
import { readSnapshotList, snapshotFileQueries, snapshotKeys, snapshotQueries } from '@/api/queries/snapshots';
import type { ListedBackupType } from '@/api/schemas/common';
import type { GroupItem, NamespaceItem, SnapshotItem } from '@/api/schemas/content';
import { readableItems, splitItems } from '@/lib/item-error';
import { snapshotFacts } from './snapshot-facts';

export interface GroupRef {
  store: string;
  ns: string;
  type: ListedBackupType;
  id: string;
}

export interface SnapshotRef extends GroupRef {
  time: number;
}

/** The background search's facts of one store, all groups: what its cancel drops. */
export const snapshotFactsPrefix = (store: string) => [...snapshotKeys.all(defaultServer), 'facts', { store }];

/*
 * Content changes when backups arrive (nightly) or when the user acts; api/queries/invalidation.ts
 * refreshes it then. No polling: the view refetches on mount after staleTime.
 */
export const contentQueries = {
  /*
   * The lists with the items the server sent unreadable apart (`failed`): the tree shows each as a row in
   * an error state where it would have been, naming its field.
   */
  /** Every namespace of the store the user may see, the root included. */
  namespaces: (store: string) =>
    queryOptions({ ...namespaceQueries.list(defaultServer, store), select: splitItems<NamespaceItem> }),
  groups: (store: string, ns: string) =>
    queryOptions({ ...groupQueries.list(defaultServer, store, ns), select: splitItems<GroupItem> }),
  snapshots: ({ store, ns, type, id }: GroupRef) =>
    queryOptions({
      ...snapshotQueries.list(defaultServer, { store, ns, group: { type, id } }),
      select: splitItems<SnapshotItem>,
    }),
  /**
   * What the snapshot filters need of a group the user has not opened, in compact columns: the background
   * search of a 600 × 1000 store keeps numbers, not 600,000 parsed snapshots. The one second reading of
   * an endpoint (the group's snapshot list): a `select` would keep the parsed lists in the cache. Its key
   * sits under the snapshots' so whatever refreshes snapshots refreshes it.
   */
  snapshotFacts: ({ store, ns, type, id }: GroupRef) =>
    queryOptions({
      // eslint-disable-next-line no-restricted-syntax -- a compact copy of snapshots.list (see above), not a second declaration of it
      queryKey: [...snapshotFactsPrefix(store), { ns, type, id }],
      queryFn: async ({ signal }) =>
        snapshotFacts(readableItems(await readSnapshotList(defaultServer, { store, ns, group: { type, id } }, signal))),
    }),
  manifest: (ref: SnapshotRef) => snapshotFileQueries.manifest(defaultServer, ref),
};
