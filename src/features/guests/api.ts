import { queryOptions } from '@tanstack/react-query';
import { apiGet, apiPath } from '@/api/client';
import { groupListSchema, namespaceListSchema, snapshotListSchema } from '@/api/schemas/content';
import { datastoreListSchema } from '@/api/schemas/datastore';

/*
 * Every guest is every backup group in every namespace of every datastore: the datastore list, then each
 * store's namespaces, then each namespace's groups. No polling: backups arrive nightly; the page refetches
 * on mount after staleTime.
 */
export const guestQueries = {
  datastores: () =>
    queryOptions({
      queryKey: ['guests', 'datastores'],
      queryFn: ({ signal }) => apiGet('/admin/datastore', datastoreListSchema, undefined, { signal }),
    }),
  namespaces: (store: string) =>
    queryOptions({
      queryKey: ['guests', 'namespaces', { store }],
      queryFn: ({ signal }) => apiGet(apiPath`/admin/datastore/${store}/namespace`, namespaceListSchema, { 'max-depth': 7 }, { signal }),
    }),
  groups: (store: string, ns: string) =>
    queryOptions({
      queryKey: ['guests', 'groups', { store, ns }],
      queryFn: ({ signal }) => apiGet(apiPath`/admin/datastore/${store}/groups`, groupListSchema, ns === '' ? {} : { ns }, { signal }),
    }),
  /** One namespace's whole snapshot list: the verify, encryption and protection columns. */
  snapshots: (store: string, ns: string) =>
    queryOptions({
      queryKey: ['guests', 'snapshots', { store, ns }],
      queryFn: ({ signal }) => apiGet(apiPath`/admin/datastore/${store}/snapshots`, snapshotListSchema, ns === '' ? {} : { ns }, { signal }),
    }),
};
