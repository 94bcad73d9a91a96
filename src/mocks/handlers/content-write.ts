// Writes to a datastore's content: forget group/snapshot, notes, protection, change owner, namespaces. Privilege
// checks follow PBS (src/api2/admin/datastore.rs, namespace.rs): a "full" privilege on the namespace, or the
// partial one plus owning the group; namespace changes need Datastore.Modify on the parent.
import type { HttpHandler } from 'msw';
import { PRIV } from '../sim/auth/privileges';
import type { BackupType, Simulator } from '../sim/simulator';
import { childNamespace, refuseRoot } from '../sim/content-write';
import type { AuthModel } from '../sim/auth/auth-model';
import { isToken, userOf } from '../sim/auth/acl';
import { ANYBODY } from './auth-gate';
import type { HandlerContext } from './context';
import { checkBackupOwner, checkNsPrivsFull } from './ns-privs';
import { HttpError, ok } from './respond';
import { route, type ApiCall } from './route';
import type { ParamSchema } from './params';
import { AUTHID, BACKUP_ID, BACKUP_TIME, BACKUP_TYPE, DATASTORE, NAMESPACE, bool, opt, req, str } from './schemas';

const P = PRIV;
const group: ParamSchema = {
  store: req(DATASTORE),
  ns: opt(NAMESPACE),
  'backup-type': req(BACKUP_TYPE),
  'backup-id': req(BACKUP_ID),
};
const snapshot: ParamSchema = { ...group, 'backup-time': req(BACKUP_TIME) };

interface Target {
  store: string;
  ns: string | undefined;
  type: BackupType;
  id: string;
  time: number;
}

function targetOf(params: ApiCall['params']): Target {
  return {
    store: params.store as string,
    ns: params.ns as string | undefined,
    type: params['backup-type'] as BackupType,
    id: params['backup-id'] as string,
    time: params['backup-time'] as number,
  };
}

/** check_privs_and_load_store: full privilege, or the partial one and owning the group. */
function checkGroup(call: ApiCall, full: number, partial: number): Target {
  const t = targetOf(call.params);
  if (checkNsPrivsFull(call.auth, call.authid, t.store, t.ns, full, partial))
    checkBackupOwner(call.sim.owner(t.store, t.ns, t.type, t.id), call.authid);
  return t;
}

/** Datastore.Modify on the parent; PBS checks it on the namespace's parent path. */
function checkNsModify(auth: AuthModel, authid: string, store: string, ns: string): void {
  refuseRoot(ns);
  const parent = ns.split('/').slice(0, -1).join('/');
  checkNsPrivsFull(auth, authid, store, parent || undefined, P.DATASTORE_MODIFY);
}

/** set_backup_owner with only Datastore.Backup: a user may move its groups between itself and its own tokens. */
function mayHandOver(owner: string, next: string, authid: string): boolean {
  if (isToken(owner) && isToken(next)) return userOf(owner) === userOf(next) && userOf(owner) === authid;
  if (isToken(owner)) return userOf(owner) === authid && next === authid;
  if (isToken(next)) return owner === authid && userOf(next) === authid;
  return false;
}

function changeOwner(call: ApiCall, sim: Simulator) {
  const t = targetOf(call.params);
  const next = call.params['new-owner'] as string;
  if (checkNsPrivsFull(call.auth, call.authid, t.store, t.ns, P.DATASTORE_MODIFY, P.DATASTORE_BACKUP)) {
    if (!mayHandOver(sim.owner(t.store, t.ns, t.type, t.id), next, call.authid)) {
      throw new HttpError(
        401,
        `${call.authid} does not have permission to change owner of backup group '${t.type}/${t.id}' to ${next}`,
      );
    }
  }
  if (!call.auth.isActive(next))
    throw new Error(`${isToken(next) ? 'API token' : 'user'} '${next}' is inactive or non-existent`);
  sim.changeOwner(t.store, t.ns, t.type, t.id, next);
  return ok(null);
}

