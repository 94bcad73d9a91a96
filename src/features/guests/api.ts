import { datastoreQueries } from '@/api/queries/datastores';
import { defaultServer } from '@/api/queries/default-server';
import { groupQueries } from '@/api/queries/groups';
import { namespaceQueries } from '@/api/queries/namespaces';
import { snapshotQueries } from '@/api/queries/snapshots';

/*
 * Every guest is every backup group in every namespace of every datastore: the datastore list, then each
 * store's namespaces, then each namespace's groups. No polling: backups arrive nightly; the page refetches
 * on mount after staleTime, and a forget or a finished backup, prune or sync refreshes it.
 */
export const guestQueries = {
  datastores: () => datastoreQueries.list(defaultServer),
  namespaces: (store: string) => namespaceQueries.list(defaultServer, store),
  groups: (store: string, ns: string) => groupQueries.list(defaultServer, store, ns),
  /** One namespace's whole snapshot list: the verify, encryption and protection columns. */
  snapshots: (store: string, ns: string) => snapshotQueries.list(defaultServer, { store, ns }),
};
