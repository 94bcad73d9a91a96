import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { apiDelete, apiPath, apiPost, apiPut, type Params } from '@/api/client';
import { nsParam } from '@/api/queries/content-params';
import { datastoreQueries } from '@/api/queries/datastores';
import { defaultServer } from '@/api/queries/default-server';
import { groupQueries } from '@/api/queries/groups';
import { changes } from '@/api/queries/invalidation';
import { jobConfigQueries, jobQueries, jobsOrThrow, type JobListResult } from '@/api/queries/jobs';
import { namespaceQueries } from '@/api/queries/namespaces';
import { nodeQueries } from '@/api/queries/node';
import { pruneQueries as dryRuns } from '@/api/queries/prune';
import { snapshotQueries } from '@/api/queries/snapshots';
import { nullSchema, upidSchema, type BackupType } from '@/api/schemas/common';
import { pruneResultSchema } from '@/api/schemas/content';
import type { PruneJobStatus } from '@/api/schemas/jobs';
import { everyItem, readableItems } from '@/lib/item-error';
import type { KeepOptions } from '@/lib/prune';

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
/** The prune jobs with the digest of prune.cfg, or the refusal as an error. */
const withDigest = (result: JobListResult<PruneJobStatus>) => ({
  data: jobsOrThrow(result),
  failed: result.available ? result.failed : [],
  digest: result.available ? result.digest : undefined,
});

export const pruneQueries = {
  /** GET /admin/prune: jobs with their schedule status, and the digest of prune.cfg. */
  jobs: (store?: string) => queryOptions({ ...jobQueries.prune(defaultServer, store), select: withDigest }),
  /** One job's config with the digest an edit sends back. */
  job: (id: string) => ({ ...jobConfigQueries.prune(defaultServer, id), staleTime: 0 }),
  datastores: () => queryOptions({ ...datastoreQueries.list(defaultServer), select: readableItems }),
  namespaces: (store: string) =>
    queryOptions({ ...namespaceQueries.list(defaultServer, store), select: readableItems }),
  // A prune preview must see every group and snapshot: one the server sent unreadable fails it, naming the field.
  groups: (store: string, ns: string) =>
    queryOptions({ ...groupQueries.list(defaultServer, store, ns), select: everyItem }),
  /** Snapshots of one group, or of every group in the namespace when `group` is absent. */
  snapshots: (store: string, ns: string, group?: { type: BackupType; id: string }) =>
    queryOptions({ ...snapshotQueries.list(defaultServer, { store, ns, ...(group && { group }) }), select: everyItem }),
  /** The server's dry run of a policy on one group: nothing is removed. */
  dryRun: (ref: PruneGroupRef, keep: KeepOptions) => dryRuns.dryRun(defaultServer, ref, keep),
  /** The server's zone: prune periods (days, weeks…) are counted in it. The app shell's query. */
  nodeTime: () => nodeQueries.time(defaultServer),
};

const changed = () => ({
  meta: { changes: [...changes.jobs(defaultServer, 'prune'), ...changes.tasks(defaultServer)] },
});
// snapshots went: the content views, usage and GC's pending figures are affected
const dataChanged = () => ({
  meta: {
    changes: [...changes.jobs(defaultServer), ...changes.tasks(defaultServer), ...changes.content(defaultServer)],
  },
});
export interface JobUpdate {
  id: string;
  params: Params;
  delete: string[];
  digest: string | undefined;
}

export const pruneMutations = {
  create: () =>
    mutationOptions({ ...changed(), mutationFn: (params: Params) => apiPost('/config/prune', nullSchema, params) }),
  update: () =>
    mutationOptions({
      ...changed(),
      mutationFn: ({ id, params, delete: del, digest }: JobUpdate) =>
        apiPut(apiPath`/config/prune/${id}`, nullSchema, { ...params, ...(del.length > 0 && { delete: del }), digest }),
    }),
  remove: () =>
    mutationOptions({
      ...changed(),
      mutationFn: ({ id, digest }: { id: string; digest: string | undefined }) =>
        apiDelete(apiPath`/config/prune/${id}`, nullSchema, { digest }),
    }),
  run: () =>
    mutationOptions({
      ...dataChanged(),
      mutationFn: (id: string) => apiPost(apiPath`/admin/prune/${id}/run`, upidSchema),
    }),
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
