import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { apiDelete, apiGet, apiGetWithMeta, apiPath, apiPost, apiPut, type Params } from '@/api/client';
import { nullSchema, upidSchema, type BackupType } from '@/api/schemas/common';
import { groupListSchema, namespaceListSchema, pruneResultSchema, snapshotListSchema } from '@/api/schemas/content';
import { datastoreListSchema } from '@/api/schemas/datastore';
import { nodeTimeSchema } from '@/api/schemas/node';
import { pruneJobConfigSchema, pruneJobStatusListSchema } from '@/api/schemas/prune';
import type { KeepOptions } from '@/lib/prune';

/** `ns` only off the root: PBS treats an absent and an empty `ns` alike. */
const nsParam = (ns: string) => (ns === '' ? {} : { ns });

export interface PruneGroupRef {
  store: string;
  ns: string;
  type: BackupType;
  id: string;
}

/*
 * No polling: jobs and content change when the user acts here (mutations invalidate) or overnight; the
 * lists refetch on mount after the default stale time.
 */
export const pruneQueries = {
  /** GET /admin/prune: jobs with their schedule status, and the digest of prune.cfg. */
  jobs: (store?: string) =>
    queryOptions({
      queryKey: ['prune', 'jobs', { store }],
      queryFn: ({ signal }) => apiGetWithMeta('/admin/prune', pruneJobStatusListSchema, { store }, { signal }),
    }),
  /** One job's config with the digest an edit sends back. */
  job: (id: string) =>
    queryOptions({
      queryKey: ['prune', 'job', id],
      queryFn: ({ signal }) => apiGetWithMeta(apiPath`/config/prune/${id}`, pruneJobConfigSchema, undefined, { signal }),
      staleTime: 0,
    }),
  datastores: () =>
    queryOptions({
      queryKey: ['prune', 'datastores'],
      queryFn: ({ signal }) => apiGet('/admin/datastore', datastoreListSchema, undefined, { signal }),
    }),
  namespaces: (store: string) =>
    queryOptions({
      queryKey: ['prune', 'namespaces', { store }],
      queryFn: ({ signal }) => apiGet(apiPath`/admin/datastore/${store}/namespace`, namespaceListSchema, { 'max-depth': 7 }, { signal }),
    }),
  groups: (store: string, ns: string) =>
    queryOptions({
      queryKey: ['prune', 'groups', { store, ns }],
      queryFn: ({ signal }) => apiGet(apiPath`/admin/datastore/${store}/groups`, groupListSchema, nsParam(ns), { signal }),
    }),
  /** Snapshots of one group, or of every group in the namespace when `group` is absent. */
  snapshots: (store: string, ns: string, group?: { type: BackupType; id: string }) =>
    queryOptions({
      queryKey: ['prune', 'snapshots', { store, ns, group }],
      queryFn: ({ signal }) =>
        apiGet(
          apiPath`/admin/datastore/${store}/snapshots`,
          snapshotListSchema,
          { ...nsParam(ns), ...(group && { 'backup-type': group.type, 'backup-id': group.id }) },
          { signal },
        ),
    }),
  /** The server's dry run of a policy on one group: nothing is removed. */
  dryRun: ({ store, ns, type, id }: PruneGroupRef, keep: KeepOptions) =>
    queryOptions({
      queryKey: ['prune', 'dry-run', { store, ns, type, id, keep }],
      queryFn: ({ signal }) =>
        apiPost(
          apiPath`/admin/datastore/${store}/prune`,
          pruneResultSchema,
          { ...nsParam(ns), 'backup-type': type, 'backup-id': id, ...keep, 'dry-run': true },
          { signal },
        ),
    }),
  /** The server's zone: prune periods (days, weeks…) are counted in it. Same key as the app shell's. */
  nodeTime: () =>
    queryOptions({
      queryKey: ['node', 'time'],
      queryFn: ({ signal }) => apiGet('/nodes/localhost/time', nodeTimeSchema, undefined, { signal }),
      staleTime: Infinity,
    }),
};

const changed = () => ({ mutationKey: ['prune'], meta: { invalidates: [['jobs'], ['tasks']] } });
// snapshots went: the content views, usage and GC's pending figures are affected
const dataChanged = () => ({ mutationKey: ['prune'], meta: { invalidates: [['jobs'], ['tasks'], ['content'], ['datastores']] } });

export interface JobUpdate {
  id: string;
  params: Params;
  delete: string[];
  digest: string | undefined;
}

export const pruneMutations = {
  create: () => mutationOptions({ ...changed(), mutationFn: (params: Params) => apiPost('/config/prune', nullSchema, params) }),
  update: () =>
    mutationOptions({
      ...changed(),
      mutationFn: ({ id, params, delete: del, digest }: JobUpdate) =>
        apiPut(apiPath`/config/prune/${id}`, nullSchema, { ...params, ...(del.length > 0 && { delete: del }), digest }),
    }),
  remove: () =>
    mutationOptions({
      ...changed(),
      mutationFn: ({ id, digest }: { id: string; digest: string | undefined }) => apiDelete(apiPath`/config/prune/${id}`, nullSchema, { digest }),
    }),
  run: () => mutationOptions({ ...dataChanged(), mutationFn: (id: string) => apiPost(apiPath`/admin/prune/${id}/run`, upidSchema) }),
  /** Prunes one group now; PBS answers with the marks after removing (a `prune` task logs it too). */
  pruneGroup: () =>
    mutationOptions({
      ...dataChanged(),
      mutationFn: ({ ref, keep }: { ref: PruneGroupRef; keep: KeepOptions }) =>
        apiPost(apiPath`/admin/datastore/${ref.store}/prune`, pruneResultSchema, {
          ...nsParam(ref.ns),
          'backup-type': ref.type,
          'backup-id': ref.id,
          ...keep,
          'dry-run': false,
        }),
    }),
};
