import { queryOptions } from '@tanstack/react-query';
import { apiPost } from '@/api/client';
import { apiPath } from '@/api/path';
import type { BackupType } from '@/api/schemas/common';
import { pruneResultSchema } from '@/api/schemas/content';
import type { KeepOptions } from '@/lib/prune';
import { nsParam } from './content-params';
import type { Server } from './server';
import { pruneKeys } from './keys';
export { pruneKeys } from './keys';

export interface PruneGroupRef {
  store: string;
  ns: string;
  type: BackupType;
  id: string;
}

export const pruneQueries = {
  /**
   * The server's dry run of a policy on one group: nothing is removed. A POST, so it goes through the
   * console's client; the embed, which never writes, has no use for it.
   */
  dryRun: (srv: Server, { store, ns, type, id }: PruneGroupRef, keep: KeepOptions) =>
    queryOptions({
      queryKey: [...pruneKeys.all(srv), 'dry-run', { store, ns, type, id, keep }],
      queryFn: ({ signal }) =>
        apiPost(
          apiPath`/admin/datastore/${store}/prune`,
          pruneResultSchema,
          { ...nsParam(ns), 'backup-type': type, 'backup-id': id, ...keep, 'dry-run': true },
          { signal },
        ),
    }),
};
