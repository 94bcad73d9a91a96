// /config/datastore (list, read, update with digest); job configs live in verify-jobs.ts, prune.ts and sync.ts.
import type { HttpHandler } from 'msw';
import { PRIV } from '../sim/auth/privileges';
import { ANYBODY, privilege } from './auth-gate';
import type { HandlerContext } from './context';
import type { ParamValue } from './params';
import { ok } from './respond';
import { route, type ApiCall } from './route';
import { DATASTORE, DIGEST, SINGLE_LINE_COMMENT, USERID, bool, int, opt, req, str } from './schemas';

const DELETABLE = [
  'comment',
  'gc-schedule',
  'prune-schedule',
  'keep-last',
  'keep-hourly',
  'keep-daily',
  'keep-weekly',
  'keep-monthly',
  'keep-yearly',
  'verify-new',
  'notify-user',
  'notify',
  'notification-mode',
  'tuning',
  'maintenance-mode',
] as const;

const keep = opt(int(1));

const UPDATER = {
  comment: opt(SINGLE_LINE_COMMENT),
  'gc-schedule': opt(str()),
  'prune-schedule': opt(str()),
  'keep-last': keep,
  'keep-hourly': keep,
  'keep-daily': keep,
  'keep-weekly': keep,
  'keep-monthly': keep,
  'keep-yearly': keep,
  'verify-new': opt(bool),
  'notify-user': opt(USERID),
  notify: opt(str()),
  'notification-mode': opt(str({ enum: ['legacy-sendmail', 'notification-system'] })),
  tuning: opt(str()),
  'maintenance-mode': opt(str()),
};

function update({ params, sim }: ApiCall) {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (key in UPDATER && value !== undefined) values[key] = String(value as ParamValue);
  }
  const del = ((params.delete as string[] | undefined) ?? []).slice();
  sim.updateDatastoreConfig(params.name as string, values, del, params.digest as string | undefined);
  return ok(null);
}

export function configHandlers(ctx: HandlerContext): HttpHandler[] {
  return [
    route(ctx, {
      method: 'get',
      path: '/config/datastore',
      access: ANYBODY,
      params: {},
      handler: ({ sim, auth, authid }) =>
        ok(
          sim.datastoreConfigs().filter((c) => auth.hasPrivs(authid, `/datastore/${c.name}`, PRIV.DATASTORE_AUDIT)),
          { digest: sim.configDigest() },
        ),
    }),
    route(ctx, {
      method: 'get',
      path: '/config/datastore/:name',
      access: privilege('/datastore/{name}', PRIV.DATASTORE_AUDIT),
      params: { name: req(DATASTORE) },
      handler: ({ params, sim }) => {
        const config = sim.datastoreConfig(params.name as string);
        return ok(config, { digest: sim.configDigest() });
      },
    }),
    route(ctx, {
      method: 'put',
      path: '/config/datastore/:name',
      access: privilege('/datastore/{name}', PRIV.DATASTORE_MODIFY),
      params: {
        name: req(DATASTORE),
        ...UPDATER,
        delete: opt({ type: 'array', items: str({ enum: DELETABLE }) }),
        digest: opt(DIGEST),
      },
      handler: update,
    }),
  ];
}