export function contentWriteHandlers(ctx: HandlerContext): HttpHandler[] {
  const path = (p: string) => `/admin/datastore/:store/${p}`;
  return [
    route(ctx, {
      method: 'delete',
      path: path('groups'),
      access: ANYBODY,
      params: { ...group, 'error-on-protected': opt(bool) },
      handler: (call) => {
        const t = checkGroup(call, P.DATASTORE_MODIFY, P.DATASTORE_PRUNE);
        return ok(
          call.sim.forgetGroup(t.store, t.ns, t.type, t.id, call.params['error-on-protected'] as boolean | undefined),
        );
      },
    }),
    route(ctx, {
      method: 'delete',
      path: path('snapshots'),
      access: ANYBODY,
      params: snapshot,
      handler: (call) => {
        const t = checkGroup(call, P.DATASTORE_MODIFY, P.DATASTORE_PRUNE);
        call.sim.forgetSnapshot(t.store, t.ns, t.type, t.id, t.time);
        return ok(null);
      },
    }),
    route(ctx, {
      method: 'get',
      path: path('notes'),
      access: ANYBODY,
      params: snapshot,
      handler: (call) => {
        const t = checkGroup(call, P.DATASTORE_AUDIT, P.DATASTORE_BACKUP);
        return ok(call.sim.snapshotNotes(t.store, t.ns, t.type, t.id, t.time));
      },
    }),
    route(ctx, {
      method: 'put',
      path: path('notes'),
      access: ANYBODY,
      params: { ...snapshot, notes: req(str()) },
      handler: (call) => {
        const t = checkGroup(call, P.DATASTORE_MODIFY, P.DATASTORE_BACKUP);
        call.sim.setSnapshotNotes(t.store, t.ns, t.type, t.id, t.time, call.params.notes as string);
        return ok(null);
      },
    }),
    route(ctx, {
      method: 'get',
      path: path('group-notes'),
      access: ANYBODY,
      params: group,
      handler: (call) => {
        const t = checkGroup(call, P.DATASTORE_AUDIT, P.DATASTORE_BACKUP);
        return ok(call.sim.groupNotes(t.store, t.ns, t.type, t.id));
      },
    }),
    route(ctx, {
      method: 'put',
      path: path('group-notes'),
      access: ANYBODY,
      params: { ...group, notes: req(str()) },
      handler: (call) => {
        const t = checkGroup(call, P.DATASTORE_MODIFY, P.DATASTORE_BACKUP);
        call.sim.setGroupNotes(t.store, t.ns, t.type, t.id, call.params.notes as string);
        return ok(null);
      },
    }),
    route(ctx, {
      method: 'get',
      path: path('protected'),
      access: ANYBODY,
      params: snapshot,
      handler: (call) => {
        const t = checkGroup(call, P.DATASTORE_AUDIT, P.DATASTORE_BACKUP);
        const s = call.sim.listSnapshots(t.store, t.ns, t.type, t.id).find((x) => x['backup-time'] === t.time);
        return ok(s?.protected ?? false);
      },
    }),
    route(ctx, {
      method: 'put',
      path: path('protected'),
      access: ANYBODY,
      params: { ...snapshot, protected: req(bool) },
      handler: (call) => {
        const t = checkGroup(call, P.DATASTORE_MODIFY, P.DATASTORE_BACKUP);
        call.sim.setProtected(t.store, t.ns, t.type, t.id, t.time, call.params.protected as boolean);
        return ok(null);
      },
    }),
    route(ctx, {
      method: 'post',
      path: path('change-owner'),
      access: ANYBODY,
      params: { ...group, 'new-owner': req(AUTHID) },
      handler: (call) => changeOwner(call, call.sim),
    }),
    route(ctx, {
      method: 'post',
      path: path('namespace'),
      access: ANYBODY,
      params: {
        store: req(DATASTORE),
        name: req(str({ pattern: /^[A-Za-z0-9_][A-Za-z0-9._-]*$/, minLength: 1, maxLength: 32 })),
        parent: opt(NAMESPACE),
      },
      handler: ({ params, sim, auth, authid }) => {
        const store = params.store as string;
        const parent = (params.parent as string | undefined) ?? '';
        const ns = childNamespace(parent, params.name as string);
        checkNsModify(auth, authid, store, ns);
        return ok(sim.createNamespace(store, parent, params.name as string));
      },
    }),
    route(ctx, {
      method: 'delete',
      path: path('namespace'),
      access: ANYBODY,
      params: {
        store: req(DATASTORE),
        ns: req(NAMESPACE),
        'delete-groups': opt(bool),
        'error-on-protected': opt(bool),
      },
      handler: ({ params, sim, auth, authid }) => {
        const store = params.store as string;
        const ns = params.ns as string;
        checkNsModify(auth, authid, store, ns);
        const stats = sim.deleteNamespace(
          store,
          ns,
          (params['delete-groups'] as boolean | undefined) ?? false,
          params['error-on-protected'] as boolean | undefined,
        );
        return ok(stats);
      },
    }),
  ];
}
