import { queryOptions } from '@tanstack/react-query';
import { datastoreQueries } from '@/api/queries/datastores';
import { defaultServer } from '@/api/queries/default-server';
import { groupQueries } from '@/api/queries/groups';
import { namespaceQueries } from '@/api/queries/namespaces';
import { snapshotQueries } from '@/api/queries/snapshots';
import type { GroupItem, NamespaceItem, SnapshotItem } from '@/api/schemas/content';
import type { DatastoreListItem } from '@/api/schemas/datastore';
import { splitItems } from '@/lib/item-error';

/*
 * Every guest is every backup group in every namespace of every datastore: the datastore list, then each
 * store's namespaces, then each namespace's groups. No polling: backups arrive nightly; the page refetches
 * on mount after staleTime, and a forget or a finished backup, prune or sync refreshes it.
 */
export const guestQueries = {
  // Each list with the items the server sent unreadable apart: the page names them and shows the rest.
  datastores: () => queryOptions({ ...datastoreQueries.list(defaultServer), select: splitItems<DatastoreListItem> }),
  namespaces: (store: string) =>
    queryOptions({ ...namespaceQueries.list(defaultServer, store), select: splitItems<NamespaceItem> }),
  groups: (store: string, ns: string) =>
    queryOptions({ ...groupQueries.list(defaultServer, store, ns), select: splitItems<GroupItem> }),
  /** One namespace's whole snapshot list: the verify, encryption and protection columns. */
  snapshots: (store: string, ns: string) =>
    queryOptions({ ...snapshotQueries.list(defaultServer, { store, ns }), select: splitItems<SnapshotItem> }),
};
