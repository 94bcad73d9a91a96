// /admin/gc: GC job status per accessible datastore (verify, prune and sync jobs: verify-jobs.ts, prune.ts, sync.ts).
import type { HttpHandler } from 'msw';
import { NS_PRIVS_OK, PRIV } from '../sim/auth/privileges';
import { ANYBODY } from './auth-gate';
import type { HandlerContext } from './context';
import { ok } from './respond';
import { route, type ApiCall } from './route';
import { DATASTORE, opt, req } from './schemas';

function gcJobs({ params, sim, auth, authid }: ApiCall) {
  const store = params.store as string | undefined;
  // PBS reads one named store's GC status without a check of its own (its router allows anybody)
  if (store !== undefined) return ok([sim.gcJobStatus(store)]);
  const visible = new Set(
    sim
      .listDatastores()
      .map((d) => d.store)
      .filter(
        (s) =>
          auth.hasPrivs(authid, `/datastore/${s}`, PRIV.DATASTORE_AUDIT | PRIV.DATASTORE_BACKUP, true) ||
          auth.anyPrivsBelow(authid, `/datastore/${s}`, NS_PRIVS_OK),
      ),
  );
  return ok(sim.listGcJobs().filter((job) => visible.has(job.store)));
}

export function adminHandlers(ctx: HandlerContext): HttpHandler[] {
  return [
    route(ctx, {
      method: 'get',
      path: '/admin/gc',
      access: ANYBODY,
      params: { store: opt(DATASTORE) },
      handler: gcJobs,
    }),
    route(ctx, {
      method: 'get',
      path: '/admin/gc/:store',
      access: ANYBODY,
      params: { store: req(DATASTORE) },
      handler: gcJobs,
    }),
  ];
}
