// /admin/datastore/{store}/{namespace,groups,snapshots,files}: who sees what follows PBS's namespace ACLs and
// group ownership (Datastore.Backup alone shows only the caller's own groups).
import type { HttpHandler } from 'msw';
import { NS_PRIVS_OK, PRIV } from '../sim/auth/privileges';
import type { BackupType } from '../sim/simulator';
import { ANYBODY } from './auth-gate';
import type { HandlerContext } from './context';
import { checkBackupOwner, checkNsPrivsFull, isBackupOwner, nsAclPath } from './ns-privs';
import { HttpError, ok } from './respond';
import { route, type ApiCall } from './route';
import { BACKUP_ID, BACKUP_TIME, BACKUP_TYPE, DATASTORE, MAX_DEPTH, NAMESPACE, opt, req } from './schemas';

const P = PRIV;
const base = { store: req(DATASTORE), ns: opt(NAMESPACE) };

function namespaces({ params, sim, auth, authid }: ApiCall) {
  const name = params.store as string;
  const parent = params.parent as string | undefined;
  const mayParent = (auth.privs(authid, nsAclPath(name, parent)) & NS_PRIVS_OK) !== 0;
  let list;
  try {
    list = sim.listNamespaces(name, parent, params['max-depth'] as number | undefined);
  } catch (e) {
    // a missing parent the caller may not see must not be told apart from a forbidden one
    if (!mayParent) throw new HttpError(403, 'permission check failed');
    throw e;
  }
  const visible = list.filter((n) => (auth.privs(authid, nsAclPath(name, n.ns)) & NS_PRIVS_OK) !== 0);
  if (visible.length === 0 && !mayParent) throw new HttpError(403, 'permission check failed');
  return ok(visible);
}

function groups({ params, sim, auth, authid }: ApiCall) {
  const name = params.store as string;
  const ns = params.ns as string | undefined;
  const limited = checkNsPrivsFull(auth, authid, name, ns, P.DATASTORE_AUDIT, P.DATASTORE_BACKUP);
  const list = sim.listGroups(name, ns);
  return ok(limited ? list.filter((g) => isBackupOwner(g.owner, authid)) : list);
}

function snapshots({ params, sim, auth, authid }: ApiCall) {
  const name = params.store as string;
  const ns = params.ns as string | undefined;
  const limited = checkNsPrivsFull(auth, authid, name, ns, P.DATASTORE_AUDIT, P.DATASTORE_BACKUP);
  const list = sim.listSnapshots(
    name,
    ns,
    params['backup-type'] as BackupType | undefined,
    params['backup-id'] as string | undefined,
  );
  return ok(limited ? list.filter((s) => isBackupOwner(s.owner, authid)) : list);
}

function files({ params, sim, auth, authid }: ApiCall) {
  const name = params.store as string;
  const ns = params.ns as string | undefined;
  const type = params['backup-type'] as BackupType;
  const id = params['backup-id'] as string;
  const limited = checkNsPrivsFull(auth, authid, name, ns, P.DATASTORE_AUDIT | P.DATASTORE_READ, P.DATASTORE_BACKUP);
  if (limited) checkBackupOwner(sim.owner(name, ns, type, id), authid);
  return ok(sim.listFiles(name, ns, type, id, params['backup-time'] as number));
}

export function contentHandlers(ctx: HandlerContext): HttpHandler[] {
  return [
    route(ctx, {
      method: 'get',
      path: '/admin/datastore/:store/namespace',
      access: ANYBODY,
      params: { store: req(DATASTORE), parent: opt(NAMESPACE), 'max-depth': opt(MAX_DEPTH) },
      handler: namespaces,
    }),
    route(ctx, {
      method: 'get',
      path: '/admin/datastore/:store/groups',
      access: ANYBODY,
      params: base,
      handler: groups,
    }),
    route(ctx, {
      method: 'get',
      path: '/admin/datastore/:store/snapshots',
      access: ANYBODY,
      params: { ...base, 'backup-type': opt(BACKUP_TYPE), 'backup-id': opt(BACKUP_ID) },
      handler: snapshots,
    }),
    route(ctx, {
      method: 'get',
      path: '/admin/datastore/:store/files',
      access: ANYBODY,
      params: {
        ...base,
        'backup-type': req(BACKUP_TYPE),
        'backup-id': req(BACKUP_ID),
        'backup-time': req(BACKUP_TIME),
      },
      handler: files,
    }),
  ];
}
