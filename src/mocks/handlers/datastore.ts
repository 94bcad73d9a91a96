// /admin/datastore: list, status, rrd, gc, namespaces, groups, snapshots, files, verify, active operations.
import type { HttpHandler } from 'msw';
import { NS_PRIVS_OK, PRIV } from '../sim/auth/privileges';
import type { BackupType, RrdCf, RrdTimeframe } from '../sim/simulator';
import { ANYBODY, privilege } from './auth-gate';
import type { HandlerContext } from './context';
import { checkBackupOwner, checkNsPrivsFull } from './ns-privs';
import { HttpError, ok } from './respond';
import { route, type ApiCall } from './route';
import { contentHandlers } from './datastore-content';
import { downloadHandlers } from './downloads';
import {
  BACKUP_ID,
  BACKUP_TIME,
  BACKUP_TYPE,
  DATASTORE,
  MAX_DEPTH,
  NAMESPACE,
  RRD_CF,
  RRD_TIMEFRAME,
  bool,
  int,
  opt,
  req,
} from './schemas';

const store = { store: req(DATASTORE) };
const P = PRIV;

function listDatastores({ sim, auth, authid }: ApiCall) {
  const list = sim.listDatastores().flatMap((item) => {
    const path = `/datastore/${item.store}`;
    if (auth.hasPrivs(authid, path, P.DATASTORE_AUDIT | P.DATASTORE_BACKUP, true)) return [item];
    // visible by name only, through a namespace below it
    if (auth.anyPrivsBelow(authid, path, NS_PRIVS_OK)) return [{ ...item, comment: null }];
    return [];
  });
  return ok(list);
}

function status({ params, sim, auth, authid }: ApiCall) {
  const name = params.store as string;
  const privs = auth.privs(authid, `/datastore/${name}`);
  const full = (privs & (P.DATASTORE_AUDIT | P.DATASTORE_BACKUP)) !== 0;
  if (!full && (privs & P.DATASTORE_READ) === 0 && !auth.anyPrivsBelow(authid, `/datastore/${name}`, NS_PRIVS_OK)) {
    throw new HttpError(403, 'permission check failed');
  }
  const s = sim.datastoreStatus(name, (params.verbose as boolean | undefined) ?? false);
  if (full) return ok(s);
  const { 'gc-status': _gc, ...rest } = s;
  return ok({ ...rest, total: 0, used: 0, avail: 0 });
}

function verify({ params, sim, auth, authid }: ApiCall) {
  const name = params.store as string;
  const ns = params.ns as string | undefined;
  const limited = checkNsPrivsFull(auth, authid, name, ns, P.DATASTORE_VERIFY, P.DATASTORE_BACKUP);
  const type = params['backup-type'] as BackupType | undefined;
  const id = params['backup-id'] as string | undefined;
  const time = params['backup-time'] as number | undefined;
  const group = type !== undefined && id !== undefined;
  const none = type === undefined && id === undefined && time === undefined;
  if (!group && !none) throw new Error('parameters do not specify a backup group or snapshot');
  if (group && limited) checkBackupOwner(sim.owner(name, ns, type, id), authid);
  const upid = sim.startVerify(
    name,
    {
      ns,
      type,
      id,
      time,
      ignoreVerified: params['ignore-verified'] as boolean | undefined,
      outdatedAfter: params['outdated-after'] as number | undefined,
      maxDepth: params['max-depth'] as number | undefined,
    },
    authid,
  );
  return ok(upid);
}

export function datastoreHandlers(ctx: HandlerContext): HttpHandler[] {
  return [
    route(ctx, { method: 'get', path: '/admin/datastore', access: ANYBODY, params: {}, handler: listDatastores }),
    route(ctx, {
      method: 'get',
      path: '/admin/datastore/:store/status',
      access: ANYBODY,
      params: { ...store, verbose: opt(bool) },
      handler: status,
    }),
    route(ctx, {
      method: 'get',
      path: '/admin/datastore/:store/rrd',
      access: privilege('/datastore/{store}', P.DATASTORE_AUDIT | P.DATASTORE_BACKUP, true),
      params: { ...store, timeframe: req(RRD_TIMEFRAME), cf: req(RRD_CF) },
      handler: ({ params, sim }) =>
        ok(sim.datastoreRrd(params.store as string, params.timeframe as RrdTimeframe, params.cf as RrdCf)),
    }),
    route(ctx, {
      method: 'get',
      path: '/admin/datastore/:store/gc',
      access: privilege('/datastore/{store}', P.DATASTORE_AUDIT),
      params: store,
      handler: ({ params, sim }) => ok(sim.gcJobStatus(params.store as string)),
    }),
    route(ctx, {
      method: 'post',
      path: '/admin/datastore/:store/gc',
      access: privilege('/datastore/{store}', P.DATASTORE_MODIFY),
      params: store,
      handler: ({ params, sim, authid }) => ok(sim.startGc(params.store as string, authid)),
    }),
    route(ctx, {
      method: 'get',
      path: '/admin/datastore/:store/active-operations',
      access: privilege('/datastore/{store}', P.DATASTORE_AUDIT, true),
      params: store,
      handler: ({ params, sim }) => ok(sim.activeOperations(params.store as string)),
    }),
    route(ctx, {
      method: 'post',
      path: '/admin/datastore/:store/verify',
      access: ANYBODY,
      params: {
        ...store,
        ns: opt(NAMESPACE),
        'backup-type': opt(BACKUP_TYPE),
        'backup-id': opt(BACKUP_ID),
        'backup-time': opt(BACKUP_TIME),
        'ignore-verified': opt(bool),
        'outdated-after': opt(int(0)),
        'max-depth': opt(MAX_DEPTH),
      },
      handler: verify,
    }),
    ...contentHandlers(ctx),
    ...downloadHandlers(ctx),
  ];
}
