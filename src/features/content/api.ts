import { queryOptions } from '@tanstack/react-query';
import { apiGet, apiGetJsonFile, apiPath } from '@/api/client';
import type { BackupType } from '@/api/schemas/common';
import { groupListSchema, namespaceListSchema, snapshotListSchema } from '@/api/schemas/content';
import { manifestSchema } from '@/api/schemas/manifest';
import { contentRequests, nsParam } from './requests';
import { snapshotFacts } from './snapshot-facts';

export interface GroupRef {
  store: string;
  ns: string;
  type: BackupType;
  id: string;
}

export interface SnapshotRef extends GroupRef {
  time: number;
}

function fetchSnapshots({ store, ns, type, id }: GroupRef, signal: AbortSignal) {
  return apiGet(
    apiPath`/admin/datastore/${store}/snapshots`,
    snapshotListSchema,
    { ...nsParam(ns), 'backup-type': type, 'backup-id': id },
    { signal },
  );
}

/*
 * Content changes when backups arrive (nightly) or when the user acts; actions invalidate ['content'].
 * No polling: the view refetches on mount after staleTime.
 */
export const contentQueries = {
  /** Every namespace of the store the user may see, the root included. */
  namespaces: (store: string) =>
    queryOptions({
      queryKey: ['content', 'namespaces', { store }],
      queryFn: ({ signal }) => {
        const { path, params } = contentRequests.namespaces(store);
        return apiGet(path, namespaceListSchema, params, { signal });
      },
    }),
  groups: (store: string, ns: string) =>
    queryOptions({
      queryKey: ['content', 'groups', { store, ns }],
      queryFn: ({ signal }) => {
        const { path, params } = contentRequests.groups(store, ns);
        return apiGet(path, groupListSchema, params, { signal });
      },
    }),
  snapshots: ({ store, ns, type, id }: GroupRef) =>
    queryOptions({
      queryKey: ['content', 'snapshots', { store, ns, type, id }],
      queryFn: ({ signal }) => fetchSnapshots({ store, ns, type, id }, signal),
    }),
  /**
   * What the snapshot filters need of a group the user has not opened, in compact columns: the background
   * search of a 600 × 1000 store keeps numbers, not 600,000 parsed snapshots.
   */
  snapshotFacts: ({ store, ns, type, id }: GroupRef) =>
    queryOptions({
      queryKey: ['content', 'snapshot-facts', { store, ns, type, id }],
      queryFn: async ({ signal }) => snapshotFacts(await fetchSnapshots({ store, ns, type, id }, signal)),
    }),
  manifest: ({ store, ns, type, id, time }: SnapshotRef) =>
    queryOptions({
      queryKey: ['content', 'manifest', { store, ns, type, id, time }],
      queryFn: ({ signal }) =>
        apiGetJsonFile(
          apiPath`/admin/datastore/${store}/download-decoded`,
          manifestSchema,
          { ...nsParam(ns), 'backup-type': type, 'backup-id': id, 'backup-time': time, 'file-name': 'index.json.blob' },
          { signal },
        ),
      staleTime: 5 * 60_000,
    }),
};
