import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '@/api/client';
import { permissionsSchema } from '@/api/schemas/access';
import { nodeTimeSchema, versionSchema } from '@/api/schemas/node';

export const appQueries = {
  version: () =>
    queryOptions({
      queryKey: ['node', 'version'],
      queryFn: ({ signal }) => apiGet('/version', versionSchema, undefined, { signal }),
      staleTime: Infinity,
    }),
  /** The server's zone, for hover texts of times; it changes only by an admin's hand. */
  nodeTime: () =>
    queryOptions({
      queryKey: ['node', 'time'],
      queryFn: ({ signal }) => apiGet('/nodes/localhost/time', nodeTimeSchema, undefined, { signal }),
      staleTime: Infinity,
    }),
  /** Read once per session: the key carries the user, and logout clears the cache. */
  permissions: (user: string) =>
    queryOptions({
      queryKey: ['permissions', user],
      queryFn: ({ signal }) => apiGet('/access/permissions', permissionsSchema, undefined, { signal }),
      staleTime: Infinity,
    }),
};
