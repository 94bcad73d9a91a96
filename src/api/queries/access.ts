import { queryOptions } from '@tanstack/react-query';
import { domainListSchema, permissionsSchema } from '@/api/schemas/access';
import { getData, type Server } from './server';
import { permissionsRequest } from './access-request';
import { accessKeys } from './keys';
export { permissionsRequest } from './access-request';
export { accessKeys } from './keys';

export const accessQueries = {
  /** The login realms. */
  domains: (srv: Server) =>
    queryOptions({
      queryKey: [...accessKeys.all(srv), 'domains'],
      queryFn: ({ signal }) => getData(srv, '/access/domains', domainListSchema, undefined, signal),
      staleTime: Infinity,
    }),
  /**
   * What the user holds: without `path`, every ACL path PBS lists (paths where the user holds nothing are
   * left out); with `path`, that path alone, propagation and NoAccess included, or `{}` when the user
   * holds nothing there (read it with `privilegesAt`). Asked once per path and session: the key carries
   * the user, logout clears the cache, and ACL changes show after the next login.
   */
  permissions: (srv: Server, user: string, path?: string) =>
    queryOptions({
      queryKey:
        path === undefined ? [...accessKeys.permissions(srv), user] : [...accessKeys.permissions(srv), user, { path }],
      queryFn: ({ signal }) => {
        const request = permissionsRequest(path);
        return getData(srv, request.path, permissionsSchema, request.params, signal);
      },
      staleTime: Infinity,
      ...(path === undefined ? {} : { gcTime: Infinity }),
    }),
};
