import { queryOptions } from '@tanstack/react-query';
import { domainListSchema, permissionsSchema } from '@/api/schemas/access';
import { getData, type Server } from './server';
import { accessKeys } from './keys';
export { accessKeys } from './keys';

export const accessQueries = {
  /** The login realms. */
  domains: (srv: Server) =>
    queryOptions({
      queryKey: [...accessKeys.all(srv), 'domains'],
      queryFn: ({ signal }) => getData(srv, '/access/domains', domainListSchema, undefined, signal),
      staleTime: Infinity,
    }),
  /** Read once per session: the key carries the user, and logout clears the cache. */
  permissions: (srv: Server, user: string) =>
    queryOptions({
      queryKey: [...accessKeys.permissions(srv), user],
      queryFn: ({ signal }) => getData(srv, '/access/permissions', permissionsSchema, undefined, signal),
      staleTime: Infinity,
    }),
};
