import { queryOptions } from '@tanstack/react-query';
import { domainListSchema, permissionsSchema, type Permissions } from '@/api/schemas/access';
import { getData, type Server } from './server';
import { accessKeys } from './keys';
export { accessKeys } from './keys';

/** The request behind `permissions`, for the reload that starts it before the view's code has loaded (app/early-start). */
export const permissionsRequest = (path?: string) => ({
  path: '/access/permissions',
  ...(path === undefined ? {} : { params: { path } }),
});

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

/**
 * The privilege names an answer of `permissions` with a path grants on `path`. PBS lists the path itself, or
 * nothing when the user holds no privilege there (NoAccess included). A server that ignores `path` and
 * lists its ACL paths instead is read as PBS reads that list: the nearest listed parent's propagating
 * privileges.
 */
export function privilegesAt(answer: Permissions | undefined, path: string): ReadonlySet<string> {
  const own = answer?.[path];
  if (own) return new Set(Object.keys(own));
  const parts = path.split('/').filter(Boolean);
  for (let i = parts.length - 1; i >= 0; i--) {
    const parent = answer?.[`/${parts.slice(0, i).join('/')}`];
    if (parent) return new Set(Object.entries(parent).flatMap(([name, propagates]) => (propagates ? [name] : [])));
  }
  return new Set();
}
