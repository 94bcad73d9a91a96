// Sync jobs, read and run only (src/api2/admin/sync.rs, src/api2/config/sync.rs): editing sync jobs and remotes
// is not simulated.
import type { HttpHandler } from 'msw';
import { isToken, userOf } from '../sim/auth/acl';
import type { AuthModel } from '../sim/auth/auth-model';
import { PRIV } from '../sim/auth/privileges';
import type { SyncJobConfig } from '../sim/simulator';
import { ANYBODY } from './auth-gate';
import type { HandlerContext } from './context';
import { nsAclPath } from './ns-privs';
import { ok } from './respond';
import { route, type ApiCall } from './route';
import { DATASTORE, opt, req } from './schemas';
import { JOB_ID } from './job-params';

const P = PRIV;

/** check_sync_job_read_access */
function mayRead(auth: AuthModel, authid: string, c: SyncJobConfig): boolean {
  if (!auth.hasPrivs(authid, nsAclPath(c.store, c.ns), P.DATASTORE_AUDIT, true)) return false;
  if (c.remote) return auth.hasPrivs(authid, `/remote/${c.remote}`, P.REMOTE_AUDIT, true);
  return auth.hasPrivs(authid, `/datastore/${c['remote-store']}`, P.DATASTORE_AUDIT, true);
}

/** check_sync_job_modify_access */
function mayRun(auth: AuthModel, authid: string, c: SyncJobConfig): boolean {
  const privs = auth.privs(authid, nsAclPath(c.store, c.ns));
  if ((privs & P.DATASTORE_BACKUP) === 0) return false;
  if (c['remove-vanished'] && (privs & P.DATASTORE_PRUNE) === 0) return false;
  const owner = c.owner;
  const correctOwner = owner
    ? owner === authid || (isToken(owner) && !isToken(authid) && userOf(owner) === userOf(authid))
    : authid === 'root@pam';
  if (!correctOwner && (privs & P.DATASTORE_MODIFY) === 0) return false;
  if (c.remote) return auth.hasPrivs(authid, `/remote/${c.remote}/${c['remote-store']}`, P.REMOTE_READ, true);
  return true;
}

const list = ({ sim, auth, authid }: ApiCall) => sim.jobs.listSync().filter((c) => mayRead(auth, authid, c));

export function syncHandlers(ctx: HandlerContext): HttpHandler[] {
  const id = { id: req(JOB_ID) };
  return [
    route(ctx, {
      method: 'get',
      path: '/config/sync',
      access: ANYBODY,
      params: {},
      handler: (call) => ok(list(call), { digest: call.sim.jobs.sync.digest() }),
    }),
    route(ctx, {
      method: 'get',
      path: '/admin/sync',
      access: ANYBODY,
      params: { store: opt(DATASTORE) },
      handler: ({ params, sim, auth, authid }) =>
        ok(
          sim.jobs.syncStatus(params.store as string | undefined).filter((c) => mayRead(auth, authid, c)),
          { digest: sim.jobs.sync.digest() },
        ),
    }),
    route(ctx, {
      method: 'get',
      path: '/admin/sync/:id',
      access: ANYBODY,
      params: id,
      handler: () => ok([{ subdir: 'run' }]),
    }),
    route(ctx, {
      method: 'post',
      path: '/admin/sync/:id/run',
      access: ANYBODY,
      params: id,
      handler: ({ params, sim, auth, authid }) =>
        ok(
          sim.jobs.runSync(params.id as string, authid, (c) => {
            if (!mayRun(auth, authid, c)) throw new Error('permission check failed');
          }),
        ),
    }),
  ];
}
