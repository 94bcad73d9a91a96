// /access: login (ticket), realms, permissions, users.
import type { HttpHandler } from 'msw';
import { AuthFailure, REALMS } from '../sim/auth/auth-model';
import { PRIV } from '../sim/auth/privileges';
import { sha256, toHex } from '../sim/auth/sha';
import { tokensOf, tokenView, userConfigDigest, userView } from '../sim/auth/user-config';
import { ANYBODY, WORLD } from './auth-gate';
import type { HandlerContext } from './context';
import { HttpError, ok } from './respond';
import { route } from './route';
import { ACL_PATH, AUTHID, USERID, bool, int, opt, req, str } from './schemas';

const EMPTY_CONFIG_DIGEST = toHex(sha256(new Uint8Array()));

export function accessHandlers(ctx: HandlerContext): HttpHandler[] {
  return [
    route(ctx, {
      method: 'post',
      path: '/access/ticket',
      access: WORLD,
      params: {
        username: req(USERID),
        password: opt(str()),
        'tfa-challenge': opt(str()),
        path: opt(str()),
        privs: opt(str()),
        port: opt(int(0, 65535)),
      },
      handler: ({ params, auth }) => {
        try {
          return ok(
            auth.login(
              params.username as string,
              params.password as string | undefined,
              params['tfa-challenge'] as string | undefined,
            ),
          );
        } catch (e) {
          if (e instanceof AuthFailure) throw new HttpError(401, 'permission check failed.');
          throw e;
        }
      },
    }),
    route(ctx, {
      method: 'get',
      path: '/access/domains',
      access: WORLD,
      params: {},
      handler: () =>
        ok(
          REALMS.map((r) => ({ ...r })),
          { digest: EMPTY_CONFIG_DIGEST },
        ),
    }),
    route(ctx, {
      method: 'get',
      path: '/access/permissions',
      access: ANYBODY,
      params: { 'auth-id': opt(AUTHID), path: opt(ACL_PATH) },
      handler: ({ params, authid, auth }) => {
        const wanted = (params['auth-id'] as string | undefined) ?? authid;
        if (wanted !== authid) {
          const mayAudit = (auth.privs(authid, '/access') & PRIV.SYS_AUDIT) !== 0;
          const ownToken = !authid.includes('!') && wanted.startsWith(`${authid}!`);
          if (!mayAudit && !ownToken) throw new Error(`not allowed to list permissions of ${wanted}`);
        }
        return ok(auth.permissions(wanted, params.path as string | undefined));
      },
    }),
    route(ctx, {
      method: 'get',
      path: '/access/users',
      access: ANYBODY,
      params: { include_tokens: opt(bool) },
      handler: ({ params, authid, auth }) => {
        const all = (auth.privs(authid, '/access/users') & PRIV.SYS_AUDIT) !== 0;
        const self = authid.split('!')[0];
        const users = [...auth.users.values()].filter((u) => all || u.userid === self);
        const list = users.map((u) => {
          const tokens = params.include_tokens
            ? tokensOf(auth, u.userid).map((id) => tokenView(auth.tokens.get(id)!))
            : [];
          // PBS leaves out an empty token list
          return { ...userView(u), ...(tokens.length ? { tokens } : {}) };
        });
        return ok(list, { digest: userConfigDigest(auth) });
      },
    }),
  ];
}
