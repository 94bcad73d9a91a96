// /access/acl (src/api2/access/acl.rs): the ACL as PBS lists it, and PUT to add or remove one role of one id on one
// path. PBS has no groups: a `group` is refused with its own text.
import type { HttpHandler } from 'msw';
import { ROLES } from '../sim/auth/privileges';
import { aclConfigDigest, readAcl, updateAcl } from '../sim/auth/user-config';
import { ANYBODY } from './auth-gate';
import type { HandlerContext } from './context';
import { ok } from './respond';
import { route } from './route';
import { ACL_PATH, AUTHID, DIGEST, bool, opt, req, str } from './schemas';

const ROLE = str({ enum: Object.keys(ROLES) });
const GROUP_ID = str({ pattern: /^[^\s:/\p{Cc}]+$/u, minLength: 3, maxLength: 64 });

export function aclHandlers(ctx: HandlerContext): HttpHandler[] {
  return [
    route(ctx, {
      method: 'get',
      path: '/access/acl',
      access: ANYBODY,
      params: { path: opt(ACL_PATH), exact: opt(bool) },
      handler: ({ params, auth, authid }) => {
        const list = readAcl(auth, authid, params.path as string | undefined, (params.exact as boolean) ?? false);
        return ok(
          list.map((e) => ({
            path: e.path,
            ugid: e.ugid,
            ugid_type: 'user',
            propagate: e.propagate,
            roleid: e.roleid,
          })),
          { digest: aclConfigDigest(auth) },
        );
      },
    }),
    route(ctx, {
      method: 'put',
      path: '/access/acl',
      access: ANYBODY,
      params: {
        path: req(ACL_PATH),
        role: req(ROLE),
        propagate: opt(bool),
        'auth-id': opt(AUTHID),
        group: opt(GROUP_ID),
        delete: opt(bool),
        digest: opt(DIGEST),
      },
      handler: ({ params, auth, authid }) => {
        updateAcl(auth, authid, {
          path: params.path as string,
          role: params.role as string,
          propagate: params.propagate as boolean | undefined,
          authid: params['auth-id'] as string | undefined,
          group: params.group as string | undefined,
          delete: params.delete as boolean | undefined,
          digest: params.digest as string | undefined,
        });
        return ok(null);
      },
    }),
  ];
}
