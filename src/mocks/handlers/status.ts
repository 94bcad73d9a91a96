// /status/datastore-usage: full rows for stores the caller may audit (or back up to), the bare name for stores it
// only reaches through a namespace, nothing for the rest.
import type { HttpHandler } from 'msw';
import { NS_PRIVS_OK, PRIV } from '../sim/auth/privileges';
import { ANYBODY } from './auth-gate';
import type { HandlerContext } from './context';
import { ok } from './respond';
import { route } from './route';

export function statusHandlers(ctx: HandlerContext): HttpHandler[] {
  return [
    route(ctx, {
      method: 'get',
      path: '/status/datastore-usage',
      access: ANYBODY,
      params: {},
      handler: ({ sim, auth, authid }) =>
        ok(
          sim.datastoreUsage().flatMap((item) => {
            const path = `/datastore/${item.store}`;
            if (auth.hasPrivs(authid, path, PRIV.DATASTORE_AUDIT | PRIV.DATASTORE_BACKUP, true)) return [item];
            return auth.anyPrivsBelow(authid, path, NS_PRIVS_OK) ? [{ store: item.store }] : [];
          }),
        ),
    }),
  ];
}
