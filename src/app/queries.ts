import { accessQueries } from '@/api/queries/access';
import { defaultServer } from '@/api/queries/default-server';
import { nodeQueries } from '@/api/queries/node';

export const appQueries = {
  version: () => nodeQueries.version(defaultServer),
  /** The server's zone, for hover texts of times; it changes only by an admin's hand. */
  nodeTime: () => nodeQueries.time(defaultServer),
  permissions: (user: string, path?: string) => accessQueries.permissions(defaultServer, user, path),
};
