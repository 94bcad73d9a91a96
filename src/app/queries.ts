import { accessQueries } from '@/api/queries/access';
import { defaultServer } from '@/api/queries/default-server';
import { groupQueries } from '@/api/queries/groups';
import { nodeQueries } from '@/api/queries/node';

export const appQueries = {
  version: () => nodeQueries.version(defaultServer),
  /** The server's zone, for hover texts of times; it changes only by an admin's hand. */
  nodeTime: () => nodeQueries.time(defaultServer),
  /** The groups of a namespace, for a group's owner. */
  groups: (store: string, ns: string) => groupQueries.list(defaultServer, store, ns),
  permissions: (user: string, path?: string) => accessQueries.permissions(defaultServer, user, path),
};
