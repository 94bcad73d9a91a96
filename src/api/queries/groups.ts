import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiPath } from '@/api/path';
import type { ListedBackupType } from '@/api/schemas/common';
import { groupListSchema } from '@/api/schemas/content';
import { groupListRequest, nsParam } from './content-params';
import { getData, type Server } from './server';
import { groupKeys } from './keys';
export { groupKeys } from './keys';

export interface GroupRef {
  store: string;
  ns: string;
  type: ListedBackupType;
  id: string;
}

export const groupQueries = {
  /** The backup groups of one namespace (not below it). */
  list: (srv: Server, store: string, ns: string) =>
    queryOptions({
      queryKey: [...groupKeys.all(srv), 'list', { store, ns }],
      queryFn: ({ signal }) => {
        const { path, params } = groupListRequest(store, ns);
        return getData(srv, path, groupListSchema, params, signal);
      },
    }),
  notes: (srv: Server, t: GroupRef) =>
    queryOptions({
      queryKey: [...groupKeys.all(srv), 'notes', { ...t }],
      queryFn: ({ signal }) =>
        getData(
          srv,
          apiPath`/admin/datastore/${t.store}/group-notes`,
          z.string(),
          { ...nsParam(t.ns), 'backup-type': t.type, 'backup-id': t.id },
          signal,
        ),
    }),
};
