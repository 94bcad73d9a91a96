import { queryOptions } from '@tanstack/react-query';
import { addedSpace, type AddedTarget } from '@/api/space/added';
import type { Server } from './server';
import { snapshotKeys } from './keys';

export const spaceQueries = {
  /**
   * What one finished snapshot added and reused, from its and the previous backup's index files. Under the
   * snapshots' key: a forget or prune that removes the previous backup makes it count again.
   */
  added: (srv: Server, t: AddedTarget) =>
    queryOptions({
      queryKey: [...snapshotKeys.all(srv), 'added', t],
      queryFn: ({ client, signal }) => addedSpace(client, t, signal),
      staleTime: 5 * 60_000,
      retry: false,
    }),
};
